"""The settings of a build: how quotes are read, how many processes and threads, the caps.

One frozen record, built once by the command line or the Python API and passed down
``build → process_batch → analyze → extract_quotes``; worker processes receive it as an argument.
Nothing here reads or writes the environment.

>>> Settings(quotes="accurate").fingerprint()
'minilm'
>>> Settings().fingerprint()
'crf'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

QuoteMode = Literal["fast", "accurate"]
QUOTE_MODES: tuple[str, ...] = get_args(QuoteMode)


@dataclass(frozen=True, slots=True)
class Settings:
    """What a build may be told.

    ``quotes``: the quote tagger, "fast" (the CRF) or "accurate" (the fine-tuned MiniLM, needs
    ``onrecord[accurate]``). ``tagger`` and ``models`` switch off the tagger, or the learned
    candidate models (and with them the tagger), for comparisons only: the extractor then reads
    quotes with the candidate models alone, or with the rules and their precision table alone.
    ``torch_threads``: CPU threads per process for the accurate tagger (a build runs one process
    a core). ``workers``: worker processes (None: the CPU count, at most 4; 1 or fewer: none).
    ``max_bytes``: the size cap per file (None or 0: ingest's ``MAX_BYTES``; archives get 20
    times as much). ``batch``: articles per ``nlp.pipe`` call and per task sent to a worker.
    ``parallel_from``: fewer articles than this are analysed in the calling process.
    ``window``: a body longer than this many characters is analysed in windows of whole
    paragraphs of at most this size (``onrecord.nlp.windows``), so cost grows linearly and one
    spaCy Doc never holds more. ``max_chars``: a body longer than this is not analysed and is
    recorded as a problem. ``busy_timeout``: seconds a ledger write waits for another process's
    lock before the build stops with a message that says so.
    """

    quotes: QuoteMode = "fast"
    tagger: bool = True
    models: bool = True
    torch_threads: int = 1
    workers: int | None = None
    max_bytes: int | None = None
    batch: int = 16
    parallel_from: int = 64
    window: int = 50_000
    max_chars: int = 10_000_000
    busy_timeout: float = 30.0

    def __post_init__(self) -> None:
        if self.quotes not in QUOTE_MODES:
            raise ValueError(f"quote mode {self.quotes!r}: expected one of {', '.join(QUOTE_MODES)}")
        for name in ("torch_threads", "batch", "parallel_from", "window", "max_chars"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.busy_timeout < 0:
            raise ValueError("busy_timeout must not be negative")

    def fingerprint(self) -> str:
        """The readers that analyse the quotes, which is all of these settings that changes an
        analysis: "crf" (the fast tagger), "minilm" (the accurate one), "models" (candidate models,
        no tagger) or "rules" (no learned reader). The ledger keeps it per input and per build, so
        an input analysed with other readers is analysed again."""
        if not self.models:
            return "rules"
        if not self.tagger:
            return "models"
        return "minilm" if self.quotes == "accurate" else "crf"


DEFAULT = Settings()
