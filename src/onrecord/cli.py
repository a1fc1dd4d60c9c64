"""The command line: one click group, one command per job."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

DEFAULT_DB = "onrecord.db"


def _print_result(result: dict, as_json: bool, formatter) -> None:
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


@main.group("eval")
def eval_group() -> None:
    """Score an extractor on a public benchmark (see docs/evaluation.md)."""


@eval_group.command("clean")
@click.option("--zyte", "zyte", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True)
@click.option("--split", default="all", show_default=True, help="Page subset: all, or a name the evaluator knows.")
@click.option("--json", "as_json", is_flag=True)
def eval_clean(zyte: Path, split: str, as_json: bool) -> None:
    """HTML extraction and plain-text cleaning against the Zyte benchmark."""
    from onrecord.eval import zyte as mod

    _print_result(mod.run(zyte), as_json, mod.format_result)


@eval_group.command("quotes")
@click.option("--polnear", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True)
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--json", "as_json", is_flag=True)
def eval_quotes(polnear: Path, limit: int | None, as_json: bool) -> None:
    """Quote and speaker spans against PolNeAR."""
    from onrecord.eval import polnear as mod

    _print_result(mod.run(polnear, limit=limit), as_json, mod.format_result)


@eval_group.command("numbers")
@click.option("--newsquant", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.option("--json", "as_json", is_flag=True)
def eval_numbers(newsquant: Path, as_json: bool) -> None:
    """Quantities against NewsQuant."""
    from onrecord.eval import newsquant as mod

    _print_result(mod.run(newsquant), as_json, mod.format_result)


@eval_group.command("claims")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Gold set (default: the one shipped in the package).")
@click.option("--json", "as_json", is_flag=True)
def eval_claims(gold: Path | None, as_json: bool) -> None:
    """Claimant and status accuracy on the project's own gold sentences."""
    from onrecord.eval import claims as mod

    _print_result(mod.run(gold), as_json, mod.format_result)


@eval_group.command("time")
@click.option("--tempeval", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True)
@click.option("--json", "as_json", is_flag=True)
def eval_time(tempeval: Path, as_json: bool) -> None:
    """DATE/TIME expressions against TempEval-3 TimeBank."""
    from onrecord.eval import tempeval as mod

    _print_result(mod.run(tempeval), as_json, mod.format_result)


@eval_group.command("stories")
@click.option("--basil", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True)
@click.option("--json", "as_json", is_flag=True)
def eval_stories(basil: Path, as_json: bool) -> None:
    """Story grouping against BASIL events (B-cubed)."""
    from onrecord.eval import basil as mod

    _print_result(mod.run(basil), as_json, mod.format_result)


@eval_group.command("timeline")
@click.option("--t17", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True)
@click.option("--json", "as_json", is_flag=True)
def eval_timeline(t17: Path, as_json: bool) -> None:
    """Timeline dates against Timeline17's journalists' timelines."""
    from onrecord.eval import t17 as mod

    _print_result(mod.run(t17), as_json, mod.format_result)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
