"""Choosing a semantics by name: the names the CLI and the library accept, and one dispatcher."""

from __future__ import annotations

from typing import Literal, overload

from argmap.errors import ArgmapError
from argmap.evaluation.framework import Framework
from argmap.evaluation.gradual import GradualResult, dfquad, quadratic_energy
from argmap.evaluation.grounded import Label, grounded

__all__ = ["SEMANTICS", "UnknownSemanticsError", "evaluate"]

SEMANTICS = ("grounded", "dfquad", "quadratic-energy")
"""The semantics :func:`evaluate` knows, the default first."""


class UnknownSemanticsError(ArgmapError, ValueError):
    """:func:`evaluate` was asked for a semantics it does not know."""


@overload
def evaluate(fw: Framework, semantics: Literal["grounded"] = ...) -> dict[str, Label]: ...
@overload
def evaluate(fw: Framework, semantics: Literal["dfquad", "quadratic-energy"]) -> GradualResult: ...
@overload
def evaluate(fw: Framework, semantics: str) -> dict[str, Label] | GradualResult: ...
def evaluate(fw: Framework, semantics: str = "grounded") -> dict[str, Label] | GradualResult:
    """Evaluate ``fw`` under the semantics named ``semantics`` (one of :data:`SEMANTICS`).

    ``"grounded"`` gives a label per statement and argument; the gradual semantics give a
    :class:`GradualResult` with their default tolerance and step bound.
    """
    if semantics == "grounded":
        return grounded(fw)
    if semantics == "dfquad":
        return dfquad(fw)
    if semantics == "quadratic-energy":
        return quadratic_energy(fw)
    raise UnknownSemanticsError(
        f"unknown semantics {semantics!r}; choose one of: {', '.join(SEMANTICS)}"
    )
