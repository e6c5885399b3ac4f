"""AM4xx: what the brief's author expects evaluation to conclude."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding, rule
from argmap.diagnostics import Severity

__all__: list[str] = []

_VERDICT = {"stands": "in", "falls": "out", "open": "undec"}
_SAYS = {"in": "stands", "out": "falls", "undec": "is left open"}
_EXPECTED = {"stands": "stand", "falls": "fall", "open": "stay open"}


@rule(
    "AM401",
    "expectation-contradicted",
    Severity.ERROR,
    "The grounded evaluation contradicts an expectation in 'expect'.",
)
def expectation_contradicted(context: CheckContext) -> Iterator[Finding]:
    """
    A brief may state what should survive its objections: ``expect: {stands: [...], falls:
    [...], open: [...]}``. ``argmap validate`` evaluates the map with grounded semantics and
    reports each expectation the labelling contradicts, so a change to the map that silently
    overturns a recommendation fails CI, as a failing test would.

    Bad::

        recommendations:
          show-magnanimity: {text: Russia should show magnanimity.}
        objections:
          claimed-as-victories: {text: It would be claimed as victory., attacks: [show-magnanimity]}
        expect:
          stands: [show-magnanimity]   # but an unanswered objection defeats it

    Good::

        recommendations:
          show-magnanimity: {text: Russia should show magnanimity.}
        objections:
          claimed-as-victories: {text: It would be claimed as victory., attacks: [show-magnanimity]}
        premises:
          victories-do-not-matter: {text: So what?, attacks: [claimed-as-victories]}
        expect:
          stands: [show-magnanimity]
    """
    expect = context.brief.expect
    if expect is None:
        return
    from argmap.analysis import grounded_labels

    labels = grounded_labels(context.graph)
    for group, wanted in _VERDICT.items():
        for i, key in enumerate(getattr(expect, group)):
            label = labels.get(key)
            if label is None or label == wanted:
                continue
            yield Finding(
                f"'{key}' is expected to {_EXPECTED[group]}, "
                f"but under grounded semantics it {_SAYS[label]}",
                ("expect", group, i),
                "run 'argmap evaluate' to see why",
                at="value",
            )


@rule(
    "AM402",
    "expectation-unknown-id",
    Severity.ERROR,
    "An expectation names an id that is not a statement or argument.",
)
def expectation_unknown_id(context: CheckContext) -> Iterator[Finding]:
    """
    Every id under ``expect`` must be a statement or an argument of the brief.

    Bad::

        recommendations:
          show-magnanimity: {text: Russia should show magnanimity.}
        expect: {stands: [show-magnanimty]}

    Good::

        recommendations:
          show-magnanimity: {text: Russia should show magnanimity.}
        expect: {stands: [show-magnanimity]}
    """
    import difflib

    expect = context.brief.expect
    if expect is None:
        return
    known = list(context.graph.nodes)
    for group in _VERDICT:
        for i, key in enumerate(getattr(expect, group)):
            if key not in context.graph.nodes:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                yield Finding(
                    f"'{key}' under 'expect.{group}' is not a statement or argument",
                    ("expect", group, i),
                    f"did you mean '{close[0]}'?" if close else None,
                    at="value",
                )
