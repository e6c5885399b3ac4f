"""Every ``--help`` reads as a command-line tool's: ``PATH...`` in the usage line, no value after
a flag, one upper-case word after an option that takes one, and no Python type anywhere."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from argmap.cli import app

CLI_MD = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]

# What Typer shows when it describes the Python function instead of the command.
PYTHON_TYPES = re.compile(
    r"<bool>|<path>|<list|<str>|<int|<float|[{}]"
    r"|\b(?:bool|str|int|float|Path|NoneType|Optional|list\[|int range|float range)\b"
    r"|x>=|<=x"  # a number's bounds, said in words instead
)


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.output


def _words(text: str) -> str:
    """The help as running text, without Rich's box drawing and line wrapping."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def _python_types(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if PYTHON_TYPES.search(line)]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_no_help_page_shows_a_python_type(command: str) -> None:
    text = _help(*([command] if command else []))
    assert _python_types(text) == [], f"argmap {command} --help"


def test_usage_lines_name_the_arguments_as_a_cli_does() -> None:
    usage = {name: re.search(r"Usage: (.*)", _help(name)).group(1).strip()  # type: ignore[union-attr]
             for name in ("evaluate", "validate", "render", "chains", "diff", "rules")}
    assert usage == {
        "evaluate": "argmap evaluate [OPTIONS] PATH...",
        "validate": "argmap validate [OPTIONS] PATH...",
        "render": "argmap render [OPTIONS] PATH",
        "chains": "argmap chains [OPTIONS] PATH TARGET",
        "diff": "argmap diff [OPTIONS] OLD NEW",
        "rules": "argmap rules [OPTIONS]",
    }


def _row(text: str, option: str) -> str:
    found = re.search(rf"^\W*{re.escape(option)}\b.*$", text, re.MULTILINE)
    assert found is not None, f"{option} is not in the help"
    return found.group(0)


def test_flags_show_no_value_and_options_one_word() -> None:
    text = _help("render")
    for flag in ("--legend", "--force", "--check", "--help"):
        # The flag, its negative form and short name, then straight to the help text.
        assert re.match(rf"\W*{flag}\s+(?:--no-\w+\s+|-\w\s+)?[A-Z][a-z]", _row(text, flag)), \
            _row(text, flag)
    assert re.match(r"\W*--format\s+-f\s+FORMAT\s+Output format", _row(text, "--format"))
    assert re.match(r"\W*--root\s+FOLDER\s+Folder", _row(text, "--root"))
    # A fixed set of values is said in words, once, in the help text.
    assert "One of: svg, png, pdf, dot, mmd, html." in _words(text)
    assert "One of:" not in _words(_help("validate"))
    assert "Wrap labels at this many characters. At least 8." in _words(text)  # its --format help names every value already


def test_examples_are_one_a_line() -> None:
    lines = [line.strip(" │") for line in _help("render").splitlines()]
    start = lines.index("Examples:")
    assert lines[start + 1].startswith("argmap render brief.yaml -o map.svg")
    assert lines[start + 2].startswith("argmap render briefs/ -o maps/")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_ends_with_examples(command: str) -> None:
    lines = [line.strip(" │") for line in _help(command).splitlines()]
    heading = next((i for i, line in enumerate(lines) if line in ("Example:", "Examples:")), None)
    assert heading is not None, f"argmap {command} --help has no examples"
    assert lines[heading + 1].startswith(f"argmap {command}")


def test_the_installed_command_prints_the_same_help() -> None:
    # Through the console script's own entry point, as a user types it.
    env = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-m", "argmap", "evaluate", "--help"],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "Usage: argmap evaluate [OPTIONS] PATH..." in done.stdout
    assert _python_types(done.stdout) == []


def test_the_reference_shows_no_python_type() -> None:
    assert _python_types(CLI_MD.read_text(encoding="utf-8")) == []


def test_the_reference_lists_each_command_with_its_whole_first_sentence() -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        first = " ".join((command.help or "").split("\n\n")[0].split())
        assert f"* `{name}`: {first}\n" in text, name


def test_every_semantics_option_has_the_short_name() -> None:
    for name in COMMANDS:
        for row in _help(name).splitlines():
            if "--semantics" in row:
                assert re.search(r"--semantics\s+-s\b", row), f"argmap {name}: {row.strip()}"
