"""The accurate quote tagger: windows over paragraphs, the choice of tagger, and the installed
model on a parsed text (skipped without onrecord[accurate])."""

from __future__ import annotations

import importlib.util

import pytest
import spacy
from spacy.tokens import Doc

from onrecord.extract import quotes
from onrecord.extract.quotes import crf as quote_tagger
from onrecord.extract.quotes import transformer as quote_transformer
from onrecord.extract.quotes.transformer import loud_paragraphs, paragraph_tokens, windows
from onrecord.settings import Settings

CLS, SEP, UNK = 101, 102, 100


def _pieces(words: list[str]) -> list[list[int]]:
    """One piece per three letters (an empty word has none, as a tokenizer gives for odd marks)."""
    return [[1000 + len(w)] * ((len(w) + 2) // 3) for w in words]


def test_windows_pack_whole_paragraphs_and_point_at_first_pieces() -> None:
    words = ["aaaaaa", "b", "cc", "dddddddd", "e", "ff"]  # 2, 1, 1, 3, 1, 1 pieces
    wins = windows(words, [[0, 1], [2, 3], [4, 5]], _pieces, CLS, SEP, UNK, max_pieces=8)
    # room for 6 pieces: the second paragraph (4) does not fit after the first (3); the third
    # (2) fits after the second
    assert [w.tokens for w in wins] == [(0, 1), (2, 3, 4, 5)]
    second = wins[1]
    assert second.ids[0] == CLS and second.ids[-1] == SEP
    assert [second.ids[p] for p in second.firsts] == [1002, 1008, 1001, 1002]


def test_windows_never_exceed_the_limit_and_cut_a_long_paragraph_between_words() -> None:
    words = [f"w{i:04d}" for i in range(30)]  # two pieces each
    wins = windows(words, [list(range(30))], _pieces, CLS, SEP, UNK, max_pieces=12)
    assert all(len(w.ids) <= 12 for w in wins)
    assert [t for w in wins for t in w.tokens] == list(range(30))


def test_windows_give_a_word_with_no_pieces_the_unknown_piece() -> None:
    wins = windows(["", "ab"], [[0, 1]], _pieces, CLS, SEP, UNK)
    assert wins[0].ids == (CLS, UNK, 1002, SEP)
    assert wins[0].firsts == (1, 2)


def test_paragraph_tokens_leave_out_space_tokens() -> None:
    nlp = spacy.blank("en")
    doc = nlp("One two.\n\nThree four.")
    paras = paragraph_tokens(doc)
    assert [[doc[i].text for i in p] for p in paras] == [["One", "two", "."], ["Three", "four", "."]]


@pytest.mark.model
def test_only_paragraphs_with_a_reporting_word_or_a_quotation_mark_are_loud(nlp) -> None:
    doc = nlp("Traffic was light on Monday.\n\n\u201cIt will close soon,\u201d he added.\n\n"
              "The mayor said the bridge would close.\n\nRain fell all day.")
    loud = loud_paragraphs(doc)
    assert [doc[p[0]].text for p in loud] == ["\u201c", "The"]
    assert all(not doc[i].is_space for p in loud for i in p)


@pytest.mark.parametrize(
    ("settings", "kind"),
    [(Settings(), "crf"), (Settings(quotes="fast"), "crf"), (Settings(quotes="accurate"), "minilm"),
     (Settings(tagger=False), "models"), (Settings(quotes="accurate", tagger=False), "models")],
)


def test_the_settings_choose_the_tagger(settings: Settings, kind: str) -> None:
    assert settings.fingerprint() == kind


def test_an_unknown_quote_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="quote mode"):
        Settings(quotes="bogus")  # type: ignore[arg-type]


def test_without_the_accurate_tagger_the_crf_is_used(monkeypatch) -> None:
    monkeypatch.setattr(quote_transformer, "missing", lambda: "it needs onrecord[accurate]")
    settings = quotes.effective(Settings(quotes="accurate"))
    assert settings.fingerprint() == "crf"
    assert quotes.readers_for(settings).tagger is quote_tagger.load_tagger()


needs_torch = pytest.mark.skipif(
    importlib.util.find_spec("torch") is None or importlib.util.find_spec("transformers") is None,
    reason="needs onrecord[accurate] (PyTorch, transformers)",
)


@needs_torch
@pytest.mark.model


def test_the_installed_accurate_tagger_finds_content_source_and_cue(nlp) -> None:
    tagger = quote_transformer.load()
    assert tagger is not None, "the accurate tagger's weights are not installed"
    assert quote_transformer.available()
    assert quote_transformer.load() is tagger  # loaded once per process, not once per article
    doc: Doc = nlp(
        "The mayor said on Tuesday that the bridge would close for repairs in the spring.\n\n"
        "Traffic was light."
    )
    tagged = tagger.tagging(doc)
    assert len(tagged.labels) == len(doc)
    found = {(r.label, doc.text[r.start : r.end]) for r in tagged.runs}
    assert ("S", "The mayor") in found
    assert any(lab == "Q" and span.startswith("said") for lab, span in found)
    assert any(lab == "C" and "the bridge would close" in span for lab, span in found)
    assert all(lab == "O" for lab in tagged.labels[-4:])  # the quiet paragraph
    weights = str(quote_transformer.resources.files("onrecord").joinpath(quote_transformer.WEIGHTS_FILE))
    loud = quote_transformer.TransformerTagger(weights, skip_quiet=True)
    assert max(loud.probabilities(doc)) < len(doc) - 4  # the quiet paragraph is not read
    assert 0.0 <= min(tagged.margins["I-C"]) and max(tagged.margins["I-C"]) <= 1.0
    accurate = quotes.effective(Settings(quotes="accurate"))
    assert accurate.fingerprint() == "minilm"
    assert quotes.readers_for(accurate).tagger is tagger
    [quote] = quotes.extract_quotes(doc, settings=accurate)
    assert doc.text[quote.speaker_mention.start : quote.speaker_mention.end] == "The mayor"


@needs_torch
@pytest.mark.model
def test_the_pieces_are_the_tokenizers_own_and_each_precision_reads_alike(nlp) -> None:
    tagger = quote_transformer.load()
    transformer = getattr(tagger, "transformer", tagger)
    words = ["The", "naïve", "U.S.", "", "—", "$5", "officials'", "re-election", "a" * 300]
    from transformers import AutoTokenizer

    own = AutoTokenizer.from_pretrained(quote_transformer.base_model_path())
    assert transformer.pieces(words) == own(words, add_special_tokens=False)["input_ids"]
    assert quote_transformer.default_precision() in quote_transformer.PRECISIONS
    doc: Doc = nlp("The mayor said on Tuesday that the bridge would close for repairs in the spring.")
    weights = str(quote_transformer.resources.files("onrecord").joinpath(quote_transformer.WEIGHTS_FILE))
    readings = {p: quote_transformer.TransformerTagger(weights, precision=p).tag(doc) for p in ("fp32", "bf16")}
    assert readings["fp32"] == readings["bf16"]
    with pytest.raises(ValueError, match="precision"):
        quote_transformer.TransformerTagger(weights, precision="fp8")
