"""The summary's quote lines agree with SourceText.find_all, the quote checker's own lookup."""

from __future__ import annotations

import random

import pytest
from render_support import REPO

from argmap.quotes import SourceText

SOURCES = REPO / "briefs" / "sources"


def _expected(source: SourceText, quotes: list[str]) -> dict[str, tuple[int, int] | None]:
    return {quote: None if match is None else (match.line, match.end_line)
            for quote, match in zip(quotes, source.find_all(quotes), strict=True)}


# A text with what folding rewrites: wrapped lines, blank lines between, a word hyphenated at a
# line end (across a blank line too), a dash before a break, tabs, a non-breaking space, CRLF
# line ends, typographic quotes, leading white space, and a phrase that first occurs inside a
# longer word.
TRICKY = (
    "  \n\nThe minister said the talks would con-\ntinue in Prague and that the\n\n"
    "border questions -\nthose of the crossings\t\tand the customs posts -\n"
    "would be settled by the end of the year.\r\n\u201cWe will not\u00a0give up,\u201d\n"
    "she added, and the co-\n\n   operation went on. Subsequently the border questions\n"
    "were taken up again; the border questions remained open in the end.\n"
    "Reorder the list of the questions.\nThen order the list of the questions. Again.\n  \t\n"
)

TRICKY_QUOTES = [
    "talks would continue in Prague",
    "would con- tinue",  # only in the text that keeps line-end hyphens: find_all's fallback
    "border questions - those of the crossings and the customs posts - would",
    "\u201cWe will not give up,\u201d she added",
    '"We will not give up," she',
    "co-operation",
    "cooperation went on",
    "equently the border questions were",  # inside a word first
    "the border questions remained open in the end.",
    "not in the text at all",
    "   ",
    "The minister",
    "order the list of the questions.",  # inside a word first, then at a word start
]


@pytest.mark.parametrize("repeat", [1, 70_000])  # 70,000: enough to take the index path
def test_tricky_text_matches_find_all(repeat: int) -> None:
    quotes = TRICKY_QUOTES + [f"filler quote {i} never found" for i in range(repeat - 1)]
    assert SourceText(TRICKY).lines_of(quotes) == _expected(SourceText(TRICKY), quotes)


def test_shipped_sources_match_find_all() -> None:
    rng = random.Random(5)
    checked = 0
    for path in sorted(SOURCES.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        words = text.split()
        # Runs of words from anywhere in the text (over line ends and hyphens), some repeated.
        quotes = []
        for _ in range(20_000_000 // len(text) + 100):  # enough to take the index path
            start = rng.randrange(max(1, len(words) - 12))
            quotes.append(" ".join(words[start:start + rng.randint(2, 12)]))
        for some in (quotes[:50], quotes):
            unique = list(dict.fromkeys(some))
            assert SourceText(text).lines_of(some) == _expected(SourceText(text), unique)
        checked += 1
    assert checked


def test_empty_and_soft_hyphen_sources() -> None:
    assert SourceText("some text").lines_of([]) == {}
    soft = "a long hyphen\u00adated word \n and more"
    quotes = ["hyphenated word and", "hyphen", "more"]
    assert SourceText(soft).lines_of(quotes) == _expected(SourceText(soft), quotes)
