"""The garbage collector's settings for the build: frozen model, rarer collections, restored after."""

from __future__ import annotations

import gc

from onrecord.collector import THRESHOLDS, fewer_collections, settle


def test_fewer_collections_sets_the_thresholds_and_restores_them():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        with fewer_collections():
            assert gc.get_threshold() == THRESHOLDS
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_fewer_collections_restores_the_thresholds_on_an_error():
    before = gc.get_threshold()
    try:
        with fewer_collections():
            raise KeyError("stop")
    except KeyError:
        pass
    assert gc.get_threshold() == before


def test_settle_freezes_what_exists_and_collects_less_often():
    before = gc.get_threshold()
    kept = [object() for _ in range(10)]
    try:
        settle()
        assert gc.get_freeze_count() >= len(kept)
        assert gc.get_threshold() == THRESHOLDS
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
    assert gc.get_freeze_count() == 0
