"""The interactive HTML map in a real, headless Chromium: it opens from a file with no network,
finds, shows, collapses and evaluates, and brief text never runs in it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import argmap

pytestmark = [pytest.mark.browser, pytest.mark.dot]

REPO = Path(__file__).resolve().parents[2]
GEORGIA = REPO / "briefs" / "georgia-russia-dialogue.yaml"


@pytest.fixture(scope="module")
def georgia(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "georgia.html"
    out.write_text(argmap.to_html(argmap.load(GEORGIA)), encoding="utf-8")
    return out


def _panel(page: Any) -> str:
    return str(page.inner_text("#am-panel"))


def test_the_page_opens_from_disk_with_no_request_and_no_console_error(page: Any,
                                                                       georgia: Path) -> None:
    brief = argmap.load(GEORGIA)
    view = page.open(georgia)
    drawn = view.locator(".am-node").count()
    assert drawn == len(brief.statements) + len(brief.arguments) + len(brief.questions)
    assert view.get_attribute("html", "data-argmap-ready") == str(drawn)
    assert page.problems() == []
    assert page.requests == [georgia.resolve().as_uri()]
    # Every relation, options and undercut supports too, is drawn as a line.
    graph = argmap.ArgumentGraph(brief)
    assert view.locator(".am-edges .am-edge").count() == len(graph.edges) + len(graph.undercuts)
    assert view.locator(".am-edges .am-edge:not(:has(path))").count() == 0


def test_search_by_words_and_by_id_moves_to_the_statement(page: Any, georgia: Path) -> None:
    view = page.open(georgia)
    view.fill("#am-q", "magnanimity in VICTORY")
    results = view.locator("#am-results button")
    assert results.count() >= 1
    assert "for Russia to show some flexibility" in results.first.inner_text()
    before = view.get_attribute(".am-nodes >> xpath=..", "transform")
    view.press("#am-q", "Enter")
    assert "it could show magnanimity in victory" in _panel(view)
    assert view.get_attribute(".am-nodes >> xpath=..", "transform") != before
    assert view.evaluate("document.activeElement.dataset.id") == "russia-should-show-magnanimity"

    view.fill("#am-q", "gains-not-jeopardized")
    assert view.locator("#am-results button").count() == 1
    assert view.locator(".am-node.am-match").count() == 1
    view.fill("#am-q", "no such words anywhere")
    assert "Nothing matches" in view.inner_text("#am-results")
    assert page.problems() == []


def test_clicking_a_statement_shows_its_details_quote_in_context_and_relations(
    page: Any, georgia: Path
) -> None:
    view = page.open(georgia)
    view.click('[data-id="gains-not-jeopardized"]')
    text = _panel(view)
    assert "CLAIM" in text.upper()
    assert "Russia can be magnanimous without jeopardizing" in text
    assert "Concessions" in text  # the section
    mark = view.inner_text("#am-panel mark")
    assert mark.startswith("They can do so without jeopardizing")
    quote = view.inner_text("#am-panel blockquote")
    assert quote.index("magnanimity in their victory") < quote.index(mark)  # the sentence before
    assert re.search(r"Line \d+ of georgia-russia-dialogue\.txt", quote)
    line = int(re.search(r"Line (\d+)", quote).group(1))  # type: ignore[union-attr]
    source = (REPO / "briefs" / "sources" / "georgia-russia-dialogue.txt").read_text()
    assert "They can do so without" in source.splitlines()[line - 1]
    # Chains: what it rests on and what it leads to are marked, the rest dimmed.
    assert view.locator(".am-node.am-up").count() >= 1
    assert view.locator(".am-node.am-down").count() >= 1
    assert view.locator(".am-node.am-dim").count() >= 1
    # A relation is a link that moves the map and the panel to the other statement.
    links = view.locator("#am-panel button.am-link")
    assert links.count() >= 2
    target = links.first.get_attribute("data-target")
    links.first.click()
    assert view.locator(f'.am-node.am-sel[data-id="{target}"]').count() == 1
    assert "gains-not-jeopardized" not in _panel(view).split("Supports")[0]
    view.keyboard.press("Escape")
    assert view.locator(".am-node.am-sel").count() == 0
    assert page.problems() == []


def test_collapsing_a_section_hides_exactly_its_statements(page: Any, georgia: Path) -> None:
    brief = argmap.load(GEORGIA)
    members = {key for key, s in brief.statements.items() if s.section == "Obstacles to Dialogue"}
    view = page.open(georgia)
    label = view.locator('.am-cluster-label[aria-label^="Section Obstacles to Dialogue"]')
    label.click()
    assert label.get_attribute("aria-expanded") == "false"
    hidden = set(view.eval_on_selector_all(
        ".am-node.am-hidden", "nodes => nodes.map(n => n.dataset.id)"))
    statements_hidden = hidden & set(brief.statements)
    assert statements_hidden == members
    assert "statements hidden" in (label.text_content() or "")
    # Hidden statements leave the tab order and the drawing; their edges go with them.
    assert view.locator('[data-id="official-dialogue-impossible"]').is_hidden()
    assert view.locator(".am-edge.am-hidden").count() > 0
    label.press("Enter")
    assert view.locator(".am-node.am-hidden").count() == 0


def test_collapsing_what_rests_on_a_statement_keeps_shared_premises(
    page: Any, georgia: Path
) -> None:
    view = page.open(georgia)
    view.click('[data-id="official-dialogue-impossible"]')
    view.click("text=Collapse what rests on this")
    hidden = set(view.eval_on_selector_all(
        ".am-node.am-hidden", "nodes => nodes.map(n => n.dataset.id)"))
    assert "technical-obstacles" in hidden  # supports only this claim
    assert "official-dialogue-impossible" not in hidden
    graph = argmap.ArgumentGraph(argmap.load(GEORGIA))
    for key in hidden:  # everything hidden led only into what is hidden or the statement
        targets = {e.target for e in graph.outgoing(key)}
        assert targets <= hidden | {"official-dialogue-impossible"}, key
    assert "hidden" in (view.text_content('[data-id="official-dialogue-impossible"]') or "")
    view.click("text=Expand what rests on this")
    assert view.locator(".am-node.am-hidden").count() == 0


def test_evaluation_and_semantics_switch_in_the_page(page: Any, georgia: Path) -> None:
    brief = argmap.load(GEORGIA)
    grounded = argmap.evaluate(brief)
    dfquad = argmap.evaluate(brief, "dfquad")
    view = page.open(georgia)
    node = '[data-id="russia-should-show-magnanimity"] .am-verdict'
    assert view.text_content(node) == ""
    view.check("#am-eval")
    word = {"in": "stands", "out": "falls", "undec": "open"}
    assert view.text_content(node) == word[grounded.labels["russia-should-show-magnanimity"]]
    fallen = [k for k, v in grounded.labels.items() if v == "out"]
    assert view.locator(".am-node.v-out").count() == len(fallen)
    view.select_option("#am-semantics", "dfquad")
    strength = dfquad.strengths["russia-should-show-magnanimity"]
    assert view.text_content(node).endswith(f"{strength:.2f}")
    view.click('[data-id="russia-should-show-magnanimity"]')
    assert f"{strength:.2f}" in _panel(view) and "DF-QuAD" in _panel(view)
    assert "falls" in view.inner_text("#am-legend")  # the key explains the marks now shown
    view.uncheck("#am-eval")
    assert view.text_content(node) == ""
    assert page.problems() == []


def test_keyboard_zooms_pans_and_reaches_statements(page: Any, georgia: Path) -> None:
    view = page.open(georgia)
    transform = lambda: view.get_attribute(".am-nodes >> xpath=..", "transform")  # noqa: E731
    scale = lambda: float(re.search(r"scale\(([\d.]+)\)", transform()).group(1))  # noqa: E731
    view.focus(".am-map")
    start = scale()
    view.keyboard.press("+")
    assert scale() > start
    moved = transform()
    view.keyboard.press("ArrowLeft")
    assert transform() != moved
    view.keyboard.press("0")
    assert abs(scale() - start) < 1e-3
    view.keyboard.press("Tab")
    focused = view.evaluate("document.activeElement.getAttribute('role')")
    assert focused == "button"
    label = view.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label and ":" in label
    view.keyboard.press("Enter")
    assert _panel(view).strip() != ""
    # Every statement is a labelled button to assistive technology.
    unlabelled = view.eval_on_selector_all(
        ".am-node", "ns => ns.filter(n => !n.getAttribute('aria-label')).length")
    assert unlabelled == 0


def test_mouse_wheel_zooms_and_drag_pans(page: Any, georgia: Path) -> None:
    view = page.open(georgia)
    transform = lambda: view.get_attribute(".am-nodes >> xpath=..", "transform")  # noqa: E731
    box = view.locator(".am-map").bounding_box()
    view.mouse.move(box["x"] + 20, box["y"] + 20)
    before = transform()
    view.mouse.wheel(0, -300)
    view.wait_for_timeout(50)
    zoomed = transform()
    assert zoomed != before
    view.mouse.down()
    view.mouse.move(box["x"] + 120, box["y"] + 90, steps=5)
    view.mouse.up()
    assert transform() != zoomed
    assert page.problems() == []


HOSTILE_TEXTS = (
    "<script>window.__argmapPwned = 1</script>",
    '<img src=x onerror="window.__argmapPwned = 2">',
    "</script><script>window.__argmapPwned = 3</script>",
    '"><svg onload="window.__argmapPwned = 4">',
    "<!-- <script>window.__argmapPwned = 5</script> -->",
)


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_brief_text_never_runs_and_shows_as_written(
    page: Any, tmp_path: Path, text: str
) -> None:
    import sys

    sys.path.insert(0, str(REPO / "tests" / "render"))
    from render_support import hostile_brief_yaml

    brief = argmap.loads(hostile_brief_yaml(text))
    out = tmp_path / "hostile.html"
    out.write_text(argmap.to_html(brief, evaluate=True), encoding="utf-8")
    view = page.open(out)
    for key in ("the-claim", "the-recommendation", "linked", "the-objection"):
        view.click(f'[data-id="{key}"]', force=True)
    view.fill("#am-q", "script")
    view.keyboard.press("ArrowDown")
    assert view.evaluate("window.__argmapPwned") is None
    assert view.locator("img, iframe, object, embed").count() == 0
    assert text in view.inner_text("h1")
    assert page.requests == [out.resolve().as_uri()]
    assert [p for p in page.problems() if "Content Security Policy" in p] == []


def test_the_notebook_frame_draws_the_map_inside_its_sandbox(page: Any, tmp_path: Path) -> None:
    from argmap.publish.notebook import mimebundle

    frame = mimebundle(argmap.load(GEORGIA), include={"text/html"})["text/html"]
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body><p>cell</p>{frame}{frame}</body></html>",
                    encoding="utf-8")
    page.page.goto(host.as_uri())
    frames = [f for f in page.page.frames if f != page.page.main_frame]
    assert len(frames) == 2
    for inner in frames:  # two maps in one notebook do not clash
        inner.wait_for_selector("[data-argmap-ready]")
        inner.fill("#am-q", "russia-won")
        inner.press("#am-q", "Enter")
        assert "Russia won the war" in inner.inner_text("#am-panel")
    assert page.problems() == []


def test_the_live_preview_reloads_the_page_when_the_brief_is_saved(
    page: Any, tmp_path: Path
) -> None:
    import shutil

    from argmap.serve import Preview

    karasin = REPO / "briefs" / "karasin-abashidze-2014.yaml"
    brief = tmp_path / karasin.name
    shutil.copy(karasin, brief)
    shutil.copytree(REPO / "briefs" / "sources", tmp_path / "sources")
    preview = Preview(brief, echo=lambda line: None, poll_seconds=0.1)
    preview.start(0)
    try:
        view = page.page
        view.goto(preview.url)
        view.wait_for_selector("[data-argmap-ready]")
        view.focus(".am-map")
        view.keyboard.press("+")  # the reader's zoom survives the reload
        zoomed = view.get_attribute(".am-nodes >> xpath=..", "transform")
        text = brief.read_text(encoding="utf-8")
        brief.write_text(text.replace("\ntitle: ", "\ntitle: Saved just now. ", 1),
                         encoding="utf-8")
        view.wait_for_selector("h1:has-text('Saved just now.')", timeout=20_000)
        view.wait_for_selector("[data-argmap-ready]")
        assert view.get_attribute(".am-nodes >> xpath=..", "transform") == zoomed
        brief.write_text(text + "\nclaims: [unclosed\n", encoding="utf-8")
        view.wait_for_selector(".am-banner", timeout=20_000)
        assert "does not load" in view.inner_text(".am-banner")
        assert "AM001" in view.inner_text("#am-diags")
        assert page.problems() == []
    finally:
        preview.stop()


def test_concessions_preferences_undercuts_implicit_statements_and_questions_show(
    page: Any, tmp_path: Path
) -> None:
    brief = argmap.load(REPO / "tests" / "fixtures" / "valid" / "weighing.yaml")
    out = tmp_path / "weighing.html"
    out.write_text(argmap.to_html(brief), encoding="utf-8")
    view = page.open(out)
    assert view.locator(".am-e-undercut").count() == len(argmap.ArgumentGraph(brief).undercuts)
    assert view.locator(".am-node.am-implicit").count() == 1
    assert view.locator(".am-node.am-question").count() == 1
    assert view.locator(".am-e-concedes").count() == 1 and view.locator(".am-e-outweighs").count() == 1
    assert "How can a dialogue get going" in view.inner_text("#am-panel")  # the overview
    view.click('[data-id="price-worth-paying"]')
    panel = _panel(view)
    assert "CONCEDES" in panel.upper() and "Concessions would be claimed as victories." in panel
    view.click('[data-id="trust-is-not-built-by-talk"]')
    panel = _panel(view).upper()
    assert "OUTWEIGHS" in panel and "UNDERCUTS THE RELATION" in panel
    view.click('[data-id="government-withholds-approval"]', force=True)
    assert "(IMPLICIT)" in _panel(view).upper()
    legend = view.inner_text("#am-legend")
    assert "concedes" in legend and "outweighs" in legend and "Question" in legend
    assert page.problems() == []


def test_a_large_map_opens_without_labels_and_draws_them_when_zoomed_in(
    page: Any, tmp_path: Path
) -> None:
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from synthetic import generate

    text, source = generate(400, 3)
    (tmp_path / "brief.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    out = tmp_path / "large.html"
    out.write_text(argmap.to_html(argmap.load(tmp_path / "brief.yaml"), timeout=300),
                   encoding="utf-8")
    view = page.open(out)
    assert view.locator(".am-node").count() >= 400
    assert view.locator(".am-node text").count() == 0  # seen whole: no labels made yet
    found = view.locator(".am-node").nth(5).get_attribute("data-id")
    view.fill("#am-q", found)
    view.press("#am-q", "Enter")  # going to a statement zooms in far enough to read
    assert view.locator(".am-node text").count() > 300
    assert view.locator(f'.am-node.am-sel[data-id="{found}"] text').count() == 1
    assert page.problems() == []
