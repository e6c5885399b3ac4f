"""Releasing is real: the distributions build, pass ``twine check``, and the wheel installed in a
fresh virtual environment runs ``argmap validate`` on a shipped brief; the release workflow does
the same on a version tag and then publishes."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml
from ci.ci_support import copy_project

import argmap

from .cli_support import BRIEFS, ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=900, check=False,
                          env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.mark.slow
def test_the_wheel_installs_in_a_fresh_environment_and_validates(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    # In an isolated build environment, as the release workflow builds (pip fetches setuptools).
    _run(sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir",
         tmp_path / "dist", project, cwd=tmp_path)
    built = sorted(p.name for p in (tmp_path / "dist").iterdir())
    version = argmap.__version__
    assert built == [f"argmap-{version}-py3-none-any.whl", f"argmap-{version}.tar.gz"]
    _run(sys.executable, "-m", "twine", "check", "--strict",
         *sorted((tmp_path / "dist").iterdir()), cwd=tmp_path)

    clean = tmp_path / "clean"
    venv.create(clean, with_pip=True)
    bin_dir = clean / ("Scripts" if os.name == "nt" else "bin")
    _run(bin_dir / "python", "-m", "pip", "install", "--quiet",
         tmp_path / "dist" / built[0], cwd=tmp_path)
    assert _run(bin_dir / "argmap", "--version", cwd=tmp_path).stdout == f"argmap {version}\n"
    done = _run(bin_dir / "argmap", "validate", "--strict",
                BRIEFS / "karasin-abashidze-2014.yaml", cwd=tmp_path)
    assert done.stdout.strip().endswith("1 brief: 0 errors, 0 warnings")
    # The templates ship inside the wheel: a summary works from the installed package.
    _run(bin_dir / "argmap", "summary", BRIEFS / "karasin-abashidze-2014.yaml", "-o",
         tmp_path / "k.md", cwd=tmp_path)
    assert (tmp_path / "k.md").read_text(encoding="utf-8").startswith("# ")


def test_the_release_workflow_checks_then_publishes_on_a_version_tag() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key 'on' as true
    assert triggers["push"]["tags"] == ["v*"]
    build = "\n".join(str(step.get("run", "")) for step in workflow["jobs"]["build"]["steps"])
    for needed in ("python -m build", "twine check --strict", "-m venv", "pip\" install dist/*.whl",
                   "argmap\" validate --strict", "argmap ${TAG#v}"):
        assert needed in build, needed
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert publish["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["steps"][-1]["uses"] == "pypa/gh-action-pypi-publish@release/v1"


def test_the_changelog_has_an_entry_for_the_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Unreleased" in text or f"## {argmap.__version__}" in text
    assert f"## {argmap.__version__}" in text
