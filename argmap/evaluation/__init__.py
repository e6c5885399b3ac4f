"""Evaluating argument maps: which statements stand (grounded) and how strongly (gradual).

The graph code turns a brief into a :class:`Framework`; the functions here evaluate it:

- :func:`grounded` labels each statement and argument IN, OUT or UNDEC;
- :func:`dfquad` and :func:`quadratic_energy` give each a strength in [0, 1];
- :func:`evaluate` picks one of them by name (:data:`SEMANTICS`).

docs/semantics.md states the definitions and the formulas.
"""

from argmap.evaluation.framework import (
    DEFAULT_BASE_SCORE,
    Framework,
    FrameworkError,
    RelationKey,
    UnknownIdError,
)
from argmap.evaluation.gradual import GradualResult, dfquad, quadratic_energy
from argmap.evaluation.grounded import Label, grounded, grounded_relations
from argmap.evaluation.semantics import SEMANTICS, UnknownSemanticsError, evaluate

__all__ = [
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
]
