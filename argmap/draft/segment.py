"""Cutting a source text into argumentative units, however it was extracted.

Three steps, each keeping a map back to the original offsets so that every unit can be quoted
verbatim and located:

1. **Lines into blocks.** Headings (all-caps or title-case lines standing alone) name the
   section of what follows and are not units; bullet items are blocks of their own; other lines
   are joined into running text, across line breaks and the blank lines a PDF extraction puts
   between lines, joining words hyphenated at a line end.
2. **Blocks into sentences**, by syntok (the optional extra ``argmap[draft]``): a well-kept,
   rule-based splitter that knows abbreviations, numbers, ellipses and quotations.
3. **Sentences into clauses** where a discourse marker opens a new unit (``but``, ``however``,
   ``because``, ``although``, ``since``, ``therefore``, ``so``, ``which means``; the list is
   :data:`argmap.draft.rules.SPLIT_MARKERS`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from argmap.draft.rules import (
    FRONTED_MARKERS,
    HEADING_SMALL_WORDS,
    SPLIT_MARKERS,
    Marker,
)
from argmap.errors import ArgmapError

__all__ = ["Block", "Segmented", "Unit", "missing_splitter_message", "segment"]

_BULLET = re.compile(r"^[ \t]*(?:[-*\u2022\u2023\u25e6\u25aa\u25cf\u2013\u2014]|\(?\d{1,2}[.)]"
                     r"|\(?[a-z][.)])[ \t]+(?=\S)")
_NUMBERED_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)[ \t]+(?=[A-Z])")
_TERMINAL = frozenset('.!?:;"\u201d\u2019)')
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_SPACES = re.compile(r"\S+")
#: Longest line taken for a heading (characters and words).
_HEADING_CHARS = 80
_HEADING_WORDS = 10


def missing_splitter_message() -> str:
    """What to tell a user who has not installed the sentence splitter."""
    return ("drafting needs the sentence splitter syntok: install it with pip install syntok "
            "(or the 'draft' extra: pip install -e '.[draft]' in a checkout of argmap)")


@dataclass(frozen=True, slots=True)
class Unit:
    """One argumentative unit: a sentence, or a clause of one a discourse marker opens.

    ``start`` and ``end`` are offsets into the original text (end exclusive); ``text`` is the
    unit with its white space folded and words broken at line ends joined.
    """

    start: int
    end: int
    text: str
    section: str | None
    block: int
    sentence: int
    offset: int
    marker: Marker | None = None
    bullet: bool = False
    fronted: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """Running text, a bullet item or a heading, folded, with the map back to the original."""

    kind: str  # "text" | "bullet" | "heading"
    text: str
    folded_starts: tuple[int, ...]
    original_starts: tuple[int, ...]
    section: str | None

    def original(self, offset: int) -> int:
        """The original offset of an offset into :attr:`text`."""
        index = bisect.bisect_right(self.folded_starts, offset) - 1
        return self.original_starts[index] + (offset - self.folded_starts[index])


@dataclass(frozen=True)
class Segmented:
    """A text cut into units, with its headings (the first may be the document's title)."""

    units: list[Unit]
    sections: list[str]
    title: str | None
    sentences: list[tuple[int, int]]
    blocks: list[Block]

    def original(self, unit: Unit, offset: int) -> int:
        """The original offset of ``offset`` into ``unit.text``."""
        return self.blocks[unit.block].original(unit.offset + offset)


def _letters(line: str) -> str:
    return "".join(ch for ch in line if ch.isalpha())


def _is_heading_shape(line: str) -> bool:
    """An all-caps or title-case line, short, with no sentence-ending punctuation."""
    text = _NUMBERED_HEADING.sub("", line.strip())
    if not text or len(text) > _HEADING_CHARS or text[-1] in _TERMINAL or text[-1] in ",-":
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    words = _WORD.findall(text)
    if not words or len(words) > _HEADING_WORDS:
        return False
    letters = _letters(text)
    if len(letters) >= 2 and letters.isupper():
        return True
    return all(w[0].isupper() or w.lower() in HEADING_SMALL_WORDS for w in words)


def _starts_like_new_text(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit()
                               or stripped[0] in "\"'\u201c\u2018" or bool(_BULLET.match(line)))


class _Builder:
    """Accumulates the lines of one block as folded text with an offset map."""

    def __init__(self, kind: str, section: str | None) -> None:
        self.kind = kind
        self.section = section
        self.parts: list[str] = []
        self.folded: list[int] = []
        self.original: list[int] = []
        self.length = 0
        self.previous_end = 0

    def add_line(self, line: str, offset: int) -> None:
        """Append a line (without its line break) found at ``offset`` of the original."""
        first = True
        if "  " in line or "\t" in line or "\u00a0" in line or "\f" in line or "\v" in line:
            runs = [(m.start(), m.group()) for m in _SPACES.finditer(line)]
        else:
            stripped = line.lstrip()
            runs = [(len(line) - len(stripped), stripped.rstrip())] if stripped.strip() else []
        for start, piece in runs:
            at = offset + start
            if self.parts:
                last = self.parts[-1]
                hyphen = (first and last.endswith("-") and len(last) > 1
                          and last[-2].isalnum() and (piece[0].isalnum() or piece[0] == "_"))
                if hyphen and piece[0].islower():
                    # A word hyphenated at the line end: join it, as quote matching does.
                    self.parts[-1] = last[:-1]
                    self.length -= 1
                elif not hyphen:
                    self.parts.append(" ")
                    self.folded.append(self.length)
                    self.original.append(self.previous_end)
                    self.length += 1
                # (A hyphen before a capital or a digit stays: "Russia-Georgia".)
            self.parts.append(piece)
            self.folded.append(self.length)
            self.original.append(at)
            self.length += len(piece)
            self.previous_end = at + len(piece)
            first = False

    def build(self) -> Block:
        return Block(self.kind, "".join(self.parts), tuple(self.folded), tuple(self.original),
                     self.section)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


def blocks(text: str) -> tuple[list[Block], str | None]:
    """Cut the text into blocks; the title is a heading-shaped first line, if there is one."""
    lines = list(_lines(text))
    content = [i for i, (_, line) in enumerate(lines) if line.strip()]
    # A PDF extraction may put a blank line after every line, even inside sentences; then a
    # blank line ends a paragraph only after a finished sentence. Elsewhere it always does.
    gaps = [a for a, b in itertools.pairwise(content) if b > a + 1]
    unfinished = sum(1 for a in gaps if lines[a][1].rstrip()[-1:] not in _TERMINAL)
    double_spaced = (len(content) > 4 and len(gaps) > 0.6 * (len(content) - 1)
                     and unfinished > 0.3 * len(gaps))
    found: list[Block] = []
    title: str | None = None
    section: str | None = None
    current: _Builder | None = None
    previous_end = ""  # the last character of the previous content line
    for position, i in enumerate(content):
        offset, line = lines[i]
        stripped = line.strip()
        after = lines[content[position + 1]][1] if position + 1 < len(content) else ""
        blank_before = position > 0 and content[position - 1] != i - 1
        sentence_ended = previous_end == "" or previous_end in _TERMINAL
        if (sentence_ended and _is_heading_shape(line)
                and (not after or _starts_like_new_text(after))):
            if current is not None:
                found.append(current.build())
                current = None
            name = " ".join(stripped.split())
            if title is None and not found and section is None:
                title = name
            else:
                section = name
            found.append(Block("heading", name, (0,), (offset + line.index(stripped[0]),),
                               section))
            previous_end = ""
            continue
        bullet = _BULLET.match(line)
        new_block = (bullet is not None or current is None
                     or (blank_before and (not double_spaced or (
                         sentence_ended and _starts_like_new_text(line)))))
        if new_block:
            if current is not None:
                found.append(current.build())
            current = _Builder("bullet" if bullet else "text", section)
        assert current is not None
        start = bullet.end() if bullet else len(line) - len(line.lstrip())
        current.add_line(line[start:].rstrip(), offset + start)
        previous_end = stripped[-1]
    if current is not None:
        found.append(current.build())
    if (title is None and len(found) > 1 and found[0].kind == "text"
            and found[0].text[-1:] not in _TERMINAL and len(found[0].text.split()) <= 15
            and len(found[0].folded_starts) <= 15 and "\n" not in text[:found[0].original(
                len(found[0].text) - 1)].lstrip()):
        first = found.pop(0)
        title = first.text
        found.insert(0, Block("heading", first.text, (0,), (first.original(0),), None))
    return found, title


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a block's text, from syntok."""
    try:
        from syntok import segmenter
    except ImportError:  # pragma: no cover - the extra is in the test extra
        raise ArgmapError(missing_splitter_message()) from None
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if not sentence:
                continue
            first, last = sentence[0], sentence[-1]
            start, end = first.offset, last.offset + len(last.value)
            if text[start:end].strip():
                spans.append((start, end))
    # Characters syntok left between sentences (a lone closing quote) join the sentence before.
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and text[joined[-1][1]:start].strip():
            joined[-1] = (joined[-1][0], start)
        joined.append((start, end))
    return joined


_MARKER_PATTERN = re.compile(
    r"(?P<lead>,\s+|;\s+|\s+-+\s+|\s+\u2013\s+|\s+)(?P<marker>"
    + "|".join(sorted((re.escape(m.words) for m in SPLIT_MARKERS), key=len, reverse=True))
    + r")(?=[\s,])",
    re.IGNORECASE,
)
_MARKERS_BY_WORDS = {m.words: m for m in SPLIT_MARKERS}
_FRONTED = re.compile(
    r"^[\"'\u201c\u2018(]?(?P<marker>"
    + "|".join(sorted((re.escape(m.words) for m in FRONTED_MARKERS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_FRONTED_BY_WORDS = {m.words: m for m in FRONTED_MARKERS}
_MIN_WORDS = 3


def _words(text: str) -> int:
    return len(text.split())


def fronted_marker(sentence: str) -> Marker | None:
    """The marker a sentence opens with, if it opens with one."""
    match = _FRONTED.match(sentence)
    if match is None:
        return None
    marker = _FRONTED_BY_WORDS[match.group("marker").lower()]
    after = sentence[match.end():]
    if marker.comma_only and not after.startswith(","):
        return None
    if marker.not_before is not None and marker.not_before.match(sentence, match.start("marker")):
        return None
    return marker


def clauses(sentence: str) -> list[tuple[int, int, Marker | None]]:
    """Where a sentence splits into clauses: (start, end, the marker opening the clause)."""
    pieces: list[tuple[int, int, Marker | None]] = []
    start = 0
    opening = fronted_marker(sentence)
    if opening is not None and opening.splits_at_comma:
        comma = sentence.find(", ")
        if comma > 0:
            head = sentence[:comma]
            tail = sentence[comma + 2:]
            if _words(head) >= _MIN_WORDS + 1 and _words(tail) >= _MIN_WORDS:
                pieces.append((0, comma, opening))
                start, opening = comma + 2, None
    for match in _MARKER_PATTERN.finditer(sentence, start):
        marker = _MARKERS_BY_WORDS[match.group("marker").lower()]
        cut = match.start("marker")
        rest = sentence[cut:]
        before = sentence[start:match.start()]
        if not marker.accepts(match.group("lead"), before, rest):
            continue
        before = before.rstrip(" ,;")
        if _words(before) < _MIN_WORDS or _words(rest) < _MIN_WORDS + 1:
            continue
        pieces.append((start, start + len(before), opening))
        start, opening = cut, marker
    pieces.append((start, len(sentence), opening))
    return pieces


def segment(text: str, *, split_clauses: bool = True) -> Segmented:
    """Cut ``text`` into units (or into whole sentences, with ``split_clauses=False``)."""
    found, title = blocks(text)
    units: list[Unit] = []
    sections: list[str] = []
    sentences: list[tuple[int, int]] = []
    for number, block in enumerate(found):
        if block.kind == "heading":
            if block.section and block.section not in sections and block.text != title:
                sections.append(block.section)
            continue
        for s_start, s_end in _sentence_spans(block.text):
            sentence = block.text[s_start:s_end]
            sentences.append((block.original(s_start), block.original(s_end - 1) + 1))
            pieces = clauses(sentence) if split_clauses else [(0, len(sentence), None)]
            for c_start, c_end, marker in pieces:
                piece = sentence[c_start:c_end]
                lead = len(piece) - len(piece.lstrip())
                piece = piece.strip()
                if not piece:
                    continue
                if piece.startswith("(") and piece.endswith((")", ").")):
                    continue  # an aside (a photo credit, a reference) is no argumentative unit
                first = s_start + c_start + lead
                last = first + len(piece) - 1
                units.append(Unit(
                    block.original(first), block.original(last) + 1, piece, block.section,
                    number, len(sentences) - 1, first, marker, block.kind == "bullet",
                    c_start == 0 and marker is not None))
    return Segmented(units, sections, title, sentences, found)
