"""Worker processes that die with the build, and a build that ends cleanly on SIGTERM or SIGINT.

Each worker of the pool runs :func:`watch_parent` first: on Linux the kernel sends it SIGKILL when
the build process dies (``prctl(PR_SET_PDEATHSIG)``), and everywhere a daemon thread checks every
second that the worker's parent is still the build and exits when it is not. So a build killed
with ``kill -9`` leaves no worker behind. Workers ignore SIGINT (a Ctrl-C in the terminal reaches
the whole process group): the build stops them.

:func:`interruptible` turns SIGTERM and SIGINT in the build process into :class:`BuildInterrupted`,
which the build catches to stop its workers and mark its row interrupted.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
POLL_SECONDS = 1.0


class BuildInterrupted(BaseException):  # noqa: N818 — not an error: a signal asked the build to stop
    """The build received SIGTERM or SIGINT; ``exit_code`` is the shell's (128 + the signal number)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"interrupted by {signal.Signals(signum).name}")
        self.signum = signum
        self.exit_code = 128 + signum


def watch_parent(parent: int) -> None:
    """Pool initializer: end this worker when process ``parent`` (the build) is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the build died before the line above ran
        os._exit(1)
    threading.Thread(target=_poll_parent, args=(parent,), name="onrecord-parent-watch", daemon=True).start()


def _poll_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers die with this process and leave signals to it."""
    return ProcessPoolExecutor(max_workers=workers, initializer=watch_parent, initargs=(os.getpid(),))


def stop(executor: ProcessPoolExecutor, before: set[multiprocessing.Process]) -> None:
    """Stop ``executor`` now: cancel what has not started and terminate its worker processes (the
    children of this process that were not there, ``before``, it started)."""
    executor.shutdown(wait=False, cancel_futures=True)
    mine = [p for p in multiprocessing.active_children() if p not in before]
    for process in mine:
        process.terminate()
    for process in mine:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Within the block, SIGTERM and SIGINT raise :class:`BuildInterrupted` (once; a second signal
    while the build winds down is ignored). Outside the main thread signals cannot be caught, and
    the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = False

    def handler(signum: int, frame: object) -> None:
        nonlocal raised
        if not raised:
            raised = True
            raise BuildInterrupted(signum)

    old = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, previous in old.items():
            signal.signal(sig, previous)
