"""Walking a folder without recursion: any depth, symbolic-link loops read once, errors as problems."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from onrecord.ingest.names import problem
from onrecord.models import Problem


def walk(root: Path) -> Iterator[Path | Problem]:
    """Every file under ``root``, in sorted path order; hidden files and folders are skipped.

    Folders are read with an explicit stack, so depth is bounded by the file system, not by
    Python's recursion limit. Symbolic links to folders are followed, but a folder already read
    (a link back to an ancestor, or two links to one folder) is read once and the link is recorded
    as a problem. Unreadable folders and broken links are problems too; the walk goes on.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()
    stack: list[Path] = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                problems.append(problem(str(folder), "ingest",
                                        "folder already read through another path (a symbolic-link loop or "
                                        "a second link to it); read once"))
                continue
            seen.add(key)
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            problems.append(problem(str(folder), "ingest", f"cannot read the folder ({exc.strerror or exc})"))
            continue
        subfolders = []
        for entry in listing:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            try:
                if entry.is_dir():
                    subfolders.append(path)
                elif entry.is_file():
                    files.append(path)
                elif entry.is_symlink():
                    problems.append(problem(str(path), "ingest", "broken symbolic link"))
            except OSError as exc:
                problems.append(problem(str(path), "ingest", f"cannot read ({exc.strerror or exc})"))
        stack.extend(reversed(subfolders))
    yield from problems
    yield from sorted(files)
