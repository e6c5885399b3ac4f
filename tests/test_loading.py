"""Loading, errors and writing briefs back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import argmap
from argmap.loading import read_text

FIXTURES = Path(__file__).parent / "fixtures"


def test_load_gives_every_statement_with_its_kind() -> None:
    brief = argmap.load(FIXTURES / "valid" / "minimal.yaml")
    kinds = {key: statement.kind for key, statement in brief.statements.items()}
    assert kinds == {
        "dialogue-needed": "claim",
        "confrontation-serious": "premise",
        "russia-holds-cards": "premise",
        "recognition-hard-to-reverse": "premise",
        "claimed-as-victories": "objection",
        "russia-should-show-magnanimity": "recommendation",
    }
    assert brief.recommendations["russia-should-show-magnanimity"].addressees == ("russia",)
    assert brief.premises["russia-holds-cards"].quotes == (
        "Russia holds most of the cards.",
        "Russia holds most",
    )
    assert brief.date == "2008"


def test_model_validate_takes_a_plain_dict() -> None:
    brief = argmap.Brief.model_validate(
        {"argmap": 1, "id": "x", "title": "X", "claims": {"a": {"text": "A."}}}
    )
    assert isinstance(brief.statements["a"], argmap.Claim)


def test_each_statement_gets_lists_and_mappings_of_its_own() -> None:
    """The fields a brief leaves out start empty, and one statement's are not another's."""
    first = argmap.Claim(text="One.")
    second = argmap.Claim(text="Two.")
    first.supports.append("x")
    first.tags.append("t")
    assert second.supports == [] and second.tags == []
    assert first.supports is not second.supports
    one = argmap.Brief.model_validate({"argmap": 1, "id": "a", "title": "A"})
    other = argmap.Brief.model_validate({"argmap": 1, "id": "b", "title": "B"})
    one.claims["c"] = first
    assert other.claims == {}


def test_load_raises_brief_error_listing_every_problem_with_positions() -> None:
    with pytest.raises(argmap.BriefError) as raised:
        argmap.load(FIXTURES / "invalid" / "schema.yaml")
    error = raised.value
    assert isinstance(error, ValueError)
    assert [(d.code, d.line) for d in error.diagnostics][:3] == [
        ("AM010", 8),
        ("AM010", 8),
        ("AM011", 10),
    ]
    assert "schema.yaml:10:1: AM011 error: unknown key 'titel'" in str(error)


def test_load_of_a_missing_file_is_a_brief_error_not_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(argmap.BriefError, match="cannot read the file"):
        argmap.load(tmp_path / "nope.yaml")


def test_a_brief_built_in_code_round_trips_through_dump_and_load(tmp_path: Path) -> None:
    brief = argmap.Brief(
        argmap=1,
        id="built-in-code",
        title="Built: in code",
        date="2014-06-19",
        actors={"russia": argmap.Actor(name="Russia")},
        premises={
            "p": argmap.Premise(text="yes", quote=["0o17", "1e3", "~", "null"], supports=["r"]),
        },
        recommendations={
            "r": argmap.Recommendation(text="Do: it", addressee="russia", base_score=0.25),
        },
        arguments={"a": argmap.Argument(premises=["p", "p"], conclusion="r")},
        expect=argmap.Expectations(stands=["r"]),
    )
    target = tmp_path / "brief.yaml"
    argmap.dump(brief, target)
    assert argmap.load(target) == brief
    assert argmap.loads(argmap.dumps(brief)) == brief


def test_dump_writes_atomically_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    brief = argmap.load(FIXTURES / "valid" / "minimal.yaml")
    target = tmp_path / "out.yaml"
    target.write_text("old content")
    argmap.dump(brief, target)
    assert argmap.load(target) == brief
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]


def test_unknown_key_suggests_the_closest_field() -> None:
    result = read_text("argmap: 1\nid: x\ntitle: X\nclaims:\n  a: {text: A, suports: [b]}\n")
    [diagnostic] = result.diagnostics
    assert diagnostic.code == "AM011"
    assert diagnostic.hint == "did you mean 'supports'?"
    assert (diagnostic.line, diagnostic.column) == (5, 16)


def test_a_number_where_text_belongs_suggests_quotes() -> None:
    result = read_text("argmap: 1\nid: x\ntitle: X\nclaims:\n  a: {text: 1984}\n")
    [diagnostic] = result.diagnostics
    assert diagnostic.message == "'text' must be text, not the number 1984"
    assert diagnostic.hint == "put the value in quotes to keep it as text"


def test_missing_version_line_says_what_to_add() -> None:
    result = read_text("id: x\ntitle: X\n")
    [diagnostic] = result.diagnostics
    assert diagnostic.hint == "add 'argmap: 1' at the top of the file"


def test_non_utf8_file_is_a_diagnostic_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"argmap: 1\nid: x\ntitle: caf\xe9\n")
    [diagnostic] = argmap.read(path).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("AM001", 3, 11)


def test_written_files_get_ordinary_permissions_not_private_ones(tmp_path: Path) -> None:
    brief = argmap.load(FIXTURES / "valid" / "minimal.yaml")
    fresh = tmp_path / "fresh.yaml"
    argmap.dump(brief, fresh)
    umask = os.umask(0o022)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.yaml"
    kept.write_text("old")
    kept.chmod(0o640)
    argmap.dump(brief, kept)
    assert kept.stat().st_mode & 0o777 == 0o640
