"""Every command and option of the CLI is documented (datasette's rule)."""

from __future__ import annotations

from pathlib import Path

import click

from onrecord.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs" / "usage.md"


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            out += _commands(command, full + " ")
        else:
            out.append((full, command))
    return out


def test_docs_every_command_is_documented():
    text = DOCS.read_text()
    missing = [name for name, _ in _commands(main) if f"onrecord {name}" not in text and f"`{name}" not in text
               and f"eval {name.split()[-1]}" not in text]
    assert not missing, f"undocumented commands: {missing}"


def test_docs_every_option_is_documented():
    text = DOCS.read_text()
    missing = []
    for name, command in _commands(main):
        if name.startswith("eval "):
            continue
        for param in command.params:
            if isinstance(param, click.Option):
                if not any(opt in text for opt in param.opts):
                    missing.append(f"{name} {param.opts[0]}")
    assert not missing, f"undocumented options: {missing}"
