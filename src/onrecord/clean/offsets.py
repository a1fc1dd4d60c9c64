"""Building a body from kept pieces of the source text, with the offset map back to it."""

from __future__ import annotations

from dataclasses import dataclass, field

from onrecord.models import Segment

PARAGRAPH_SEP = "\n\n"


@dataclass(slots=True)
class BodyBuilder:
    """Appends paragraphs copied from ``source`` and records a ``Segment`` for each piece."""

    source: str
    parts: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    length: int = 0

    def add_paragraph(self, pieces: list[tuple[int, int]]) -> tuple[int, int]:
        """Add one paragraph made of source spans joined by single spaces; return its body span."""
        if self.length:
            self._append(PARAGRAPH_SEP)
        start = self.length
        for i, (s, e) in enumerate(pieces):
            if i:
                self._append(" ")
            self.segments.append(Segment(self.length, s, e - s))
            self._append(self.source[s:e])
        return start, self.length

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    @property
    def body(self) -> str:
        return "".join(self.parts)

