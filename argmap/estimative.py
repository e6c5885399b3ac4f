"""Base scores from a statement's own words, and verdicts from strengths.

A brief says how sure it is in words: ``likelihood`` (the estimative terms of US Intelligence
Community Directive 203), ``confidence`` (low, moderate, high) and a free ``qualifier`` ("might",
"probably", "almost certainly"). The gradual semantics need a number; this module turns the words
into one by the table in docs/semantics.md, and turns a strength back into a verdict. An explicit
``base_score`` always wins.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "CONFIDENCE_WEIGHTS",
    "HEDGE_TERMS",
    "LIKELIHOOD_BANDS",
    "LIKELIHOOD_SCORES",
    "OPEN_BAND",
    "base_score",
    "base_score_source",
    "hedge_likelihood",
    "verdict_label",
]

#: ICD 203's probability band of each estimative term, as (low, high).
LIKELIHOOD_BANDS: dict[str, tuple[float, float]] = {
    "almost no chance": (0.01, 0.05),
    "very unlikely": (0.05, 0.20),
    "unlikely": (0.20, 0.45),
    "roughly even chance": (0.45, 0.55),
    "likely": (0.55, 0.80),
    "very likely": (0.80, 0.95),
    "almost certain": (0.95, 0.99),
}

#: The base score of each term: the middle of its band.
LIKELIHOOD_SCORES: dict[str, float] = {
    term: round((low + high) / 2, 3) for term, (low, high) in LIKELIHOOD_BANDS.items()
}

#: Hedge words and phrases in a ``qualifier``, each read as a score. The possibility hedges
#: (might, may, could, perhaps, possibly, maybe) commit to nothing; readers put them a little
#: below even in studies of verbal probability since Lichtenstein and Newman (1967), so they
#: read as 0.4. The rest take the middle of the ICD 203 band they name. Longer phrases are
#: matched first, so "probably not" is not read as "probably".
HEDGE_TERMS: dict[str, float] = {
    "almost certainly not": LIKELIHOOD_SCORES["almost no chance"],
    "almost no chance": LIKELIHOOD_SCORES["almost no chance"],
    "remote": LIKELIHOOD_SCORES["almost no chance"],
    "highly unlikely": LIKELIHOOD_SCORES["very unlikely"],
    "very unlikely": LIKELIHOOD_SCORES["very unlikely"],
    "improbable": LIKELIHOOD_SCORES["unlikely"],
    "probably not": LIKELIHOOD_SCORES["unlikely"],
    "unlikely": LIKELIHOOD_SCORES["unlikely"],
    "doubtful": LIKELIHOOD_SCORES["unlikely"],
    "might": 0.4,
    "may": 0.4,
    "could": 0.4,
    "perhaps": 0.4,
    "possibly": 0.4,
    "maybe": 0.4,
    "conceivably": 0.4,
    "roughly even": LIKELIHOOD_SCORES["roughly even chance"],
    "even chance": LIKELIHOOD_SCORES["roughly even chance"],
    "appears to": LIKELIHOOD_SCORES["likely"],
    "appears": LIKELIHOOD_SCORES["likely"],
    "seems": LIKELIHOOD_SCORES["likely"],
    "apparently": LIKELIHOOD_SCORES["likely"],
    "probably": LIKELIHOOD_SCORES["likely"],
    "probable": LIKELIHOOD_SCORES["likely"],
    "likely": LIKELIHOOD_SCORES["likely"],
    "very likely": LIKELIHOOD_SCORES["very likely"],
    "highly likely": LIKELIHOOD_SCORES["very likely"],
    "very probably": LIKELIHOOD_SCORES["very likely"],
    "almost certainly": LIKELIHOOD_SCORES["almost certain"],
    "almost certain": LIKELIHOOD_SCORES["almost certain"],
    "certainly": LIKELIHOOD_SCORES["almost certain"],
    "undoubtedly": LIKELIHOOD_SCORES["almost certain"],
}

#: How far confidence lets a score move away from 0.5: low confidence halves the distance,
#: moderate keeps three quarters, high keeps all of it (ICD 203 keeps the two apart; this is
#: how argmap lets weak evidence temper a strong estimate).
CONFIDENCE_WEIGHTS: dict[str, float] = {"low": 0.5, "moderate": 0.75, "high": 1.0}

#: Strengths in this closed band are "open" under a gradual semantics: ICD 203's "roughly even
#: chance". Above it a statement stands, below it it falls.
OPEN_BAND: tuple[float, float] = LIKELIHOOD_BANDS["roughly even chance"]

_HEDGE_PATTERN = re.compile(
    r"\b(?:"
    + "|".join(re.escape(term) for term in sorted(HEDGE_TERMS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def hedge_likelihood(qualifier: str) -> float | None:
    """The score the first hedge word in ``qualifier`` stands for, or None when it has none."""
    found = _HEDGE_PATTERN.search(qualifier)
    if found is None:
        return None
    return HEDGE_TERMS[re.sub(r"\s+", " ", found.group(0).lower())]


def base_score_source(statement: Any) -> tuple[float | None, str | None]:
    """A statement's base score and what it came from: ``"base_score"``, ``"likelihood"``,
    ``"qualifier"``, or ``(None, None)`` when its words say nothing (the default applies).

    An explicit ``base_score`` wins; then ``likelihood``; then a hedge in ``qualifier``. The
    score from words is then drawn towards 0.5 by ``confidence`` (:data:`CONFIDENCE_WEIGHTS`).
    """
    explicit = getattr(statement, "base_score", None)
    if explicit is not None:
        return float(explicit), "base_score"
    score: float | None = None
    origin: str | None = None
    likelihood = getattr(statement, "likelihood", None)
    qualifier = getattr(statement, "qualifier", None)
    if likelihood is not None:
        score, origin = LIKELIHOOD_SCORES[likelihood], "likelihood"
    elif qualifier:
        score = hedge_likelihood(qualifier)
        origin = "qualifier" if score is not None else None
    if score is None:
        return None, None
    confidence = getattr(statement, "confidence", None)
    if confidence is not None:
        score = 0.5 + (score - 0.5) * CONFIDENCE_WEIGHTS[confidence]
    return round(score, 4), origin


def base_score(statement: Any) -> float | None:
    """A statement's base score from its fields (see :func:`base_score_source`), or None."""
    return base_score_source(statement)[0]


def verdict_label(strength: float) -> str:
    """The verdict a gradual strength gives, as a label: ``"in"`` (stands) above
    :data:`OPEN_BAND`, ``"out"`` (falls) below it, ``"undec"`` (open) within it."""
    low, high = OPEN_BAND
    if strength > high:
        return "in"
    if strength < low:
        return "out"
    return "undec"
