"""Cross-check with arguebuf (PyPI), a library that reads AIF: it must load what argmap writes
and see the same nodes and relations. Skipped when arguebuf is not installed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.convert import read_file
from argmap.convert.aifwrite import write_aif

arguebuf = pytest.importorskip("arguebuf")

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = sorted((ROOT / "briefs").glob("*.yaml"))
FIXTURES = ROOT / "tests" / "fixtures" / "convert" / "aif"
_ARGUMENT_TYPES = {"I", "RA", "CA", "MA", "PA"}


def _compare(brief: argmap.Brief) -> None:
    data, _ = write_aif(brief)
    graph = arguebuf.load.aif(data)
    types = Counter(node["type"] for node in data["nodes"])
    assert len(graph.atom_nodes) == types["I"] == len(brief.statements)
    schemes = Counter(type(node.scheme).__name__ for node in graph.scheme_nodes.values())
    assert schemes["Support"] == types["RA"]
    assert schemes["Attack"] == types["CA"]
    assert schemes["Preference"] == types["PA"]
    assert schemes["Rephrase"] == types["MA"]
    kinds = {node["nodeID"]: node["type"] for node in data["nodes"]}
    argument_edges = [e for e in data["edges"]
                      if kinds[e["fromID"]] in _ARGUMENT_TYPES and kinds[e["toID"]] in _ARGUMENT_TYPES]
    assert len(graph.edges) == len(argument_edges)
    texts = sorted(node.plain_text for node in graph.atom_nodes.values())
    assert texts == sorted(statement.text for statement in brief.statements.values())


@pytest.mark.parametrize("path", BRIEFS, ids=[p.stem for p in BRIEFS])
def test_arguebuf_reads_argmaps_aif_of_each_shipped_brief(path: Path) -> None:
    _compare(argmap.load(path))


@pytest.mark.parametrize("name", ["aifdb-debate", "ova-school-meals"])
def test_arguebuf_reads_argmaps_aif_of_each_imported_fixture(name: str) -> None:
    _compare(read_file(FIXTURES / f"{name}.json").brief)


def test_arguebuf_reads_preferences_and_undercuts_of_relations() -> None:
    _compare(argmap.load(ROOT / "tests" / "fixtures" / "valid" / "weighing.yaml"))
