"""Running the rules over a brief and locating what they find."""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from argmap.checks import CheckContext, Finding, Rule, all_rules
from argmap.collector import paused_collector
from argmap.diagnostics import Diagnostic
from argmap.graph import ArgumentGraph
from argmap.model import Brief

__all__ = ["check", "rule_selected"]


def rule_selected(
    code: str, select: Collection[str] | None = None, ignore: Collection[str] | None = None
) -> bool:
    """Whether ``code`` is on, given codes or prefixes to select and to ignore (ignore wins)."""
    if ignore and any(code.startswith(prefix.upper()) for prefix in ignore):
        return False
    if select is None:
        return True
    return any(code.startswith(prefix.upper()) for prefix in select)


@paused_collector()
def check(
    brief: Brief,
    *,
    root: str | os.PathLike[str] | None = None,
    select: Collection[str] | None = None,
    ignore: Collection[str] | None = None,
    graph: ArgumentGraph | None = None,
) -> list[Diagnostic]:
    """Check a brief against every rule (or those selected); diagnostics in file order.

    ``root`` is the folder the brief's source may be read from; by default the one chosen when
    the brief was loaded (see :mod:`argmap.project`). A brief built in code reads its source
    relative to the current folder, inside the project root, and has no line numbers.

    Never raises for anything a brief holds: what is wrong with it (an unreadable source
    included) comes back as diagnostics.
    """
    origin = brief._origin
    brief_file: Path | None = getattr(origin, "file", None)
    allowed = Path(root) if root is not None else getattr(origin, "root", None)
    positions = getattr(origin, "positions", None)
    shown = getattr(origin, "path", "<brief>")
    context = CheckContext(
        brief, graph or ArgumentGraph(brief), brief_file=brief_file, root=allowed
    )
    context.cache["positions"] = positions
    diagnostics: list[Diagnostic] = []
    for rule in all_rules():
        if rule.function is None or not rule_selected(rule.code, select, ignore):
            continue
        for finding in rule.run(context):
            diagnostics.append(_locate(rule, finding, shown, positions))
    diagnostics.sort(key=lambda d: (d.line or 0, d.column or 0, d.code))
    return diagnostics


def _locate(rule: Rule, finding: Finding, path: str, positions: object) -> Diagnostic:
    line: int | None = None
    column: int | None = None
    if positions is not None:
        if finding.at == "value":
            line, column = positions.value_position(finding.path)  # type: ignore[attr-defined]
        else:
            line, column = positions.key_position(finding.path)  # type: ignore[attr-defined]
    return Diagnostic(path, line, column, rule.code, rule.severity, finding.message, finding.hint)
