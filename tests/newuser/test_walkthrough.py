"""Commands the README and docs/ show, run as written, print what the page says they print."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .cli_support import BRIEFS, ROOT
from .cli_support import argmap as run

README = ROOT / "README.md"


def test_the_readme_opening_example_fails_as_shown(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    brief = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)  # type: ignore[union-attr]
    console = re.search(r"```console\n\$ (.*?)\n(.*?)```", text, re.S)
    assert console is not None
    command, shown = console.group(1).split(), console.group(2).splitlines()
    assert command[:2] == ["argmap", "validate"]
    (tmp_path / "briefs").mkdir()
    shutil.copytree(BRIEFS / "sources", tmp_path / "briefs" / "sources")
    (tmp_path / "briefs" / "georgia.yaml").write_text(brief, encoding="utf-8")
    done = run(*command[1:], cwd=tmp_path)
    assert (done.stdout + done.stderr).splitlines() == shown
    assert done.returncode == 1
