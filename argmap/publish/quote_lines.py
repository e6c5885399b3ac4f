"""Where quotes stand in a source, by line, for the summary: no offset map, few Python loops.

:meth:`argmap.quotes.SourceText.find_all` reports every match's line and column through a map
from the folded text back to the original, built for the whole source. The summary needs only
the lines, and finds them more cheaply. Folding changes quote marks one for one and drops
nothing but white space, soft hyphens and the hyphens that join a word broken at a line end, so
a folded offset's line is the line of the original's n-th remaining character, where n counts
the folded text's characters other than the spaces before it. Counting those per line of the
original, and the folded text's spaces per block, takes a few C-level passes. The quotes are
looked up as ``find_all`` does (for a long quote in a large lookup the first occurrence at a
word start that opens a quote, else the first anywhere), the word starts chosen by C-level maps.
A quote not found in the folded text, and any source with a soft hyphen, goes to ``find_all``.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from argmap.quotes import _INDEX_THRESHOLD, _KEY, _LINE_END_HYPHEN, SourceText, fold

__all__ = ["quote_lines"]

_BLOCK = 2048  # characters of the folded text per block of counted spaces


def quote_lines(
    source: SourceText, quotes: Sequence[str]
) -> dict[str, tuple[int, int] | None]:
    """Each of ``quotes`` and the first and last line it stands on (None: not in the source)."""
    unique = list(dict.fromkeys(quotes))
    text = source.text
    if not unique:
        return {}
    if "\u00ad" in text:
        return _by_find_all(source, unique)
    plain: str | None = getattr(source, "_plain", None)
    if not isinstance(plain, str):
        return _by_find_all(source, unique)
    folded_length = len(plain) + (text[:1].isspace()) + (text[-1:].isspace())
    use_index = len(unique) * folded_length >= _INDEX_THRESHOLD

    # Characters other than white space on each line of the original, less the line-end
    # hyphens folding drops.
    lines = text.split("\n")
    # First as if spaces and line breaks were the only white space; when the total says
    # otherwise, counted again with every kind of white space.
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
    line_starts = list(itertools.accumulate(counts, initial=0))
    spaces = list(itertools.accumulate(
        (plain.count(" ", at, at + _BLOCK) for at in range(0, len(plain), _BLOCK)), initial=0))

    def line_of(offset: int) -> int:
        block = offset // _BLOCK
        kept = offset - spaces[block] - plain.count(" ", block * _BLOCK, offset)
        return bisect.bisect_right(line_starts, kept, 0, len(lines))

    needles = [fold(quote) for quote in unique]
    openings: dict[str, list[int]] = {}
    if use_index:
        # The first word start of each long quote's opening: only the words that open a quote
        # are looked at, chosen by C-level maps.
        wanted = {needle[:_KEY] for needle in needles if len(needle) >= _KEY}
        firsts = {key.split(" ", 1)[0] for key in wanted}
        words = plain.split(" ")
        starts = itertools.accumulate(map((1).__add__, map(len, words)), initial=0)
        chosen = list(itertools.compress(starts, map(firsts.__contains__, words)))
        keys = list(map(plain.__getitem__, map(slice, chosen, map(_KEY.__add__, chosen))))
        pairs = zip(keys, chosen, strict=True)
        for key, at in itertools.compress(pairs, map(wanted.__contains__, keys)):
            openings.setdefault(key, []).append(at)

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
        found.update(_by_find_all(source, missing))
    return {quote: found[quote] for quote in unique}


def _by_find_all(source: SourceText, quotes: list[str]) -> dict[str, tuple[int, int] | None]:
    return {quote: None if match is None else (match.line, match.end_line)
            for quote, match in zip(quotes, source.find_all(quotes), strict=True)}
