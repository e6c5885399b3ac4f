"""Which sentences of a source no statement of the brief quotes: what the map leaves out."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from argmap.draft.segment import segment
from argmap.model import Brief
from argmap.quotes import SourceText

__all__ = ["Coverage", "Passage", "coverage", "quote_spans"]


@dataclass(frozen=True)
class Passage:
    """A sentence of the source, where it stands (1-based line and column) and its words."""

    line: int
    column: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Coverage:
    """The sentences of a source, and those no quote of the brief touches."""

    total: int
    uncovered: list[Passage]

    @property
    def covered(self) -> int:
        return self.total - len(self.uncovered)

    @property
    def share(self) -> float:
        """The share of sentences quoted (1.0 for a source with no sentence)."""
        return self.covered / self.total if self.total else 1.0


def quote_spans(brief: Brief, source: SourceText) -> list[tuple[int, int]]:
    """Where the brief's quotes (of statements and arguments) stand in the source."""
    quotes = [q for s in brief.statements.values() for q in s.quotes]
    quotes += [q for a in brief.arguments.values() for q in a.quotes]
    return sorted((m.start, m.end) for m in source.find_all(quotes) if m is not None)


def passages(
    text: str, sentences: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> list[Passage]:
    """The ``sentences`` (spans) of ``text`` that overlap none of ``spans`` (sorted)."""

    starts = [s for s, _ in spans]
    ends_so_far: list[int] = []
    reach = -1
    for _, end in spans:
        reach = max(reach, end)
        ends_so_far.append(reach)
    line_starts = [0]
    line_starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    result: list[Passage] = []
    for start, end in sentences:
        # a span overlaps [start, end) if it starts before end and ends after start
        k = bisect.bisect_left(starts, end)
        if k and ends_so_far[k - 1] > start:
            continue
        line = bisect.bisect_right(line_starts, start)
        words = " ".join(text[start:end].split())
        result.append(Passage(line, start - line_starts[line - 1] + 1, start, end, words))
    return result


def coverage(brief: Brief, text: str) -> Coverage:
    """How much of ``text`` (the brief's source) the brief's quotes cover, sentence by sentence.

    >>> import argmap
    >>> brief = argmap.loads('''
    ... argmap: 1
    ... id: x
    ... title: X
    ... claims: {a: {text: A., quote: Russia won.}}
    ... ''')
    >>> report = coverage(brief, "Russia won. Georgia lost.")
    >>> report.covered, report.total, [p.text for p in report.uncovered]
    (1, 2, ['Georgia lost.'])
    """
    source = SourceText(text)
    spans = quote_spans(brief, source)
    sentences = segment(text, split_clauses=False).sentences
    return Coverage(len(sentences), passages(text, sentences, spans))
