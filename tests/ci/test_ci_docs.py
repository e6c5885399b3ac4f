"""The examples in docs/ci.md and docs/editors.md work as written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from argmap.config import load_config

from .ci_support import GOLDEN, ROOT, Run

CI_DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
EDITORS_DOC = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")


def blocks(doc: str, language: str) -> list[str]:
    """The fenced code blocks of one language, in order."""
    return re.findall(rf"^```{language}\n(.*?)^```$", doc, re.MULTILINE | re.DOTALL)


def test_the_configuration_example_is_a_valid_configuration(tmp_path: Path) -> None:
    (example,) = blocks(CI_DOC, "toml")
    (tmp_path / "briefs").mkdir()  # the example narrows the read root to it
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    config = load_config(tmp_path / "pyproject.toml")
    assert config.ignore == ("AM305",)
    assert config.strict is True
    assert len(config.per_file_ignores) == 2
    assert [r.output.name for r in config.rendered] == ["georgia.svg", "georgia.md"]


def test_the_suppression_example_silences_what_it_says(tmp_path: Path, run_cli: Run) -> None:
    snippet = next(b for b in blocks(CI_DOC, "yaml") if "argmap: ignore" in b)
    brief = "argmap: 1\nid: example\ntitle: Suppression example\n" + snippet
    (tmp_path / "example.yaml").write_text(brief, encoding="utf-8")
    ran = run_cli("validate", "--isolated", "--strict", "example.yaml", cwd=tmp_path)
    assert ran.exit_code == 0, ran.stdout
    bare = re.sub(r"  # argmap: ignore\S*( \S+\])?", "", brief)
    (tmp_path / "bare.yaml").write_text(bare, encoding="utf-8")
    assert run_cli("validate", "--isolated", "--strict", "bare.yaml", cwd=tmp_path
                   ).stdout.count("AM205") == 3


def test_the_pre_commit_example_names_hooks_that_exist() -> None:
    example = next(b for b in blocks(CI_DOC, "yaml") if "repos:" in b)
    used = {hook["id"] for hook in yaml.safe_load(example)["repos"][0]["hooks"]}
    declared = {hook["id"] for hook in
                yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert used == declared


def test_the_action_example_uses_inputs_the_action_has() -> None:
    example = next(b for b in blocks(CI_DOC, "yaml") if "argmap/argmap@" in b)
    step = next(s for s in yaml.safe_load(example)["jobs"]["validate"]["steps"]
                if s.get("uses", "").startswith("argmap/argmap@"))
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert set(step["with"]) <= set(action["inputs"])
    assert "exit-code" in action["outputs"]


def test_the_editor_problem_matcher_reads_every_text_diagnostic() -> None:
    tasks = json.loads("\n".join(
        line for line in blocks(EDITORS_DOC, "json")[1].splitlines()
        if not line.lstrip().startswith("//")
    ))
    pattern = re.compile(tasks["tasks"][0]["problemMatcher"]["pattern"]["regexp"])
    lines = (GOLDEN / "negative.txt").read_text(encoding="utf-8").splitlines()
    diagnostics = [line for line in lines if re.search(r": AM\d{3} ", line)]
    assert len(diagnostics) == 26  # 16 errors, 9 warnings, 1 note
    for line in diagnostics:
        match = pattern.match(line)
        assert match, line
        assert match.group(5) in ("error", "warning", "info")


def test_the_editor_settings_example_maps_the_committed_schema() -> None:
    settings = json.loads("\n".join(
        line for line in blocks(EDITORS_DOC, "json")[0].splitlines()
        if not line.lstrip().startswith("//")
    ))
    (schema,) = settings["yaml.schemas"]
    assert (ROOT / schema).is_file()
    assert (ROOT / settings["json.schemas"][0]["url"]).is_file()
