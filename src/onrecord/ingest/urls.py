"""Fetching ``http(s)://`` inputs: timeouts, a size cap and a content-type check."""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from onrecord import __version__
from onrecord.ingest.decode import decode_text
from onrecord.ingest.names import printable, problem
from onrecord.ingest.sources import is_feed, read_feed, replacement_note
from onrecord.models import Problem, RawInput

USER_AGENT = f"onrecord/{__version__} (news dossier builder)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)


def fetch(url: str, max_bytes: int) -> Iterator[RawInput | Problem]:
    try:
        with httpx.stream("GET", url, timeout=TIMEOUT, follow_redirects=True,
                          headers={"User-Agent": USER_AGENT}) as response:
            if response.status_code >= 400:
                yield problem(url, "ingest", f"HTTP {response.status_code} {response.reason_phrase}")
                return
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if not (ctype.startswith("text/") or "html" in ctype or "xml" in ctype or ctype == ""):
                yield problem(url, "ingest", f"content type {ctype!r} is not HTML, text or a feed")
                return
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                yield problem(url, "ingest", f"response of {declared} bytes is over the size cap of {max_bytes}")
                return
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    yield problem(url, "ingest", f"response is over the size cap of {max_bytes} bytes")
                    return
                chunks.append(chunk)
            final_url = str(response.url)
    except httpx.TimeoutException:
        yield problem(url, "ingest", "timed out")
        return
    except httpx.HTTPError as exc:
        yield problem(url, "ingest", f"could not fetch ({type(exc).__name__}: {exc})")
        return
    data = b"".join(chunks)
    if not data.strip():
        yield problem(url, "ingest", "empty response")
        return
    if "xml" in ctype or "rss" in ctype or "atom" in ctype or is_feed(data):
        yield from read_feed(url, data)
        return
    decoded = decode_text(data, url)
    yield from replacement_note(url, decoded)
    kind = "text" if ctype == "text/plain" else "html"
    yield RawInput(printable(url), printable(final_url), kind, decoded.text, {"url": final_url}, decoded.encoding)
