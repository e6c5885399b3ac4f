"""Time argmap's evaluation on large random frameworks and print the ratio to each target.

Run::

    python benchmarks/bench_evaluation.py [--repeat 7] [--seed 2024]

Five measurements, each the best of ``--repeat`` runs in this process, in CPU seconds (other
work on a shared machine does not count):

- grounded labelling of 100,000 statements with 300,000 distinct random attacks (no support);
  target 0.15 s;
- DF-QuAD on an acyclic map of 10,000 statements with 30,000 distinct relations, half supports
  and half attacks, all pointing forward in a random order; target 0.05 s;
- grounded labelling of the 100,000-statement map with weighing added: 3,000 preferences,
  1,000 concessions and 3,000 undercuts of its attacks; target 0.15 s;
- building that framework from a brief of the same size (``argmap.analysis.to_framework`` of
  the brief, with the Framework's validation and compilation, base scores included); target
  0.5 s;
- the same brief built and labelled as ``argmap.evaluate`` does for grounded semantics
  (``to_framework(brief, scores=False)``, then ``grounded``): the building counted with the
  labelling; target 0.5 s.

Building the :class:`~argmap.evaluation.Framework` (validating every id and compiling the integer
index that all semantics share) happens once per framework and is timed separately: the targets
are for the evaluation itself. The ratio is time / target, so below 1.0 meets the target.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # measure this checkout's argmap
from timing import best_cpu_of as best_of

from argmap.analysis import to_framework
from argmap.evaluation import Framework, dfquad, grounded
from argmap.model import Brief

__all__ = ["main"]

T = TypeVar("T")

GROUNDED_TARGET = 0.15
DFQUAD_TARGET = 0.05
BUILD_TARGET = 0.5


def random_attacks(rng: random.Random, n: int, m: int) -> dict[str, Any]:
    """Framework fields: ``n`` statements, ``m`` distinct random attacks (self-attacks allowed)."""
    names = [f"s{i}" for i in range(n)]
    edges: set[tuple[int, int]] = set()
    while len(edges) < m:
        edges.add((rng.randrange(n), rng.randrange(n)))
    attacks = tuple((names[a], names[b]) for a, b in sorted(edges))
    return {"statements": tuple(names), "arguments": {}, "supports": (), "attacks": attacks}


def random_acyclic_map(rng: random.Random, n: int, m: int) -> dict[str, Any]:
    """Framework fields: ``n`` statements, ``m`` distinct forward relations, about half supports.

    Relations go from earlier to later statements in a random order, so the map is acyclic;
    base scores are uniform in [0, 1].
    """
    order = [f"s{i}" for i in range(n)]
    rng.shuffle(order)
    edges: set[tuple[int, int]] = set()
    while len(edges) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            edges.add((min(a, b), max(a, b)))
    supports: list[tuple[str, str]] = []
    attacks: list[tuple[str, str]] = []
    for a, b in sorted(edges):
        (supports if rng.random() < 0.5 else attacks).append((order[a], order[b]))
    return {
        "statements": tuple(order),
        "arguments": {},
        "supports": tuple(supports),
        "attacks": tuple(attacks),
        "base_scores": {sid: rng.random() for sid in order},
    }


def with_weighing(rng: random.Random, fields: dict[str, Any]) -> dict[str, Any]:
    """The same fields with 3,000 preferences, 1,000 concessions and 3,000 undercuts of attacks."""
    names = fields["statements"]
    attacks = fields["attacks"]
    n = len(names)
    preferences = tuple((names[rng.randrange(n)], names[rng.randrange(n)]) for _ in range(3000))
    concessions = tuple((names[rng.randrange(n)], names[rng.randrange(n)]) for _ in range(1000))
    undercuts = tuple(
        (names[rng.randrange(n)], ("attack", *attacks[rng.randrange(len(attacks))]))
        for _ in range(3000)
    )
    return {**fields, "preferences": preferences, "concessions": concessions,
            "undercuts": undercuts}


def brief_of(fields: dict[str, Any]) -> Brief:
    """A brief whose premises carry the framework's attacks, preferences, concessions and
    undercuts, validated as a loaded brief is (outside the timing)."""
    attacks: dict[str, list[str]] = {}
    for a, b in fields["attacks"]:
        attacks.setdefault(a, []).append(b)
    extra: dict[str, dict[str, list[Any]]] = {}
    for a, b in fields["preferences"]:
        extra.setdefault(a, {}).setdefault("outweighs", []).append(b)
    for a, b in fields["concessions"]:
        extra.setdefault(a, {}).setdefault("concedes", []).append(b)
    for a, (_, source, target) in fields["undercuts"]:
        entry = {"attack": source, "to": target}
        extra.setdefault(a, {}).setdefault("undercuts", []).append(entry)
    premises = {
        sid: {"text": f"Statement {sid}.", "attacks": attacks.get(sid, []), **extra.get(sid, {})}
        for sid in fields["statements"]
    }
    return Brief.model_validate({"argmap": 1, "id": "bench", "title": "Bench",
                                 "premises": premises})


def report(name: str, seconds: float, target: float, build: float) -> None:
    """Print one measurement with its target, the ratio and the construction time."""
    print(
        f"{name:<44} {seconds * 1000:7.1f} ms  target {target * 1000:4.0f} ms  "
        f"ratio {seconds / target:4.2f}   (+ Framework construction {build * 1000:6.1f} ms)"
    )


def main() -> None:
    """Build the two frameworks, time both semantics and print one line each."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (best counts)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the random frameworks")
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"best of {args.repeat} runs each"
    )

    fields = fields_grounded = random_attacks(random.Random(args.seed), 100_000, 300_000)
    build, fw = best_of(args.repeat, lambda: Framework(**fields))
    seconds, labels = best_of(args.repeat, lambda: grounded(fw))
    report("grounded, 100,000 statements, 300,000 attacks", seconds, GROUNDED_TARGET, build)
    counts = Counter(label.value for label in labels.values())
    print(f"    labels: {dict(sorted(counts.items()))}")

    fields = random_acyclic_map(random.Random(args.seed + 1), 10_000, 30_000)
    build, dag = best_of(args.repeat, lambda: Framework(**fields))
    seconds, result = best_of(args.repeat, lambda: dfquad(dag))
    if result.method != "topological" or not result.converged:
        raise SystemExit(f"expected one exact topological pass, got {result.method}")
    report("dfquad, 10,000 statements, 30,000 relations", seconds, DFQUAD_TARGET, build)

    fields = with_weighing(random.Random(args.seed + 2), fields_grounded)
    build, weighed = best_of(args.repeat, lambda: Framework(**fields))
    seconds, labels = best_of(args.repeat, lambda: grounded(weighed))
    report("grounded, same map + preferences, concessions,", seconds, GROUNDED_TARGET, build)
    print("    undercuts (3,000 + 1,000 + 3,000)")
    counts = Counter(label.value for label in labels.values())
    print(f"    labels: {dict(sorted(counts.items()))}")

    brief = brief_of(fields)
    seconds, _ = best_of(max(1, args.repeat // 2), lambda: to_framework(brief))
    print(
        f"{'framework from a brief of that size':<44} {seconds * 1000:7.1f} ms  target "
        f"{BUILD_TARGET * 1000:4.0f} ms  ratio {seconds / BUILD_TARGET:4.2f}   "
        "(to_framework(brief), the Framework included)"
    )
    seconds, _ = best_of(max(1, args.repeat // 2),
                         lambda: grounded(to_framework(brief, scores=False)))
    print(
        f"{'grounded from that brief, building counted':<44} {seconds * 1000:7.1f} ms  target "
        f"{BUILD_TARGET * 1000:4.0f} ms  ratio {seconds / BUILD_TARGET:4.2f}   "
        "(grounded(to_framework(brief, scores=False)))"
    )


if __name__ == "__main__":
    main()
