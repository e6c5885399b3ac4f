"""Validation grows linearly: ``argmap validate`` against a bare YAML load, from 1,000 to 100,000.

    python benchmarks/bench_scaling.py [--sizes 1000,2000,5000,10000,20000,50000,95000]
                                       [--runs 3]

For each size N, a synthetic brief of N statements (``synthetic.generate``, quotes into a wrapped
source text) is written to a temporary folder, and two whole processes are timed, each the best
of ``--runs`` attempts, interleaved so that both see the same load on a shared machine:

- ``python -c "import yaml; yaml.load(open(f, 'rb'), Loader=yaml.CSafeLoader)"``;
- ``python -m argmap validate f`` (everything: start-up, parsing, the schema, every rule, the
  quotes against the source, the report).

Prints one row per size: both times, their ratio, argmap's cost per statement, and that cost
over the cost per statement at 10,000 (the reference size). Targets: ratio at most 0.4 at 10,000
and at most 0.25 at 50,000; cost per statement at the largest size at most 1.2 times that at
10,000. The largest default size is 95,000 statements: with their linked arguments and actors
that is just under the 100,000 items argmap reads in one brief (a larger one is refused, which
the script reports rather than timing the refusal).
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
REFERENCE = 10_000
TARGETS = {10_000: 0.4, 50_000: 0.25}
LINEAR_TARGET = 1.2


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU time (user + system) of one process run from the repository root, so that
    it measures this checkout. CPU time is what the ratios use: on a machine shared with other
    work, a process's wall time depends on how often it waits for a core, its CPU time hardly."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000,20000,50000,95000")
    parser.add_argument("--runs", type=int, default=3, help="attempts per measurement")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    python = sys.executable
    rows: list[tuple[int, float, float, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-scaling-") as folder:
        for n in sizes:
            brief_text, source_text = generate(n, seed=1)
            brief = Path(folder) / f"brief-{n}.yaml"
            brief.write_text(brief_text, encoding="utf-8")
            (Path(folder) / "source.txt").write_text(source_text, encoding="utf-8")
            bare = [python, "-c", "import yaml; "
                    f"yaml.load(open({os.fspath(brief)!r}, 'rb'), Loader=yaml.CSafeLoader)"]
            validate = [python, "-m", "argmap", "validate", "--isolated", os.fspath(brief)]
            said = subprocess.run(validate, cwd=ROOT, capture_output=True, text=True,
                                  check=False)  # warms the caches too
            if said.returncode not in (0, 1) or "Traceback" in said.stderr \
                    or " brief" not in said.stdout:  # a crash is no measurement
                raise SystemExit(f"argmap validate did not run on {n:,} statements "
                                 f"(exit {said.returncode}): {said.stderr.strip()[-500:]}")
            if " AM001 " in said.stdout:
                raise SystemExit(f"argmap refuses the brief of {n:,} statements: "
                                 f"{said.stdout.strip().splitlines()[0]}")
            bare_times, argmap_times = [], []
            for _ in range(options.runs):
                bare_times.append(timed(bare))
                argmap_times.append(timed(validate))
            rows.append((n, min(c for _, c in bare_times), min(c for _, c in argmap_times),
                         min(w for w, _ in bare_times), min(w for w, _ in argmap_times)))
            brief.unlink()

    per_reference = next((a / n for n, _, a, _, _ in rows if n == REFERENCE), None)
    print(f"argmap validate against yaml.load(CSafeLoader): CPU seconds of whole processes, "
          f"best of {options.runs} (wall seconds in brackets)")
    print(f"{'statements':>10}  {'yaml.load':>17}  {'validate':>17}  {'ratio':>6}  "
          f"{'us/stmt':>8}  {'vs 10k':>6}  target")
    for n, bare_time, argmap_time, bare_wall, argmap_wall in rows:
        per = argmap_time / n
        growth = f"{per / per_reference:6.2f}" if per_reference else "     -"
        wanted = []
        if n in TARGETS:
            wanted.append(f"ratio <= {TARGETS[n]}")
        if n > REFERENCE and per_reference:
            wanted.append(f"vs 10k <= {LINEAR_TARGET}")
        print(f"{n:>10,}  {bare_time:7.3f} ({bare_wall:7.3f})  "
              f"{argmap_time:7.3f} ({argmap_wall:7.3f})  {argmap_time / bare_time:6.3f}  "
              f"{per * 1e6:8.1f}  {growth}  {', '.join(wanted)}")


if __name__ == "__main__":
    main()
