"""The ``argmap validate`` contract, through the real console entry point in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# The text format is the default only outside GitHub Actions, where it would be "github".
ENV = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def argmap(*args: str, cwd: Path = ROOT, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=timeout,
        check=False,
    )


def test_validate_shipped_briefs_prints_the_summary_and_exits_0() -> None:
    done = argmap("validate", "--strict", "briefs/")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1] == "2 briefs: 0 errors, 0 warnings"


def test_findings_print_as_path_line_col_code_severity_message_with_hint() -> None:
    done = argmap("validate", "tests/fixtures/invalid/references.yaml")
    assert done.returncode == 1
    assert (
        "tests/fixtures/invalid/references.yaml:20:67: AM101 error: "
        "'russia-should-show-magnanimity' is addressed to 'rusia', but there is no actor with "
        "that id (did you mean 'russia'?)"
    ) in done.stdout.splitlines()
    assert done.stdout.strip().splitlines()[-1] == "1 brief: 6 errors, 0 warnings"
    assert "Traceback" not in done.stderr


def test_every_file_is_checked_even_when_others_fail() -> None:
    done = argmap("validate", "tests/fixtures/invalid/bad-yaml.yaml", "tests/fixtures/valid")
    assert done.returncode == 1
    assert done.stdout.strip().splitlines()[-1] == "4 briefs: 1 error, 0 warnings"


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    brief = tmp_path / "warn.yaml"
    brief.write_text("argmap: 1\nid: warn\ntitle: W\nclaims:\n  lonely: {text: Alone.}\n")
    assert argmap("validate", str(brief)).returncode == 0
    strict = argmap("validate", "--strict", str(brief))
    assert strict.returncode == 1
    assert "AM205 warning" in strict.stdout


def test_json_format_is_a_list_of_diagnostics() -> None:
    done = argmap("validate", "--format", "json", "tests/fixtures/invalid/duplicate-keys.yaml")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert [(d["code"], d["line"], d["column"], d["severity"]) for d in data] == [
        ("AM002", 9, 3, "error"),
        ("AM002", 11, 17, "error"),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "bad-yaml.yaml",
        "not-utf8.yaml",
        "empty.yaml",
        "not-a-mapping.yaml",
        "billion-laughs.yaml",
        "deep.yaml",
        "unsafe-tag.yaml",
        "two-documents.yaml",
    ],
)
def test_unreadable_files_are_one_diagnostic_and_exit_1_never_a_traceback(name: str) -> None:
    done = argmap("validate", f"tests/fixtures/invalid/{name}", timeout=30)
    assert done.returncode == 1
    assert "AM001 error" in done.stdout
    assert done.stderr == ""


def test_a_path_that_does_not_exist_exits_2() -> None:
    done = argmap("validate", "no/such/brief.yaml")
    assert done.returncode == 2
    assert "no such file or folder: no/such/brief.yaml" in done.stderr


def test_a_bad_option_exits_2() -> None:
    assert argmap("validate", "--no-such-option", "briefs").returncode == 2


def test_folders_take_only_files_that_declare_argmap(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text("on: push\njobs: {}\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.yaml").write_text("argmap: 1\nid: hidden\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "brief.yml").write_text("argmap: 1\nid: b\ntitle: B\n")
    done = argmap("validate", str(tmp_path))
    assert done.returncode == 0
    assert done.stdout.strip() == "1 brief: 0 errors, 0 warnings"


def test_the_source_root_option_allows_a_source_one_level_up(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "t.txt").write_text("Russia holds most of the cards.\n")
    (tmp_path / "briefs").mkdir()
    brief = tmp_path / "briefs" / "b.yaml"
    brief.write_text(
        "argmap: 1\nid: b\ntitle: B\nsource: {path: ../texts/t.txt}\n"
        "premises:\n  a: {text: A, quote: Russia holds most of the cards., supports: [c]}\n"
        "claims:\n  c: {text: C}\n"
    )
    assert "AM303" in argmap("validate", str(brief)).stdout
    assert argmap("validate", "--root", str(tmp_path), str(brief)).returncode == 0


def test_schema_prints_a_json_schema() -> None:
    done = argmap("schema")
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "claims" in schema["properties"]


def test_an_output_that_cannot_be_written_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        done = argmap("schema", "-o", str(locked / "schema.json"))
        if done.returncode == 0:
            pytest.skip("this user can write into read-only folders (root)")
        assert done.returncode == 2
        assert "Traceback" not in done.stderr
        assert done.stderr.startswith("argmap: ")
    finally:
        locked.chmod(0o700)


def test_writing_into_a_place_that_is_not_a_folder_exits_2() -> None:
    done = argmap("summary", "briefs/karasin-abashidze-2014.yaml", "-o", "/proc/no-such/x.md")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "No such file or directory" in done.stderr


def test_a_device_or_a_pipe_is_refused_rather_than_read_forever(tmp_path: Path) -> None:
    pipe = tmp_path / "source.txt"
    os.mkfifo(pipe)
    brief = tmp_path / "b.yaml"
    brief.write_text(
        "argmap: 1\nid: b\ntitle: B\nsource: {path: source.txt}\n"
        "premises:\n  a: {text: A, quote: A, supports: [c]}\nclaims:\n  c: {text: C}\n"
    )
    done = argmap("validate", str(brief), str(pipe), "/dev/zero", timeout=30)
    assert done.returncode == 1
    assert "AM302 error: the source is not a regular file" in done.stdout
    assert f"{pipe}: AM001 error: this is not a regular file" in done.stdout
    assert "/dev/zero: AM001 error: this is not a regular file" in done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--help"],
        ["validate"],
        ["validate", "--bogus", "briefs/"],
        ["validate", "--version"],
        ["render", "--help"],
        ["rules"],
        ["valdate", "briefs/"],
    ],
)
def test_the_entry_point_says_what_the_whole_command_group_says(args: list[str]) -> None:
    # The entry point builds only the command it runs; Typer's whole group must not differ.
    whole = subprocess.run(
        [sys.executable, "-c", "import sys, typer\nfrom argmap.cli import app\n"
         "typer.main.get_command(app).main(sys.argv[1:], prog_name='argmap')", *args],
        cwd=ROOT, capture_output=True, text=True, env={**ENV, "COLUMNS": "100"}, timeout=60,
        check=False,
    )
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *args], cwd=ROOT, capture_output=True, text=True,
        env={**ENV, "COLUMNS": "100"}, timeout=60, check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        whole.returncode, whole.stdout, whole.stderr)
    assert done.stdout or done.stderr
