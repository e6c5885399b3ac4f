"""Screenshots of the interactive HTML map for the README and the docs.

    python tools/screenshots.py [OUT_FOLDER]        (default: docs/images)

Renders the shipped Georgia brief to HTML, opens it in the system's headless Chromium (through
the browser tests' own launcher), and photographs three states: the whole map, a statement
chosen by search with its panel and chains, and the map evaluated under DF-QuAD with a section
collapsed. Look at every picture before committing it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))

from browser_support import browser_problem, launch  # noqa: E402

import argmap  # noqa: E402


def main(out: Path) -> None:
    problem = browser_problem()
    if problem is not None:
        raise SystemExit(f"screenshots: {problem}")
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    brief = argmap.load(REPO / "briefs" / "georgia-russia-dialogue.yaml")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_file = Path(folder) / "georgia.html"
        page_file.write_text(argmap.to_html(brief), encoding="utf-8")
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 820})
        page.goto(page_file.as_uri())
        page.wait_for_selector("[data-argmap-ready]")
        page.screenshot(path=str(out / "html-map.png"))
        page.fill("#am-q", "magnanimity in victory")
        page.keyboard.press("Enter")
        page.keyboard.press("-")
        page.mouse.move(10, 10)
        page.screenshot(path=str(out / "html-map-panel.png"))
        page.keyboard.press("Escape")
        page.check("#am-eval")
        page.select_option("#am-semantics", "dfquad")
        page.focus(".am-map")
        page.keyboard.press("0")
        page.click('.am-cluster-label[aria-label^="Section Introduction"]')
        page.fill("#am-q", "best way forward")
        page.keyboard.press("Enter")
        page.fill("#am-q", "")
        page.keyboard.press("Escape")
        page.mouse.move(10, 10)
        page.screenshot(path=str(out / "html-map-evaluated.png"))
        browser.close()
    for name in ("html-map.png", "html-map-panel.png", "html-map-evaluated.png"):
        print(out / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "images")
