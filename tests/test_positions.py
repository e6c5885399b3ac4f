"""Positions found lazily, from an index of a text's sections, agree with a full careful parse."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from argmap.positions import SourceMap
from argmap.yamlparse import parse

ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
assert _SPEC is not None and _SPEC.loader is not None
synthetic = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(synthetic)
generate = synthetic.generate  # the benchmarks' generator of large, realistic briefs

CORPUS = sorted(
    [*ROOT.glob("briefs/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")],
    key=lambda p: p.relative_to(ROOT).as_posix(),
)


def _careful(text: str) -> SourceMap | None:
    parsed = parse(text, fast=False)
    if parsed.problems or not isinstance(parsed.data, dict):
        return None
    return parsed.positions


STATEMENT_SECTIONS = ("claims", "premises", "objections", "recommendations", "arguments")


def _assert_lazy_agrees(text: str, only: tuple[str, ...] | None = None) -> SourceMap:
    """Every key and value path (of the sections ``only``, else all) is found where the careful
    parser of the whole text finds it."""
    careful = _careful(text)
    assert careful is not None
    lazy = SourceMap(text=text)
    keys, values = careful._ensure()
    paths = sorted({*keys, *values}, key=repr)
    for path in paths:
        if len(path) < 2 or (only is not None and path[0] not in only):
            continue
        assert lazy.key_position(path) == careful.key_position(path), path
        assert lazy.value_position(path) == careful.value_position(path), path
        # A path that is not in the document resolves to the same nearest prefix.
        missing = (*path, "no-such-key")
        assert lazy.key_position(missing) == careful.key_position(missing), missing
    return lazy


@pytest.mark.parametrize("file", CORPUS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_lazy_positions_agree_with_a_full_parse_on_every_corpus_brief(file: Path) -> None:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: the loader reports it before any position is needed")
    if _careful(text) is None:
        pytest.skip("does not parse: the careful parser gives its positions itself")
    _assert_lazy_agrees(text)


def test_lazy_positions_agree_on_a_synthetic_brief_and_come_from_blocks() -> None:
    text, _ = generate(400, seed=3)
    lazy = _assert_lazy_agrees(text, STATEMENT_SECTIONS)
    assert lazy._keys is None, "the whole text was parsed again"
    assert len(lazy._blocks) > 400


@pytest.mark.parametrize(
    "entry",
    [
        '  "quoted-key":\n    text: A quoted key.\n',
        "  'single-quoted':\n    text: Single quotes.\n",
        "  with-comment:   # a comment after the key\n    text: x\n  # a comment line\n",
        "  inline: {text: A flow mapping on one line, tags: [a, b]}\n",
        "  tricky:\n    text: |\n      a line that looks like a key:\n        s-3: not a key\n",
        "  folded:\n    text: >-\n      a folded text\n\n      with a blank line\n",
        "  has:colon: {text: A plain key with a colon inside}\n",
    ],
)
def test_unusual_entries_are_located_as_the_careful_parser_locates_them(entry: str) -> None:
    rows = ["argmap: 1", "id: big", "title: Big", "claims:", entry.rstrip("\n")]
    rows += [f"  c-{i}:\n    text: Claim {i}\n    tags: [a]" for i in range(50)]
    rows += ["premises:", "  p-1: {text: A premise, supports: [c-1]}"]
    text = "\n".join(rows) + "\n"
    _assert_lazy_agrees(text)
    lazy = _assert_lazy_agrees(text, STATEMENT_SECTIONS)
    assert lazy._keys is None, "the whole text was parsed again"


def test_an_entry_the_index_cannot_read_falls_back_to_a_full_parse_that_agrees() -> None:
    rows = ["argmap: 1", "id: big", "title: Big", "claims:"]
    rows += [f"  c-{i}:\n    text: Claim {i}" for i in range(50)]
    rows += ['  "esc\\"aped": {text: An escaped quote in a key}']
    text = "\n".join(rows) + "\n"
    lazy = _assert_lazy_agrees(text, STATEMENT_SECTIONS)
    assert lazy._keys is not None


def test_many_findings_in_a_large_file_cost_one_index_per_section() -> None:
    text, _ = generate(3000, seed=5)
    lazy = SourceMap(text=text)
    careful = _careful(text)
    assert careful is not None
    keys, _ = careful._ensure()
    entries = [path for path in keys if len(path) == 2 and path[0] in STATEMENT_SECTIONS]
    for path in entries:
        assert lazy.key_position(path) == careful.key_position(path)
    assert len(lazy._sections) == len({path[0] for path in entries})
    assert lazy._keys is None


def test_unknown_keys_counted_not_listed_get_no_positions_but_the_listed_ones_do() -> None:
    import json

    from argmap.loading import MAX_UNKNOWN_KEYS, _trim_unknown_keys
    from argmap.yamlparse import parse

    claim: dict[str, object] = {"text": "A claim"}
    claim.update({f"k{i}": i for i in range(3_000)})
    text = json.dumps({"argmap": 1, "id": "k", "title": "K", "claims": {"c": claim}})
    parsed = parse(text, json_syntax=True)
    found = _trim_unknown_keys(parsed.data, parsed.positions, "k.json")
    first = f'"k{MAX_UNKNOWN_KEYS}"'
    assert [(d.line, d.column) for d in found] == [(1, text.index(first) + 1)]
    assert "2,980 more unknown keys" in found[0].message
    positions = parsed.positions
    assert positions.key_position(("claims", "c", "k3")) == (1, text.index('"k3"') + 1)
    # The re-parse for positions kept the listed keys and left the 2,979 others out.
    assert positions._keys is not None and len(positions._keys) < 100
    assert positions.key_position(("claims", "c", "k2999")) == positions.key_position(("claims", "c"))
