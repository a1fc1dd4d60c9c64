from link.link_factory import analysis, event, quote
from onrecord.link.common import Entities, published_order
from onrecord.link.dedup import find_duplicates
from onrecord.link.same import same_events, same_quotes

FULL = "Our guys understand what awaits them, that they could give their lives, but they still sign up knowingly"
TRIMMED = "they could give their lives, but they still sign up knowingly"


def _setup(*analyses):
    order = published_order(analyses)
    _, sources = find_duplicates(analyses, order)
    return Entities(analyses, None), sources, order


def _quoted(doc_id, speaker, text, published="2023-09-12"):
    body = f'"{text}," {speaker} told the forum on Tuesday.'
    return analysis(doc_id, body, published, names=(speaker,), quotes=(quote(body, text, speaker),))


def test_same_quote_trimmed_quote_by_same_speaker_links_first_report():
    a = _quoted("later", "Vladimir Putin", TRIMMED, "2023-09-13")
    b = _quoted("earlier", "Vladimir Putin", FULL, "2023-09-12")
    links = same_quotes((a, b), *_setup(a, b))
    assert len(links) == 1
    assert links[0].kind == "same_quote"
    assert links[0].first == "earlier/q0"
    assert "Vladimir Putin" in links[0].note


def test_same_quote_same_words_from_another_speaker_are_not_linked():
    a = _quoted("a", "Vladimir Putin", FULL)
    b = _quoted("b", "Oleg Kozhemyako", FULL)
    assert same_quotes((a, b), *_setup(a, b)) == []


def test_same_quote_uses_merged_entities_when_given():
    a = _quoted("a", "Vladimir Putin", FULL)
    b = _quoted("b", "Mr Putin", TRIMMED)
    entities = Entities((a, b), {("a", "Vladimir Putin"): "E1", ("b", "Mr Putin"): "E1"})
    _, sources, order = _setup(a, b)
    assert len(same_quotes((a, b), entities, sources, order)) == 1


def _dated(doc_id, sentence, date, names):
    body = sentence + " Officials gave no further details."
    return analysis(doc_id, body, names=names, events=(event(body, sentence, date, names),))


def test_same_event_same_date_shared_actor_similar_sentence_is_linked():
    a = _dated("a", "Kim Jong-un arrived in Khasan by armoured train.", "2023-09-12", ("Kim Jong-un", "Khasan"))
    b = _dated("b", "Kim Jong-un's train pulled into Khasan station.", "2023-09-12", ("Kim Jong-un", "Khasan"))
    groups, links = same_events((a, b), *_setup(a, b))
    assert len(groups) == 1 and [link.kind for link in links] == ["same_event"]


def test_same_event_on_different_dates_is_not_linked():
    a = _dated("a", "Kim Jong-un arrived in Khasan by armoured train.", "2023-09-12", ("Kim Jong-un", "Khasan"))
    b = _dated("b", "Kim Jong-un arrived in Khasan by armoured train.", "2023-09-13", ("Kim Jong-un", "Khasan"))
    groups, links = same_events((a, b), *_setup(a, b))
    assert len(groups) == 2 and links == []
