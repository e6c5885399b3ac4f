"""Every file of the hostile corpus (tests/fixtures/hostile/) gives the outcome cases.toml says."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import Run

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
CASES: list[dict[str, Any]] = tomllib.loads(
    (HOSTILE / "cases.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_hostile_input_gives_its_outcome(case: dict[str, Any], run: Run) -> None:
    ran = run(*case["args"], cwd=HOSTILE)
    assert ran.code == case["exit"], ran.output[-2000:]
    for wanted in case.get("output", []):
        assert wanted in ran.output, (wanted, ran.output[-2000:])
    for unwanted in case.get("absent", []):
        assert unwanted not in ran.output, unwanted


def test_every_corpus_file_has_a_case() -> None:
    named = {arg for case in CASES for arg in case["args"]}
    files = {p.name for p in HOSTILE.iterdir() if p.name not in ("cases.toml", "README.md")}
    assert files <= named, sorted(files - named)
