"""Time the interactive HTML map: writing the page, and opening it in Chromium; print ratios.

Run from the repository root::

    python benchmarks/bench_html.py [--statements 1000 10000] [--repeat 3] [--seed 7]

For each size, a brief from :mod:`synthetic` is written to a temporary folder and loaded with
:func:`argmap.load`, as a user's brief would be. Then, each the best of ``--repeat`` runs:

- ``layout``: Graphviz laying the map out (``dot -Tjson0``), which the page needs once;
- ``to_html``: the whole page, layout included, as ``argmap render -o map.html`` writes it;
- ``first paint`` (with ``--browser``, the default when Playwright and a Chromium are found):
  opening the page from a file URL in headless Chromium until the map has drawn itself
  (``first-contentful-paint`` and the page's own ready mark).

Each line ends with a ratio to its target (below 1.0 meets it): the page's own work (to_html less
the layout) within 0.5 s per 1,000 statements, and a 1,000-statement page painted within one
second. The machine's load is printed too: on a shared machine the browser figures vary most.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "browser"))

from synthetic import generate  # noqa: E402
from timing import best_of  # noqa: E402

import argmap  # noqa: E402
from argmap.publish import to_dot  # noqa: E402
from argmap.publish.graphviz_exe import run_dot  # noqa: E402

__all__ = ["main"]

PAGE_TARGET_PER_1000 = 0.5  # seconds of Python work per 1,000 statements
PAINT_TARGET_1000 = 1.0  # seconds to first paint for 1,000 statements


def _paint(page_file: Path, repeat: int) -> tuple[float, float]:
    """Best first-contentful-paint and ready times (seconds) of ``page_file`` in Chromium."""
    from browser_support import launch
    from playwright.sync_api import sync_playwright

    paints, readies = [], []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(page_file.as_uri())
            page.wait_for_selector("[data-argmap-ready]", timeout=600_000)
            paint = None
            for _ in range(600):  # the paint comes after the script that draws the map
                paint = page.evaluate("(performance.getEntriesByName("
                                      "'first-contentful-paint')[0] || {}).startTime")
                if paint is not None:
                    break
                page.wait_for_timeout(100)
            assert paint is not None, "Chromium recorded no first paint"
            ready = page.evaluate("performance.getEntriesByName('argmap-ready')[0].startTime")
            paints.append(paint / 1000)
            readies.append(ready / 1000)
            page.close()
        browser.close()
    return min(paints), min(readies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--browser", action=argparse.BooleanOptionalAction, default=None)
    options = parser.parse_args()
    from browser_support import browser_problem

    problem = browser_problem()
    use_browser = options.browser if options.browser is not None else problem is None
    if use_browser and problem is not None:
        raise SystemExit(f"bench_html: {problem}")
    print(f"Python {platform.python_version()} on {platform.machine()}, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        for count in options.statements:
            text, source = generate(count, options.seed)
            brief_file = Path(folder) / f"brief-{count}.yaml"
            brief_file.write_text(text, encoding="utf-8")
            (Path(folder) / "source.txt").write_text(source, encoding="utf-8")
            brief = argmap.load(brief_file)
            repeat = options.repeat if count <= 2000 else 1
            dot = to_dot(brief, group="section", legend=False, title=False)
            layout, _ = best_of(repeat, lambda dot=dot: run_dot(dot, "json0", timeout=3600))
            whole, page = best_of(repeat,
                                  lambda brief=brief: argmap.to_html(brief, timeout=3600))
            own = max(0.0, whole - layout)
            size = len(page.encode("utf-8"))
            target = PAGE_TARGET_PER_1000 * count / 1000
            print(f"{count:>6} statements: layout {layout:7.2f} s, to_html {whole:7.2f} s "
                  f"(page's own work {own:.2f} s, ratio {own / target:.2f}), "
                  f"{size / 1e6:.1f} MB")
            if use_browser:
                page_file = Path(folder) / f"map-{count}.html"
                page_file.write_text(page, encoding="utf-8")
                paint, ready = _paint(page_file, repeat)
                ratio = paint / (PAINT_TARGET_1000 * max(1.0, count / 1000))
                print(f"{count:>6} statements: first paint {paint:5.2f} s, drawn {ready:5.2f} s "
                      f"(ratio to {PAINT_TARGET_1000:g} s per 1,000: {ratio:.2f})")


if __name__ == "__main__":
    main()
