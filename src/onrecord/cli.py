"""The command line: one click group, one command per job."""

from __future__ import annotations

import importlib
import json
import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from onrecord.pipeline import BuildSummary

DEFAULT_DB = "onrecord.db"


def _print_result(result: dict, as_json: bool, formatter: Callable[[dict], str]) -> None:
    """Print a command's result: as indented JSON with ``--json``, else as ``formatter`` writes it."""
    if as_json:
        click.echo(json.dumps(result, indent=2, default=str))
    else:
        click.echo(formatter(result))


@click.group()
@click.version_option(package_name="onrecord")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details.")
def main(verbose: bool) -> None:
    """onrecord: turn news articles into a sourced dossier."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters written as escapes, so a file name
    cannot start a line of its own in a printed list."""
    return _CONTROL.sub(lambda m: {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(m[0], f"\\x{ord(m[0]):02x}"), text)


def _existing_db(ctx: click.Context, param: click.Parameter, db: Path) -> Path:
    if not db.exists():
        raise click.UsageError(f"no ledger at {db}; build one first with 'onrecord build INPUT... --db {db}'", ctx)
    return db


def _ledger_option(*, existing: bool) -> Callable:
    """``--db``: the ledger file; with ``existing``, one that must be there already."""
    return click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB,
                        show_default=True, callback=_existing_db if existing else None,
                        help="The ledger (SQLite file).")


db_option = _ledger_option(existing=False)
existing_db_option = _ledger_option(existing=True)
json_option = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")

quotes_option = click.option(
    "--quotes", "quote_mode", type=click.Choice(["fast", "accurate"]), default=None,
    help="Quote tagger: fast (CRF, the default) or accurate (fine-tuned MiniLM; needs onrecord[accurate]; "
         "a build takes about 2.9 times the CPU of a bare spaCy pipeline with bf16, 4 times without: docs/benchmarks.md).")

# what each fingerprint of the settings (``Settings.fingerprint``) reads quotes with
_QUOTE_MODES = {"minilm": "accurate (transformer tagger)", "crf": "fast (CRF tagger)",
                "models": "no tagger (candidate models)", "rules": "rules only"}


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--rebuild", is_flag=True, help="Redo the analysis of inputs already in the ledger.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: CPU count, at most 4).")
@click.option("--corrections", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Corrections file (default: <ledger>.corrections.json beside the ledger).")
@click.option("--meta", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Manifest (JSONL) of metadata for inputs that do not state it: input, outlet, published, ...")
@click.option("--max-size", "max_mb", type=float, default=50.0, show_default=True, help="Size cap per file, in MB.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and only the one-line summary.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="Where the per-article stages run: local worker processes, or Spark (needs onrecord[spark]).")
@click.option("--master", default=None, help="Spark master URL for --engine spark (default: local[*]).")
@quotes_option
def build(inputs: tuple[str, ...], db: Path, rebuild: bool, workers: int | None, corrections: Path | None,
          meta: Path | None, max_mb: float, quiet: bool, engine: str, master: str | None,
          quote_mode: str | None) -> None:
    """Ingest INPUTS (files, folders, http(s) URLs) into the ledger, analyse and link them."""
    from onrecord.settings import Settings

    settings = Settings(quotes=quote_mode or "fast", workers=workers, max_bytes=int(max_mb * 1024 * 1024))
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if quiet:
            return
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="article", delay=2.0, file=sys.stderr, desc="analysing")
        bar.update(1)

    spark = None
    if engine == "spark":
        from onrecord.spark.engine import for_inputs

        inputs, spark = for_inputs(inputs, master, rebuild)
    try:
        summary = _run_build(inputs, db, rebuild=rebuild, corrections=corrections, progress=progress, meta=meta,
                            settings=settings, engine=spark)
    finally:
        if bar is not None:
            bar.close()
    _print_summary(summary, quote_mode, quiet)


def _run_build(*args: object, **kwargs: object) -> BuildSummary:
    """``pipeline.build``, its expected failures turned into a message and an exit code: 2 for a bad
    input or corrections file, 1 for a ledger that cannot be used, 128 + the signal for a build
    stopped by SIGTERM or SIGINT."""
    from onrecord.corrections import CorrectionError
    from onrecord.errors import InputError, LedgerError
    from onrecord.pipeline import build as run_build
    from onrecord.workers import BuildInterrupted

    try:
        return run_build(*args, **kwargs)  # type: ignore[arg-type]
    except InputError as exc:
        raise click.UsageError(str(exc)) from exc
    except CorrectionError as exc:
        click.echo(f"Error: corrections file: {exc}", err=True)
        raise SystemExit(2) from exc
    except LedgerError as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(1) from exc
    except BuildInterrupted as exc:
        click.echo(f"build {exc}: the articles stored so far are kept; the next build goes on from there", err=True)
        raise SystemExit(exc.exit_code) from exc


def _print_summary(summary: BuildSummary, quote_mode: str | None, quiet: bool) -> None:
    click.echo(
        f"{summary.db}: {summary.added} added, {summary.skipped} unchanged, {summary.errors} problems, "
        f"{len(summary.problems) - summary.errors} notes; "
        f"{summary.documents} articles in {summary.stories} stories; "
        f"quotes: {_QUOTE_MODES.get(summary.readers, summary.readers)}"
    )
    if quote_mode == "accurate" and summary.readers != "minilm":
        click.echo("the accurate quote tagger is not installed (pip install 'onrecord[accurate]'): "
                   "quotes were read by the fast tagger", err=True)
    for severity, heading in (("error", "Problems"), ("note", "Notes")):
        found = [p for p in summary.problems if p.severity == severity]
        if found and not quiet:
            click.echo(f"{heading} (recorded in the ledger):")
            for p in found:
                click.echo(f"  {one_line(p.input)} [{p.stage}]: {one_line(p.reason)}")
    if not summary.ok:
        raise SystemExit(1)


@main.command()
@existing_db_option
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "parquet", "ftm"]), default="json",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output file (json, ftm) or folder (jsonl, csv, parquet: one file per table).")
def export(db: Path, fmt: str, output: Path) -> None:
    """Export the ledger (see docs/export-format.md)."""
    from onrecord.export import export as run_export

    run_export(db, fmt, output)
    click.echo(f"wrote {output}")


@main.command()
@existing_db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.html (self-contained) or FILE.md")
@click.option("--web", default="http://127.0.0.1:8000", show_default=True, metavar="URL",
              help="where 'onrecord serve' answers: citations open the article there at the sentence "
                   "('' links only inside the report)")
def report(db: Path, output: Path, web: str) -> None:
    """Write a briefing report of the dossier."""
    from onrecord.errors import OnrecordError
    from onrecord.report import write_report

    try:
        write_report(db, output, web=web or None)
    except OnrecordError as exc:  # an unknown suffix, a --web that is no http(s) address
        raise click.UsageError(str(exc)) from exc
    click.echo(f"wrote {output}")


@main.command()
@existing_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (loopback by default).")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--corrections", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Corrections file written by the UI (default: <ledger>.corrections.json).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name or address the server is reached by (repeatable); loopback names "
                   "and --host are always accepted, any other Host header gets 421.")
def serve(db: Path, host: str, port: int, corrections: Path | None, allow_hosts: tuple[str, ...]) -> None:
    """Browse the dossier in a local web UI (and its JSON API under /api)."""
    from onrecord.pipeline import corrections_path
    from onrecord.web import serve as run_serve

    run_serve(db, host=host, port=port, corrections=corrections_path(db, corrections), allow_hosts=allow_hosts)


@main.command()
@existing_db_option
@click.argument("query")
@click.option("--limit", type=int, default=20, show_default=True)
def search(db: Path, query: str, limit: int) -> None:
    """Full-text search over the articles (SQLite FTS5 syntax; a query FTS5 cannot parse is read as plain words)."""
    from onrecord.store.ledger import Ledger

    with Ledger(db, readonly=True) as ledger:
        for hit in ledger.search(query, limit):
            click.echo(f"{hit['doc_id']}  {hit['title'] or ''}\n    {hit['snippet']}")


@main.command()
@existing_db_option
def problems(db: Path) -> None:
    """List the inputs that could not be ingested, with the stage and reason, then the notes
    (inputs read with something to know: decoded with replacements, stored but not analysed)."""
    from onrecord.store.ledger import Ledger

    with Ledger(db, readonly=True) as ledger:
        found = ledger.problems()
    for p in sorted(found, key=lambda p: p["severity"] == "note"):
        mark = "note: " if p["severity"] == "note" else ""
        click.echo(f"{mark}{one_line(p['input'])} [{p['stage']}]: {one_line(p['reason'])}")


@main.group("eval")
def eval_group() -> None:
    """Score an extractor on a public benchmark (see docs/evaluation.md)."""


def _dataset_eval(name: str, option: str, module: str, doc: str, *, folder: bool = True,
                  required: bool = True, help: str | None = None) -> None:
    """Register ``onrecord eval NAME --OPTION PATH [--json]``, which prints
    ``onrecord.eval.MODULE.run(PATH)`` as its ``format_result`` writes it."""

    def command(dataset: Path | None, as_json: bool) -> None:
        mod = importlib.import_module(f"onrecord.eval.{module}")
        _print_result(mod.run(dataset), as_json, mod.format_result)

    command.__doc__ = doc
    path = click.Path(exists=True, file_okay=not folder, dir_okay=folder, path_type=Path)
    dataset = click.option(f"--{option}", "dataset", type=path, required=required, default=None, help=help)
    eval_group.command(name)(dataset(json_option(command)))


_dataset_eval("clean", "zyte", "zyte", "HTML extraction and plain-text cleaning against the Zyte benchmark.")
_dataset_eval("numbers", "newsquant", "newsquant", "Quantities against NewsQuant.", folder=False)
_dataset_eval("claims", "gold", "claims", "Claimant and status accuracy on the project's own gold sentences.",
              folder=False, required=False, help="Gold set (default: the one shipped in the package).")
_dataset_eval("time", "tempeval", "tempeval", "DATE/TIME expressions against TempEval-3 TimeBank.")
_dataset_eval("stories", "basil", "basil", "Story grouping against BASIL events (B-cubed).")
_dataset_eval("figures", "basil", "basil_figures",
              "Figures across outlets on BASIL triplets and AllSides articles: claimant, status, disagreements (build, then export).")
_dataset_eval("relations", "datasets", "relations", "PLOVER relations against the own gold on BASIL and AllSides articles.")


@eval_group.command("quotes")
@click.option("--polnear", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True)
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@json_option
@quotes_option
@click.option("--no-tagger", is_flag=True, help="Read quotes with the candidate models alone, no tagger (comparison).")
@click.option("--rules-only", is_flag=True, help="Read quotes with the rules alone, no learned reader (comparison).")
def eval_quotes(polnear: Path, limit: int | None, as_json: bool, quote_mode: str | None, no_tagger: bool,
                rules_only: bool) -> None:
    """Quote and speaker spans against PolNeAR: through the product path (scored as its export,
    and as statements) and, beside it, read directly from the texts."""
    from onrecord.eval import polnear as mod
    from onrecord.settings import Settings

    settings = Settings(quotes=quote_mode or "fast", tagger=not no_tagger, models=not rules_only)
    _print_result(mod.run(polnear, limit=limit, settings=settings), as_json, mod.format_result)


@eval_group.command("timeline")
@click.option("--t17", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True)
@click.option("--limit", type=int, default=None, help="Use only the first N articles of each topic.")
@click.option("--events", type=click.Choice(["product", "light", "spacy"]), default="product", show_default=True,
              help="Build and export each topic as a user does (product), or link direct analyses: "
                   "time extractor alone (light) or with the spaCy parse.")
@json_option
def eval_timeline(t17: Path, limit: int | None, events: str, as_json: bool) -> None:
    """Timeline dates against Timeline17's journalists' timelines."""
    from onrecord.eval import t17 as mod
    from onrecord.eval import t17_product

    result = t17_product.run(t17, limit=limit) if events == "product" else mod.run(t17, limit=limit, events=events)
    _print_result(result, as_json, mod.format_result)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
