"""Start-up is paid once: validating a folder of many small briefs in one call, against
validating one small brief in as many separate calls as CI tools often make.

    python benchmarks/bench_many.py [--briefs 1000] [--calls 10] [--statements 12] [--repeat 3]

Both sides are whole ``python -m argmap validate`` processes, timed by wall clock; each side is
the best of ``--repeat`` attempts, because shared machines are noisy. The briefs come from
``synthetic.generate`` (each quotes its own source text, so quote checking runs too). Prints

    folder of 1000 briefs, 1 call:   X s
    1 brief, 10 calls:               Y s
    ratio: X / Y = R  (target < 3)
    folder, --jobs 1:                Z s
    speed-up of the pool: Z / X = S  (target >= 1.6 on two cores; N cores here)

and exits 1 when the ratio misses the target, so it can gate a release. The last two lines
compare the default run (a pool of worker processes, one per core) with the same folder checked
by one process (``--jobs 1``), the two measured alternately so that both see the same load.
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

TARGET = 3.0
POOL_TARGET = 1.6


def write_briefs(folder: Path, count: int, statements: int) -> list[Path]:
    """``count`` small briefs in ``folder``, each with its source text in ``sources/``."""
    (folder / "sources").mkdir(parents=True)
    files = []
    for seed in range(count):
        brief, source = generate(statements, seed, source_path=f"sources/brief-{seed:04d}.txt")
        file = folder / f"brief-{seed:04d}.yaml"
        file.write_text(brief, encoding="utf-8")
        (folder / "sources" / f"brief-{seed:04d}.txt").write_text(source, encoding="utf-8")
        files.append(file)
    return files


def validate(*paths: Path, jobs: int | None = None) -> float:
    """Wall time of one ``argmap validate`` process; stops the benchmark if it cannot run."""
    command = [sys.executable, "-m", "argmap", "validate", "--isolated", "--format", "text",
               "--quiet", *map(str, paths)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"validate failed ({done.returncode}): {done.stdout}{done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--briefs", type=int, default=1000, help="briefs in the folder")
    parser.add_argument("--calls", type=int, default=10, help="separate calls on one brief")
    parser.add_argument("--statements", type=int, default=12, help="statements per brief")
    parser.add_argument("--repeat", type=int, default=3, help="attempts per side; best counts")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="argmap-bench-many-") as temporary:
        folder = Path(temporary) / "briefs"
        files = write_briefs(folder, options.briefs, options.statements)
        one = files[0]
        validate(one)  # warm the file-system cache and Python's bytecode cache first
        many_times, alone_times = [], []
        for _ in range(options.repeat):
            many_times.append(validate(folder))
            alone_times.append(validate(folder, jobs=1))
        many, alone = min(many_times), min(alone_times)
        single = min(
            sum(validate(one) for _ in range(options.calls)) for _ in range(options.repeat)
        )

    ratio = many / single
    print(f"folder of {options.briefs} briefs, 1 call:   {many:6.2f} s")
    print(f"1 brief, {options.calls} calls:{' ' * (22 - len(str(options.calls)))}{single:6.2f} s")
    print(f"ratio: {many:.2f} / {single:.2f} = {ratio:.2f}  (target < {TARGET:g})")
    print(f"folder, --jobs 1:                {alone:6.2f} s")
    print(f"speed-up of the pool: {alone:.2f} / {many:.2f} = {alone / many:.2f}  "
          f"(target >= {POOL_TARGET:g} on two cores; {os.cpu_count()} cores here)")
    return 0 if ratio < TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
