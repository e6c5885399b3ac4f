"""Conversion speed at scale, in process, as ratios measured in one run.

    python benchmarks/bench_convert.py [--n 10000] [--runs 5]

A synthetic brief of N statements is written as AIF once; then, best of runs:

1. importing that AIF file (``argmap.convert.read_file``: JSON, the graph, the brief) in seconds,
   and over a bare ``json.loads`` of the same bytes. Target: well under a second.
2. exporting the brief as AIF (``write_aif`` and ``json.dumps``), over ``argmap.dumps`` (YAML)
   of the same brief.
3. the same two for Argdown, when ``argmap.convert.argdown`` is there.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate
from timing import best_of

import argmap
from argmap.convert import read_file, render


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        brief_text, source_text = generate(options.n, seed=1)
        brief_file = Path(folder) / "brief.yaml"
        brief_file.write_text(brief_text, encoding="utf-8")
        (Path(folder) / "source.txt").write_text(source_text, encoding="utf-8")
        brief = argmap.load(brief_file)
        aif_text, _ = render(brief, "aif")
        aif_file = Path(folder) / "map.json"
        aif_file.write_text(aif_text, encoding="utf-8")
        data = aif_file.read_bytes()
        nodes = len(json.loads(data)["nodes"])

        t_import, conversion = best_of(options.runs, lambda: read_file(aif_file))
        t_json, _ = best_of(options.runs, lambda: json.loads(data))
        t_export, _ = best_of(options.runs, lambda: render(brief, "aif"))
        t_yaml, _ = best_of(options.runs, lambda: argmap.dumps(brief))
        assert len(conversion.brief.statements) == len(brief.statements)

        print(f"{len(brief.statements):,} statements, AIF file of {nodes:,} nodes "
              f"({len(data) / 1e6:.1f} MB)")
        print(f"import AIF:  {t_import:.3f} s   ({t_import / t_json:.1f} x json.loads)")
        print(f"export AIF:  {t_export:.3f} s   ({t_export / t_yaml:.2f} x argmap.dumps)")
        try:
            from argmap.convert import argdown  # noqa: F401
        except ImportError:
            return
        ad_text, _ = render(brief, "argdown")
        ad_file = Path(folder) / "map.argdown"
        ad_file.write_text(ad_text, encoding="utf-8")
        t_ad_import, _ = best_of(options.runs, lambda: read_file(ad_file))
        t_ad_export, _ = best_of(options.runs, lambda: render(brief, "argdown"))
        print(f"import Argdown: {t_ad_import:.3f} s   export Argdown: {t_ad_export:.3f} s "
              f"({t_ad_export / t_yaml:.2f} x argmap.dumps)")


if __name__ == "__main__":
    main()
