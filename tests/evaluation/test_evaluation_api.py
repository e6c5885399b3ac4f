"""The public surface of argmap.evaluation and the by-name dispatcher."""

from __future__ import annotations

import pytest

import argmap.evaluation as evaluation
from argmap.errors import ArgmapError
from argmap.evaluation import (
    SEMANTICS,
    Framework,
    GradualResult,
    Label,
    UnknownSemanticsError,
    dfquad,
    evaluate,
    grounded,
    quadratic_energy,
)


def test_exported_names_are_pinned() -> None:
    assert set(evaluation.__all__) == {
        "DEFAULT_BASE_SCORE",
        "SEMANTICS",
        "Framework",
        "FrameworkError",
        "GradualResult",
        "Label",
        "RelationKey",
        "UnknownIdError",
        "UnknownSemanticsError",
        "dfquad",
        "evaluate",
        "grounded",
        "grounded_relations",
        "quadratic_energy",
    }
    for name in evaluation.__all__:
        assert getattr(evaluation, name) is not None


def small() -> Framework:
    return Framework(("a", "b", "c"), {}, (("c", "a"),), (("b", "a"), ("a", "b")))


def test_semantics_names_and_default() -> None:
    assert SEMANTICS == ("grounded", "dfquad", "quadratic-energy")
    assert evaluate(small()) == grounded(small())


def test_evaluate_dispatches_by_name() -> None:
    fw = small()
    labels = evaluate(fw, "grounded")
    assert set(labels.values()) <= set(Label)
    for name, function in (("dfquad", dfquad), ("quadratic-energy", quadratic_energy)):
        result = evaluate(fw, name)
        assert isinstance(result, GradualResult)
        assert result == function(fw)


def test_unknown_semantics_lists_the_known_ones() -> None:
    with pytest.raises(UnknownSemanticsError, match="grounded, dfquad, quadratic-energy"):
        evaluate(small(), "preferred")
    assert issubclass(UnknownSemanticsError, ValueError)
    assert issubclass(UnknownSemanticsError, ArgmapError)
