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

import collections
import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

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


def start_worker(parent: int, warm: Callable[[], object] | None) -> None:
    """Pool initializer: :func:`watch_parent`, then ``warm()`` (e.g. load the model once per worker)."""
    watch_parent(parent)
    if warm is not None:
        warm()


def pool(workers: int, warm: Callable[[], object] | None = None) -> ProcessPoolExecutor:
    """A process pool whose workers die with this process and leave signals to it; each worker
    runs ``warm`` (a module-level function) once when it starts, before its first task."""
    return ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=(os.getpid(), warm))


def schedule(items: Sequence[T], size: int, workers: int) -> Iterator[list[T]]:
    """``items`` in batches of ``size``, the last ``workers * size`` in batches of a quarter of
    that, so that no worker is left alone with a whole batch at the end."""
    small = max(1, size // 4)
    tail = max(0, len(items) - workers * size)
    head = tail - tail % size
    for start in range(0, head, size):
        yield list(items[start:start + size])
    for start in range(head, len(items), small):
        yield list(items[start:start + small])


def ordered(executor: Executor, task: Callable[[T], R], batches: Iterable[T],
            ahead: int) -> Iterator[R]:
    """``task`` over ``batches`` in the executor, results in input order as they finish, with at
    most ``ahead`` batches sent and not yet returned (so inputs are sent as workers free up, and
    results are written while the next batches run)."""
    pending: collections.deque[Future[R]] = collections.deque()
    for batch in batches:
        pending.append(executor.submit(task, batch))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


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


class Workers:
    """The build's worker pool, started on demand (each worker runs ``warm`` once, first: the
    build loads the model there) so that the workers warm up while the parent still reads
    inputs; as a context, shut down at the end or, on an exception, its workers stopped at once."""

    def __init__(self, workers: int, warm: Callable[[], object] | None = None) -> None:
        self.workers = workers
        self.warm = warm
        self.before = set(multiprocessing.active_children())
        self.executor: ProcessPoolExecutor | None = None

    def start(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = pool(self.workers, self.warm)
        return self.executor

    def stop(self) -> None:
        if self.executor is not None:
            stop(self.executor, self.before)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.close()
        else:
            self.stop()


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
