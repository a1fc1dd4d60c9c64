"""What the story timeline shows, on hand-built rows: relation edges as dated events, one list by
date, readable dates, the arc's placing of related stories."""

from onrecord.web.timeline import in_date_order, placing, readable, relation_events


def _relation(doc, date, status="reported", target="e-kim", published="2023-09-14", type_="CONSULT",
              mode="meet"):
    return {"id": f"{doc}/r0", "doc_id": doc, "start": 10, "end": 60, "text": "Putin met Kim at Vostochny.",
            "type": type_, "mode": mode, "date": date, "status": status, "claimant_name": None,
            "source_entity": "e-putin", "source_name": "Vladimir Putin", "target_entity": target,
            "target_name": "Kim Jong-un", "outlet": doc.upper(), "published": published}


def test_timeline_relations_are_one_event_per_edge_and_date_cited_to_each_sentence():
    rows = [_relation("nyt", "2023-09-13"), _relation("bbc", "2023-09-13", status="alleged")]
    (event,) = relation_events(rows)
    assert event["label"] == "Vladimir Putin — CONSULT/meet — Kim Jong-un, 13 Sep 2023"
    assert event["status"] == "reported" and event["kind"] == "happened"
    assert [c["href"] for c in event["cites"]] == ["/documents/nyt?at=10-60#at", "/documents/bbc?at=10-60#at"]


def test_timeline_relations_planned_or_later_are_expected_and_old_ones_background():
    planned = relation_events([_relation("a", "2023-09-13", status="planned", published="2023-09-12")])
    assert planned[0]["kind"] == "expected"
    later = relation_events([_relation("a", "2023-10", published="2023-09-12")])
    assert later[0]["kind"] == "expected"
    assert relation_events([_relation("a", "2001", published="2023-09-12")]) == []  # background: left out
    denied = relation_events([_relation("a", "2023-09-13", status="denied", type_="AID", mode=None)])
    assert denied[0]["status"] == "denied" and "— AID —" in denied[0]["label"]


def test_timeline_entries_and_relations_in_one_list_by_date():
    entries = [{"date": "2023-09-13", "summary": "summit"}, {"date": "2023-07", "summary": "Shoigu"}]
    relations = relation_events([_relation("a", "2023-09-13")])
    order = [(r["date"], bool(r.get("relation"))) for r in in_date_order(entries, relations)]
    assert order == [("2023-07", False), ("2023-09-13", False), ("2023-09-13", True)]


def test_timeline_dates_read_as_a_journalist_writes_them():
    assert [readable(d) for d in ("2023-09-13", "2023-09", "2023", "2024-W43")] == [
        "13 Sep 2023", "Sep 2023", "2023", "week 43, 2024"]


def test_timeline_arc_places_related_stories_earlier_later_or_alongside():
    own = {"first": "2023-09-12", "last": "2023-09-13"}
    assert placing({"first": "2022-08-08", "last": "2022-08-08"}, own) == "earlier"
    assert placing({"first": "2024-10-24", "last": "2024-10-24"}, own) == "later"
    assert placing({"first": "2023-09-13", "last": "2023-09-20"}, own) == "alongside"
