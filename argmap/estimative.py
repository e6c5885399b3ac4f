"""Base scores from a statement's own words, and verdicts from strengths.

A brief says how sure it is in words: ``likelihood`` (the estimative terms of US Intelligence
Community Directive 203), ``confidence`` (low, moderate, high) and a free ``qualifier`` ("might",
"probably", "almost certainly"). The gradual semantics need a number; this module turns the words
into one by the table in docs/semantics.md, and turns a strength back into a verdict. An explicit
``base_score`` always wins. A statement whose words say nothing about how sure it is gets the
score of a plain assertion, tempered by who makes it (:data:`VOICE_CONFIDENCE`): the author, the
analyst who reconstructed an unstated premise, or another speaker the brief reports.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Collection, Iterable, Mapping
from itertools import compress, repeat
from operator import add, attrgetter, itemgetter
from typing import Any, cast

__all__ = [
    "ASSERTION_SCORE",
    "CONFIDENCE_WEIGHTS",
    "HEDGE_TERMS",
    "LIKELIHOOD_BANDS",
    "LIKELIHOOD_SCORES",
    "OPEN_BAND",
    "PROPOSAL_SCORE",
    "VOICE_CONFIDENCE",
    "author_voices",
    "base_score",
    "base_score_source",
    "base_scores_of",
    "hedge_likelihood",
    "verdict_label",
    "verdict_labels",
    "voice",
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
#: (might, may, could, perhaps, possible, potential, ...) say that a thing can be and commit to
#: no band either way, so they read as the middle of "roughly even chance", 0.5: alone, such a
#: statement is open, neither standing nor falling. The rest take the middle of the ICD 203 band
#: they name. Longer phrases are matched first, so "probably not" is not read as "probably".
_EVEN = LIKELIHOOD_SCORES["roughly even chance"]

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
    "might": _EVEN,
    "may": _EVEN,
    "could": _EVEN,
    "perhaps": _EVEN,
    "possibly": _EVEN,
    "possible": _EVEN,
    "potential": _EVEN,
    "potentially": _EVEN,
    "maybe": _EVEN,
    "conceivably": _EVEN,
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

#: The score of a plain assertion, a statement made without a hedge: the author states it as
#: so, which ICD 203's bands put no lower than "very likely"; argmap takes that band's middle
#: rather than "almost certain", which authors say in words when they mean it, so that an
#: objection to a flat statement still has room to weigh.
ASSERTION_SCORE: float = LIKELIHOOD_SCORES["very likely"]

#: The score of a recommendation whose words say nothing about how sure it is: a proposal for
#: action is not a report of how things are, and the brief argues for it (AM203 asks that
#: something supports every recommendation), so its reasons and objections carry it from
#: ICD 203's "roughly even chance". Options of a question are recommendations too: each starts
#: even, and the weighing decides.
PROPOSAL_SCORE: float = LIKELIHOOD_SCORES["roughly even chance"]

#: The confidence a statement is held with when the brief gives none, by whose voice it is in
#: (:func:`voice`): the author's own words are held with high confidence; what the author does
#: not say in its own words is held with low confidence: an unstated premise that the analyst
#: reconstructed ("implicit"), since the text relies on it without committing to it, and what
#: the brief reports another speaker saying ("reported"), since a report is not an
#: endorsement. The weights of :data:`CONFIDENCE_WEIGHTS` then draw the score towards 0.5.
VOICE_CONFIDENCE: dict[str, str] = {"author": "high", "implicit": "low", "reported": "low"}

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


def voice(statement: Any, authors: Collection[str] = ()) -> str:
    """Whose voice a statement is in: ``"implicit"`` when the brief marks it unstated,
    ``"reported"`` when its ``speaker`` is someone other than the author, else ``"author"``.

    ``authors`` holds the actor ids that speak for the brief's author (a news report's own
    agency, say): a statement they speak is the author's.
    """
    if getattr(statement, "implicit", False):
        return "implicit"
    speaker = getattr(statement, "speaker", None)
    if speaker is not None and speaker not in authors:
        return "reported"
    return "author"


def base_score_source(
    statement: Any, authors: Collection[str] | None = None
) -> tuple[float | None, str | None]:
    """A statement's base score and what it came from: ``"base_score"``, ``"likelihood"``,
    ``"qualifier"``, ``"assertion"`` or ``"proposal"``.

    An explicit ``base_score`` wins; then ``likelihood``; then a hedge in ``qualifier`` (on a
    recommendation, a hedge can lower :data:`PROPOSAL_SCORE` but not raise it); then, when the
    words say nothing, :data:`ASSERTION_SCORE`, or :data:`PROPOSAL_SCORE` for a recommendation.
    The score is then drawn towards 0.5 by ``confidence`` (:data:`CONFIDENCE_WEIGHTS`), or,
    when the brief gives none, by the confidence its voice implies (:data:`VOICE_CONFIDENCE`,
    :func:`voice`; ``authors`` are the actor ids that speak for the author). With ``authors``
    None, voice is not considered and a statement whose words say nothing gives
    ``(None, None)``: the framework's own default then applies.
    """
    explicit = getattr(statement, "base_score", None)
    if explicit is not None:
        return float(explicit), "base_score"
    score: float | None = None
    origin: str | None = None
    likelihood = getattr(statement, "likelihood", None)
    qualifier = getattr(statement, "qualifier", None)
    proposal = getattr(statement, "kind", None) == "recommendation"
    if likelihood is not None:
        score, origin = LIKELIHOOD_SCORES[likelihood], "likelihood"
    elif qualifier:
        score = hedge_likelihood(qualifier)
        origin = "qualifier" if score is not None else None
        if score is not None and proposal:
            # A hedge tempers a proposal; it never makes it surer than the plain proposal.
            score = min(score, PROPOSAL_SCORE)
    if score is None:
        if authors is None:
            return None, None
        score, origin = (PROPOSAL_SCORE, "proposal") if proposal else (ASSERTION_SCORE, "assertion")
    confidence = getattr(statement, "confidence", None)
    if confidence is None and authors is not None:
        confidence = VOICE_CONFIDENCE[voice(statement, authors)]
    if confidence is not None:
        score = 0.5 + (score - 0.5) * CONFIDENCE_WEIGHTS[confidence]
    return round(score, 4), origin


def base_score(statement: Any, authors: Collection[str] | None = None) -> float | None:
    """A statement's base score from its fields (see :func:`base_score_source`), or None."""
    return base_score_source(statement, authors)[0]


def base_scores_of(
    statements: Iterable[tuple[str, Any]], authors: Collection[str]
) -> dict[str, float]:
    """The base score of each ``(id, statement)``, by :func:`base_score_source`; a statement
    whose rule gives none is left out."""
    pairs = list(statements)
    scores = base_score_list(list(map(_SECOND, pairs)), authors)
    found = dict(zip(map(_FIRST, pairs), scores, strict=True))
    if None in scores:
        for key, score in zip(map(_FIRST, pairs), scores, strict=True):
            if score is None:
                del found[key]
    return cast("dict[str, float]", found)


def base_score_list(
    items: list[Any], authors: Collection[str], values: list[dict[str, Any]] | None = None
) -> list[float | None]:
    """The base score of each statement in ``items``, in order, by :func:`base_score_source`.
    ``values`` may hand in the items' field values (their ``__dict__``), already gathered.

    Built for a large brief, in C-level passes: every statement first gets its kind's plain
    score; then the statements whose voice fields say more are scored by the rule. With the
    authors fixed, a statement's kind and those six fields are all the rule reads, and a large
    brief repeats a few such combinations many times: the rule runs once for each.
    """
    types = list(map(type, items))
    plain_of = {
        kind: PROPOSAL_SCORE if getattr(kind, "kind", None) == "recommendation"
        else ASSERTION_SCORE
        for kind in set(types)
    }
    scores: list[float | None] = list(map(plain_of.__getitem__, types))
    # The pydantic models' values, read once: a pass over a large brief's models is a pass
    # over its memory.
    voices = list(map(_VOICE_FIELDS, map(_FIELDS, items) if values is None else values))
    special = list(compress(range(len(items)), map(_PLAIN.__ne__, voices)))
    if special:
        signatures = list(zip(map(types.__getitem__, special), map(voices.__getitem__, special),
                              strict=True))
        example = dict(zip(signatures, map(items.__getitem__, special), strict=True))
        score_of = {key: base_score_source(item, authors)[0] for key, item in example.items()}
        deque(map(scores.__setitem__, special, map(score_of.__getitem__, signatures)), maxlen=0)
    return scores


#: The fields that can move a statement's base score off its kind's plain score, and their
#: values when none does.
_VOICE_FIELDS = itemgetter("base_score", "likelihood", "qualifier", "confidence", "implicit",
                           "speaker")
_PLAIN = (None, None, None, None, False, None)
_FIRST, _SECOND, _FIELDS = itemgetter(0), itemgetter(1), attrgetter("__dict__")


def author_voices(brief: Any) -> frozenset[str]:
    """The actor ids that speak for a brief's author: those whose id or name is one of the
    brief's ``authors`` or its source's ``publisher`` (case ignored)."""
    names = {name.casefold() for name in getattr(brief, "authors", ())}
    source = getattr(brief, "source", None)
    publisher = getattr(source, "publisher", None)
    if publisher:
        names.add(publisher.casefold())
    return frozenset(
        key
        for key, actor in getattr(brief, "actors", {}).items()
        if key.casefold() in names or actor.name.casefold() in names
    )


def verdict_label(strength: float) -> str:
    """The verdict a gradual strength gives, as a label: ``"in"`` (stands) above
    :data:`OPEN_BAND`, ``"out"`` (falls) below it, ``"undec"`` (open) within it."""
    low, high = OPEN_BAND
    if strength > high:
        return "in"
    if strength < low:
        return "out"
    return "undec"


def verdict_labels(strengths: Mapping[str, float]) -> dict[str, str]:
    """:func:`verdict_label` of every strength, by C-level passes: a strength's place among
    the band's ends, counted by bisection, is 0 below it, 1 within it (ends included), 2 above
    it."""
    low, high = (OPEN_BAND[0],), (OPEN_BAND[1],)
    values = list(strengths.values())
    places = map(add, map(bisect_right, repeat(low), values),
                 map(bisect_left, repeat(high), values))
    return dict(zip(strengths.keys(), map(_LABEL_AT.__getitem__, places), strict=True))


_LABEL_AT = ("out", "undec", "in")
