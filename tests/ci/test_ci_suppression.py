"""Inline suppression: ``# argmap: ignore[CODE]`` comments in a brief silence findings where
they stand, and nowhere else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.checks import all_rules
from argmap.config import suppressions
from argmap.reporters import Report

from .ci_support import CI_FIXTURES, Run

KNOWN = [rule.code for rule in all_rules()]


def test_a_comment_with_codes_silences_those_codes_on_its_line() -> None:
    found = suppressions("a: 1\nb: 2  # argmap: ignore[AM205, am203]\n", KNOWN)
    assert found.silences("AM205", 2)
    assert found.silences("AM203", 2)
    assert not found.silences("AM204", 2)
    assert not found.silences("AM205", 1)


def test_a_bare_comment_silences_every_code_on_its_line() -> None:
    found = suppressions("a: 1  #argmap:ignore\n", KNOWN)
    assert found.silences("AM101", 1)
    assert not found.silences("AM101", 2)


def test_a_prefix_silences_a_family() -> None:
    found = suppressions("x: 1  # argmap: ignore[AM2]\n", KNOWN)
    assert found.silences("AM205", 1)
    assert not found.silences("AM101", 1)


def test_ignore_file_silences_codes_everywhere_in_the_file() -> None:
    found = suppressions("# argmap: ignore-file[AM305]\nx: 1\n", KNOWN)
    assert found.silences("AM305", 40)
    assert found.silences("AM305", None)
    assert not found.silences("AM205", 2)


def test_words_inside_a_quoted_value_are_not_a_comment() -> None:
    found = suppressions('text: "see # argmap: ignore[AM205] here"\n', KNOWN)
    assert not found
    assert not found.silences("AM205", 1)


def test_an_unknown_code_silences_nothing_and_is_reported() -> None:
    found = suppressions("x: 1  # argmap: ignore[AM2O5]\ny: 2  # argmap: ignore[AM205, AM999]\n",
                         KNOWN)
    assert not found.silences("AM205", 1)
    assert found.silences("AM205", 2)
    assert found.unknown == ((1, "AM2O5"), (2, "AM999"))


def test_comments_are_numbered_by_the_lines_splitlines_makes() -> None:
    text = "argmap: 1\r\nx: 1  # argmap: ignore[AM2]\u2028y: 2  # argmap: ignore\n"
    found = suppressions(text, KNOWN)
    assert found.silences("AM205", 2)
    assert found.silences("AM101", 3)
    assert not found.silences("AM101", 2)


#: Pieces that brief texts with comments are made of: line ends of every kind, comments that
#: silence, and near misses.
_PIECES = st.sampled_from([
    "argmap: 1", "# argmap: ignore", "x: 1  # argmap: ignore[AM2]", "#argmap:ignore-file",
    "# argmap:", "argmap: ignore", "#", "a", " ", "\n", "\n\n", "\r\n", "\r", "\u2028",
    "\x85", "\x0c",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_suppressions_read_every_line_as_a_line_by_line_reading_does(text: str) -> None:
    """Each line is read for a comment, numbered as ``str.splitlines`` numbers it."""
    expected: dict[int, frozenset[str] | None] = {}
    whole: set[str] | None = set()
    for number, line in enumerate(text.splitlines(), start=1):
        one = suppressions(line, KNOWN)
        if one.file is None:
            whole = None
        elif whole is not None:
            whole |= one.file
        if 1 in one.lines:
            expected[number] = one.lines[1]
    found = suppressions(text, KNOWN)
    assert dict(found.lines) == expected
    assert found.file == (None if whole is None else frozenset(whole))


def test_the_suppressed_fixture_passes_even_under_strict(run_cli: Run) -> None:
    ran = run_cli("validate", "--strict", "positive/suppressed.yaml", cwd=CI_FIXTURES)
    assert ran.exit_code == 0, ran.stdout
    assert ran.stdout == "1 brief: 0 errors, 0 warnings\n"


def test_without_its_comments_the_suppressed_fixture_fails(
    run_cli: Run, tmp_path: Path
) -> None:
    text = (CI_FIXTURES / "positive" / "suppressed.yaml").read_text(encoding="utf-8")
    bare = "\n".join(line.split("  # argmap:")[0] for line in text.splitlines()) + "\n"
    (tmp_path / "bare.yaml").write_text(bare, encoding="utf-8")
    ran = run_cli("validate", "--isolated", "--strict", "bare.yaml", cwd=tmp_path)
    assert ran.exit_code == 1
    assert sorted(line.split()[1] for line in ran.stdout.splitlines()[:-1]) == [
        "AM203", "AM204", "AM205", "AM205",
    ]


def test_an_unknown_code_in_a_comment_is_reported_on_standard_error(run_cli: Run) -> None:
    ran = run_cli("validate", "negative/suppression.yaml", cwd=CI_FIXTURES)
    assert ran.stderr.splitlines()[0] == (
        "argmap: negative/suppression.yaml:8: unknown rule code 'AM2O5' in an 'argmap: ignore' "
        "comment; 'argmap rules' lists them"
    )


def test_the_library_pipeline_counts_what_comments_silenced() -> None:
    from argmap.cli.validate import validate_paths

    run = validate_paths([CI_FIXTURES / "positive" / "suppressed.yaml"])
    assert isinstance(run.report, Report)
    assert run.report.diagnostics == ()
    assert run.suppressed == 4
