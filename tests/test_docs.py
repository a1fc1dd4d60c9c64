"""The docs name exactly what the software has.

- CLI (``docs/usage.md``): every command of ``onrecord.cli.main`` has a section, a heading
  ``### `onrecord NAME ...``` (a subcommand such as ``eval quotes`` lives in its group's section and
  is named there as ``eval quotes``); every option of every command (each of its ``opts`` and
  ``secondary_opts``: ``-q`` and ``--quiet`` both) is written in its command's section, and the
  group's own options anywhere in the file. "Written" means as a whole token: not preceded by a
  word character or ``-`` and not followed by one, so ``-q`` is not found inside ``--quotes``.
- Web (``docs/web.md``): every route of the app (``app.routes``) has its path template, converters
  dropped (``/documents/{doc_id:path}`` is written ``/documents/{doc_id}``; a mount such as
  ``/static`` is written ``/static/{path}``), in a code span: the whole span, or the span's start
  before a ``?`` query, or ``METHOD /path``. A route that answers other methods than GET is written
  ``METHOD /path`` for each of them.
- Modules (``docs/architecture.md``): inside code spans, every path ending in ``.py`` or ``/``
  (``extract/quotes.py``, ``store/``, ``src/onrecord/models.py``) names a file or folder of
  ``src/onrecord`` (a path starting with ``src/``, ``scripts/``, ``tests/``, ``docs/`` or
  ``examples/`` is taken from the repository root), and every dotted name starting with
  ``onrecord.`` names a module or package, or a name defined at the top of one
  (``onrecord.corrections.append``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest

from onrecord.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
USAGE = DOCS / "usage.md"
WEB = DOCS / "web.md"
ARCHITECTURE = DOCS / "architecture.md"
PACKAGE = ROOT / "src" / "onrecord"
ROOT_FOLDERS = ("src", "scripts", "tests", "docs", "examples")

CODE_SPAN = re.compile(r"`([^`\n]+)`")
HEADING = re.compile(r"^#{1,3} ", re.M)


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        out.append((full, command))
        if isinstance(command, click.Group):
            out += _commands(command, full + " ")
    return out


def _has_token(text: str, token: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", text) is not None


def _sections(text: str) -> dict[str, str]:
    """Each ``### `onrecord NAME ...``` section's text, by NAME (the first word after onrecord)."""
    out = {}
    starts = [m.start() for m in HEADING.finditer(text)] + [len(text)]
    for begin, end in zip(starts, starts[1:], strict=False):
        m = re.match(r"### `onrecord (\S+)", text[begin:end])
        if m:
            out[m.group(1).rstrip("`")] = text[begin:end]
    return out


def _options(command: click.Command) -> list[str]:
    return [opt for param in command.params if isinstance(param, click.Option)
            for opt in (*param.opts, *param.secondary_opts)]


def test_docs_every_command_has_its_section():
    sections = _sections(USAGE.read_text(encoding="utf-8"))
    missing = []
    for name, _ in _commands(main):
        top, *sub = name.split()
        if top not in sections or (sub and not _has_token(sections[top], name)):
            missing.append(name)
    assert not missing, f"commands without their section in {USAGE.name}: {missing}"


def test_docs_every_option_is_documented_in_its_section():
    text = USAGE.read_text(encoding="utf-8")
    sections = _sections(text)
    missing = [f"onrecord {opt}" for opt in _options(main) if not _has_token(text, opt)]
    for name, command in _commands(main):
        section = sections.get(name.split()[0], "")
        missing += [f"onrecord {name} {opt}" for opt in _options(command) if not _has_token(section, opt)]
    assert not missing, f"options not written as a whole token in their section of {USAGE.name}: {missing}"


def test_has_token_is_exact():
    assert not _has_token("build [--quotes fast]", "-q")
    assert not _has_token("--max-size MB", "--max")
    assert _has_token("[-q, --quiet]", "-q") and _has_token("`--json`.", "--json")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from onrecord.store.ledger import Ledger
    from onrecord.web.app import create_app

    db = tmp_path_factory.mktemp("docs") / "empty.db"
    Ledger(db).close()
    return create_app(db)


def _route_forms(app) -> list[tuple[str, set[str]]]:
    """(path template without converters, methods other than GET/HEAD) of every route."""
    out = []
    for route in app.routes:
        path = re.sub(r"\{(\w+):\w+\}", r"{\1}", route.path)
        methods = set(getattr(route, "methods", None) or ())
        if not methods and not path.endswith("}"):  # a mount: everything under it
            path += "/{path}"
        out.append((path, methods - {"GET", "HEAD"}))
    return out


def _route_documented(spans: list[str], path: str, method: str | None) -> bool:
    if method:
        return f"{method} {path}" in spans
    return any(span == path or span.startswith(path + "?") or re.fullmatch(rf"[A-Z]+ {re.escape(path)}", span)
               for span in spans)


def test_docs_every_route_is_documented(app):
    spans = [s.strip() for s in CODE_SPAN.findall(WEB.read_text(encoding="utf-8"))]
    missing = []
    for path, methods in _route_forms(app):
        for method in sorted(methods) or [None]:
            if not _route_documented(spans, path, method):
                missing.append(f"{method} {path}" if method else path)
    assert not missing, f"routes not written exactly in a code span of {WEB.name}: {sorted(set(missing))}"


PATH_TOKEN = re.compile(r"(?<![\w./-])((?:[A-Za-z_][\w-]*/)+(?:[A-Za-z_]\w*\.py)?|[A-Za-z_]\w*\.py)(?![\w/-])")
DOTTED = re.compile(r"(?<![\w.])onrecord(?:\.[A-Za-z_]\w*)+")


def _top_level_names(path: Path) -> set[str]:
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def _module_file(parts: list[str]) -> Path | None:
    base = PACKAGE.parent.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _dotted_exists(name: str) -> bool:
    parts = name.split(".")
    if _module_file(parts) or PACKAGE.parent.joinpath(*parts).is_dir():
        return True
    owner = _module_file(parts[:-1])
    return owner is not None and parts[-1] in _top_level_names(owner)


def _path_exists(token: str) -> bool:
    base = ROOT if token.split("/")[0] in ROOT_FOLDERS else PACKAGE
    return (base / token).exists()


def test_docs_every_module_named_in_the_architecture_exists():
    spans = CODE_SPAN.findall(ARCHITECTURE.read_text(encoding="utf-8"))
    missing = []
    for span in spans:
        missing += [t for t in PATH_TOKEN.findall(span) if not _path_exists(t)]
        missing += [t for t in DOTTED.findall(span) if not _dotted_exists(t)]
    assert not missing, f"{ARCHITECTURE.name} names modules that do not exist: {sorted(set(missing))}"


def test_architecture_rule_reads_paths_and_dotted_names():
    assert PATH_TOKEN.findall("extract/quotes.py -> x, store/, src/onrecord/models.py") == [
        "extract/quotes.py", "store/", "src/onrecord/models.py"]
    assert PATH_TOKEN.findall("docs/cleaning.md, Document.body, a/b.pyc") == []
    assert _dotted_exists("onrecord.cli.main") and not _dotted_exists("onrecord.cli.nothing_here")
    assert _path_exists("store/") and not _path_exists("nowhere/at_all.py")
