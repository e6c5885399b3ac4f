"""AIF in and out: hand-written AIFdb and OVA3 files give the briefs written beside them, briefs
survive the trip through AIF, and bad input is named, never a crash."""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.convert import ConversionWarning, read_file
from argmap.convert.aif import read_aif
from argmap.convert.aifwrite import write_aif
from argmap.errors import ConversionError

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "convert" / "aif"
BRIEFS = sorted((ROOT / "briefs").glob("*.yaml"))


def _graph(brief: argmap.Brief) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    graph = argmap.ArgumentGraph(brief)
    nodes = {key: node.kind.value for key, node in graph.nodes.items()}
    edges = sorted((e.source, e.target, e.kind.value) for e in graph.edges)
    return nodes, edges


@pytest.mark.parametrize("name", ["aifdb-debate", "ova-school-meals"])
def test_each_fixture_gives_the_brief_written_beside_it(name: str) -> None:
    conversion = read_file(FIXTURES / f"{name}.json")
    expected = argmap.load(FIXTURES / f"{name}.expected.yaml")
    assert conversion.brief == expected


def test_aifdb_locutions_give_speakers_and_their_words() -> None:
    brief = read_file(FIXTURES / "aifdb-debate.json").brief
    costs = brief.statements["the-tram-costs-more-than-the"]
    assert brief.actors[costs.speaker or ""].name == "Tom Hale"
    assert costs.quote == "It costs more than the city can borrow."


def test_linked_premises_and_schemes_and_undercuts_of_arguments() -> None:
    brief = read_file(FIXTURES / "aifdb-debate.json").brief
    (argument_id, argument), = brief.arguments.items()
    assert argument.scheme == "Argument From Expert Opinion"
    assert set(argument.premises) == {"dr-weber-a-transport-planner-says",
                                      "dr-weber-is-an-expert-in"}
    assert brief.objections["dr-weber-is-paid-by-the"].attacks == [argument_id]


def test_ova_text_becomes_the_source_and_quotes_are_found_in_it(tmp_path: Path) -> None:
    conversion = read_file(FIXTURES / "ova-school-meals.json")
    assert conversion.source_text is not None
    assert "<span" not in conversion.source_text
    out = tmp_path / "meals.yaml"
    argmap.convert.write_file(conversion, out)
    assert (tmp_path / "sources" / "meals.txt").read_text() == conversion.source_text
    brief = argmap.load(out)
    assert [d for d in argmap.check(brief) if d.code.startswith("AM3")] == []
    assert all(statement.quote for statement in brief.statements.values())


def test_ova_saves_lose_only_what_is_counted() -> None:
    conversion = read_file(FIXTURES / "ova-school-meals.json")
    assert conversion.losses.groups == {
        "RA nodes without a premise or a conclusion": ["node 10 (RA)"]}


LOSSY = {
    "nodes": [
        {"nodeID": "1", "type": "I", "text": "Trams are quiet."},
        {"nodeID": "2", "type": "I", "text": "Build the tram."},
        {"nodeID": "3", "type": "RA", "text": "Default Inference"},
        {"nodeID": "4", "type": "RA", "text": "Default Inference"},
        {"nodeID": "5", "type": "L", "text": "Ann : Trams are quiet."},
        {"nodeID": "6", "type": "TA", "text": "Default Transition"},
        {"nodeID": "7", "type": "YA", "text": "Arguing"},
        {"nodeID": "8", "type": "XX", "text": "?"},
    ],
    "edges": [
        {"edgeID": "a", "fromID": "1", "toID": "3"}, {"edgeID": "b", "fromID": "3", "toID": "2"},
        {"edgeID": "c", "fromID": "2", "toID": "4"},
        {"edgeID": "d", "fromID": "5", "toID": "6"}, {"edgeID": "e", "fromID": "6", "toID": "7"},
        {"edgeID": "f", "fromID": "7", "toID": "3"},
    ],
}


def test_what_a_brief_cannot_hold_is_counted_not_dropped_silently(tmp_path: Path) -> None:
    losses = read_aif(LOSSY).losses
    assert losses.groups == {
        "nodes of unknown type 'XX'": ["node 8"],
        "RA nodes without a premise or a conclusion": ["node 4 (RA)"],
        "TA nodes (transitions between locutions)": ["node 6"],
        "YA nodes that do not anchor a locution in a statement": ["node 7"],
    }
    path = tmp_path / "lossy.json"
    path.write_text(json.dumps(LOSSY))
    with pytest.warns(ConversionWarning, match="TA nodes"):
        argmap.from_aif(path)
    with pytest.raises(ConversionError, match="cannot be represented"):
        argmap.from_aif(path, strict=True)


@pytest.mark.parametrize("shape", ["aifdb", "ova"])
@pytest.mark.parametrize("path", BRIEFS, ids=[p.stem for p in BRIEFS])
def test_shipped_briefs_come_back_whole_through_aif(path: Path, shape: str) -> None:
    brief = argmap.load(path)
    data, losses = write_aif(brief, shape=shape)
    # AIF has no node for a concession or a question's option: those ride in the extension.
    assert all("kept in the 'argmap' extension" in group for group in losses.groups)
    back = read_aif(json.loads(json.dumps(data)), path="x.json")
    assert back.brief == brief
    assert not back.losses


@pytest.mark.parametrize("path", BRIEFS, ids=[p.stem for p in BRIEFS])
def test_without_argmaps_extension_the_graph_keeps_its_shape(path: Path) -> None:
    """What another AIF tool would give back: no ids, no kinds, only nodes and edges."""
    brief = argmap.load(path)
    data, _ = write_aif(brief)
    plain = _strip_extension(data)
    back = read_aif(plain).brief
    original_nodes, original_edges = _graph(brief)
    # Plain AIF has no node for a question or a concession: those live in the extension only.
    original_nodes = {k: kind for k, kind in original_nodes.items() if kind != "question"}
    original_edges = [e for e in original_edges if e[2] not in ("concedes", "option")]
    nodes, edges = _graph(back)
    assert len(nodes) == len(original_nodes)
    assert Counter(kind for *_, kind in edges) == Counter(kind for *_, kind in original_edges)
    again, _ = write_aif(back)
    assert _type_counts(_strip_extension(again)) == _type_counts(plain)


def _strip_extension(data: dict[str, Any]) -> dict[str, Any]:
    plain = copy.deepcopy(data)
    plain.pop("argmap", None)
    for node in plain["nodes"]:
        node.pop("argmap", None)
    return plain


def _type_counts(data: dict[str, Any]) -> tuple[Counter[str], int]:
    return Counter(node["type"] for node in data["nodes"]), len(data["edges"])


def test_aif_to_brief_to_aif_keeps_every_node_and_edge_it_can_represent() -> None:
    data = json.loads((FIXTURES / "ova-school-meals.json").read_text())["AIF"]
    kept = [n for n in data["nodes"] if n["nodeID"] != 10]  # the RA with no premise
    back, _ = write_aif(read_aif(data).brief)
    assert Counter(n["type"] for n in back["nodes"]) == Counter(n["type"] for n in kept)
    assert len(back["edges"]) == len(data["edges"])


def test_every_written_edge_joins_written_nodes() -> None:
    data, _ = write_aif(argmap.load(BRIEFS[0]))
    ids = {node["nodeID"] for node in data["nodes"]}
    assert all(e["fromID"] in ids and e["toID"] in ids for e in data["edges"])
    assert len(ids) == len(data["nodes"])


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "element", "message"),
    [
        ({"nodes": [{"nodeID": "1", "type": "I"}], "edges": []}, "node 1", "no text"),
        ({"nodes": [{"nodeID": "1", "type": "I", "text": "a"},
                    {"nodeID": "1", "type": "I", "text": "b"}], "edges": []},
         "node 1", "given twice"),
        ({"nodes": [{"nodeID": "1", "type": "I", "text": "a"}],
          "edges": [{"edgeID": "e7", "fromID": "1", "toID": "9"}]}, "edge e7", "does not exist"),
        ({"nodes": [{"nodeID": True, "type": "I", "text": "a"}], "edges": []},
         "nodes[0]", "node id"),
        ({"nodes": "many", "edges": []}, None, "'nodes' must be a list"),
        ({"nodes": [{"nodeID": "4", "text": "a"}], "edges": []}, "node 4", "no 'type'"),
        ({"nodes": [{"nodeID": "5", "type": "I", "text": "a\x00"}], "edges": []},
         "node 5", "NUL"),
        ({"edges": []}, None, "not AIF"),
    ],
)
def test_malformed_aif_names_the_element(document: dict[str, Any], element: str | None,
                                         message: str) -> None:
    with pytest.raises(ConversionError, match=message) as caught:
        read_aif(document, path="map.json")
    assert caught.value.path == "map.json"
    assert caught.value.element == element


def test_json_errors_give_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "map.json"
    bad.write_text('{"nodes": [\n  {"nodeID": 1,,}\n]}')
    with pytest.raises(ConversionError) as caught:
        read_file(bad, fmt="aif")
    assert caught.value.element == "line 2, column 16"


_NODE_TYPES = st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "X", ""])
_IDS = st.one_of(st.integers(0, 6), st.sampled_from(["1", "2", "a", ""]), st.booleans(),
                 st.none())
_VALUES = st.one_of(st.none(), st.text(max_size=8), st.integers(), st.lists(st.integers(),
                                                                            max_size=2))
_NODE = st.fixed_dictionaries(
    {"nodeID": _IDS, "type": _NODE_TYPES},
    optional={"text": st.one_of(st.text(max_size=12), _VALUES), "scheme": _VALUES,
              "argmap": st.one_of(_VALUES, st.fixed_dictionaries(
                  {}, optional={"id": _VALUES, "kind": st.sampled_from(
                      ["claim", "premise", "x", ""]), "tags": _VALUES, "speaker": _VALUES}))},
)
_EDGE = st.fixed_dictionaries({}, optional={"edgeID": _VALUES, "fromID": _IDS, "toID": _IDS})
_DOCUMENT = st.fixed_dictionaries(
    {"nodes": st.one_of(st.lists(_NODE, max_size=10), _VALUES),
     "edges": st.one_of(st.lists(_EDGE, max_size=14), _VALUES)},
    optional={"locutions": st.lists(st.fixed_dictionaries(
        {"nodeID": _IDS, "personID": _IDS}), max_size=3),
        "participants": st.lists(st.fixed_dictionaries(
            {"participantID": _IDS, "firstname": _VALUES, "surname": _VALUES}), max_size=3),
        "argmap": st.one_of(_VALUES, st.fixed_dictionaries(
            {}, optional={"id": _VALUES, "title": _VALUES, "actors": _VALUES}))},
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENT, st.booleans())
def test_random_aif_documents_raise_only_conversion_errors(document: dict[str, Any],
                                                           ova: bool) -> None:
    if ova:
        document = {"AIF": document, "text": {"txt": "<p>a <span id='node1'>b</span></p>"}}
    try:
        conversion = read_aif(document)
    except ConversionError:
        return
    argmap.check(conversion.brief)
    write_aif(conversion.brief)


# --- the round trip of random briefs ----------------------------------------------------------

_POOL = [f"s{i}" for i in range(8)]


@st.composite
def _briefs(draw: st.DrawFn) -> argmap.Brief:
    count = draw(st.integers(1, 8))
    ids = _POOL[:count]
    sections: dict[str, dict[str, Any]] = {"claims": {}, "premises": {}, "objections": {},
                                           "recommendations": {}}
    for key in ids:
        section = draw(st.sampled_from(sorted(sections)))
        others = [i for i in ids if i != key]
        statement: dict[str, Any] = {"text": draw(st.text(min_size=1, max_size=12).filter(
            lambda t: t.strip() and "\x00" not in t and not any(
                "\ud800" <= c <= "\udfff" for c in t)))}
        if others:
            supports = draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
            statement["supports"] = supports
            statement["attacks"] = [target for target in draw(
                st.lists(st.sampled_from(others), max_size=2, unique=True))
                if target not in supports]
        sections[section][key] = statement
    arguments: dict[str, Any] = {}
    if count >= 3 and draw(st.booleans()):
        premises = draw(st.lists(st.sampled_from(ids[1:]), min_size=2, max_size=3, unique=True))
        arguments["a0"] = {"premises": premises, "conclusion": ids[0]}
        if draw(st.booleans()):
            holder = next(s for s in sections.values() if ids[-1] in s)
            holder[ids[-1]].setdefault("attacks", []).append("a0")
    data = {"argmap": 1, "id": "random", "title": "Random", **sections, "arguments": arguments}
    return argmap.Brief.model_validate(data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_briefs(), st.sampled_from(["aifdb", "ova"]))
def test_random_briefs_come_back_with_the_same_graph(brief: argmap.Brief, shape: str) -> None:
    data, _ = write_aif(brief, shape=shape)
    back = read_aif(json.loads(json.dumps(data))).brief
    assert _graph(back) == _graph(brief)
    assert back == brief


# --- the library and the command --------------------------------------------------------------


#: A brief with nothing AIF lacks a node for (no concession, no question).
WHOLE_IN_AIF = ROOT / "tests" / "fixtures" / "valid" / "minimal.yaml"


def test_to_aif_and_from_aif_are_public() -> None:
    brief = argmap.load(WHOLE_IN_AIF)
    assert argmap.from_aif(argmap.to_aif(brief)) == brief
    ova = argmap.to_aif(brief, shape="ova")
    assert set(ova) == {"AIF", "OVA", "text"}


def test_dump_writes_json_to_a_json_file(tmp_path: Path) -> None:
    brief = argmap.load(BRIEFS[0])
    out = tmp_path / "brief.json"
    argmap.dump(brief, out)
    assert json.loads(out.read_text())["id"] == brief.id
    assert argmap.load(out) == brief.model_copy()


def test_a_brief_aif_can_hold_whole_is_converted_without_a_warning() -> None:
    # The suite turns every warning into an error, so a ConversionWarning here would fail.
    argmap.to_aif(argmap.load(WHOLE_IN_AIF))


WEIGHING = ROOT / "tests" / "fixtures" / "valid" / "weighing.yaml"


@pytest.mark.parametrize("shape", ["aifdb", "ova"])
def test_preferences_concessions_undercuts_and_questions_come_back_whole(shape: str) -> None:
    brief = argmap.load(WEIGHING)
    data, losses = write_aif(brief, shape=shape)
    nodes = data["AIF"]["nodes"] if shape == "ova" else data["nodes"]
    kinds = {node["nodeID"]: node["type"] for node in nodes}
    edges = data["AIF"]["edges"] if shape == "ova" else data["edges"]
    assert "PA" in kinds.values()
    # An undercut of a single support or an attack is a CA node aimed at an RA or CA node.
    assert any(kinds[e["fromID"]] == "CA" and kinds[e["toID"]] in ("RA", "CA") for e in edges)
    assert set(losses.groups) == {
        "concessions (AIF has no node for them; kept in the 'argmap' extension only)",
        "'option' relations of questions (kept in the 'argmap' extension only)"}
    assert read_aif(json.loads(json.dumps(data))).brief == brief
