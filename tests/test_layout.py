"""The shape of the source tree, read from the files with ``ast`` (the package is not imported).

- Size: no module in ``src/onrecord`` over ``MAX_MODULE_LINES`` lines, no function (or method)
  over ``MAX_FUNCTION_LINES`` lines, counted from its ``def`` line to its last line.
- Imports: every ``import`` of an onrecord module, wherever it stands, is an edge of the import
  graph. ``from onrecord.x import y`` points at ``onrecord.x.y`` when that is a module of the tree,
  else at ``onrecord.x``; relative imports are resolved against the importing module's package.
  Importing a module is not counted as importing its parent packages. The edges that run when the
  module is imported (any statement outside a function body, except the ones under
  ``if TYPE_CHECKING:``) must form no cycle. The read side (``LEAF_PACKAGES``) must not import
  ``onrecord.extract`` or ``spacy`` at any level, ``TYPE_CHECKING`` included. Only direct imports
  are checked: a module of ``onrecord.link`` that imports a module which imports spaCy passes.
- SQL: no string (docstrings aside) holding a ``SELECT``, ``INSERT INTO``, ``UPDATE ... SET`` or
  ``DELETE FROM`` statement outside ``src/onrecord/store/``.
- Environment: nothing in ``src/`` writes ``os.environ`` (item assignment or deletion,
  ``setdefault``, ``update``, ``pop``, ``clear``) or calls ``os.putenv`` / ``os.unsetenv``.
- Private names: no test or script imports a name starting with ``_`` (dunders aside) from
  onrecord, nor a module whose path has such a part (``from onrecord.x import _y``), nor reads one
  off an onrecord module it imported (``from onrecord.x import y`` then ``y._z``).
- Words: no "session" (as a word, any case, plural included) in ``docs/*.md`` or ``src/**/*.py``.

Every assertion's message lists all the offenders.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = SRC / "onrecord"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
LEAF_PACKAGES = ("onrecord.link", "onrecord.store", "onrecord.web", "onrecord.report", "onrecord.export")
BANNED_FOR_LEAVES = ("onrecord.extract", "spacy")

SQL = re.compile(
    r"\bSELECT\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\S+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\bselect\s+[\w*.,() ]+\s+from\s+\w|\binsert\s+(?:or\s+\w+\s+)?into\s+\w|\bdelete\s+from\s+\w"
)
SESSION = re.compile(r"\bsessions?\b", re.IGNORECASE)
ENV_WRITERS = frozenset({"setdefault", "update", "pop", "popitem", "clear"})


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in _sources()}


def _is_under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


# --- imports -----------------------------------------------------------------------------------


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST, at_import: bool = True) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement below ``node``, with whether it runs when the module is imported."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, at_import
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield from _imports(child, False)
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for stmt in child.body:
                yield from _imports(ast.Module(body=[stmt], type_ignores=[]), False)
            for stmt in child.orelse:
                yield from _imports(ast.Module(body=[stmt], type_ignores=[]), at_import)
        else:
            yield from _imports(child, at_import)


def _targets(stmt: ast.Import | ast.ImportFrom, module: str, is_package: bool,
             known: dict[str, Path]) -> list[str]:
    """The modules ``stmt`` imports (onrecord ones resolved to modules of the tree)."""
    if isinstance(stmt, ast.Import):
        return [alias.name for alias in stmt.names]
    if stmt.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        base = package[: len(package) - (stmt.level - 1)]
        source = ".".join(base + ([stmt.module] if stmt.module else []))
    else:
        source = stmt.module or ""
    out = []
    for alias in stmt.names:
        sub = f"{source}.{alias.name}"
        out.append(sub if sub in known else source)
    return list(dict.fromkeys(out))


@cache
def _graph() -> tuple[tuple[str, str, bool, int], ...]:
    """(importer, imported, runs at import, line) for every import in the package."""
    known = _modules()
    edges = []
    for name, path in known.items():
        for stmt, at_import in _imports(_tree(path)):
            for target in _targets(stmt, name, path.name == "__init__.py", known):
                edges.append((name, target, at_import, stmt.lineno))
    return tuple(edges)


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module, or a module importing itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in edges.get(v, ()):
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


# --- the checks --------------------------------------------------------------------------------


def test_no_module_over_the_line_limit():
    long = [f"{_rel(p)}: {n}" for p in _sources()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_no_function_over_the_line_limit():
    long = []
    for path in _sources():
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = node.end_lineno - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    long.append(f"{_rel(path)}:{node.lineno} {node.name}: {size}")
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_module_level_imports_have_no_cycle():
    edges: dict[str, set[str]] = {}
    known = _modules()
    for importer, imported, at_import, _ in _graph():
        if at_import and imported in known:
            edges.setdefault(importer, set()).add(imported)
    cycles = _cycles(edges)
    assert not cycles, f"import cycles (modules importing each other at import time): {cycles}"


def test_read_side_imports_nothing_from_extract_or_spacy():
    bad = [f"{importer} imports {imported} (line {line})"
           for importer, imported, _, line in _graph()
           if any(_is_under(importer, leaf) for leaf in LEAF_PACKAGES)
           and any(_is_under(imported, banned) for banned in BANNED_FOR_LEAVES)]
    assert not bad, f"{', '.join(LEAF_PACKAGES)} must not import extract or spaCy: {bad}"


def _docstrings(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def test_no_sql_outside_the_store():
    store = PACKAGE / "store"
    bad = []
    for path in _sources():
        if store in path.parents:
            continue
        tree = _tree(path)
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                    and (m := SQL.search(node.value))):
                bad.append((_rel(path), node.lineno, m.group(0)))
    listed = [f"{path}:{line} {what!r}" for path, line, what in sorted(bad)]
    assert not listed, f"SQL statements outside src/onrecord/store/: {listed}"


def _is_environ(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
        isinstance(node, ast.Name) and node.id == "environ"
    )


def _environ_writes(tree: ast.Module) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.Delete):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Subscript) and _is_environ(target.value):
                yield node.lineno, "os.environ[...] " + ("del" if isinstance(node, ast.Delete) else "=")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner, attr = node.func.value, node.func.attr
            if _is_environ(owner) and attr in ENV_WRITERS:
                yield node.lineno, f"os.environ.{attr}"
            elif isinstance(owner, ast.Name) and owner.id == "os" and attr in {"putenv", "unsetenv"}:
                yield node.lineno, f"os.{attr}"
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            for alias in node.names:
                if alias.name in {"putenv", "unsetenv"}:
                    yield node.lineno, f"from os import {alias.name}"


def test_nothing_in_src_writes_the_environment():
    bad = [f"{_rel(path)}:{line} {what}" for path in sorted(SRC.rglob("*.py"))
           for line, what in _environ_writes(_tree(path))]
    assert not bad, f"environment writes in src/: {bad}"


def _private(name: str) -> bool:
    return any(part.startswith("_") and not (part.startswith("__") and part.endswith("__"))
               for part in name.split("."))


def _private_uses(tree: ast.Module) -> Iterator[tuple[int, str]]:
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if not _is_under(node.module, "onrecord"):
                continue
            bound |= {a.asname or a.name for a in node.names}
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            yield from ((node.lineno, n) for n in dict.fromkeys(names) if _private(n))
        elif isinstance(node, ast.Import):
            for a in node.names:
                if _is_under(a.name, "onrecord"):
                    bound.add(a.asname or a.name.split(".")[0])
                    if _private(a.name):
                        yield node.lineno, a.name
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound
                and _private(node.attr)):
            yield node.lineno, f"{node.value.id}.{node.attr}"


def test_tests_and_scripts_use_no_private_name():
    files = sorted((ROOT / "tests").rglob("*.py")) + sorted((ROOT / "scripts").rglob("*.py"))
    bad = sorted({f"{_rel(path)}:{line} {name}" for path in files for line, name in _private_uses(_tree(path))})
    assert not bad, f"private onrecord names used by tests or scripts: {bad}"


def test_no_session_in_docs_or_sources():
    files = sorted((ROOT / "docs").glob("*.md")) + _sources()
    bad = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if m := SESSION.search(line):
                bad.append(f"{_rel(path)}:{number} {m.group(0)!r}")
    assert not bad, f"'session' in docs or sources: {bad}"
