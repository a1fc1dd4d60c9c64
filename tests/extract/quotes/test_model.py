"""The learned candidate and exactness models."""

from __future__ import annotations


def test_quote_model_keeps_candidates_at_or_above_threshold() -> None:
    from onrecord.extract.quotes.model import QuoteModel, from_json

    model = QuoteModel({"lemma=say": 2.0, "how=object": -3.0}, 0.0, 0.5)
    assert model.keep(["lemma=say"]) and not model.keep(["how=object"])
    assert model.probability([]) == 0.5 and model.keep([])  # unseen features weigh nothing
    assert from_json(model.to_json()) == model


def test_quote_models_switched_off_by_the_settings() -> None:
    from onrecord.extract.quotes import Readers, readers_for
    from onrecord.settings import Settings

    assert readers_for(Settings(models=False)) == Readers(None, None, None)
    assert readers_for(Settings()).model is not None


def test_only_the_fast_readers_have_a_reading_floor() -> None:
    from onrecord.extract.quotes.extract import MIN_READING, readers_for
    from onrecord.settings import Settings

    assert 0.0 < MIN_READING < 1.0 and readers_for(Settings()).floor == MIN_READING
    assert readers_for(Settings(tagger=False)).floor == 0.0  # measured with the tagger only


def test_quote_model_is_installed_with_the_package() -> None:
    from onrecord.extract.quotes.model import load_model

    model = load_model()
    assert model is not None and 0.0 < model.threshold < 1.0
    # a candidate the tagger calls content all through is likelier than one it never tags
    assert model.weights["t_share=4"] > model.weights["t_share=0"]


def test_exactness_model_prefers_edges_the_tagger_is_sure_of() -> None:
    from onrecord.extract.quotes.model import EXACT_FILE, load_model

    exact = load_model(EXACT_FILE)
    assert exact is not None
    assert exact.weights["m_edges=4/4"] > exact.weights["m_edges=0/0"]
