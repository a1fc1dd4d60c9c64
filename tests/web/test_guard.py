"""What the server refuses: foreign hosts (DNS rebinding), cross-origin writes, big or deep bodies."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from onrecord import corrections

GOOD = {"op": "merge", "names": ["Dmitry Peskov", "Pentagon"]}
EVIL = "http://evil.example"


def _saved(tmp_path: Path) -> list[dict]:
    path = tmp_path / "corrections.json"
    return [o.as_dict() for o in corrections.load(path).ops] if path.exists() else []


def _client(dossier: Path, tmp_path: Path, base: str = "http://127.0.0.1:8000", **policy):
    from fastapi.testclient import TestClient

    from onrecord.web.app import create_app
    from onrecord.web.guard import Policy

    app = create_app(dossier, corrections=tmp_path / "corrections.json",
                     policy=Policy.serving(**policy) if policy else None)
    return TestClient(app, base_url=base)


# --- writes from other origins ------------------------------------------------------------------

def test_guard_refuses_a_cross_origin_text_plain_correction(client, tmp_path: Path) -> None:
    response = client.post("/api/corrections", content=json.dumps(GOOD),
                           headers={"origin": EVIL, "content-type": "text/plain"})
    assert response.status_code == 403
    assert "cross-origin" in response.json()["error"] and EVIL in response.json()["error"]
    assert _saved(tmp_path) == []


def test_guard_refuses_a_cross_origin_json_correction(client, tmp_path: Path) -> None:
    response = client.post("/api/corrections", json=GOOD, headers={"origin": EVIL})
    assert response.status_code == 403 and _saved(tmp_path) == []


@pytest.mark.parametrize("headers", [
    {"origin": EVIL}, {"referer": f"{EVIL}/page.html"}, {"origin": "null"},
    {"origin": "http://127.0.0.1:9999"}, {"origin": "https://127.0.0.1:8000"},
    {"origin": "http://127.0.0.1:8000.evil.example"},
])
def test_guard_refuses_the_form_from_another_origin(client, tmp_path: Path, headers: dict) -> None:
    response = client.post("/corrections", data={"op": "wrong", "item": "docB/q0"}, headers=headers)
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "cross-origin write refused" in response.text
    assert _saved(tmp_path) == []


def test_guard_refuses_the_form_without_origin_or_referer(client, tmp_path: Path) -> None:
    response = client.post("/corrections", data={"op": "wrong", "item": "docB/q0"})
    assert response.status_code == 403 and "needs an Origin or Referer" in response.text
    assert _saved(tmp_path) == []


def test_guard_accepts_the_form_with_a_same_origin_referer(client, origin: str, tmp_path: Path) -> None:
    response = client.post("/corrections", data={"op": "wrong", "item": "docB/q0"},
                           headers={"referer": f"{origin}/corrections?op=wrong&item=docB/q0"})
    assert response.status_code == 200
    assert _saved(tmp_path) == [{"op": "wrong", "item": "docB/q0"}]


def test_guard_refuses_a_form_body_that_is_not_urlencoded(client, origin: str, tmp_path: Path) -> None:
    response = client.post("/corrections", content='{"op": "wrong", "item": "docB/q0"}',
                           headers={"origin": origin, "content-type": "text/plain"})
    assert response.status_code == 415 and _saved(tmp_path) == []


@pytest.mark.parametrize("kind", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""])
def test_guard_api_writes_take_only_json(client, tmp_path: Path, kind: str) -> None:
    response = client.post("/api/corrections", content=json.dumps(GOOD), headers={"content-type": kind})
    assert response.status_code == 415 and "application/json" in response.json()["error"]
    assert _saved(tmp_path) == []


def test_guard_lets_a_non_browser_client_write_json(client, tmp_path: Path) -> None:
    assert client.post("/api/corrections", json=GOOD).status_code == 201
    assert _saved(tmp_path) == [GOOD]


def test_guard_lets_a_same_origin_page_write_json(client, origin: str, tmp_path: Path) -> None:
    response = client.post("/api/corrections", json=GOOD, headers={"origin": origin})
    assert response.status_code == 201 and _saved(tmp_path) == [GOOD]


def test_guard_checks_the_origin_of_every_write_method(client) -> None:
    assert client.delete("/api/documents", headers={"origin": EVIL}).status_code == 403
    assert client.put("/api/documents", json={}, headers={"origin": EVIL}).status_code == 403
    assert client.delete("/api/documents").status_code == 405  # same origin or none: the route answers


def test_guard_sends_referer_only_to_its_own_origin(client) -> None:
    # a same-origin policy keeps Origin on the form's POST (no-referrer would make it "null")
    assert client.get("/").headers["referrer-policy"] == "same-origin"


# --- hosts (DNS rebinding) ----------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/api/overview", "/documents/docA", "/static/style.css", "/openapi.json"])
def test_guard_refuses_a_foreign_host_on_every_route(client, path: str) -> None:
    response = client.get(path, headers={"host": "attacker.example"})
    assert response.status_code == 421
    assert "attacker.example" in response.text and "Peskov" not in response.text


def test_guard_refuses_a_foreign_host_on_writes(client, tmp_path: Path) -> None:
    response = client.post("/api/corrections", json=GOOD, headers={"host": "attacker.example:8000"})
    assert response.status_code == 421 and _saved(tmp_path) == []


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST:8000", "127.0.0.1"])
def test_guard_accepts_loopback_hosts(client, host: str) -> None:
    assert client.get("/api/overview", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["", "127.0.0.1.evil.example", "user@127.0.0.1", "127.0.0.1:8000/x", "[::1"])
def test_guard_refuses_malformed_or_lookalike_hosts(client, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 421


def test_guard_with_a_port_accepts_only_that_port(dossier: Path, tmp_path: Path) -> None:
    with _client(dossier, tmp_path, port=8000) as c:
        assert c.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200
        assert c.get("/", headers={"host": "localhost:8001"}).status_code == 421
        assert c.get("/", headers={"host": "localhost"}).status_code == 421


def test_guard_reads_a_host_without_port_as_the_default_port(dossier: Path, tmp_path: Path) -> None:
    with _client(dossier, tmp_path, "http://localhost", port=80) as c:
        assert c.get("/", headers={"host": "localhost"}).status_code == 200
        assert c.get("/", headers={"host": "localhost:80"}).status_code == 200
        assert c.get("/", headers={"host": "localhost:8080"}).status_code == 421


def test_guard_accepts_the_host_it_binds_and_the_names_it_is_given(dossier: Path, tmp_path: Path) -> None:
    with _client(dossier, tmp_path, host="192.168.1.20", port=8000, allow=["dossier.lan"]) as c:
        for host in ("192.168.1.20:8000", "dossier.lan:8000", "DOSSIER.lan:8000", "127.0.0.1:8000"):
            assert c.get("/api/overview", headers={"host": host}).status_code == 200, host
        assert c.get("/api/overview", headers={"host": "other.lan:8000"}).status_code == 421


def test_guard_wildcard_bind_names_no_host(dossier: Path, tmp_path: Path) -> None:
    with _client(dossier, tmp_path, host="0.0.0.0", port=8000) as c:
        assert c.get("/", headers={"host": "0.0.0.0:8000"}).status_code == 421
        assert c.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_guard_same_origin_check_follows_the_host(dossier: Path, tmp_path: Path) -> None:
    with _client(dossier, tmp_path, "http://dossier.lan:8000", allow=["dossier.lan"], port=8000) as c:
        assert c.post("/api/corrections", json=GOOD, headers={"origin": "http://dossier.lan:8000"}).status_code == 201
        assert c.post("/api/corrections", json=GOOD, headers={"origin": "http://127.0.0.1:8000"}).status_code == 403


# --- body size and depth ------------------------------------------------------------------------

def test_guard_refuses_a_body_over_the_limit(client, tmp_path: Path) -> None:
    body = json.dumps({**GOOD, "note": "x" * 70_000})
    response = client.post("/api/corrections", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "65,536 bytes" in response.json()["error"]
    assert _saved(tmp_path) == []


def test_guard_refuses_a_streamed_body_over_the_limit(client, tmp_path: Path) -> None:
    def chunks():
        yield b'{"op": "ignore", "name": "Pentagon", "note": "'
        for _ in range(100):
            yield b"x" * 1024

    response = client.post("/api/corrections", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and _saved(tmp_path) == []


def test_guard_stops_reading_at_the_cap() -> None:
    from onrecord.web.guard import Refused, read_capped

    pulled = 0

    async def receive() -> dict:  # a 50 MB body in 64 KiB chunks
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"x" * 65536, "more_body": pulled < 800}

    with pytest.raises(Refused) as refused:
        asyncio.run(read_capped(receive, {}, 65536))
    assert refused.value.status == 413 and pulled == 2


def test_guard_refuses_a_declared_length_over_the_limit_without_reading() -> None:
    from onrecord.web.guard import Refused, read_capped

    async def receive() -> dict:
        raise AssertionError("the body was read")

    with pytest.raises(Refused):
        asyncio.run(read_capped(receive, {"content-length": str(50 * 2**20)}, 65536))


def test_guard_deep_json_gets_400_not_a_server_error(client, tmp_path: Path) -> None:
    deep = "[" * 30_000 + "]" * 30_000  # under the size limit
    response = client.post("/api/corrections", content=deep, headers={"content-type": "application/json"})
    assert response.status_code == 400 and "nests deeper than 32" in response.json()["error"]
    assert _saved(tmp_path) == []


def test_guard_100000_deep_json_gets_400_under_a_bigger_limit(dossier: Path, tmp_path: Path) -> None:
    deep = '{"a": ' * 100_000 + "1" + "}" * 100_000
    with _client(dossier, tmp_path, max_body=2**20) as c:
        response = c.post("/api/corrections", content=deep, headers={"content-type": "application/json"})
    assert response.status_code == 400 and "nests deeper" in response.json()["error"]
    with _client(dossier, tmp_path) as c:  # the default limit refuses it before parsing
        response = c.post("/api/corrections", content=deep, headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_guard_body_that_is_not_utf8_gets_400(client) -> None:
    response = client.post("/api/corrections", content=b"\xff\xfe{}", headers={"content-type": "application/json"})
    assert response.status_code == 400 and "UTF-8" in response.json()["error"]


def test_guard_nesting_ignores_brackets_inside_strings() -> None:
    from onrecord.web.guard import nesting

    assert nesting('{"a": [1, {"b": "[[[\\"[{"}]}') == 3
    assert nesting('"\\\\"') == 0 and nesting("1") == 0 and nesting("[" * 100_000) == 100_000
