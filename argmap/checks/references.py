"""AM1xx: ids and the references between them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from argmap.checks import CheckContext, Finding, rule
from argmap.diagnostics import Severity
from argmap.graph import DanglingReference, EdgeKind

__all__: list[str] = []

_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _suggest(name: str, candidates: list[str]) -> str | None:
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


@rule(
    "AM101", "undefined-reference", Severity.ERROR, "A reference names an id that does not exist."
)
def undefined_reference(context: CheckContext) -> Iterator[Finding]:
    """
    ``supports``, ``attacks``, ``concedes``, ``outweighs``, a question's ``options`` and an
    argument's ``premises`` and ``conclusion`` must name statements (``attacks`` may also name an
    argument); ``undercuts`` names an argument, or a support or an attack the brief states
    (``{support: FROM, to: TO}``: FROM lists TO under ``supports``); ``addressee`` and ``speaker``
    must name actors. In the optional ``dialogue``, a locution's ``speaker`` must name an actor,
    its ``asserts`` statements and its ``replies_to`` other locutions. A reference to an id
    that exists nowhere is usually a typo, so the hint suggests the closest id of the right
    kind, or the relations the brief does state.

    Bad::

        premises:
          russia-holds-cards:
            text: Russia holds most of the cards.
            supports: [show-magnanimty]
        recommendations:
          show-magnanimity: {text: Russia should show magnanimity.}

    Good::

        premises:
          russia-holds-cards:
            text: Russia holds most of the cards.
            supports: [show-magnanimity]
        recommendations:
          show-magnanimity: {text: Russia should show magnanimity.}
    """
    graph = context.graph
    statements = [n.id for n in graph.statements()]
    arguments = [n.id for n in graph.arguments()]
    actors = list(graph.actors)
    dialogue = graph.brief.dialogue
    locutions = list(dialogue.locutions) if dialogue is not None else []
    for ref in graph.dangling:
        if ref.found is not None:
            continue  # AM105 reports references of the wrong kind
        if ref.relation is not None:
            yield _unstated_relation(context, ref)
            continue
        if ref.expected == "actor":
            candidates, what = actors, "actor"
        elif ref.expected == "statement":
            candidates, what = statements, "statement"
        elif ref.expected == "argument":
            candidates, what = arguments, "argument"
        elif ref.expected == "locution":
            candidates, what = locutions, "locution"
        else:
            candidates, what = statements + arguments, "statement or argument"
        phrase = _relation(ref.source, ref.field, ref.target)
        if ref.field == "undercuts" and ref.path and ref.path[-1] in ("support", "attack", "to"):
            entry = graph.nodes[ref.source].item.undercuts[ref.path[-2]]  # type: ignore[union-attr]
            phrase = (
                f"'{ref.source}' undercuts the {entry.relation} "
                f"'{entry.source}' -> '{entry.to}'"
            )
        yield Finding(
            f"{phrase}, but there is no {what} with the id '{ref.target}'"
            if phrase.startswith(f"'{ref.source}' undercuts the")
            else f"{phrase}, but there is no {what} with that id",
            ref.path,
            _suggest(ref.target, candidates)
            or (f"define '{ref.target}' under 'actors'" if what == "actor" else None),
            at="value",
        )


def _unstated_relation(context: CheckContext, ref: DanglingReference) -> Finding:
    """An undercut names a support or an attack that the brief does not state."""
    graph = context.graph
    relation = ref.relation
    assert relation is not None
    kind = relation.kind.value
    source, target = relation.source, relation.target
    stated = [
        e.target for e in graph.outgoing(source) if e.kind.value == kind
    ]
    other = EdgeKind.ATTACK if relation.kind is EdgeKind.SUPPORT else EdgeKind.SUPPORT
    hint: str | None
    if any(e.target == target for e in graph.outgoing(source, other)):
        hint = (
            f"'{source}' {other.value}s '{target}': "
            f"write {{{other.value}: {source}, to: {target}}}"
        )
    elif stated:
        close = difflib.get_close_matches(target, stated, n=1, cutoff=0.6)
        shown = close[0] if close else stated[0]
        hint = f"did you mean {{{kind}: {source}, to: {shown}}}?"
    else:
        hint = f"add '{target}' to the '{kind}s' of '{source}' first"
    return Finding(
        f"'{ref.source}' undercuts the {kind} '{source}' -> '{target}', "
        f"but '{source}' does not {kind} '{target}'",
        ref.path,
        hint,
        at="value",
    )


@rule("AM102", "duplicate-id", Severity.ERROR, "An id is used twice across the brief's sections.")
def duplicate_id(context: CheckContext) -> Iterator[Finding]:
    """
    Statements of all four kinds and arguments share one namespace, so that a reference is never
    ambiguous; actors have ids of their own, which must not repeat a statement's either. The
    second definition is reported, with the line of the first.

    Bad::

        claims:
          russia-won: {text: Russia won the war.}
        premises:
          russia-won: {text: Russia won the war., supports: [magnanimity-possible]}

    Good::

        premises:
          russia-won: {text: Russia won the war., supports: [magnanimity-possible]}
    """
    positions = context.cache.get("positions")
    for key, first, second in context.graph.duplicates:
        # Report the definition that comes later in the file, pointing back at the earlier one.
        if positions is not None and positions.key_position(second) < positions.key_position(first):
            first, second = second, first
        where = ""
        if positions is not None:
            where = f" at line {positions.key_position(first)[0]}"
        yield Finding(
            f"the id '{key}' is already defined in '{first[0]}'{where}",
            second,
            "give each statement, argument and actor its own id",
        )


@rule("AM103", "id-not-kebab-case", Severity.ERROR, "An id is not lower-case kebab-case.")
def id_not_kebab_case(context: CheckContext) -> Iterator[Finding]:
    """
    Ids are lower-case words joined by hyphens (``russia-holds-cards``): they stay readable in
    diagrams, URLs and diffs, and cannot be confused with each other by case alone.

    Bad::

        premises:
          Russia_holds_cards: {text: Russia holds most of the cards.}

    Good::

        premises:
          russia-holds-cards: {text: Russia holds most of the cards.}
    """
    brief = context.brief
    if not _KEBAB.match(str(brief.id)):
        yield Finding(
            f"the brief id '{brief.id}' is not kebab-case", ("id",), _kebab_hint(brief.id), "value"
        )
    groups = {
        "actors": brief.actors,
        **{
            s: getattr(brief, s)
            for s in (
                "claims", "premises", "objections", "recommendations", "arguments", "questions"
            )
        },
    }
    for section, items in groups.items():
        for key in items:
            if not _KEBAB.match(str(key)):
                yield Finding(f"the id '{key}' is not kebab-case", (section, key), _kebab_hint(key))


def _kebab_hint(name: object) -> str | None:
    suggestion = re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-")
    return f"write '{suggestion}'" if suggestion else None


@rule("AM104", "self-reference", Severity.ERROR, "A statement supports or attacks itself.")
def self_reference(context: CheckContext) -> Iterator[Finding]:
    """
    A statement that supports itself begs the question; one that attacks itself is a
    contradiction the map should show as two statements; conceding or outweighing oneself says
    nothing.

    Bad::

        claims:
          dialogue-needed:
            text: Dialogue is needed.
            supports: [dialogue-needed]

    Good::

        premises:
          conflict-costly:
            text: The unresolved conflict is costly.
            supports: [dialogue-needed]
    """
    # Every such reference resolves (to the statement itself), so it is an edge of the graph
    # whose two ends are one: one pass over the edges instead of four fields a statement.
    fields = {"supports", "attacks", "concedes", "outweighs"}
    for edge in context.graph.edges:
        if edge.source == edge.target and len(edge.path) >= 2 and edge.path[-2] in fields:
            yield Finding(f"'{edge.source}' {edge.path[-2]} itself", edge.path, at="value")


@rule(
    "AM105",
    "wrong-kind-of-reference",
    Severity.ERROR,
    "A reference names an id of the wrong kind (an actor where a statement belongs, ...).",
)
def wrong_kind_of_reference(context: CheckContext) -> Iterator[Finding]:
    """
    ``supports``, ``premises``, ``conclusion``, ``concedes``, ``outweighs`` and ``options`` name
    statements; ``attacks`` names a statement or an argument (an undercut); ``undercuts`` names an
    argument or a relation (``{support: FROM, to: TO}``, ``{attack: FROM, to: TO}``), not a
    statement; ``addressee`` and ``speaker`` name actors. To support an argument's conclusion,
    support the conclusion itself, or add a premise to the argument.

    Bad::

        premises:
          russia-holds-cards: {text: Russia holds most of the cards., supports: [show-magnanimity]}
        recommendations:
          show-magnanimity:
            text: Russia should show magnanimity.
            addressee: russia-holds-cards      # a premise, not an actor

    Good::

        actors:
          russia: {name: Russia}
        premises:
          russia-holds-cards: {text: Russia holds most of the cards., supports: [show-magnanimity]}
        recommendations:
          show-magnanimity:
            text: Russia should show magnanimity.
            addressee: russia
    """
    for ref in context.graph.dangling:
        if ref.found is None:
            continue
        hint = None
        if ref.field == "undercuts" and ref.expected == "argument":
            hint = (
                f"to deny '{ref.target}' itself, use 'attacks'; to deny one of its supports or "
                f"attacks, write {{support: {ref.target}, to: ...}} or {{attack: {ref.target}, "
                "to: ...}"
            )
        yield Finding(
            f"{_relation(ref.source, ref.field, ref.target)}, which is {_article(ref.found)} "
            f"{ref.found}; '{ref.field}' must name {_article(ref.expected)} {ref.expected}",
            ref.path,
            hint,
            at="value",
        )


def _relation(source: str, field_name: str, target: str) -> str:
    """A reference in words: "'a' supports 'b'", "the argument 'g' concludes 'c'"."""
    phrases = {
        "supports": f"'{source}' supports '{target}'",
        "attacks": f"'{source}' attacks '{target}'",
        "premises": f"the argument '{source}' has the premise '{target}'",
        "conclusion": f"the argument '{source}' concludes '{target}'",
        "addressee": f"'{source}' is addressed to '{target}'",
        "speaker": f"'{source}' names '{target}' as its speaker",
        "concedes": f"'{source}' concedes '{target}'",
        "outweighs": f"'{source}' outweighs '{target}'",
        "undercuts": f"'{source}' undercuts '{target}'",
        "options": f"the question '{source}' has the option '{target}'",
        "asserts": f"the locution '{source}' asserts '{target}'",
        "replies_to": f"the locution '{source}' replies to '{target}'",
    }
    return phrases.get(field_name, f"'{source}' refers to '{target}'")


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
