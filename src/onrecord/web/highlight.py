"""Cut a document body into pieces, each with the extracted items that cover it.

The template renders each piece as escaped text, wrapped in a ``<mark>`` whose ``title`` says what
was extracted there. Overlapping items are fine: a piece lists every item covering it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Note:
    start: int
    end: int
    kind: str  # quote, speaker, claim, mention, time
    label: str
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    kinds: tuple[str, ...]
    title: str
    anchor: str | None


def mention_anchor(start: int) -> str:
    """The id of a mention's mark on the document page (where an actor page's sources link)."""
    return f"m{start}"


def notes_for(quotes: list[dict], claims: list[dict], mentions: list[dict], times: list[dict],
              names: dict[str, str]) -> list[Note]:
    notes = []
    for q in quotes:
        who = q.get("speaker_name") or "unknown speaker"
        label = f"{q['kind']} quote by {who} ({q['id']})"
        if q.get("act") and q["act"] != "speech":
            label = f"{q['act']}: {label}"
        # a quote split by its attribution: each fragment marked, the first one anchored
        for i, f in enumerate(q.get("fragments") or [q]):
            notes.append(Note(f["start"], f["end"], "quote", label, q["id"] if i == 0 else None))
        sm = q.get("speaker_mention")
        if sm:
            notes.append(Note(sm["start"], sm["end"], "speaker", f"speaker of {q['id']}: {who}"))
    for c in claims:
        who = c.get("claimant_name") or "the outlet"
        what = f"{c['text']} {c.get('counted') or ''}".strip()
        notes.append(Note(c["start"], c["end"], "claim", f"claim: {what}; by {who}; {c['status']} ({c['id']})",
                          c["id"]))
    for m in mentions:
        notes.append(Note(m["start"], m["end"], "mention", f"actor: {names.get(m['actor_key'], m['text'])}",
                          mention_anchor(m["start"])))
    for t in times:
        notes.append(Note(t["start"], t["end"], "time", f"date: {t.get('value') or 'unresolved'}"))
    return notes


def pieces(body: str, notes: list[Note]) -> list[Piece]:
    """Split ``body`` at every note boundary; each piece carries the notes covering it."""
    valid = [n for n in notes if 0 <= n.start < n.end <= len(body)]
    cuts = sorted({0, len(body), *(n.start for n in valid), *(n.end for n in valid)})
    out: list[Piece] = []
    starts: dict[int, list[Note]] = {}
    for n in valid:
        starts.setdefault(n.start, []).append(n)
    active: list[Note] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [n for n in active if n.end > a] + starts.get(a, [])
        anchors = [n.anchor for n in starts.get(a, []) if n.anchor]
        kinds = tuple(sorted({n.kind for n in active}))
        title = "; ".join(n.label for n in active)
        out.append(Piece(body[a:b], kinds, title, anchors[0] if anchors else None))
    return out
