"""The committed JSON Schema: fresh, valid draft 2020-12, accepting every valid brief and
rejecting the structural errors that the loader rejects (AM010, AM011)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from argmap.cli.validate import discover
from argmap.loading import read_text
from argmap.schema import json_schema_text
from argmap.yamlparse import parse

from .ci_support import CI_FIXTURES, ROOT

SCHEMA_FILE = ROOT / "schema" / "brief.schema.json"
_SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _briefs(folder: Path) -> list[Path]:
    # The briefs `argmap validate FOLDER` would find (files that declare 'argmap:').
    return [path for path, _ in discover([folder]) if path.parent == folder]


VALID = [
    *sorted((ROOT / "briefs").glob("*.yaml")),
    *_briefs(ROOT / "tests" / "fixtures" / "valid"),
    *_briefs(CI_FIXTURES / "positive"),
]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _data(text: str, json_syntax: bool = False) -> Any:
    # argmap's own parser (YAML 1.2 core types, as editors use), so the schema sees what the
    # models see.
    parsed = parse(text, json_syntax=json_syntax)
    assert parsed.data is not None, parsed.problems
    return parsed.data


def test_the_committed_schema_is_what_argmap_schema_prints() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "schema/brief.schema.json is stale: run 'argmap schema -o schema/brief.schema.json'"
    )


def test_the_schema_is_draft_2020_12() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_valid_brief_is_accepted(validator: Draft202012Validator, path: Path) -> None:
    data = _data(path.read_text(encoding="utf-8"), json_syntax=path.suffix == ".json")
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_the_valid_corpora_are_not_empty() -> None:
    assert len(VALID) >= 6


GOOD = """\
argmap: 1
id: b
title: T
actors: {a: {name: A}}
premises:
  p: {text: P., supports: [r]}
recommendations:
  r: {text: R., addressee: a}
"""

# Each replaces one line of GOOD (or adds lines) with a structural error the loader reports as
# AM010 or AM011.
STRUCTURAL_ERRORS = {
    "missing-title": GOOD.replace("title: T\n", ""),
    "missing-version": GOOD.replace("argmap: 1\n", ""),
    "wrong-version": GOOD.replace("argmap: 1", "argmap: 2"),
    "statement-as-text": GOOD.replace("p: {text: P., supports: [r]}", "p: P."),
    "statement-without-text": GOOD.replace("p: {text: P., supports: [r]}", "p: {supports: [r]}"),
    "empty-text": GOOD.replace("{text: P.,", "{text: '',"),
    "text-not-text": GOOD.replace("{text: P.,", "{text: [P],"),
    "supports-not-a-list": GOOD.replace("supports: [r]", "supports: r"),
    "unknown-statement-key": GOOD.replace("supports: [r]", "suports: [r]"),
    "unknown-top-level-key": GOOD + "claimz: {}\n",
    "unknown-actor-key": GOOD.replace("{name: A}", "{name: A, rank: 1}"),
    "actor-without-name": GOOD.replace("{name: A}", "{role: B}"),
    "bad-likelihood": GOOD.replace("{text: P.,", "{text: P., likelihood: probable,"),
    "bad-confidence": GOOD.replace("{text: P.,", "{text: P., confidence: total,"),
    "base-score-above-one": GOOD.replace("{text: P.,", "{text: P., base_score: 1.5,"),
    "argument-without-conclusion": GOOD + "arguments:\n  g: {premises: [p, p]}\n",
    "addressee-a-number": GOOD.replace("addressee: a", "addressee: 7"),
    "actors-a-list": GOOD.replace("actors: {a: {name: A}}", "actors: [a]"),
    "source-unknown-key": GOOD + "source: {file: x.txt}\n",
    "expect-unknown-verdict": GOOD + "expect: {wins: [r]}\n",
}


@pytest.mark.parametrize("name", list(STRUCTURAL_ERRORS))
def test_a_structural_error_is_rejected_by_the_schema_and_by_the_loader(
    validator: Draft202012Validator, name: str
) -> None:
    text = STRUCTURAL_ERRORS[name]
    assert text != GOOD
    assert list(validator.iter_errors(_data(text))), "the schema accepts it"
    loaded = read_text(text)
    assert {d.code for d in loaded.diagnostics} & {"AM010", "AM011"}, loaded.diagnostics


def test_the_brief_the_errors_are_made_from_is_itself_accepted(
    validator: Draft202012Validator,
) -> None:
    assert list(validator.iter_errors(_data(GOOD))) == []
    assert read_text(GOOD).ok


@pytest.mark.parametrize("path", sorted((ROOT / "briefs").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_briefs_point_editors_at_the_committed_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = _SCHEMA_LINE.match(first)
    assert match, f"{path.name} does not start with a yaml-language-server $schema line"
    assert (path.parent / match.group(1)).resolve() == SCHEMA_FILE.resolve()
