"""Who said what: direct, indirect and mixed quotes with their speakers.

``extract_quotes(doc, actors, headline_end, entries, settings)`` is the entry point;
``effective(settings)`` gives the settings as they can run here (the accurate tagger falls back to
the fast one when it is not installed). ``candidates``, ``all_features`` and ``draft_features``
expose the candidates and what the learned models read about them, for training and diagnosis;
the taggers (``crf``, ``transformer``) share the ``QuoteTagger`` protocol of ``tagging``.
"""

from onrecord.extract.quotes.candidates import candidates
from onrecord.extract.quotes.draft import Draft
from onrecord.extract.quotes.extract import Readers, effective, extract_quotes, readers_for
from onrecord.extract.quotes.features import all_features, draft_features
from onrecord.extract.quotes.tagging import QuoteTagger, Run, Tagging
from onrecord.extract.quotes.variants import VARIANTS

__all__ = [
    "VARIANTS", "Draft", "QuoteTagger", "Readers", "Run", "Tagging", "all_features", "candidates",
    "draft_features", "effective", "extract_quotes", "readers_for",
]
