"""Fixtures for the CI tests: the real CLI, run in this process with a clean environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap.cli

from .ci_support import Ran, Run

# Variables that change what `argmap validate` prints; every test starts without them and sets
# what it needs, so the suite gives the same result inside GitHub Actions as on a laptop.
_CI_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT")


@pytest.fixture(autouse=True)
def _no_ci_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def run_cli() -> Run:
    """Run ``argmap ARGS...`` through the real Typer app, in ``cwd``, with extra ``env``."""

    def run(*args: str, cwd: Path | None = None, env: Mapping[str, str | None] | None = None) -> Ran:
        old = Path.cwd()
        if cwd is not None:
            os.chdir(cwd)
        try:
            result = CliRunner().invoke(argmap.cli.app, list(args), env=dict(env or {}))
        finally:
            os.chdir(old)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Ran(result.exit_code, result.stdout, result.stderr)

    return run
