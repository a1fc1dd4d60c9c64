"""The question a poll share answers: "41% of Americans approve of the job ..." is not "49 percent"
of those who find him honest. The verb of opinion right after a share of people ("of Americans
approve", "of voters thought of Mr. Obama as honest") names what is counted; a share whose
sentence names none counts nothing more specific.
"""

from __future__ import annotations

import re

OPINION_VERBS = {
    "approve": "approve", "approves": "approve", "disapprove": "disapprove", "disapproves": "disapprove",
    "think": "think", "thinks": "think", "thought": "think", "believe": "believe", "believes": "believe",
    "believed": "believe", "want": "want", "wants": "want", "wanted": "want", "support": "support",
    "supports": "support", "supported": "support", "oppose": "oppose", "opposes": "oppose",
    "opposed": "oppose", "favor": "favor", "favors": "favor", "favored": "favor", "expect": "expect",
    "expects": "expect", "expected": "expect", "trust": "trust", "trusts": "trust", "prefer": "prefer",
    "prefers": "prefer", "preferred": "prefer",
}
SHARE_OF = re.compile(r"^\s*(?:percent\s+)?of\s+(?:[\w'’-]+\s+){1,3}?(\w+)\b")


def opinion_of(after: str, unit: str | None) -> frozenset[str]:
    """The opinion a share of people holds, as an event ("who approve"), from the words after it."""
    if unit not in ("%", "percent"):
        return frozenset()
    m = SHARE_OF.match(after)
    verb = OPINION_VERBS.get(m.group(1).lower()) if m else None
    return frozenset({f"who {verb}"}) if verb else frozenset()
