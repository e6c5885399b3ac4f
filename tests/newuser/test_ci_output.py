"""What CI shows: GitHub annotations that do not repeat their place, an unknown code in an ignore
comment as an annotation, and a count of the briefs on a terminal only."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .cli_support import BRIEFS, ENV, argmap

WARN = ("argmap: 1\nid: warn\ntitle: W\nclaims:\n  lonely: {text: Alone.}  "
        "# argmap: ignore[AM999]\n")


def test_an_annotation_does_not_repeat_file_line_and_code(tmp_path: Path) -> None:
    (tmp_path / "warn.yaml").write_text(WARN.replace("  # argmap: ignore[AM999]", ""),
                                        encoding="utf-8")
    done = argmap("validate", "--format", "github", "--isolated", "warn.yaml", cwd=tmp_path)
    assert done.stdout == (
        "::warning file=warn.yaml,line=5,col=3,title=AM205 disconnected-statement::the claim "
        "'lonely' is connected to nothing (add 'supports' or 'attacks', or refer to it from "
        "another statement)\n")


def test_an_unknown_code_in_an_ignore_comment_is_a_warning_annotation(tmp_path: Path) -> None:
    (tmp_path / "warn.yaml").write_text(WARN, encoding="utf-8")
    done = argmap("validate", "--format", "github", "--isolated", "warn.yaml", cwd=tmp_path)
    assert ("::warning file=warn.yaml,line=5,title=argmap ignore::unknown rule code 'AM999' in "
            "an 'argmap: ignore' comment; 'argmap rules' lists them") in done.stdout.splitlines()
    assert "AM999" not in done.stderr
    text = argmap("validate", "--isolated", "warn.yaml", cwd=tmp_path)
    assert "argmap: warn.yaml:5: unknown rule code 'AM999'" in text.stderr


def _on_a_terminal(args: list[str], cwd: Path) -> tuple[int, bytes, str]:
    """Run argmap with standard error on a pseudo-terminal; exit code, what the terminal got,
    and standard output."""
    import pty

    leader, follower = pty.openpty()
    try:
        done = subprocess.Popen([sys.executable, "-m", "argmap", *args], cwd=cwd, env=ENV,
                                stdout=subprocess.PIPE, stderr=follower, text=True)
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
        stdout, _ = done.communicate(timeout=300)
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)
    return done.returncode, shown, stdout


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_many_briefs_show_a_count_on_a_terminal_and_nowhere_else(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    shutil.copytree(BRIEFS / "sources", folder / "sources")
    for number in range(30):
        shutil.copy(BRIEFS / "karasin-abashidze-2014.yaml", folder / f"brief-{number:03}.yaml")
    code, shown, stdout = _on_a_terminal(["validate", "--format", "json", "many"], tmp_path)
    assert code == 0
    assert b"Validating: " in shown and b" briefs (many/brief-" in shown
    assert stdout.strip() == "[]"  # the machine format is untouched
    piped = argmap("validate", "many", cwd=tmp_path)
    assert "Validating" not in piped.stdout + piped.stderr
