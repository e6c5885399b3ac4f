"""Validation speed and memory, as ratios measured in one run (the machines are shared and noisy).

    python benchmarks/bench_validate.py [--n 10000] [--runs 5]

Every figure is the CPU time (user + system) of a whole process, the best of ``--runs``
attempts, with the processes compared interleaved so that each sees the same load. CPU time,
not wall time: on a shared machine a process's wall time depends on how long it waits for a
core, its CPU time hardly. Prints:

1. ``argmap validate`` on a synthetic brief of N statements (quotes into a 1 MB-scale wrapped
   source) over a bare ``yaml.load(..., Loader=yaml.CSafeLoader)`` of the same file. Target:
   at most 0.4 at 10,000 statements (issue 13; ``bench_scaling.py`` prints the other sizes).
2. Peak resident memory of ``argmap validate`` on the N-statement brief. Target < 150 MB.
3. Cold ``argmap validate`` on the shipped Georgia brief over ``python -c "import pydantic,
   yaml"``. Target: at most 2.5 (issue 13). Beside it, the ratio over ``python -c "from pydantic
   import BaseModel; import yaml"``, which also pays for the part of Pydantic that models need.

The processes run as an installed program does: with Python's bytecode caches (a wheel's
installer compiles them), even when the calling shell sets ``PYTHONDONTWRITEBYTECODE``; one
untimed run of each command first writes them. An argmap process that crashes (an exit code
other than 0 or 1, or a traceback on standard error) stops the benchmark: timing a crash would
measure nothing.
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
GEORGIA = "briefs/georgia-russia-dialogue.yaml"
TARGET_10K = 0.4
TARGET_MEMORY_MB = 150
TARGET_COLD = 2.5
# Children keep their bytecode caches; everything else in the environment is passed on.
ENVIRONMENT = {key: value for key, value in os.environ.items()
               if key != "PYTHONDONTWRITEBYTECODE"}


class Crashed(SystemExit):
    """A timed process that did not finish its job."""


def run(command: list[str]) -> tuple[float, float, float]:
    """CPU time (s), wall time (s) and peak resident memory (MB) of one process; a crash (exit
    code not 0 or 1, or a traceback) stops the benchmark with the process's standard error."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=ENVIRONMENT,
                                   stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        errors.seek(0)
        said = errors.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1) or "Traceback" in said:
        raise Crashed(f"crashed (exit {code}): {' '.join(command)}\n{said[-3000:]}")
    return usage.ru_utime + usage.ru_stime, elapsed, usage.ru_maxrss / 1024


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float, float]]:
    """Each command's best CPU time, best wall time and largest peak memory over ``runs``
    rounds, every round running each command once in turn (after one untimed warm-up each)."""
    for command in commands.values():
        run(command)
    best = {name: (float("inf"), float("inf"), 0.0) for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            cpu, wall, memory = run(command)
            old_cpu, old_wall, old_memory = best[name]
            best[name] = (min(cpu, old_cpu), min(wall, old_wall), max(memory, old_memory))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    python = sys.executable
    print(f"CPU seconds of whole processes, best of {options.runs} interleaved "
          f"(wall seconds in brackets); load average {os.getloadavg()[0]:.2f}")

    with tempfile.TemporaryDirectory() as folder:
        brief_text, source_text = generate(options.n, seed=1)
        brief = Path(folder) / "brief.yaml"
        brief.write_text(brief_text, encoding="utf-8")
        (Path(folder) / "source.txt").write_text(source_text, encoding="utf-8")
        bare = [python, "-c",
                f"import yaml; yaml.load(open({str(brief)!r}, 'rb'), Loader=yaml.CSafeLoader)"]
        validate = [python, "-m", "argmap", "validate", str(brief)]
        done = subprocess.run(validate, cwd=ROOT, env=ENVIRONMENT, capture_output=True,
                              text=True, check=False)
        print(f"synthetic brief: {options.n:,} statements, {brief.stat().st_size / 1e6:.1f} MB; "
              f"source {len(source_text) / 1e6:.1f} MB; argmap says: {done.stdout.strip()[-60:]}")
        times = interleaved({"bare": bare, "validate": validate}, options.runs)
        (bare_cpu, bare_wall, _), (argmap_cpu, argmap_wall, argmap_memory) = (
            times["bare"], times["validate"])
        print(f"bare CSafeLoader load    {bare_cpu:7.3f} ({bare_wall:7.3f})")
        print(f"argmap validate          {argmap_cpu:7.3f} ({argmap_wall:7.3f})   "
              f"ratio {argmap_cpu / bare_cpu:.2f}  (target <= {TARGET_10K} at 10,000)")
        print(f"peak memory              {argmap_memory:7.1f} MB  (target < {TARGET_MEMORY_MB})")

    cold = interleaved({
        "imports": [python, "-c", "import pydantic, yaml"],
        "models": [python, "-c", "from pydantic import BaseModel; import yaml"],
        "validate": [python, "-m", "argmap", "validate", GEORGIA],
    }, options.runs * 2)
    (imports_cpu, imports_wall, _), (models_cpu, models_wall, _), (cold_cpu, cold_wall, _) = (
        cold["imports"], cold["models"], cold["validate"])
    print(f"import pydantic, yaml    {imports_cpu:7.3f} ({imports_wall:7.3f})")
    print(f"from pydantic import BaseModel; import yaml "
          f"{models_cpu:7.3f} ({models_wall:7.3f})")
    print(f"cold validate (Georgia)  {cold_cpu:7.3f} ({cold_wall:7.3f})   "
          f"ratio {cold_cpu / imports_cpu:.2f}  (target <= {TARGET_COLD})   "
          f"over BaseModel {cold_cpu / models_cpu:.2f}")


if __name__ == "__main__":
    main()
