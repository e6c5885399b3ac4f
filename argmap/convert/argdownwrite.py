"""Writing a brief as Argdown that the real Argdown parser reads without error.

Statements become ``[id]: text #tags {data}`` under headings for their sections, each followed
by its outgoing relations (``+>`` supports, ``->`` attacks, ``_>`` undercuts of arguments);
arguments become ``<id>: text`` with a premise-conclusion structure whose inference line names the
scheme. Every character Argdown gives a meaning to is escaped, and fields Argdown has no syntax
for ride in the ``{data}`` block (as JSON, which is YAML), so :mod:`argmap.convert.argdown`
reads the brief back whole.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.convert.common import Losses
from argmap.graph import ArgumentGraph, EdgeKind, Node
from argmap.model import STATEMENT_SECTIONS, Argument, Brief, Statement

__all__ = ["write_argdown"]

_SPECIAL = re.compile(r"([\\#{}\[\]<>*_@/`~=|^$+\-])")
#: Statement fields that the Argdown text itself carries.
_IN_SYNTAX = {"text", "supports", "attacks", "tags", "section"}


#: ``.name.`` and ``:name:`` are Argdown's special characters (``:smile:`` is an emoji).
_SPECIAL_NAME = re.compile(r"([.:])(?=[^\s.:]+\1)")


def _escape(text: str, *, commas: bool = False) -> str:
    """Text Argdown reads back as itself: specials escaped, lines joined."""
    escaped = _SPECIAL_NAME.sub(r"\\\1", _SPECIAL.sub(r"\\\1", " ".join(text.split())))
    return escaped.replace(",", "\\,") if commas else escaped


def _json(value: Any) -> str:
    """JSON (which YAML reads) with no literal brace inside a string: Argdown's lexer ends a
    data block at the first unmatched brace, quoted or not."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("{", "\\u007b").replace("}", "\\u007d") if isinstance(value, str) else text


def _data(values: dict[str, Any]) -> str:
    if not values:
        return ""
    parts = []
    for key, value in values.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{_json(k)}: {_json(v)}" for k, v in value.items())
            parts.append(f"{_json(key)}: {{{inner}}}")
        elif isinstance(value, list):
            parts.append(f"{_json(key)}: [{', '.join(_json(v) for v in value)}]")
        else:
            parts.append(f"{_json(key)}: {_json(value)}")
    return " {" + ", ".join(parts) + "}"


def _tags(tags: list[str]) -> str:
    out = []
    for tag in tags:
        clean = " ".join(tag.replace(")", " ").replace("(", " ").split())
        if not clean:
            continue
        out.append(f"#{clean}" if re.fullmatch(r"\w[\w-]*", clean) else f"#({clean})")
    return (" " + " ".join(out)) if out else ""


def _guess(graph: ArgumentGraph, node: Node) -> str:
    """The kind argmap's reader would guess, so the data block names only a different one."""
    out = graph.outgoing(node.id)
    if any(e.kind is EdgeKind.ATTACK for e in out) or getattr(node.item, "undercuts", None):
        return "objection"
    if any(e.kind is not EdgeKind.ATTACK for e in out):
        return "premise"
    return "claim"


def write_argdown(brief: Brief, *, graph: ArgumentGraph | None = None) -> tuple[str, Losses]:
    """The brief as Argdown text, and what Argdown could not hold."""
    graph = graph or ArgumentGraph(brief)
    losses = Losses()
    meta = brief.model_dump(mode="json", exclude_defaults=True,
                            exclude={*STATEMENT_SECTIONS, "arguments", "argmap", "title"})
    lines = ["===", f"title: {_json(brief.title)}"]
    if meta:
        lines.append(f"argmap: {json.dumps(meta, ensure_ascii=False)}")
    lines += ["===", ""]

    used = [node.item.section for node in graph.statements()
            if isinstance(node.item, Statement) and node.item.section]
    order = list(dict.fromkeys([*brief.sections, *used]))
    by_section: dict[str | None, list[Node]] = {None: []}
    for name in order:
        by_section[name] = []
    for node in [*graph.statements(), *graph.arguments()]:
        section = node.item.section if isinstance(node.item, Statement) else None
        by_section.setdefault(section, []).append(node)
    for section, nodes in by_section.items():
        if section is not None:
            lines += [f"# {_escape(section)}", ""]
        for node in nodes:
            if node.is_argument:
                lines += _argument(graph, node, losses)
            else:
                lines += _statement(graph, node, losses)
    return "\n".join(lines).rstrip() + "\n", losses


#: Relations Argdown has no symbol for: written in the data block, where Argdown tools do not
#: see them (so they are counted), and read back from there by argmap.
_DATA_RELATIONS = ("outweighs", "concedes", "rephrases", "contrary")


def _statement(graph: ArgumentGraph, node: Node, losses: Losses) -> list[str]:
    statement = node.item
    assert isinstance(statement, Statement)
    data = statement.model_dump(mode="json", exclude_defaults=True, exclude=_IN_SYNTAX)
    # An undercut of an argument has a symbol (_>); one of a single relation has none.
    # (With any of the latter, the whole list stays in the data block, in its order.)
    undercuts = data.pop("undercuts", None) or []
    if any(not isinstance(entry, str) for entry in undercuts):
        data["undercuts"] = undercuts
        losses.add("undercuts of single relations (kept only in the data block)", node.id)
    contradicts = data.pop("contradicts", None) or []
    for key in _DATA_RELATIONS:
        if data.get(key):
            losses.add(f"'{key}' relations (kept only in the data block)", node.id)
    if node.kind.value != _guess(graph, node):
        data = {"kind": node.kind.value, **data}
    lines = [f"[{node.id}]: {_escape(statement.text)}{_tags(statement.tags)}{_data(data)}"]
    for edge in graph.outgoing(node.id):
        if edge.kind is EdgeKind.SUPPORT:
            lines.append(f"  +> [{edge.target}]")
        elif edge.kind is EdgeKind.ATTACK and graph.nodes[edge.target].is_argument:
            symbol = "_>" if "undercuts" in edge.path else "->"
            lines.append(f"  {symbol} <{edge.target}>")
        elif edge.kind is EdgeKind.ATTACK:
            lines.append(f"  -> [{edge.target}]")
    lines += [f"  >< [{target}]" for target in contradicts]
    return [*lines, ""]


def _argument(graph: ArgumentGraph, node: Node, losses: Losses) -> list[str]:
    argument = node.item
    assert isinstance(argument, Argument)
    data = argument.model_dump(mode="json", exclude_defaults=True,
                               include={"quote", "note"})
    head = f"<{node.id}>"
    if argument.text or argument.tags or data:
        head += f": {_escape(argument.text or node.id)}{_tags(argument.tags)}{_data(data)}"
    premises = graph.premises_of(node.id)
    conclusion = [e.target for e in graph.outgoing(node.id, EdgeKind.CONCLUSION)]
    if not premises or not conclusion:
        losses.add("arguments without premises or a conclusion", node.id)
        return [head, ""]
    lines = [head, ""]
    lines += [f"({i}) [{premise}]" for i, premise in enumerate(premises, 1)]
    scheme = getattr(argument, "scheme", None)
    lines.append(f"-- {_escape(scheme, commas=True)} --" if scheme else "----")
    lines.append(f"({len(premises) + 1}) [{conclusion[0]}]")
    return [*lines, ""]
