"""``argmap chains``, ``evaluate`` and ``diff``: what a brief argues, and what stands."""

from __future__ import annotations

import difflib
import enum
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    Semantics,
    app,
    brief_or_exit,
    briefs_or_exit,
    fail,
    load_or_exit,
)
from argmap.diagnostics import terminal_safe

if TYPE_CHECKING:
    from argmap.model import Brief

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
    path: Annotated[Path, typer.Argument(
        metavar="PATH", help="A brief file, or a folder: the briefs in it that hold TARGET.")],
    target: Annotated[str, typer.Argument(metavar="TARGET",
                                          help="The id of the statement the chains lead to.")],
    output_format: Annotated[TextOrJson, typer.Option(
        "--format", "-f", help="text (one chain a line) or json (a list of id lists).")
    ] = TextOrJson.text,
) -> None:
    """Print every chain of support from a starting premise to TARGET."""
    from argmap.analysis import chains

    loaded = briefs_or_exit(path)
    holding = [(file, b) for file, b in loaded if target in b.statements or target in b.arguments]
    if not holding:
        known = [key for _file, b in loaded for key in b.statements]
        close = difflib.get_close_matches(target, known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise fail(f"no statement '{target}' in {path}{hint}")
    if len(holding) > 1:
        names = ", ".join(str(file) for file, _b in holding)
        raise fail(f"'{target}' is in {len(holding)} briefs ({names}); give one of them")
    brief = holding[0][1]
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
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH", help="Brief files or folders of briefs.")],
    semantics: Annotated[
        Semantics, typer.Option("--semantics", "-s", help="How to weigh the objections.")
    ] = Semantics.grounded,
    output_format: Annotated[TextOrJson, typer.Option(
        "--format", "-f", help="text (a table a brief) or json (verdicts and strengths by id; "
        "one document for one file, a list of them, each with its path, otherwise).")
    ] = TextOrJson.text,
) -> None:
    """Say which statements stand once the objections are weighed (and how strongly)."""
    loaded = [item for path in paths for item in briefs_or_exit(path)]
    single = len(paths) == 1 and not paths[0].is_dir()
    documents: list[dict[str, object]] = []
    for index, (file, brief) in enumerate(loaded):
        if output_format is TextOrJson.text and index:
            typer.echo("")
        document = _evaluate_one(brief, semantics, output_format, None if single else file)
        if document is not None:
            documents.append(document)
    if output_format is TextOrJson.json:
        typer.echo(json.dumps(documents[0] if single else documents, indent=2))


def _evaluate_one(brief: Brief, semantics: Semantics, output_format: TextOrJson,
                  file: Path | None) -> dict[str, object] | None:
    """One brief's verdicts: printed as a table, or returned as a JSON document."""
    from argmap.analysis import VERDICT_WORDS, evaluate
    from argmap.estimative import OPEN_BAND
    from argmap.graph import ArgumentGraph

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
        document: dict[str, object] = {} if file is None else {"path": str(file)}
        document |= {
            "semantics": result.semantics,
            "converged": result.converged,
            "verdict_rule": (
                "grounded label" if not gradual else
                f"stands above {OPEN_BAND[1]}, falls below {OPEN_BAND[0]}, open between"
            ),
            "results": rows,
        }
        return document
    if file is not None:
        typer.echo(terminal_safe(str(file)))
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
    return None


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
