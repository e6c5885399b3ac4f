"""The ``argmap`` command: a thin Typer shell over the library.

Exit codes, as in ruff and yamllint: 0 clean, 1 findings, 2 the command could not do its job
(a bad option, a path that does not exist, a tool that is missing).
"""

from __future__ import annotations

import atexit
import copy
import enum
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from argmap.cli.helpformat import ArgmapTyper
from argmap.collector import own_process
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.loading import ReadResult
    from argmap.model import Brief

__all__ = [
    "EXIT_CLEAN",
    "EXIT_FINDINGS",
    "EXIT_USAGE",
    "Semantics",
    "app",
    "brief_or_exit",
    "fail",
    "load_or_exit",
    "main",
]

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

# ArgmapTyper: --help shows parameters as a CLI does (PATH..., --format FORMAT), not Python types.
app = ArgmapTyper(
    name="argmap",
    help="Turn policy briefs into explicit, checkable argument maps.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from argmap import __version__

        typer.echo(f"argmap {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", "-V", is_eager=True, callback=_print_version,
        help="Print argmap's version and exit.",
    ),
) -> None:
    """Turn policy briefs into explicit, checkable argument maps."""


class Semantics(str, enum.Enum):
    """The evaluation semantics a command can be asked for (see docs/semantics.md)."""

    grounded = "grounded"
    dfquad = "dfquad"
    quadratic_energy = "quadratic-energy"


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print ``argmap: message`` to standard error and return the exit to raise."""
    typer.echo(f"argmap: {message}", err=True)
    return typer.Exit(code)


def load_or_exit(path: Path) -> Brief:
    """Load a brief for a command that needs one; a brief that cannot be loaded prints its
    diagnostics and exits 1 (the input's fault), a path that does not exist exits 2."""
    from argmap.loading import read

    if not path.exists():
        raise fail(f"no such file: {path}")
    if path.is_dir():
        raise fail(f"{path} is a folder; give one brief file")
    return brief_or_exit(read(path))


def briefs_or_exit(path: Path) -> list[tuple[Path, Brief]]:
    """The briefs a command reads from ``path``: the file itself, or the declared briefs in a
    folder (as ``argmap validate`` finds them). A brief that cannot be loaded prints its
    diagnostics and exits 1; a path that does not exist, or a folder with no brief, exits 2."""
    from argmap.cli.validate import discover

    if not path.exists():
        raise fail(f"no such file or folder: {path}")
    if not path.is_dir():
        return [(path, load_or_exit(path))]
    found = [(file, load_or_exit(file)) for file, _data in discover([path])]
    if not found:
        raise fail(f"no brief in {path} (a brief is a .yaml, .yml or .json file with a "
                   "top-level 'argmap:' key)")
    return found


def brief_or_exit(result: ReadResult) -> Brief:
    """The brief read, or its diagnostics on standard error and exit 1 when it has errors."""
    from argmap.diagnostics import Severity

    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if result.brief is None or errors:
        for diagnostic in result.diagnostics:
            typer.echo(str(diagnostic), err=True)
        typer.echo(f"argmap: {result.path} cannot be loaded as a brief", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    return result.brief


def _app_for(args: list[str]) -> typer.Typer:
    """The app that runs ``args``: ``app`` itself, or, when ``args`` start with a command's name,
    a copy of ``app`` that holds that command alone.

    Typer turns every registered command into a Click command before it runs one, reading each
    function's signature and annotations: for a one-brief ``argmap validate`` that was a tenth
    of the whole process. The copy keeps the group, its callback and settings, so the command
    parses, helps and fails with the same words; anything else (no command, a misspelt one,
    shell completion) goes to the whole app.
    """
    if not args or "_ARGMAP_COMPLETE" in os.environ:
        return app
    for info in app.registered_commands:
        name = info.name
        if name is None and info.callback is not None:
            name = typer.main.get_command_name(info.callback.__name__)
        if name == args[0]:
            single = copy.copy(app)
            single.registered_commands = [info]
            return single
    return app


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``argmap`` console script."""
    # A brief becomes some hundred thousand small objects, and the default thresholds run the
    # cycle collector over all of them again and again while they are built (15% of validating
    # 10,000 statements). The command is short-lived, so collect far less often; the library
    # leaves its host's collector alone.
    gc.set_threshold(50_000, 20, 20)
    # At exit the interpreter's last collections walk the whole heap (some 50 ms, a tenth of
    # a one-brief run) only to find it alive; frozen then, it is freed without the walk. An
    # exit handler, so that a program that calls main() and goes on keeps its collector.
    atexit.unregister(gc.freeze)  # once, however often main() runs in one process
    atexit.register(gc.freeze)
    try:
        with own_process():
            _app_for(sys.argv[1:] if argv is None else argv)(args=argv, prog_name="argmap")
    except ArgmapError as error:
        typer.echo(f"argmap: {error}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as error:
        # A file that cannot be written or read (a full disk, a read-only folder): the command
        # cannot do its job, which is not a finding about any brief.
        where = f"{error.filename}: " if error.filename else ""
        typer.echo(f"argmap: {where}{error.strerror or error}", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        typer.echo("argmap: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_CLEAN)


# The commands register themselves on `app` when their modules load; importing them here makes
# `argmap.cli.app` complete for every user of it (the console script, tests, `typer ... docs`).
from argmap.cli import analyse, convert, draft, publish, serve, validate  # noqa: E402, F401
