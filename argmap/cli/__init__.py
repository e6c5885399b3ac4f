"""The ``argmap`` command: a thin Typer shell over the library.

Exit codes, as in ruff and yamllint: 0 clean, 1 findings, 2 the command could not do its job
(a bad option, a path that does not exist, a tool that is missing).
"""

from __future__ import annotations

import sys

import typer

from argmap.errors import ArgmapError

__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_USAGE", "app", "fail", "main"]

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

app = typer.Typer(
    name="argmap",
    help="Turn policy briefs into explicit, checkable argument maps.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print ``argmap: message`` to standard error and return the exit to raise."""
    typer.echo(f"argmap: {message}", err=True)
    return typer.Exit(code)


def _register_commands() -> None:
    from argmap.cli import analyse, publish, validate  # noqa: F401  (commands register on import)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``argmap`` console script."""
    _register_commands()
    try:
        app(args=argv, prog_name="argmap")
    except ArgmapError as error:
        typer.echo(f"argmap: {error}", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        typer.echo("argmap: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_CLEAN)
