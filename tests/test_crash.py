"""Builds killed at random moments: SIGTERM (a clean stop, the build row marked interrupted),
SIGKILL while articles are stored and during the link pass. After a rerun the ledger's export
equals that of a build never interrupted, and no worker process outlives its build."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import onrecord
import onrecord.pipeline as pipeline
from generated_news import corpus, export_without_clocks
from onrecord.errors import LedgerError
from onrecord.store.ledger import Ledger

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
SOURCES = Path(onrecord.__file__).resolve().parents[1]  # the builds run the code these tests import
ARTICLES = 40


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SOURCES), env.get("PYTHONPATH")]))
    return env


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], env=_env(), cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _cli_build(inputs: Path, db: Path) -> subprocess.Popen:
    return _start("-m", "onrecord.cli", "build", str(inputs), "--db", str(db), "--quiet", "--workers", "1")


def _stored(db: Path) -> tuple[int, int | None]:
    """(inputs stored, finished_at of the last build) as another process sees them now."""
    try:
        with Ledger(db, readonly=True) as ledger:
            builds = ledger.rows("builds")
            return ledger.count("inputs"), builds[-1]["finished_at"] if builds else None
    except LedgerError:  # not created, or not migrated yet
        return 0, None


def _kill_when(proc: subprocess.Popen, db: Path, stored: int, sig: int, timeout: float = 120) -> set[int]:
    """Send ``sig`` to ``proc`` once ``stored`` inputs are in the ledger and the build is unfinished;
    return the process ids of its children just before."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count, finished = _stored(db)
        if count >= stored and finished is None:
            children = _children(proc.pid)
            proc.send_signal(sig)
            return children
        assert proc.poll() is None, f"the build ended before {stored} inputs were stored: {proc.communicate()}"
        time.sleep(0.01)
    proc.kill()
    pytest.fail(f"{stored} inputs not stored within {timeout} s")
    return set()


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("news")
    corpus(folder, ARTICLES)
    return folder


def test_killed_builds_rerun_to_the_ledger_of_an_uninterrupted_build(news: Path, tmp_path: Path):
    reference = tmp_path / "reference.db"
    summary = pipeline.build([news], db=reference, workers=1)
    assert summary.added == ARTICLES and summary.stories > 0
    db = tmp_path / "killed.db"
    rng = random.Random(17)

    proc = _cli_build(news, db)  # SIGTERM while articles are stored: a clean stop
    _kill_when(proc, db, rng.randint(3, 12), signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "interrupted by SIGTERM" in err and "Traceback" not in err
    with Ledger(db, readonly=True) as ledger:
        assert ledger.rows("builds")[-1]["status"] == "interrupted"
        assert ledger.rows("builds")[-1]["finished_at"] is not None

    proc = _cli_build(news, db)  # SIGKILL while articles are stored
    _kill_when(proc, db, rng.randint(15, 30), signal.SIGKILL)
    assert proc.wait(timeout=60) == -signal.SIGKILL

    proc = _cli_build(news, db)  # SIGKILL once every article is stored: during the link pass
    _kill_when(proc, db, ARTICLES, signal.SIGKILL)
    assert proc.wait(timeout=60) == -signal.SIGKILL
    with Ledger(db, readonly=True) as ledger:
        assert ledger.count("documents") == ARTICLES
        assert ledger.count("stories") == 0 and ledger.needs_link()  # killed before the link pass wrote
        assert ledger.rows("builds")[-1]["status"] == "running"

    proc = _cli_build(news, db)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert f"0 added, {ARTICLES} unchanged" in out
    assert export_without_clocks(db, tmp_path / "a.json") == export_without_clocks(reference, tmp_path / "b.json")


DRIVER = """
import sys
from onrecord.pipeline import build
from onrecord.settings import Settings
build([sys.argv[1]], db=sys.argv[2], settings=Settings(workers=2, parallel_from=1, batch=2))
"""


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found |= {int(p) for p in text.split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_worker_processes_do_not_outlive_their_build(news: Path, tmp_path: Path, sig: int):
    db = tmp_path / "workers.db"
    proc = _start("-c", DRIVER, str(news), str(db))
    workers = _kill_when(proc, db, 2, sig)  # workers are up and have sent back their first batch
    assert workers, "the build started no worker processes"
    _, err = proc.communicate(timeout=60)
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [p for p in workers if _alive(p)]
    for pid in left:  # this test's own leftovers, so a failure leaves nothing running
        os.kill(pid, signal.SIGKILL)
    assert not left, "worker processes outlived their build"
    if sig == signal.SIGTERM:
        with Ledger(db, readonly=True) as ledger:
            assert ledger.rows("builds")[-1]["status"] == "interrupted", (proc.returncode, err[-3000:])
