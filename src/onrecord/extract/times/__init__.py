"""Dates and times of one article, resolved against its publication date or a live-blog entry's.

``extract_times(text, published, ...)`` finds and resolves them; ``infer_published(text)`` reads
a missing publication date off the text; ``granularity(value)`` names how precise a value is.
"""

from onrecord.extract.times.extract import extract_times, granularity, infer_published

__all__ = ["extract_times", "granularity", "infer_published"]
