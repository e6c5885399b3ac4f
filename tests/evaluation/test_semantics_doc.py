"""The examples in docs/semantics.md run, and print what the page says they print."""

from __future__ import annotations

import doctest
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "semantics.md"


def test_the_examples_in_the_semantics_page_hold() -> None:
    failures, tried = doctest.testfile(str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert tried > 0
    assert failures == 0
