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
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress

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
_MISSES_BEFORE_VOCABULARY = 8  # quotes not found before their words are looked up first
_SCAN_BUDGET = 4_000_000_000  # characters of whole-text scans for the quotes of one brief
_BLOCK = 2048  # characters of the folded text per block of counted spaces, for lines_of
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


# ASCII white space other than a plain space (what ``\s`` matches below 128).
_ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"


def fold_all(texts: Sequence[str]) -> list[str]:
    """``[fold(text) for text in texts]``, quicker when most need no folding.

    Each regular-expression search costs microseconds even on a short quote; a brief's quotes
    are mostly ASCII with single spaces, which a few substring tests over all of them at once
    (C-level scans) can tell, so that only the others are searched one by one.
    """
    joined = "\x00".join(texts)  # a separator no folding rule matches or spans
    if _plain_ascii(joined):
        return [text.strip() for text in texts]
    return [text.strip() if _plain_ascii(text) else fold(text) for text in texts]


def _plain_ascii(text: str) -> bool:
    """True for ASCII text without a double space or other white space: nothing to fold."""
    return text.isascii() and "  " not in text and not any(c in text for c in _ASCII_SPACES)


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
        self._index: dict[str, memoryview] | None = None

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
        """The indexes of the quotes that are not in the source, or that could not be checked
        within the work budget (see :meth:`check`); no positions are computed."""
        absent, unchecked = self.check(quotes)
        return sorted(absent + unchecked)

    def check(self, quotes: Sequence[str]) -> tuple[list[int], list[int]]:
        """The indexes of the quotes that are not in the source, and of those left unchecked.

        A brief mostly quotes its source in order, so each quote is first looked for just after
        the previous one; the index of quote openings is built only for those not found there.
        Once a few quotes were not found, a quote whose inner words are not all words of the
        source is absent without a search.
        What is left costs a scan of the whole text each; those scans have a budget (in
        characters, a few seconds' work), so a brief of thousands of quotes that are nowhere in
        a large source cannot take hours: the quotes the budget did not reach are returned as
        unchecked, for the caller to say so.
        """
        needles = fold_all(quotes)
        text = self._plain
        use_index = len(quotes) * len(text) >= _INDEX_THRESHOLD
        index: dict[str, list[int]] | None = None
        vocabulary: set[str] | None = None
        absent: list[int] = []
        unchecked: list[int] = []
        last = 0
        scans = 0
        budget = _SCAN_BUDGET
        misses = 0

        def hyphenated() -> str | None:
            """The text folded keeping line-end hyphens, if that differs (folded when asked)."""
            if self._plain_hyphenated is None:
                self._plain_hyphenated = _fold_plain(self.text, keep_line_end_hyphens=True)
            return self._plain_hyphenated if self._plain_hyphenated != text else None

        for i, needle in enumerate(needles):
            if not needle:
                absent.append(i)
                continue
            at = text.find(needle, last, last + _WINDOW + len(needle))
            if at >= 0:
                last = at
                continue
            inner = needle.split(" ")[1:-1]
            if inner and misses >= _MISSES_BEFORE_VOCABULARY:
                if vocabulary is None:
                    vocabulary = set(text.split(" "))
                    other = hyphenated()
                    if other is not None:
                        vocabulary.update(other.split(" "))
                if not vocabulary.issuperset(inner):
                    absent.append(i)  # a word between two spaces of the quote is no word here
                    continue
            if budget <= 0:
                unchecked.append(i)
                continue
            if index is None and scans < _SCANS_BEFORE_INDEX:
                scans += 1  # a few whole-text scans (a brief switching sections) cost less
                budget -= len(text)
                at = text.find(needle)
                if at < 0:
                    at = -2  # not in the text at all: no need to ask the index
            if at == -1 and use_index and len(needle) >= _KEY:
                if index is None:
                    index = self._opening_index(text, needles)
                starts = index.get(needle[:_KEY], ())
                at = next((a for a in starts if text.startswith(needle, a)), -1)
            elif at == -1:
                budget -= len(text)
                at = text.find(needle)
            if at >= 0:
                last = at
                continue
            misses += 1
            other = hyphenated()
            if other is None:
                absent.append(i)
            elif budget <= 0:
                unchecked.append(i)
            else:
                budget -= len(other)
                if needle not in other:
                    absent.append(i)
        return absent, unchecked

    def _locate_all(self, quotes: Sequence[str]) -> list[tuple[_Folded, int, int] | None]:
        """Find each quote's folded start; an index of quote openings replaces a scan each."""
        needles = fold_all(quotes)
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
        """Offsets of every word start in ``text`` whose next characters open one of the quotes.

        Only the words that open a quote are looked at, chosen by C-level maps: a loop over a
        large source's words in Python would cost more than the lookups it saves.
        """
        wanted = {needle[:_KEY] for needle in needles if len(needle) >= _KEY}
        firsts = {key.split(" ", 1)[0] for key in wanted}
        words = text.split(" ")
        starts = accumulate(map((1).__add__, map(len, words)), initial=0)
        chosen = list(compress(starts, map(firsts.__contains__, words)))
        keys = list(map(text.__getitem__, map(slice, chosen, map(_KEY.__add__, chosen))))
        index: dict[str, list[int]] = {}
        for key, at in compress(zip(keys, chosen, strict=True), map(wanted.__contains__, keys)):
            index.setdefault(key, []).append(at)
        return index

    def lines_of(self, quotes: Sequence[str]) -> dict[str, tuple[int, int] | None]:
        """Each of ``quotes`` and the first and last line it stands on (None: not in the source).

        The lines of :meth:`find_all`, found without its map from folded offsets back to the
        original, which the whole source pays for. Folding changes quote marks one for one and
        drops nothing but white space, soft hyphens and the hyphens that join a word broken at a
        line end, so a folded offset's line is the line of the original's n-th remaining
        character, where n counts the folded text's characters other than the spaces before
        it; counting those per line of the original, and the folded text's spaces per block,
        takes a few C-level passes. Quotes are looked up as :meth:`find_all` looks them up; one
        not found in the folded text, and any source with a soft hyphen, goes to it.
        """
        unique = list(dict.fromkeys(quotes))
        text = self.text
        if not unique:
            return {}
        if "\u00ad" in text:
            return self._lines_by_find_all(unique)
        plain = self._plain
        folded_length = len(plain) + (text[:1].isspace()) + (text[-1:].isspace())
        use_index = len(unique) * folded_length >= _INDEX_THRESHOLD

        # Characters other than white space on each line of the original, less the line-end
        # hyphens folding drops. First as if spaces and line breaks were the only white space;
        # when the total says otherwise, counted again with every kind of white space.
        lines = text.split("\n")
        counts = [len(line) - line.count(" ") for line in lines]
        dropped: list[int] = []
        if "-" in text:
            line = 0
            previous = 0
            for match in _LINE_END_HYPHEN.finditer(text):
                start = match.start()
                line += text.count("\n", previous, start)
                previous = start
                if start and text[start - 1].isalnum():
                    dropped.append(line)
        if sum(counts) - len(dropped) != len(plain) - plain.count(" "):
            counts = list(map(len, map("".join, map(str.split, lines))))
        for line in dropped:
            counts[line] -= 1
        line_starts = list(accumulate(counts, initial=0))
        spaces = list(accumulate(
            (plain.count(" ", at, at + _BLOCK) for at in range(0, len(plain), _BLOCK)),
            initial=0))

        def line_of(offset: int) -> int:
            block = offset // _BLOCK
            kept = offset - spaces[block] - plain.count(" ", block * _BLOCK, offset)
            return bisect.bisect_right(line_starts, kept, 0, len(lines))

        needles = fold_all(unique)
        openings = self._opening_index(plain, needles) if use_index else {}
        found: dict[str, tuple[int, int] | None] = {}
        missing: list[str] = []
        for quote, needle in zip(unique, needles, strict=True):
            if not needle:
                found[quote] = None
                continue
            at = -1
            if use_index and len(needle) >= _KEY:
                at = next((start for start in openings.get(needle[:_KEY], ())
                           if plain.startswith(needle, start)), -1)
            if at < 0:
                at = plain.find(needle)
            if at < 0:
                missing.append(quote)
                continue
            found[quote] = (line_of(at), line_of(at + len(needle) - 1))
        if missing:
            found.update(self._lines_by_find_all(missing))
        return {quote: found[quote] for quote in unique}

    def _lines_by_find_all(self, quotes: list[str]) -> dict[str, tuple[int, int] | None]:
        return {quote: None if match is None else (match.line, match.end_line)
                for quote, match in zip(quotes, self.find_all(quotes), strict=True)}

    def closest(self, quote: str) -> tuple[int, str] | None:
        """The passage most like ``quote`` (by shared words) and its line, for a hint.

        The passage is the window of ``len(words) + 2`` source words that holds the most of the
        quote's distinct words; it counts when it holds at least half of them. An index of where
        each word occurs, built at the first miss, makes each search cost the occurrences of
        the quote's own words rather than the whole source; only the first few misses of a
        source get a hint, so a file full of bad quotes stays fast.
        """
        if self._hints_left <= 0:
            return None
        self._hints_left -= 1
        wanted = {_word_key(word) for word in fold(quote).split(" ")} - {""}
        index = self._word_index()
        if not wanted or not index:
            return None
        width = len(wanted) + 2
        events = sorted((at, key) for key in wanted for at in index.get(key, ()))
        counts: dict[str, int] = {}
        best, best_at, score, first = 0, 0, 0, 0
        for at, key in events:
            counts[key] = counts.get(key, 0) + 1
            score += counts[key] == 1
            while events[first][0] <= at - width:  # words that left the window ending at ``at``
                old = events[first][1]
                counts[old] -= 1
                score -= counts[old] == 0
                first += 1
            if score > best:
                best, best_at = score, max(0, at - width + 1)
        if best * 2 < len(wanted):
            return None
        span = [at for at, _ in events if best_at <= at < best_at + width]
        words = self._words
        assert words is not None
        passage = " ".join(words[span[0] : span[-1] + 1])
        if len(passage) > 120:
            passage = passage[:117] + "..."
        offset = sum(map(len, words[: span[0]])) + span[0]  # the words before, and their spaces
        line, _ = self._position(self._joined.original_offset(offset))
        return line, passage

    def _word_index(self) -> dict[str, memoryview]:
        """Where each word of the source occurs (word numbers, ascending), by comparison key.

        Built with one sort of the word numbers by key, so that the work per word is done in C:
        a loop over a source's million words in Python would take seconds.
        """
        if self._index is None:
            words = self._joined.text.split(" ")
            self._words = words
            key_numbers: dict[str, int] = {}
            word_numbers = {word: key_numbers.setdefault(_word_key(word), len(key_numbers))
                            for word in set(words)}
            numbers = list(map(word_numbers.__getitem__, words))
            order = memoryview(array("I", sorted(range(len(numbers)), key=numbers.__getitem__)))
            counts = Counter(numbers)
            index: dict[str, memoryview] = {}
            start = 0
            for key, number in key_numbers.items():
                index[key] = order[start : start + counts[number]]
                start += counts[number]
            self._index = index
        return self._index


def _word_key(word: str) -> str:
    """A word as the closest-passage search compares it: without case or punctuation."""
    return word.strip(".,;:!?\"'()[]").lower()
