"""The command-line reference in docs/cli.md follows the command definitions."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest
import typer.main

from argmap.cli import app
from argmap.cli.docs import cli_markdown

CLI_MD = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_every_command_is_documented() -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name in group.commands:  # type: ignore[attr-defined]
        assert f"## `argmap {name}`" in text, f"docs/cli.md lacks 'argmap {name}'"


def test_docs_cli_md_is_generated_from_the_commands() -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    written_with = re.search(r"with Typer (\S+);", text)
    assert written_with is not None
    if written_with.group(1) != version("typer"):
        pytest.skip(f"docs/cli.md was written by Typer {written_with.group(1)}, "
                    f"this is {version('typer')}: layouts may differ")
    assert text == cli_markdown(), (
        "docs/cli.md is stale: run 'python -m argmap.cli.docs > docs/cli.md'"
    )
