"""Validation speed and memory, as ratios measured in one run (the machines are shared and noisy).

    python benchmarks/bench_validate.py [--n 10000] [--runs 5]

Prints, each as best-of-runs wall time of whole processes:

1. ``argmap validate`` on a synthetic brief of N statements (quotes into a 1 MB-scale wrapped
   source) over a bare ``yaml.load(..., Loader=yaml.CSafeLoader)`` of the same file. Target < 0.6.
2. Cold ``argmap validate`` on the shipped Georgia brief over ``python -c "import pydantic, yaml"``.
   Target < 1.5.
3. Peak resident memory of ``argmap validate`` on the N-statement brief. Target < 150 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate

ROOT = Path(__file__).resolve().parents[1]


def run(command: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"command failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024


def best(command: list[str], runs: int) -> tuple[float, float]:
    results = [run(command) for _ in range(runs)]
    return min(t for t, _ in results), max(m for _, m in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        brief_text, source_text = generate(options.n, seed=1)
        brief = Path(folder) / "brief.yaml"
        brief.write_text(brief_text, encoding="utf-8")
        (Path(folder) / "source.txt").write_text(source_text, encoding="utf-8")
        python = sys.executable
        bare = [
            python,
            "-c",
            f"import yaml; yaml.load(open({str(brief)!r}, 'rb'), Loader=yaml.CSafeLoader)",
        ]
        validate = [python, "-m", "argmap", "validate", str(brief)]
        done = subprocess.run(validate, capture_output=True, text=True, check=False)
        print(
            f"synthetic brief: {options.n:,} statements, {brief.stat().st_size / 1e6:.1f} MB; "
            f"source {len(source_text) / 1e6:.1f} MB; argmap says: {done.stdout.strip()[-60:]}"
        )

        bare_time, _ = best(bare, options.runs)
        argmap_time, argmap_memory = best(validate, options.runs)
        print(f"bare CSafeLoader load   {bare_time:7.3f} s")
        print(
            f"argmap validate         {argmap_time:7.3f} s   ratio {argmap_time / bare_time:.2f}"
            f"  (target < 0.60)"
        )
        print(f"peak memory             {argmap_memory:7.1f} MB  (target < 150)")

    imports = [python, "-c", "import pydantic, yaml"]
    cold = [python, "-m", "argmap", "validate", "briefs/georgia-russia-dialogue.yaml"]
    imports_time, _ = best(imports, options.runs * 2)
    cold_time, _ = best(cold, options.runs * 2)
    print(f"import pydantic, yaml   {imports_time:7.3f} s")
    print(
        f"cold validate (Georgia) {cold_time:7.3f} s   ratio {cold_time / imports_time:.2f}"
        f"  (target < 1.50)"
    )


if __name__ == "__main__":
    main()
