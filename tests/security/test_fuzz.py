"""The library's promise, under fuzzing: whatever text a brief holds, ``loads`` returns a brief or
raises :class:`~argmap.BriefError`, and nothing after it raises at all: ``check``, ``dumps`` (which
``loads`` reads back equal), ``to_dot``, ``to_mermaid``, ``to_markdown``, ``chains``, ``diff`` and
``evaluate`` under every semantics.

The inputs are the shipped briefs, the valid fixtures and the hostile corpus, mutated with the
pieces of text that once broke argmap, and briefs generated as JSON structures. The normal suite
runs a small budget; for a longer run::

    ARGMAP_FUZZ_EXAMPLES=5000 python -m pytest tests/security/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis import chains, evaluate
from argmap.diff import diff
from argmap.diff import to_markdown as diff_markdown
from argmap.diff import to_text as diff_text
from argmap.errors import BriefError
from argmap.evaluation import SEMANTICS
from argmap.graph import NodeKind
from argmap.publish import to_dot, to_markdown, to_mermaid

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "40"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _seeds() -> list[tuple[str, bool]]:
    files = [*sorted((ROOT / "briefs").glob("*.yaml")),
             *sorted((ROOT / "tests" / "fixtures" / "valid").glob("*.yaml")),
             *sorted((ROOT / "tests" / "fixtures" / "hostile").glob("*.json")),
             *sorted(p for p in (ROOT / "tests" / "fixtures" / "hostile").glob("*.yaml")
                     if p.stat().st_size < 8_000)]
    return [(p.read_text(encoding="utf-8"), p.suffix == ".json") for p in files]


SEEDS = _seeds()
PIECES = [
    "\n", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "'", '"', "#", "  ", "? ", "|\n",
    "supports: [", "attacks: [", "premises: [", "conclusion: ", "undercuts: [", "concedes: [",
    "outweighs: [", "base_score: ", ".nan", ".inf", "-1", "1e999", "9" * 1200, "0x" + "f" * 900,
    "0o" + "7" * 1200, "!!float ", "!!int ", "!!str ", "true", "null", "~", "\\ud800", "\\u0000",
    "\\e[31m", "\x85", "\u202e", "\ufeff", "<script>", "https://evil.example", "a@b.example",
    "`", "|", "\\", "%", "&amp;", "${x}", "{{ 7*7 }}", "source: {path: ../../x}",
    "source: {url: 'http://[x'}", "questions: {q: {text: Q, options: [a]}}", "implicit: true",
]


def _exercise(text: str, json_syntax: bool) -> None:
    try:
        brief = argmap.loads(text, path="fuzz", json_syntax=json_syntax)
    except BriefError:
        return
    argmap.check(brief)
    dumped = argmap.dumps(brief)
    assert argmap.loads(dumped) == brief
    to_dot(brief)
    to_dot(brief, group="section", direction="LR")
    to_mermaid(brief)
    evaluations = [evaluate(brief, name) for name in SEMANTICS]
    to_markdown(brief, evaluation=evaluations[1], diagram=True)
    graph = argmap.ArgumentGraph(brief)
    for node in graph.nodes.values():
        if node.kind is NodeKind.RECOMMENDATION:
            chains(graph, node.id, max_steps=2_000)
    change = diff(brief, brief)
    diff_text(change)
    diff_markdown(change, title=brief.title)


@SETTINGS
@given(
    st.sampled_from(range(len(SEEDS))),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 8), st.sampled_from(PIECES)),
             max_size=6),
)
def test_mutated_briefs_keep_the_promise(seed: int, edits: list[tuple[int, int, str]]) -> None:
    text, json_syntax = SEEDS[seed]
    for at, cut, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut:]
    _exercise(text, json_syntax)


_ids = st.sampled_from(["a", "b", "c", "d", "a b", "a\tb", "<x>", "x`y", "1", "ü", "\x1b[1m",
                        "\ud800", ""])
_numbers = st.one_of(st.integers(-10**1200, 10**1200), st.floats(allow_nan=True),
                     st.just(float("inf")))
_scalars = st.one_of(st.none(), st.booleans(), _numbers, st.text(max_size=12), _ids)
_statement = st.fixed_dictionaries(
    {"text": st.one_of(st.text(max_size=12), _scalars)},
    optional={
        "supports": st.lists(_ids, max_size=3),
        "attacks": st.lists(st.one_of(_ids, _scalars), max_size=3),
        "quote": st.one_of(st.text(max_size=10), st.lists(st.text(max_size=5), max_size=2)),
        "base_score": _numbers,
        "undercuts": st.lists(st.one_of(_ids, st.fixed_dictionaries(
            {"support": _ids, "to": _ids})), max_size=2),
        "concedes": st.lists(_ids, max_size=2),
        "outweighs": st.lists(_ids, max_size=2),
        "implicit": st.booleans(),
    },
)
_briefs = st.fixed_dictionaries(
    {"argmap": st.one_of(st.just(1), _scalars), "id": _ids, "title": st.text(max_size=12)},
    optional={
        "claims": st.dictionaries(_ids, _statement, max_size=4),
        "premises": st.dictionaries(_ids, _statement, max_size=3),
        "objections": st.dictionaries(_ids, _statement, max_size=3),
        "recommendations": st.dictionaries(_ids, _statement, max_size=2),
        "arguments": st.dictionaries(_ids, st.fixed_dictionaries(
            {"premises": st.lists(_ids, max_size=3), "conclusion": _ids}), max_size=2),
        "source": st.fixed_dictionaries({}, optional={"path": st.text(max_size=8),
                                                      "url": st.text(max_size=12)}),
        "date": _scalars,
    },
)


@SETTINGS
@given(_briefs)
def test_generated_structures_keep_the_promise(data: dict[str, Any]) -> None:
    try:
        text = json.dumps(data)
    except (ValueError, UnicodeEncodeError):  # pragma: no cover - json writes what it reads
        return
    _exercise(text, True)
