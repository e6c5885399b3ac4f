"""Paths and golden-file helpers shared by the CI tests (imported by the test modules)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parents[2]
CI_FIXTURES = ROOT / "tests" / "fixtures" / "ci"
GOLDEN = CI_FIXTURES / "golden"
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"

#: Set to 1 to write the golden files anew from what the CLI prints now (then review the diff).
UPDATE_GOLDEN = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"


@dataclass(frozen=True)
class Ran:
    """What one CLI run printed and how it exited."""

    exit_code: int
    stdout: str
    stderr: str


#: The ``run_cli`` fixture: ``run_cli("validate", ..., cwd=..., env=...)`` gives a :class:`Ran`.
Run = Callable[..., Ran]


def normalise(text: str) -> str:
    """Output with what differs between machines and releases replaced by placeholders: the
    absolute path of the fixtures, and argmap's version (which the SARIF report names)."""
    text = text.replace(str(CI_FIXTURES), "$CI_FIXTURES")
    return text.replace(f'"version": "{argmap.__version__}"', '"version": "$ARGMAP_VERSION"')


def assert_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with the golden file ``name``, or write it under ARGMAP_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    actual = normalise(actual)
    if UPDATE_GOLDEN:
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no golden file {path.name}; run with ARGMAP_UPDATE_GOLDEN=1 to write it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path.relative_to(ROOT)}"


#: What a wheel of argmap is built from; copied for tests that install argmap the way users do.
PROJECT_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "action.yml")
PROJECT_FOLDERS = ("argmap", "templates")


def copy_project(destination: Path) -> Path:
    """Copy what building argmap needs into ``destination`` (no caches, no build leftovers), so
    that installing it never writes into the working tree."""
    import shutil

    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, destination / name)
    for license_file in ROOT.glob("LICEN[CS]E*"):
        shutil.copy2(license_file, destination / license_file.name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for folder in PROJECT_FOLDERS:
        shutil.copytree(ROOT / folder, destination / folder, ignore=ignore)
    return destination
