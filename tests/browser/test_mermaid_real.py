"""The Mermaid argmap writes, read by Mermaid itself: npm's ``mermaid`` (tools/node, installed
by ``npm ci --prefix tools/node``) in the system's Chromium, driven by Playwright.

Every diagram must parse and render; each label must show exactly the lines argmap wrapped it
into (Mermaid wrapping them again read "Make 30 km/h the default / limit / on ..."); the title and
the legend must be drawn; and no brief text may add markup to the picture.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from newuser.cli_support import BRIEFS, ROOT
from newuser.cli_support import argmap as run

import argmap

from .browser_support import browser_problem

MERMAID_JS = ROOT / "tools" / "node" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(browser_problem() is not None, reason=str(browser_problem())),
    pytest.mark.skipif(not MERMAID_JS.is_file(),
                       reason="npm's mermaid is not installed (npm ci --prefix tools/node)"),
]

# For each label: the lines argmap wrote, and the lines the browser shows (text boxes by top).
_RENDER = r"""async (text) => {
  try { await mermaid.parse(text); } catch (error) { return {error: String(error)}; }
  const name = 'm' + Math.random().toString(36).slice(2);
  const {svg} = await mermaid.render(name, text);
  const holder = document.createElement('div');
  holder.innerHTML = svg;
  document.body.appendChild(holder);
  const labels = [];
  for (const label of holder.querySelectorAll('.nodeLabel')) {
    const tops = new Set();
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(walker.currentNode);
      for (const box of range.getClientRects()) if (box.width > 0) tops.add(Math.round(box.top));
    }
    labels.push({text: label.textContent, breaks: label.querySelectorAll('br').length,
                 shown: tops.size});
  }
  const title = holder.querySelector('.flowchartTitleText');
  const result = {labels, title: title ? title.textContent : null,
                  markup: Array.from(holder.querySelectorAll('script, img, a, iframe, b'))
                               .map(e => e.tagName)
                               .concat(Array.from(holder.querySelectorAll('*'))
                                 .flatMap(e => Array.from(e.attributes))
                                 .filter(a => /^\s*javascript:/i.test(a.value) || /^on/i.test(a.name))
                                 .map(a => a.name)),
                  svg};
  holder.remove();
  return result;
}"""


@pytest.fixture(scope="module")
def mermaid_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(content=MERMAID_JS.read_text(encoding="utf-8"))
    page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
    yield page
    context.close()


def _render(page: Any, text: str) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(_RENDER, text)
    assert "error" not in result, result.get("error")
    return result


SHIPPED = sorted(BRIEFS.glob("*.yaml"))
VARIANTS: list[dict[str, Any]] = [
    {}, {"group": "section"}, {"direction": "LR"}, {"width": 20}, {"legend": False},
    {"title": ""},
]


@pytest.mark.parametrize("options", VARIANTS, ids=str)
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_mermaid_reads_every_map_and_wraps_no_label_again(
    mermaid_page: Any, path: Path, options: dict[str, Any]
) -> None:
    brief = argmap.load(path)
    result = _render(mermaid_page, argmap.to_mermaid(brief, **options))
    assert result["labels"], "no labels drawn"
    # A relation's undercut is drawn through a point, whose label is empty: nothing to wrap.
    rewrapped = [label["text"] for label in result["labels"]
                 if label["text"] and label["shown"] != label["breaks"] + 1]
    assert rewrapped == []
    expected_title = None if options.get("title") == "" else brief.title
    assert result["title"] == expected_title
    has_legend = any(label["text"] == "Legend" for label in result["labels"])
    assert has_legend == options.get("legend", True)


def test_the_cli_writes_a_title_and_a_legend(mermaid_page: Any, tmp_path: Path) -> None:
    out = tmp_path / "map.mmd"
    done = run("render", str(BRIEFS / "karasin-abashidze-2014.yaml"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    result = _render(mermaid_page, out.read_text(encoding="utf-8"))
    assert result["title"] == argmap.load(BRIEFS / "karasin-abashidze-2014.yaml").title
    assert any(label["text"] == "Legend" for label in result["labels"])


def test_the_diagram_in_a_summary_parses(mermaid_page: Any, tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    done = run("summary", str(BRIEFS / "georgia-russia-dialogue.yaml"), "-o", str(out),
               "--diagram")
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    block = text.split("```mermaid\n", 1)[1].split("```", 1)[0]
    result = _render(mermaid_page, block)
    assert result["title"] is None  # the summary's heading is the title
    assert all(label["shown"] == label["breaks"] + 1 for label in result["labels"]
               if label["text"])


HOSTILE = [
    'end "quoted" <b>bold</b> <img src=x onerror=alert(1)> & #amp; %%{init: {}}%% `code`',
    "---\nconfig: {theme: dark}\n---",
    "A --> B; click A href \"javascript:alert(1)\"",
    "subgraph x [y]\nend",
    "Ünïcödé — “quotes” ‘single’ …",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_brief_text_cannot_break_or_mark_up_the_diagram(mermaid_page: Any, text: str) -> None:
    brief = argmap.loads(
        "argmap: 1\nid: hostile\ntitle: T\nactors: {c: {name: C}}\n"
        "premises:\n  p: {text: P, supports: [r]}\n"
        "recommendations:\n  r: {text: R, addressee: c}\n"
    )
    brief = brief.model_copy(update={"title": text})
    statement = brief.premises["p"].model_copy(update={"text": text})
    brief = brief.model_copy(update={"premises": {"p": statement}})
    mermaid = argmap.to_mermaid(brief)
    result = _render(mermaid_page, mermaid)
    # Only argmap's own <b> (around addressees) may be there: brief text adds no element.
    assert result["markup"] == ["B"] * mermaid.split("\nflowchart ", 1)[1].count("<b>")
    shown = [label["text"] for label in result["labels"]]
    # The statement reads as written (the lines joined, spaces aside).
    assert "".join(text.split()) in ["".join(s.split()) for s in shown]
    # As written, but for look-alikes of '&' and '<', which Mermaid would read as HTML.
    assert result["title"] == " ".join(text.split()).replace("&", "\uff06").replace("<", "\u2039")


# --- large maps: the pieces packed, the legend small and true ----------------------------------

# The drawing's size, the legend's box, and where each label is drawn (its centre).
_MEASURE = r"""async (text) => {
  const name = 'm' + Math.random().toString(36).slice(2);
  const {svg} = await mermaid.render(name, text);
  const holder = document.createElement('div');
  holder.innerHTML = svg;
  document.body.appendChild(holder);
  const box = holder.querySelector('svg').viewBox.baseVal;
  let legend = null;
  for (const cluster of holder.querySelectorAll('g.cluster')) {
    if (cluster.querySelector('.cluster-label, .nodeLabel')?.textContent.trim() === 'Legend') {
      const b = cluster.getBBox();
      legend = {width: b.width, height: b.height,
                labels: Array.from(holder.querySelectorAll('.nodeLabel, .edgeLabel'))
                  .filter(e => !e.querySelector('.nodeLabel, .edgeLabel'))  // the innermost
                  .filter(e => { const r = e.getBoundingClientRect();
                                 const c = cluster.getBoundingClientRect();
                                 return r.width > 0 && r.left >= c.left && r.right <= c.right
                                        && r.top >= c.top && r.bottom <= c.bottom; })
                  .map(e => e.textContent.trim()).filter(t => t && t !== 'Legend')};
    }
  }
  const labels = Array.from(holder.querySelectorAll('.nodeLabel')).map(e => {
    const r = e.getBoundingClientRect();
    return {text: e.textContent, x: r.left + r.width / 2, y: r.top + r.height / 2};
  });
  holder.remove();
  return {width: box.width, height: box.height, legend, labels};
}"""


def _measure(page: Any, text: str) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(_MEASURE, text)
    return result


def _loose_brief(loose: int, *, section: str | None = None, chains: int = 4) -> argmap.Brief:
    """``loose`` claims that nothing connects and ``chains`` chains of two premises, an objection
    to the first, and a recommendation."""
    where = f", section: {section}" if section else ""
    lines = ["argmap: 1", "id: loose", "title: Loose", "actors: {gov: {name: Government}}"]
    if section:
        lines.append(f"sections: [{section}]")
    lines.append("claims:")
    lines += [f"  c{i}: {{text: Unconnected claim number {i} that nothing supports or attacks"
              f"{where}}}" for i in range(loose)]
    lines.append("premises:")
    for k in range(chains):
        lines.append(f"  p{k}a: {{text: First premise of chain {k}, supports: [p{k}b]{where}}}")
        lines.append(f"  p{k}b: {{text: Second premise of chain {k}, supports: [r{k}]{where}}}")
    lines.append("objections:")
    lines.append(f"  o0: {{text: An objection to the first chain, attacks: [p0b]{where}}}")
    lines.append("recommendations:")
    lines += [f"  r{k}: {{text: Recommendation ending chain {k}, addressee: gov{where}}}"
              for k in range(chains)]
    return argmap.loads("\n".join(lines) + "\n")


@pytest.mark.parametrize("options", [{}, {"direction": "LR"}, {"direction": "TB"},
                                     {"group": "section"}], ids=str)
def test_sixty_loose_statements_make_a_square_not_a_row(
    mermaid_page: Any, options: dict[str, Any]
) -> None:
    brief = _loose_brief(60, section="Findings" if options.get("group") else None)
    size = _measure(mermaid_page, argmap.to_mermaid(brief, **options))
    # One row (or in LR one column) of sixty boxes was some 28 times wider than high.
    assert 0.5 < size["width"] / size["height"] < 2, size
    assert max(size["width"], size["height"]) < 4000, size


def test_packed_statements_keep_the_brief_order_from_the_top(mermaid_page: Any) -> None:
    labels = _measure(mermaid_page, argmap.to_mermaid(_loose_brief(20), legend=False))["labels"]
    where = {int(found.group(1)): (label["x"], label["y"]) for label in labels
             if (found := re.match(r"Unconnected claim number (\d+)", label["text"]))}
    first, second, last = (where[i] for i in (0, 1, 19))
    assert first[1] < second[1]  # the next one is below it, in the same column
    assert abs(first[0] - second[0]) < 5
    assert last[0] > first[0]  # and the last in a later column


def test_the_legend_lists_only_what_the_picture_holds(mermaid_page: Any) -> None:
    brief = argmap.loads(
        "argmap: 1\nid: small\ntitle: Small\n"
        "premises:\n  p: {text: A premise, supports: [r]}\n"
        "recommendations:\n  r: {text: A recommendation}\n"
    )
    legend = _measure(mermaid_page, argmap.to_mermaid(brief))["legend"]
    assert legend is not None
    assert sorted(legend["labels"]) == ["Premise", "Recommendation", "supports"]


def test_the_legend_of_a_shipped_map_is_a_few_short_rows(mermaid_page: Any) -> None:
    for path in SHIPPED:
        size = _measure(mermaid_page, argmap.to_mermaid(argmap.load(path)))
        legend = size["legend"]
        assert legend is not None
        # Before, a tall box of samples linked to each other: 387 x 659 for the Karasin map.
        assert legend["height"] < 0.4 * legend["width"], (path.name, legend)
        assert legend["height"] < 0.2 * size["height"], (path.name, legend, size["height"])


def test_brief_text_cannot_break_or_mark_up_a_packed_diagram(mermaid_page: Any) -> None:
    claims = "\n".join(f"  c{i}: {{text: {json.dumps(text)}}}"
                       for i, text in enumerate(HOSTILE * 2))
    brief = argmap.loads(f"argmap: 1\nid: hostile\ntitle: T\nclaims:\n{claims}\n"
                         "premises:\n  p: {text: P, supports: [c0]}\n")
    mermaid = argmap.to_mermaid(brief)
    assert re.search(r"^    n\d+ ~~~ n\d+$", mermaid, re.M)  # packed by invisible links
    result = _render(mermaid_page, mermaid)
    assert result["markup"] == []
    shown = ["".join(label["text"].split()) for label in result["labels"]]
    for text in HOSTILE:
        assert shown.count("".join(text.split())) == 2
