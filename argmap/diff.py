"""What changed between two versions of a brief, and which verdicts changed with it.

Used by ``argmap diff OLD NEW``; a version may be a file or ``REV:path`` read from git, so a pull
request comment can say "this change makes 'lift-embargo' fall".
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.analysis import VERDICT_WORDS, grounded_labels
from argmap.diagnostics import terminal_safe
from argmap.errors import ArgmapError
from argmap.graph import ArgumentGraph
from argmap.model import Brief

__all__ = ["BriefDiff", "diff", "read_revision", "to_markdown", "to_text"]



@dataclass(frozen=True)
class BriefDiff:
    """The differences between two briefs, each list in a stable order."""

    added: list[tuple[str, str]] = field(default_factory=list)  # (id, kind)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)  # (id, fields changed)
    relations_added: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (source, kind, target)
    relations_removed: list[tuple[str, str, str]] = field(default_factory=list)
    verdicts: list[tuple[str, str | None, str | None]] = field(
        default_factory=list
    )  # (id, old, new)

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.relations_added
            or self.relations_removed
            or self.verdicts
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [{"id": i, "kind": k} for i, k in self.added],
            "removed": [{"id": i, "kind": k} for i, k in self.removed],
            "changed": [{"id": i, "fields": f} for i, f in self.changed],
            "relations_added": [
                {"source": s, "kind": k, "target": t} for s, k, t in self.relations_added
            ],
            "relations_removed": [
                {"source": s, "kind": k, "target": t} for s, k, t in self.relations_removed
            ],
            "verdicts": [{"id": i, "old": o, "new": n} for i, o, n in self.verdicts],
        }


def _relations(graph: ArgumentGraph) -> set[tuple[str, str, str]]:
    """Every relation as (source, kind, target); an undercut of a support or an attack names
    the relation as its target: ``"support a -> b"``."""
    found = {(e.source, e.kind.value, e.target) for e in graph.edges}
    for e in graph.undercuts:
        if e.relation is not None:
            rel = e.relation
            found.add((e.source, "undercut", f"{rel.kind.value} {rel.source} -> {rel.target}"))
    return found


def diff(old: Brief, new: Brief) -> BriefDiff:
    """Statements, arguments and relations added, removed and changed, and changed verdicts."""
    old_graph, new_graph = ArgumentGraph(old), ArgumentGraph(new)
    old_nodes, new_nodes = old_graph.nodes, new_graph.nodes
    added = [(key, node.kind.value) for key, node in new_nodes.items() if key not in old_nodes]
    removed = [(key, node.kind.value) for key, node in old_nodes.items() if key not in new_nodes]
    changed: list[tuple[str, list[str]]] = []
    for key, node in new_nodes.items():
        before = old_nodes.get(key)
        if before is None:
            continue
        if before.kind is not node.kind:
            changed.append((key, ["kind"]))
            continue
        old_fields = before.item.model_dump()
        new_fields = node.item.model_dump()
        fields = sorted(name for name in new_fields if old_fields.get(name) != new_fields[name])
        if fields:
            changed.append((key, fields))
    old_relations, new_relations = _relations(old_graph), _relations(new_graph)
    old_labels, new_labels = grounded_labels(old_graph), grounded_labels(new_graph)
    verdicts: list[tuple[str, str | None, str | None]] = [
        (key, old_labels.get(key), label)
        for key, label in new_labels.items()
        if key in old_labels and old_labels[key] != label
    ]
    return BriefDiff(
        added=added,
        removed=removed,
        changed=changed,
        relations_added=sorted(new_relations - old_relations),
        relations_removed=sorted(old_relations - new_relations),
        verdicts=verdicts,
    )


def read_revision(spec: str, *, cwd: Path | None = None) -> tuple[str, str]:
    """Read ``REV:path`` from git (as ``git show REV:path``); returns (shown name, text).

    The revision and path are passed to git as one argument, never through a shell, and a
    revision that looks like an option is refused.
    """
    revision, _, path = spec.partition(":")
    if not revision or not path or revision.startswith("-"):
        raise ArgmapError(f"'{spec}' is not of the form REV:path")
    try:
        done = subprocess.run(
            ["git", "show", f"{revision}:{path}"],
            cwd=cwd,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ArgmapError(f"cannot run git to read '{spec}': {error}") from error
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ArgmapError(f"git cannot read '{spec}': {reason[-1] if reason else 'unknown error'}")
    try:
        return spec, done.stdout.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArgmapError(f"'{spec}' is not UTF-8 text") from error


def _verdict(label: str | None) -> str:
    return VERDICT_WORDS.get(label or "", "absent")


def to_text(result: BriefDiff) -> str:
    """The diff as plain text lines, one change a line."""
    if result.empty:
        return "no changes\n"
    lines: list[str] = []
    lines += [f"+ {kind} {key}" for key, kind in result.added]
    lines += [f"- {kind} {key}" for key, kind in result.removed]
    lines += [f"~ {key}: {', '.join(fields)}" for key, fields in result.changed]
    lines += [f"+ {s} {k} {t}" for s, k, t in result.relations_added]
    lines += [f"- {s} {k} {t}" for s, k, t in result.relations_removed]
    lines += [f"! {key}: {_verdict(old)} -> {_verdict(new)}" for key, old, new in result.verdicts]
    return "\n".join(map(terminal_safe, lines)) + "\n"


def _code(text: str, *, in_table: bool = False) -> str:
    """An id as inline code: whatever the id holds, it cannot leave the code span."""
    from argmap.publish.text import markdown_code

    return markdown_code(text, in_table=in_table)


def to_markdown(result: BriefDiff, *, title: str = "argmap diff") -> str:
    """The diff as Markdown for a pull-request comment; verdict changes come first.

    ``title`` and every id are escaped (they come from the brief), so the comment holds no HTML
    and no link, however the briefs are written.
    """
    from argmap.publish.text import markdown_text

    lines = [f"### {markdown_text(title)}", ""]
    if result.empty:
        return "\n".join([*lines, "No changes to the argument.", ""])
    if result.verdicts:
        lines += [
            "**Verdicts that changed** (grounded semantics)",
            "",
            "| id | before | after |",
            "|---|---|---|",
        ]
        lines += [
            f"| {_code(key, in_table=True)} | {_verdict(old)} | {_verdict(new)} |"
            for key, old, new in result.verdicts
        ]
        lines.append("")
    sections = [
        ("Added", [f"{_code(key)} ({markdown_text(kind)})" for key, kind in result.added]),
        ("Removed", [f"{_code(key)} ({markdown_text(kind)})" for key, kind in result.removed]),
        ("Changed", [f"{_code(key)}: {markdown_text(', '.join(fields))}"
                     for key, fields in result.changed]),
        ("Relations added",
         [f"{_code(s)} {markdown_text(k)} {_code(t)}" for s, k, t in result.relations_added]),
        ("Relations removed",
         [f"{_code(s)} {markdown_text(k)} {_code(t)}" for s, k, t in result.relations_removed]),
    ]
    for heading, items in sections:
        if items:
            lines += [f"**{heading}**", "", *[f"- {item}" for item in items], ""]
    return "\n".join(lines)
