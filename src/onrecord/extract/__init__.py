"""The per-article extractors: actors, quotes, quantities, times (packages), claims and events."""
