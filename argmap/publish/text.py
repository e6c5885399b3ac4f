"""Cleaning, wrapping and escaping brief text for each output language.

Brief text is untrusted: it may come from a stranger's pull request. Every string a renderer
emits passes through one of the functions here, each written for one context:

- :func:`dot_id` and :func:`dot_tooltip`: double-quoted DOT strings;
- :func:`dot_html`: text inside a Graphviz HTML-like label (``label=<...>``);
- :func:`mermaid_text`: text inside a quoted Mermaid label;
- :func:`markdown_text`: inline Markdown text.

All of them first :func:`clean` the text: control characters, lone surrogates and the two
Unicode non-characters that XML refuses are dropped (Graphviz parses HTML-like labels with an XML
parser, and a NUL would end its C string early), and every run of white space becomes one space.
"""

from __future__ import annotations

import re

__all__ = [
    "clean",
    "dot_html",
    "dot_id",
    "dot_tooltip",
    "markdown_code",
    "markdown_text",
    "mermaid_text",
    "short_name",
    "wrap",
]

# Characters no output may contain: C0 and C1 controls (tab, line feed and carriage return are
# white space and folded instead), the bidirectional overrides and isolates that make text read
# differently from what it says, lone surrogates, and U+FFFE / U+FFFF.
_DROP: dict[int, None] = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
     *range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]
)


def clean(text: str) -> str:
    """``text`` without unsafe characters, its white space folded to single spaces."""
    # The fast path, all in C: printable text (no control, format, surrogate or non-space
    # white space character) with single spaces inside and none at the ends is clean already.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.translate(_DROP).split())


_WRAPPERS: dict[int, re.Pattern[str]] = {}


def wrap(text: str, width: int = 30) -> list[str]:
    """Break cleaned ``text`` into lines of at most ``width`` characters, at spaces.

    A word longer than ``width`` is cut. One regular expression does the work, because a map
    of 10,000 statements wraps 10,000 labels and :mod:`textwrap` is ten times slower.
    """
    if len(text) <= width:
        return [text] if text else []
    pattern = _WRAPPERS.get(width)
    if pattern is None:
        # A line starts at a non-space, takes as much as fits, and ends before a space or at
        # the end; failing that (a very long word), a hard cut of ``width`` characters.
        pattern = re.compile(rf"\S.{{0,{width - 1}}}(?=\s|$)|\S{{1,{width}}}")
        _WRAPPERS[width] = pattern
    return pattern.findall(text)


def short_name(name: str) -> str:
    """An actor's name without a parenthesised gloss: 'Abkhazia (the Abkhaz)' -> 'Abkhazia'."""
    head = name.split(" (", 1)[0].strip()
    return head or name


# --- DOT ---------------------------------------------------------------------------------------
# Graphviz reads a double-quoted string in two layers: its lexer turns \" into a quote (and
# \\ stays a pair, so a final backslash cannot swallow the closing quote), then the attribute's
# own escapes (\N, \G, \n, \l ...) are expanded: once for HTML-like labels, twice for tooltips.
# Each escape below undoes exactly those layers, so the text comes out as written.

_DOT_ID = str.maketrans({"\\": "\\\\", '"': '\\"'})
_DOT_TOOLTIP = str.maketrans({"\\": "\\\\\\\\", '"': '\\"', "&": "&amp;"})
_DOT_HTML = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\\": "\\\\"}
)
_DOT_HTML_SPECIAL = re.compile(r'[&<>"\\]')


def dot_id(text: str) -> str:
    """A double-quoted DOT id for ``text`` (a node name): distinct texts give distinct ids.

    Ids are not cleaned, which would fold ``'a b'``, ``'a  b'`` and ``'a\\tb'`` into one node:
    each character that is not printable, and ``%`` itself, is written as ``%XX`` (or
    ``%uXXXX``), so the mapping is one to one and the id holds no control character.
    """
    if not text.isprintable() or "%" in text:
        text = "".join(
            c if c.isprintable() and c != "%"
            else (f"%{ord(c):02X}" if ord(c) < 0x100 else f"%u{ord(c):04X}")
            for c in text
        )
    if "\\" in text or '"' in text:
        text = text.translate(_DOT_ID)
    return '"' + text + '"'


def dot_tooltip(text: str, *, lines: list[str] | None = None) -> str:
    """A double-quoted DOT tooltip; ``lines`` (each cleaned) are joined by line breaks."""
    parts = [clean(text)] if lines is None else [clean(line) for line in lines]
    joined = "\n".join(parts)  # clean text has no line breaks of its own
    if "\\" in joined or '"' in joined or "&" in joined:
        joined = joined.translate(_DOT_TOOLTIP)
    return '"' + joined.replace("\n", "&#10;") + '"'


def dot_html(text: str) -> str:
    """``text`` (already cleaned) escaped for the inside of a Graphviz HTML-like label."""
    if _DOT_HTML_SPECIAL.search(text) is None:
        return text
    return text.translate(_DOT_HTML)


# --- Mermaid -----------------------------------------------------------------------------------
# Mermaid decodes #name; and #number; entities in labels. '#' goes first so that the entities
# written for the other characters are not escaped again. '%' is escaped so that no text can
# open a %%{init}%% directive or a %% comment; the backtick so that no text starts a Markdown
# string (or closes the fence of a Markdown file the diagram is embedded in).

_MERMAID = str.maketrans(
    {"#": "#35;", '"': "#quot;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "`": "#96;",
     "%": "#37;"}
)
_MERMAID_SPECIAL = re.compile(r'[#"&<>`%]')


def mermaid_text(text: str) -> str:
    """``text`` (already cleaned) escaped for the inside of a double-quoted Mermaid label."""
    if _MERMAID_SPECIAL.search(text) is None:
        return text
    return text.translate(_MERMAID)


# --- Markdown ----------------------------------------------------------------------------------
# Inline text: HTML's three characters become entities (so no tag, comment or autolink such as
# <javascript:...> can form), and every character that starts Markdown syntax gets a backslash,
# so text cannot make a link, an image, emphasis, code or a table cell. What could start a block
# at the beginning of a line (a heading, a list item, a setext underline) is escaped too.

_MARKDOWN = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_",
     "[": "\\[", "]": "\\]", "|": "\\|", "~": "\\~", "!": "\\!", "{": "\\{", "}": "\\}",
     "$": "\\$"}
)
_MARKDOWN_SPECIAL = re.compile(r"[&<>\\`*_\[\]|~!{}$]")
_BLOCK_START = re.compile(r"([#+=\-]|\d+[.)])")
# GitHub-flavoured Markdown turns bare addresses into links (www.x.org, https://x.org,
# a@x.org; markdown-it's linkify even x.org). A backslash before the dot of a domain, the '@'
# and the ':' of '://' splits the text where a link would be recognised, and renders as the
# character alone.
# The dot is matched before the word character behind it is looked at: most sentences hold
# dots, and a lookbehind tried at every position first would cost three times as much.
_LINKISH = re.compile(r"\.(?<=\w\.)(?=\w)|@|:(?=//)")


def markdown_text(text: str) -> str:
    """``text`` cleaned and escaped for inline Markdown: it shows as written, and only so."""
    text = clean(text)
    if _MARKDOWN_SPECIAL.search(text) is not None:
        text = text.translate(_MARKDOWN)
    if ("." in text or "@" in text or ":" in text) and _LINKISH.search(text) is not None:
        text = _LINKISH.sub(r"\\\g<0>", text)
    match = _BLOCK_START.match(text)
    if match is not None:
        marker = match.group(1)
        text = marker[:-1] + "\\" + marker[-1] + text[len(marker):]
    return text


_BACKTICKS = re.compile(r"`+")


def markdown_code(text: str, *, in_table: bool = False) -> str:
    """``text`` cleaned and shown as inline code: a file name or an id, exactly as written.

    The fence is one backtick longer than the longest run of backticks inside, so the text
    cannot close it; inside a table, ``|`` is escaped (GitHub splits cells before it reads
    code). Code is never a link or HTML, whatever it holds.
    """
    text = clean(text)
    runs = _BACKTICKS.findall(text)
    fence = "`" * (max(map(len, runs), default=0) + 1)
    if in_table:
        text = text.replace("|", "\\|")
    if text.startswith(("`", " ")) or text.endswith(("`", " ")) or not text:
        text = f" {text} "
    return fence + text + fence
