"""Reading Argdown: statements, arguments, premise-conclusion structures, relations, sections.

Argdown (argdown.org) writes an argument map as text: ``[Title]: text`` defines a statement,
``<Title>: text`` an argument, an indented line starting with a relation symbol relates an
element to the one above it (``+`` ``-`` ``_`` incoming, ``+>`` ``->`` ``_>`` outgoing,
``<+`` ``<-`` ``<_`` spelt out, ``><`` contradictory), numbered lines ``(1)`` under an argument
are its premise-conclusion structure with inference lines (``----``, ``-- rule --``) between,
headings are sections, ``#tags`` and ``{data}`` annotate, and ``===`` fences YAML front matter.

:func:`parse_argdown` reads the text into an :class:`ArgdownMap`, the same statements, arguments,
relations, sections and tags that ``argdown json`` exports (the tests compare the two);
:func:`read_argdown` maps it onto a brief as ``docs/interop.md`` sets out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from argmap.convert.common import Conversion, IdMaker, Losses, build_brief, has_field
from argmap.errors import ConversionError
from argmap.model import STATEMENT_SECTIONS, Argument, Brief, Claim, Recommendation

__all__ = ["ArgdownArgument", "ArgdownMap", "ArgdownStatement", "parse_argdown", "read_argdown"]

#: Relation symbols, longest first: (symbol, relation type, direction).
#: Direction "in" relates the child to its parent, "out" the parent to the child.
_SYMBOLS = (
    ("<+", "support", "in"), ("<-", "attack", "in"), ("<_", "undercut", "in"),
    ("+>", "support", "out"), ("->", "attack", "out"), ("_>", "undercut", "out"),
    ("><", "contradictory", "out"),
    ("+", "support", "in"), ("-", "attack", "in"), ("_", "undercut", "in"),
)
_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)\s+(.*)$")
_HEADING = re.compile(r"(#{1,6})\s+(\S.*?)\s*$")
_PCS = re.compile(r"\((\d+)\)\s+(.*)$")
_INFERENCE_SIMPLE = re.compile(r"-{2,}\s*$")
_INFERENCE_RULES = re.compile(r"--\s+(.*?)\s*-{2,}\s*$")
_DEFINITION = re.compile(r"\[((?:\\.|[^\]\\])+)\]:\s*(.*)$")
_REFERENCE = re.compile(r"\[((?:\\.|[^\]\\])+)\]\s*$")
_ARGUMENT_DEFINITION = re.compile(r"<((?:\\.|[^>\\])+)>:\s*(.*)$")
_ARGUMENT_REFERENCE = re.compile(r"<((?:\\.|[^>\\])+)>\s*$")
_TAG = re.compile(r"(?<![\\\w])#(?:\(([^)]*)\)|([\w][\w-]*))")
_ESCAPE = re.compile(r"\\(.)")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/|<!--.*?-->", re.DOTALL)
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")
#: Largest Argdown file read (characters): no argument map comes near it.
MAX_CHARACTERS = 32 * 1024 * 1024


@dataclass
class ArgdownStatement:
    """An equivalence class: every line that defines or refers to one statement title."""

    title: str
    texts: list[str] = field(default_factory=list)  # the wordings given, in order
    plain: list[str] = field(default_factory=list)  # the same without their #tags
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None  # where it first appears
    defined_in: str | None = None  # where its first wording is given
    line: int = 0


@dataclass
class ArgdownArgument:
    """An argument: its descriptions and its premise-conclusion structure, if it has one.

    ``pcs`` holds ``(role, statement title, inference rules)`` in order; a conclusion carries the
    rules of the inference line above it.
    """

    title: str
    descriptions: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)  # the same without their #tags
    pcs: list[tuple[str, str, list[str]]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    line: int = 0


@dataclass
class ArgdownMap:
    """What an Argdown file says, as ``argdown json`` exports it."""

    front_matter: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, ArgdownStatement] = field(default_factory=dict)
    arguments: dict[str, ArgdownArgument] = field(default_factory=dict)
    #: (type, from title, from kind, to title, to kind); kinds "statement", "argument", and
    #: "inference" (an undercut of an argument's inference).
    relations: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    sections: list[tuple[str, int]] = field(default_factory=list)  # (title, level)
    tags: list[str] = field(default_factory=list)


def _blank_out(match: re.Match[str]) -> str:
    """A comment replaced by nothing but its line breaks, so line numbers stay right."""
    return "\n" * match.group().count("\n")


def _without_comment(line: str) -> str:
    """The line up to a ``//`` comment (one that is not escaped and not inside ``{data}``)."""
    if "//" not in line:
        return line
    depth = 0
    index = 0
    while index < len(line) - 1:
        char = line[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == "/" and line[index + 1] == "/" and depth == 0:
            return line[:index]
        index += 1
    return line


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def _rules(text: str) -> list[str]:
    """The inference rules an inference line names, split at its unescaped commas."""
    return [" ".join(_unescape(rule).split()) for rule in re.split(r"(?<!\\),", text)
            if rule.strip()]


class _Parser:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.map = ArgdownMap()
        self.lines = text.splitlines()
        self.section: str | None = None
        self.untitled = 0
        self.stack: list[tuple[int, str, str]] = []  # (indent, kind, title)
        self.last_top_argument: str | None = None
        self.pcs_owner: str | None = None
        self.pending_rules: list[str] | None = None
        self.pcs_items: list[tuple[str, str, list[str]]] = []
        self.text_owner: tuple[str, str, int] | None = None  # (kind, title, index) to extend

    def error(self, message: str, line: int) -> ConversionError:
        return ConversionError(message, path=self.path, element=f"line {line}")

    # Text --------------------------------------------------------------------------------------

    def _data(self, text: str, line: int) -> tuple[str, dict[str, Any]]:
        """Split a trailing ``{...}`` data block (YAML flow) from the text."""
        stripped = text.rstrip()
        if not stripped.endswith("}") or stripped.endswith("\\}"):
            return text, {}
        opening = stripped.rfind("{")
        flat = (opening >= 0 and stripped.count("}", opening) == 1
                and "\\" not in stripped[max(opening - 1, 0):])
        if flat:  # the common case, a block without braces inside: no scan needed
            return stripped[:opening], self._yaml(stripped[opening:], line)
        depth = 0
        for index in range(len(stripped) - 1, -1, -1):
            char = stripped[index]
            if index and stripped[index - 1] == "\\":
                continue
            if char == "}":
                depth += 1
            elif char == "{":
                depth -= 1
                if depth == 0:
                    return stripped[:index], self._yaml(stripped[index:], line)
        raise self.error("a '}' closes a data block that no '{' opens", line)

    def _yaml(self, text: str, line: int) -> dict[str, Any]:
        # argmap writes its data blocks as JSON, which is YAML: read that the quick way first.
        try:
            quick = json.loads(text)
        except (ValueError, RecursionError):
            quick = None
        if isinstance(quick, dict):
            return {str(key): value for key, value in quick.items()}
        from argmap.yamlparse import parse

        parsed = parse(text)
        if parsed.data is None or not isinstance(parsed.data, dict) or any(
                p.code == "AM001" for p in parsed.problems):
            raise self.error(f"the data block {text[:40]!r} is not a YAML mapping", line)
        return {str(key): value for key, value in parsed.data.items()}

    def _text(self, raw: str, line: int) -> tuple[str, str, list[str], dict[str, Any]]:
        """The text as ``argdown json`` gives it, the same without tags, its tags, its data."""
        body, data = self._data(raw, line)
        tags = [(group or word).strip() for group, word in _TAG.findall(body)]
        for tag in tags:
            if tag and tag not in self.map.tags:
                self.map.tags.append(tag)
        plain = " ".join(_unescape(_TAG.sub("", body)).split())
        return " ".join(_unescape(body).split()), plain, [t for t in tags if t], data

    # Elements ----------------------------------------------------------------------------------

    def _statement(self, title: str, text: str | None, line: int, top: bool) -> str:
        title = " ".join(_unescape(title).split())
        statement = self.map.statements.get(title)
        if statement is None:
            statement = self.map.statements[title] = ArgdownStatement(
                title, section=self.section, line=line)
        if text is not None:
            wording, plain, tags, data = self._text(text, line)
            if wording:
                if not statement.texts:
                    statement.defined_in = self.section
                statement.texts.append(wording)
                statement.plain.append(plain)
                self.text_owner = ("statement", title, len(statement.texts) - 1)
            statement.tags.extend(t for t in tags if t not in statement.tags)
            statement.data.update(data)
        return title

    def _argument(self, title: str, text: str | None, line: int) -> str:
        title = " ".join(_unescape(title).split())
        argument = self.map.arguments.get(title)
        if argument is None:
            argument = self.map.arguments[title] = ArgdownArgument(
                title, section=self.section, line=line)
        if text is not None:
            wording, plain, tags, data = self._text(text, line)
            if wording:
                argument.descriptions.append(wording)
                argument.plain.append(plain)
                self.text_owner = ("argument", title, len(argument.descriptions) - 1)
            argument.tags.extend(t for t in tags if t not in argument.tags)
            argument.data.update(data)
        return title

    def _element(self, content: str, line: int, top: bool) -> tuple[str, str]:
        """Read one element (definition, reference or untitled statement): (kind, title)."""
        self.text_owner = None
        if match := _DEFINITION.match(content):
            return "statement", self._statement(match.group(1), match.group(2), line, top)
        if match := _REFERENCE.match(content):
            return "statement", self._statement(match.group(1), None, line, top)
        if match := _ARGUMENT_DEFINITION.match(content):
            return "argument", self._argument(match.group(1), match.group(2), line)
        if match := _ARGUMENT_REFERENCE.match(content):
            return "argument", self._argument(match.group(1), None, line)
        self.untitled += 1
        return "statement", self._statement(f"Untitled {self.untitled}", content, line, top)

    def _relate(self, symbol: str, parent: tuple[str, str], child: tuple[str, str]) -> None:
        for known, relation, direction in _SYMBOLS:
            if known == symbol:
                source, target = (child, parent) if direction == "in" else (parent, child)
                self.map.relations.append((relation, source[1], source[0], target[1], target[0]))
                return

    # Premise-conclusion structures ------------------------------------------------------------

    def _close_pcs(self) -> None:
        if self.pcs_owner is not None and self.pcs_items:
            argument = self.map.arguments[self.pcs_owner]
            items = self.pcs_items
            last_conclusion = max((i for i, item in enumerate(items) if item[0] != "premise"),
                                  default=None)
            roles = []
            for index, (role, title, rules) in enumerate(items):
                if role == "conclusion":
                    role = ("main-conclusion" if index == last_conclusion
                            else "intermediary-conclusion")
                roles.append((role, title, rules))
            argument.pcs = roles
        self.pcs_owner = None
        self.pcs_items = []
        self.pending_rules = None

    def _pcs_line(self, number: str, content: str, line: int) -> None:
        if self.pcs_owner is None:
            owner = self.last_top_argument
            if owner is None:
                self.untitled += 1
                owner = self._argument(f"Untitled {self.untitled}", None, line)
            self.pcs_owner = owner
            self.pcs_items = []
        kind, title = self._element(content, line, top=False)
        if kind != "statement":
            raise self.error("a numbered line of an argument must hold a statement", line)
        role = "premise" if self.pending_rules is None else "conclusion"
        self.pcs_items.append((role, title, self.pending_rules or []))
        self.pending_rules = None
        self.stack = [(0, "statement", title)]

    # The lines ---------------------------------------------------------------------------------

    def run(self) -> ArgdownMap:
        index = self._front_matter()
        blank_before = True
        multi_rules: list[str] | None = None
        while index < len(self.lines):
            raw = self.lines[index]
            index += 1
            number = index
            if multi_rules is not None:
                if raw.strip() == "--":
                    self.pending_rules = _rules(" ".join(multi_rules))
                    multi_rules = None
                else:
                    multi_rules.append(self._data(raw, number)[0])
                continue
            if not raw.strip():
                blank_before = True
                self.text_owner = None
                continue
            expanded = raw.expandtabs(4)
            indent = len(expanded) - len(expanded.lstrip())
            content = expanded.strip()
            was_blank, blank_before = blank_before, False
            if indent == 0 and (heading := _HEADING.match(content)):
                self._close_pcs()
                self.section = " ".join(_unescape(heading.group(2)).split())
                self.map.sections.append((self.section, len(heading.group(1))))
                self.stack, self.last_top_argument = [], None
                continue
            if content == "--" or _INFERENCE_SIMPLE.fullmatch(content) or _INFERENCE_RULES.match(
                    content):
                if self.pcs_owner is None:
                    raise self.error("an inference line belongs between the numbered lines of "
                                     "an argument", number)
                if content == "--":
                    multi_rules = []
                    continue
                rules_match = _INFERENCE_RULES.match(content)
                rules = self._data(rules_match.group(1), number)[0] if rules_match else ""
                self.pending_rules = _rules(rules)
                self.text_owner = None
                continue
            if (pcs := _PCS.match(content)) and indent == 0:
                self._pcs_line(pcs.group(1), pcs.group(2), number)
                continue
            relation = _RELATION.match(content)
            if relation and indent > 0:
                while self.stack and self.stack[-1][0] >= indent:
                    self.stack.pop()
                if not self.stack:
                    raise self.error("this relation has no statement or argument above it to "
                                     "relate to (indent it under one)", number)
                parent = (self.stack[-1][1], self.stack[-1][2])
                child = self._element(relation.group(2).strip(), number, top=False)
                self._relate(relation.group(1), parent, child)
                self.stack.append((indent, *child))
                continue
            if not was_blank and self.text_owner is not None:
                self._continue_text(content, number)
                continue
            if indent == 0 and self.pcs_owner is not None:
                self._close_pcs()
            kind, title = self._element(content, number, top=indent == 0)
            self.stack = [(indent, kind, title)]
            self.last_top_argument = title if kind == "argument" else None
        if multi_rules is not None:
            raise self.error("an inference line '--' is never closed", len(self.lines))
        self._close_pcs()
        self._settle_relations()
        return self.map

    def _settle_relations(self) -> None:
        """As Argdown does once the whole file is read: what an argument with premises and a
        conclusion says, its conclusion says; an undercut of it denies its inference."""
        settled = []
        for relation, source, source_kind, target, target_kind in self.map.relations:
            argument = self.map.arguments.get(source) if source_kind == "argument" else None
            if argument is not None and argument.pcs:
                main = [title for role, title, _ in argument.pcs if role == "main-conclusion"]
                if main:
                    source, source_kind = main[0], "statement"
            if target_kind in ("argument", "inference"):
                target_argument = self.map.arguments.get(target)
                has_pcs = target_argument is not None and bool(target_argument.pcs)
                if relation == "undercut":
                    target_kind = "inference" if has_pcs else "argument"
            settled.append((relation, source, source_kind, target, target_kind))
        self.map.relations = settled

    def _continue_text(self, content: str, line: int) -> None:
        assert self.text_owner is not None
        kind, title, position = self.text_owner
        wording, plain, tags, data = self._text(content, line)
        if kind == "statement":
            statement = self.map.statements[title]
            statement.texts[position] = f"{statement.texts[position]} {wording}".strip()
            statement.plain[position] = f"{statement.plain[position]} {plain}".strip()
            statement.tags.extend(t for t in tags if t not in statement.tags)
            statement.data.update(data)
        else:
            argument = self.map.arguments[title]
            argument.descriptions[position] = f"{argument.descriptions[position]} {wording}"
            argument.plain[position] = f"{argument.plain[position]} {plain}".strip()
            argument.tags.extend(t for t in tags if t not in argument.tags)
            argument.data.update(data)

    def _front_matter(self) -> int:
        index = 0
        while index < len(self.lines) and not self.lines[index].strip():
            index += 1
        if index >= len(self.lines) or self.lines[index].strip() != "===":
            return 0
        for end in range(index + 1, len(self.lines)):
            if self.lines[end].strip() == "===":
                text = "\n".join(self.lines[index + 1:end])
                if text.strip():
                    from argmap.yamlparse import parse

                    parsed = parse(text)
                    if (parsed.data is not None and not isinstance(parsed.data, dict)) or any(
                            p.code == "AM001" for p in parsed.problems):
                        raise self.error("the front matter is not a YAML mapping", index + 1)
                    self.map.front_matter = dict(parsed.data or {})
                return end + 1
        raise self.error("the front matter that starts with '===' is never closed", index + 1)


def parse_argdown(text: str, *, path: str = "<argdown>") -> ArgdownMap:
    """Read Argdown text; malformed input is a :class:`ConversionError` at its line."""
    if len(text) > MAX_CHARACTERS:
        raise ConversionError(f"the text is longer than {MAX_CHARACTERS:,} characters", path=path)
    bad = _UNWRITABLE.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        raise ConversionError("the text holds a NUL or an unpaired surrogate", path=path,
                              element=f"line {line}")
    cleaned = "\n".join(_without_comment(line)
                        for line in _BLOCK_COMMENT.sub(_blank_out, text).split("\n"))
    return _Parser(cleaned, path).run()


# --- onto a brief ------------------------------------------------------------------------------

_KIND_SECTION = dict(zip(("claim", "premise", "objection", "recommendation"),
                         STATEMENT_SECTIONS, strict=True))
#: Statement fields a data block may set.
_DATA_FIELDS = frozenset(Recommendation.model_fields) - {
    "text", "supports", "attacks", "tags", "section", "contradicts"}
_META_FIELDS = frozenset(Brief.model_fields) - {*STATEMENT_SECTIONS, "arguments", "argmap"}


def read_argdown(text: str, *, path: str = "<argdown>", brief_id: str | None = None) -> Conversion:
    """A brief from Argdown text, with what had to be left out counted."""
    document = parse_argdown(text, path=path)
    return _Mapper(document, path, brief_id).run()


class _Mapper:
    def __init__(self, document: ArgdownMap, path: str, brief_id: str | None) -> None:
        self.doc = document
        self.path = path
        self.brief_id = brief_id
        self.losses = Losses()
        self.ids = IdMaker()
        self.statement_id: dict[str, str] = {}
        self.fields: dict[str, dict[str, Any]] = {}
        self.kinds: dict[str, str] = {}
        self.arguments: dict[str, dict[str, Any]] = {}
        self.argument_id: dict[str, str] = {}  # argument title -> its final argument's id
        self.step_id: dict[tuple[str, int], str] = {}  # (title, conclusion index) -> id
        self.conclusion_of: dict[str, str] = {}  # argument title -> its conclusion's id
        self.in_arguments: set[str] = set()

    def run(self) -> Conversion:
        for statement in self.doc.statements.values():
            self._statement(statement)
        for argument in self.doc.arguments.values():
            if argument.pcs:
                self._argument(argument)
            else:
                self._argument_as_statement(argument)
        for relation in self.doc.relations:
            self._relation(*relation)
        return Conversion(build_brief(self._brief(), self.path), None, self.losses)

    def _new_id(self, data: dict[str, Any], title: str, text: str) -> str:
        wanted = data.get("id")
        if isinstance(wanted, str):
            return self.ids.make(wanted, text)
        if title.startswith("Untitled "):
            return self.ids.make(None, text)
        return self.ids.make(title, text)

    def _fields(self, data: dict[str, Any], where: str) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        for key, value in data.items():
            if key in _DATA_FIELDS:
                fields[key] = value
            elif key not in ("id", "kind"):
                self.losses.add("data keys with no place in a brief", f"{where}: {key}")
        return fields

    def _statement(self, statement: ArgdownStatement) -> None:
        text = (statement.plain[0] if statement.plain else "") or statement.title
        key = self._new_id(statement.data, statement.title, text)
        self.statement_id[statement.title] = key
        fields = self._fields(statement.data, f"[{statement.title}]")
        fields["text"] = text
        if statement.tags:
            fields["tags"] = list(statement.tags)
        section = statement.defined_in if statement.texts else statement.section
        if section:
            fields["section"] = section
        kind = statement.data.get("kind")
        if kind in _KIND_SECTION:
            self.kinds[key] = kind
        for other in statement.plain[1:]:
            if other != text:
                self.losses.add("further wordings of a statement (the first is kept)",
                                f"[{statement.title}]")
        self.fields[key] = fields

    def _argument_as_statement(self, argument: ArgdownArgument) -> None:
        text = (argument.plain[0] if argument.plain else "") or argument.title
        key = self._new_id(argument.data, argument.title, text)
        self.conclusion_of[argument.title] = key
        self.statement_id[f"<{argument.title}>"] = key
        fields = self._fields(argument.data, f"<{argument.title}>")
        fields["text"] = text
        if argument.tags:
            fields["tags"] = list(argument.tags)
        if argument.section:
            fields["section"] = argument.section
        self.fields[key] = fields
        self.losses.add("arguments without premises and conclusion, read as statements",
                        f"<{argument.title}>")

    def _argument(self, argument: ArgdownArgument) -> None:
        premises: list[str] = []
        conclusions = [i for i, item in enumerate(argument.pcs) if item[0] != "premise"]
        if not conclusions:
            self.losses.add("premise-conclusion structures without a conclusion",
                            f"<{argument.title}>")
            return
        main = conclusions[-1]
        wanted = argument.data.get("id")
        for index, (role, title, rules) in enumerate(argument.pcs):
            statement = self.statement_id[title]
            if role == "premise":
                premises.append(statement)
                self.in_arguments.add(statement)
                continue
            if index == main:
                key = self.ids.make(wanted if isinstance(wanted, str) else argument.title,
                                    fallback="argument")
            else:
                step = sum(1 for title, _ in self.step_id if title == argument.title) + 1
                key = self.ids.make(f"{argument.title} step {step}", fallback="argument-step")
            data: dict[str, Any] = {"premises": premises, "conclusion": statement}
            if index == main:
                if argument.plain and argument.plain[0]:
                    data["text"] = argument.plain[0]
                if argument.tags:
                    data["tags"] = list(argument.tags)
                for name in ("quote", "note"):
                    if name in argument.data:
                        data[name] = argument.data[name]
            if rules and has_field(Argument, "scheme"):
                data["scheme"] = rules[0]
                if len(rules) > 1:
                    self.losses.add("inference rules after the first", f"<{argument.title}>")
            self.arguments[key] = data
            self.step_id[(argument.title, index)] = key
            premises = [statement]
            if index != main:
                self.in_arguments.add(statement)  # the next step's premise
        self.argument_id[argument.title] = self.step_id[(argument.title, main)]
        self.conclusion_of[argument.title] = self.statement_id[argument.pcs[main][1]]

    def _end(self, title: str, kind: str, as_target: bool) -> tuple[str, str] | None:
        """A relation's end as (kind in the brief, id)."""
        if kind == "statement":
            return "statement", self.statement_id[title]
        if title in self.argument_id and as_target:
            return "argument", self.argument_id[title]
        if title in self.conclusion_of:
            return "statement", self.conclusion_of[title]
        return None

    def _relation(self, relation: str, source: str, source_kind: str, target: str,
                  target_kind: str) -> None:
        where = f"{source} {relation} {target}"
        start = self._end(source, source_kind, as_target=False)
        if target_kind == "inference":
            end = self._end(target, "argument", as_target=True)
        else:
            end = self._end(target, target_kind, as_target=relation != "support")
        if start is None or end is None:
            self.losses.add("relations with an end that was left out", where)
            return
        source_id, (end_kind, target_id) = start[1], end
        if source_id == target_id:
            self.losses.add("relations of a statement with itself", where)
            return
        fields = self.fields[source_id]
        if relation == "support":
            if end_kind == "argument":
                target_id = self.conclusion_of[target]
            self._add(fields, "supports", target_id)
        elif relation == "undercut" and end_kind == "argument" and has_field(Claim, "undercuts"):
            self._add(fields, "undercuts", target_id)
        elif relation in ("attack", "undercut"):
            self._add(fields, "attacks", target_id)
        elif relation == "contradictory":
            if has_field(Claim, "contradicts"):
                self._add(fields, "contradicts", target_id)
            else:
                self._add(fields, "attacks", target_id)
                self._add(self.fields[target_id], "attacks", source_id)

    @staticmethod
    def _add(fields: dict[str, Any], key: str, value: str) -> None:
        values = fields.setdefault(key, [])
        if value not in values:
            values.append(value)

    def _brief(self) -> dict[str, Any]:
        front = self.doc.front_matter
        extension = front.get("argmap")
        meta: dict[str, Any] = extension if isinstance(extension, dict) else {}
        data: dict[str, Any] = {k: v for k, v in meta.items() if k in _META_FIELDS}
        data["argmap"] = 1
        if not isinstance(data.get("id"), str):
            data["id"] = self.brief_id or "argdown-map"
        title = front.get("title")
        data["title"] = title if isinstance(title, str) and title.strip() else (
            data.get("title") or f"Argument map {data['id']}")
        author = front.get("author")
        if "authors" not in data and isinstance(author, str) and author.strip():
            data["authors"] = [author]
        titles = [title for title, _level in self.doc.sections]
        if titles and "sections" not in data:
            data["sections"] = list(dict.fromkeys(titles))
        sections: dict[str, dict[str, Any]] = {name: {} for name in STATEMENT_SECTIONS}
        for key, fields in self.fields.items():
            kind = self.kinds.get(key) or self._guess(fields, key in self.in_arguments)
            if kind != "recommendation":
                fields.pop("addressee", None)
            sections[_KIND_SECTION[kind]][key] = fields
        data.update({name: items for name, items in sections.items() if items})
        if self.arguments:
            data["arguments"] = self.arguments
        return data

    @staticmethod
    def _guess(fields: dict[str, Any], in_argument: bool) -> str:
        if fields.get("attacks") or fields.get("undercuts"):
            return "objection"
        if fields.get("supports") or in_argument:
            return "premise"
        return "claim"
