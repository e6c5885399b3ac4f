"""The argument graph for analysis: networkx, GraphML (Gephi, yEd) and Cytoscape JSON.

All three draw the brief's :class:`~argmap.graph.ArgumentGraph` as it is: one node per statement
and per linked argument, one edge per relation, typed by ``kind`` (support, attack, premise,
conclusion, and whatever further kinds the graph has). Node attributes are the statement's kind,
text, section, speaker and tags; an attack on an argument is marked ``undercut``.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from argmap.graph import ArgumentGraph, Node
from argmap.model import Brief, Statement

if TYPE_CHECKING:
    import networkx

__all__ = ["node_attributes", "to_cytoscape", "to_graphml", "to_networkx"]

#: Node attributes, in the order GraphML declares them.
_NODE_KEYS = ("kind", "text", "section", "speaker", "tags")


def node_attributes(node: Node) -> dict[str, str]:
    """A node's attributes as plain strings (tags joined with ``;``), empty ones left out."""
    item = node.item
    values = {"kind": node.kind.value, "text": node.text}
    if isinstance(item, Statement):
        values["section"] = item.section or ""
        values["speaker"] = item.speaker or ""
    values["tags"] = "; ".join(getattr(item, "tags", ()))
    return {key: value for key, value in values.items() if value}


def _edges(graph: ArgumentGraph) -> list[tuple[str, str, str, bool]]:
    return [(e.source, e.target, e.kind.value, e.is_undercut) for e in graph.edges]


def to_networkx(brief: Brief) -> networkx.MultiDiGraph[str]:
    """The brief as a ``networkx.MultiDiGraph`` (edge keys are the relation kinds).

    Needs networkx: ``pip install networkx`` (the ``graph`` extra).
    """
    try:
        import networkx
    except ImportError:  # pragma: no cover - exercised only without the extra
        from argmap.errors import ConversionError

        raise ConversionError("to_networkx needs networkx: pip install networkx",
                              path=brief.id) from None
    graph = ArgumentGraph(brief)
    result: networkx.MultiDiGraph[str] = networkx.MultiDiGraph(id=brief.id, title=brief.title)
    for key, node in graph.nodes.items():
        result.add_node(key, **node_attributes(node))
    for source, target, kind, undercut in _edges(graph):
        result.add_edge(source, target, key=kind, kind=kind, undercut=undercut)
    return result


#: Characters XML 1.0 cannot hold at all (not even escaped).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml(text: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", text))


def to_graphml(brief: Brief) -> str:
    """The brief as GraphML text (Gephi, yEd, Cytoscape and networkx read it)."""
    graph = ArgumentGraph(brief)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    for key in _NODE_KEYS:
        lines.append(f'  <key id="{key}" for="node" attr.name="{key}" attr.type="string"/>')
    lines.append('  <key id="relation" for="edge" attr.name="kind" attr.type="string"/>')
    lines.append('  <key id="undercut" for="edge" attr.name="undercut" attr.type="boolean"/>')
    lines.append(f"  <graph id={quoteattr(_NOT_XML.sub('', brief.id))} edgedefault=\"directed\">")
    for key, node in graph.nodes.items():
        lines.append(f"    <node id={quoteattr(_NOT_XML.sub('', key))}>")
        for name, value in node_attributes(node).items():
            lines.append(f'      <data key="{name}">{_xml(value)}</data>')
        lines.append("    </node>")
    for index, (source, target, kind, undercut) in enumerate(_edges(graph), 1):
        lines.append(f"    <edge id=\"e{index}\" source={quoteattr(_NOT_XML.sub('', source))} "
                     f"target={quoteattr(_NOT_XML.sub('', target))}>")
        lines.append(f'      <data key="relation">{kind}</data>')
        lines.append(f'      <data key="undercut">{"true" if undercut else "false"}</data>')
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def to_cytoscape(brief: Brief) -> dict[str, Any]:
    """The brief as Cytoscape.js / Cytoscape desktop JSON (``{"data", "elements"}``)."""
    graph = ArgumentGraph(brief)
    # "id" and "name" as Cytoscape reads them, "value" as networkx's cytoscape_graph does.
    nodes = [{"data": {"id": key, "name": key, "value": key, **node_attributes(node)}}
             for key, node in graph.nodes.items()]
    edges = [{"data": {"id": f"e{index}", "source": source, "target": target, "kind": kind,
                       "undercut": undercut}}
             for index, (source, target, kind, undercut) in enumerate(_edges(graph), 1)]
    return {"data": {"id": brief.id, "name": brief.title}, "directed": True, "multigraph": True,
            "elements": {"nodes": nodes, "edges": edges}}


def cytoscape_text(brief: Brief) -> str:
    """:func:`to_cytoscape` as JSON text."""
    return json.dumps(to_cytoscape(brief), indent=2, ensure_ascii=False) + "\n"
