"""The PLOVER event ontology as onrecord reads it: its 16 event types and the quad class of each
(verbal or material, cooperation or conflict). spaCy-free: the extractor, the link pass, the web
pages, the exports and the evaluation all read this one table."""

from __future__ import annotations

QUAD = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "PROTEST": "material conflict",
    "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}  # fmt: skip
TYPES = tuple(QUAD)
# the short name of each quad class (CSS classes, the graph's colours)
QUAD_CODE = {"verbal cooperation": "vcoop", "material cooperation": "mcoop", "verbal conflict": "vconf",
             "material conflict": "mconf"}
