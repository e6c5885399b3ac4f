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
from argmap.graph import ArgumentGraph, Edge
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
        for edge in graph.edges:
            self._relation(edge)
        for edge in getattr(graph, "undercuts", ()):
            self._undercut_of_relation(edge)
        self._rephrases()
        for edge in getattr(self.graph, "oppositions", ()):
            self.losses.add(f"'{edge.kind.value}' statements (AIF has no node for them; kept in "
                            "the 'argmap' extension only)", f"{edge.source} -> {edge.target}")
        self._speakers()
        return self._document(), self.losses

    def _relation(self, edge: Edge) -> None:
        """One edge of the graph as AIF nodes; what AIF has no node for is counted."""
        graph, kind = self.graph, edge.kind.value
        if edge.source not in self.node_of or edge.target not in self.node_of:
            self.losses.add(f"'{kind}' relations of questions (kept in the 'argmap' extension "
                            "only)", f"{edge.source} -> {edge.target}")
            return
        source, target = self.node_of[edge.source], self.node_of[edge.target]
        if kind in ("premise", "conclusion"):
            self._edge(source, target)
        elif kind == "support":
            statement = graph.nodes[edge.source].item
            assert isinstance(statement, Statement)
            scheme = self._scheme_of_support(statement, edge.target)
            ra = self._node("RA", scheme or DEFAULT_TEXTS["RA"], scheme=scheme)
            self._edge(source, ra)
            self._edge(ra, target)
            self.relation_node[("support", edge.source, edge.target)] = ra
        elif kind == "attack":
            # An undercut of an argument written as 'undercuts' keeps that spelling.
            spelt = {"undercut": True} if "undercuts" in edge.path else None
            ca = self._node("CA", DEFAULT_TEXTS["CA"], spelt)
            self._edge(source, ca)
            self._edge(ca, target)
            self.relation_node[("attack", edge.source, edge.target)] = ca
        elif kind == "outweighs":
            pa = self._node("PA", DEFAULT_TEXTS["PA"])
            self._edge(source, pa)
            self._edge(pa, target)
        elif kind == "concedes":
            self.losses.add("concessions (AIF has no node for them; kept in the 'argmap' "
                            "extension only)", edge.source)
        else:
            self.losses.add(f"'{kind}' relations (no AIF counterpart)",
                            f"{edge.source} -> {edge.target}")

    def _undercut_of_relation(self, edge: Edge) -> None:
        relation = getattr(edge, "relation", None)
        target = None if relation is None else self.relation_node.get(
            (relation.kind.value, relation.source, relation.target))
        if target is None or edge.source not in self.node_of:
            self.losses.add("undercuts of relations the brief does not have", edge.source)
            return
        ca = self._node("CA", DEFAULT_TEXTS["CA"])
        self._edge(self.node_of[edge.source], ca)
        self._edge(ca, target)

    def _rephrases(self) -> None:
        for node in self.graph.statements():
            for target in getattr(node.item, "rephrases", None) or ():
                if target not in self.node_of or target == node.id:
                    self.losses.add("'rephrases' entries naming no other statement", node.id)
                    continue
                ma = self._node("MA", DEFAULT_TEXTS["MA"])
                self._edge(self.node_of[node.id], ma)
                self._edge(ma, self.node_of[target])

    def _person(self, speaker: str | None) -> tuple[str | None, int | None]:
        """The speaker's name and participant number (a new participant the first time)."""
        if not speaker or speaker not in self.brief.actors:
            return None, None
        name = self.brief.actors[speaker].name
        if speaker not in self.person_of:
            self.person_of[speaker] = len(self.person_of) + 1
            first, _, last = name.partition(" ")
            self.participants.append({"participantID": self.person_of[speaker],
                                      "firstname": first, "surname": last})
        return name, self.person_of[speaker]

    def _locution(self, words: str, speaker: str | None, extension: dict[str, Any] | None,
                  timestamp: str | None) -> str:
        name, person = self._person(speaker)
        node = self._node("L", f"{name} : {words}" if name else words, extension)
        record: dict[str, Any] = {"nodeID": node}
        if person is not None:
            record["personID"] = person
        if timestamp:
            self.nodes[-1]["timestamp"] = timestamp
            record["timestamp"] = timestamp
        self.locutions.append(record)
        return node

    def _speakers(self) -> None:
        """The dialogue, if the brief keeps one; else a locution for each statement's speaker."""
        self.participants: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.person_of: dict[str, int] = {}
        dialogue = getattr(self.brief, "dialogue", None)
        asserted: set[str] = set()
        if dialogue is not None:
            node_of_locution: dict[str, str] = {}
            for key, locution in dialogue.locutions.items():
                said = self._locution(locution.text, locution.speaker, {"id": key},
                                      locution.timestamp)
                node_of_locution[key] = said
                for statement in locution.asserts:
                    if statement not in self.node_of:
                        self.losses.add("locutions asserting what the brief does not have", key)
                        continue
                    anchor = self._node("YA", locution.illocution or DEFAULT_TEXTS["YA"])
                    self._edge(said, anchor)
                    self._edge(anchor, self.node_of[statement])
                    asserted.add(statement)
            for key, locution in dialogue.locutions.items():
                for earlier in locution.replies_to:
                    if earlier not in node_of_locution:
                        self.losses.add("replies to locutions the dialogue does not have", key)
                        continue
                    transition = self._node("TA", DEFAULT_TEXTS["TA"])
                    self._edge(node_of_locution[earlier], transition)
                    self._edge(transition, node_of_locution[key])
        for node in self.graph.statements():
            statement = node.item
            assert isinstance(statement, Statement)
            if node.id in asserted or not statement.speaker:
                continue
            if statement.speaker not in self.brief.actors:
                continue
            words = statement.quotes[0] if statement.quotes else statement.text
            # Marked, so that argmap reads it back as the speaker only, not as a dialogue.
            locution = self._locution(words, statement.speaker, {"speaker_only": True}, None)
            anchor = self._node("YA", DEFAULT_TEXTS["YA"])
            self._edge(locution, anchor)
            self._edge(anchor, self.node_of[node.id])

    def _meta(self) -> dict[str, Any]:
        return self.brief.model_dump(mode="json", exclude_defaults=True,
                                     exclude={*STATEMENT_SECTIONS, "arguments", "dialogue"})

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

