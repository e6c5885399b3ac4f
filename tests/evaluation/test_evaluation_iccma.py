"""Grounded semantics on real ICCMA instances, checked independently and against SOURCES.md.

The instances live in ../shared/data/iccma beside the repository, which users of argmap do not
have: then these tests skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from iccma import IccmaFormatError, read_af
from reference_semantics import (
    dung_grounded_by_defence,
    dung_grounded_by_rounds,
    dung_labelling,
)

from argmap.evaluation import Framework, Label, grounded

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "iccma"

needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"no ICCMA instances at {DATA}")

# (file, arguments IN, arguments OUT) as SOURCES.md states them.
INSTANCES = [
    pytest.param("admbuster_1000.af", 500, 500, id="admbuster_1000"),
    pytest.param("admbuster_8000.af", 4000, 4000, id="admbuster_8000"),
    pytest.param("admbuster_10000.af", 5000, 5000, id="admbuster_10000"),
    pytest.param("admbuster_50000.af", 25000, 25000, id="admbuster_50000", marks=pytest.mark.slow),
    pytest.param("st_890_86_9_572.af", 4, 143, id="st_890_86_9_572"),
    pytest.param("a1210993_20150717_0403.gml.80.af", 72, 125, id="gml.80"),
]

# Instances small or shallow enough for the plain defence-function iteration (on the long
# admbuster chains it is quadratic).
DEFENCE_CHECKED = ["admbuster_1000.af", "st_890_86_9_572.af", "a1210993_20150717_0403.gml.80.af"]


def load(name: str) -> tuple[list[str], list[tuple[str, str]], dict[str, str]]:
    arguments, attacks = read_af(DATA / name)
    fw = Framework(tuple(arguments), {}, (), tuple(attacks))
    return arguments, attacks, {k: v.value for k, v in grounded(fw).items()}


@needs_data
@pytest.mark.parametrize(("name", "n_in", "n_out"), INSTANCES)
def test_grounded_matches_the_published_counts_and_an_independent_fixpoint(
    name: str, n_in: int, n_out: int
) -> None:
    arguments, attacks, labels = load(name)
    values = list(labels.values())
    assert (values.count(Label.IN.value), values.count(Label.OUT.value)) == (n_in, n_out)
    extension = dung_grounded_by_rounds(arguments, attacks)
    assert labels == dung_labelling(arguments, attacks, extension)


@needs_data
@pytest.mark.parametrize("name", DEFENCE_CHECKED)
def test_grounded_matches_dungs_defence_function(name: str) -> None:
    arguments, attacks, labels = load(name)
    extension = dung_grounded_by_defence(arguments, attacks)
    assert labels == dung_labelling(arguments, attacks, extension)


def test_reader_rejects_a_malformed_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.af"
    bad.write_text("p af 2\n1 3\n", encoding="ascii")
    with pytest.raises(IccmaFormatError, match=r"bad\.af:2"):
        read_af(bad)
    bad.write_text("# only a comment\n", encoding="ascii")
    with pytest.raises(IccmaFormatError, match="no 'p af N' header"):
        read_af(bad)


def test_reader_reads_header_comments_and_attacks(tmp_path: Path) -> None:
    good = tmp_path / "good.af"
    good.write_text("p af 3\n# 1\n\n1 2\n3 3\n", encoding="ascii")
    assert read_af(good) == (["1", "2", "3"], [("1", "2"), ("3", "3")])
