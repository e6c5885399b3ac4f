"""``argmap --version`` names the version that the package metadata and ``argmap.__version__``
carry; the version is written in one place."""

from __future__ import annotations

import re
import sys
from importlib.metadata import version

import argmap

from .cli_support import ROOT
from .cli_support import argmap as run

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def test_version_option_prints_the_version() -> None:
    for flag in ("--version", "-V"):
        done = run(flag)
        assert done.returncode == 0, done.stderr
        assert done.stdout == f"argmap {argmap.__version__}\n"


def test_version_is_in_the_help() -> None:
    assert "--version" in run("--help").stdout


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?", argmap.__version__)
    assert version("argmap") == argmap.__version__
