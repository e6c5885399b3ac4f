"""Every label of a rendered map fits inside its box, with system Graphviz and with graphviz-pure
(what ``pip install 'argmap[dot]'`` installs).

graphviz-pure sizes boxes from font metrics built into it, and knows none for a list of font
names such as "Helvetica,Arial,sans-serif": it fell back to Times, whose letters are narrower
than the Helvetica a viewer draws, so text ran past the box edges ("The West should not pres").
The SVG is measured where a person sees it: in Chromium, each text's drawn box against its
node's shape.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from newuser.cli_support import BRIEFS

import argmap
from argmap.publish.graphviz_exe import _graphviz_pure

from .browser_support import browser_problem

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(browser_problem() is not None, reason=str(browser_problem())),
]

ENGINES = {"graphviz": shutil.which("dot"), "graphviz-pure": _graphviz_pure()}

# Per node: the shape's box and the union of its texts' drawn boxes, in SVG user units.
_MEASURE = """() => {
  const out = [];
  for (const node of document.querySelectorAll('g.node')) {
    const shape = node.querySelector('polygon, path, ellipse');
    if (!shape) continue;
    const s = shape.getBBox();
    // A point (the key's "a relation") has no room inside: its label stands beside it.
    if (s.width < 10 && s.height < 10) continue;
    for (const text of node.querySelectorAll('text')) {
      const t = text.getBBox();
      if (t.width === 0) continue;
      out.push({node: node.querySelector('title')?.textContent, text: text.textContent,
                left: t.x - s.x, right: (s.x + s.width) - (t.x + t.width),
                top: t.y - s.y, bottom: (s.y + s.height) - (t.y + t.height)});
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def map_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    yield context.new_page()
    context.close()


def _overflows(page: Any, svg: bytes, tmp_path: Path) -> list[str]:
    file = tmp_path / "map.svg"
    file.write_bytes(svg)
    page.goto(file.as_uri())
    measured = page.evaluate(_MEASURE)
    assert measured, "no labelled nodes in the SVG"
    return [f"{m['node']}: {m['text']!r} sticks out by "
            f"{-min(m['left'], m['right'], m['top'], m['bottom']):.1f}"
            for m in measured if min(m["left"], m["right"], m["top"], m["bottom"]) < 0]


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("options", [{}, {"group": "section"}, {"width": 20}], ids=str)
@pytest.mark.parametrize("path", sorted(BRIEFS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_label_fits_its_box(
    map_page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, path: Path,
    options: dict[str, Any],
) -> None:
    program = ENGINES[engine]
    if program is None:
        pytest.skip(f"{engine} is not installed")
    monkeypatch.setenv("ARGMAP_DOT", program)
    svg = argmap.render(argmap.load(path), "svg", **options)
    assert _overflows(map_page, svg, tmp_path) == []


def test_non_ascii_text_fits_too(
    map_page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = ENGINES["graphviz-pure"] or ENGINES["graphviz"]
    if program is None:
        pytest.skip("no dot program")
    monkeypatch.setenv("ARGMAP_DOT", program)
    brief = argmap.loads(
        "argmap: 1\nid: u\ntitle: Ünïcödé\nactors: {c: {name: Ääkkösten Välttämätön Virasto}}\n"
        "premises:\n  p: {text: “Quoted” — ‘words’ … éèêë ÀÁÂÃ ßüöä → ÆØÅ, supports: [r]}\n"
        "recommendations:\n  r: {text: Ménage à trois — naïve café’s “façade”, addressee: c}\n"
    )
    assert _overflows(map_page, argmap.render(brief, "svg"), tmp_path) == []
