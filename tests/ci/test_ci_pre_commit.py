"""The hooks in .pre-commit-hooks.yaml, run by the real ``pre-commit`` tool against a temporary
git repository that uses a committed copy of this project as its hook repository.

pre-commit builds the hook's environment with pip from PyPI, so this is slow; the first run
installs, the second reuses the environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .ci_support import ROOT, copy_project

pytestmark = pytest.mark.slow

GOOD = """\
argmap: 1
id: good
title: A brief that passes
actors: {council: {name: Council}}
premises:
  roads-congested: {text: The roads are congested., supports: [build-lanes]}
recommendations:
  build-lanes: {text: Build bus lanes., addressee: council}
"""
BAD = GOOD.replace("id: good", "id: bad").replace("addressee: council", "addressee: counsil")
NOT_A_BRIEF = "name: ci\non: [push]\njobs: {test: {runs-on: ubuntu-latest}}\n"


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=argmap tests", "-c", "user.email=tests@argmap.invalid",
         "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd, capture_output=True, text=True, check=True, timeout=60,
    )
    return done.stdout.strip()


def pre_commit(cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PRE_COMMIT"))}
    env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False,
    )


def render_supports_check() -> bool:
    """Whether ``argmap render`` has ``--check`` yet (the diagrams work adds it)."""
    done = subprocess.run([sys.executable, "-m", "argmap", "render", "--help"],
                          capture_output=True, text=True, timeout=60, check=False)
    return done.returncode == 0 and "--check" in done.stdout


def test_the_hooks_file_declares_both_hooks() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"]: hook["entry"] for hook in hooks} == {
        "argmap-validate": "argmap validate --only-declared",
        "argmap-check-rendered": "argmap check-rendered",
    }


def test_pre_commit_runs_the_hooks_and_fails_then_passes(tmp_path: Path) -> None:
    hooks_repo = copy_project(tmp_path / "argmap-hooks")
    git("init", "-q", cwd=hooks_repo)
    git("add", "-A", cwd=hooks_repo)
    git("commit", "-q", "-m", "hooks under test", cwd=hooks_repo)
    rev = git("rev-parse", "HEAD", cwd=hooks_repo)

    repo = tmp_path / "briefs-repo"
    (repo / "briefs").mkdir(parents=True)
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / "briefs" / "good.yaml").write_text(GOOD, encoding="utf-8")
    (repo / "briefs" / "bad.yaml").write_text(BAD, encoding="utf-8")
    (repo / ".github" / "workflows" / "ci.yml").write_text(NOT_A_BRIEF, encoding="utf-8")
    hook_ids = ["argmap-validate"]
    check_rendered = render_supports_check()
    if check_rendered:
        hook_ids.append("argmap-check-rendered")
        (repo / "docs").mkdir()
        (repo / "argmap.toml").write_text('[rendered]\n"docs/good.dot" = "briefs/good.yaml"\n',
                                          encoding="utf-8")
        (repo / "docs" / "good.dot").write_text("digraph stale {}\n", encoding="utf-8")
    config = {"repos": [{"repo": str(hooks_repo), "rev": rev,
                         "hooks": [{"id": hook} for hook in hook_ids]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)

    home = tmp_path / "pre-commit-home"
    first = pre_commit(repo, home)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "argmap validate" in output and "Failed" in output
    assert "briefs/bad.yaml:8:52: AM101 error: 'build-lanes' is addressed to 'counsil'" in output
    assert "ci.yml" not in output  # not a brief: the hook passes it by
    if check_rendered:
        assert "docs/good.dot: out of date with briefs/good.yaml" in output

    (repo / "briefs" / "bad.yaml").write_text(GOOD.replace("id: good", "id: fixed"),
                                              encoding="utf-8")
    if check_rendered:
        subprocess.run([sys.executable, "-m", "argmap", "render", "briefs/good.yaml", "-o",
                        "docs/good.dot"], cwd=repo, check=True, timeout=60)
    git("add", "-A", cwd=repo)
    second = pre_commit(repo, home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Failed" not in second.stdout
    assert second.stdout.count("Passed") == len(hook_ids)
