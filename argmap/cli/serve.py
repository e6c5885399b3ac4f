"""``argmap serve``: a live preview of briefs in the browser (see :mod:`argmap.serve`)."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli import Semantics, app, fail
from argmap.cli.publish import Direction, Grouping

__all__ = ["serve_command"]


@app.command("serve", epilog=(
    "Examples: argmap serve brief.yaml; argmap serve briefs/ --port 0 --open"))
def serve_command(
    path: Annotated[Path, typer.Argument(help="A brief file, or a folder of briefs.")],
    port: Annotated[int | None, typer.Option(
        min=0, max=65535,
        help="Port on 127.0.0.1 (default: 8000, or the next free one; 0: any free port).")]
        = None,
    group: Annotated[Grouping, typer.Option(
        help="Boxes around the statements of one section, speaker or addressee.")]
        = Grouping.section,
    direction: Annotated[Direction, typer.Option(
        help="Where arrows point: BT puts conclusions on top.")] = Direction.BT,
    width: Annotated[int, typer.Option(
        min=8, metavar="N", help="Wrap labels at this many characters.")]
        = 30,
    evaluate: Annotated[bool, typer.Option(
        help="Open the maps with the evaluation shown (it can be switched in the page).")]
        = False,
    semantics: Annotated[Semantics, typer.Option(
        "--semantics", "-s", help="The semantics the pages show first.")] = Semantics.grounded,
    open_browser: Annotated[bool, typer.Option(
        "--open/--no-open", help="Open the preview in the default browser.")] = False,
    root: Annotated[Path | None, typer.Option(
        metavar="FOLDER",
        help="Folder that sources may be read from (default: the project).")] = None,
) -> None:
    """Preview briefs as interactive maps that redraw themselves whenever a file is saved."""
    from argmap.serve import Preview, ServeError

    if root is not None and not root.is_dir():
        raise fail(f"--root must be a folder: {root}")
    try:
        preview = Preview(path, root=root, evaluate=evaluate, semantics=semantics.value,
                          render={"group": group.value, "direction": direction.value,
                                  "width": width},
                          echo=lambda line: typer.echo(line, err=True))
        preview.start(port)
    except ServeError as error:
        raise fail(str(error)) from None
    typer.echo(f"argmap serve: {preview.url} (watching {path}; Ctrl-C stops)", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(preview.url)
    done = threading.Event()
    # A terminal's Ctrl-C and a service manager's SIGTERM both end the preview cleanly.
    previous = signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        preview.stop()
        typer.echo("argmap serve: stopped", err=True)
