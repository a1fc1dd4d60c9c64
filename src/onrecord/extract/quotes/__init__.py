"""Who said what: direct, indirect and mixed quotes with their speakers (``extract_quotes``)."""

from onrecord.extract.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
