"""SIGTERM and SIGINT inside a build become BuildInterrupted (once), with the shell's exit code."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from onrecord.workers import BuildInterrupted, interruptible


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_inside_the_block_raises_build_interrupted(sig: int, code: int):
    before = signal.getsignal(sig)
    with pytest.raises(BuildInterrupted) as caught, interruptible():
        os.kill(os.getpid(), sig)
    assert caught.value.exit_code == code and caught.value.signum == sig
    assert signal.Signals(sig).name in str(caught.value)
    assert signal.getsignal(sig) == before  # the handlers are the caller's again


def test_a_second_signal_while_winding_down_is_ignored():
    with pytest.raises(BuildInterrupted), interruptible():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
        except BuildInterrupted:
            os.kill(os.getpid(), signal.SIGTERM)  # arrives during the clean-up: no second exception
            raise


def test_outside_the_main_thread_the_block_runs_as_it_is():
    seen = []

    def body() -> None:
        with interruptible():
            seen.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    assert seen == [signal.getsignal(signal.SIGTERM)]
