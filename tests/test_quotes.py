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


def _closest_by_definition(text: str, quote: str) -> tuple[int, str] | None:
    """The closest passage as the hint defines it, computed the slow way: every window of
    ``distinct quote words + 2`` source words, scored by the distinct quote words it holds."""
    def key(word: str) -> str:
        return word.strip(".,;:!?\"'()[]").lower()

    wanted = {key(word) for word in fold(quote).split(" ")} - {""}
    folded = fold(text)
    words = folded.split(" ") if folded else []
    if not wanted or not words:
        return None
    width = len(wanted) + 2
    best, best_at = 0, 0
    for end in range(len(words)):
        start = max(0, end - width + 1)
        score = len({key(w) for w in words[start : end + 1]} & wanted)
        if score > best:
            best, best_at = score, start
    if best * 2 < len(wanted):
        return None
    span = [i for i in range(best_at, min(best_at + width, len(words))) if key(words[i]) in wanted]
    passage = " ".join(words[span[0] : span[-1] + 1])
    passage = passage if len(passage) <= 120 else passage[:117] + "..."
    first = " ".join(words[: span[0]])  # the line of the passage's first word, counted by hand
    line = 1 + sum(1 for offset, char in enumerate(text) if char == "\n"
                   and len(fold(text[: offset + 1]).rstrip()) <= len(first))
    return line, passage


@pytest.mark.parametrize("seed", range(40))
def test_closest_passage_agrees_with_its_definition(seed: int) -> None:
    import random

    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(12)] + ["The", "the.", "(w1)", "a"]
    words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 120))]
    text = "".join(word + rng.choice([" ", " ", "\n"]) for word in words)
    quote = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 6)))
    assert SourceText(text).closest(quote) == _closest_by_definition(text, quote)


def test_quotes_beyond_the_search_budget_are_unchecked_not_called_absent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import argmap.quotes

    words = [f"w{i}" for i in range(3000)]
    text = "\n".join(" ".join(words[i : i + 10]) for i in range(0, len(words), 10))
    # absent, though every word is in the text; present, far from the previous match
    quotes = [f"w{i} w{i + 5} w{i + 2}" if i % 3 else f"w{i} w{i + 1} w{i + 2}"
              for i in range(0, 2400, 8)]
    monkeypatch.setattr(argmap.quotes, "_SCAN_BUDGET", 40 * len(text))
    absent, unchecked = SourceText(text).check(quotes)
    assert unchecked, "the budget should run out before the last quotes"
    assert not set(absent) & set(unchecked)
    assert all(fold(quotes[i]) not in fold(text) for i in absent)
    checked = [i for i in range(len(quotes)) if i not in unchecked]
    assert [i for i in checked if fold(quotes[i]) not in fold(text)] == absent
    assert SourceText(text).missing(quotes) == sorted(absent + unchecked)


def test_validate_says_how_many_quotes_the_budget_left_unchecked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import argmap.quotes
    from argmap.cli import app

    words = [f"w{i}" for i in range(2000)]
    source = "\n".join(" ".join(words[i : i + 10]) for i in range(0, len(words), 10)) + "\n"
    (tmp_path / "s.txt").write_text(source, encoding="utf-8")
    claims = "".join(f"  c{i}: {{text: C, quote: w{i} w{i + 5} w{i + 2}}}\n" for i in range(60))
    (tmp_path / "b.yaml").write_text(
        f"argmap: 1\nid: b\ntitle: B\nsource: {{path: s.txt}}\nclaims:\n{claims}",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(argmap.quotes, "_SCAN_BUDGET", 10 * len(fold(source)))
    result = CliRunner().invoke(app, ["validate", "--isolated", "--select", "AM301", "b.yaml"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if " AM301 " in line]
    assert len(lines) == 11  # the 10 scans the budget paid for, then one line for the rest
    assert lines[-1].startswith("b.yaml:16:")  # at the first quote that was not checked
    assert "50 quotes from here on could not be checked" in lines[-1]
    assert "fix the quotes reported above" in lines[-1]


@pytest.mark.parametrize("seed", range(20))
def test_folding_many_quotes_at_once_folds_each_as_alone(seed: int) -> None:
    import random

    from argmap.quotes import fold_all

    rng = random.Random(seed)
    pieces = ["a", "b-", "c", " ", "  ", "\n", "\t", "\r", "\x0b", "\x1c", "\u00a0", "\u2019",
              "\u201c", "\u00ad", "-\n", "\x00", "é"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
             for _ in range(rng.randint(0, 30))]
    plain = [text.replace("\x00", "") for text in texts if rng.random() < 0.7]
    for batch in (texts, plain, [t for t in plain if t.isascii()]):
        assert fold_all(batch) == [fold(text) for text in batch]
