"""Generators of hostile briefs: the shapes that once made argmap hang, raise or eat memory.

``tests/fixtures/hostile/`` holds small instances of each (written by ``python
benchmarks/hostile_inputs.py tests/fixtures/hostile``); ``benchmarks/bench_hostile.py`` builds
large ones. Each function returns the text of one file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

__all__ = [
    "cycles",
    "flow_line",
    "lattice",
    "numbered_claims",
    "unconnected",
    "unknown_keys",
    "write_corpus",
]

_HEAD = "argmap: 1\nid: {id}\ntitle: {title}\n"


def lattice(width: int = 4, depth: int = 12) -> str:
    """A support lattice ``width`` wide and ``depth`` deep (``width ** depth`` paths to the top)
    whose bottom statements are concluded by arguments with ``premises: []``."""
    lines = [_HEAD.format(id="lattice", title="A dense lattice of support").rstrip("\n")]
    lines.append("recommendations:")
    lines.extend(f"  n0-{w}: {{text: Recommendation {w}}}" for w in range(width))
    lines.append("claims:")
    for d in range(1, depth):
        above = ", ".join(f"n{d - 1}-{x}" for x in range(width))
        lines.extend(f"  n{d}-{w}: {{text: Claim {d} {w}, supports: [{above}]}}"
                     for w in range(width))
    lines.append("arguments:")
    lines.extend(f"  root-{w}: {{premises: [], conclusion: n{depth - 1}-{w}}}"
                 for w in range(width))
    return "\n".join(lines) + "\n"


def cycles(copies: int = 100) -> str:
    """``copies`` copies of a three-claim cycle of two supports and an attack, which the
    continuous gradual semantics approach slowly."""
    lines = [_HEAD.format(id="cycles", title="Many slow cycles").rstrip("\n"), "claims:"]
    for i in range(copies):
        lines.append(f"  a-{i}: {{text: A {i}, supports: [b-{i}]}}")
        lines.append(f"  b-{i}: {{text: B {i}, supports: [c-{i}]}}")
        lines.append(f"  c-{i}: {{text: C {i}, attacks: [a-{i}]}}")
    return "\n".join(lines) + "\n"


def numbered_claims(count: int = 2_000) -> str:
    """Claims whose ids and texts are plain numbers (``1: 1``): one schema error each."""
    lines = [_HEAD.format(id="numbers", title="Numbers for ids").rstrip("\n"), "claims:"]
    lines.extend(f"  {i}: {i}" for i in range(1, count + 1))
    return "\n".join(lines) + "\n"


def unconnected(count: int = 2_000) -> str:
    """``count`` claims connected to nothing: one warning each."""
    lines = [_HEAD.format(id="lonely", title="Lonely claims").rstrip("\n"), "claims:"]
    lines.extend(f"  c-{i}: {{text: Claim {i}}}" for i in range(count))
    return "\n".join(lines) + "\n"


def unknown_keys(count: int = 2_000) -> str:
    """A JSON brief whose one claim has ``count`` unknown keys."""
    claim: dict[str, object] = {"text": "A claim"}
    claim.update({f"k{i}": i for i in range(count)})
    return json.dumps({"argmap": 1, "id": "keys", "title": "Unknown keys",
                       "claims": {"c": claim}})


def flow_line(count: int = 2_000) -> str:
    """A brief whose claims all stand in one flow mapping on one line."""
    body = ", ".join(f"c-{i}: {{text: Claim {i}}}" for i in range(count))
    return _HEAD.format(id="flow", title="One long line") + "claims: {" + body + "}\n"


def write_corpus(folder: Path) -> None:
    """Write the small instances that ``tests/fixtures/hostile/`` holds."""
    files = {
        "lattice-premiseless-roots.yaml": lattice(),
        "cycles-100.yaml": cycles(),
        "numbered-claims.yaml": numbered_claims(),
        "unknown-keys.json": unknown_keys(),
    }
    head = _HEAD.format(id="numbers", title="Hostile numbers")
    big = "9" * 5_000
    files.update({
        "huge-integer.yaml": head + f"date: {big}\n",
        "huge-float-tag.yaml": head + f"date: !!float {big}\n",
        "float-tag-overflow.yaml": head + f"date: !!float {'9' * 400}\n",
        "huge-key.yaml": head + f"? {big}\n: 1\n",
        "huge-hex.yaml": head + f"date: 0x{'f' * 4_000}\n",
        "huge-octal.yaml": head + f"date: 0o{'7' * 5_000}\n",
        "huge-integer.json": json.dumps({"argmap": 1, "id": "n", "title": "t"})[:-1]
        + f', "date": {big}}}',
        "lone-surrogate-key.json": '{"argmap": 1, "id": "s", "title": "t", '
        '"claims": {"a\\ud800": {"text": "x"}}}',
        "one-and-true-keys.yaml": head + "1: a\ntrue: b\n",
        "two-nan-keys.yaml": head + ".nan: a\n.nan: b\n",
        "numeric-ids.yaml": head + "claims: {1: {text: x}}\n",
        "nan-base-score.yaml": head + "claims:\n  a: {text: A, base_score: .nan, supports: [b]}\n"
        "  b: {text: B}\n",
    })
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]))
