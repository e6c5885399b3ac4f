"""Fixtures for the hostile-input tests: the real CLI, in this process, in a chosen folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap.cli


@dataclass(frozen=True)
class Ran:
    """What one command did: its exit code and what it printed."""

    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


Run = Callable[..., Ran]


@pytest.fixture(autouse=True)
def _no_ci_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def run() -> Run:
    """Run ``argmap ARGS...`` in ``cwd``; a Python exception escaping the CLI fails the test."""

    def invoke(*args: str, cwd: Path) -> Ran:
        old = Path.cwd()
        os.chdir(cwd)
        try:
            result = CliRunner().invoke(argmap.cli.app, list(args))
        finally:
            os.chdir(old)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Ran(result.exit_code, result.stdout, result.stderr)

    return invoke


def write(path: Path, text: str) -> Path:
    """Write ``text`` to ``path``, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
