"""``argmap validate``, ``argmap rules``, ``argmap explain`` and ``argmap schema``."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from argmap.checking import check, rule_selected
from argmap.cli import EXIT_CLEAN, EXIT_FINDINGS, app, fail
from argmap.diagnostics import Diagnostic, Severity, summary_line
from argmap.loading import read_bytes

__all__ = ["discover", "validate"]

_SUFFIXES = (".yaml", ".yml", ".json")
_DECLARES_ARGMAP = re.compile(rb"""^\s*\{?\s*["']?argmap["']?\s*:""", re.MULTILINE)


class OutputFormat(str, enum.Enum):
    text = "text"
    json = "json"


def discover(paths: list[Path]) -> Iterator[tuple[Path, bytes | None]]:
    """The brief files under ``paths``: files as given, folders searched for declared briefs.

    In a folder, a ``.yaml``, ``.yml`` or ``.json`` file counts as a brief when it declares
    ``argmap:``; hidden folders (``.git``) are skipped. Files come in a stable, sorted order.
    """
    for path in paths:
        if not path.is_dir():
            yield path, None
            continue
        for candidate in sorted(path.rglob("*")):
            if candidate.suffix.lower() not in _SUFFIXES or not candidate.is_file():
                continue
            relative = candidate.relative_to(path).parts
            if any(part.startswith(".") for part in relative[:-1]):
                continue
            try:
                data = candidate.read_bytes()
            except OSError:
                yield candidate, None
                continue
            if _DECLARES_ARGMAP.search(data):
                yield candidate, data


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Brief files, or folders to search.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="How to print the diagnostics.")
    ] = OutputFormat.text,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
    root: Annotated[
        Optional[Path],  # noqa: UP007 - Typer reads this annotation at runtime on Python 3.10
        typer.Option(help="Folder that sources may be read from (default: each brief's folder)."),
    ] = None,
    select: Annotated[
        Optional[list[str]],  # noqa: UP007
        typer.Option(help="Only these rule codes or prefixes (repeatable)."),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP007
        typer.Option(help="Skip these rule codes or prefixes (repeatable)."),
    ] = None,
) -> None:
    """Check briefs: exit 0 when clean, 1 with errors (or warnings under --strict)."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    if root is not None and not root.is_dir():
        raise fail(f"--root must be a folder: {root}")
    _check_codes([*(select or []), *(ignore or [])])

    all_diagnostics: list[Diagnostic] = []
    files = 0
    for file, data in discover(paths):
        files += 1
        diagnostics = _validate_one(file, data, root)
        diagnostics = [d for d in diagnostics if rule_selected(d.code, select, ignore)]
        all_diagnostics.extend(diagnostics)
        if output_format is OutputFormat.text and not quiet:
            for diagnostic in diagnostics:
                typer.echo(str(diagnostic))
    if output_format is OutputFormat.json:
        typer.echo(json.dumps([d.to_dict() for d in all_diagnostics], indent=2))
        typer.echo(summary_line(files, all_diagnostics), err=True)
    else:
        typer.echo(summary_line(files, all_diagnostics))
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    failed = any(d.severity in failing for d in all_diagnostics)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


def _validate_one(file: Path, data: bytes | None, root: Path | None) -> list[Diagnostic]:
    result = read_bytes(data, file, root=root)
    if result.brief is None:
        return result.diagnostics
    return sorted([*result.diagnostics, *check(result.brief)],
                  key=lambda d: (d.line or 0, d.column or 0, d.code))


def _check_codes(codes: list[str]) -> None:
    from argmap.checks import all_rules

    known = [rule.code for rule in all_rules()]
    for code in codes:
        if not any(k.startswith(code.upper()) for k in known):
            raise fail(f"unknown rule code or prefix '{code}'; 'argmap rules' lists them")


@app.command()
def rules() -> None:
    """List every rule: code, severity, name and summary."""
    from argmap.checks import all_rules

    for rule in all_rules():
        typer.echo(f"{rule.code}  {rule.severity.value:<7}  {rule.name:<34} {rule.summary}")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, such as AM101.")]) -> None:
    """Print a rule's documentation, with a bad and a good example."""
    from argmap.checks import get_rule

    rule = get_rule(code)
    if rule is None:
        raise fail(f"no rule '{code}'; 'argmap rules' lists them")
    typer.echo(f"{rule.code} {rule.name} ({rule.severity.value})\n\n{rule.summary}\n\n{rule.doc}")


@app.command()
def schema(
    output: Annotated[
        Optional[Path],  # noqa: UP007
        typer.Option("--output", "-o", help="Write to this file instead of printing."),
    ] = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the brief format."""
    from argmap.loading import write_atomic
    from argmap.schema import json_schema_text

    text = json_schema_text()
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text)
