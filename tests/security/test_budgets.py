"""Searches and solvers that could run for minutes on a small hostile brief stop at a budget,
say so, and cost work in proportion to the budget, not to the brief's combinatorics."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import argmap
from argmap import loading
from argmap.analysis import MAX_CHAIN_STEPS, chains, to_framework
from argmap.checks import sources
from argmap.evaluation import dfquad, quadratic_energy
from argmap.evaluation.gradual import DEFAULT_MAX_WORK

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from hostile_inputs import cycles, lattice


def test_a_chain_search_over_premiseless_arguments_stops_at_its_step_budget() -> None:
    brief = argmap.loads(lattice(width=4, depth=12))
    found = chains(brief, "n0-0")
    assert not found.complete
    assert found.steps == MAX_CHAIN_STEPS
    assert list(found) == []


def test_a_small_step_budget_is_kept_and_a_finished_search_says_so() -> None:
    brief = argmap.loads(lattice(width=2, depth=4))
    small = chains(brief, "n0-0", max_steps=5)
    assert not small.complete and small.steps == 5
    full = chains(brief, "n0-0")
    assert full.complete and full.steps < 100


def test_chains_still_come_from_premises_nothing_supports() -> None:
    brief = argmap.loads("""\
argmap: 1
id: c
title: C
claims:
  a: {text: A, supports: [b]}
  b: {text: B, supports: [c]}
  c: {text: C}
  d: {text: D, supports: [c]}
""")
    found = chains(brief, "c")
    assert found.complete
    assert [str(chain) for chain in found] == ["d -> c", "a -> b -> c"]


def test_gradual_semantics_on_many_slow_cycles_stop_at_the_work_budget() -> None:
    framework = to_framework(argmap.loads(cycles(1000)))
    nodes_and_edges = 3000 + 3000
    for semantics in (dfquad, quadratic_energy):
        result = semantics(framework)
        assert not result.converged
        assert result.iterations == DEFAULT_MAX_WORK // (4 * nodes_and_edges)


def test_gradual_semantics_on_a_hundred_cycles_still_settle() -> None:
    framework = to_framework(argmap.loads(cycles(100)))
    for semantics in (dfquad, quadratic_energy):
        result = semantics(framework)
        assert result.converged and result.method == "rk4"


def test_a_brief_beyond_the_entry_limit_is_refused_before_it_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "MAX_ENTRIES", 100)
    lines = ["argmap: 1", "id: many", "title: Many", "claims:"]
    lines += [f"  c-{i}: {{text: C}}" for i in range(101)]
    result = loading.read_text("\n".join(lines) + "\n", path="many.yaml")
    assert result.brief is None
    assert [d.message for d in result.diagnostics] == [
        "the brief has 101 statements, arguments, actors and questions; argmap reads briefs of "
        "up to 100"]


def test_a_source_beyond_the_size_limit_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 1_000)
    (tmp_path / "s.txt").write_text("word " * 300, encoding="utf-8")
    brief = tmp_path / "b.yaml"
    brief.write_text("argmap: 1\nid: b\ntitle: B\nsource: {path: s.txt}\n"
                     "claims:\n  a: {text: A, quote: not there, supports: [b]}\n  b: {text: B}\n",
                     encoding="utf-8")
    found = argmap.check(argmap.load(brief))
    assert [(d.code, d.message) for d in found] == [
        ("AM302", "the source file is 1,500 bytes, larger than the 1,000 argmap reads; quote "
                  "from a copy of the part the brief maps")]
