"""``argmap render`` and ``argmap summary`` through the real console entry point."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from render_support import REPO

import argmap

KARASIN = REPO / "briefs" / "karasin-abashidze-2014.yaml"


def run(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None,
        stderr: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, text=True,
                          stdout=subprocess.PIPE, stderr=stderr, timeout=120, check=False,
                          env=env)


def test_render_dot_and_mermaid_by_suffix(tmp_path: Path) -> None:
    for suffix, expected in ((".dot", argmap.to_dot), (".mmd", argmap.to_mermaid)):
        out = tmp_path / f"map{suffix}"
        done = run("render", str(KARASIN), "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert out.read_text(encoding="utf-8") == expected(argmap.load(KARASIN))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_render_options_reach_the_diagram(tmp_path: Path) -> None:
    out = tmp_path / "map.gv"
    done = run("render", str(KARASIN), "-o", str(out), "--group", "speaker", "--direction",
               "LR", "--no-legend", "--focus", "discuss-practical-issues", "--depth", "1")
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == argmap.to_dot(
        argmap.load(KARASIN), group="speaker", direction="LR", legend=False,
        focus="discuss-practical-issues", depth=1)


def test_render_to_standard_output() -> None:
    done = run("render", str(KARASIN), "-o", "-", "--format", "mmd")
    assert done.returncode == 0
    assert done.stdout == argmap.to_mermaid(argmap.load(KARASIN))


@pytest.mark.dot
def test_render_a_folder_to_svg_and_check_it(tmp_path: Path) -> None:
    out = tmp_path / "maps"
    done = run("render", "briefs", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "georgia-russia-dialogue.svg", "karasin-abashidze-2014.svg"]
    assert done.stderr == ""  # no progress bar without a terminal
    assert run("render", "briefs", "-o", str(out), "--check").returncode == 0
    svg = out / "karasin-abashidze-2014.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace("Karasin", "Karasyn"),
                   encoding="utf-8")
    stale = run("render", "briefs", "-o", str(out), "--check")
    assert stale.returncode == 1
    assert "-" in stale.stdout and "Karasyn" in stale.stdout
    assert "1 file out of date" in stale.stderr


@pytest.mark.dot
def test_render_png_and_evaluate(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    done = run("render", str(KARASIN), "-o", str(out), "--evaluate", "--semantics", "dfquad")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    assert run("render", str(KARASIN), "-o", str(out), "--evaluate", "--semantics", "dfquad",
               "--check").returncode == 0


def test_check_reports_a_diff_and_never_writes(tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    missing = run("render", str(KARASIN), "-o", str(out), "--check")
    assert missing.returncode == 1 and "missing" in missing.stdout
    assert not out.exists()
    out.write_text("digraph {}\n", encoding="utf-8")
    stale = run("render", str(KARASIN), "-o", str(out), "--check")
    assert stale.returncode == 1
    assert stale.stdout.startswith(f"--- {out} (on disk)\n+++ {out} (generated)\n")
    assert out.read_text(encoding="utf-8") == "digraph {}\n"
    assert run("render", str(KARASIN), "-o", str(out)).returncode == 0
    assert run("render", str(KARASIN), "-o", str(out), "--check").returncode == 0


def test_summary_writes_markdown_and_checks_it(tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    done = run("summary", str(KARASIN), "-o", str(out), "--diagram")
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == argmap.to_markdown(argmap.load(KARASIN),
                                                                 diagram=True)
    assert run("summary", str(KARASIN), "-o", str(out), "--diagram", "--check").returncode == 0
    assert run("summary", str(KARASIN), "-o", str(out), "--check").returncode == 1


def test_summary_with_a_user_template(tmp_path: Path) -> None:
    template = tmp_path / "t.md.j2"
    template.write_text("# {{ title }}\n{{ recommendations | length }}\n", encoding="utf-8")
    done = run("summary", str(KARASIN), "-o", "-", "--template", str(template))
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("\n3\n")


@pytest.mark.parametrize(("args", "message"), [
    (["render", "briefs/nope.yaml", "-o", "x.svg"], "no such file or folder"),
    (["render", str(KARASIN), "-o", "x.txt"], "cannot tell the format"),
    (["render", str(KARASIN), "-o", "-", "--focus", "nope"], "cannot focus on 'nope'"),
    (["render", str(KARASIN), "-o", "-", "--format", "mmd", "--evaluate"], "--evaluate"),
    (["render", "briefs", "-o", "-"], "must be a folder"),
    (["summary", str(KARASIN), "-o", "-", "--template", "nope.j2"], "no such template"),
    (["render", "tests/fixtures", "-o", "-", "--format", "dot"], "must be a folder"),
])
def test_errors_exit_2_with_a_message(args: list[str], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_broken_brief_exits_1_with_its_diagnostics(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nid: x\n", encoding="utf-8")
    done = run("render", str(bad), "-o", str(tmp_path / "bad.dot"))
    assert done.returncode == 1
    assert not (tmp_path / "bad.dot").exists()
    assert "the required key 'title' is missing" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_summary_of_a_brief_with_errors_says_its_warnings_too(tmp_path: Path) -> None:
    # The summary looks for errors first; finding some, it says every finding, as validate does.
    brief = REPO / "tests" / "fixtures" / "ci" / "negative" / "references.yaml"
    validated = run("validate", str(brief))
    done = run("summary", str(brief), "-o", str(tmp_path / "out.md"))
    assert done.returncode == 1
    assert not (tmp_path / "out.md").exists()
    said = [line for line in done.stderr.splitlines() if " AM" in line]
    assert said == [line for line in validated.stdout.splitlines() if " AM" in line]
    assert any(" warning: " in line for line in said)
    assert any(" error: " in line for line in said)


def test_looking_for_errors_only_finds_every_error_and_nothing_else() -> None:
    from argmap.cli.validate import validate_file
    from argmap.diagnostics import Severity

    for name in ("references.yaml", "structure.yaml", "notes-only.yaml"):
        brief = REPO / "tests" / "fixtures" / "ci" / "negative" / name
        every, _, _ = validate_file(brief)
        errors, read, _ = validate_file(brief, errors_only=True)
        assert read is not None and read.brief is not None
        assert errors == tuple(d for d in every if d.severity is Severity.ERROR)
        assert len(every) > len(errors)


def test_without_dot_svg_fails_clearly_and_dot_still_works(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path), "ARGMAP_DOT": ""}
    env.pop("ARGMAP_DOT")
    code = ("import argmap.publish.graphviz_exe as g; g._graphviz_pure = lambda: None; "
            "from argmap.cli import main; main()")
    args = ["render", str(KARASIN), "-o", str(tmp_path / "map.svg")]
    done = subprocess.run([sys.executable, "-c", code, *args], text=True, capture_output=True,
                          env=env, timeout=60, check=False)
    assert done.returncode == 2
    assert "no Graphviz 'dot' program was found" in done.stderr
    assert "Traceback" not in done.stderr
    args[-1] = str(tmp_path / "map.dot")
    assert subprocess.run([sys.executable, "-c", code, *args], env=env, timeout=60,
                          check=False).returncode == 0


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_a_folder_on_a_terminal_gets_a_progress_bar(tmp_path: Path) -> None:
    import pty

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(4):
        shutil.copy(KARASIN, folder / f"brief-{number}.yaml")
    shutil.copytree(REPO / "briefs" / "sources", folder / "sources")
    leader, follower = pty.openpty()
    try:
        done = run("render", str(folder), "-o", str(tmp_path / "out"), "--format", "dot",
                   stderr=follower)
        os.close(follower)
        follower = -1
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)
    assert done.returncode == 0
    assert b"Rendering" in shown
    assert len(list((tmp_path / "out").iterdir())) == 4
