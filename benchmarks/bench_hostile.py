"""Time and peak memory of every command on the worst inputs found, against a normal brief.

Run::

    python benchmarks/bench_hostile.py [--quick] [--timeout 120]

Each hostile input (from :mod:`hostile_inputs`, at the sizes that once hung argmap or ate
gigabytes) is written to a temporary folder, and each command runs in a fresh process, as CI
runs it (Linux only: the peak is read from ``/proc``). For every run the script prints the wall
time and the peak resident memory of that process, and both as a ratio to ``argmap validate``
on a normal brief of the same size in bytes (from :mod:`synthetic`), measured in the same run.
A ratio near 1 means the hostile input costs what an honest brief of its size costs; the bar is
"seconds, and memory a small multiple of the input". ``--quick`` uses a tenth of the sizes.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_inputs import cycles, flow_line, lattice, numbered_claims, unconnected, unknown_keys
from synthetic import generate

__all__ = ["main"]

ROOT = Path(__file__).resolve().parents[1]


# The child reports its own peak resident memory (VmHWM, which exec resets) as it exits: the
# rusage of a child counts the copy of this process it was forked from, so it would report this
# script's own size for every command.
_CHILD = """\
import atexit, os, sys
def report():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    with open(os.environ["ARGMAP_BENCH_PEAK"], "w") as out:
        out.write(peak)
atexit.register(report)
from argmap.cli import main
main(sys.argv[1:])
"""


def _run(args: list[str], cwd: Path, timeout: float) -> tuple[float, float, int]:
    """Seconds, peak megabytes and exit code of ``argmap ARGS`` in a new process."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
        env["PYTHONPATH"] = str(ROOT)
        env["ARGMAP_BENCH_PEAK"] = peak.name
        start = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, "-c", _CHILD, *args], cwd=cwd, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return float("inf"), float("nan"), -9
        seconds = time.perf_counter() - start
        text = peak.read().strip()
    return seconds, int(text) / 1024 if text else float("nan"), done.returncode


def _normal(size: int, folder: Path) -> Path:
    """A synthetic brief of about ``size`` bytes, with its source beside it."""
    sample, _ = generate(200, seed=7)
    count = max(20, round(200 * size / len(sample.encode("utf-8"))))
    text, source = generate(count, seed=7)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.txt").write_text(source, encoding="utf-8")
    brief = folder / "normal.yaml"
    brief.write_text(text, encoding="utf-8")
    return brief


def _cases(scale: float, folder: Path) -> list[tuple[str, str, list[list[str]]]]:
    def n(count: int) -> int:
        return max(10, int(count * scale))

    big_source = folder / "big-source"
    big_source.mkdir()
    line = "russia holds most of the cards while the talks go on and on " * 1 + "\n"
    (big_source / "s.txt").write_text(line * int(60 * 1024 * 1024 * scale / len(line)),
                                      encoding="utf-8")
    (big_source / "b.yaml").write_text(
        "argmap: 1\nid: b\ntitle: B\nsource: {path: s.txt}\nclaims:\n"
        "  a: {text: A, quote: not in the source at all, supports: [b]}\n  b: {text: B}\n",
        encoding="utf-8")
    # Just under the 8 MiB a source may have, with many quotes that are not in it: each miss
    # asks for the closest passage, which once cost a scan of the whole source per quote.
    near_limit = folder / "missing-quotes"
    near_limit.mkdir()
    words = [f"w{i}" for i in range(20_000)]
    body = "\n".join(" ".join(words[i : i + 12]) for i in range(0, len(words), 12)) + "\n"
    (near_limit / "s.txt").write_text(body * int(7.5 * 1024 * 1024 * scale / len(body)),
                                      encoding="utf-8")
    quotes = n(2_000)
    (near_limit / "b.yaml").write_text(
        "argmap: 1\nid: b\ntitle: B\nsource: {path: s.txt}\nclaims:\n" + "".join(
            f"  c{i}: {{text: C, quote: w{i} w{i + 7} w{i + 3} w{i + 1}, supports: [c{i + 1}]}}\n"
            for i in range(quotes)) + f"  c{quotes}: {{text: C}}\n", encoding="utf-8")
    files = {
        "lattice.yaml": lattice(4, 12),
        "cycles.yaml": cycles(n(1000)),
        "numbers.yaml": numbered_claims(n(10_000)),
        "lonely.yaml": unconnected(n(10_000)),
        "keys.json": unknown_keys(n(300_000)),
        "flow.yaml": flow_line(n(250_000)),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    every = [["validate"], ["summary", "-o", "-"], ["render", "-f", "dot", "-o", "-"],
             ["evaluate", "-s", "dfquad"]]
    return [
        ("lattice 4 wide, 12 deep, premiseless roots", "lattice.yaml",
         [["chains", "n0-0"], *every]),
        (f"{n(1000):,} slow support/attack cycles", "cycles.yaml",
         [*every, ["evaluate", "-s", "quadratic-energy"]]),
        (f"{n(10_000):,} claims written as plain numbers", "numbers.yaml", [["validate"]]),
        (f"{n(10_000):,} unconnected claims", "lonely.yaml", every),
        (f"{n(300_000):,} unknown JSON keys", "keys.json", [["validate"]]),
        (f"{n(250_000):,} claims on one flow line", "flow.yaml", [["validate"]]),
        (f"a {60 * scale:.0f} MB source text", "big-source/b.yaml", [["validate"]]),
        (f"{quotes:,} missing quotes, {7.5 * scale:.2g} MiB source", "missing-quotes/b.yaml",
         [["validate"], ["summary", "-o", "-"]]),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per command")
    options = parser.parse_args(argv)
    scale = 0.1 if options.quick else 1.0
    print(f"Python {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} CPUs; each run a fresh process")
    print(f"{'input':<44} {'command':<28} {'exit':>4} {'s':>7} {'MB':>7} "
          f"{'x time':>7} {'x mem':>6}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for title, name, commands in _cases(scale, folder):
            file = folder / name
            size = file.stat().st_size
            normal = _normal(size, folder / f"normal-{file.stem}")
            base_s, base_mb, _ = _run(["validate", str(normal)], normal.parent, options.timeout)
            print(f"{title} ({size / 1e6:.2f} MB); a normal brief of that size validates in "
                  f"{base_s:.2f} s, {base_mb:.0f} MB")
            for command in commands:
                args = [command[0], file.name, *command[1:]]
                seconds, megabytes, code = _run(args, file.parent, options.timeout)
                shown = " ".join(command)
                print(f"{'':<44} {shown:<28} {code:>4} {seconds:>7.2f} {megabytes:>7.0f} "
                      f"{seconds / base_s:>7.1f} {megabytes / base_mb:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
