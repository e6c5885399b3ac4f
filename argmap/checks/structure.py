"""AM2xx: the shape of the argument itself."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import CheckContext, Finding, rule
from argmap.diagnostics import Severity
from argmap.graph import EdgeKind, NodeKind
from argmap.model import Statement

__all__: list[str] = []


@rule("AM201", "circular-support", Severity.ERROR, "Statements support each other in a circle.")
def circular_support(context: CheckContext) -> Iterator[Finding]:
    """
    Support that runs in a circle (A supports B, B supports A, directly or through arguments)
    offers no ground at all: each statement rests only on itself. The message prints the cycle.
    Attacks may form cycles; only support is checked.

    Bad::

        premises:
          russia-won: {text: Russia won., supports: [russia-holds-cards]}
          russia-holds-cards: {text: Russia holds the cards., supports: [russia-won]}

    Good::

        premises:
          russia-won: {text: Russia won., supports: [russia-holds-cards]}
          russia-holds-cards: {text: Russia holds the cards.}
    """
    graph = context.graph
    for cycle in graph.support_cycles():
        if len(cycle) == 1:
            continue  # a statement supporting itself: AM104 says so
        if len(cycle) == 2 and any(
            graph.nodes[key].is_argument
            and graph.nodes[key].item.conclusion in graph.nodes[key].item.premises  # type: ignore[union-attr]
            for key in cycle
        ):
            continue  # an argument concluding one of its own premises: AM207 says so
        shown = " -> ".join([*cycle, cycle[0]])
        yield Finding(
            f"circular support: {shown}",
            graph.paths[cycle[0]],
            "remove one support, so the reasoning rests on something outside the circle",
        )


@rule(
    "AM202",
    "objection-attacks-nothing",
    Severity.WARNING,
    "An objection does not attack any statement or argument.",
)
def objection_attacks_nothing(context: CheckContext) -> Iterator[Finding]:
    """
    An objection is a reason against something; without ``attacks`` the map cannot say what it
    weighs against, and evaluation ignores it.

    Bad::

        objections:
          claimed-as-victories:
            text: Georgia would claim concessions as victories.

    Good::

        objections:
          claimed-as-victories:
            text: Georgia would claim concessions as victories.
            attacks: [russia-should-show-magnanimity]
    """
    graph = context.graph
    for node in graph.statements():
        if (
            node.kind is NodeKind.OBJECTION
            and not graph.outgoing(node.id, EdgeKind.ATTACK)
            and not graph.undercuts_by(node.id)
        ):
            if node.item.attacks or node.item.undercuts:  # type: ignore[union-attr]
                continue  # its targets do not exist: AM101 or AM105 says so
            yield Finding(
                f"the objection '{node.id}' attacks nothing",
                graph.paths[node.id],
                "add 'attacks: [id]' naming what it objects to",
            )


@rule(
    "AM203",
    "unsupported-recommendation",
    Severity.WARNING,
    "A recommendation that nothing supports.",
)
def unsupported_recommendation(context: CheckContext) -> Iterator[Finding]:
    """
    A brief argues for its recommendations; one that no premise, claim or argument supports is
    an assertion the map cannot check. Add the reasons the brief gives for it.

    Bad::

        recommendations:
          russia-should-show-magnanimity:
            text: Russia should show magnanimity.
            addressee: russia

    Good::

        premises:
          russia-holds-cards:
            text: Russia holds most of the cards.
            supports: [russia-should-show-magnanimity]
        recommendations:
          russia-should-show-magnanimity:
            text: Russia should show magnanimity.
            addressee: russia
    """
    graph = context.graph
    for node in graph.statements():
        if node.kind is NodeKind.RECOMMENDATION and not graph.reasons_for(node.id):
            yield Finding(
                f"nothing supports the recommendation '{node.id}'",
                graph.paths[node.id],
                "add 'supports' from the premises the brief gives for it, or an argument",
            )


@rule(
    "AM204",
    "recommendation-without-addressee",
    Severity.WARNING,
    "A recommendation does not say who should act.",
)
def recommendation_without_addressee(context: CheckContext) -> Iterator[Finding]:
    """
    A recommendation is addressed to someone: a government, an organisation, a person. Naming the
    addressee lets readers see who is asked to do what, and lets diagrams group by it.

    Bad::

        recommendations:
          lift-embargo: {text: The trade embargo should be lifted.}

    Good::

        recommendations:
          lift-embargo: {text: The trade embargo should be lifted., addressee: russia}
    """
    graph = context.graph
    for node in graph.statements():
        if node.kind is NodeKind.RECOMMENDATION and not node.item.addressees:  # type: ignore[union-attr]
            yield Finding(
                f"the recommendation '{node.id}' has no addressee",
                graph.paths[node.id],
                "add 'addressee: <actor id>'",
            )


@rule("AM205", "disconnected-statement", Severity.WARNING, "A statement takes part in no relation.")
def disconnected_statement(context: CheckContext) -> Iterator[Finding]:
    """
    A statement that supports, attacks and is supported or attacked by nothing, and is no
    argument's premise or conclusion, stands outside the argument. Connect it, or leave it out.

    Bad::

        claims:
          flavour-of-the-month: {text: Dialogue is the flavour of the month.}

    Good::

        claims:
          flavour-of-the-month:
            text: Dialogue is the flavour of the month.
            supports: [dialogue-efforts-welcome]
    """
    graph = context.graph
    for node in graph.statements():
        if node.kind in (NodeKind.OBJECTION, NodeKind.RECOMMENDATION):
            continue  # AM202 and AM203 already say what such a statement lacks
        item = node.item
        assert isinstance(item, Statement)
        if not graph.is_connected(node.id) and not item.supports and not item.attacks:
            yield Finding(
                f"the {node.kind.value} '{node.id}' is connected to nothing",
                graph.paths[node.id],
                "add 'supports' or 'attacks', or refer to it from another statement",
            )


@rule(
    "AM206",
    "argument-too-few-premises",
    Severity.WARNING,
    "An argument has fewer than two premises.",
)
def argument_too_few_premises(context: CheckContext) -> Iterator[Finding]:
    """
    ``arguments`` are for premises that support a conclusion only together (linked premises).
    One premise on its own is a plain support: write ``supports`` on the premise instead. A
    one-premise argument that something undercuts is fine: it names the inference under attack
    (``undercuts: [{support: FROM, to: TO}]`` on the plain support says the same).

    Bad::

        arguments:
          magnanimity-costless: {premises: [russia-won], conclusion: magnanimity-possible}

    Good::

        arguments:
          magnanimity-costless:
            premises: [russia-won, gains-secure]
            conclusion: magnanimity-possible
    """
    graph = context.graph
    for node in graph.arguments():
        count = len(node.item.premises)  # type: ignore[union-attr]
        if count == 1 and graph.attackers_of(node.id):
            continue  # a named inference that something undercuts
        if count < 2:
            yield Finding(
                f"the argument '{node.id}' has {count} premise{'s' if count != 1 else ''}; "
                "linked arguments need at least two",
                (*graph.paths[node.id], "premises"),
                "for a single premise, use 'supports' on the premise",
            )


@rule(
    "AM207",
    "conclusion-among-premises",
    Severity.ERROR,
    "An argument's conclusion is also one of its premises.",
)
def conclusion_among_premises(context: CheckContext) -> Iterator[Finding]:
    """
    An argument whose conclusion is among its own premises assumes what it sets out to show.

    Bad::

        arguments:
          circular:
            premises: [russia-won, magnanimity-possible]
            conclusion: magnanimity-possible

    Good::

        arguments:
          magnanimity-costless:
            premises: [russia-won, gains-secure]
            conclusion: magnanimity-possible
    """
    graph = context.graph
    for node in graph.arguments():
        premises = node.item.premises  # type: ignore[union-attr]
        conclusion = node.item.conclusion  # type: ignore[union-attr]
        if conclusion in premises:
            yield Finding(
                f"the argument '{node.id}' has its conclusion '{conclusion}' among its premises",
                (*graph.paths[node.id], "premises", premises.index(conclusion)),
                at="value",
            )


@rule(
    "AM208",
    "undeclared-section",
    Severity.WARNING,
    "A statement names a section that the brief's 'sections' list does not have.",
)
def undeclared_section(context: CheckContext) -> Iterator[Finding]:
    """
    When a brief lists its ``sections``, every statement's ``section`` must be one of them, so
    that summaries and diagrams can group statements in the source's order.

    Bad::

        sections: [Obstacles to Dialogue, Conclusion]
        claims:
          no-prospect: {text: ..., section: Conclusions}

    Good::

        sections: [Obstacles to Dialogue, Conclusion]
        claims:
          no-prospect: {text: ..., section: Conclusion}
    """
    import difflib

    declared = context.brief.sections
    if not declared:
        return
    known = set(declared)  # a brief of many sections: a list would make this quadratic
    suggestions: dict[str, list[str]] = {}
    graph = context.graph
    for node in graph.statements():
        section = node.item.section  # type: ignore[union-attr]
        if section is not None and section not in known:
            if section not in suggestions:  # many statements often share one misspelling
                suggestions[section] = difflib.get_close_matches(
                    section, declared, n=1, cutoff=0.6
                )
            close = suggestions[section]
            yield Finding(
                f"'{node.id}' is in the section '{section}', which 'sections' does not list",
                (*graph.paths[node.id], "section"),
                f"did you mean '{close[0]}'?" if close else "add it to 'sections'",
                at="value",
            )
