"""Write examples/corpus/harbour-archive.warc.gz: one archived article page (our own text)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Shipping firms count the cost of Port Veltra strike - Bay Business Review</title>
<meta property="og:site_name" content="Bay Business Review">
<meta property="article:published_time" content="2025-03-13T07:00:00Z">
</head><body><header><a href="/">Bay Business Review</a> | Markets | Shipping | Opinion</header>
<article><h1>Shipping firms count the cost of Port Veltra strike</h1>
<p>Shipping companies diverted at least 14 vessels from Port Veltra to rival harbours on Wednesday as the dock strike entered its third day.</p>
<p>"We cannot keep ships at anchor indefinitely," said Irene Vasquez, operations director at Halvard Lines. She said each day of delay cost her company about $120,000 per vessel.</p>
<p>Analysts at Corran Capital estimated that the strike had already cost the regional economy $150m, while the port authority put the figure at $170m.</p>
<p>The Harbour Workers Union, which says 13,500 members are on strike, is due to vote on Friday on extending the walkout.</p>
</article><footer>Bay Business Review (c) 2025. All rights reserved.</footer></body></html>
"""


def main(out: Path = Path("examples/corpus/harbour-archive.warc.gz")) -> None:
    with out.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://baybusiness.example/shipping/port-veltra-cost", "response",
            payload=io.BytesIO(PAGE.encode("utf-8")), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-03-13T08:00:00Z"},
        )
        writer.write_record(record)


if __name__ == "__main__":
    main()
