"""argmap inside a host program: its cost under Python's default cycle-collector settings.

    python benchmarks/bench_collector.py [--statements 50000] [--repeat 3]

A host program that calls the library keeps Python's default collector thresholds, under which
building a large brief's hundreds of thousands of objects would run the collector over all of
them again and again. Each operation is timed (best of ``--repeat``) twice in this process: with
the default settings, and with the collector switched off; the ratio of the two is the cost of
the collector. Because pausing the collector defers the young-generation pass that the host's
next allocation triggers, the default-settings time includes that one pass (``gc.collect(0)``
right after the call), so nothing is hidden. Targets: at most 1.2 for ``load`` and ``to_dot``.
The script checks that the host's settings are the same afterwards.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # measure this checkout's argmap
from synthetic import generate

import argmap

TARGET = 1.2


def best(repeat: int, run: Callable[[], Any], *, collector: bool) -> float:
    """The best of ``repeat`` CPU timings of ``run``, with the collector on (default thresholds,
    plus the young-generation pass the call leaves for later) or off.

    CPU time of this process, not wall time: on a machine shared with other work the wall time
    mostly measures how long the process waited for a core."""
    times = []
    for _ in range(repeat):
        gc.collect()
        if not collector:
            gc.disable()
        start = time.process_time()
        result = run()
        if collector:
            gc.collect(0)
        elapsed = time.process_time() - start
        gc.enable()
        del result
        times.append(elapsed)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--statements", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    gc.set_threshold(700, 10, 10)  # Python's defaults, whatever this interpreter started with
    settings = (gc.isenabled(), gc.get_threshold())

    text, source = generate(options.statements, seed=1)
    with tempfile.TemporaryDirectory(prefix="argmap-bench-collector-") as folder:
        file = Path(folder) / "brief.yaml"
        file.write_text(text, encoding="utf-8")
        (Path(folder) / "source.txt").write_text(source, encoding="utf-8")
        brief = argmap.load(file)
        graph = argmap.ArgumentGraph(brief)
        operations: list[tuple[str, Callable[[], Any], bool]] = [
            ("load", lambda: argmap.load(file), True),
            ("to_dot", lambda: argmap.to_dot(brief), True),
            ("ArgumentGraph", lambda: argmap.ArgumentGraph(brief), False),
            ("check", lambda: argmap.check(brief, graph=graph), False),
            ("evaluate", lambda: argmap.evaluate(graph), False),
        ]
        print(f"{options.statements:,} statements, CPU seconds, best of {options.repeat}; "
              f"collector thresholds {gc.get_threshold()}")
        print(f"{'':<14} {'default':>9} {'off':>9}  {'ratio':>5}  target")
        for name, run, targeted in operations:
            on = best(options.repeat, run, collector=True)
            off = best(options.repeat, run, collector=False)
            wanted = f"<= {TARGET}" if targeted else ""
            print(f"{name:<14} {on:8.3f}s {off:8.3f}s  {on / off:5.2f}  {wanted}")
    after = (gc.isenabled(), gc.get_threshold())
    print(f"host settings unchanged: {after == settings} {after}")


if __name__ == "__main__":
    main()
