"""AM3xx: the source document and the quotes taken from it.

A brief may come from a stranger's pull request, so its ``source.path`` is never trusted: it
must be relative and must stay inside the read root (see :mod:`argmap.project`) after following
links, and must not pass through a hidden file or folder, or it is not read at all. Text from a
file that is not read can never reach a message.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from operator import attrgetter
from pathlib import Path, PureWindowsPath
from typing import Any
from urllib.parse import urlsplit

from argmap.checks import CheckContext, Finding, rule
from argmap.diagnostics import Severity
from argmap.errors import UnsafePathError
from argmap.model import Brief
from argmap.project import default_read_root, shown_path
from argmap.quotes import SourceText

__all__ = ["MAX_SOURCE_BYTES", "read_source", "resolve_source_path", "source_text"]

#: Source texts larger than this are not read: matching quotes against a text costs memory of
#: about forty times its size, and the longest policy document is far shorter (a 300-page book
#: is about 1 MiB of text).
MAX_SOURCE_BYTES = 8 * 1024 * 1024

_UNREADABLE = "unreadable"


def resolve_source_path(path: str, brief_file: Path | None, root: Path | None) -> Path:
    """The file a brief's ``source.path`` names, if it stays inside ``root``.

    ``root`` defaults to :func:`~argmap.project.default_read_root`. Raises
    :class:`UnsafePathError` for an absolute path, one that leaves ``root`` (through ``..`` or a
    symbolic link), one that passes through a hidden file or folder (``.git/config`` may hold a
    token, ``.env`` a password), one with a NUL character, and a loop of links.
    """
    if "\x00" in path:
        raise UnsafePathError("the source path contains a NUL character, which no file name has")
    if os.path.isabs(path) or PureWindowsPath(path).is_absolute() or PureWindowsPath(path).drive:
        raise UnsafePathError(
            f"the source path '{path}' is absolute; give it relative to the brief"
        )
    base = brief_file.parent if brief_file is not None else Path.cwd()
    try:
        allowed = (root if root is not None else default_read_root(brief_file)).resolve()
        candidate = (base / path).resolve(strict=False)
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links (Python < 3.13)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else None
        raise UnsafePathError(
            f"the source path '{path}' cannot be followed: {reason or 'a loop of symbolic links'}"
        ) from None
    if candidate != allowed and allowed not in candidate.parents:
        raise UnsafePathError(
            f"the source path '{path}' leads outside '{shown_path(allowed)}', the folder briefs "
            "may read from"
        )
    hidden = [part for part in candidate.relative_to(allowed).parts if part.startswith(".")]
    if hidden:
        raise UnsafePathError(
            f"the source path '{path}' leads into the hidden '{hidden[0]}', which briefs may "
            "not read from"
        )
    return candidate


def read_source(
    brief: Brief, brief_file: Path | None, root: Path | None
) -> SourceText | str | None:
    """The brief's source text; a reason (text) when it cannot be read; None when there is none.

    The only way argmap reads a source: through :func:`resolve_source_path`, regular files only
    (a device or a named pipe could be read forever), and up to :data:`MAX_SOURCE_BYTES`.
    """
    source = brief.source
    if source is None or not source.path:
        return None
    try:
        file = resolve_source_path(source.path, brief_file, root)
        if file.exists() and not file.is_file():
            return "the source is not a regular file (a folder, a device or a pipe)"
        size = file.stat().st_size
        if size > MAX_SOURCE_BYTES:
            return (f"the source file is {size:,} bytes, larger than the {MAX_SOURCE_BYTES:,} "
                    "argmap reads; quote from a copy of the part the brief maps")
        return SourceText(file.read_bytes().decode("utf-8-sig"))
    except UnsafePathError as error:
        return str(error)
    except FileNotFoundError:
        return "missing"
    except UnicodeDecodeError:
        return "the source file is not UTF-8 text"
    except OSError as error:
        return f"the source file cannot be read: {error.strerror or error}"


def source_text(context: CheckContext) -> SourceText | str | None:
    """The brief's source text for the rules, read once per check (see :func:`read_source`)."""
    if "source" not in context.cache:
        context.cache["source"] = read_source(context.brief, context.brief_file, context.root)
    cached: SourceText | str | None = context.cache["source"]
    return cached


_QUOTE_OF = attrgetter("item.quote")


@rule("AM301", "quote-not-in-source", Severity.ERROR, "A quote is not in the source text.")
def quote_not_in_source(context: CheckContext) -> Iterator[Finding]:
    """
    Every ``quote`` must be a verbatim excerpt of the source. Before matching, white space
    (including line breaks and blank lines), hyphenation at line ends and typographic quote marks
    are folded, so a quote copied from text extracted from a PDF matches; case and punctuation
    still count. The hint shows the closest passage and its line.

    Bad::

        premises:
          russia-holds-cards:
            text: Russia holds most of the cards.
            quote: Russia holds all the cards.

    Good::

        premises:
          russia-holds-cards:
            text: Russia holds most of the cards.
            quote: Russia holds most of the cards.
    """
    source = source_text(context)
    if not isinstance(source, SourceText):
        return
    graph = context.graph
    # The quotes, and whose they are; a finding's key path is built only for the few missing.
    quotes: list[str] = []
    owners: list[tuple[str, int | None]] = []
    for key, quote in zip(graph.nodes, map(_QUOTE_OF, graph.nodes.values()), strict=True):
        if quote is None:
            continue
        if isinstance(quote, str):
            quotes.append(quote)
            owners.append((key, None))
        elif isinstance(quote, list):
            quotes.extend(quote)
            owners.extend((key, i) for i in range(len(quote)))
    if not quotes:
        return

    def path_of(index: int) -> tuple[Any, ...]:
        key, i = owners[index]
        base = (*graph.paths[key], "quote")
        return base if i is None else (*base, i)

    absent, unchecked = source.check(quotes)
    located = [(path_of(index), quotes[index]) for index in (*absent, *unchecked[:1])]
    for path, quote in located[: len(absent)]:
        near = source.closest(quote)
        hint = f'closest passage, line {near[0]}: "{near[1]}"' if near else None
        shown = quote if len(quote) <= 60 else quote[:57] + "..."
        yield Finding(f'the quote "{shown}" is not in the source', path, hint, at="value")
    if unchecked:
        path, _ = located[-1]
        count = len(unchecked)
        yield Finding(
            f"{count:,} quote{'s' if count != 1 else ''} from here on could not be checked: "
            f"{len(absent):,} quotes are not in this large source, and searching it for more "
            "would take minutes", path,
            "fix the quotes reported above and validate again", at="value")


@rule("AM302", "source-unreadable", Severity.ERROR, "The source file is missing or cannot be read.")
def source_unreadable(context: CheckContext) -> Iterator[Finding]:
    """
    ``source.path`` names the plain-text copy of the document the brief maps, relative to the
    brief file. It must exist and be UTF-8 text, so that quotes can be checked against it.

    Bad::

        source: {path: sources/georgia.txt}      # no such file

    Good::

        source: {path: sources/georgia-russia-dialogue.txt}
    """
    source = source_text(context)
    if source == "missing":
        path = context.brief.source.path if context.brief.source else ""
        yield Finding(
            f"the source file '{path}' does not exist",
            ("source", "path"),
            "check the path; it is relative to the brief file",
            at="value",
        )
    elif isinstance(source, str) and not _is_outside_message(source):
        yield Finding(source, ("source", "path"), at="value")


def _is_outside_message(reason: str) -> bool:
    return reason.startswith("the source path ")


@rule(
    "AM303",
    "source-outside-root",
    Severity.ERROR,
    "The source path leaves the folder briefs may read from.",
)
def source_outside_root(context: CheckContext) -> Iterator[Finding]:
    """
    Briefs may come from strangers, so argmap reads a source only inside the read root: by
    default the project (the repository holding the current folder, or the current folder);
    a configuration may narrow it, only ``--root`` on the command line may widen it. An absolute
    path, a ``..`` that climbs out, a link that points out, a hidden file or folder (``.git``,
    ``.env``) and a NUL character are refused, and such a file is never read.

    Bad::

        source: {path: ../../../etc/passwd}

    Good::

        source: {path: sources/georgia-russia-dialogue.txt}
    """
    source = source_text(context)
    if isinstance(source, str) and _is_outside_message(source):
        yield Finding(
            source,
            ("source", "path"),
            "keep sources inside the project (the repository, or the current folder), or name "
            "the folder on the command line with --root",
            at="value",
        )


@rule("AM304", "source-url-not-http", Severity.ERROR, "The source URL is not http(s).")
def source_url_not_http(context: CheckContext) -> Iterator[Finding]:
    """
    ``source.url`` is shown to readers as a link, so only ``http`` and ``https`` are allowed:
    ``javascript:``, ``file:`` and ``data:`` links would be unsafe to publish.

    Bad::

        source: {url: "javascript:alert(1)"}

    Good::

        source: {url: "https://example.org/brief.pdf"}
    """
    source = context.brief.source
    if source is None or source.url is None:
        return
    try:
        parts = urlsplit(source.url.strip())
        good = parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    except ValueError:  # an unbalanced '[' in the host: not an address at all
        good = False
    if not good:
        yield Finding(
            f"the source URL '{source.url}' is not an http(s) address",
            ("source", "url"),
            "give a full address starting with https://",
            at="value",
        )


@rule(
    "AM305",
    "quotes-without-source",
    Severity.INFO,
    "Quotes are given, but there is no source text to check them against.",
)
def quotes_without_source(context: CheckContext) -> Iterator[Finding]:
    """
    Quotes can be checked only against a source text (``source.path``). Without one they are
    taken on trust; add the text to have them verified.

    Bad::

        premises:
          russia-holds-cards: {text: ..., quote: Russia holds most of the cards.}

    Good::

        source: {path: sources/georgia-russia-dialogue.txt}
        premises:
          russia-holds-cards: {text: ..., quote: Russia holds most of the cards.}
    """
    source = context.brief.source
    if source is not None and source.path:
        return
    count = sum(len(node.item.quotes) for node in context.graph.nodes.values())
    if count:
        yield Finding(
            f"{count} quote{'s' if count != 1 else ''} cannot be checked: the brief names no "
            "source text",
            ("source",) if source is not None else (),
            "add 'source: {path: ...}' with a plain-text copy of the document",
        )
