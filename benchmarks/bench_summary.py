"""``argmap summary`` against ``argmap validate`` on the same brief: whole processes, CPU time.

    python benchmarks/bench_summary.py [--statements 10000] [--runs 5] [--seed 1]

A synthetic brief of ``--statements`` statements (``synthetic.generate``) is written to a
temporary folder with the source text its quotes come from beside it as ``source.txt``. Two
whole processes are timed, each the best of ``--runs`` attempts, interleaved so that both see
the same load on a shared machine:

- ``python -m argmap validate BRIEF``;
- ``python -m argmap summary BRIEF -o OUT.md`` (it checks the brief for errors first, as it
  always does, then evaluates it, gathers the summary and renders the default template).

Prints both CPU times (wall times in brackets) and summary / validate. Target: at most 1.0 at
10,000 statements. A process that crashes (an exit status other than 0 or 1, a traceback, or
no summary written) stops the script: a crash is no measurement.
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
TARGET = 1.0


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU time (user + system, from ``os.wait4``) of one process run from the
    repository root, so that it measures this checkout. The ratio uses CPU time: on a shared
    machine a process's wall time depends on how often it waits for a core, its CPU time hardly."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    assert process.stderr is not None
    said = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1) or "Traceback" in said:
        raise SystemExit(f"crashed (exit {code}): {' '.join(command)}\n{said.strip()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="attempts per measurement")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="argmap-bench-summary-") as folder:
        brief_text, source_text = generate(options.statements, seed=options.seed)
        brief = Path(folder) / "brief.yaml"
        brief.write_text(brief_text, encoding="utf-8")
        (Path(folder) / "source.txt").write_text(source_text, encoding="utf-8")
        out = Path(folder) / "summary.md"
        validate = [python, "-m", "argmap", "validate", os.fspath(brief)]
        summary = [python, "-m", "argmap", "summary", os.fspath(brief), "-o", os.fspath(out)]
        validate_times, summary_times = [], []
        for _ in range(options.runs):
            validate_times.append(timed(validate))
            out.unlink(missing_ok=True)
            summary_times.append(timed(summary))
            if not out.is_file() or out.stat().st_size == 0:
                raise SystemExit(f"argmap summary wrote no summary: {' '.join(summary)}")
        size = out.stat().st_size

    validate_cpu = min(c for _, c in validate_times)
    summary_cpu = min(c for _, c in summary_times)
    print(f"argmap summary against argmap validate, {options.statements:,} statements: CPU "
          f"seconds of whole processes, best of {options.runs} (wall seconds in brackets)")
    print(f"  validate  {validate_cpu:7.3f} ({min(w for w, _ in validate_times):7.3f})")
    print(f"  summary   {summary_cpu:7.3f} ({min(w for w, _ in summary_times):7.3f})   "
          f"({size:,} bytes of Markdown)")
    print(f"  summary / validate  {summary_cpu / validate_cpu:6.3f}   target <= {TARGET}")


if __name__ == "__main__":
    main()
