"""Fixtures for the browser tests: one Chromium for the session, a fresh page per test."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from browser_support import browser_problem, launch


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    problem = browser_problem()
    wanted = [item for item in items if item.get_closest_marker("browser") is not None]
    if problem is not None and wanted and os.environ.get("CI") == "true":
        # .ci/run installs Chromium and the test extra brings Playwright: a skip there would
        # hide that the HTML map went untested.
        raise pytest.UsageError(f"CI must run the browser tests, but {problem}")
    for item in items:
        if item.get_closest_marker("browser") is not None and problem is not None:
            item.add_marker(pytest.mark.skip(reason=problem))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


class Page:
    """A browser page that records console messages, page errors and every request made."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda message: self.console.append((message.type, message.text)))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))

    def open(self, path: Path) -> Any:
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("[data-argmap-ready]")
        return self.page

    def problems(self) -> list[str]:
        """Console errors and warnings, and uncaught exceptions."""
        return [f"{kind}: {text}" for kind, text in self.console
                if kind in ("error", "warning")] + self.errors


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield Page(context.new_page())
    context.close()
