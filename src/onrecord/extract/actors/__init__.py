"""Actors of one article and the resolver that maps a speaker or claimant span to one of them.

``extract_actors(doc)`` finds and merges the actors; ``resolve(actors, doc, start, end)`` names
the actor a span stands for; ``is_unnamed`` tells when a span is someone the text leaves unnamed.
The plain-string name functions live in :mod:`onrecord.names`.
"""

from onrecord.extract.actors.extract import by_key, extract_actors
from onrecord.extract.actors.mentions import ACTOR_LABELS
from onrecord.extract.actors.resolve import is_unnamed, resolve
from onrecord.extract.actors.roles import role_head, roles_for

__all__ = ["ACTOR_LABELS", "by_key", "extract_actors", "is_unnamed", "resolve", "role_head", "roles_for"]
