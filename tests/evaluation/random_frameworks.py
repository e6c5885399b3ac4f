"""Random small frameworks for property tests (a test aid).

One generator serves two purposes: fed a seeded :class:`random.Random` in a loop it checks
thousands of frameworks in a fraction of a second; fed Hypothesis's ``st.randoms()`` it lets
Hypothesis shrink a failure to a minimal framework.
"""

from __future__ import annotations

import random

from argmap.evaluation import Framework

__all__ = ["random_framework", "random_weighing_framework"]


def random_framework(
    rng: random.Random,
    *,
    max_statements: int = 7,
    max_arguments: int = 3,
    max_supports: int = 7,
    max_attacks: int = 12,
    acyclic: bool = False,
) -> Framework:
    """A random framework with supports, linked arguments and undercuts.

    Cycles and self-loops are allowed unless ``acyclic``; then every relation points from a
    higher-numbered statement to a lower one, and so does every argument.
    """
    n = rng.randint(1, max_statements)
    statements = [f"s{i}" for i in range(n)]

    arguments: dict[str, tuple[tuple[str, ...], str]] = {}
    for j in range(rng.randint(0, max_arguments)):
        conclusion = rng.randrange(n)
        pool = range(conclusion + 1, n) if acyclic else range(n)
        if pool:
            premises = tuple(f"s{rng.choice(pool)}" for _ in range(rng.randint(1, 3)))
            arguments[f"a{j}"] = (premises, f"s{conclusion}")

    # In acyclic mode every edge goes down in "position": a statement's is its number, an
    # argument's lies just below its lowest premise (and above its conclusion).
    position = {s: float(i) for i, s in enumerate(statements)}
    for aid, (premises, _) in arguments.items():
        position[aid] = min(position[p] for p in premises) - 0.5
    targets = statements + list(arguments)

    def pairs(count: int, target_pool: list[str]) -> tuple[tuple[str, str], ...]:
        drawn = ((rng.choice(statements), rng.choice(target_pool)) for _ in range(count))
        return tuple((a, b) for a, b in drawn if not acyclic or position[a] > position[b])

    supports = pairs(rng.randint(0, max_supports), statements)
    attacks = pairs(rng.randint(0, max_attacks), targets)
    scores = {s: rng.choice([0.0, 1.0, rng.random()]) for s in statements if rng.random() < 0.7}
    return Framework(
        statements=tuple(statements),
        arguments=arguments,
        supports=supports,
        attacks=attacks,
        base_scores=scores,
    )


def random_weighing_framework(
    rng: random.Random,
    *,
    max_preferences: int = 5,
    max_concessions: int = 3,
    max_undercuts: int = 5,
    acyclic: bool = False,
    **sizes: int,
) -> Framework:
    """A random framework that also weighs: preferences, concessions and undercuts of its own
    supports and attacks (and of the support an argument gives, which names the argument).

    ``sizes`` are passed to :func:`random_framework`. Preferences and concessions may form
    circles and contradict each other; that is what the semantics must cope with.
    """
    base = random_framework(rng, acyclic=acyclic, **sizes)
    statements = list(base.statements)
    relations: list[tuple[str, str, str]] = [("support", a, b) for a, b in base.supports]
    relations += [("attack", a, b) for a, b in base.attacks]
    relations += [("support", aid, c) for aid, (_, c) in base.arguments.items()]

    def some_pairs(count: int) -> tuple[tuple[str, str], ...]:
        return tuple((rng.choice(statements), rng.choice(statements)) for _ in range(count))

    preferences = some_pairs(rng.randint(0, max_preferences))
    concessions = some_pairs(rng.randint(0, max_concessions))
    undercuts = tuple(
        (rng.choice(statements), rng.choice(relations))
        for _ in range(rng.randint(0, max_undercuts) if relations else 0)
    )
    return Framework(
        statements=base.statements,
        arguments=dict(base.arguments),
        supports=base.supports,
        attacks=base.attacks,
        base_scores=dict(base.base_scores),
        preferences=preferences,
        concessions=concessions,
        undercuts=undercuts,
    )
