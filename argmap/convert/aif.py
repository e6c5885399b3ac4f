"""AIF JSON in and out: AIFdb's ``{"nodes", "edges", "locutions"}`` and OVA3 save files.

The Argument Interchange Format draws an argument as a graph of information nodes (I: what is
said) and scheme nodes that relate them: RA (inference), CA (conflict), PA (preference) and MA
(rephrase); the dialogue layer adds locutions (L: who said which words), illocutions (YA) and
transitions between locutions (TA). This module reads them onto a brief as ``docs/interop.md`` sets
out; :mod:`argmap.convert.aifwrite` draws a brief's graph as such nodes. Whatever has no
counterpart is counted in :class:`~argmap.convert.common.Losses`, never dropped silently.

Written files carry an ``"argmap"`` key on the top level and on nodes (other AIF tools ignore
it): the brief's ids, kinds and fields that AIF has no place for, so a brief comes back whole.
"""

from __future__ import annotations

import html
import html.parser
import json
import re
from collections.abc import Mapping
from typing import Any

from argmap.convert.common import Conversion, IdMaker, Losses, build_brief, has_field
from argmap.errors import ConversionError
from argmap.model import STATEMENT_SECTIONS, Argument, Brief, Claim, Recommendation
from argmap.quotes import SourceText

__all__ = ["DEFAULT_SCHEME_IDS", "DEFAULT_TEXTS", "RELATION_FIELDS", "parse_aif", "read_aif"]

_SCHEME_TYPES = frozenset({"RA", "CA", "MA", "PA"})
_DIALOGUE_TYPES = frozenset({"L", "YA", "TA"})
_KNOWN_TYPES = frozenset({"I"}) | _SCHEME_TYPES | _DIALOGUE_TYPES

#: The texts AIFdb and OVA give scheme nodes that name no particular scheme.
DEFAULT_TEXTS = {
    "RA": "Default Inference",
    "CA": "Default Conflict",
    "MA": "Default Rephrase",
    "PA": "Default Preference",
    "TA": "Default Transition",
    "YA": "Asserting",
}
#: AIFdb's scheme ids of the defaults, as OVA writes them in ``schemefulfillments``.
DEFAULT_SCHEME_IDS = {"RA": "72", "CA": "71", "MA": "144", "PA": "161", "TA": "82", "YA": "74"}

_KIND_SECTION = {
    "claim": "claims",
    "premise": "premises",
    "objection": "objections",
    "recommendation": "recommendations",
}
#: Statement fields the AIF graph itself carries (the rest ride in the "argmap" extension).
RELATION_FIELDS = frozenset(
    {"supports", "attacks", "undercuts", "outweighs", "rephrases", "scheme"}
)


#: Statement fields read from a node's "argmap" extension.
_EXTENSION_FIELDS = frozenset(Recommendation.model_fields) - RELATION_FIELDS - {"text"}


# --- reading -----------------------------------------------------------------------------------


#: What a scheme node stands for once read: a single relation (kind, from, to), an argument's
#: id, or None (left out).
_Meaning = tuple[str, str, str] | str | None


class _Node:
    __slots__ = ("extension", "id", "incoming", "outgoing", "scheme", "text", "type")

    def __init__(self, node_id: str, node_type: str, text: str, scheme: str | None,
                 extension: dict[str, Any] | None) -> None:
        self.id = node_id
        self.type = node_type
        self.text = text
        self.scheme = scheme
        self.extension = extension
        self.incoming: list[str] = []
        self.outgoing: list[str] = []


_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")


def _check_text(value: str, path: str, element: str) -> str:
    if _UNWRITABLE.search(value) is not None:
        raise ConversionError(
            "the text holds a NUL or an unpaired surrogate, which no brief can hold",
            path=path, element=element,
        )
    return value


def _node_id(value: Any, path: str, where: str) -> str:
    if type(value) is str and _UNWRITABLE.search(value) is None:
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ConversionError(
            f"the node id must be a string or a whole number, not {value!r:.40}",
            path=path, element=where,
        )
    return _check_text(str(value), path, where)


def _list_of_dicts(data: Mapping[str, Any], key: str, path: str, required: bool) -> list[Any]:
    value = data.get(key)
    if value is None:
        if required:
            raise ConversionError(f"there is no '{key}' list", path=path)
        return []
    if not isinstance(value, list):
        raise ConversionError(f"'{key}' must be a list, not {type(value).__name__}", path=path)
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise ConversionError(
                f"each entry of '{key}' must be an object", path=path, element=f"{key}[{index}]"
            )
    return value


class _TextExtractor(html.parser.HTMLParser):
    """Plain text of OVA's HTML, with the passages its highlighted spans mark."""

    _BREAKS = frozenset({"br", "p", "div", "li", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.spans: dict[str, tuple[int, int]] = {}
        self._open: list[tuple[str | None, int]] = []

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BREAKS and tag != "br" and self.length:
            self._add("\n")
        if tag == "br":
            self._add("\n")
        if tag == "span":
            values = dict(attrs)
            self._open.append((values.get("id"), self.length))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open:
            span_id, start = self._open.pop()
            if span_id:
                key = span_id[4:] if span_id.startswith("node") else span_id
                self.spans.setdefault(key, (start, self.length))

    def handle_data(self, data: str) -> None:
        self._add(data)


def _ova_text(value: Any, path: str) -> tuple[str | None, dict[str, str]]:
    """The plain text of an OVA save's ``text`` (a string or ``{"txt": ...}``) and its spans."""
    if isinstance(value, dict):
        value = value.get("txt")
    if not isinstance(value, str) or not value.strip():
        return None, {}
    _check_text(value, path, "text")
    extractor = _TextExtractor()
    try:
        extractor.feed(value)
        extractor.close()
    except (AssertionError, ValueError):  # pragma: no cover - the parser is lenient
        return html.unescape(value), {}
    text = "".join(extractor.parts)
    spans = {key: text[start:end] for key, (start, end) in extractor.spans.items() if end > start}
    return text, spans


def parse_aif(data: bytes | str, *, path: str = "<aif>") -> Any:
    """JSON text as Python data; malformed JSON is a :class:`ConversionError` at its line."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as error:
        raise ConversionError("the file is not UTF-8 text", path=path,
                              element=f"byte {error.start}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ConversionError(f"not JSON: {error.msg}", path=path,
                              element=f"line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        raise ConversionError("the JSON is nested too deeply to read", path=path) from None


def read_aif(data: Any, *, path: str = "<aif>", brief_id: str | None = None) -> Conversion:
    """A brief from AIF data (AIFdb or OVA3 shape, already parsed from JSON).

    Raises :class:`ConversionError` naming the node or edge for anything malformed; what is
    well formed but has no place in a brief is counted in the result's ``losses``.
    """
    if not isinstance(data, dict):
        raise ConversionError("an AIF file holds a JSON object", path=path)
    losses = Losses()
    source_text: str | None = None
    spans: dict[str, str] = {}
    if "AIF" in data:
        aif = data["AIF"]
        if not isinstance(aif, dict):
            raise ConversionError("'AIF' must be an object", path=path)
        source_text, spans = _ova_text(data.get("text"), path)
        # OVA's "OVA" block is layout (where each box was drawn): argmap lays maps out itself.
    elif "nodes" in data:
        aif = data
    else:
        raise ConversionError(
            "this is not AIF: expected 'nodes' and 'edges' (AIFdb) or 'AIF' (an OVA save)",
            path=path,
        )
    return _Reader(aif, path, losses, source_text, spans, brief_id).run()


_WORDS = re.compile(r"\w+(?:\W+\w+)*", re.UNICODE)


def _passage(source: SourceText, text: str, words: str) -> str | None:
    """The passage of ``text`` that says ``words``: verbatim, or else the same words in
    another case or with other punctuation at either end (the capital and full stop an
    analyst adds to a clause)."""
    match = source.find(words)
    if match is not None:
        return text[match.start:match.end]
    core = _WORDS.search(words)
    if core is None or len(core.group()) < 12:
        return None
    pattern = r"\s+".join(re.escape(part) for part in core.group().split())
    if len(pattern) > 4000:
        return None
    found = re.search(pattern, text, re.IGNORECASE)
    if found is None or source.find(found.group()) is None:
        return None
    return found.group()


class _Reader:
    def __init__(self, aif: dict[str, Any], path: str, losses: Losses, source_text: str | None,
                 spans: dict[str, str], brief_id: str | None) -> None:
        self.aif = aif
        self.path = path
        self.losses = losses
        self.source_text = source_text
        self.spans = spans
        self.brief_id = brief_id
        self.nodes: dict[str, _Node] = {}
        self.statement_of: dict[str, str] = {}  # I node -> statement id
        self.fields: dict[str, dict[str, Any]] = {}  # statement id -> its fields
        self.kinds: dict[str, str] = {}
        self.arguments: dict[str, dict[str, Any]] = {}
        self.meaning: dict[str, tuple[str, str, str] | str | None] = {}  # S node -> relation
        self.ids = IdMaker()
        self.in_arguments: set[str] = set()  # statements that are premises of an argument
        self.written: set[tuple[str, str, Any]] = set()  # relations entered already
        self.timestamps: dict[str, str] = {}  # L node -> when its words were said
        self.described: set[str] = set()  # statements whose fields the extension gives
        self.locutions: dict[str, dict[str, Any]] = {}

    def error(self, message: str, element: str) -> ConversionError:
        return ConversionError(message, path=self.path, element=element)

    # The steps, in order -------------------------------------------------------------------------

    def run(self) -> Conversion:
        self._read_nodes()
        self._read_edges()
        meta = self._extension_meta()
        self._make_statements()
        self._read_dialogue(meta)
        for node in self.nodes.values():
            if node.type == "RA":
                self._inference(node)
        for node in self.nodes.values():
            if node.type == "CA":
                self._resolve_conflict(node.id, set())
            elif node.type in ("MA", "PA"):
                self._pairwise(node)
        self._find_quotes()
        brief = build_brief(self._brief_data(meta), self.path)
        return Conversion(brief, self.source_text, self.losses)

    def _read_nodes(self) -> None:
        nodes = self.nodes
        for index, raw in enumerate(_list_of_dicts(self.aif, "nodes", self.path, True)):
            node_id = _node_id(raw.get("nodeID"), self.path, f"nodes[{index}]")
            if node_id in nodes:
                raise self.error("this node id is given twice", f"node {node_id}")
            node_type = raw.get("type")
            text = raw.get("text") or ""
            if type(node_type) is not str or type(text) is not str:
                self._bad_node(node_id, node_type, text)
            if _UNWRITABLE.search(text) is not None:
                _check_text(text, self.path, f"node {node_id}")
            scheme = raw.get("scheme")
            if type(scheme) is not str or not scheme.strip():
                scheme = None
            extension = raw.get("argmap")
            if node_type == "L" and type(raw.get("timestamp")) is str and raw["timestamp"]:
                self.timestamps[node_id] = raw["timestamp"]
            nodes[node_id] = _Node(node_id, node_type, text, scheme,
                                   extension if type(extension) is dict else None)
            if node_type not in _KNOWN_TYPES:
                self.losses.add(f"nodes of unknown type '{node_type[:20]}'", f"node {node_id}")
            elif node_type == "I" and not text.strip():
                raise self.error("the I node has no text", f"node {node_id}")

    def _bad_node(self, node_id: str, node_type: Any, text: Any) -> None:
        if not isinstance(node_type, str):
            raise self.error("the node has no 'type' (I, RA, CA, MA, PA, L, YA or TA)",
                             f"node {node_id}")
        raise self.error("the node's 'text' must be a string", f"node {node_id}")

    def _read_edges(self) -> None:
        nodes = self.nodes
        seen: set[tuple[str, str]] = set()
        for index, raw in enumerate(_list_of_dicts(self.aif, "edges", self.path, True)):
            source, target = raw.get("fromID"), raw.get("toID")
            if type(source) is not str or type(target) is not str:
                source, target = self._edge_ends(raw, index)
            if source not in nodes or target not in nodes:
                self._edge_ends(raw, index)
            if (source, target) in seen:
                continue
            seen.add((source, target))
            nodes[source].outgoing.append(target)
            nodes[target].incoming.append(source)

    def _edge_ends(self, raw: dict[str, Any], index: int) -> tuple[str, str]:
        """An edge's two ends, checked one by one so that a bad one is named."""
        where = f"edge {raw.get('edgeID', index)!s:.40}"
        ends = []
        for key in ("fromID", "toID"):
            if key not in raw:
                raise self.error(f"the edge has no '{key}'", where)
            end = _node_id(raw[key], self.path, where)
            if end not in self.nodes:
                raise self.error(f"'{key}' names node {end:.40}, which does not exist", where)
            ends.append(end)
        return ends[0], ends[1]

    def _extension_meta(self) -> dict[str, Any]:
        meta = self.aif.get("argmap")
        return dict(meta) if isinstance(meta, dict) else {}

    def _make_statements(self) -> None:
        for node in self.nodes.values():
            if node.type != "I":
                continue
            extension = node.extension or {}
            wanted = extension.get("id")
            statement_id = self.ids.make(wanted if isinstance(wanted, str) else None, node.text)
            self.statement_of[node.id] = statement_id
            kind = extension.get("kind")
            if kind in _KIND_SECTION:
                self.kinds[statement_id] = kind
            fields: dict[str, Any] = {
                key: value for key, value in extension.items()
                if key in _EXTENSION_FIELDS
            } if extension else {}
            if kind != "recommendation":
                fields.pop("addressee", None)
            fields["text"] = node.text
            self.fields[statement_id] = fields
            if node.extension:  # written by argmap: its fields are the statement's own
                self.described.add(statement_id)

    def _relation_list(self, statement_id: str, key: str, value: Any) -> None:
        marker = (statement_id, key, tuple(sorted(value.items())) if isinstance(value, dict)
                  else value)
        if marker not in self.written:
            self.written.add(marker)
            self.fields[statement_id].setdefault(key, []).append(value)

    def _inference(self, node: _Node) -> None:
        where = f"node {node.id} (RA)"
        premises = [n for n in node.incoming if self.nodes[n].type == "I"]
        conclusions = [n for n in node.outgoing if self.nodes[n].type == "I"]
        for other in node.incoming:
            if self.nodes[other].type in ("RA", "MA", "PA"):
                self.losses.add("inferences whose premise is another relation", where)
        if not premises or not conclusions:
            self.losses.add("RA nodes without a premise or a conclusion", where)
            self.meaning[node.id] = None
            return
        scheme = self._scheme_of(node)
        extension = node.extension or {}
        if len(premises) == 1 and extension.get("argument") is None:
            premise = self.statement_of[premises[0]]
            for conclusion_node in conclusions:
                conclusion = self.statement_of[conclusion_node]
                if conclusion == premise:
                    self.losses.add("inferences from a statement to itself", where)
                    continue
                self._relation_list(premise, "supports", conclusion)
                if scheme and has_field(Claim, "scheme"):
                    self.fields[premise].setdefault("scheme", {})[conclusion] = scheme
            self.meaning[node.id] = ("support", premise, self.statement_of[conclusions[0]])
            return
        first_id: str | None = None
        for conclusion_node in conclusions:
            conclusion = self.statement_of[conclusion_node]
            wanted = extension.get("argument")
            argument_id = self.ids.make(
                wanted if isinstance(wanted, str) else None,
                fallback=f"argument-for-{conclusion}"[:48].rstrip("-"),
            )
            argument: dict[str, Any] = {
                "premises": [self.statement_of[p] for p in premises],
                "conclusion": conclusion,
            }
            for key in ("text", "quote", "tags", "note"):
                if key in extension:
                    argument[key] = extension[key]
            if scheme and has_field(Argument, "scheme"):
                argument["scheme"] = scheme
            self.arguments[argument_id] = argument
            self.in_arguments.update(argument["premises"])
            first_id = first_id or argument_id
        self.meaning[node.id] = first_id

    def _scheme_of(self, node: _Node) -> str | None:
        name = node.scheme or node.text
        if not name or not name.strip() or name.strip() == DEFAULT_TEXTS.get(node.type):
            return None
        if name.startswith("Default "):
            return None
        return name.strip()

    def _resolve_conflict(self, node_id: str, visiting: set[str]) -> _Meaning:
        """What the CA node ``node_id`` means, recorded on its attacker; its meaning as a target."""
        if node_id in self.meaning:
            return self.meaning[node_id]
        node = self.nodes[node_id]
        where = f"node {node_id} (CA)"
        if node_id in visiting:
            self.losses.add("conflicts that attack each other in a circle", where)
            return None
        visiting.add(node_id)
        attackers = [n for n in node.incoming if self.nodes[n].type == "I"]
        targets = list(node.outgoing)
        if len(attackers) != 1 or len(targets) != 1:
            what = ("conflicts with several attackers or targets"
                    if attackers and targets else "CA nodes without an attacker or a target")
            self.losses.add(what, where)
            self.meaning[node_id] = None
            return None
        attacker = self.statement_of[attackers[0]]
        target_node = self.nodes[targets[0]]
        meaning: tuple[str, str, str] | str | None = None
        if target_node.type == "I":
            target = self.statement_of[target_node.id]
            if target == attacker:
                self.losses.add("conflicts of a statement with itself", where)
            else:
                self._relation_list(attacker, "attacks", target)
                meaning = ("attack", attacker, target)
        elif target_node.type in ("RA", "CA"):
            relation = (self.meaning.get(target_node.id) if target_node.type == "RA"
                        else self._resolve_conflict(target_node.id, visiting))
            spelt = bool((node.extension or {}).get("undercut"))
            meaning = self._undercut(attacker, relation, where, spelt)
        else:
            self.losses.add(f"conflicts aimed at {target_node.type} nodes", where)
        self.meaning[node_id] = meaning
        return meaning

    def _undercut(self, attacker: str, relation: tuple[str, str, str] | str | None,
                  where: str, spelt_undercut: bool) -> tuple[str, str, str] | None:
        if relation is None:
            self.losses.add("conflicts aimed at relations that were left out", where)
            return None
        if isinstance(relation, str):  # an argument: an attack on it denies its inference
            field_name = ("undercuts" if spelt_undercut and has_field(Claim, "undercuts")
                          else "attacks")
            self._relation_list(attacker, field_name, relation)
            return ("attack", attacker, relation)
        kind, source, target = relation
        if not has_field(Claim, "undercuts"):
            self.losses.add("undercuts of single relations (this brief format has none)", where)
            return None
        self._relation_list(attacker, "undercuts", {kind: source, "to": target})
        return None

    def _pairwise(self, node: _Node) -> None:
        where = f"node {node.id} ({node.type})"
        field_name = "outweighs" if node.type == "PA" else "rephrases"
        sources = [n for n in node.incoming if self.nodes[n].type == "I"]
        targets = [n for n in node.outgoing if self.nodes[n].type == "I"]
        others = len(node.incoming) + len(node.outgoing) - len(sources) - len(targets)
        what = "preferences" if node.type == "PA" else "rephrases"
        if others or len(sources) != 1 or len(targets) != 1:
            self.losses.add(f"{what} that do not join one statement to another", where)
            return
        if not has_field(Claim, field_name):
            self.losses.add(f"{what} (this brief format has no '{field_name}')", where)
            return
        source, target = self.statement_of[sources[0]], self.statement_of[targets[0]]
        if source == target:
            self.losses.add(f"{what} of a statement with itself", where)
            return
        self._relation_list(source, field_name, target)

    def _read_dialogue(self, meta: dict[str, Any]) -> None:
        """Speakers from locutions (L -YA-> I), and the words said, as quote candidates."""
        participants: dict[str, str] = {}
        for raw in _list_of_dicts(self.aif, "participants", self.path, False):
            person = raw.get("participantID")
            names = [raw.get(k) for k in ("firstname", "surname")]
            name = " ".join(n.strip() for n in names if isinstance(n, str) and n.strip())
            if isinstance(person, (str, int)) and not isinstance(person, bool) and name:
                participants[str(person)] = _check_text(name, self.path, "participants")
        speaker_of_locution: dict[str, str] = {}
        for raw in _list_of_dicts(self.aif, "locutions", self.path, False):
            node_id, person = raw.get("nodeID"), raw.get("personID")
            if isinstance(node_id, (str, int)) and isinstance(person, (str, int)):
                person_name = participants.get(str(person))
                if person_name:
                    speaker_of_locution[str(node_id)] = person_name
        actors: dict[str, dict[str, Any]] = {}
        actor_ids: dict[str, str] = {}
        meta_actors = meta.get("actors")
        if isinstance(meta_actors, dict):
            for key, value in meta_actors.items():
                if isinstance(value, dict) and isinstance(value.get("name"), str):
                    actor_ids[value["name"]] = key
        self.said: dict[str, str] = {}
        keep = has_field(Brief, "dialogue")
        locutions: dict[str, dict[str, Any]] = {}  # L node id -> the locution's fields
        locution_id: dict[str, str] = {}

        def speaker_of(name: str | None) -> str | None:
            if not name:
                return None
            actor = actor_ids.get(name) or self.ids.make(None, name, "speaker")
            actor_ids[name] = actor
            actors.setdefault(actor, {"name": name})
            return actor

        for node in self.nodes.values():
            if node.type != "L":
                continue
            who = speaker_of_locution.get(node.id)
            words = node.text
            if " : " in words:
                prefix, _, rest = words.partition(" : ")
                who = who or prefix.strip() or None
                words = rest
            node.text = words.strip()
            node.scheme = who  # the speaker's name, for the YA nodes below
            if keep and node.text and not (node.extension or {}).get("speaker_only"):
                wanted = (node.extension or {}).get("id")
                locution_id[node.id] = self.ids.make(
                    wanted if isinstance(wanted, str) else f"locution-{node.id}", node.text,
                    "locution")
                fields: dict[str, Any] = {"text": node.text}
                actor = speaker_of(who)
                if actor:
                    fields["speaker"] = actor
                stamp = self.timestamps.get(node.id)
                if stamp:
                    fields["timestamp"] = stamp
                locutions[node.id] = fields
            elif not any(self.nodes[n].type == "YA" for n in node.outgoing):
                self.losses.add("L nodes (locutions) that anchor no statement", f"node {node.id}")
        for node in self.nodes.values():
            if node.type == "TA":
                ins = [n for n in node.incoming if n in locutions]
                outs = [n for n in node.outgoing if n in locutions]
                if len(ins) == 1 and len(outs) == 1 and len(node.incoming) == 1 and len(
                        node.outgoing) == 1:
                    locutions[outs[0]].setdefault("replies_to", []).append(locution_id[ins[0]])
                else:
                    self.losses.add("TA nodes (transitions between locutions)", f"node {node.id}")
            elif node.type == "YA":
                sources = [self.nodes[n] for n in node.incoming]
                targets = [self.nodes[n] for n in node.outgoing]
                if not (len(sources) == 1 and sources[0].type == "L"
                        and len(targets) == 1 and targets[0].type == "I"):
                    self.losses.add("YA nodes that do not anchor a locution in a statement",
                                    f"node {node.id}")
                    continue
                locution, statement_node = sources[0], targets[0]
                statement = self.statement_of[statement_node.id]
                actor = speaker_of(locution.scheme)
                if statement not in self.described:
                    if locution.text:
                        self.said.setdefault(statement, locution.text)
                    if actor and "speaker" not in self.fields[statement]:
                        self.fields[statement]["speaker"] = actor
                if locution.id in locutions:
                    fields = locutions[locution.id]
                    fields.setdefault("asserts", []).append(statement)
                    if node.text and node.text != DEFAULT_TEXTS["YA"]:
                        fields.setdefault("illocution", node.text)
        self.actors = actors
        self.locutions = {locution_id[key]: fields for key, fields in locutions.items()}

    def _find_quotes(self) -> None:
        if not self.source_text:
            # No text to look in: the words a locution says are still the speaker's own.
            for statement, words in self.said.items():
                fields = self.fields[statement]
                if "quote" not in fields and words != fields["text"]:
                    fields["quote"] = words
            return
        source = SourceText(self.source_text)
        for node_id, statement in self.statement_of.items():
            fields = self.fields[statement]
            if "quote" in fields or statement in self.described:
                continue
            candidates = [self.spans.get(node_id), self.said.get(statement), fields["text"]]
            for candidate in candidates:
                if not candidate or not candidate.strip():
                    continue
                found = _passage(source, self.source_text, candidate.strip())
                if found is not None:
                    fields["quote"] = found
                    break

    def _brief_data(self, meta: dict[str, Any]) -> dict[str, Any]:
        data: dict[str, Any] = {
            key: value for key, value in meta.items()
            if key not in (*STATEMENT_SECTIONS, "arguments", "dialogue") and has_field(Brief, key)
        }
        data["argmap"] = 1
        if not isinstance(data.get("id"), str):
            data["id"] = self.brief_id or "imported-map"
        if not isinstance(data.get("title"), str) or not data["title"].strip():
            data["title"] = f"Argument map {data['id']}"
        actors = dict(data.get("actors") or {}) if isinstance(data.get("actors"), dict) else {}
        for key, value in self.actors.items():
            actors.setdefault(key, value)
        if actors:
            data["actors"] = actors
        sections: dict[str, dict[str, Any]] = {section: {} for section in STATEMENT_SECTIONS}
        for statement, fields in self.fields.items():
            kind = self.kinds.get(statement) or self._guess_kind(
                fields, statement in self.in_arguments)
            sections[_KIND_SECTION[kind]][statement] = fields
        for section, items in sections.items():
            if items:
                data[section] = items
        if self.arguments:
            data["arguments"] = self.arguments
        if self.locutions:
            data["dialogue"] = {"locutions": self.locutions}
        return data

    @staticmethod
    def _guess_kind(fields: dict[str, Any], in_argument: bool) -> str:
        """AIF has no kinds of statement: what attacks is an objection, what supports a
        premise, anything else a claim."""
        if fields.get("attacks") or fields.get("undercuts"):
            return "objection"
        if fields.get("supports") or in_argument:
            return "premise"
        return "claim"
