"""AM5xx: weighing: preferences, concessions, and questions with their options."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding, rule
from argmap.diagnostics import Severity
from argmap.graph import ArgumentGraph, EdgeKind, NodeKind, shortest_cycle

__all__: list[str] = []


def _meet(graph: ArgumentGraph, a: str, b: str) -> bool:
    """True when ``a`` and ``b`` attack one another, in either direction."""
    return any(e.target == b for e in graph.outgoing(a, EdgeKind.ATTACK)) or any(
        e.target == a for e in graph.outgoing(b, EdgeKind.ATTACK)
    )


@rule(
    "AM501",
    "preference-between-strangers",
    Severity.WARNING,
    "A statement outweighs one it never meets, so the preference changes nothing.",
)
def preference_between_strangers(context: CheckContext) -> Iterator[Finding]:
    """
    ``outweighs`` decides an attack between two statements: an attack from the weaker on the
    stronger does not defeat. Between two statements where neither attacks the other it has
    nothing to decide, and evaluation ignores it. Usually the preference belongs on the statement
    the objection attacks (the recommendation), not on a reason for it; or what was meant is a
    concession (``concedes``).

    Bad::

        recommendations:
          show-magnanimity: {text: Russia should show magnanimity.}
        objections:
          claimed-as-victories: {text: It would be claimed as victory., attacks: [show-magnanimity]}
        premises:
          price-worth-paying:
            text: That is a price worth paying.
            supports: [show-magnanimity]
            outweighs: [claimed-as-victories]   # it attacks the recommendation, not this

    Good::

        recommendations:
          show-magnanimity:
            text: Russia should show magnanimity.
            outweighs: [claimed-as-victories]
        objections:
          claimed-as-victories: {text: It would be claimed as victory., attacks: [show-magnanimity]}
    """
    graph = context.graph
    for edge in graph.edges:
        if (
            edge.kind is EdgeKind.OUTWEIGHS
            and edge.source != edge.target
            and not _meet(graph, edge.source, edge.target)
        ):
            yield Finding(
                f"'{edge.source}' outweighs '{edge.target}', but neither attacks the other, "
                "so the preference decides nothing",
                edge.path,
                f"put it on the statement '{edge.target}' attacks, or write "
                f"'concedes: [{edge.target}]' to grant it while answering it",
                at="value",
            )


@rule(
    "AM502",
    "contradictory-preferences",
    Severity.ERROR,
    "Statements outweigh each other in a circle (A outweighs B, B outweighs A).",
)
def contradictory_preferences(context: CheckContext) -> Iterator[Finding]:
    """
    Preferences chain (A outweighs B and B outweighs C: A outweighs C), so a circle of them says
    that each statement outweighs itself. Evaluation then treats the statements on the circle as
    equally strong, which is rarely what the brief means. The message prints the circle.

    Bad::

        premises:
          security-first: {text: Security comes first., outweighs: [economy-first]}
          economy-first: {text: The economy comes first., outweighs: [security-first]}

    Good::

        premises:
          security-first: {text: Security comes first., outweighs: [economy-first]}
          economy-first: {text: The economy comes first.}
    """
    graph = context.graph
    successors: dict[str, list[str]] = {}
    first_path: dict[str, tuple[object, ...]] = {}
    for edge in graph.edges:
        if edge.kind is EdgeKind.OUTWEIGHS and edge.source != edge.target:
            successors.setdefault(edge.source, []).append(edge.target)
            first_path.setdefault(edge.source, edge.path)
    if not successors:
        return
    reported: set[frozenset[str]] = set()
    for start in successors:
        cycle = shortest_cycle(start, lambda node: successors.get(node, ()))
        if cycle is None or frozenset(cycle) in reported:
            continue
        reported.add(frozenset(cycle))
        shown = " > ".join([*cycle, cycle[0]])
        yield Finding(
            f"contradictory preferences: {shown}",
            first_path[cycle[0]],
            "remove one 'outweighs' so that the preferences say which statement is stronger",
            at="value",
        )


@rule(
    "AM503",
    "concession-of-nothing",
    Severity.WARNING,
    "A statement concedes one that attacks nothing, so there is nothing to answer.",
)
def concession_of_nothing(context: CheckContext) -> Iterator[Finding]:
    """
    Conceding grants a statement while answering its attacks. A conceded statement that attacks
    and undercuts nothing leaves the concession with no effect: say what the conceded point
    attacks, or drop the concession.

    Bad::

        recommendations:
          magnanimity: {text: Russia should show magnanimity.}
        objections:
          risk: {text: Concessions would be claimed as victories.}
        premises:
          price-worth-paying:
            text: A price worth paying.
            concedes: [risk]
            supports: [magnanimity]

    Good::

        recommendations:
          magnanimity: {text: Russia should show magnanimity.}
        objections:
          risk: {text: Concessions would be claimed as victories., attacks: [magnanimity]}
        premises:
          price-worth-paying:
            text: A price worth paying.
            concedes: [risk]
            supports: [magnanimity]
    """
    graph = context.graph
    for edge in graph.edges:
        if edge.kind is not EdgeKind.CONCEDES or edge.source == edge.target:
            continue
        if graph.outgoing(edge.target, EdgeKind.ATTACK) or graph.undercuts_by(edge.target):
            continue
        yield Finding(
            f"'{edge.source}' concedes '{edge.target}', which attacks nothing, so the "
            "concession answers nothing",
            edge.path,
            f"add 'attacks: [...]' to '{edge.target}' naming what it objects to",
            at="value",
        )


@rule(
    "AM504",
    "concedes-and-attacks",
    Severity.ERROR,
    "A statement both concedes and attacks the same statement.",
)
def concedes_and_attacks(context: CheckContext) -> Iterator[Finding]:
    """
    Conceding grants a point; attacking denies it. A statement cannot do both to the same
    statement: keep ``concedes`` for "granted, but ..." and ``attacks`` for "that is false".

    Bad::

        recommendations:
          magnanimity: {text: Russia should show magnanimity.}
        objections:
          risk: {text: Concessions would be claimed as victories., attacks: [magnanimity]}
        premises:
          price-worth-paying:
            text: A price worth paying.
            concedes: [risk]
            attacks: [risk]

    Good::

        recommendations:
          magnanimity: {text: Russia should show magnanimity.}
        objections:
          risk: {text: Concessions would be claimed as victories., attacks: [magnanimity]}
        premises:
          price-worth-paying:
            text: A price worth paying.
            concedes: [risk]
    """
    graph = context.graph
    for edge in graph.edges:
        if edge.kind is EdgeKind.CONCEDES and any(
            e.target == edge.target for e in graph.outgoing(edge.source, EdgeKind.ATTACK)
        ):
            yield Finding(
                f"'{edge.source}' both concedes and attacks '{edge.target}'",
                edge.path,
                "keep 'concedes' to grant it while answering it, or 'attacks' to deny it",
                at="value",
            )


@rule(
    "AM505",
    "question-without-options",
    Severity.WARNING,
    "A question names fewer than two options, or an option that is not a recommendation or a "
    "claim.",
)
def question_without_options(context: CheckContext) -> Iterator[Finding]:
    """
    A question is worth stating when the brief weighs answers to it: list the recommendations
    (or claims) that answer it under ``options``, at least two, so that the summary and the
    diagrams can set them side by side. Premises and objections are reasons, not answers.

    Bad::

        questions:
          how-to-start:
            text: How can a dialogue get going?
            options: [official-dialogue]

    Good::

        questions:
          how-to-start:
            text: How can a dialogue get going?
            options: [official-dialogue, informal-dialogue]
    """
    graph = context.graph
    for node in graph.questions():
        options = graph.options_of(node.id)
        written = node.item.options  # type: ignore[union-attr]
        if len(written) < 2:
            yield Finding(
                f"the question '{node.id}' has {len(written)} option"
                f"{'' if len(written) == 1 else 's'}; a question weighs at least two",
                (*graph.paths[node.id], "options") if written else graph.paths[node.id],
                "list the recommendations or claims that answer it under 'options'",
            )
        for option in options:
            kind = graph.nodes[option].kind
            if kind not in (NodeKind.RECOMMENDATION, NodeKind.CLAIM):
                article = "an" if kind.value[0] in "aeiou" else "a"
                yield Finding(
                    f"the option '{option}' of '{node.id}' is {article} {kind.value}, "
                    "not a recommendation or a claim",
                    (*graph.paths[node.id], "options", written.index(option)),
                    "an option answers the question: a recommendation, or a claim",
                    at="value",
                )
