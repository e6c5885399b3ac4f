"""Only a top-level ``argmap:`` key makes a file a brief, in every command that searches folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from argmap.discovery import declares_brief

from .cli_support import BRIEFS, ROOT, argmap

BRIEF = BRIEFS / "georgia-russia-dialogue.yaml"


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A user's repository: one brief (and its source), plus a copy of argmap's JSON Schema
    and other YAML that mentions argmap without being a brief."""
    (tmp_path / "briefs" / "sources").mkdir(parents=True)
    shutil.copy(BRIEF, tmp_path / "briefs")
    shutil.copytree(BRIEFS / "sources", tmp_path / "briefs" / "sources", dirs_exist_ok=True)
    (tmp_path / "schema").mkdir()
    shutil.copy(ROOT / "schema" / "brief.schema.json", tmp_path / "schema")
    (tmp_path / "tools.yaml").write_text("tools:\n  argmap: 1\n  ruff: 2\n", encoding="utf-8")
    (tmp_path / "list.json").write_text('[{"argmap": 1}]\n', encoding="utf-8")
    return tmp_path


def test_validate_at_the_root_skips_the_json_schema(repository: Path) -> None:
    done = argmap("validate", ".", cwd=repository)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1] == "1 brief: 0 errors, 0 warnings"


def test_validate_the_schema_folder_finds_no_brief(repository: Path) -> None:
    done = argmap("validate", "--format", "json", "schema", cwd=repository)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout) == []


def test_pre_commit_only_declared_skips_the_schema(repository: Path) -> None:
    done = argmap("validate", "--only-declared", "schema/brief.schema.json", "tools.yaml",
                  "list.json", "briefs/georgia-russia-dialogue.yaml", cwd=repository)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1] == "1 brief: 0 errors, 0 warnings"


def test_the_action_default_paths_dot_passes(repository: Path) -> None:
    done = argmap("validate", "--format", "github", "--", ".", cwd=repository)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout


@pytest.mark.parametrize("command", ["render", "summary"])
def test_render_and_summary_of_a_folder_skip_the_schema(repository: Path, command: str) -> None:
    fmt = ["--format", "dot"] if command == "render" else []
    done = argmap(command, ".", "-o", "out", *fmt, cwd=repository)
    assert done.returncode == 0, done.stdout + done.stderr
    written = sorted(p.relative_to(repository / "out").as_posix()
                     for p in (repository / "out").rglob("*") if p.is_file())
    suffix = ".dot" if command == "render" else ".md"
    assert written == [f"briefs/georgia-russia-dialogue{suffix}"]


@pytest.mark.parametrize(
    "text",
    [
        "argmap: 1\nid: x\n",
        "# yaml-language-server: $schema=x.json\n---\nargmap: 1\n",
        "id: x\ntitle: T\n'argmap': 1\n",
        '{"id": "x", "argmap": 1}',
        '{\n  "title": "a {brace} \\" inside",\n  "argmap": 1\n}\n',
        "{argmap: 1, id: x}\n",
        "  argmap: 1\n  id: x\n",
        "argmap: [broken\n",
    ],
)
def test_a_top_level_argmap_key_declares_a_brief(text: str) -> None:
    assert declares_brief(text.encode())


@pytest.mark.parametrize(
    "text",
    [
        "id: x\ntitle: argmap: not a key\n",
        "tools:\n  argmap: 1\n",
        '{"properties": {"argmap": {"const": 1}}}',
        '[{"argmap": 1}]',
        '{"a": {"b": 1}, "c": "argmap"}',
        "# argmap: 1\nid: x\n",
        "argmapping: 1\n",
        "description: |\n  argmap: 1\n",
    ],
)
def test_a_nested_or_absent_argmap_key_does_not(text: str) -> None:
    assert not declares_brief(text.encode())


def test_the_shipped_schema_is_not_a_brief() -> None:
    assert not declares_brief((ROOT / "schema" / "brief.schema.json").read_bytes())
