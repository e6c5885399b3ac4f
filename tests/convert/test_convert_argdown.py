"""Argdown in and out, checked against the real Argdown parser (npm @argdown/cli).

Reading: on files exercising every construct, argmap's reading gives exactly the statements,
arguments, relations, sections and tags that ``argdown json`` exports, and each file gives the
brief written beside it. Writing: what argmap writes, the real parser reads without error, as
argmap reads it, and it comes back as the same brief.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from argdown_support import argdown_json, needs_argdown, our_reading, real_reading
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_convert_aif import _briefs, _graph

import argmap
from argmap.convert import read_file
from argmap.convert.argdown import parse_argdown, read_argdown
from argmap.convert.argdownwrite import write_argdown
from argmap.errors import ConversionError

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "convert" / "argdown"
CORPUS = sorted(FIXTURES.glob("*.argdown"))
BRIEFS = sorted((ROOT / "briefs").glob("*.yaml"))


@needs_argdown
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_argmap_reads_each_file_as_the_real_parser_does(path: Path) -> None:
    assert our_reading(parse_argdown(path.read_text())) == real_reading(argdown_json(path))


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_each_file_gives_the_brief_written_beside_it(path: Path) -> None:
    expected = argmap.load(path.with_suffix(".expected.yaml"))
    assert read_file(path).brief == expected


def test_arguments_become_linked_arguments_with_their_scheme() -> None:
    brief = read_file(FIXTURES / "arguments.argdown").brief
    expert = brief.arguments["expert"]
    assert expert.premises == ["says", "knows"]
    assert expert.conclusion == "traffic"
    assert expert.scheme == "Argument From Expert Opinion"
    assert brief.statements["paid"].undercuts == ["expert"]
    two = [a for a in brief.arguments.values() if a.conclusion in ("a3", "a5")]
    assert sorted((a.premises, a.conclusion) for a in two) == [
        (["a1", "a2"], "a3"), (["a3", "a4"], "a5")]


def test_front_matter_sections_tags_and_data() -> None:
    brief = read_file(FIXTURES / "constructs.argdown").brief
    assert brief.title == "Every other construct"
    assert brief.authors == ["A. Analyst"]
    assert brief.sections == ["First heading", "A subsection", "Deeper", "Second heading"]
    long = brief.statements["long"]
    assert long.text == "A statement whose text runs over two lines."
    assert long.tags == ["two words", "one"]
    assert brief.statements["alone"].likelihood == "likely"
    assert brief.statements["escaped"].text == (
        "It costs 5% more [really] and uses #hashes and a_b.")


# --- writing ----------------------------------------------------------------------------------

_NASTY = ["C++ & a_b_c", "#hash {brace} [bracket] <angle>", "50% of //them/ *star*",
          "e.g. :smile: x.y.z", "a - b + c, d", "quote \"x\" and 'y' @at ~tilde~ `code`",
          "back\\slash", "=== fence", "(1) numbered"]


def _nasty_brief(seed: int) -> argmap.Brief:
    rng = random.Random(seed)
    ids = [f"s{i}" for i in range(6)]
    data: dict[str, Any] = {"argmap": 1, "id": f"nasty-{seed}", "title": "Nasty: {x} #y",
                            "sections": ["One [1]", "Two #2"], "claims": {}, "premises": {},
                            "objections": {}, "recommendations": {}}
    for index, key in enumerate(ids):
        section = rng.choice(["claims", "premises", "objections", "recommendations"])
        statement: dict[str, Any] = {"text": " ".join(rng.sample(_NASTY, 2)),
                                     "tags": [rng.choice(["plain", "two words", "x-y"])],
                                     "section": rng.choice(["One [1]", "Two #2"])}
        if index:
            statement["supports" if rng.random() < 0.6 else "attacks"] = [ids[index - 1]]
        if rng.random() < 0.5:
            statement["note"] = rng.choice(_NASTY)
        data[section][key] = statement
    data["arguments"] = {"arg": {"premises": ["s3", "s4"], "conclusion": "s0",
                                 "scheme": "Argument From Expert Opinion, roughly",
                                 "text": rng.choice(_NASTY)}}
    data["objections"]["undercutter"] = {"text": "It does not follow.", "attacks": ["arg"]}
    return argmap.Brief.model_validate(data)


_WRITTEN = [argmap.load(p) for p in BRIEFS] + [_nasty_brief(seed) for seed in range(3)]


@needs_argdown
@pytest.mark.parametrize("brief", _WRITTEN, ids=[b.id for b in _WRITTEN])
def test_the_real_parser_reads_what_argmap_writes_as_argmap_does(brief: argmap.Brief,
                                                                 tmp_path: Path) -> None:
    text, losses = write_argdown(brief)
    # Argdown has no preferences, concessions or undercuts of a single relation: the writer
    # keeps those in the statement's data block, and drops nothing.
    assert all("kept only in the data block" in group for group in losses.groups), losses
    path = tmp_path / f"{brief.id}.argdown"
    path.write_text(text)
    real = real_reading(argdown_json(path))
    assert our_reading(parse_argdown(text)) == real
    assert set(real["statements"]) == set(brief.statements)
    assert {title for title, a in real["arguments"].items() if a["pcs"]} == set(brief.arguments)


@pytest.mark.parametrize("brief", _WRITTEN, ids=[b.id for b in _WRITTEN])
def test_briefs_come_back_whole_through_argdown(brief: argmap.Brief) -> None:
    text, _ = write_argdown(brief)
    assert read_argdown(text).brief == brief


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_briefs())
def test_random_briefs_come_back_with_the_same_graph(brief: argmap.Brief) -> None:
    text, _ = write_argdown(brief)
    back = read_argdown(text).brief
    assert _graph(back) == _graph(brief)
    assert {k: s.text.strip() for k, s in back.statements.items()} == {
        k: " ".join(s.text.split()) for k, s in brief.statements.items()}


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "element", "message"),
    [
        ("===\ntitle: x\n\n[A]: a\n", "line 1", "never closed"),
        ("[A]: a\n\n  + [B]: b\n+ [C]: c\n", None, None),
        ("  + [B]: b\n", "line 1", "nothing above it|no statement or argument above it"),
        ("[A]: a {b: [}\n", "line 1", "not a YAML mapping"),
        ("[A]: a }\n", "line 1", "no '\\{' opens"),
        ("<A>\n\n(1) [P]\n--\nrule\n", "line 5", "never closed"),
        ("----\n", "line 1", "between the numbered lines"),
        ("[A]: a\x00b\n", "line 1", "NUL"),
    ],
)
def test_malformed_argdown_names_the_line(text: str, element: str | None,
                                          message: str | None) -> None:
    if message is None:  # a relation at the left margin is plain text, not an error
        read_argdown(text)
        return
    with pytest.raises(ConversionError, match=message) as caught:
        read_argdown(text, path="map.argdown")
    assert caught.value.element == element
    assert caught.value.path == "map.argdown"


_PIECES = ["[A]", "[B]: b", "<X>", "<Y>: y", "(1) ", "(2) ", "----", "-- r --", "--", "+ ",
           "- ", "_ ", "+> ", "-> ", "_> ", "<+ ", "<- ", "<_ ", ">< ", "# H", "## H2", "===",
           "{k: v}", "{", "}", "#tag", "#(t t)", "\\", "//", "/*", "*/", "<!--", "-->", "text",
           "\n", "\n\n", "  ", "    ", "\t", "[", "]", "<", ">", ":", "@[A]", "\x00", "\ud800"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_random_argdown_raises_only_conversion_errors(pieces: list[str]) -> None:
    try:
        conversion = read_argdown("".join(pieces))
    except ConversionError:
        return
    argmap.check(conversion.brief)
    write_argdown(conversion.brief)


WEIGHING = ROOT / "tests" / "fixtures" / "valid" / "weighing.yaml"


def test_the_extended_format_comes_back_whole_through_argdown() -> None:
    brief = argmap.load(WEIGHING)
    text, losses = write_argdown(brief)
    assert read_argdown(text).brief == brief
    assert any("outweighs" in what for what in losses.groups)


@needs_argdown
def test_the_real_parser_reads_the_extended_format_as_argmap_does(tmp_path: Path) -> None:
    text, _ = write_argdown(argmap.load(WEIGHING))
    path = tmp_path / "weighing.argdown"
    path.write_text(text)
    assert our_reading(parse_argdown(text)) == real_reading(argdown_json(path))
