"""clean stage: boilerplate removal, metadata, live-blog entries and the offset map.

``clean(raw) -> Document | Problem`` is the stage's contract (see ``core.py``).
"""

from onrecord.clean.core import clean

__all__ = ["clean"]
