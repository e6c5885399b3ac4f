"""The Mermaid argmap writes, read by Mermaid itself: npm's ``mermaid`` (tools/node, installed
by ``npm ci --prefix tools/node``) in the system's Chromium, driven by Playwright.

Every diagram must parse and render; each label must show exactly the lines argmap wrapped it
into (Mermaid wrapping them again read "Make 30 km/h the default / limit / on ..."); the title and
the legend must be drawn; and no brief text may add markup to the picture.
"""

from __future__ import annotations

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
