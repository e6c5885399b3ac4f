"""Rephrases, contrary and contradictory statements: in the graph, in evaluation, in the checks."""

from __future__ import annotations

import argmap

HEAD = "argmap: 1\nid: x\ntitle: X\n"


def _labels(text: str) -> dict[str, str]:
    return dict(argmap.evaluate(argmap.loads(HEAD + text)).labels)


def test_a_rephrase_falls_with_what_it_rephrases() -> None:
    labels = _labels(
        "claims:\n"
        "  finding: {text: The tram cuts traffic.}\n"
        "  restated: {text: Traffic falls with the tram., rephrases: [finding]}\n"
        "objections:\n"
        "  survey: {text: The survey shows no fall., attacks: [finding]}\n")
    assert labels["finding"] == labels["restated"] == "out"


def test_a_rephrase_gives_its_attacks_to_what_it_rephrases() -> None:
    labels = _labels(
        "claims:\n"
        "  target: {text: t}\n"
        "  a: {text: a, attacks: [target]}\n"
        "  b: {text: b, rephrases: [a]}\n"
        "  c: {text: c, attacks: [b]}\n")
    assert labels["a"] == labels["b"] == "out"
    assert labels["target"] == "in"


def test_contrary_statements_leave_each_other_open_until_one_is_attacked() -> None:
    text = ("claims:\n"
            "  dear: {text: The tram costs too much.}\n"
            "  free: {text: The tram costs nothing., contrary: [dear]}\n")
    labels = _labels(text)
    assert labels["dear"] == labels["free"] == "undec"
    labels = _labels(text + "objections:\n  bill: {text: The bill is public., attacks: [free]}\n")
    assert labels["free"] == "out" and labels["dear"] == "in"


def test_contradictory_statements_attack_each_other() -> None:
    labels = _labels("claims:\n  yes: {text: y}\n  no: {text: n, contradicts: [yes]}\n"
                     "premises:\n  proof: {text: p, attacks: [no]}\n")
    assert labels == {"yes": "in", "no": "out", "proof": "in"}


def test_the_graph_keeps_them_apart_from_support_and_attack() -> None:
    graph = argmap.ArgumentGraph(argmap.loads(
        HEAD + "claims:\n  a: {text: a}\n  b: {text: b, rephrases: [a], contrary: [c]}\n"
        "  c: {text: c, contradicts: [a]}\n"))
    assert [(e.source, e.target) for e in graph.equivalences] == [("b", "a")]
    assert sorted((e.source, e.target, e.kind.value) for e in graph.oppositions) == [
        ("b", "c", "contrary"), ("c", "a", "contradicts")]
    assert graph.edges == ()
    assert graph.support_cycles() == []


def test_an_unknown_id_in_rephrases_is_reported_at_its_line() -> None:
    brief = argmap.loads(HEAD + "claims:\n  a: {text: a}\n  b:\n    text: b\n"
                         "    rephrases: [aa]\n")
    found = [d for d in argmap.check(brief) if d.severity.value == "error"]
    assert found and "aa" in found[0].message


SAME_AND_OPPOSED = HEAD + (
    "claims:\n  a: {text: The tram pays for itself.}\n"
    "  b: {text: Fares cover the tram's cost., rephrases: [a], contrary: [c]}\n"
    "  c: {text: The tram loses money every year., contradicts: [a]}\n")


def test_they_come_back_whole_through_aif_and_argdown() -> None:
    import json

    from argmap.convert.aif import read_aif
    from argmap.convert.aifwrite import write_aif
    from argmap.convert.argdown import read_argdown
    from argmap.convert.argdownwrite import write_argdown

    brief = argmap.loads(SAME_AND_OPPOSED)
    data, losses = write_aif(brief)
    assert [n["type"] for n in data["nodes"]].count("MA") == 1
    assert set(losses.groups) == {
        "'contrary' statements (AIF has no node for them; kept in the 'argmap' extension only)",
        "'contradicts' statements (AIF has no node for them; kept in the 'argmap' extension "
        "only)"}
    assert read_aif(json.loads(json.dumps(data))).brief == brief
    text, _ = write_argdown(brief)
    assert "  >< [a]" in text
    assert read_argdown(text).brief == brief
