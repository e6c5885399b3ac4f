"""A field error (AM001 aside) does not hide the reference and quote checks: one run of
``argmap validate`` reports as much as can be known, as ruff and mypy do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.errors import BriefError

from .cli_support import argmap as run

SOURCE = "The harbour was dredged in 1990. Since then the fleets have moved away.\n"

BRIEF = """\
argmap: 1
id: one-round
title: Every finding in one run
source: {path: source.txt}
claims:
  harbour-declines:
    txet: The harbour declines.
    quote: "The harbour was dredged in 1990."
  fleets-moved:
    text: The fleets moved away.
    quote: "the fleets sailed away"
    suports: [harbour-declines]
    likelihood: probable
  plain: Just a sentence.
premises:
  dredging-costs:
    text: [not, text]
    supports: [harbour-declines, harbour-decline]
arguments:
  together:
    premises: [fleets-moved, dredging-costs]
    conclusoin: harbour-declines
recommendations:
  dredge:
    text: Dredge the harbour again.
    attacks: [together, nowhere]
"""


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "brief.yaml"
    path.write_text(BRIEF, encoding="utf-8")
    return path


def _findings(brief: Path) -> list[tuple[int, str, str]]:
    done = run("validate", "--format", "json", brief.name, cwd=brief.parent)
    assert done.returncode == 1, done.stderr
    return [(d["line"], d["code"], d["message"]) for d in json.loads(done.stdout)]


def test_field_errors_and_reference_and_quote_findings_come_together(brief: Path) -> None:
    found = _findings(brief)
    codes = [(line, code) for line, code, _ in found]
    # The field errors, as before ...
    assert (7, "AM011") in codes  # txet
    assert (12, "AM011") in codes  # suports
    assert (13, "AM010") in codes  # likelihood
    assert (14, "AM010") in codes  # a statement that is not a mapping
    assert (17, "AM010") in codes  # text is a list
    assert (22, "AM011") in codes  # conclusoin
    # ... and in the same run what the other checks find in the rest of the brief.
    messages = [message for _, _, message in found]
    assert any(code == "AM301" and line == 11 for line, code, _ in found), found  # bad quote
    assert ("'dredging-costs' supports 'harbour-decline', but there is no statement with that id"
            in messages)
    assert "'dredge' attacks 'nowhere', but there is no statement or argument with that id" in messages


def test_what_was_repaired_is_not_reported_as_dangling(brief: Path) -> None:
    found = _findings(brief)
    for _line, _code, message in found:
        # Statements with a field error keep their ids: references to them resolve.
        assert "'harbour-declines', but" not in message
        assert "'together', but" not in message
        assert "concludes ''" not in message
    # The misspelt 'suports' is read as 'supports': fleets-moved is connected.
    assert not any("'fleets-moved' is connected to nothing" in m for _, _, m in found)


def test_load_still_refuses_a_brief_with_field_errors(brief: Path) -> None:
    with pytest.raises(BriefError):
        argmap.load(brief)
    result = argmap.read(brief)
    assert result.brief is None and result.partial is not None


def test_a_malformed_source_url_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "url.yaml"
    path.write_text("argmap: 1\nid: url\ntitle: U\nsource: {url: 'https://[half'}\n"
                    "claims:\n  a: {text: A, supports: [b]}\n  b: {text: B}\n", encoding="utf-8")
    done = run("validate", path.name, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "AM304 error: the source URL 'https://[half' is not an http(s) address" in done.stdout
    assert "Traceback" not in done.stderr
