"""The interactive HTML map as written: one self-contained file whose data cannot break out of
its script element, whose policy allows only its own code, and whose layout is Graphviz's."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from render_support import HOSTILE, REPO, hostile_brief_yaml

import argmap
from argmap.publish.html import layout_data, script_json

GEORGIA = REPO / "briefs" / "georgia-russia-dialogue.yaml"
KARASIN = REPO / "briefs" / "karasin-abashidze-2014.yaml"
DATA = re.compile(r'<script type="application/json" id="argmap-data">(.*?)</script>', re.S)


def _data(page: str) -> dict:
    match = DATA.search(page)
    assert match is not None
    return json.loads(match.group(1))


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_script_json_cannot_close_its_element_and_reads_back() -> None:
    tricky = {"t": "</script><script>alert(1)</script> <!-- & \u2028 -->"}
    text = script_json(tricky)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == tricky


@pytest.mark.dot
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_inside_the_data(text: str) -> None:
    page = argmap.to_html(argmap.loads(hostile_brief_yaml(text)), evaluate=True)
    # Exactly the page's own elements: two scripts, one style, no other tag from the brief.
    assert page.count("<script") == 2 and page.count("</script>") == 2
    tags = set(re.findall(r"<([a-zA-Z][\w-]*)", page.split("<script>", 1)[0]))
    assert tags <= {"html", "head", "meta", "title", "style", "body", "noscript", "p", "script"}
    data = _data(page)
    assert data["title"] == argmap.publish.text.clean(text)


@pytest.mark.dot
def test_the_policy_allows_exactly_the_page_own_script_and_style() -> None:
    page = argmap.to_html(argmap.load(KARASIN))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    rules = dict(part.strip().split(" ", 1) for part in policy.group(1).split(";"))
    script = page.rsplit("<script>", 1)[1].split("</script>", 1)[0]
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert rules["default-src"] == "'none'"
    assert rules["script-src"] == _sha256(script)
    assert rules["style-src"] == _sha256(style)
    assert "unsafe" not in policy.group(1) and "http" not in policy.group(1)
    assert "connect-src" not in rules  # only the live preview may talk to its server
    assert "src=" not in page and "href=" not in page  # nothing to load


@pytest.mark.dot
def test_the_data_holds_every_statement_relation_and_section_of_the_brief() -> None:
    brief = argmap.load(GEORGIA)
    graph = argmap.ArgumentGraph(brief)
    data = layout_data(graph)
    ids = [n["id"] for n in data["nodes"]]
    assert ids == list(graph.nodes)
    assert len(data["edges"]) == len(graph.edges)
    for edge, (source, target, kind, undercut, points) in zip(graph.edges, data["edges"],
                                                              strict=True):
        assert (ids[source], ids[target], kind, undercut) == (
            edge.source, edge.target, edge.kind.value, edge.is_undercut)
        assert len(points) >= 8 and (len(points) - 2) % 6 == 2  # a Bezier path and its end
    width, height = data["size"]
    for node in data["nodes"]:
        x, y, w, h = node["box"]
        assert x - w / 2 >= 0 and x + w / 2 <= width and y - h / 2 >= 0 and y + h / 2 <= height
    sections = {c["title"]: {ids[i] for i in c["members"]} for c in data["clusters"]}
    assert set(sections) == set(brief.sections)
    for title, members in sections.items():
        assert members == {k for k, s in {**brief.statements, **brief.questions}.items()
                           if s.section == title}
    # Every semantics is in the page, in the nodes' order, so the reader can switch.
    for name in ("grounded", "dfquad", "quadratic-energy"):
        result = argmap.evaluate(graph, name)
        assert data["evaluations"][name]["labels"] == [result.labels.get(k) for k in ids]
    assert data["evaluations"]["dfquad"]["strengths"][ids.index("russia-won")] == round(
        argmap.evaluate(graph, "dfquad").strengths["russia-won"], 3)


@pytest.mark.dot
def test_quotes_come_with_their_line_and_the_sentences_around_them() -> None:
    data = layout_data(argmap.load(GEORGIA))
    node = next(n for n in data["nodes"] if n["id"] == "gains-not-jeopardized")
    (quote,) = node["quotes"]
    source = (REPO / "briefs" / "sources" / "georgia-russia-dialogue.txt").read_text()
    assert "They can do so without" in source.splitlines()[quote["line"] - 1]
    assert quote["before"].endswith("victory.") and len(quote["before"]) < 300
    assert "NATO" in quote["after"]  # the next sentence


def test_a_source_outside_the_root_is_not_read_for_context(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("The secret sentence before. Quoted words here. After it.\n")
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "b.yaml").write_text(
        "argmap: 1\nid: b\ntitle: T\nsource: {path: ../secret.txt}\n"
        "claims:\n  c: {text: C, quote: Quoted words here.}\n")
    from argmap.publish.html import _quote_contexts

    brief = argmap.load(folder / "b.yaml")
    contexts = _quote_contexts(brief, argmap.ArgumentGraph(brief), ["c"])
    assert contexts == {"c": [{"text": "Quoted words here."}]}


@pytest.mark.dot
def test_the_page_is_the_same_every_time_and_small_enough_to_mail() -> None:
    brief = argmap.load(GEORGIA)
    first = argmap.to_html(brief)
    assert first == argmap.to_html(argmap.load(GEORGIA))
    assert len(first.encode()) < 250_000
    assert argmap.render(brief, "html") == first.encode()


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=REPO, text=True,
                          capture_output=True, timeout=120, check=False, env=env)


@pytest.mark.dot
def test_render_writes_html_by_suffix_and_checks_it(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    done = _run("render", str(GEORGIA), "-o", str(out), "--evaluate", "--semantics", "dfquad")
    assert done.returncode == 0, done.stderr
    data = _data(out.read_text(encoding="utf-8"))
    assert data["view"] == {"evaluate": True, "semantics": "dfquad"}
    assert data["clusters"]  # grouped by section by default, so sections can collapse
    assert _run("render", str(GEORGIA), "-o", str(out), "--evaluate", "--semantics",
                "dfquad", "--check").returncode == 0
    assert _run("render", str(GEORGIA), "-o", str(out), "--check").returncode == 1


def test_render_html_without_dot_says_how_to_get_one(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path), "ARGMAP_DOT": ""}
    # graphviz-pure (in the test extra) is found through its package, not PATH: hide it too.
    code = ("import argmap.publish.graphviz_exe as g; g._graphviz_pure = lambda: None; "
            "from argmap.cli import main; main()")
    done = subprocess.run([sys.executable, "-c", code, "render", str(KARASIN), "-o",
                           str(tmp_path / "map.html")], cwd=REPO, text=True,
                          capture_output=True, timeout=120, check=False, env=env)
    assert done.returncode == 2
    assert "no Graphviz 'dot' program was found" in done.stderr
    assert "the interactive HTML map needs one" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "map.html").exists()


@pytest.mark.dot
def test_undercuts_of_relations_point_at_the_relation_they_deny() -> None:
    brief = argmap.load(REPO / "tests" / "fixtures" / "valid" / "weighing.yaml")
    graph = argmap.ArgumentGraph(brief)
    data = layout_data(graph)
    ids = [n["id"] for n in data["nodes"]]
    found = {(ids[u], ids[data["edges"][k][0]], ids[data["edges"][k][1]], data["edges"][k][2])
             for u, k in data["undercuts"]}
    assert found == {(e.source, e.relation.source, e.relation.target, e.relation.kind.value)
                     for e in graph.undercuts if e.relation is not None}
    implicit = [n["id"] for n in data["nodes"] if n.get("implicit")]
    assert implicit == ["government-withholds-approval"]
    assert data["questions"][0]["options"] == [ids.index("official-dialogue"),
                                               ids.index("informal-dialogue")]
