"""Acceptance over the fixture corpora: valid briefs are clean, invalid ones give exactly the
diagnostics declared in their ``# expect: CODE LINE`` header comments."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.checking import check
from argmap.loading import read

FIXTURES = Path(__file__).parent / "fixtures"
VALID = sorted(p for p in (FIXTURES / "valid").iterdir() if p.suffix in (".yaml", ".json"))
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
_EXPECT = re.compile(rb"^# expect: (AM\d{3}) (\d+)$", re.MULTILINE)


def _diagnostics(path: Path) -> list[argmap.Diagnostic]:
    result = read(path)
    found = list(result.diagnostics)
    if result.brief is not None:
        found.extend(check(result.brief))
    return found


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixture_gives_no_diagnostics(path: Path) -> None:
    assert _diagnostics(path) == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_gives_exactly_its_declared_diagnostics(path: Path) -> None:
    expected = Counter(
        (code.decode(), int(line)) for code, line in _EXPECT.findall(path.read_bytes())
    )
    assert expected, f"{path.name} declares no '# expect:' lines"
    found = Counter((d.code, d.line) for d in _diagnostics(path))
    assert found == expected


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_every_invalid_diagnostic_names_the_file_and_a_position(path: Path) -> None:
    for diagnostic in _diagnostics(path):
        assert diagnostic.path == str(path)
        assert diagnostic.line is not None and diagnostic.line >= 1
        assert diagnostic.column is not None and diagnostic.column >= 1
        assert diagnostic.message


def test_the_json_twin_of_a_yaml_brief_loads_to_the_same_statements() -> None:
    yaml_brief = argmap.load(FIXTURES / "valid" / "minimal.yaml")
    json_brief = argmap.load(FIXTURES / "valid" / "minimal-json.json")
    assert json_brief.statements == yaml_brief.statements
    assert json_brief.arguments == yaml_brief.arguments
