"""Quote matching against text extracted from PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.quotes import SourceText, fold

SEED = Path(__file__).resolve().parents[1] / "briefs" / "sources" / "georgia-russia-dialogue.txt"

PDF_TEXT = (
    "The ongoing trade embargo is \n\ncrippling Georgia\u2019s economy. It is hard to see how the recog-\n\n"
    "nition of Abkhazia could be re-\n\nversed, though a well-\n\nknown \u201cformula\u201d exists.\n"
)


@pytest.mark.parametrize(
    ("quote", "line", "column"),
    [
        ("The ongoing trade embargo is crippling Georgia's economy.", 1, 1),
        ("crippling Georgia\u2019s economy", 3, 1),
        ("the recognition of Abkhazia could be reversed", 3, 52),
        ('a well-known "formula" exists', 7, 16),
        ("a wellknown", 7, 16),
    ],
)
def test_quotes_match_across_line_breaks_hyphens_and_typographic_marks(
    quote: str, line: int, column: int
) -> None:
    match = SourceText(PDF_TEXT).find(quote)
    assert match is not None
    assert (match.line, match.column) == (line, column)


@pytest.mark.parametrize(
    "quote",
    ["the ongoing trade embargo", "crippling Georgias economy", "recognition of Abkhazia can", ""],
)
def test_case_punctuation_and_words_still_count(quote: str) -> None:
    assert SourceText(PDF_TEXT).find(quote) is None


def test_match_end_points_at_the_last_character() -> None:
    source = SourceText("alpha beta\n\ngamma delta\n")
    match = source.find("beta gamma")
    assert match is not None
    assert (match.line, match.column, match.end_line, match.end_column) == (1, 7, 3, 5)
    assert source.text[match.start : match.end] == "beta\n\ngamma"


def test_fold_joins_white_space_and_straightens_quotes() -> None:
    assert fold("  \u201cA\u201d \n\n  b\u2019s\t c ") == '"A" b\'s c'


def test_closest_passage_names_its_line() -> None:
    text = SEED.read_text(encoding="utf-8")
    near = SourceText(text).closest("Russia holds all the cards.")
    assert near is not None
    line, passage = near
    assert "Russia holds most of the cards" in passage
    assert "Russia holds most of the cards" in text.splitlines()[line - 1]


def test_many_quotes_through_the_index_agree_with_one_by_one_lookups() -> None:
    words = [f"w{i}x{i * 7 % 13}" for i in range(4000)]
    lines = [" ".join(words[i : i + 9]) for i in range(0, len(words), 9)]
    text = "\n\n".join(lines)
    quotes = [" ".join(words[i : i + 6]) for i in range(0, 3990, 37)]
    quotes += ["not there at all in this text", "x7 w2x1"]  # a miss, and a mid-word start
    source = SourceText(text)
    assert source.find_all(quotes) == [source.find(q) for q in quotes]
    assert source.missing(quotes) == [len(quotes) - 2]


def test_the_fast_yes_no_lookup_agrees_with_the_positioned_one() -> None:
    texts = [PDF_TEXT, "a -\n\nb", "x-\ny", "\u00adsoft\u00adhyphen", "  lead and trail  ", "-\nz"]
    quotes = ["a - b", "xy", "x-y", "softhyphen", "lead and trail", "- z", "a -b", "b"]
    for text in texts:
        source = SourceText(text)
        positioned = [i for i, q in enumerate(quotes) if source.find(q) is None]
        assert source.missing(quotes) == positioned, text


def test_quotes_in_any_order_and_with_misses_give_the_same_answer() -> None:
    words = [f"w{i}x{i * 7 % 13}" for i in range(6000)]
    text = "\n\n".join(" ".join(words[i : i + 9]) for i in range(0, len(words), 9))
    quotes = [" ".join(words[i : i + 6]) for i in range(0, 5990, 23)]
    quotes += [quote + " nope" for quote in quotes[::40]]
    expected = {q for q in quotes if q.endswith(" nope")}
    for ordered in (quotes, quotes[::-1], sorted(quotes)):
        assert {ordered[i] for i in SourceText(text).missing(ordered)} == expected
