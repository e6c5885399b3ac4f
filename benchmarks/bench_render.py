"""Time argmap's DOT and Markdown output for a brief of 10,000 statements; print the ratios.

Run from the repository root::

    python benchmarks/bench_render.py [--statements 10000] [--repeat 5] [--seed 7]

The brief comes from :mod:`synthetic` (claims, premises, objections and recommendations with
supports, attacks, linked arguments and quotes into a wrapped source text), written to a
temporary folder and loaded with :func:`argmap.load`, as a user's brief would be. Each
measurement is the best of ``--repeat`` runs in this process, starting from the loaded brief:

- ``to_dot(brief)``: building the argument graph and writing the DOT text; target 0.15 s;
- ``to_markdown(brief)``: the summary from the default template, including every
  recommendation's chains of reasons and looking up the key premises' quotes in the source;
  target 0.3 s.

The ratio is time / target, so below 1.0 meets the target. For reference the script also times
the parts: the graph alone, and DOT from a graph already built.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate
from timing import best_of

import argmap
from argmap.graph import ArgumentGraph

__all__ = ["main"]

T = TypeVar("T")

DOT_TARGET = 0.15
MARKDOWN_TARGET = 0.3


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    yaml_text, source_text = generate(args.statements, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        brief_file = Path(folder) / "brief.yaml"
        brief_file.write_text(yaml_text, encoding="utf-8")
        (Path(folder) / "source.txt").write_text(source_text, encoding="utf-8")
        brief = argmap.load(brief_file)

        graph_time, graph = best_of(args.repeat, lambda: ArgumentGraph(brief))
        emit_time, _ = best_of(args.repeat, lambda: argmap.to_dot(graph))
        dot_time, dot = best_of(args.repeat, lambda: argmap.to_dot(brief))
        markdown_time, markdown = best_of(args.repeat, lambda: argmap.to_markdown(brief))

    print(f"argmap render benchmark: Python {platform.python_version()}, "
          f"{platform.machine()}, best of {args.repeat}")
    print(f"brief: {len(graph.nodes):,} nodes ({args.statements:,} statements, "
          f"{len(brief.arguments):,} linked arguments), {len(graph.edges):,} relations, "
          f"{len(brief.recommendations):,} recommendations")
    print(f"  graph alone               {graph_time:8.3f} s")
    print(f"  DOT from a built graph    {emit_time:8.3f} s   ({len(dot):,} characters)")
    print(f"to_dot(brief)               {dot_time:8.3f} s   target {DOT_TARGET:.2f} s   "
          f"ratio {dot_time / DOT_TARGET:.2f}")
    print(f"to_markdown(brief)          {markdown_time:8.3f} s   target "
          f"{MARKDOWN_TARGET:.2f} s   ratio {markdown_time / MARKDOWN_TARGET:.2f}   "
          f"({len(markdown):,} characters)")


if __name__ == "__main__":
    main()
