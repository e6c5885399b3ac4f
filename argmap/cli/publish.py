"""``argmap render`` and ``argmap summary``: diagrams and Markdown summaries of briefs.

Both take a brief file (writing ``-o FILE``) or a folder of briefs (writing one file per brief
into ``-o FOLDER``), and both have ``--check``, which writes nothing and exits 1 (showing a diff
for text formats) when a file on disk is not what would be generated now, so CI can keep
committed diagrams and summaries fresh.
"""

from __future__ import annotations

import contextvars
import difflib
import enum
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from argmap.cli import EXIT_CLEAN, EXIT_FINDINGS, Semantics, app, fail
from argmap.diagnostics import terminal_safe
from argmap.errors import ArgmapError, BriefError
from argmap.model import Brief

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph

__all__ = ["render_command", "summary_command"]

#: A folder of at least this many briefs gets a progress bar (on a terminal).
PROGRESS_THRESHOLD = 3
#: True while ``argmap check-rendered`` runs a render or summary, so its messages fit.
RUN_BY_CHECK_RENDERED: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "RUN_BY_CHECK_RENDERED", default=False)
#: Diff lines shown per file by --check before the rest is cut.
MAX_DIFF_LINES = 400


class DiagramFormat(str, enum.Enum):
    svg = "svg"
    png = "png"
    pdf = "pdf"
    dot = "dot"
    mmd = "mmd"
    html = "html"


class Grouping(str, enum.Enum):
    section = "section"
    speaker = "speaker"
    addressee = "addressee"
    none = "none"


class Direction(str, enum.Enum):
    BT = "BT"
    TB = "TB"
    LR = "LR"
    RL = "RL"


_TEXT_FORMATS = ("svg", "dot", "mmd", "md", "html")

_ROOT_HELP = ("Folder that sources may be read from (default: the project, that is the "
              "repository holding the current folder, or the current folder).")
_FORCE_HELP = "Write the output even when the brief has errors (from the parts that validate)."
_CHECK_HELP = ("Write nothing; exit 1 (with a diff for text formats) when a file on disk differs "
               "from what would be generated now.")


@app.command("render", epilog=(
    "Examples: argmap render brief.yaml -o map.svg; argmap render briefs/ -o maps/ --format png; "
    "argmap render brief.yaml -o - --format mmd --focus some-id --depth 1"))
def render_command(
    path: Annotated[Path, typer.Argument(metavar="PATH",
                                         help="A brief file, or a folder of briefs.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", metavar="PATH",
        help="File to write (format from its suffix), '-' for standard output, or a folder "
             "when PATH is one.")],
    fmt: Annotated[DiagramFormat | None, typer.Option(
        "--format", "-f", help="Output format (default: from the suffix of --output; svg "
                               "for a folder).")] = None,
    group: Annotated[Grouping | None, typer.Option(
        help="Draw boxes around the statements of one section, speaker or addressee "
             "(default: none; section for html, whose sections can then be collapsed).")]
        = None,
    direction: Annotated[Direction, typer.Option(
        help="Where arrows point: BT puts conclusions on top.")] = Direction.BT,
    legend: Annotated[bool, typer.Option(help="Add a key to shapes and arrows.")] = True,
    focus: Annotated[str | None, typer.Option(
        metavar="ID", help="Show only the statements near this id.")] = None,
    depth: Annotated[int, typer.Option(
        min=0, metavar="N", help="With --focus: how many relations away from it to show.")] = 2,
    upstream: Annotated[bool, typer.Option(
        help="With --focus: show only what leads into it (its reasons and objections, and "
             "theirs), not what it leads to.")] = False,
    width: Annotated[int, typer.Option(
        min=8, metavar="N", help="Wrap labels at this many characters.")]
        = 30,
    page: Annotated[str | None, typer.Option(
        metavar="SIZE",
        help="Scale a larger drawing down to fit a page for printing: A4, A3, letter... "
             "(NAME-landscape turns it), or inches as WIDTHxHEIGHT, or WIDTH alone.")] = None,
    caption: Annotated[str | None, typer.Option(
        metavar="TEXT",
        help="A line under the title that says what the picture shows (default, with "
             "--focus: the statement it is drawn around).")] = None,
    evaluate: Annotated[bool, typer.Option(
        help="Evaluate the map and mark what falls (dashed, grey) and how strong each "
             "statement is.")] = False,
    semantics: Annotated[Semantics, typer.Option(
        "--semantics", "-s", help="With --evaluate: the semantics to use.")] = Semantics.grounded,
    timeout: Annotated[float, typer.Option(
        min=0.1, metavar="SECONDS", help="Seconds Graphviz may take before it is stopped.")] = 60.0,
    check: Annotated[bool, typer.Option(help=_CHECK_HELP)] = False,
    force: Annotated[bool, typer.Option("--force", help=_FORCE_HELP)] = False,
    root: Annotated[Path | None, typer.Option(metavar="FOLDER", help=_ROOT_HELP)] = None,
) -> None:
    """Draw briefs as argument maps: SVG, PNG or PDF (with Graphviz), an interactive HTML map
    (with Graphviz), DOT or Mermaid."""
    from argmap.publish import render

    chosen = _diagram_format(path, output, fmt)
    if evaluate and chosen == "mmd":
        raise fail("--evaluate marks DOT-based diagrams only (svg, png, pdf, dot), not mmd")
    grouping = group.value if group is not None else ("section" if chosen == "html" else "none")
    options: dict[str, Any] = {
        "group": grouping, "direction": direction.value, "legend": legend,
        "focus": focus, "depth": depth, "width": width,
    }
    if upstream:
        if chosen == "html":
            raise fail("--upstream draws svg, png, pdf, dot and mmd diagrams, not html")
        options["upstream"] = True
    if page is not None:
        if chosen in ("mmd", "html"):
            raise fail(f"--page fits static DOT-based diagrams to paper (svg, png, pdf, dot), "
                       f"not {chosen}")
        options["page"] = page
    if caption is not None:
        if chosen == "mmd":
            raise fail("--caption titles DOT-based diagrams only (svg, png, pdf, dot), not mmd")
        options["caption"] = caption
    if chosen == "html":
        options.pop("legend")  # the page has its own

    def produce(brief: Brief, _graph: ArgumentGraph | None) -> bytes:
        extra: dict[str, Any] = {}
        if chosen == "html":
            # The page holds every semantics' results; these say what it shows first.
            extra = {"evaluate": evaluate, "semantics": semantics.value, "timeout": timeout}
        elif evaluate:
            extra["evaluation"] = _evaluate(brief, semantics.value)
        if chosen in ("svg", "png", "pdf"):
            extra["timeout"] = timeout
        return render(brief, chosen, **options, **extra)

    _run(path, output, chosen, produce, check=check, root=root, verb="Rendering",
         force=force)


@app.command("summary", epilog=(
    "Examples: argmap summary brief.yaml -o brief.md --diagram; "
    "argmap summary briefs/ -o summaries/ --check"))
def summary_command(
    path: Annotated[Path, typer.Argument(metavar="PATH",
                                         help="A brief file, or a folder of briefs.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", metavar="PATH",
        help="Markdown file to write, '-' for standard output, or a folder when PATH is one.")],
    template: Annotated[Path | None, typer.Option(
        metavar="FILE",
        help="Your own Jinja2 template (sandboxed; same variables as the default).")] = None,
    diagram: Annotated[bool, typer.Option(
        help="Embed the map as a Mermaid diagram (GitHub draws it).")] = False,
    chain_limit: Annotated[int, typer.Option(
        min=1, metavar="N", help="Chains of reasons shown per recommendation.")] = 10,
    evaluate: Annotated[bool, typer.Option(
        help="Say whether each recommendation stands once the objections are weighed, and "
             "which objections remain unanswered.")] = True,
    # Not DF-QuAD, which reads a hedged conclusion with one sure reason as 1.00.
    semantics: Annotated[Semantics, typer.Option(
        "--semantics", "-s",
        help="With --evaluate: the semantics that weighs the map and gives each verdict."
    )] = Semantics.quadratic_energy,
    check: Annotated[bool, typer.Option(help=_CHECK_HELP)] = False,
    force: Annotated[bool, typer.Option("--force", help=_FORCE_HELP)] = False,
    root: Annotated[Path | None, typer.Option(metavar="FOLDER", help=_ROOT_HELP)] = None,
) -> None:
    """Summarise briefs in Markdown: recommendations, verdicts, reasons, objections, premises."""
    from argmap.publish import to_markdown

    if template is not None and not template.is_file():
        raise fail(f"no such template file: {template}")

    def produce(brief: Brief, checked: ArgumentGraph | None) -> bytes:
        from argmap.graph import ArgumentGraph

        # One graph for the checks, the evaluation and the summary.
        graph = checked if checked is not None else ArgumentGraph(brief)
        evaluation = _evaluate(graph, semantics.value) if evaluate else None
        return to_markdown(graph, template=template, diagram=diagram, evaluation=evaluation,
                           chain_limit=chain_limit).encode("utf-8")

    _run(path, output, "md", produce, check=check, root=root, verb="Summarising",
         force=force)


# --- shared machinery --------------------------------------------------------------------------


def _diagram_format(path: Path, output: Path, fmt: DiagramFormat | None) -> str:
    """The format asked for, or the one the output's suffix implies."""
    from argmap.publish import format_for_suffix

    if fmt is not None:
        return fmt.value
    if path.is_dir() or str(output) == "-":
        return "svg" if path.is_dir() else "dot"
    implied = format_for_suffix(output.suffix)
    if implied is None or implied == "md":
        raise fail(f"cannot tell the format from '{output.name}'; give a suffix (.svg .png "
                   ".pdf .html .dot .mmd) or --format")
    return implied


def _targets(path: Path, output: Path, fmt: str) -> Iterator[tuple[Path, Path | None]]:
    """Each brief to read and the file to write (None: standard output)."""
    from argmap.cli.validate import discover

    if not path.exists():
        raise fail(f"no such file or folder: {path}")
    if not path.is_dir():
        yield path, None if str(output) == "-" else output
        return
    if str(output) == "-" or (output.exists() and not output.is_dir()):
        raise fail(f"'{output}' must be a folder when rendering the folder '{path}'")
    suffix = "." + fmt
    for file, _data in discover([path]):
        yield file, output / file.relative_to(path).with_suffix(suffix)


def _checked(
    source: Path, config: Any, root: Path | None, force: bool, verb: str = "written"
) -> tuple[Brief | None, ArgumentGraph | None, str]:
    """The brief at ``source`` when it has no errors (or ``force`` is on), the argument graph
    the rules checked when it is that brief's (else None), and what to say.

    The brief is validated as ``argmap validate`` would (the same configuration, the same
    ``# argmap: ignore`` comments), so a diagram is never drawn silently from a brief with a
    cycle, a dangling reference or a field error. With ``force`` the brief is drawn anyway, from
    the parts that validate. The text to say lists the diagnostics, as validate prints them.
    """
    from argmap.cli.validate import validate_file
    from argmap.diagnostics import Severity
    from argmap.loading import read

    # The rules that find errors first: when there are none, nothing is said, so the warnings
    # need not be looked for; when there are, every finding is said, as validate says them.
    found, result, graph = validate_file(source, config, errors_only=True)
    errors = sum(d.severity is Severity.ERROR for d in found)
    if errors:
        found = validate_file(source, config)[0]
    if not errors:
        # The brief as validate read it, when it read it from the same folder as read would.
        if result is not None and root is None and config.root is None:
            return result.brief, graph, ""
        return read(source, root=root).brief, None, ""
    lines = [str(d) for d in found]
    count = f"{errors} error{'s' if errors != 1 else ''}"
    brief: Brief | None = None
    if force:
        result = read(source, root=root)
        brief = result.brief if result.brief is not None else result.partial
    if brief is not None:
        lines.append(f"argmap: {source} has {count}; {verb} anyway (--force)")
    elif force:
        lines.append(f"argmap: {source} has {count} and cannot be read as a brief")
    else:
        lines.append(f"argmap: {source} has {count}; nothing written (fix them, or pass "
                     "--force to use it anyway)")
    return brief, None, "\n".join(lines)


def _run(
    path: Path, output: Path, fmt: str,
    produce: Callable[[Brief, ArgumentGraph | None], bytes], *,
    check: bool, root: Path | None, verb: str, force: bool = False,
) -> None:
    from argmap.config import resolve_config
    from argmap.loading import write_atomic

    if root is not None and not root.is_dir():
        raise fail(f"--root must be a folder: {root}")
    try:
        config = resolve_config([path]).override(
            root=Path(os.path.abspath(root)) if root is not None else None)
    except ArgmapError as error:
        raise fail(str(error)) from None
    targets = list(_targets(path, output, fmt))
    if path.is_dir() and not targets:
        raise fail(f"no briefs in '{path}' (a brief is a .yaml, .yml or .json file with a "
                   "top-level 'argmap:' key)")
    stale = 0
    broken = 0
    failures: list[str] = []
    said: list[str] = []  # printed after the progress bar, which it would break
    progress = path.is_dir() and len(targets) >= PROGRESS_THRESHOLD and sys.stderr.isatty()
    with _progress(targets, progress, verb) as items:
        for source, target in items:
            if target is not None and target.exists() and os.path.samefile(source, target):
                raise fail(f"the output {target} is the brief {source} itself; writing there "
                           "would replace the brief")
            brief, graph, message = _checked(source, config, root, force,
                                      "drawn" if fmt != "md" else "summarised")
            if message:
                said.append(message)
            if brief is None:
                # The input's fault, as in `validate`: say where, and exit 1 at the end.
                broken += 1
                continue
            try:
                data = produce(brief, graph)
            except BriefError as error:
                said.append(str(error))
                broken += 1
                continue
            except ArgmapError as error:
                if not path.is_dir():
                    raise fail(str(error)) from None
                failures.append(str(error))
                continue
            if target is None:
                if check:
                    raise fail("--check needs a file to compare with, not '-'")
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            elif check:
                stale += not _fresh(target, data, fmt in _TEXT_FORMATS)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(target, data)
    for message in said:
        typer.echo(message, err=True)
    for message in failures:
        typer.echo(f"argmap: {message}", err=True)
    if failures:
        raise typer.Exit(2)
    if broken:
        raise typer.Exit(EXIT_FINDINGS)
    if check:
        if stale:
            # check-rendered names the outputs and the command that updates them itself.
            if not RUN_BY_CHECK_RENDERED.get():
                typer.echo(f"{stale} file{'s' if stale != 1 else ''} out of date; run the same "
                           "command without --check to update", err=True)
            raise typer.Exit(EXIT_FINDINGS)
        raise typer.Exit(EXIT_CLEAN)


class _progress:
    """A progress bar over ``items`` on a terminal, or the items as they are."""

    def __init__(self, items: list[tuple[Path, Path | None]], show: bool, verb: str) -> None:
        self.items = items
        self.bar: Any = None
        if show:
            self.bar = typer.progressbar(items, label=verb, file=sys.stderr,
                                         item_show_func=lambda item: item[0].name if item else "")

    def __enter__(self) -> Any:
        return self.bar.__enter__() if self.bar is not None else iter(self.items)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _fresh(target: Path, data: bytes, text: bool) -> bool:
    """True when ``target`` holds ``data``; otherwise say how it differs."""
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        typer.echo(f"{target}: missing (would be created)")
        return False
    except OSError as error:
        typer.echo(f"{target}: cannot be read: {error.strerror or error}")
        return False
    if current == data:
        return True
    if not text:
        typer.echo(f"{target}: differs from what would be generated now")
        return False
    diff = list(difflib.unified_diff(
        current.decode("utf-8", "replace").splitlines(keepends=True),
        data.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=f"{target} (on disk)", tofile=f"{target} (generated)",
    ))
    shown = diff[:MAX_DIFF_LINES]
    typer.echo("".join(terminal_safe(line.rstrip("\n")) + "\n" for line in shown), nl=False)
    if len(diff) > len(shown):
        typer.echo(f"... {len(diff) - len(shown)} more diff lines")
    return False


def _evaluate(brief: Brief | ArgumentGraph, semantics: str) -> Any:
    """The brief evaluated under ``semantics``, or a clear error when evaluation is missing."""
    try:
        from argmap.analysis import evaluate
    except ImportError as error:  # pragma: no cover - evaluation ships with argmap
        raise fail(f"evaluation is not available: {error}") from error
    try:
        return evaluate(brief, semantics)
    except (ValueError, ImportError) as error:
        name = brief.id if isinstance(brief, Brief) else brief.brief.id
        raise fail(f"cannot evaluate {name}: {error}") from error
