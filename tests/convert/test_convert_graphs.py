"""The graph for analysis: networkx, GraphML and Cytoscape JSON, read back by networkx."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.convert.graphs import to_cytoscape, to_graphml

networkx = pytest.importorskip("networkx")

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = sorted((ROOT / "briefs").glob("*.yaml"))


def _expected(brief: argmap.Brief) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    graph = argmap.ArgumentGraph(brief)
    return ({key: node.kind.value for key, node in graph.nodes.items()},
            sorted((e.source, e.target, e.kind.value) for e in graph.edges))


@pytest.mark.parametrize("path", BRIEFS, ids=[p.stem for p in BRIEFS])
def test_to_networkx_has_every_node_and_relation(path: Path) -> None:
    brief = argmap.load(path)
    graph = argmap.to_networkx(brief)
    nodes, edges = _expected(brief)
    assert {key: data["kind"] for key, data in graph.nodes(data=True)} == nodes
    assert sorted((s, t, d["kind"]) for s, t, d in graph.edges(data=True)) == edges
    assert graph.graph["title"] == brief.title


@pytest.mark.parametrize("path", BRIEFS, ids=[p.stem for p in BRIEFS])
def test_graphml_reads_back_in_networkx(path: Path, tmp_path: Path) -> None:
    brief = argmap.load(path)
    out = tmp_path / "map.graphml"
    out.write_text(to_graphml(brief), encoding="utf-8")
    graph = networkx.read_graphml(out, force_multigraph=True)
    nodes, edges = _expected(brief)
    assert {key: data["kind"] for key, data in graph.nodes(data=True)} == nodes
    assert sorted((s, t, d["kind"]) for s, t, d in graph.edges(data=True)) == edges
    texts = {key: data["text"] for key, data in graph.nodes(data=True)}
    assert texts == {key: node.text for key, node in argmap.ArgumentGraph(brief).nodes.items()}


def test_graphml_survives_text_xml_cannot_hold(tmp_path: Path) -> None:
    brief = argmap.loads(
        'argmap: 1\nid: x\ntitle: "<x> & \\"y\\""\nclaims:\n'
        '  a: {text: "a <b> & c \\u0001 ]]> \\"q\\"", tags: ["<t>"]}\n'
        '  b: {text: b, attacks: [a]}\n')
    out = tmp_path / "map.graphml"
    out.write_text(to_graphml(brief), encoding="utf-8")
    graph = networkx.read_graphml(out)
    assert graph.nodes["a"]["text"] == "a <b> & c \ufffd ]]> \"q\""
    assert graph.nodes["a"]["tags"] == "<t>"


@pytest.mark.parametrize("path", BRIEFS, ids=[p.stem for p in BRIEFS])
def test_cytoscape_json_reads_back_in_networkx(path: Path) -> None:
    brief = argmap.load(path)
    data = json.loads(json.dumps(to_cytoscape(brief)))
    graph = networkx.cytoscape_graph(data)
    nodes, edges = _expected(brief)
    assert {key: d["kind"] for key, d in graph.nodes(data=True)} == nodes
    assert sorted((s, t, d["kind"]) for s, t, d in graph.edges(data=True)) == edges


def test_undercuts_are_marked(tmp_path: Path) -> None:
    brief = argmap.loads(
        "argmap: 1\nid: x\ntitle: X\nclaims:\n  c: {text: c}\n"
        "premises:\n  p: {text: p}\n  q: {text: q}\n"
        "objections:\n  o: {text: o, attacks: [arg]}\n"
        "arguments:\n  arg: {premises: [p, q], conclusion: c}\n")
    graph = argmap.to_networkx(brief)
    assert graph.edges["o", "arg", "attack"]["undercut"] is True
    assert graph.edges["p", "arg", "premise"]["undercut"] is False


def test_the_command_writes_graphml_and_cytoscape(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from argmap.cli import app

    runner = CliRunner()
    for name in ("map.graphml", "map.cyjs"):
        result = runner.invoke(app, ["convert", str(BRIEFS[0]), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert networkx.read_graphml(tmp_path / "map.graphml").number_of_nodes() > 0
    assert json.loads((tmp_path / "map.cyjs").read_text())["elements"]["nodes"]
    result = runner.invoke(app, ["convert", str(tmp_path / "map.graphml"), "-o",
                                 str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert "argmap writes GraphML and Cytoscape JSON but does not read them" in result.output
