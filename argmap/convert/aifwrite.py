"""Writing a brief as AIF: its :class:`~argmap.graph.ArgumentGraph` drawn as I, RA, CA, PA and MA
nodes, speakers as locutions (L) anchored by illocutions (YA).

Each relation becomes a scheme node between its ends; an undercut becomes a CA node aimed at the
RA or CA node of the relation it denies. Fields AIF has no place for ride in the ``"argmap"``
extension, so :mod:`argmap.convert.aif` reads the brief back whole; what an AIF tool will not see
is counted in the losses.
"""

from __future__ import annotations

import html
from typing import Any

from argmap.convert.aif import DEFAULT_SCHEME_IDS, DEFAULT_TEXTS, RELATION_FIELDS
from argmap.convert.common import Losses
from argmap.graph import ArgumentGraph, Edge, EdgeKind
from argmap.model import STATEMENT_SECTIONS, Argument, Brief, Statement

__all__ = ["write_aif"]

def write_aif(brief: Brief, *, shape: str = "aifdb", source_text: str | None = None,
              graph: ArgumentGraph | None = None) -> tuple[dict[str, Any], Losses]:
    """The brief as AIF data (``shape`` "aifdb" or "ova"), and what AIF could not hold."""
    return _Writer(brief, graph or ArgumentGraph(brief), shape, source_text).run()


class _Writer:
    def __init__(self, brief: Brief, graph: ArgumentGraph, shape: str,
                 source_text: str | None) -> None:
        if shape not in ("aifdb", "ova"):
            raise ValueError(f"unknown AIF shape {shape!r}")
        self.brief = brief
        self.graph = graph
        self.shape = shape
        self.source_text = source_text
        self.losses = Losses()
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.fulfilments: list[dict[str, str]] = []
        self.node_of: dict[str, str] = {}  # statement or argument id -> AIF node id
        self.relation_node: dict[tuple[str, str, str], str] = {}

    def _node(self, node_type: str, text: str, extension: dict[str, Any] | None = None,
              scheme: str | None = None) -> str:
        node_id = str(len(self.nodes) + 1)
        node: dict[str, Any] = {"nodeID": node_id, "text": text, "type": node_type}
        if node_type in DEFAULT_SCHEME_IDS:
            node["scheme"] = scheme or DEFAULT_TEXTS[node_type]
            if scheme is None:
                node["schemeID"] = DEFAULT_SCHEME_IDS[node_type]
                self.fulfilments.append({"nodeID": node_id,
                                         "schemeID": DEFAULT_SCHEME_IDS[node_type]})
        if extension:
            node["argmap"] = extension
        self.nodes.append(node)
        return node_id

    def _edge(self, source: str, target: str) -> None:
        self.edges.append({"edgeID": str(len(self.edges) + 1), "fromID": source, "toID": target,
                           "formEdgeID": None})

    def _scheme_of_support(self, statement: Statement, target: str) -> str | None:
        scheme = getattr(statement, "scheme", None)
        if isinstance(scheme, str):
            return scheme
        if isinstance(scheme, dict):
            value = scheme.get(target)
            return value if isinstance(value, str) else None
        return None

    def run(self) -> tuple[dict[str, Any], Losses]:
        graph = self.graph
        for node in graph.statements():
            statement = node.item
            assert isinstance(statement, Statement)
            fields = statement.model_dump(mode="json", exclude_defaults=True,
                                          exclude=set(RELATION_FIELDS) | {"text"})
            extension = {"id": node.id, "kind": node.kind.value, **fields}
            self.node_of[node.id] = self._node("I", statement.text, extension)
            for key in ("concedes",):
                if getattr(statement, key, None):
                    self.losses.add("concessions (AIF has no node for them; kept in the "
                                    "'argmap' extension only)", node.id)
        for node in graph.arguments():
            argument = node.item
            assert isinstance(argument, Argument)
            about: dict[str, Any] = {"argument": node.id}
            about.update(argument.model_dump(mode="json", exclude_defaults=True,
                                             include={"text", "quote", "tags", "note"}))
            scheme = getattr(argument, "scheme", None)
            text = scheme if isinstance(scheme, str) and scheme else DEFAULT_TEXTS["RA"]
            self.node_of[node.id] = self._node("RA", text, about,
                                               scheme if text != DEFAULT_TEXTS["RA"] else None)
        deferred: list[Edge] = []
        for edge in graph.edges:
            if edge.kind is EdgeKind.PREMISE or edge.kind is EdgeKind.CONCLUSION:
                self._edge(self.node_of[edge.source], self.node_of[edge.target])
            elif edge.kind is EdgeKind.SUPPORT:
                statement = graph.nodes[edge.source].item
                assert isinstance(statement, Statement)
                scheme = self._scheme_of_support(statement, edge.target)
                ra = self._node("RA", scheme or DEFAULT_TEXTS["RA"], scheme=scheme)
                self._edge(self.node_of[edge.source], ra)
                self._edge(ra, self.node_of[edge.target])
                self.relation_node[("support", edge.source, edge.target)] = ra
            elif edge.kind is EdgeKind.ATTACK:
                ca = self._node("CA", DEFAULT_TEXTS["CA"])
                self._edge(self.node_of[edge.source], ca)
                self._edge(ca, self.node_of[edge.target])
                self.relation_node[("attack", edge.source, edge.target)] = ca
            else:
                deferred.append(edge)
        for edge in deferred:
            self._other_edge(edge)
        self._undercuts_of_relations()
        self._pairwise("outweighs", "PA")
        self._pairwise("rephrases", "MA")
        self._speakers()
        return self._document(), self.losses

    def _other_edge(self, edge: Edge) -> None:
        # Relations this writer does not draw are named, never dropped silently.
        self.losses.add(f"'{edge.kind}' relations (no AIF counterpart)",
                        f"{edge.source} -> {edge.target}")

    def _statements_with(self, field_name: str) -> list[tuple[str, Statement, list[Any]]]:
        found = []
        for node in self.graph.statements():
            values = getattr(node.item, field_name, None)
            if values:
                assert isinstance(node.item, Statement)
                found.append((node.id, node.item, list(values)))
        return found

    def _undercuts_of_relations(self) -> None:
        for source, _statement, entries in self._statements_with("undercuts"):
            for entry in entries:
                target: str | None = None
                if isinstance(entry, str):
                    target = self.node_of.get(entry)
                else:
                    spec = entry if isinstance(entry, dict) else getattr(entry, "__dict__", {})
                    for kind in ("support", "attack"):
                        origin = spec.get(kind)
                        if origin is not None:
                            target = self.relation_node.get((kind, origin, str(spec.get("to"))))
                if target is None:
                    self.losses.add("undercuts of relations the brief does not have", source)
                    continue
                ca = self._node("CA", DEFAULT_TEXTS["CA"])
                self._edge(self.node_of[source], ca)
                self._edge(ca, target)

    def _pairwise(self, field_name: str, node_type: str) -> None:
        for source, _statement, targets in self._statements_with(field_name):
            for target in targets:
                if target not in self.node_of or target == source:
                    self.losses.add(f"'{field_name}' entries naming no other statement", source)
                    continue
                scheme_node = self._node(node_type, DEFAULT_TEXTS[node_type])
                self._edge(self.node_of[source], scheme_node)
                self._edge(scheme_node, self.node_of[target])

    def _speakers(self) -> None:
        self.participants: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        person_of: dict[str, int] = {}
        for node in self.graph.statements():
            statement = node.item
            assert isinstance(statement, Statement)
            speaker = statement.speaker
            if not speaker or speaker not in self.brief.actors:
                continue
            name = self.brief.actors[speaker].name
            if speaker not in person_of:
                person_of[speaker] = len(person_of) + 1
                first, _, last = name.partition(" ")
                self.participants.append({"participantID": person_of[speaker],
                                          "firstname": first, "surname": last})
            words = statement.quotes[0] if statement.quotes else statement.text
            locution = self._node("L", f"{name} : {words}")
            anchor = self._node("YA", DEFAULT_TEXTS["YA"])
            self._edge(locution, anchor)
            self._edge(anchor, self.node_of[node.id])
            self.locutions.append({"nodeID": locution, "personID": person_of[speaker]})

    def _meta(self) -> dict[str, Any]:
        return self.brief.model_dump(mode="json", exclude_defaults=True,
                                     exclude={*STATEMENT_SECTIONS, "arguments"})

    def _document(self) -> dict[str, Any]:
        aif: dict[str, Any] = {
            "nodes": self.nodes,
            "edges": self.edges,
            "locutions": self.locutions,
            "participants": self.participants,
        }
        if self.shape == "aifdb":
            aif["argmap"] = self._meta()
            return aif
        aif["schemefulfillments"] = self.fulfilments
        aif["descriptorfulfillments"] = []
        aif["argmap"] = self._meta()
        layout = [{"nodeID": node["nodeID"], "visible": True, "x": 40 + 260 * (i % 6),
                   "y": 40 + 160 * (i // 6), "timestamp": ""}
                  for i, node in enumerate(self.nodes)]
        text = self.source_text or ""
        return {
            "AIF": aif,
            "text": {"txt": html.escape(text).replace("\n", "<br>")},
            "OVA": {"firstname": "", "surname": "", "url": "", "nodes": layout,
                    "edges": [{"fromID": e["fromID"], "toID": e["toID"], "visible": True}
                              for e in self.edges]},
        }

