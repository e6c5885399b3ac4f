"""Building a Framework: validation with clear errors, and immutability once built."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pytest

from argmap.errors import ArgmapError
from argmap.evaluation import Framework, FrameworkError, UnknownIdError, grounded


def build(**changes: Any) -> Framework:
    fields: dict[str, Any] = {
        "statements": ("a", "b", "c"),
        "arguments": {"arg": (("a", "b"), "c")},
        "supports": (("a", "c"),),
        "attacks": (("b", "a"),),
        "base_scores": {"a": 0.2},
    }
    fields.update(changes)
    return Framework(**fields)


def test_a_well_formed_framework_builds() -> None:
    fw = build()
    assert fw.statements == ("a", "b", "c")
    assert dict(fw.arguments) == {"arg": (("a", "b"), "c")}


@pytest.mark.parametrize(
    ("changes", "unknown", "where"),
    [
        ({"attacks": (("x", "a"),)}, "x", "attack ('x', 'a')"),
        ({"attacks": (("a", "x"),)}, "x", "attack ('a', 'x')"),
        ({"supports": (("a", "x"),)}, "x", "support ('a', 'x')"),
        ({"supports": (("x", "a"),)}, "x", "support ('x', 'a')"),
        ({"arguments": {"arg": (("a", "x"), "c")}}, "x", "a premise of argument 'arg'"),
        ({"arguments": {"arg": (("a",), "x")}}, "x", "the conclusion of argument 'arg'"),
        ({"base_scores": {"x": 0.5}}, "x", "base_scores"),
    ],
)
def test_unknown_ids_are_named_with_where_they_occur(
    changes: dict[str, Any], unknown: str, where: str
) -> None:
    with pytest.raises(UnknownIdError) as caught:
        build(**changes)
    assert caught.value.unknown_id == unknown
    assert caught.value.where == where
    assert str(caught.value) == f"{where} refers to unknown id {unknown!r}"


def test_errors_are_value_errors_and_argmap_errors() -> None:
    with pytest.raises(ValueError, match="unknown id"):
        build(attacks=(("nobody", "a"),))
    assert issubclass(UnknownIdError, FrameworkError)
    assert issubclass(FrameworkError, ArgmapError)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"statements": ("a", "b", "a", "c")}, "statement id 'a' appears twice"),
        ({"arguments": {"b": (("a",), "c")}}, "also a statement id"),
        ({"arguments": {"arg": ((), "c")}}, "has no premises"),
        ({"arguments": {"arg": ("a", "c")}}, "must be a sequence of ids, not the string 'a'"),
        ({"arguments": {"arg": (("a",), "c", "b")}}, r"must be \(premise ids, conclusion id\)"),
        ({"arguments": {"arg": (("a",), "arg")}}, "refers to unknown id 'arg'"),
        ({"attacks": (("arg", "a"),)}, "its source 'arg' is an argument"),
        ({"supports": (("a", "arg"),)}, "its target 'arg' is an argument"),
        ({"attacks": (("a", "b", "c"),)}, "is not a pair"),
        ({"base_scores": {"a": 1.5}}, r"not in \[0, 1\]"),
        ({"base_scores": {"a": -0.1}}, r"not in \[0, 1\]"),
        ({"base_scores": {"a": math.nan}}, r"not in \[0, 1\]"),
        ({"base_scores": {"a": "high"}}, "not a number"),
        ({"statements": ("a", "b", "c", 4)}, "is not a string"),
    ],
)
def test_malformed_frameworks_are_rejected(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(FrameworkError, match=message):
        build(**changes)


def test_an_undercut_may_target_an_argument() -> None:
    fw = build(attacks=(("b", "arg"),))
    assert grounded(fw)["arg"].value == "out"


def test_the_framework_cannot_change_after_construction() -> None:
    arguments = {"arg": (["a", "b"], "c")}
    scores = {"a": 0.2}
    fw = build(arguments=arguments, base_scores=scores, attacks=[("b", "a")])
    arguments["other"] = (["a"], "b")
    scores["a"] = 0.9
    assert "other" not in fw.arguments
    assert fw.base_scores["a"] == 0.2
    assert fw.arguments["arg"] == (("a", "b"), "c")
    assert isinstance(fw.attacks, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fw.statements = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        fw.base_scores["a"] = 1.0  # type: ignore[index]


def test_equal_contents_make_equal_frameworks() -> None:
    assert build() == build()
    assert build() != build(attacks=())
