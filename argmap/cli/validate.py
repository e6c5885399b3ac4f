"""``argmap validate``, ``argmap rules``, ``argmap explain`` and ``argmap schema``.

``validate`` is a pipeline: :func:`discover` the briefs, read and check each
(:func:`validate_paths`, which also applies the configuration and the ``# argmap: ignore``
comments), then hand the :class:`~argmap.reporters.Report` to the reporter chosen by name.
Exit codes: 0 clean, 1 findings (errors, or warnings under ``--strict``), 2 the run could not
happen (a bad option or configuration, a path that does not exist).
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, TextIO

import typer

from argmap.checking import check, rule_selected
from argmap.cli import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, app, fail
from argmap.collector import paused_collector, release_process
from argmap.config import Config, RenderedOutput, check_codes, resolve_config, suppressions
from argmap.diagnostics import Diagnostic, summary_line
from argmap.discovery import declares_brief
from argmap.errors import ArgmapError, ConfigError
from argmap.graph import ArgumentGraph
from argmap.lenient import without_echoes
from argmap.loading import MAX_FILE_BYTES, ReadResult, read_bytes
from argmap.project import is_inside
from argmap.reporters import Report, ReportOptions, get_reporter, statistics_table

__all__ = [
    "OutputFormat",
    "UnknownSuppression",
    "ValidationRun",
    "check_rendered",
    "discover",
    "is_input",
    "shown_path",
    "validate",
    "validate_file",
    "validate_paths",
]

_SUFFIXES = (".yaml", ".yml", ".json")


class OutputFormat(str, enum.Enum):
    """The reporters ``--format`` accepts (see :mod:`argmap.reporters`)."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"
    markdown = "markdown"


def discover(
    paths: list[Path], *, only_declared: bool = False
) -> Iterator[tuple[Path, bytes | None]]:
    """The brief files under ``paths``: files as given, folders searched for declared briefs.

    In a folder, a ``.yaml``, ``.yml`` or ``.json`` file counts as a brief when its top-level
    mapping has the key ``argmap`` (:func:`~argmap.discovery.declares_brief`); hidden folders
    (``.git``) are skipped. Files come in a stable, sorted order.
    With ``only_declared``, files named directly must declare ``argmap:`` too, so that a hook
    that is handed every changed YAML file checks only the briefs among them.
    """
    for path, test in _candidates(paths, only_declared):
        is_brief, data = _test_candidate(path, test)
        if is_brief:
            yield path, data


#: How a candidate from :func:`_candidates` is known to be a brief: ``"named"`` (a file given
#: by name, a brief as given), ``"declared"`` (given by name, a brief if it declares
#: ``argmap:``) or ``"found"`` (found in a folder, a brief if it is a file that declares it).
_Test = Literal["named", "declared", "found"]


def _candidates(paths: list[Path], only_declared: bool) -> Iterator[tuple[Path, _Test]]:
    """The files :func:`discover` looks at, in its order, without reading any of them."""
    for path in paths:
        if not path.is_dir():
            yield path, "declared" if only_declared else "named"
            continue
        for candidate in sorted(path.rglob("*")):
            if candidate.suffix.lower() not in _SUFFIXES:
                continue
            relative = candidate.relative_to(path).parts
            if not any(part.startswith(".") for part in relative[:-1]):
                yield candidate, "found"


def _test_candidate(path: Path, test: _Test) -> tuple[bool, bytes | None]:
    """Whether ``path`` is a brief to check, and its bytes when they were read for that
    (``None``: not read, or unreadable, which checking then reports)."""
    if test == "named":
        return True, None
    if test == "declared":
        data = _read_small(path)
        return data is None or declares_brief(data), data
    if not path.is_file():
        return False, None
    try:
        data = path.read_bytes()
    except OSError:
        return True, None
    return declares_brief(data), data


def _read_small(path: Path) -> bytes | None:
    """A file's bytes, or ``None`` when it cannot or should not be read (the loader then says
    why, as a diagnostic)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return None  # a device or a pipe could be read forever; a huge file is refused
        return path.read_bytes()
    except OSError:
        return None


@dataclass(frozen=True)
class UnknownSuppression:
    """A ``# argmap: ignore[...]`` comment that names a code no rule has."""

    path: str
    line: int
    code: str

    @property
    def message(self) -> str:
        """What is wrong, without the place."""
        return (f"unknown rule code '{self.code}' in an 'argmap: ignore' comment; "
                "'argmap rules' lists them")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class ValidationRun:
    """What :func:`validate_paths` found: the report, how many findings comments silenced, and
    the comments that name unknown codes."""

    report: Report
    suppressed: int
    unknown_suppressions: tuple[UnknownSuppression, ...]


def is_input(target: Path, paths: list[Path]) -> bool:
    """True when writing ``target`` would overwrite one of ``paths``, or a brief that a folder
    among them holds (the same file under another name counts too)."""
    if not target.exists():
        return False
    for path in paths:
        with contextlib.suppress(OSError):
            if os.path.samefile(target, path):
                return True
            if (path.is_dir() and target.suffix.lower() in _SUFFIXES
                    and is_inside(target.resolve(), path.resolve())):
                data = _read_small(target)
                if data is not None and declares_brief(data):
                    return True
    return False


def shown_path(file: Path, cwd: Path | None = None) -> Path:
    """The path to show for ``file``: relative to the working folder when it is inside it, so
    reports read the same on every machine; otherwise as given."""
    if not file.is_absolute():
        return file
    base = cwd or Path.cwd()
    try:
        return file.relative_to(base)
    except ValueError:
        return file


#: Below this many files one process checks them all: a pool would cost more than it saves.
POOL_MIN_FILES = 32


def validate_paths(
    paths: list[Path],
    config: Config | None = None,
    *,
    only_declared: bool = False,
    jobs: int | None = None,
    on_file: Callable[[str], None] | None = None,
) -> ValidationRun:
    """Check every brief under ``paths`` with ``config``; the library form of ``argmap validate``.

    Rules are selected by the configuration (``select``, ``ignore``, ``per-file-ignores``), then
    findings on lines with a matching ``# argmap: ignore`` comment are dropped. A file reached
    twice (named, and inside a named folder) is checked once.

    ``jobs`` is how many processes may check files at once: ``None`` (or 0) means one per core
    this process may use, 1 means this process alone. A pool of worker processes is started
    only for :data:`POOL_MIN_FILES` files or more; the report is the same either way, in the
    same order.
    """
    from argmap.checks import all_rules

    config = config or Config()
    known = tuple(rule.code for rule in all_rules())
    workers = _available_cores() if not jobs else max(1, jobs)
    cwd = Path.cwd()
    candidates = _candidates(paths, only_declared)
    seen: set[str] = set()
    outcomes: list[_FileOutcome] = []
    # Briefs held back until it is known whether there are enough of them for a pool.
    held: list[tuple[Path, bytes | None]] = []
    for file, test in candidates:
        is_brief, data = _test_candidate(file, test)
        if not is_brief or not _first_time(file, seen, cwd):
            continue
        if workers == 1:
            outcomes.append(_check_file(shown_path(file, cwd), data, config, known))
            if on_file is not None:
                on_file(outcomes[-1].path)
            continue
        held.append((shown_path(file, cwd), data))
        if len(held) >= POOL_MIN_FILES:
            # The pool starts now; its workers search the rest of the files themselves.
            outcomes = _check_in_pool(held, candidates, seen, cwd, config, known, workers,
                                      on_file)
            break
    else:
        for path, data in held:
            outcomes.append(_check_file(path, data, config, known))
            if on_file is not None:
                on_file(outcomes[-1].path)
    files = [outcome.path for outcome in outcomes]
    found = [d for outcome in outcomes for d in outcome.diagnostics]
    suppressed = sum(outcome.suppressed for outcome in outcomes)
    unknown = [problem for outcome in outcomes for problem in outcome.unknown]
    report = Report.build(files, found, strict=bool(config.strict))
    return ValidationRun(report, suppressed, tuple(unknown))


def _first_time(file: Path, seen: set[str], cwd: Path) -> bool:
    """True the first time ``file`` comes (named, and inside a named folder, is one file);
    ``cwd`` is the working folder (``os.path.abspath`` would ask for it every time)."""
    identity = _identity(file, cwd)
    if identity in seen:
        return False
    seen.add(identity)
    return True


def _identity(file: Path, cwd: Path) -> str:
    return os.path.normcase(os.path.normpath(os.path.join(cwd, file)))


def validate_file(
    path: Path, config: Config | None = None, *, errors_only: bool = False
) -> tuple[tuple[Diagnostic, ...], ReadResult | None, ArgumentGraph | None]:
    """What :func:`validate_paths` reports for the one brief file ``path``, the brief as it
    was read for that (None when the file could not be read) and the argument graph the rules
    checked (None when the brief did not validate), so a caller that goes on to use the brief
    need not read it or build its graph again.

    With ``errors_only`` the rules whose findings are warnings or notes do not run: what comes
    back tells whether the brief has errors, and lists them all, but is not the whole report.
    A caller that says nothing unless there are errors saves their cost."""
    from argmap.checks import all_rules
    from argmap.diagnostics import Severity

    config = config or Config()
    rules = all_rules()
    known = tuple(rule.code for rule in rules)
    run = None
    if errors_only:
        run = tuple(rule.code for rule in rules if rule.severity is Severity.ERROR)
    outcome = _check_file(shown_path(path, Path.cwd()), None, config, known, keep=True,
                          run=run)
    return tuple(outcome.diagnostics), outcome.read, outcome.graph


@dataclass(frozen=True)
class _FileOutcome:
    """What checking one file found, as a worker process hands it back."""

    path: str
    diagnostics: list[Diagnostic]
    suppressed: int
    unknown: list[UnknownSuppression]
    read: ReadResult | None = None  # kept only when asked for, never sent back by a worker
    graph: ArgumentGraph | None = None  # the same


def _check_file(
    path: Path, data: bytes | None, config: Config, known: tuple[str, ...], *,
    keep: bool = False, run: tuple[str, ...] | None = None,
) -> _FileOutcome:
    """Read and check one brief, then drop what its ``# argmap: ignore`` comments silence;
    with ``keep``, the outcome holds what was read too; with ``run``, only those of the
    selected rules run (what reading the file finds is reported all the same)."""
    shown = os.fspath(path)
    if data is None:
        data = _read_small(path)
    diagnostics, result, graph = _read_and_check(
        path, data, config.root, config.select, config.ignored_for(path), run
    )
    suppressed = 0
    unknown: list[UnknownSuppression] = []
    if data is not None and b"argmap:" in data and path.suffix.lower() != ".json":
        comments = suppressions(data.decode("utf-8", "replace"), known)
        unknown = [UnknownSuppression(shown, line, code) for line, code in comments.unknown]
        if comments:
            kept = [d for d in diagnostics if not comments.silences(d.code, d.line)]
            suppressed = len(diagnostics) - len(kept)
            diagnostics = kept
    return _FileOutcome(shown, diagnostics, suppressed, unknown, result if keep else None,
                        graph if keep else None)


def _available_cores() -> int:
    """How many cores this process may run on (its affinity where the system tells)."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        with contextlib.suppress(OSError):
            return max(1, len(affinity(0)))
    return max(1, os.cpu_count() or 1)


# What each worker process checks with; set once per worker by _start_worker.
_WORKER: dict[str, object] = {}


def _start_worker(config: Config, known: tuple[str, ...]) -> None:
    release_process()  # a forked worker keeps what its parent froze for it frozen
    _WORKER["config"] = config
    _WORKER["known"] = known


def _check_candidate(
    path: Path, test: _Test, config: Config, known: tuple[str, ...]
) -> _FileOutcome | None:
    """The outcome of checking ``path`` when it is a brief (read once for both), else None."""
    is_brief, data = _test_candidate(path, test)
    return _check_file(path, data, config, known) if is_brief else None


def _check_in_worker(items: list[tuple[str, _Test]]) -> list[_FileOutcome | None]:
    config = _WORKER["config"]
    known = _WORKER["known"]
    assert isinstance(config, Config) and isinstance(known, tuple)
    return [_check_candidate(Path(path), test, config, known) for path, test in items]


#: The smallest batch of files a worker is sent: at the end of a run, each worker is at most
#: this many files from done when the last batch goes out.
_MIN_BATCH = 4


def _batches(count: int, workers: int) -> Iterator[tuple[int, int]]:
    """``(start, stop)`` of batches covering ``count`` files: large at first, so that few
    messages pass, then smaller and smaller (a quarter of each worker's share of what is
    left), so that the workers run out of files at nearly the same time."""
    start = 0
    while start < count:
        size = max(_MIN_BATCH, (count - start) // (workers * 4))
        yield start, min(count, start + size)
        start += size


def _check_in_pool(
    held: list[tuple[Path, bytes | None]],
    rest: Iterator[tuple[Path, _Test]],
    seen: set[str],
    cwd: Path,
    config: Config,
    known: tuple[str, ...],
    workers: int,
    on_file: Callable[[str], None] | None = None,
) -> list[_FileOutcome]:
    """Check the briefs ``held`` and those among the candidates ``rest`` in ``workers``
    processes; the outcomes in their order, each file once (``seen`` holds those ``held``).

    Worker processes are forked where that is safe (Linux, one thread in this process), so
    they start with argmap already imported; elsewhere they are spawned. Each worker reads a
    file once, to tell whether it is a brief and to check it, so this process only lists the
    folders. When no pool can be had (no process support, a worker killed), this process
    checks the files itself, so the report is the same.
    """
    import gc
    import multiprocessing
    import threading
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    outcomes: list[_FileOutcome] = []

    def emit(outcome: _FileOutcome | None, file: Path | None) -> None:
        # ``file`` is a candidate not yet counted in ``seen``; one met before is dropped.
        if outcome is None or (file is not None and not _first_time(file, seen, cwd)):
            return
        outcomes.append(outcome)
        if on_file is not None:
            on_file(outcome.path)

    # Forking is safe on Linux when no other thread could hold a lock; macOS's system
    # libraries are not safe to fork, and elsewhere there is no fork.
    single = threading.active_count() == 1
    method = "fork" if sys.platform.startswith("linux") and single else "spawn"
    if method == "fork":
        # The first file is checked here before forking: what checking imports on first use
        # (the YAML parser's extension, evaluation, quote matching) is then loaded once, not
        # once in every worker.
        emit(_check_file(held[0][0], held[0][1], config, known), None)
        held = held[1:]
    # (path as shown, how to tell it is a brief, the file to count in ``seen`` if it is one)
    items: list[tuple[Path, _Test, Path | None]] = [(path, "named", None) for path, _ in held]
    for candidate, test in rest:
        if test == "named" and _identity(candidate, cwd) in seen:
            continue  # certainly checked already
        items.append((shown_path(candidate, cwd), test, candidate))
    batches = list(_batches(len(items), workers))
    done = 0  # batches whose outcomes are in
    try:
        executor = ProcessPoolExecutor(
            min(workers, len(batches)) or 1,
            mp_context=multiprocessing.get_context(method),
            initializer=_start_worker,
            initargs=(config, known),
        )
    except (OSError, ImportError, NotImplementedError):
        executor = None
    if executor is not None:
        try:
            futures: list[Future[list[_FileOutcome | None]]] = []
            # The first submit starts the workers (with fork, all at once); objects frozen
            # meanwhile are never visited by a worker's cycle collector, so its pages stay
            # shared with this process instead of being copied (see gc.freeze). They are
            # unfrozen as soon as the workers exist, so this process collects as before.
            if method == "fork":
                gc.freeze()
            try:
                for start, stop in batches:
                    futures.append(executor.submit(
                        _check_in_worker,
                        [(os.fspath(path), test) for path, test, _ in items[start:stop]]))
            finally:
                if method == "fork":
                    gc.unfreeze()
            for (start, stop), future in zip(batches, futures, strict=True):
                for (_, _, counted), outcome in zip(items[start:stop], future.result(),
                                                    strict=True):
                    emit(outcome, counted)
                done += 1
        except (BrokenProcessPool, OSError):
            pass
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
    for start, stop in batches[done:]:
        for path, test, counted in items[start:stop]:
            emit(_check_candidate(path, test, config, known), counted)
    return outcomes


def _read_and_check(
    file: Path,
    data: bytes | None,
    root: Path | None,
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
    run: tuple[str, ...] | None = None,
) -> tuple[list[Diagnostic], ReadResult, ArgumentGraph | None]:
    result = read_bytes(data, file, root=root)
    diagnostics = result.diagnostics
    graph = None
    rules = select
    if run is not None:
        rules = tuple(code for code in run if rule_selected(code, select, ignore))
    # A brief with field errors is checked too, in the parts that did validate, so that one run
    # reports as much as can be known.
    if result.brief is not None:
        # The graph is handed back, for a summary to use; built and checked in one pause of
        # the cycle collector, as check alone would.
        with paused_collector():
            graph = ArgumentGraph(result.brief)
            found = check(result.brief, select=rules, ignore=ignore, graph=graph)
        diagnostics = [*diagnostics, *found]
    elif result.partial is not None:
        found = check(result.partial, select=rules, ignore=ignore)
        diagnostics = [*diagnostics, *without_echoes(diagnostics, found)]
    selected = [d for d in diagnostics if rule_selected(d.code, select, ignore)]
    return sorted(selected, key=lambda d: (d.line or 0, d.column or 0, d.code)), result, graph


def _split(values: list[str]) -> list[str]:
    """Codes given as ``--select AM1,AM2`` or ``--select AM1 --select AM2``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class _Progress:
    """A one-line count of the briefs checked so far, on a terminal's standard error only (so
    reports, logs and machine formats never see it), once a run has passed a few briefs, and
    erased when the run ends."""

    #: The count appears at this many briefs (a run of a few needs none) ...
    FROM = 20
    #: ... and is written again every this many.
    EVERY = 10

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.show = stream.isatty()
        self.count = 0
        self.width = 0

    def __call__(self, name: str) -> None:
        self.count += 1
        if not self.show or self.count < self.FROM or self.count % self.EVERY:
            return
        line = f"Validating: {self.count} briefs ({name})"
        line = line[: max(20, shutil.get_terminal_size().columns - 1)]
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def _resolve_format(given: OutputFormat | None, config: Config) -> str:
    """``--format``, else the configuration's ``format``, else ``github`` inside GitHub Actions,
    else ``text``."""
    if given is not None:
        return given.value
    if config.output_format is not None:
        return config.output_format
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "text"


@app.command(epilog=(
    "Examples: argmap validate briefs/; argmap validate --strict --format github .; "
    "argmap validate brief.yaml --select AM1,AM3 --statistics"))
def validate(
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH", help="Brief files, or folders to search.")],
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format", "-f",
            help="How to report: text, json, github, sarif, gitlab or markdown "
            "(default: the configuration's format, else github inside GitHub Actions, "
            "else text).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool | None,
        typer.Option("--strict/--no-strict", help="Fail on warnings too.", show_default=False),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q",
                     help="Print only the summary (text), or only the report (other formats)."),
    ] = False,
    show_statistics: Annotated[
        bool, typer.Option("--statistics", help="Count the findings per rule code.")
    ] = False,
    root: Annotated[
        Path | None,
        typer.Option(metavar="FOLDER",
                     help="Folder that sources may be read from (default: the project, that "
                     "is the repository holding the current folder, or the current folder; a "
                     "configuration can only narrow it)."),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(metavar="CODES",
                     help="Only these rule codes or prefixes: AM1,AM301 (or repeat the option)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(metavar="CODES",
                     help="Skip these rule codes or prefixes: AM2,AM305 (or repeat the option)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE",
                     help="Write the report to this file, not to the screen."),
    ] = None,
    summary_file: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Also append a Markdown summary to this file, such as "
                     "$GITHUB_STEP_SUMMARY."),
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE",
                     help="Read settings from this file instead of searching."),
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Ignore every configuration file.")
    ] = False,
    only_declared: Annotated[
        bool,
        typer.Option("--only-declared",
                     help="Skip named files without a top-level 'argmap:' key, as folder "
                     "search does (for pre-commit, which passes every changed YAML file)."),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=0, metavar="N",
                     help="How many processes check files at once (default: one per core; "
                     f"1: this one alone). A pool starts for {POOL_MIN_FILES} files or more.",
                     show_default=False),
    ] = None,
) -> None:
    """Check briefs: exit 0 when clean, 1 with errors (or warnings under --strict)."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    for path in paths:
        if path.is_dir() and path.suffix.lower() in _SUFFIXES and next(
            discover([path]), None
        ) is None:
            raise fail(f"'{path}' is a folder, not a brief file, and holds no briefs")
    for option, target in (("--output", output), ("--summary-file", summary_file)):
        if target is not None and is_input(target, paths):
            raise fail(f"{option} {target} is one of the briefs being checked; writing there "
                       "would replace it")
    if root is not None and not root.is_dir():
        raise fail(f"--root must be a folder: {root}")
    if config_file is not None and not config_file.is_file():
        raise fail(f"--config must be a file: {config_file}")
    try:
        config = resolve_config(config_file=config_file, isolated=isolated)
        # --select starts a fresh selection (the file's ignore no longer applies); --ignore
        # replaces the file's ignore. per-file-ignores and comments in briefs still apply.
        config = config.override(
            select=check_codes(_split(select), "--select") if select is not None else None,
            ignore=check_codes(_split(ignore), "--ignore") if ignore is not None else (
                () if select is not None else None
            ),
            strict=strict,
            root=Path(os.path.abspath(root)) if root is not None else None,
        )
    except ConfigError as error:
        raise fail(str(error)) from None
    name = _resolve_format(output_format, config)
    reporter = get_reporter(name)
    options = ReportOptions(statistics=show_statistics, quiet=quiet)

    with _Progress(sys.stderr) as progress:
        run = validate_paths(paths, config, only_declared=only_declared, jobs=jobs,
                             on_file=progress)
    report = run.report
    for problem in run.unknown_suppressions:
        if name == "github":
            # An annotation on the comment's line, where the typo is.
            from argmap.reporters import escape_data, escape_property

            typer.echo(f"::warning file={escape_property(problem.path)},line={problem.line},"
                       f"title=argmap ignore::{escape_data(problem.message)}")
        else:
            typer.echo(f"argmap: {problem}", err=True)

    text = reporter.render(report, options)
    if output is None:
        typer.echo(text, nl=False)
    else:
        from argmap.loading import write_atomic

        try:
            write_atomic(output, text)
        except OSError as error:
            raise fail(f"cannot write the report to {output}: {error.strerror or error}") from None
    if reporter.machine:
        if show_statistics and not reporter.statistics and report.diagnostics:
            typer.echo(statistics_table(report), err=True)
        if not quiet:
            typer.echo(summary_line(len(report.files), list(report.diagnostics)), err=True)
    if summary_file is not None:
        from argmap.loading import append_atomic

        try:
            append_atomic(summary_file, get_reporter("markdown").render(report, options))
        except OSError as error:
            raise fail(f"cannot append the summary to {summary_file}: "
                       f"{error.strerror or error}; nothing was written to it") from None
    raise typer.Exit(EXIT_FINDINGS if report.failed else EXIT_CLEAN)


@app.command("check-rendered", epilog=(
    "Examples: argmap check-rendered; argmap check-rendered --update"))
def check_rendered(
    config_file: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE",
                     help="Read the settings from this file instead of searching."),
    ] = None,
    update: Annotated[
        bool, typer.Option("--update", help="Write the outputs anew instead of checking them.")
    ] = False,
) -> None:
    """Check that committed diagrams and summaries match their briefs (for pre-commit and CI).

    Each output listed under 'rendered' in the configuration is checked with 'argmap render
    BRIEF -o OUTPUT --check' ('argmap summary' for .md files). Exit 0 when all are up to date,
    1 when one is stale, 2 when the check cannot run.
    """
    try:
        config = resolve_config(config_file=config_file)
    except ConfigError as error:
        raise fail(str(error)) from None
    how = ("list them as '\"OUTPUT\" = \"BRIEF\"' under [rendered] in argmap.toml (or under "
           "[tool.argmap.rendered] in pyproject.toml)")
    if config.file is None:
        raise fail(f"no configuration file was found (argmap.toml, or pyproject.toml with a "
                   f"[tool.argmap] table) to list the rendered outputs in; {how}")
    if not config.rendered:
        raise fail(f"no rendered outputs are configured in {shown_path(config.file)}; {how}")
    worst = EXIT_CLEAN
    for item in config.rendered:
        broken = _brief_errors(item.brief, config)
        if broken:
            typer.echo(broken, err=True)
            typer.echo(f"argmap: {shown_path(item.output)} is not checked: its brief "
                       f"{shown_path(item.brief)} has errors; fix them first", err=True)
            worst = max(worst, EXIT_FINDINGS)
            continue
        code = _run_render(item, update)
        if code != EXIT_CLEAN:
            if code == EXIT_FINDINGS:
                typer.echo(f"{shown_path(item.output)}: out of date with "
                           f"{shown_path(item.brief)}; run 'argmap check-rendered --update'")
            worst = max(worst, code)
    raise typer.Exit(worst)


def _brief_errors(brief: Path, config: Config) -> str:
    """The diagnostics of ``brief`` as validate prints them, when it has errors; else ''."""
    from argmap.diagnostics import Severity

    if not brief.is_file():
        return ""  # the render says so, and that the check cannot run (exit 2)
    found = validate_paths([brief], config).report.diagnostics
    if not any(d.severity is Severity.ERROR for d in found):
        return ""
    return "\n".join(str(d) for d in found)


def _run_render(item: RenderedOutput, update: bool) -> int:
    """Run ``render`` (or ``summary``) for one configured output, in this process; its exit code.

    The command runs in standalone mode, so usage errors print as usual, and its exit is caught.
    """
    command = "summary" if item.output.suffix.lower() == ".md" else "render"
    args = [command, os.fspath(shown_path(item.brief)), "-o", os.fspath(shown_path(item.output)),
            *item.options]
    if not update:
        args.append("--check")
    from argmap.cli.publish import RUN_BY_CHECK_RENDERED

    token = RUN_BY_CHECK_RENDERED.set(True)
    try:
        typer.main.get_command(app).main(args=args, prog_name="argmap", standalone_mode=True)
    except SystemExit as done:
        if done.code is None:
            return EXIT_CLEAN
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    except ArgmapError as error:
        typer.echo(f"argmap: {error}", err=True)
        return EXIT_USAGE
    finally:
        RUN_BY_CHECK_RENDERED.reset(token)
    return EXIT_CLEAN


class RulesFormat(str, enum.Enum):
    """How ``argmap rules`` prints the rule list."""

    text = "text"
    json = "json"


@app.command(epilog="Examples: argmap rules; argmap rules --format json")
def rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="text (a table) or json (with docs).")
    ] = RulesFormat.text,
) -> None:
    """List every rule: code, severity, name and summary."""
    from argmap.checks import all_rules

    if output_format is RulesFormat.json:
        items = [
            {"code": rule.code, "name": rule.name, "severity": rule.severity.value,
             "summary": rule.summary, "doc": rule.doc}
            for rule in all_rules()
        ]
        typer.echo(json.dumps(items, indent=2, ensure_ascii=False))
        return
    for rule in all_rules():
        typer.echo(f"{rule.code}  {rule.severity.value:<7}  {rule.name:<34} {rule.summary}")


@app.command(epilog="Examples: argmap explain AM201; argmap explain circular-support")
def explain(code: Annotated[str, typer.Argument(
        metavar="RULE", help="A rule code (AM201) or name (circular-support).")]) -> None:
    """Print a rule's documentation, with a bad and a good example."""
    import difflib

    from argmap.checks import all_rules, get_rule

    rules = all_rules()
    by_name = {rule.name: rule for rule in rules}
    rule = get_rule(code) or by_name.get(code.strip().lower())
    if rule is None:
        known = [r.code for r in rules] + list(by_name)
        close = difflib.get_close_matches(code.strip(), known, n=1, cutoff=0.6)
        close = close or difflib.get_close_matches(code.strip().upper(), known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise fail(f"no rule '{code}'; {hint}'argmap rules' lists them")
    typer.echo(f"{rule.code} {rule.name} ({rule.severity.value})\n\n{rule.summary}\n\n{rule.doc}")


@app.command(epilog="Examples: argmap schema; argmap schema -o schema/brief.schema.json")
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE",
                     help="Write to this file instead of printing."),
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
