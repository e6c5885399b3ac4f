"""Finding quotes in a source text, however the text was extracted.

Text extracted from a PDF breaks sentences over lines (often with blank lines between), hyphenates
words at line ends and uses typographic quote marks. Both the source and each quote are *folded*
before matching: every run of white space becomes one space, a hyphen at a line end joins the word
it splits, and typographic quotes become straight ones. Case and other punctuation still count.

A :class:`SourceText` keeps a map from the folded text back to the original, so a match is
reported at its real line and column, and it indexes the folded text by word pairs when many
quotes are looked up at once (10,000 quotes against a 1 MB text would otherwise be 10,000 scans).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

__all__ = ["QuoteMatch", "SourceText", "fold"]

# One-for-one replacements keep offsets unchanged.
_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
# What folding rewrites: a hyphen ending a line before a word goes on (joined), a soft hyphen
# (dropped), and any white space other than a lone plain space (made one space).
# Every branch starts with a character from a small set, so the engine scans for those quickly;
# that a line-end hyphen follows a letter is checked in Python, where it is rare.
_FOLD = re.compile(r"-[^\S\n]*\r?\n\s*(?=\w)|\u00ad|\s{2,}|[^\S ]")
# The same folding without the offset map, done by C string operations: for yes/no lookups.
_TYPOGRAPHIC_NO_SOFT_HYPHEN = {**_TYPOGRAPHIC, ord("\u00ad"): None}
_LINE_END_HYPHEN = re.compile(r"-[^\S\n]*\r?\n\s*(?=\w)")
_NEEDS_FOLDING = re.compile(
    r"\s{2,}|[^\S ]|[\u2018\u2019\u201a\u201b\u2032\u201c-\u201f\u2033\u00ad]"
)
_INDEX_THRESHOLD = 20_000_000  # quotes x folded characters before an index pays off
_KEY = 32  # characters of a quote's start that the index is keyed on
_WINDOW = 16 * 1024  # characters after the previous quote's match that are searched first
_SCANS_BEFORE_INDEX = 64  # whole-text scans allowed before the index of openings is built
_HINT_BUDGET = 50  # closest-passage searches per source, so a file of bad quotes stays fast


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote stands in the source (1-based lines and columns, end inclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int


class _Folded:
    """A folded text and the map from its offsets back to the original's."""

    __slots__ = ("_norm_anchors", "_orig_anchors", "text")

    def __init__(self, original: str, *, keep_line_end_hyphens: bool) -> None:
        translated = original.translate(_TYPOGRAPHIC)
        pieces: list[str] = []
        norm_anchors = [0]
        orig_anchors = [0]
        last = 0
        length = 0
        for match in _FOLD.finditer(translated):
            start, end = match.span()
            segment = match.group()
            if segment == "\u00ad":
                replacement = ""
            elif segment[0] == "-":
                if start == 0 or not translated[start - 1].isalnum():
                    replacement = "- "  # a dash before a line break, not a word broken in two
                else:
                    replacement = "-" if keep_line_end_hyphens else ""
            else:
                replacement = " "
            pieces.append(translated[last:start])
            length += start - last
            pieces.append(replacement)
            length += len(replacement)
            last = end
            norm_anchors.append(length)
            orig_anchors.append(end)
        pieces.append(translated[last:])
        self.text = "".join(pieces)
        self._norm_anchors = norm_anchors
        self._orig_anchors = orig_anchors

    def original_offset(self, offset: int) -> int:
        """The original offset of a folded one (inside a folded run: the run's start)."""
        index = bisect.bisect_right(self._norm_anchors, offset) - 1
        return self._orig_anchors[index] + (offset - self._norm_anchors[index])


def _fold_plain(text: str, *, keep_line_end_hyphens: bool) -> str:
    """Fold like :class:`_Folded`, without the offset map (and without edge spaces)."""
    translated = text.translate(_TYPOGRAPHIC_NO_SOFT_HYPHEN)
    if "-" in translated:

        def hyphen(match: re.Match[str]) -> str:
            start = match.start()
            if start == 0 or not translated[start - 1].isalnum():
                return "- "
            return "-" if keep_line_end_hyphens else ""

        translated = _LINE_END_HYPHEN.sub(hyphen, translated)
    return " ".join(translated.split())


def fold(text: str) -> str:
    """Fold white space, line-end hyphenation and quote marks, as quotes are matched."""
    if _NEEDS_FOLDING.search(text) is None:
        return text.strip()
    return _Folded(text, keep_line_end_hyphens=False).text.strip()


class SourceText:
    """A source document that quotes are looked up in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._plain = _fold_plain(text, keep_line_end_hyphens=False)
        self._plain_hyphenated: str | None = None
        self._anchored: _Folded | None = None
        self._anchored_hyphenated: _Folded | None = None
        self._line_starts: list[int] | None = None
        self._hints_left = _HINT_BUDGET
        self._words: list[str] | None = None
        self._word_offsets: list[int] | None = None

    @property
    def _joined(self) -> _Folded:
        if self._anchored is None:
            self._anchored = _Folded(self.text, keep_line_end_hyphens=False)
        return self._anchored

    def _position(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _match(self, folded: _Folded, start: int, length: int) -> QuoteMatch:
        begin = folded.original_offset(start)
        finish = folded.original_offset(start + length - 1)
        line, column = self._position(begin)
        end_line, end_column = self._position(finish)
        return QuoteMatch(line, column, end_line, end_column, begin, finish + 1)

    def _variants(self) -> Iterable[_Folded]:
        yield self._joined
        if self._anchored_hyphenated is None:
            self._anchored_hyphenated = _Folded(self.text, keep_line_end_hyphens=True)
        if self._anchored_hyphenated.text != self._joined.text:
            yield self._anchored_hyphenated

    def find(self, quote: str) -> QuoteMatch | None:
        """Where ``quote`` first stands in the source, or None if it is not there."""
        needle = fold(quote)
        if not needle:
            return None
        for folded in self._variants():
            at = folded.text.find(needle)
            if at >= 0:
                return self._match(folded, at, len(needle))
        return None

    def find_all(self, quotes: Sequence[str]) -> list[QuoteMatch | None]:
        """Look up many quotes at once: where each stands, or None."""
        found = self._locate_all(quotes)
        return [None if hit is None else self._match(hit[0], hit[1], hit[2]) for hit in found]

    def missing(self, quotes: Sequence[str]) -> list[int]:
        """The indexes of the quotes that are not in the source (no positions computed).

        A brief mostly quotes its source in order, so each quote is first looked for just after
        the previous one; the index of quote openings is built only for those not found there.
        """
        needles = [fold(quote) for quote in quotes]
        text = self._plain
        use_index = len(quotes) * len(text) >= _INDEX_THRESHOLD
        index: dict[str, list[int]] | None = None
        absent: list[int] = []
        last = 0
        scans = 0
        for i, needle in enumerate(needles):
            if not needle:
                absent.append(i)
                continue
            at = text.find(needle, last, last + _WINDOW + len(needle))
            if at < 0 and index is None and scans < _SCANS_BEFORE_INDEX:
                scans += 1  # a few whole-text scans (a brief switching sections) cost less
                at = text.find(needle)
                if at < 0:
                    at = -2  # not in the text at all: no need to ask the index
            if at == -1 and use_index and len(needle) >= _KEY:
                if index is None:
                    index = self._opening_index(text, needles)
                starts = index.get(needle[:_KEY], ())
                at = next((a for a in starts if text.startswith(needle, a)), -1)
            elif at == -1:
                at = text.find(needle)
            if at >= 0:
                last = at
                continue
            if self._plain_hyphenated is None:
                self._plain_hyphenated = _fold_plain(self.text, keep_line_end_hyphens=True)
            if needle not in self._plain_hyphenated:
                absent.append(i)
        return absent

    def _locate_all(self, quotes: Sequence[str]) -> list[tuple[_Folded, int, int] | None]:
        """Find each quote's folded start; an index of quote openings replaces a scan each."""
        needles = [fold(quote) for quote in quotes]
        text = self._joined.text
        use_index = len(quotes) * len(text) >= _INDEX_THRESHOLD
        index = self._opening_index(text, needles) if use_index else {}
        results: list[tuple[_Folded, int, int] | None] = []
        for needle in needles:
            hit: tuple[_Folded, int, int] | None = None
            if not needle:
                results.append(None)
                continue
            if use_index and len(needle) >= _KEY:
                for at in index.get(needle[:_KEY], ()):
                    if text.startswith(needle, at):
                        hit = (self._joined, at, len(needle))
                        break
            if hit is None:
                for folded in self._variants():
                    at = folded.text.find(needle)
                    if at >= 0:
                        hit = (folded, at, len(needle))
                        break
            results.append(hit)
        return results

    @staticmethod
    def _opening_index(text: str, needles: Sequence[str]) -> dict[str, list[int]]:
        """Offsets of every word start in ``text`` whose next characters open one of the quotes."""
        wanted = {needle[:_KEY] for needle in needles if len(needle) >= _KEY}
        firsts = {key.split(" ", 1)[0] for key in wanted}
        words = text.split(" ")
        index: dict[str, list[int]] = {}
        offset = 0
        for word in words:
            if word in firsts:
                key = text[offset : offset + _KEY]
                if key in wanted:
                    index.setdefault(key, []).append(offset)
            offset += len(word) + 1
        return index

    def closest(self, quote: str) -> tuple[int, str] | None:
        """The passage most like ``quote`` (by shared words) and its line, for a hint.

        Only the first few misses of a source get one, so checking a file full of bad quotes
        stays fast.
        """
        if self._hints_left <= 0:
            return None
        self._hints_left -= 1
        wanted = {_word_key(word) for word in fold(quote).split(" ")} - {""}
        if self._words is None:
            self._words = self._joined.text.split(" ")
            self._word_offsets = [0, *accumulate(len(word) + 1 for word in self._words)]
        words = self._words
        offsets = self._word_offsets
        assert offsets is not None
        if not words or not wanted:
            return None
        keys = [_word_key(word) for word in words]
        width = len(wanted) + 2
        counts: dict[str, int] = {}
        best, best_at, score = 0, 0, 0
        for i, key in enumerate(keys):
            if key in wanted:
                counts[key] = counts.get(key, 0) + 1
                score += counts[key] == 1
            if i >= width:
                old = keys[i - width]
                if old in wanted:
                    counts[old] -= 1
                    score -= counts[old] == 0
            if score > best:
                best, best_at = score, max(0, i - width + 1)
        if best * 2 < len(wanted):
            return None
        span = [i for i in range(best_at, min(best_at + width, len(words))) if keys[i] in wanted]
        passage = " ".join(words[span[0] : span[-1] + 1])
        if len(passage) > 120:
            passage = passage[:117] + "..."
        best_at = span[0]
        line, _ = self._position(self._joined.original_offset(offsets[best_at]))
        return line, passage


def _word_key(word: str) -> str:
    """A word as the closest-passage search compares it: without case or punctuation."""
    return word.strip(".,;:!?\"'()[]").lower()
