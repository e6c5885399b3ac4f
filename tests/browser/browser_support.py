"""Driving the system's Chromium headless with Playwright, for the HTML map's tests.

Playwright's own browser builds are never downloaded: the tests use the Chromium that the
system package installs (``$ARGMAP_CHROMIUM`` names another). Without one, or without the
``playwright`` package, the tests marked ``browser`` are skipped with the reason shown.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
from typing import Any

__all__ = ["LAUNCH_ARGS", "browser_problem", "chromium_path", "launch"]

#: Flags for a quiet, offline, headless run as root in a container.
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@functools.lru_cache(maxsize=1)
def chromium_path() -> str | None:
    """The Chromium program to drive, or None."""
    configured = os.environ.get("ARGMAP_CHROMIUM", "").strip()
    if configured:
        return shutil.which(configured)
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_problem() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if chromium_path() is None:
        return "no Chromium found (apt-get install chromium, or set ARGMAP_CHROMIUM)"
    return None


def launch(playwright: Any) -> Any:
    """A headless Chromium browser started through ``playwright``."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
