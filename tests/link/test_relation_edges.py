"""Relations across articles: one edge per actor pair, type and date window; corroboration, contradiction."""

from __future__ import annotations

from onrecord.link.relations import WINDOW_DAYS, edge_of, relation_edges
from onrecord.models import Analysis, Document, Relation


def _doc(doc_id: str) -> Document:
    return Document(doc_id, doc_id, doc_id, None, None, None, (), None, "en", "x", "x")


def _rel(type_: str, date: str | None, status: str = "reported", source: str = "a", target: str = "b") -> Relation:
    return Relation(0, 1, "x", "met", 0, 1, type_, None, source, "A", target, "B", date, "sentence", status,
                    None, None)


ENTITY = {(d, k): f"E-{k}" for d in ("d1", "d2", "d3") for k in ("a", "b")}


def test_two_outlets_one_edge_and_a_denial_contradicts():
    analyses = [Analysis(_doc("d1"), relations=(_rel("AID", "2023-09-12", "alleged"),)),
                Analysis(_doc("d2"), relations=(_rel("AID", "2023-09-14", "denied"),))]
    [edge] = relation_edges(analyses, ENTITY)
    assert edge.docs == 2 and edge.contradicted and edge.relations == ("d1/r0", "d2/r0")
    assert set(edge_of([edge])) == {"d1/r0", "d2/r0"}


def test_outside_the_window_is_another_edge():
    analyses = [Analysis(_doc("d1"), relations=(_rel("CONSULT", "2023-09-12"),)),
                Analysis(_doc("d2"), relations=(_rel("CONSULT", f"2023-{10 + WINDOW_DAYS // 30}-30"),))]
    assert len(relation_edges(analyses, ENTITY)) == 2


def test_symmetric_types_join_both_directions_others_do_not():
    consult = [Analysis(_doc("d1"), relations=(_rel("CONSULT", "2023-09-12"),)),
               Analysis(_doc("d2"), relations=(_rel("CONSULT", "2023-09-13", source="b", target="a"),))]
    assert len(relation_edges(consult, ENTITY)) == 1
    aid = [Analysis(_doc("d1"), relations=(_rel("AID", "2023-09-12"),)),
           Analysis(_doc("d2"), relations=(_rel("AID", "2023-09-13", source="b", target="a"),))]
    assert len(relation_edges(aid, ENTITY)) == 2


def test_unmerged_side_makes_no_edge():
    analyses = [Analysis(_doc("d1"), relations=(_rel("AID", "2023-09-12", target="zz"),))]
    assert relation_edges(analyses, ENTITY) == []
