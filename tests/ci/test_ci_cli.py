"""``argmap validate`` options for CI (--quiet, --statistics, --output, --summary-file,
--only-declared), ``argmap rules --format json`` and ``argmap check-rendered``'s failures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from argmap.checks import all_rules

from .ci_support import CI_FIXTURES, ROOT, Run

WARN_BRIEF = "argmap: 1\nid: warn\ntitle: W\nclaims:\n  lonely: {text: Alone.}\n"


def test_quiet_machine_formats_print_the_report_and_nothing_else(run_cli: Run) -> None:
    ran = run_cli("validate", "-q", "-f", "json", "negative", cwd=CI_FIXTURES)
    assert ran.exit_code == 1
    assert json.loads(ran.stdout)
    # Only the warning about a comment with an unknown code is left on standard error.
    assert [line for line in ran.stderr.splitlines() if "AM2O5" not in line] == []


def test_statistics_for_annotations_go_to_standard_error(run_cli: Run) -> None:
    ran = run_cli("validate", "--statistics", "-f", "github", "negative", cwd=CI_FIXTURES)
    assert all(line.startswith("::") for line in ran.stdout.splitlines())
    assert "    4  AM205  warning  disconnected-statement" in ran.stderr.splitlines()


def test_statistics_of_a_clean_run_print_no_table(run_cli: Run) -> None:
    ran = run_cli("validate", "--statistics", "positive", cwd=CI_FIXTURES)
    assert ran.stdout == "4 briefs: 0 errors, 0 warnings\n"


def test_output_writes_the_report_to_a_file(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "argmap.sarif"
    ran = run_cli("validate", "-f", "sarif", "-o", str(target), "negative", cwd=CI_FIXTURES)
    assert ran.exit_code == 1
    assert ran.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_summary_file_appends_the_markdown_report(run_cli: Run, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    ran = run_cli("validate", "--summary-file", str(summary), "negative", cwd=CI_FIXTURES)
    assert ran.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### argmap validate\n")
    assert "**8 of 10 briefs failed**" in text
    assert "| `negative/structure.yaml` | 1 | 5 |" in text


def test_only_declared_skips_named_yaml_files_that_are_not_briefs(run_cli: Run) -> None:
    named = ["positive/workflow.yaml", "positive/minimal.yaml"]
    plain = run_cli("validate", *named, cwd=CI_FIXTURES)
    assert plain.exit_code == 1  # the workflow file, checked as a brief, fails
    only = run_cli("validate", "--only-declared", *named, cwd=CI_FIXTURES)
    assert only.exit_code == 0
    assert only.stdout == "1 brief: 0 errors, 0 warnings\n"


def test_exit_codes_clean_findings_and_cannot_run(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "warn.yaml").write_text(WARN_BRIEF, encoding="utf-8")
    assert run_cli("validate", "--isolated", "warn.yaml", cwd=tmp_path).exit_code == 0
    assert run_cli("validate", "--isolated", "--strict", "warn.yaml", cwd=tmp_path).exit_code == 1
    missing = run_cli("validate", "--isolated", "nope.yaml", cwd=tmp_path)
    assert missing.exit_code == 2
    assert run_cli("validate", "--format", "xml", "warn.yaml", cwd=tmp_path).exit_code == 2


def test_rules_as_json_list_every_rule_with_its_documentation(run_cli: Run) -> None:
    ran = run_cli("rules", "--format", "json")
    items = json.loads(ran.stdout)
    assert [item["code"] for item in items] == [rule.code for rule in all_rules()]
    assert all(set(item) == {"code", "name", "severity", "summary", "doc"} for item in items)
    assert "Bad::" in next(item["doc"] for item in items if item["code"] == "AM205")


def test_check_rendered_without_configured_outputs_cannot_run(
    run_cli: Run, tmp_path: Path
) -> None:
    (tmp_path / "argmap.toml").write_text("strict = true\n", encoding="utf-8")
    ran = run_cli("check-rendered", cwd=tmp_path)
    assert ran.exit_code == 2
    assert "no rendered outputs are configured in argmap.toml" in ran.stderr


def test_the_console_entry_point_reports_github_annotations_by_itself(tmp_path: Path) -> None:
    """Through ``python -m argmap`` in a subprocess, as CI runs it."""
    (tmp_path / "warn.yaml").write_text(WARN_BRIEF, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", "--isolated", "--strict", "warn.yaml"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
        env={"PATH": "", "GITHUB_ACTIONS": "true", "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1
    assert done.stdout == (
        "::warning file=warn.yaml,line=5,col=3,title=AM205 disconnected-statement::the claim "
        "'lonely' is connected to nothing (add 'supports' or 'attacks', or refer to it from "
        "another statement)\n"
    )
    assert done.stderr == "1 brief: 0 errors, 1 warning\n"


def test_check_rendered_finds_stale_outputs_and_update_refreshes_them(
    run_cli: Run, tmp_path: Path
) -> None:
    (tmp_path / "good.yaml").write_text(
        "argmap: 1\nid: good\ntitle: Good\nactors: {c: {name: Council}}\n"
        "premises:\n  busy: {text: Roads are busy., supports: [lanes]}\n"
        "recommendations:\n  lanes: {text: Build lanes., addressee: c}\n", encoding="utf-8"
    )
    (tmp_path / "argmap.toml").write_text(
        '[rendered]\n"docs/good.dot" = "good.yaml"\n'
        '"docs/good.md" = {brief = "good.yaml", options = ["--diagram"]}\n', encoding="utf-8"
    )
    missing = run_cli("check-rendered", cwd=tmp_path)
    assert missing.exit_code == 1
    assert "docs/good.dot: out of date with good.yaml" in missing.stdout
    assert "docs/good.md: out of date with good.yaml" in missing.stdout
    assert run_cli("check-rendered", "--update", cwd=tmp_path).exit_code == 0
    assert "```mermaid" in (tmp_path / "docs" / "good.md").read_text(encoding="utf-8")
    assert run_cli("check-rendered", cwd=tmp_path).exit_code == 0
    (tmp_path / "good.yaml").write_text(
        (tmp_path / "good.yaml").read_text(encoding="utf-8").replace("Good", "Better"),
        encoding="utf-8",
    )
    stale = run_cli("check-rendered", cwd=tmp_path)
    assert stale.exit_code == 1
    assert stale.stdout.count("out of date with good.yaml") == 2


def test_check_rendered_reports_a_render_error_as_cannot_run(
    run_cli: Run, tmp_path: Path
) -> None:
    (tmp_path / "argmap.toml").write_text('[rendered]\n"docs/x.dot" = "missing.yaml"\n',
                                          encoding="utf-8")
    ran = run_cli("check-rendered", cwd=tmp_path)
    assert ran.exit_code == 2
    assert "missing.yaml" in ran.stderr


def test_a_brief_named_twice_is_checked_once(run_cli: Run) -> None:
    ran = run_cli("validate", "negative", "negative/structure.yaml", cwd=CI_FIXTURES)
    assert ran.stdout.splitlines()[-1] == "10 briefs: 16 errors, 9 warnings"
