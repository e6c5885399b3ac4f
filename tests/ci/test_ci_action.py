"""The composite GitHub Action in action.yml, run locally: its step scripts are executed with
bash the way the runner does, with GITHUB_ACTIONS, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT and
GITHUB_PATH pointing into a temporary folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .ci_support import CI_FIXTURES, ROOT, copy_project

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
_EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def step(step_id: str) -> dict[str, Any]:
    return next(s for s in ACTION["runs"]["steps"] if s.get("id") == step_id)


def expand(value: str, context: dict[str, str]) -> str:
    """Evaluate the ``${{ name }}`` expressions the action uses (plain look-ups only)."""
    return _EXPRESSION.sub(lambda m: context[m.group(1)], value)


class Runner:
    """Just enough of a GitHub runner to run this action's steps on this machine."""

    def __init__(self, tmp: Path, inputs: dict[str, str], action_path: Path = ROOT) -> None:
        self.tmp = tmp
        self.files = {name: tmp / name.lower() for name in
                      ("GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_PATH")}
        for file in self.files.values():
            file.write_text("", encoding="utf-8")
        self.context = {f"inputs.{k}": v.get("default", "") for k, v in ACTION["inputs"].items()}
        self.context.update({f"inputs.{k}": v for k, v in inputs.items()})
        self.context["github.action_path"] = str(action_path)
        self.path = os.environ.get("PATH", "")

    def run(self, step_id: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        spec = step(step_id)
        assert spec["shell"] == "bash"
        script = self.tmp / f"{step_id}.sh"
        script.write_text(spec["run"], encoding="utf-8")
        env = {
            "PATH": self.path, "HOME": str(self.tmp), "GITHUB_ACTIONS": "true",
            "RUNNER_TEMP": str(self.tmp / "runner-temp"),
            **{name: str(file) for name, file in self.files.items()},
            **{k: expand(str(v), self.context) for k, v in spec.get("env", {}).items()},
        }
        (self.tmp / "runner-temp").mkdir(exist_ok=True)
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False,
        )
        # Like the runner: folders a step adds to GITHUB_PATH come first for the next steps.
        added = self.files["GITHUB_PATH"].read_text(encoding="utf-8").split()
        self.path = os.pathsep.join([*reversed(added), self.path])
        return done

    def outputs(self) -> dict[str, str]:
        lines = self.files["GITHUB_OUTPUT"].read_text(encoding="utf-8").splitlines()
        return dict(line.split("=", 1) for line in lines if "=" in line)

    def summary(self) -> str:
        return self.files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8")


@pytest.fixture
def shim(tmp_path: Path) -> Path:
    """A folder with an ``argmap`` command that runs this interpreter's argmap, standing in for
    what the install step puts on PATH."""
    folder = tmp_path / "shim"
    folder.mkdir()
    command = folder / "argmap"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m argmap "$@"\n', encoding="utf-8")
    command.chmod(0o755)
    return folder


def runner_with_shim(tmp_path: Path, shim: Path, inputs: dict[str, str]) -> Runner:
    runner = Runner(tmp_path, inputs)
    runner.path = os.pathsep.join([str(shim), runner.path])
    return runner


def test_inputs_reach_the_scripts_only_through_the_environment() -> None:
    for spec in ACTION["runs"]["steps"]:
        assert "${{" not in spec.get("run", ""), f"step {spec.get('id')} pastes an expression"


def test_failing_briefs_are_annotated_summarised_and_fail_the_step(
    tmp_path: Path, shim: Path
) -> None:
    runner = runner_with_shim(tmp_path, shim, {"paths": "negative positive", "args": "--strict"})
    done = runner.run("validate", cwd=CI_FIXTURES)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert "::error file=negative/references.yaml,line=7,col=54,title=AM101" in done.stdout
    assert done.stderr.splitlines()[-1] == "14 briefs: 16 errors, 9 warnings"
    summary = runner.summary()
    assert summary.startswith("### argmap validate\n")
    assert "**9 of 14 briefs failed**: 16 errors, 9 warnings, 1 note." in summary
    assert "| `negative/syntax-error.yaml` | 1 | 0 | AM001 |" in summary
    assert "positive/" not in summary
    assert runner.outputs() == {"exit-code": "1"}


def test_clean_briefs_pass_with_a_short_summary(tmp_path: Path, shim: Path) -> None:
    runner = runner_with_shim(tmp_path, shim, {"paths": "positive"})
    done = runner.run("validate", cwd=CI_FIXTURES)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "**4 briefs checked, none failed**" in runner.summary()
    assert runner.outputs() == {"exit-code": "0"}


def test_a_path_that_does_not_exist_exits_2(tmp_path: Path, shim: Path) -> None:
    runner = runner_with_shim(tmp_path, shim, {"paths": "no-such-folder"})
    done = runner.run("validate", cwd=CI_FIXTURES)
    assert done.returncode == 2
    assert "no such file or folder: no-such-folder" in done.stderr
    assert runner.outputs() == {"exit-code": "2"}


def test_a_path_with_shell_syntax_is_not_run(tmp_path: Path, shim: Path) -> None:
    marker = tmp_path / "ran"
    runner = runner_with_shim(tmp_path, shim, {"paths": f"$(touch {marker})"})
    done = runner.run("validate", cwd=CI_FIXTURES)
    assert done.returncode == 2
    assert not marker.exists()


@pytest.mark.slow
def test_the_install_step_puts_a_working_argmap_on_the_path(tmp_path: Path) -> None:
    """Installs argmap from a copy of this repository (as the action installs itself), with
    pip and PyPI, then runs the validate step with the installed command."""
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    action_copy = copy_project(tmp_path / "action")
    runner = Runner(tmp_path, {"paths": "positive", "python": sys.executable},
                    action_path=action_copy)
    installed = runner.run("install", cwd=tmp_path, timeout=600)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    bin_folder = runner.files["GITHUB_PATH"].read_text(encoding="utf-8").strip()
    assert Path(bin_folder, "argmap").exists()
    done = runner.run("validate", cwd=CI_FIXTURES)
    assert done.returncode == 0, done.stderr
    assert "**4 briefs checked, none failed**" in runner.summary()
