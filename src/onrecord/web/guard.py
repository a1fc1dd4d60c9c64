"""What the server refuses before any route runs: foreign hosts, cross-origin writes, big bodies.

:class:`Guard` is a plain ASGI middleware configured by a frozen :class:`Policy` (built by
``create_app``; nothing is read from the environment):

- Every request names an allowed host in its ``Host`` header (a loopback name, or a name the
  policy adds), with the server's port when the policy knows it; anything else gets ``421``, so a
  page on another site whose domain was rebound to 127.0.0.1 cannot read the dossier.
- A write (any method but GET, HEAD and OPTIONS) that carries ``Origin`` (or, without it,
  ``Referer``) must come from the server's own origin; otherwise ``403``. An ``Origin: null``
  is refused too.
- A write with a body (POST, PUT, PATCH) must say what it sends: JSON routes take only
  ``application/json`` (which no page on another site can send without a CORS preflight, and
  none is granted), the corrections form only ``application/x-www-form-urlencoded`` and, in
  addition, a same-origin ``Origin`` or ``Referer`` (a browser sends ``Origin`` with every form
  POST); ``415`` otherwise. A request with neither header, which only a non-browser client
  (curl, a script) makes, may still write JSON.
- A write's body is read with a cap (``Policy.max_body``); beyond it ``413``, without reading
  the rest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})
MAX_BODY = 64 * 1024
MAX_DEPTH = 32
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})  # the others carry no body a route reads
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True, slots=True)
class Policy:
    """What the server accepts: host names (besides loopback), its port, the form routes, body cap.

    ``port`` None accepts any port in ``Host`` (an app run by another ASGI server, or tests);
    ``form_paths`` are the routes that take an HTML form instead of JSON.
    """

    hosts: frozenset[str] = frozenset()
    port: int | None = None
    max_body: int = MAX_BODY
    form_paths: frozenset[str] = frozenset({"/corrections"})

    @classmethod
    def serving(cls, host: str = "127.0.0.1", port: int | None = None, allow: Iterable[str] = (),
                max_body: int = MAX_BODY) -> Policy:
        """The policy for a server bound to ``host``:``port``; ``allow`` adds host names (for a
        server reached by a name or address other than the one it binds, such as ``--host 0.0.0.0``)."""
        names = {_norm_host(h) for h in (host, *allow)} - WILDCARDS
        return cls(hosts=frozenset(names), port=port, max_body=max_body)

    def host_allowed(self, name: str, port: int | None) -> bool:
        if name not in LOOPBACK and name not in self.hosts:
            return False
        return self.port is None or port == self.port


def _norm_host(host: str) -> str:
    return host.strip().lower().removeprefix("[").removesuffix("]")


def split_host(value: str) -> tuple[str, int | None] | None:
    """``Host`` header value → (lowercase name without brackets, port or None); None when malformed."""
    try:
        parts = urlsplit("//" + value)
        name, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not name or parts.path or parts.query or parts.fragment or parts.username is not None:
        return None
    return name.lower(), port


def _origin_of(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
        port = parts.port
    except ValueError:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    default = {"http": 80, "https": 443}[parts.scheme]
    return f"{parts.scheme}://{host}" + (f":{port}" if port not in (None, default) else "")


def own_origin(scheme: str, host: str) -> str | None:
    """The origin a page served at ``scheme``://``host`` has (as a browser writes ``Origin``)."""
    return _origin_of(f"{scheme}://{host}/")


class Refused(Exception):
    """A request the guard answers itself: status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def check_host(policy: Policy, scheme: str, headers: dict[str, str]) -> None:
    """Refuse a ``Host`` the policy does not name (a missing port is the scheme's default)."""
    host = split_host(headers.get("host", ""))
    if host is not None and host[1] is None:
        host = (host[0], 443 if scheme == "https" else 80)
    if host is None or not policy.host_allowed(*host):
        raise Refused(421, f"host {headers.get('host', '')!r} is not served here; open the dossier at "
                           "http://127.0.0.1 (or the name given with --host / --allow-host) and its port")


def check_write(policy: Policy, method: str, scheme: str, path: str, headers: dict[str, str]) -> None:
    """Refuse a write from another origin, or one that does not send what its route takes."""
    mine = own_origin(scheme, headers.get("host", ""))
    origin = headers.get("origin")
    referer = headers.get("referer")
    said = origin if origin is not None else referer
    if said is not None and (mine is None or _origin_of(said) != mine):
        what = "Origin" if origin is not None else "Referer"
        raise Refused(403, f"cross-origin write refused: {what} {said!r} is not {mine}")
    if method not in BODY_METHODS:
        return
    kind = headers.get("content-type", "").split(";")[0].strip().lower()
    if path in policy.form_paths:
        if kind != FORM:
            raise Refused(415, f"the form takes {FORM}, not {kind or 'no content type'}")
        if said is None:
            raise Refused(403, "a form write needs an Origin or Referer header from this server")
    elif kind != JSON:
        raise Refused(415, f"writes take {JSON}, not {kind or 'no content type'}")


class Guard:
    """ASGI middleware applying a :class:`Policy` to every HTTP request (see the module docstring)."""

    def __init__(self, app: ASGIApp, policy: Policy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        scheme, method = scope.get("scheme", "http"), scope["method"]
        try:
            check_host(self.policy, scheme, headers)
            if method not in SAFE_METHODS:
                check_write(self.policy, method, scheme, scope["path"], headers)
                body = await read_capped(receive, headers, self.policy.max_body)
                receive = replay(body, receive)
        except Refused as refused:
            await _answer(scope, send, refused)
            return
        await self.app(scope, receive, send)


async def read_capped(receive: Receive, headers: dict[str, str], cap: int) -> bytes:
    """The request body, read until ``cap`` bytes at most; :class:`Refused` (413) beyond."""
    too_big = Refused(413, f"the request body is over {cap:,} bytes")
    length = headers.get("content-length", "")
    if length.isdigit() and int(length) > cap:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise Refused(400, "the client went away before sending the body")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > cap:
            raise too_big
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the app the body already read, then listens to the client again."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return again


async def _answer(scope: Scope, send: Send, refused: Refused) -> None:
    path = scope["path"]
    if path.startswith("/api/") or path == "/openapi.json":
        body, kind = json.dumps({"error": refused.message}).encode(), b"application/json"
    else:
        body, kind = _html(refused).encode(), b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": refused.status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                            (b"x-content-type-options", b"nosniff"), (b"content-security-policy", b"default-src 'none'"),
                (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def _html(refused: Refused) -> str:
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Refused</title></head>"
            f"<body><h1>Refused ({refused.status})</h1><p>{escape(refused.message)}</p></body></html>")


_TOKEN = re.compile(r'[\[\]{}"\\]')


def nesting(text: str) -> int:
    """How deep arrays and objects nest in the JSON ``text`` (brackets inside strings ignored),
    in one pass without parsing, so any depth is safe to ask about."""
    depth = deepest = 0
    in_string = False
    escaped_at = -1
    for m in _TOKEN.finditer(text):
        char, at = m.group(), m.start()
        if at == escaped_at:
            continue
        if in_string:
            if char == "\\":
                escaped_at = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def parse_json(body: bytes, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON value of a request body; ValueError saying why when it is not JSON or nests deeper
    than ``max_depth``."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError("the request body is not UTF-8") from exc
    if nesting(text) > max_depth:
        raise ValueError(f"the JSON nests deeper than {max_depth} levels")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"the request body is not JSON: {exc}") from exc
