"""``argmap chains``, ``evaluate`` and ``diff``: what a brief argues, and what stands."""

from __future__ import annotations

import difflib
import enum
import json
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    Semantics,
    app,
    brief_or_exit,
    fail,
    load_or_exit,
)
from argmap.diagnostics import terminal_safe

__all__ = ["chains_command", "diff_command", "evaluate_command"]


class TextOrJson(str, enum.Enum):
    text = "text"
    json = "json"


class DiffFormat(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    json = "json"




@app.command("chains", epilog=(
    "Example: argmap chains briefs/georgia-russia-dialogue.yaml "
    "russia-should-show-magnanimity"))
def chains_command(
    path: Annotated[Path, typer.Argument(metavar="BRIEF", help="A brief file.")],
    target: Annotated[str, typer.Argument(metavar="TARGET",
                                          help="The id of the statement the chains lead to.")],
    output_format: Annotated[TextOrJson, typer.Option(
        "--format", "-f", help="text (one chain a line) or json (a list of id lists).")
    ] = TextOrJson.text,
) -> None:
    """Print every chain of support from a starting premise to TARGET."""
    from argmap.analysis import chains

    brief = load_or_exit(path)
    statements = brief.statements
    if target not in statements and target not in brief.arguments:
        close = difflib.get_close_matches(target, list(statements), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise fail(f"no statement '{target}' in {path}{hint}")
    found = chains(brief, target)
    if not found.complete:
        typer.echo(f"argmap: the search stopped after {found.steps:,} steps and "
                   f"{len(found):,} chains: more chains lead to '{target}' than are listed "
                   "(the map's support is very dense, or very deep)", err=True)
    if output_format is TextOrJson.json:
        typer.echo(json.dumps([list(chain.steps) for chain in found], indent=2))
        return
    if not found:
        if found.complete:
            typer.echo(f"nothing supports '{target}'")
        return
    for chain in found:
        typer.echo(terminal_safe(str(chain)))


@app.command("evaluate", epilog=(
    "Examples: argmap evaluate brief.yaml; argmap evaluate brief.yaml -s dfquad --format json"))
def evaluate_command(
    path: Annotated[Path, typer.Argument(metavar="BRIEF", help="A brief file.")],
    semantics: Annotated[
        Semantics, typer.Option("--semantics", "-s", help="How to weigh the objections.")
    ] = Semantics.grounded,
    output_format: Annotated[TextOrJson, typer.Option(
        "--format", "-f", help="text (a table) or json (verdicts and strengths by id).")
    ] = TextOrJson.text,
) -> None:
    """Say which statements stand once the objections are weighed (and how strongly)."""
    from argmap.analysis import VERDICT_WORDS, evaluate
    from argmap.estimative import OPEN_BAND
    from argmap.graph import ArgumentGraph

    brief = load_or_exit(path)
    graph = ArgumentGraph(brief)
    result = evaluate(graph, semantics.value)
    rows = []
    gradual = result.semantics != "grounded"
    for key, node in graph.nodes.items():
        if node.is_question:
            continue  # a question has no verdict; its options do
        row: dict[str, object] = {
            "id": key,
            "kind": node.kind.value,
            "label": result.labels.get(key),
            "verdict": result.verdict(key),
            "strength": result.strengths.get(key),
        }
        if gradual:
            row["grounded"] = result.grounded.get(key)
        rows.append(row)
    if output_format is TextOrJson.json:
        document: dict[str, object] = {
            "semantics": result.semantics,
            "converged": result.converged,
            "verdict_rule": (
                "grounded label" if not gradual else
                f"stands above {OPEN_BAND[1]}, falls below {OPEN_BAND[0]}, open between"
            ),
            "results": rows,
        }
        typer.echo(json.dumps(document, indent=2))
        return
    typer.echo(
        f"{terminal_safe(brief.title)} ({result.semantics} semantics"
        + ("" if result.converged else "; did NOT converge within the work budget: the "
           "strengths shown are the last state reached")
        + ")"
    )
    if gradual:
        typer.echo(f"  (verdicts from strength: above {OPEN_BAND[1]} stands, below "
                   f"{OPEN_BAND[0]} falls, between is open)")
    order = {"recommendation": 0, "claim": 1, "objection": 2, "premise": 3, "argument": 4}
    for row in sorted(rows, key=lambda r: (order[str(r["kind"])], str(r["id"]))):
        label = VERDICT_WORDS.get(str(row["label"]), "?")
        strength = "" if row["strength"] is None else f"{row['strength']:.3f}"
        shown = terminal_safe(str(row["id"]))
        typer.echo(f"  {label:<7} {strength:>6}  {row['kind']:<15} {shown}")


def _read_version(spec: str) -> tuple[str, object]:
    from argmap.diff import read_revision
    from argmap.loading import read_text

    path = Path(spec)
    if path.exists() or ":" not in spec:
        return spec, load_or_exit(path)
    shown, text = read_revision(spec)
    return shown, brief_or_exit(
        read_text(text, path=shown, json_syntax=spec.lower().endswith(".json"))
    )


@app.command("diff", epilog=(
    "Examples: argmap diff old.yaml new.yaml; "
    "argmap diff main:briefs/x.yaml briefs/x.yaml --format markdown"))
def diff_command(
    old: Annotated[str, typer.Argument(help="The old version: a file, or REV:path from git.")],
    new: Annotated[str, typer.Argument(help="The new version: a file, or REV:path from git.")],
    output_format: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help="text, markdown (for a pull-request comment) or json.")
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when the versions differ.")
    ] = False,
) -> None:
    """Show statements, relations and verdicts that changed between two versions of a brief."""
    from argmap.diff import diff, to_markdown, to_text
    from argmap.model import Brief

    _, old_brief = _read_version(old)
    _, new_brief = _read_version(new)
    assert isinstance(old_brief, Brief) and isinstance(new_brief, Brief)
    result = diff(old_brief, new_brief)
    if output_format is DiffFormat.json:
        typer.echo(json.dumps(result.to_dict(), indent=2))
    elif output_format is DiffFormat.markdown:
        typer.echo(to_markdown(result, title=f"argmap diff: {new_brief.title}"), nl=False)
    else:
        typer.echo(to_text(result), nl=False)
    raise typer.Exit(EXIT_FINDINGS if exit_code and not result.empty else EXIT_CLEAN)
