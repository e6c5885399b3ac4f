"""The rule registry.

Each rule is a small function with a stable code (``AM101``), a name, a severity, a one-line
summary and a docstring that is its documentation (``argmap explain AM101`` prints it, and
``docs/rules.md`` is generated from it). Rules read the brief and its graph and yield
:class:`Finding` objects that name a key path; :func:`argmap.check` turns those paths into lines
and columns. Rules never print and never read files except through :class:`CheckContext`.

Codes by family: ``AM0xx`` the file and its structure, ``AM1xx`` ids and references, ``AM2xx``
the shape of the argument, ``AM3xx`` the source and quotes, ``AM4xx`` expectations, ``AM5xx``
weighing (preferences, concessions, questions).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.diagnostics import Severity
from argmap.graph import ArgumentGraph
from argmap.model import Brief

__all__ = [
    "CheckContext",
    "Finding",
    "Rule",
    "RuleFunction",
    "all_rules",
    "get_rule",
    "rule",
]


@dataclass(frozen=True)
class Finding:
    """What a rule found: a message about the thing at ``path`` in the brief.

    ``at="value"`` points at the value rather than at its key (for a wrong reference, say).
    """

    message: str
    path: tuple[Any, ...] = ()
    hint: str | None = None
    at: str = "key"


@dataclass
class CheckContext:
    """What rules may read: the brief, its graph, and where the brief's files are."""

    brief: Brief
    graph: ArgumentGraph
    brief_file: Path | None = None
    root: Path | None = None
    cache: dict[str, Any] = field(default_factory=dict)


RuleFunction = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A check with a stable code; its docstring is its documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    function: RuleFunction | None = None

    @property
    def family(self) -> str:
        return self.code[:3]

    def run(self, context: CheckContext) -> Iterator[Finding]:
        if self.function is None:
            return iter(())
        return iter(self.function(context))


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str, name: str, severity: Severity, summary: str
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under ``code``; its docstring becomes the rule's documentation."""

    def register(function: RuleFunction) -> RuleFunction:
        if code in _REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        doc = inspect.cleandoc(function.__doc__ or "")
        _REGISTRY[code] = Rule(code, name, severity, summary, doc, function)
        return function

    return register


def register_documented(code: str, name: str, severity: Severity, summary: str, doc: str) -> None:
    """Register a rule that the loader applies itself (parse and schema errors)."""
    if code in _REGISTRY:
        raise ValueError(f"rule code {code} registered twice")
    _REGISTRY[code] = Rule(code, name, severity, summary, inspect.cleandoc(doc))


def all_rules() -> list[Rule]:
    """Every rule, ordered by code."""
    _load_rule_modules()
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def get_rule(code: str) -> Rule | None:
    """The rule with this code, or None."""
    _load_rule_modules()
    return _REGISTRY.get(code.upper())


def _load_rule_modules() -> None:
    # Importing the modules registers their rules; imports are cached, so this is cheap.
    from argmap.checks import (  # noqa: F401
        expectations,
        file,
        references,
        sources,
        structure,
        weighing,
    )
