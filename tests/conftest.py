"""Shared test configuration.

Tests that need a Graphviz ``dot`` program are marked ``@pytest.mark.dot``. They run when
argmap can find one (``$ARGMAP_DOT``, ``dot`` on the PATH, or graphviz-pure) and are skipped,
with the reason shown, when it cannot. ``--skip-dot`` skips them anyway; ``--only-dot`` runs
nothing else (CI uses it to prove the marked tests ran).
"""

from __future__ import annotations

import functools

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("argmap")
    group.addoption("--skip-dot", action="store_true",
                    help="skip the tests that need a Graphviz dot program")
    group.addoption("--only-dot", action="store_true",
                    help="run only the tests that need a Graphviz dot program")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--skip-dot") and config.getoption("--only-dot"):
        raise pytest.UsageError("--skip-dot and --only-dot exclude each other")


@functools.lru_cache(maxsize=1)
def dot_program() -> str | None:
    """The dot program argmap would use, or None (a broken $ARGMAP_DOT counts as none)."""
    from argmap.errors import ArgmapError
    from argmap.publish import find_dot

    try:
        return find_dot()
    except ArgmapError:
        return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_dot = config.getoption("--skip-dot")
    only_dot = config.getoption("--only-dot")
    for item in items:
        needs_dot = item.get_closest_marker("dot") is not None
        if only_dot and not needs_dot:
            item.add_marker(pytest.mark.skip(reason="--only-dot: this test needs no dot"))
        elif needs_dot and skip_dot:
            item.add_marker(pytest.mark.skip(reason="--skip-dot"))
        elif needs_dot and dot_program() is None:
            item.add_marker(pytest.mark.skip(
                reason="no Graphviz dot program (set ARGMAP_DOT, install graphviz, or "
                       "pip install graphviz-pure)"))
