"""``clean`` on hand-written texts: boilerplate goes, article sentences stay, offsets map back."""

from __future__ import annotations

import hashlib

import pytest

from clean.clean_fixtures import (
    ALL,
    BIO_LIKE,
    CMS_LIKE,
    DATE_CAPTION_LIKE,
    TIMES_LIKE,
    WIDGET_LIKE,
    Fixture,
)
from onrecord.clean import clean
from onrecord.models import Document, Problem, RawInput


def _clean(text: str, **meta) -> Document:
    doc = clean(RawInput(source="fixture.txt", input_id="fixture.txt", kind="text", content=text, meta=meta))
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize("fx", ALL, ids=lambda f: f.name)
def test_clean_keeps_every_article_sentence(fx: Fixture):
    body = _clean(fx.text).body
    for sentence in fx.keep:
        assert sentence in body


@pytest.mark.parametrize("fx", ALL, ids=lambda f: f.name)
def test_clean_removes_every_boilerplate_line(fx: Fixture):
    doc = _clean(fx.text)
    for noise in fx.drop:
        assert noise not in doc.body
        assert any(noise in r.text for r in doc.removed), noise


@pytest.mark.parametrize("fx", ALL, ids=lambda f: f.name)
def test_clean_segments_map_every_body_character_to_the_source(fx: Fixture):
    doc = _clean(fx.text)
    covered = 0
    for s in doc.segments:
        assert doc.body[s.body_start:s.body_start + s.length] == doc.source_text[s.source_start:s.source_start + s.length]
        covered += s.length
    assert covered == len(doc.body) - doc.body.count("\n\n") * 2


def test_clean_body_paragraphs_are_separated_by_one_blank_line():
    body = _clean(TIMES_LIKE.text).body
    assert "\n\n\n" not in body and body == body.strip()


def test_clean_ids_are_hashes_of_source_and_content():
    doc = _clean(BIO_LIKE.text)
    content_hash = hashlib.sha256(BIO_LIKE.text.encode()).hexdigest()
    assert doc.content_hash == content_hash
    assert doc.id == hashlib.sha1(f"fixture.txt\0{content_hash}".encode()).hexdigest()[:16]


def test_clean_duplicated_caption_is_kept_once_in_captions():
    doc = _clean(TIMES_LIKE.text)
    assert doc.captions.count("Workers repair the damaged pier on Monday") == 1
    assert {r.reason for r in doc.removed if r.text.startswith("Workers repair")} == {"caption", "duplicated caption"}


def test_clean_live_blog_entries_have_time_date_and_heading():
    doc = _clean(TIMES_LIKE.text)
    assert [(e.time, e.date, e.heading) for e in doc.entries] == [
        ("16:15", "--06-03", "Council answers critics"), ("14:05", "--06-03", "Repairs on schedule, says engineer")]
    first = doc.entries[0]
    assert doc.body[first.start:first.end].startswith("Council answers critics")
    assert doc.body[first.start:first.end].endswith(TIMES_LIKE.keep[6])


def test_clean_repeated_paragraph_is_kept_once_and_recorded():
    doc = _clean(TIMES_LIKE.text)
    assert doc.body.count(TIMES_LIKE.keep[4]) == 1
    assert any(r.reason == "repeated paragraph" for r in doc.removed)


def test_clean_reads_title_standfirst_and_outlet_label():
    doc = _clean(TIMES_LIKE.text)
    assert doc.title == "Ferry service to restart after pier repairs"
    assert doc.standfirst == "Traders welcome the news as repairs near completion"
    assert doc.outlet == "The Daily Example"


def test_clean_author_bio_gives_author_and_outlet():
    doc = _clean(BIO_LIKE.text)
    assert doc.authors == ("Maria Lind",)
    assert doc.outlet == "The Coastal Herald"


def test_clean_leading_date_line_is_the_stated_publication_date():
    doc = _clean(DATE_CAPTION_LIKE.text)
    assert (doc.published, doc.published_source) == ("2023-06-03", "stated")
    assert "The director of the harbour authority speaks at the quay" in doc.captions


def test_clean_told_outlet_names_the_outlet_when_nothing_else_does():
    assert _clean(DATE_CAPTION_LIKE.text).outlet == "The Coastal Herald"


def test_clean_byline_and_dateline_give_author_and_date():
    doc = _clean(WIDGET_LIKE.text)
    assert doc.authors == ("Tom Vik",)
    assert doc.published == "2023-06-03"


def test_clean_unknown_metadata_stays_none():
    doc = _clean(CMS_LIKE.text)
    assert doc.published is None and doc.outlet is None and doc.authors == ()


def test_clean_container_metadata_wins_over_the_text():
    doc = _clean(BIO_LIKE.text, outlet="Wire", published="2020-01-02", authors=["A. Writer"], title="Given")
    assert (doc.outlet, doc.published, doc.published_source, doc.authors, doc.title) == (
        "Wire", "2020-01-02", "meta", ("A. Writer",), "Given")


def test_clean_empty_text_is_a_problem():
    result = clean(RawInput(source="e.txt", input_id="e.txt", kind="text", content="  \n "))
    assert isinstance(result, Problem) and result.stage == "clean" and result.reason == "empty text"


def test_clean_text_without_article_is_a_problem_that_says_why():
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Sign in", "Advertisement", "Contact us"])
    result = clean(RawInput(source="m.txt", input_id="m.txt", kind="text", content=menu))
    assert isinstance(result, Problem) and result.reason.startswith("no article")


def test_clean_non_english_text_is_kept_and_marked_not_analysed_with_its_language():
    text = ("El servicio de transbordador se reanudará el próximo mes después de las reparaciones del muelle, "
            "dijo el martes la autoridad portuaria. Los comerciantes locales se han quejado durante meses de "
            "que el cierre redujo sus ingresos en un tercio, según una encuesta de la cámara de comercio.")
    result = clean(RawInput(source="es.txt", input_id="es.txt", kind="text", content=text))
    assert isinstance(result, Document) and result.language == "es" and result.not_analysed == "language es"
    assert result.body.startswith("El servicio de transbordador")
    assert clean(RawInput(source="es.txt", input_id="es.txt", kind="text", content=text), languages=None).not_analysed is None


def test_clean_live_entry_without_heading_has_none_heading():
    text = "\n\n".join([BIO_LIKE.keep[2], "10.05am", "June 3", BIO_LIKE.keep[3], BIO_LIKE.keep[4]])
    doc = _clean(text)
    assert [(e.time, e.heading) for e in doc.entries] == [("10:05", None)]
    assert doc.body[doc.entries[0].start:].startswith(BIO_LIKE.keep[3])


def test_clean_windows_line_endings_keep_the_offset_map_exact():
    doc = _clean(WIDGET_LIKE.text.replace("\n", "\r\n"))
    assert "\r" not in doc.body
    for s in doc.segments:
        assert doc.body[s.body_start:s.body_start + s.length] == doc.source_text[s.source_start:s.source_start + s.length]


def test_clean_date_line_without_a_time_is_a_dateline_not_an_entry():
    text = "\n\n".join(["Ferry service to resume", "Wednesday, June 3, 2023", *BIO_LIKE.keep[2:6]])
    doc = _clean(text)
    assert doc.entries == ()
    assert (doc.published, doc.published_source) == ("2023-06-03", "stated")
    assert any(r.reason == "dateline" for r in doc.removed)


def test_clean_date_label_alone_on_the_first_line_is_read_and_removed():
    from onrecord.clean import clean
    from onrecord.models import RawInput

    text = ("date 2025-03-14\nHarbour strike extended by a week\n\n"
            "Members of the dock union voted on Friday to stay out for another seven days, the union said.\n\n"
            "The port authority said its offer of a rise remained open and that it would not raise it.\n")
    doc = clean(RawInput("x.txt", "x.txt", "text", text))
    assert doc.published == "2025-03-14"
    assert doc.title == "Harbour strike extended by a week"
    assert "date 2025-03-14" not in doc.body


def test_clean_live_blog_title_is_not_taken_for_a_promo_or_an_entry_heading():
    from onrecord.clean import clean
    from onrecord.models import RawInput

    text = ("Harbour strike: dockers vote on walkout — live updates\n\n"
            "Follow the latest as dock workers decide whether to stay out\n\n"
            "4.45pm\nMarch 14\n\nUnion votes to extend strike\n\n"
            "Members of the dock union have voted to extend the strike for another seven days, the union said.\n\n"
            "3.10pm\nMarch 14\n\nMinister brings talks forward\n\n"
            "The transport minister has brought forward the planned talks to Saturday, her ministry said today.\n")
    doc = clean(RawInput("live.txt", "live.txt", "text", text))
    assert doc.title == "Harbour strike: dockers vote on walkout — live updates"
    assert doc.standfirst == "Follow the latest as dock workers decide whether to stay out"
    assert [e.heading for e in doc.entries] == ["Union votes to extend strike", "Minister brings talks forward"]


def test_clean_outlet_from_a_possessive_author_bio():
    from onrecord.clean.metadata import author_bio

    assert author_bio("Miriam Okafor is the Ledger Gazette's labour correspondent.") == ("Miriam Okafor", "Ledger Gazette")
