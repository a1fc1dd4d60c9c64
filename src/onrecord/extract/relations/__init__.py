"""Relations between actors on the PLOVER ontology: ``extract_relations(doc, actors, times, quotes)``.

Modules: :mod:`.cues` (the lexicon), :mod:`.parse` (frames from the parse), :mod:`.status`
(reported / alleged / planned / denied and the claimant), :mod:`.parties` (descriptions, plural
parties, "it" / "they", demonyms), :mod:`.extract` (records).
"""

from onrecord.extract.relations.cues import QUAD, TYPES
from onrecord.extract.relations.extract import extract_relations

__all__ = ["QUAD", "TYPES", "extract_relations"]
