"""``argmap convert``: briefs to and from AIF (AIFdb, OVA), Argdown and graph formats.

A file becomes a file, a folder becomes a folder of the same layout. What the target format
cannot hold is printed as a warning with a count (``--strict``: an error, and nothing written).
A file that cannot be read names itself and the element at fault, and the command exits 1
after converting the rest.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli import EXIT_FINDINGS, app, fail
from argmap.errors import ConversionError

__all__ = ["convert_command"]


class InputFormat(str, enum.Enum):
    brief = "brief"
    aif = "aif"
    ova = "ova"
    argdown = "argdown"


class OutputFormat(str, enum.Enum):
    brief = "brief"
    aif = "aif"
    ova = "ova"
    argdown = "argdown"
    graphml = "graphml"
    cytoscape = "cytoscape"


#: The suffix a file gets in a converted folder, by output format.
_SUFFIX = {"brief": ".yaml", "aif": ".json", "ova": ".ova.json", "argdown": ".argdown",
           "graphml": ".graphml", "cytoscape": ".cyjs"}
#: Files a folder conversion picks up.
_READABLE = (".yaml", ".yml", ".json", ".aif", ".ova", ".argdown", ".ad")


@app.command("convert", epilog=(
    "Examples: argmap convert nodeset.json -o brief.yaml; argmap convert brief.yaml -o "
    "map.argdown; argmap convert corpus/ -o briefs/ --to brief"))
def convert_command(
    path: Annotated[Path, typer.Argument(help="A file to convert, or a folder of them.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", metavar="PATH",
        help="File to write (format from its name: .yaml brief, .json or .aif.json AIF, "
             ".ova.json OVA, .argdown Argdown, .graphml GraphML, .cyjs Cytoscape JSON), or a "
             "folder when PATH is one.")],
    from_: Annotated[InputFormat | None, typer.Option(
        "--from", metavar="FORMAT",
        help="Format of the input (default: from its name and content).")] = None,
    to: Annotated[OutputFormat | None, typer.Option(
        "--to", metavar="FORMAT",
        help="Format to write (default: from the output's name).")] = None,
    strict: Annotated[bool, typer.Option(
        help="Fail, writing nothing, when anything would be left out.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Print only errors, not what was left out.")] = False,
) -> None:
    """Convert briefs to and from AIF (AIFdb JSON, OVA3 saves) and Argdown; write GraphML and
    Cytoscape JSON for graph analysis."""
    from argmap.convert import convert_file, format_for_output

    if not path.exists():
        raise fail(f"no such file or folder: {path}")
    chosen_from = from_.value if from_ else None
    chosen_to = to.value if to else None
    if path.is_dir():
        if output.exists() and not output.is_dir():
            raise fail(f"{path} is a folder, so --output must be one, and {output} is a file")
        if chosen_to is None:
            raise fail("converting a folder needs --to (brief, aif, ova or argdown)")
        pairs = [
            (file, output / file.relative_to(path).with_suffix(_SUFFIX[chosen_to]))
            for file in sorted(path.rglob("*"))
            if file.is_file() and file.suffix.lower() in _READABLE
            and not any(part.startswith(".") for part in file.relative_to(path).parts)
        ]
        if not pairs:
            raise fail(f"{path} holds no file to convert ({', '.join(_READABLE)})")
    else:
        if output.is_dir():
            raise fail(f"{output} is a folder; give the file to write")
        if chosen_to is None and format_for_output(output) is None:
            raise fail(f"cannot tell the format to write from '{output.name}'; "
                       "name it .yaml, .json, .aif.json, .ova.json or .argdown, or give --to")
        pairs = [(path, output)]
    failed = 0
    for source, target in pairs:
        if source.resolve() == target.resolve():
            typer.echo(f"argmap: {source}: the output would overwrite the input; "
                       "choose another name", err=True)
            failed += 1
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            losses = convert_file(source, target, from_=chosen_from, to=chosen_to, strict=strict)
        except ConversionError as error:
            typer.echo(f"argmap: {error}", err=True)
            failed += 1
            continue
        if losses and not quiet:
            for line in losses.messages():
                typer.echo(f"{source}: warning: {line}", err=True)
        if not quiet:
            typer.echo(f"{source} -> {os.fspath(target)}", err=True)
    if failed:
        typer.echo(f"argmap: {failed} of {len(pairs)} file(s) could not be converted", err=True)
        raise typer.Exit(EXIT_FINDINGS)
