"""``argmap.evaluate(brief)`` against a plain reference that builds its input from the same brief.

    python benchmarks/bench_evaluate_brief.py [--sizes 10000,95000] [--repeat 3]

For each size, a synthetic brief (``synthetic.generate``) is loaded once; then, each the best of
``--repeat`` CPU timings in this process:

- ``argmap.evaluate(brief)`` (grounded) and ``argmap.evaluate(brief, "dfquad")``: everything
  from the loaded brief to the result, the argument graph and the framework included;
- the reference: plain Python that reads the statements' ``supports`` and ``attacks`` and the
  linked arguments straight from the brief into dictionaries of lists, then labels them
  (grounded: IN when every attacker is OUT, OUT when an attacker is IN) or computes DF-QuAD
  strengths in one topological pass (the synthetic briefs are acyclic).

The reference does no checking and knows none of the format's newer relations, so it is a floor
rather than a rival. Target: at most 1.5 for both semantics at both sizes. (95,000 statements,
with their arguments and actors, is just under the 100,000 items argmap reads in one brief.)
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

TARGET = 1.5


def best(repeat: int, run: Callable[[], Any]) -> float:
    """The shortest CPU time of ``repeat`` calls (the collector settings left as they are)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def reference_input(brief: Any) -> tuple[dict[str, list[str]], dict[str, list[str]], list[str]]:
    """Attackers and reasons of every node, and the nodes, read straight from the brief."""
    attackers: dict[str, list[str]] = {}
    reasons: dict[str, list[str]] = {}
    nodes: list[str] = []
    for section in (brief.claims, brief.premises, brief.objections, brief.recommendations):
        for key in section:
            nodes.append(key)
            attackers[key] = []
            reasons[key] = []
    for key in brief.arguments:
        nodes.append(key)
        attackers[key] = []
        reasons[key] = []
    for section in (brief.claims, brief.premises, brief.objections, brief.recommendations):
        for key, item in section.items():
            for target in item.supports:
                if target in reasons:
                    reasons[target].append(key)
            for target in item.attacks:
                if target in attackers:
                    attackers[target].append(key)
    for key, argument in brief.arguments.items():
        reasons[key].extend(p for p in argument.premises if p in reasons)
        if argument.conclusion in reasons:
            reasons[argument.conclusion].append(key)
    return attackers, reasons, nodes


def reference_grounded(brief: Any) -> dict[str, str]:
    attackers, _, nodes = reference_input(brief)
    attacks: dict[str, list[str]] = {key: [] for key in nodes}
    for target, sources in attackers.items():
        for source in sources:
            attacks[source].append(target)
    pending = {key: len(set(attackers[key])) for key in nodes}
    label: dict[str, str] = {}
    ready = [key for key in nodes if pending[key] == 0]
    while ready:
        node = ready.pop()
        if node in label:
            continue
        label[node] = "in"
        for target in attacks[node]:
            if target not in label:
                label[target] = "out"
                for further in attacks[target]:
                    pending[further] -= 1
                    if pending[further] == 0 and further not in label:
                        ready.append(further)
    return {key: label.get(key, "undec") for key in nodes}


def reference_dfquad(brief: Any) -> dict[str, float]:
    attackers, reasons, nodes = reference_input(brief)
    successors: dict[str, list[str]] = {key: [] for key in nodes}
    indegree = dict.fromkeys(nodes, 0)
    for target in nodes:
        for source in (*attackers[target], *reasons[target]):
            successors[source].append(target)
            indegree[target] += 1
    order = [key for key in nodes if indegree[key] == 0]
    for node in order:
        for target in successors[node]:
            indegree[target] -= 1
            if indegree[target] == 0:
                order.append(target)
    strength: dict[str, float] = {}
    for node in order:
        against = 1.0
        for source in attackers[node]:
            against *= 1.0 - strength[source]
        towards = 1.0
        for source in reasons[node]:
            towards *= 1.0 - strength[source]
        va, vs = 1.0 - against, 1.0 - towards
        strength[node] = 0.5 - 0.5 * (va - vs) if va >= vs else 0.5 + 0.5 * (vs - va)
    return strength


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="10000,95000")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    print(f"CPU seconds in this process, best of {options.repeat}")
    print(f"{'statements':>10}  {'semantics':<9} {'evaluate':>9} {'reference':>9}  ratio  target")
    for n in (int(size) for size in options.sizes.split(",")):
        text, source = generate(n, seed=1)
        with tempfile.TemporaryDirectory(prefix="argmap-bench-evaluate-") as folder:
            file = Path(folder) / "brief.yaml"
            file.write_text(text, encoding="utf-8")
            (Path(folder) / "source.txt").write_text(source, encoding="utf-8")
            brief = argmap.load(file)
        for semantics, reference in (("grounded", reference_grounded),
                                     ("dfquad", reference_dfquad)):
            ours = best(options.repeat, lambda s=semantics, b=brief: argmap.evaluate(b, s))
            plain = best(options.repeat, lambda r=reference, b=brief: r(b))
            print(f"{n:>10,}  {semantics:<9} {ours:8.3f}s {plain:8.3f}s  {ours / plain:5.2f}  "
                  f"<= {TARGET}")


if __name__ == "__main__":
    main()
