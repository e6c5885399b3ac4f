"""``argmap draft`` and ``argmap coverage``: a first brief from a text, and what a brief leaves out.

A source file that cannot be drafted (binary, not UTF-8, empty, larger than the limit) is a
message naming the file and exit 1; a missing file, or an output that would overwrite the source
or an existing brief, is exit 2. Nothing is written half-way.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli import EXIT_FINDINGS, app, fail, load_or_exit

__all__ = ["MAX_DRAFT_BYTES", "coverage_command", "draft_command", "read_text"]

#: Texts larger than this are refused: drafting takes about 3 s of processor time and 60 MB of
#: memory per MB of text, and 8 MB is some thousands of pages.
MAX_DRAFT_BYTES = 8 * 1024 * 1024
_SHOWN = 100  # characters of a passage shown in a listing


def read_text(path: Path) -> str:
    """The text of a source file, or a clear message and a non-zero exit."""
    if not path.exists():
        raise fail(f"no such file: {path}")
    if path.is_dir():
        raise fail(f"{path} is a folder; give the plain-text file of one document")
    if not path.is_file():
        raise fail(f"{path} is not a regular file (a device or a pipe); give a text file")
    size = path.stat().st_size
    if size > MAX_DRAFT_BYTES:
        raise fail(f"{path}: the file has {size:,} bytes, more than the {MAX_DRAFT_BYTES:,} "
                   "argmap draft reads; split the document and draft each part",
                   EXIT_FINDINGS)
    data = path.read_bytes()
    if b"\x00" in data:
        line = data[:data.index(b"\x00")].count(b"\n") + 1
        raise fail(f"{path}:{line}: this is a binary file (it has NUL bytes), not text; "
                   "extract its text first (for a PDF: pdftotext FILE.pdf FILE.txt)",
                   EXIT_FINDINGS)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise fail(f"{path}:{line}: the file is not UTF-8 text (byte 0x{data[error.start]:02x} "
                   f"at offset {error.start}); convert it, e.g. iconv -f latin1 -t utf-8",
                   EXIT_FINDINGS) from None
    if not text.strip():
        raise fail(f"{path}: the file is empty: there is nothing to draft", EXIT_FINDINGS)
    return text


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _header(source: str) -> str:
    return (f"# Drafted by `argmap draft` from {source}. Every statement tagged draft is a guess\n"
            "# made from the words (docs/draft.md names each rule): confirm or correct it, then\n"
            "# remove the tag. `argmap draft --update` keeps what you confirmed when the source\n"
            "# changes; `argmap coverage` lists the sentences no statement quotes.\n")


def _shorten(text: str) -> str:
    """A passage of a source for a terminal: control characters shown as '?', cut short."""
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= _SHOWN else text[:_SHOWN - 3] + "..."


@app.command("draft", epilog=(
    "Examples: argmap draft note.txt -o note.yaml; argmap draft --update note.yaml"))
def draft_command(
    path: Annotated[Path, typer.Argument(
        help="The source text to draft from (with --update: the brief to bring up to date).")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE",
        help="The brief file to write ('-' for standard output). With --update, default: the "
             "brief itself.")] = None,
    update: Annotated[bool, typer.Option(
        "--update", help="PATH is a brief drafted before: re-read its source, keep what the "
                         "analyst confirmed, re-find each quote and draft the new passages.")]
        = False,
    add_new: Annotated[bool, typer.Option(
        help="With --update: draft the passages no statement quotes yet (else only list "
             "them).")] = True,
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="The brief's title.")] = None,
    brief_id: Annotated[str | None, typer.Option(
        "--id", metavar="ID",
        help="The brief's id (default: from the output file's name).")] = None,
    force: Annotated[bool, typer.Option(
        help="Replace an existing output file (not the source).")] = False,
) -> None:
    """Draft a first brief from a plain-text document: one statement per argumentative unit,
    each with its verbatim quote, a guessed kind, relations, speaker and addressee, all tagged
    'draft' for the analyst to confirm."""
    from argmap.loading import dumps, write_atomic

    if update:
        _update(path, output, add_new, force)
        return
    if output is None:
        raise fail("give the brief to write with -o FILE (or -o - for standard output)")
    text = read_text(path)
    to_stdout = str(output) == "-"
    if not to_stdout:
        if _same_file(path, output) or path.resolve() == output.resolve():
            raise fail(f"the output {output} is the source itself; give another -o")
        if output.exists() and not force:
            raise fail(f"{output} exists; bring it up to date with "
                       f"'argmap draft --update {output}', or replace it with --force")
        if output.is_dir():
            raise fail(f"{output} is a folder; give the brief file to write")
        folder = output.resolve().parent
        relative = Path(os.path.relpath(path.resolve(), folder)).as_posix()
    else:
        folder = Path.cwd()
        relative = Path(os.path.relpath(path.resolve(), folder)).as_posix()
    from argmap.draft.build import DraftError, draft

    stem = output.stem if not to_stdout else path.stem
    try:
        brief = draft(text, source_path=relative, title=title,
                      brief_id=brief_id or _kebab(stem))
    except DraftError as error:
        raise fail(f"{path}: {error}", EXIT_FINDINGS) from None
    content = _header(relative) + dumps(brief)
    if to_stdout:
        typer.echo(content, nl=False)
    else:
        write_atomic(output, content)
    counts = ", ".join(f"{len(getattr(brief, k))} {k}" for k in
                       ("claims", "premises", "objections", "recommendations")
                       if getattr(brief, k))
    typer.echo(f"{'-' if to_stdout else output}: drafted {len(brief.statements)} statements "
               f"({counts}) and {len(brief.actors)} actors, all tagged draft", err=True)
    if relative.startswith("../"):
        typer.echo(f"note: the source lies outside the brief's folder; validate with "
                   f"'argmap validate --root {os.path.commonpath([path.resolve(), folder])} "
                   f"{output}'", err=True)


def _kebab(text: str) -> str:
    from argmap.draft.ids import kebab

    return kebab(text)


def _source_of(brief_path: Path, root: Path | None) -> tuple[object, str]:
    """The brief at ``brief_path`` and its source text, or a clear message and exit."""
    from argmap.checks.sources import read_source
    from argmap.quotes import SourceText

    brief = load_or_exit(brief_path)
    source = read_source(brief, brief_path, root)
    if source is None:
        raise fail(f"{brief_path} names no source text (source.path); nothing to compare with")
    if not isinstance(source, SourceText):
        raise fail(f"{brief_path}: its source cannot be read: {source}", EXIT_FINDINGS)
    return brief, source.text


def _update(path: Path, output: Path | None, add_new: bool, force: bool) -> None:
    from argmap.draft.update import update
    from argmap.loading import dumps, write_atomic
    from argmap.model import Brief

    brief, text = _source_of(path, None)
    assert isinstance(brief, Brief)
    target = output or path
    if str(target) != "-" and target != path and target.exists() and not force:
        raise fail(f"{target} exists; replace it with --force")
    report = update(brief, text, add_new=add_new)
    source = report.brief.source.path if report.brief.source else None
    content = _header(source or "its source") + dumps(report.brief)
    if str(target) == "-":
        typer.echo(content, nl=False)
    else:
        write_atomic(target, content)

    def echo(line: str) -> None:
        typer.echo(line, err=True)

    echo(f"{target}: kept {len(report.kept)} statements, dropped {len(report.dropped)} guesses "
         f"whose passage is gone, added {len(report.added)} new guesses")
    for ident in report.dropped:
        echo(f"  dropped {ident}: its quote is no longer in the source")
    for ident, old, new in report.refound:
        echo(f"  re-found {ident}: quote was \"{_shorten(old)}\", now \"{_shorten(new)}\" "
             "(check it)")
    for ident, quote in report.lost:
        echo(f"  lost {ident}: \"{_shorten(quote)}\" is not in the source; correct the quote")
    if report.new_passages:
        echo(f"passages no statement quoted before ({len(report.new_passages)}):")
        for passage in report.new_passages:
            echo(f"  line {passage.line}: {_shorten(passage.text)}")
    if report.lost:
        raise typer.Exit(EXIT_FINDINGS)


@app.command("coverage", epilog=(
    "Examples: argmap coverage note.yaml; argmap coverage note.yaml --fail-under 80 --json"))
def coverage_command(
    path: Annotated[Path, typer.Argument(help="A brief file with a source text.")],
    fail_under: Annotated[float | None, typer.Option(
        min=0.0, max=100.0, metavar="PERCENT",
        help="Exit 1 when less than this percentage of the source's sentences is quoted.")]
        = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    root: Annotated[Path | None, typer.Option(
        metavar="FOLDER",
        help="Folder the source may be read from (default: the brief's folder).")] = None,
) -> None:
    """List the sentences of a brief's source that no statement quotes, and the share quoted."""
    from argmap.draft.coverage import coverage
    from argmap.model import Brief

    brief, text = _source_of(path, root)
    assert isinstance(brief, Brief)
    report = coverage(brief, text)
    percent = 100.0 * report.share
    assert brief.source is not None
    shown = brief.source.path
    if as_json:
        typer.echo(json.dumps({
            "brief": str(path), "source": shown, "sentences": report.total,
            "quoted": report.covered, "percent": round(percent, 1),
            "unquoted": [{"line": p.line, "column": p.column, "text": p.text}
                         for p in report.uncovered],
        }, indent=2, ensure_ascii=False))
    else:
        for passage in report.uncovered:
            typer.echo(f"{_shorten(shown or '')}:{passage.line}:{passage.column}: not quoted: "
                       f"{_shorten(passage.text)}")
        typer.echo(f"{path}: {report.covered} of {report.total} sentences of {shown} quoted "
                   f"({percent:.0f}%)")
    if fail_under is not None and percent < fail_under:
        raise typer.Exit(EXIT_FINDINGS)

