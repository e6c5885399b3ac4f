"""Grounded labelling of a bipolar framework with linked arguments, in linear time.

Every statement and every argument gets a :class:`Label`: IN (it stands), OUT (it is defeated) or
UNDEC (the map leaves it open). The labelling is the least fixpoint, in the information order
UNDEC < IN, OUT, of these conditions (strong Kleene three-valued logic):

- a statement is IN iff all its attackers are OUT and, if it has any supporting reason at all,
  some supporting reason is IN; it is OUT iff some attacker is IN, or it has supporting reasons
  and every one of them is OUT;
- a supporting reason of a statement is a single-premise supporter (it counts as the supporter's
  label) or a linked argument concluding in it;
- a linked argument is IN iff all its premises are IN and all its undercutters are OUT; it is
  OUT iff some premise is OUT or some undercutter is IN.

Without supports and arguments this is exactly Dung's (1995) grounded extension (IN), the
arguments it attacks (OUT) and the rest (UNDEC). With them, support is read as evidence, in the
spirit of evidential argumentation (Oren and Norman 2008): a statement offered with reasons needs
one of them standing, while a statement offered without reasons stands unless attacked; separate
reasons are independent. Each node's condition is a formula over its neighbours' labels, as in
abstract dialectical frameworks (Brewka and Woltran 2010), evaluated in Kleene's strong
three-valued logic. An undercut defeats the argument, never its premises.
"""

from __future__ import annotations

from enum import Enum

from argmap.evaluation.framework import Framework, RelationKey

__all__ = ["Label", "grounded", "grounded_relations"]


class Label(str, Enum):
    """The status of a statement or argument under grounded semantics."""

    IN = "in"
    """It stands: accepted in the grounded labelling."""
    OUT = "out"
    """It is defeated: a standing attacker, a defeated premise, or no reason left standing."""
    UNDEC = "undec"
    """The map leaves it open (for instance, two statements that attack each other)."""

    def __str__(self) -> str:
        return self.value


def grounded(fw: Framework) -> dict[str, Label]:
    """Label every statement and argument of ``fw`` IN, OUT or UNDEC (see the module docstring).

    The least fixpoint is computed by counter-based propagation with a work list, so each node
    and each edge is handled O(1) times: linear in the size of the framework, also on inputs
    with long defence chains where repeated sweeps would be quadratic. A node's counter holds
    how many conditions for IN are still unmet: one per attacker not yet OUT, one per premise not
    yet IN, and one for "some supporting reason is IN" if it has supporting reasons. It becomes
    IN when the counter reaches zero and OUT as soon as one condition can never be met. Labels
    never change once set, because every condition is monotone in the information order.
    """
    ix = fw._index
    label = _labelling(fw)
    return dict(zip(ix.names, label[: ix.n_named], strict=True))


def grounded_relations(fw: Framework) -> dict[RelationKey, Label]:
    """The grounded status of each support and attack of ``fw`` that is undercut, conceded or
    cancelled by a preference, keyed ``("support", a, b)`` / ``("attack", a, b)``.

    IN: the relation holds (its source is IN and every undercutter OUT); OUT: it does not (its
    source is OUT, an undercutter is IN, or a preference cancels the attack); UNDEC: open. A
    relation nothing acts on has its source's label and is not listed.
    """
    ix = fw._index
    if not ix.link_of and not ix.cancelled:
        return {}  # nothing acts on any relation: no labelling needed
    label = _labelling(fw)
    names = ix.names
    out: dict[RelationKey, Label] = {}
    for (kind, u, v), node in ix.link_of.items():
        if kind != "undercut":
            out[(kind, names[u], names[v])] = (
                Label.OUT if kind == "attack" and (u, v) in ix.cancelled else label[node]
            )
    for u, v in ix.cancelled:
        out.setdefault(("attack", names[u], names[v]), Label.OUT)
    return out


def _labelling(fw: Framework) -> list[Label]:
    """The grounded label of every node of the compiled framework, links included."""
    ix = fw._index
    n = ix.n
    attacks_out = ix.attacks_out
    supports_out = ix.supports_out
    premise_of = ix.premise_of
    IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC

    # unmet[v]: conditions for v to be IN that are not met yet.
    # reasons_left[v]: supporting reasons of v not yet OUT; -1 once one of them is IN.
    reasons_left = ix.n_reasons[:]
    # Every argument is a reason for its conclusion; links have premises.
    bipolar = n > ix.n_statements or any(reasons_left)
    if bipolar:
        unmet = [
            a + p + (1 if r else 0)
            for a, p, r in zip(ix.n_attackers, ix.n_premises, reasons_left, strict=True)
        ]
    else:
        unmet = ix.n_attackers[:]

    label = [UNDEC] * n
    work = [v for v in range(n) if not unmet[v]]
    for v in work:
        label[v] = IN

    pop = work.pop
    push = work.append
    while work:
        v = pop()
        if label[v] is IN:
            for w in attacks_out[v]:
                if label[w] is UNDEC:
                    label[w] = OUT
                    push(w)
            if bipolar:
                for w in premise_of[v]:
                    unmet[w] -= 1
                    if not unmet[w] and label[w] is UNDEC:
                        label[w] = IN
                        push(w)
                for w in supports_out[v]:
                    if reasons_left[w] > 0:
                        reasons_left[w] = -1
                        unmet[w] -= 1
                        if not unmet[w] and label[w] is UNDEC:
                            label[w] = IN
                            push(w)
        else:
            for w in attacks_out[v]:
                unmet[w] -= 1
                if not unmet[w] and label[w] is UNDEC:
                    label[w] = IN
                    push(w)
            if bipolar:
                for w in premise_of[v]:
                    if label[w] is UNDEC:
                        label[w] = OUT
                        push(w)
                for w in supports_out[v]:
                    if reasons_left[w] > 0:
                        reasons_left[w] -= 1
                        if not reasons_left[w] and label[w] is UNDEC:
                            label[w] = OUT
                            push(w)
    return label
