"""The dossier web app: server-rendered pages, each with a JSON twin under ``/api``.

Read-only except ``POST /corrections`` and ``POST /api/corrections``, which validate one
correction and append it to the corrections file (applied by the next build). Before any route,
:class:`onrecord.web.guard.Guard` refuses foreign hosts, cross-origin writes and big bodies.
"""

from __future__ import annotations

import inspect
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from onrecord.corrections import CorrectionError, default_path
from onrecord.errors import LedgerError
from onrecord.labels import doc_label, shorten
from onrecord.safe import link_url
from onrecord.store.ledger import Ledger
from onrecord.store.read_items import Filters
from onrecord.web import edits, views
from onrecord.web import relations as web_relations
from onrecord.web.cite import at_href
from onrecord.web.guard import Guard, Policy, parse_json

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
APPLIED = "Saved. It will be applied on the next build (run 'onrecord build' again)."

Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip (pagination)")]
Limit = Annotated[int, Query(ge=1, le=200, description="Rows per page")]


class NotFound(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.ChainableUndefined,
                             auto_reload=False)
    env.filters["num"] = _num
    env.filters["link_url"] = link_url
    env.filters["label"] = label
    env.filters["short"] = shorten
    env.globals["at_href"] = at_href
    return env


def label(d: Any) -> str:
    """An article's readable name (:func:`onrecord.labels.doc_label`) from a row with ``title``,
    ``outlet``, ``published``, ``opening`` (or ``body``) and ``id``."""
    get = d.get if isinstance(d, dict) else (lambda k: getattr(d, k, None))
    return doc_label(get("title"), get("outlet"), get("published"), get("opening") or get("body"),
                     get("id") or get("doc_id") or "")


def _num(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def create_app(db: Path, corrections: Path | None = None, policy: Policy | None = None) -> FastAPI:
    """The dossier app over the ledger at ``db`` (opened read-only per request).

    ``policy`` says which hosts, origins and body sizes it accepts; by default loopback names on
    any port (``Policy.serving(host, port)`` is what ``serve`` uses).
    """
    db = Path(db)
    Ledger(db, readonly=True).close()  # fail early with a clear message
    app = FastAPI(title="onrecord dossier", version="1", docs_url=None, redoc_url=None,
                  description="Read-only dossier API; corrections are the only writes.")
    app.state.db = db
    app.state.corrections = Path(corrections) if corrections else default_path(db)
    app.state.env = environment()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _install_handlers(app)
    _install_routes(app)
    app.add_middleware(Guard, policy=policy or Policy())  # outermost: runs before everything else
    return app


def serve(db: Path, host: str = "127.0.0.1", port: int = 8000, corrections: Path | None = None,
          allow_hosts: Iterable[str] = ()) -> None:
    """Run the app with uvicorn (loopback by default), accepting ``Host`` names for loopback,
    ``host`` and ``allow_hosts``, with ``port``."""
    import uvicorn

    policy = Policy.serving(host, port, allow_hosts)
    uvicorn.run(create_app(db, corrections, policy), host=host, port=port, log_level="info")


_local = threading.local()


def connection(request: Request) -> sqlite3.Connection:
    """A read-only connection per worker thread, kept open so its page cache stays warm."""
    db = request.app.state.db
    cache: dict[Path, Ledger] = getattr(_local, "ledgers", None) or {}
    _local.ledgers = cache
    ledger = cache.get(db)
    if ledger is None:
        ledger = cache[db] = Ledger(db, readonly=True)
        ledger.conn.execute("PRAGMA mmap_size = 268435456")
        ledger.conn.execute("PRAGMA cache_size = -32768")
    return ledger.conn


Conn = Annotated[sqlite3.Connection, Depends(connection)]


def render(request: Request, template: str, data: dict, status: int = 200) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.env
    html = env.get_template(template).render(request=request, **data)
    return HTMLResponse(html, status_code=status)


def _install_handlers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": f"not found: {exc.what}"}, status_code=404)
        return render(request, "error.html", {"title": "Not found", "message": f"Not found: {exc.what}"}, 404)

    @app.exception_handler(LedgerError)
    async def ledger_error(request: Request, exc: LedgerError) -> Response:
        return JSONResponse({"error": str(exc)}, status_code=503)


def _found(data: dict | None, what: str) -> dict:
    if data is None:
        raise NotFound(what)
    return data


def _filters(who: str, outlet: str, date_from: str, date_to: str, kind: str, status: str, q: str,
             story: str) -> Filters:
    return Filters(who=who.strip(), outlet=outlet, date_from=date_from, date_to=date_to, kind=kind,
                   status=status, q=q.strip(), story=story)


PageData = Callable[..., dict | None]


def twin(app: FastAPI, path: str, api_path: str, template: str,
         missing: str = "") -> Callable[[PageData], PageData]:
    """Register a page's data function twice: the HTML page at ``path`` (rendered with ``template``)
    and its JSON twin at ``api_path``, which the API docs describe with the function's docstring.

    Both take the function's parameters; ``missing`` (formatted with them) names what was not found
    when the function returns None, and either answers 404.
    """
    def register(data: PageData) -> PageData:
        signature = inspect.signature(data)

        def api(**params: Any) -> dict:
            return _found(data(**params), missing.format(**params))

        def page(request: Request, **params: Any) -> Response:
            return render(request, template, api(**params))

        request = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation="Request")
        api.__name__, api.__doc__ = f"{data.__name__}_api", data.__doc__
        api.__signature__ = signature.replace(return_annotation="dict")  # type: ignore[attr-defined]
        page.__name__ = f"{data.__name__}_page"
        page.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[request, *signature.parameters.values()], return_annotation="Response")
        app.get(path, response_class=HTMLResponse, include_in_schema=False)(page)
        app.get(api_path, tags=["pages"])(api)
        return data

    return register


def _install_routes(app: FastAPI) -> None:
    @twin(app, "/", "/api/overview", "overview.html")
    def overview(conn: Conn, offset: Offset = 0) -> dict:
        """Totals, stories (with article, outlet and date counts), latest additions, ingest problems."""
        return views.overview(conn, offset)

    @twin(app, "/problems", "/api/problems", "problems.html")
    def problems(conn: Conn, offset: Offset = 0, limit: Limit = 50) -> dict:
        """Ingest problems (input, stage, reason), newest first."""
        return views.problems(conn, offset, limit)

    @twin(app, "/stories/{story_id}", "/api/stories/{story_id}", "story.html", "story {story_id}")
    def story(story_id: str, conn: Conn, offset: Offset = 0) -> dict | None:
        """A story: timeline, key figures with conflicts, main actors, quotes, articles."""
        return views.story(conn, story_id, offset)

    @twin(app, "/actors", "/api/actors", "actors.html")
    def actors(conn: Conn, q: str = "", offset: Offset = 0, limit: Limit = 50) -> dict:
        """Actors (merged entities) by number of articles; ``q`` filters names and aliases."""
        return views.actors(conn, q, offset, limit)

    @twin(app, "/actors/{entity_id:path}", "/api/actors/{entity_id:path}", "actor.html", "actor {entity_id}")
    def actor(entity_id: str, conn: Conn, offset: Offset = 0) -> dict | None:
        """An actor: names and aliases with sources, roles, quotes by date, claims, co-occurring actors."""
        return views.actor(conn, entity_id, offset)

    _install_explorers(app)

    @twin(app, "/documents", "/api/documents", "documents.html")
    def documents(conn: Conn, q: str = "", outlet: str = "", offset: Offset = 0, limit: Limit = 50) -> dict:
        """Articles, newest first; ``q`` is a full-text search of titles and bodies."""
        return views.documents(conn, q, outlet, offset, limit)

    @twin(app, "/documents/{doc_id:path}", "/api/documents/{doc_id:path}", "document.html", "document {doc_id}")
    def document(doc_id: str, conn: Conn, at: str = "") -> dict | None:
        """One article: metadata, clean text cut into highlighted pieces, extracted items, cross-outlet links;
        ``at`` ("START-END", body offsets) marks the cited passage, which the page opens at (``#at``)."""
        return views.document(conn, doc_id, at)

    _install_relations(app)
    _install_corrections(app)
    _install_docs(app)


def _install_explorers(app: FastAPI) -> None:
    @twin(app, "/quotes", "/api/quotes", "quotes.html")
    def quotes(conn: Conn, speaker: str = "", outlet: str = "", date_from: str = "", date_to: str = "",
               kind: str = "", act: str = "", q: str = "", story: str = "", order: str = "ranked",
               offset: Offset = 0, limit: Limit = 50) -> dict:
        """Quotes explorer: filter by speaker (entity id or part of a name), outlet, published date range,
        kind, attribution kind (``act``: speech and writing unless asked); ``q`` is a full-text search of
        the quote text (synonyms of counted words match); ``order`` is ``ranked`` (speaker salience,
        echoes, balanced across outlets) or ``newest``."""
        f = replace(_filters(speaker, outlet, date_from, date_to, kind, "", q, story), act=act)
        return views.quotes(conn, f, offset, limit, order)

    @twin(app, "/claims", "/api/claims", "claims.html")
    def claims(conn: Conn, claimant: str = "", outlet: str = "", date_from: str = "", date_to: str = "",
               status: str = "", q: str = "", story: str = "", offset: Offset = 0,
               limit: Limit = 100) -> dict:
        """Claims explorer: filters as for quotes plus status; claims grouped by measure with a chart."""
        f = _filters(claimant, outlet, date_from, date_to, "", status, q, story)
        return views.claims(conn, f, offset, limit)


def _install_relations(app: FastAPI) -> None:
    @twin(app, "/relations", "/api/relations", "relations.html")
    def relations(conn: Conn, actor: str = "", type: str = "", status: str = "", story: str = "", edge: str = "",
                  offset: Offset = 0, limit: Limit = 100) -> dict:
        """Relations between actors (PLOVER type, status, claimant, date, sentence): filter by ``actor``
        (entity id, either side), ``type``, ``status``, ``story``, ``edge`` (the relations of one edge)."""
        return web_relations.relations(conn, actor, type, status, story, offset, limit, edge)

    @twin(app, "/relations/{a}/with/{b}", "/api/relations/{a}/with/{b}", "relation_pair.html", "actors {a}, {b}")
    def relation_pair(a: str, b: str, conn: Conn, type: str = "", people: bool = True, offset: Offset = 0,
                      limit: Limit = 100) -> dict | None:
        """Every edge between two actors, either direction, in date order, each with its sources (the
        sentences, outlets and dates); for a state, also the edges of the people its roles put on its
        side (``people=false``: only the two actors); ``type`` keeps one PLOVER type; contradicted
        edges flagged; ``offset``/``limit`` page through the edges."""
        return web_relations.pair(conn, a, b, type, people, offset, limit)


def _install_corrections(app: FastAPI) -> None:
    html = {"response_class": HTMLResponse, "include_in_schema": False}

    @app.get("/corrections", **html)
    def corrections_page(request: Request, op: str = "", name: str = "", item: str = "") -> Response:
        data = {"path": str(app.state.corrections), "form": {"op": op, "name": name, "item": item}}
        return render(request, "corrections.html", data)

    @app.post("/corrections", **html)
    async def corrections_form(request: Request, conn: Conn) -> Response:
        form = dict(await request.form())
        data: dict[str, Any] = {"path": str(app.state.corrections), "form": form}
        try:
            saved = edits.save(app.state.corrections, edits.from_form(form), conn)
        except CorrectionError as exc:
            return render(request, "corrections.html", {**data, "error": str(exc)}, 422)
        return render(request, "corrections.html", {**data, "saved": saved, "message": APPLIED})

    @app.post("/api/corrections", tags=["corrections"], status_code=201)
    async def corrections_api(request: Request, conn: Conn) -> Response:
        """Append one correction: {"op": "merge", "names": [..]} | {"op": "split", "name", "docs": [..]} |
        {"op": "rename", "name", "to"} | {"op": "ignore", "name"} | {"op": "wrong", "item"}."""
        try:
            body = parse_json(await request.body())
        except ValueError as exc:
            return JSONResponse({"error": f"{exc}; send one JSON object"}, status_code=400)
        try:
            saved = edits.save(app.state.corrections, body, conn)
        except CorrectionError as exc:
            return JSONResponse({"error": str(exc)}, status_code=422)
        return JSONResponse({"saved": saved, "applied": "on the next build", "message": APPLIED}, status_code=201)


def _install_docs(app: FastAPI) -> None:
    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request) -> Response:
        spec = app.openapi()
        endpoints = []
        for path, methods in spec.get("paths", {}).items():
            for method, info in methods.items():
                params = [p["name"] for p in info.get("parameters", [])]
                endpoints.append({"method": method.upper(), "path": path, "summary": info.get("summary", ""),
                                  "description": info.get("description", ""), "params": params})
        return render(request, "docs.html", {"endpoints": endpoints})
