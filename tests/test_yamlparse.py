"""The YAML reader: values typed as YAML 1.2, positions, and refusal of unsafe input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from argmap.yamlparse import MAX_DEPTH, parse


def test_plain_scalars_are_typed_as_in_yaml_1_2() -> None:
    parsed = parse("a: yes\nb: on\nc: 1\nd: 1.5\ne: ~\nf: true\ng: '1'\nh: 0x10\ni: 2008-08-07\n")
    assert parsed.data == {
        "a": "yes",
        "b": "on",
        "c": 1,
        "d": 1.5,
        "e": None,
        "f": True,
        "g": "1",
        "h": 16,
        "i": "2008-08-07",
    }


def test_positions_of_keys_values_and_sequence_items_are_one_based() -> None:
    parsed = parse("top:\n  inner: [x, {k: v}]\n")
    assert parsed.positions.key_position(("top",)) == (1, 1)
    assert parsed.positions.key_position(("top", "inner")) == (2, 3)
    assert parsed.positions.value_position(("top", "inner")) == (2, 10)
    assert parsed.positions.key_position(("top", "inner", 1, "k")) == (2, 15)
    assert parsed.positions.value_position(("top", "inner", 0)) == (2, 11)


def test_an_unknown_path_resolves_to_its_longest_known_prefix() -> None:
    parsed = parse("top:\n  inner: x\n")
    assert parsed.positions.key_position(("top", "inner", "str", 3)) == (2, 3)


def test_duplicate_key_is_reported_at_the_second_occurrence_with_the_first_line() -> None:
    parsed = parse("a: 1\nb: 2\na: 3\n")
    [problem] = parsed.problems
    assert (problem.code, problem.line, problem.column) == ("AM002", 3, 1)
    assert "first at line 1" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "x: !!python/object/apply:os.system ['echo pwned']\n",
        "x: !!python/name:os.system\n",
        "x: !custom value\n",
        "x: !!binary aGVsbG8=\n",
    ],
)
def test_tags_that_could_construct_objects_are_refused(text: str) -> None:
    parsed = parse(text)
    assert [p.code for p in parsed.problems] == ["AM001"]
    assert "not allowed" in parsed.problems[0].message


def test_core_tags_are_honoured() -> None:
    assert parse("a: !!str 1\nb: !!int '7'\n").data == {"a": "1", "b": 7}


def test_aliases_that_stay_small_are_allowed() -> None:
    assert parse("a: &x [1, 2]\nb: *x\n").data == {"a": [1, 2], "b": [1, 2]}


def test_an_alias_bomb_is_refused_quickly_without_expanding_it() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    parsed = parse("\n".join(lines) + "\n")
    assert parsed.data is None
    assert "billion laughs" in parsed.problems[0].message


def test_deep_nesting_is_refused_in_a_subprocess_that_neither_crashes_nor_hangs() -> None:
    code = (
        "from argmap.yamlparse import parse\n"
        "p = parse('x: ' + '[' * 200000 + ']' * 200000)\n"
        "print(p.problems[0].code)\n"
        "q = parse('a:\\n' + ''.join('  ' * i + 'b:\\n' for i in range(1, 200)))\n"
        "print(q.problems[0].code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["AM001", "AM001"]


def test_nesting_up_to_the_limit_is_accepted() -> None:
    text = "x: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2) + "\n"
    assert parse(text).problems == []


def test_a_second_document_is_refused_at_its_start() -> None:
    parsed = parse("a: 1\n---\nb: 2\n")
    assert [(p.code, p.line) for p in parsed.problems] == [("AM001", 2)]


def test_syntax_errors_carry_line_column_and_a_hint() -> None:
    [problem] = parse("title: Georgia: after the war\n").problems
    assert (problem.line, problem.column) == (1, 15)
    assert problem.hint == "put text that contains ': ' in quotes"
    [tab] = parse("a:\n\tb: 1\n").problems
    assert tab.line == 2 and tab.hint is not None and "tabs" in tab.hint


def test_control_characters_are_reported_at_their_position() -> None:
    [problem] = parse("a: b\nc: \x07\n").problems
    assert (problem.code, problem.line, problem.column) == ("AM001", 2, 4)


def _plain_brief(n: int) -> str:
    rows = ["argmap: 1", "id: big", "title: Big", "premises:"]
    for i in range(n):
        rows += [
            f"  s-{i}:",
            f"    text: Statement {i} with enough words to be long",
            "    tags: [a, b]",
        ]
    return "\n".join(rows) + "\n"


def test_fast_and_careful_parsers_agree_on_a_plain_brief() -> None:
    pytest.importorskip("ryml")
    text = _plain_brief(300)
    fast = parse(text, fast=True)
    careful = parse(text, fast=False)
    assert fast.parser == "rapidyaml"
    assert careful.parser == "libyaml"
    assert fast.data == careful.data
    path = ("premises", "s-299", "tags", 1)
    assert fast.positions.value_position(path) == careful.positions.value_position(path)


@pytest.mark.parametrize(
    "extra",
    ["dup: 1\ndup: 2\n", "anchor: &a [1]\nalias: *a\n", "tagged: !!python/object x\n", "---\n"],
)
def test_the_fast_path_hands_unusual_files_to_the_careful_parser(extra: str) -> None:
    pytest.importorskip("ryml")
    parsed = parse(extra + _plain_brief(5), fast=True)
    assert parsed.parser == "libyaml"


def test_positions_in_a_large_file_come_from_its_block_and_agree_with_a_full_parse() -> None:
    pytest.importorskip("ryml")
    tricky = (
        "  tricky:\n    text: |\n      a line that looks like a key:\n"
        "        s-3: not a key\n    supports: [s-1]\n"
    )
    text = _plain_brief(400).replace("premises:\n", "premises:\n" + tricky, 1)
    fast = parse(text, fast=True)
    careful = parse(text, fast=False)
    assert fast.parser == "rapidyaml"
    for path in [
        ("premises", "s-3"),
        ("premises", "tricky", "supports", 0),
        ("premises", "s-399", "tags", 1),
        ("premises", "tricky", "text"),
    ]:
        assert fast.positions.key_position(path) == careful.positions.key_position(path), path
        assert fast.positions.value_position(path) == careful.positions.value_position(path), path
    assert fast.positions._keys is None, "the whole file was parsed again for a few positions"


@pytest.mark.parametrize("fast", [True, False])
def test_keys_equal_in_python_but_not_in_yaml_keep_their_own_positions(fast: bool) -> None:
    # Python finds 1 == True == 1.0; YAML does not, so each key keeps its own line.
    text = "top:\n  1:\n    a: x\n  true:\n    a: y\n  1.0:\n    a: z\n  s-1: {a: w}\n"
    parsed = parse(text, fast=fast)
    positions = parsed.positions
    assert positions.key_position(("top", 1)) == (2, 3)
    assert positions.key_position(("top", True)) == (4, 3)
    assert positions.key_position(("top", 1.0)) == (6, 3)
    assert positions.value_position(("top", 1, "a")) == (3, 8)
    assert positions.value_position(("top", True, "a")) == (5, 8)
    if parsed.parser == "libyaml":
        # What was read agrees with where it points: the first of the equal keys, its value.
        assert parsed.data["top"] == {1: {"a": "x"}, "s-1": {"a": "w"}}
