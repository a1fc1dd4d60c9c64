"""``link_url``: only absolute http(s) URLs with a host may become links, read as a browser reads them."""

from __future__ import annotations

import pytest

from fixtures_dossier import BAD_URLS
from onrecord.safe import link_url


@pytest.mark.parametrize("url", [*BAD_URLS, "JAVASCRIPT:alert(1)", "\x00javascript:alert(1)", "java\rscript:x",
                                 " \t\n data:text/html;base64,PHNjcmlwdD4=", "mailto:a@example.org", "ftp://x.org/",
                                 "/documents/docA", "example.org/page", "http:/\\evil.example", "http://[::1",
                                 "https://example.org/\x00x", "", None, 5])
def test_link_url_refuses_what_is_not_an_http_link(url) -> None:
    assert link_url(url) is None


@pytest.mark.parametrize(("url", "href"), [
    ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
    ("HTTP://Example.org", "HTTP://Example.org"),
    ("  https://example.org/x\n", "https://example.org/x"),
    ("https://exa\tmple.org/", "https://example.org/"),
    ("http://[::1]:8000/", "http://[::1]:8000/"),
])
def test_link_url_keeps_http_and_https(url: str, href: str) -> None:
    assert link_url(url) == href
