"""AM0xx: the file itself, and its structure against the brief format.

The loader applies these rules while it reads a file; they are registered here so that they are
documented, listed by ``argmap rules`` and can be selected or ignored like any other.
"""

from __future__ import annotations

from argmap.checks import register_documented
from argmap.diagnostics import Severity

__all__: list[str] = []

register_documented(
    "AM001",
    "unreadable-file",
    Severity.ERROR,
    "The file is not a readable brief: not UTF-8, not valid YAML or JSON, empty, or unsafe.",
    """
    A brief must be one UTF-8 YAML (or JSON) document whose top level is a mapping. This rule
    also refuses what a brief from a stranger could use to do harm or to hang the reader: tags
    that would construct objects (``!!python/object``), aliases that expand the document far
    beyond its size (the "billion laughs" pattern), collections nested more than 64 levels deep,
    and files over 64 MiB. Nothing else is checked in a file that fails this rule.

    Bad::

        argmap: 1
        title: Georgia: after the war     # ': ' inside plain text starts a mapping

    Good::

        argmap: 1
        title: "Georgia: after the war"
    """,
)

register_documented(
    "AM002",
    "duplicate-key",
    Severity.ERROR,
    "A key appears twice in the same mapping.",
    """
    YAML readers keep only the last of two equal keys, so the first entry would vanish without a
    word. argmap reports the second occurrence and where the first one is.

    Bad::

        premises:
          russia-won: {text: Russia won the war.}
          russia-won: {text: Russia holds most of the cards.}

    Good::

        premises:
          russia-won: {text: Russia won the war.}
          russia-holds-cards: {text: Russia holds most of the cards.}
    """,
)

register_documented(
    "AM010",
    "invalid-field",
    Severity.ERROR,
    "A field is missing, or its value has the wrong type or form.",
    """
    Every brief needs ``argmap: 1``, ``id`` and ``title``; every statement needs ``text``; an
    argument needs ``premises`` and ``conclusion``. Values must have the type the format gives
    them: text, lists of ids, mappings. The message names the field and what it holds instead.

    A brief with field errors does not load, but ``argmap validate`` still runs the other checks
    over the rest of it (reading a misspelt key as the key it is close to, and a statement with
    a broken field under its id), so one run reports the references and quotes to fix as well.

    Bad::

        claims:
          no-prospect: There is little prospect for dialogue.

    Good::

        claims:
          no-prospect:
            text: There is little prospect for dialogue.
    """,
)

register_documented(
    "AM011",
    "unknown-key",
    Severity.ERROR,
    "A key that the brief format does not have (often a typo).",
    """
    Unknown keys are errors rather than silence, because a misspelt ``suports`` would otherwise
    drop a relation from the map unnoticed. The hint suggests the closest key that exists.

    Bad::

        premises:
          russia-holds-cards:
            text: Russia holds most of the cards.
            suports: [russia-should-show-magnanimity]

    Good::

        premises:
          russia-holds-cards:
            text: Russia holds most of the cards.
            supports: [russia-should-show-magnanimity]
    """,
)
