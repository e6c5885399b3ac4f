"""Running the real ``argmap`` command in a subprocess, as a user does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = ROOT / "briefs"
# Outside GitHub Actions the default format is text; keep the tests independent of where they run.
ENV = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}


def argmap(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m argmap ARGS`` and return what it printed and how it exited."""
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**ENV, "COLUMNS": "100", **(env or {})},
        timeout=timeout,
        check=False,
    )
