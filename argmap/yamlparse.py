"""Safe YAML and JSON parsing that remembers where every key and value stands.

Two parsers serve one contract, :func:`parse`:

* libyaml's event stream (through PyYAML), turned into Python values by a loop with an explicit
  stack. It records the line and column of every key and value, reports duplicate keys, refuses
  tags that would construct objects, bounds nesting and alias expansion (so a "billion laughs"
  file fails fast), and never recurses in C (libyaml's own composer overflows the C stack on
  deeply nested input).
* rapidyaml, for large plain files: it parses and writes JSON in C++, which ``json.loads`` reads
  back, about ten times faster than PyYAML. It is used only when the text has no anchors, aliases,
  tags, directives or tabs and yields one mapping with no duplicate keys; anything else goes
  through the first parser, which has the full diagnostics. Positions for its results are found
  lazily, by the first parser, only when a message needs one.

Plain scalars are typed as in the YAML 1.2 core schema: ``yes`` and ``on`` stay text.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.positions import KeyPath, Position, SourceMap, typed_key

__all__ = [
    "FAST_PARSE_THRESHOLD",
    "MAX_DEPTH",
    "ParseProblem",
    "Parsed",
    "SourceMap",
    "parse",
    "record_positions",
]

#: Texts at least this long (in characters) try the rapidyaml fast path first.
FAST_PARSE_THRESHOLD = 64 * 1024
#: How deeply collections may nest; a brief needs five levels.
MAX_DEPTH = 64
#: Aliases may repeat content, but not blow a document up beyond this many values in all...
MAX_EXPANDED_VALUES = 2_000_000
#: ...nor to more than this many times its own size.
MAX_EXPANSION_RATIO = 20
#: Whole numbers may have at most this many digits (a brief's numbers are scores and years;
#: Python refuses to print integers of more than 4,300 digits, and converting them is slow).
MAX_NUMBER_DIGITS = 1000
_MAX_NUMBER_BITS = int(MAX_NUMBER_DIGITS * 3.33)


_CORE_TAG = "tag:yaml.org,2002:"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN))$"
)
# Syntax the fast path does not handle the way the careful parser does. Each pattern starts with
# a literal character, so the regex engine can skip ahead to candidates instead of trying every
# position of a multi-megabyte text.
_MERGE_KEY = re.compile(r"<<\s*:")
_COMPLEX_KEY = re.compile(r"\?\s")
_BRACKETS = re.compile(r"[\[\]{}]")


@dataclass(frozen=True)
class ParseProblem:
    """Why a text is not a usable document, and where (1-based line and column)."""

    code: str
    message: str
    line: int
    column: int
    hint: str | None = None


@dataclass
class Parsed:
    """The outcome of parsing one text: the value, where things are, and what went wrong."""

    data: Any
    positions: SourceMap
    problems: list[ParseProblem] = field(default_factory=list)
    parser: str = "libyaml"


class _Stop(Exception):
    """Parsing cannot go on; the problem has been recorded."""


class _TooLong(ValueError):
    """A number has more digits than :data:`MAX_NUMBER_DIGITS`."""


_TOO_LONG = (f"this number has more than {MAX_NUMBER_DIGITS:,} digits, more than argmap reads",
             "put it in quotes to keep it as text")


def _whole(digits: str, base: int) -> int:
    """``int(digits, base)``, refusing numbers of more than :data:`MAX_NUMBER_DIGITS` digits
    before converting them (the conversion itself is slow for huge decimal texts)."""
    if len(digits) > MAX_NUMBER_DIGITS + 2:
        raise _TooLong(digits)
    number = int(digits, base)
    if number.bit_length() > _MAX_NUMBER_BITS:
        raise _TooLong(digits)
    return number


def _position_of_offset(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _resolve_plain(value: str) -> Any:
    """Type a plain (unquoted) scalar as the YAML 1.2 core schema does."""
    if not value:
        return None
    first = value[0]
    if first in "~nN" and _NULL.match(value):
        return None
    if first in "tTfF" and _BOOL.match(value):
        return value[0] in "tT"
    if first in "0123456789+-." or first == "0":
        if _INT.match(value):
            if value.startswith("0o"):
                return _whole(value[2:], 8)
            if value.startswith("0x"):
                return _whole(value[2:], 16)
            return _whole(value, 10)
        if _FLOAT.match(value):
            lowered = value.lower()
            if lowered.endswith("inf"):
                return float("-inf") if lowered.startswith("-") else float("inf")
            if lowered.endswith("nan"):
                return float("nan")
            return float(value)
    return value


class _Frame:
    """A mapping or sequence being built, with what the event loop needs to know about it."""

    __slots__ = (
        "anchor", "container", "is_map", "key", "key_collides", "key_pos", "key_skipped", "path",
        "seen_keys", "size",
    )

    def __init__(self, container: Any, path: KeyPath, is_map: bool, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.is_map = is_map
        self.anchor = anchor
        self.key: Any = _NO_KEY
        self.key_collides = False
        self.key_skipped = False
        self.key_pos: Position = (1, 1)
        self.seen_keys: dict[tuple[type, Any], Position] = {}
        self.size = 1


_NO_KEY = object()


def _shown_key(key: Any) -> str:
    """A key as a message shows it: as YAML spells it (true, .nan), and never very long."""
    if isinstance(key, bool):
        shown = "true" if key else "false"
    elif key is None:
        shown = "null"
    elif isinstance(key, float):
        shown = {"nan": ".nan", "inf": ".inf", "-inf": "-.inf"}.get(repr(key), repr(key))
    else:
        shown = str(key)
    return shown if len(shown) <= 40 else shown[:37] + "..."


class _Builder:
    """Builds Python values from libyaml events with an explicit stack (no recursion)."""

    def __init__(
        self,
        text: str,
        keys: dict[KeyPath, Position],
        values: dict[KeyPath, Position],
        problems: list[ParseProblem] | None = None,
        skip: dict[KeyPath, set[Any]] | None = None,
    ) -> None:
        self.text = text
        self.keys = keys
        self.values = values
        # Keys of some mappings whose positions will never be asked (see SourceMap.forget):
        # they are neither recorded nor kept, so a re-parse for positions stays small.
        self.skip = skip or {}
        self.problems = problems if problems is not None else []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.expanded = 0
        self.distinct = 0

    @staticmethod
    def _show_tag(tag: str) -> str:
        return "!!" + tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else tag

    def fail(self, code: str, message: str, position: Position, hint: str | None = None) -> None:
        self.problems.append(ParseProblem(code, message, position[0], position[1], hint))

    def run(self) -> Any:
        """Parse the whole text; return the single document's value (None if there is none)."""
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        stack: list[_Frame] = []
        result: Any = None
        documents = 0
        events: Iterator[Any] = yaml.parse(self.text, Loader=loader)
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
                position = (event.start_mark.line + 1, event.start_mark.column + 1)
                if kind is yaml.AliasEvent:
                    value, size = self._alias(event.anchor, position)
                else:
                    value, size = self._scalar(event, position), 1
                    if event.anchor is not None:
                        self.anchors[event.anchor] = (value, 1)
                self.distinct += 1
                if not stack:
                    result = value
                    continue
                self._add(stack[-1], value, size, position, is_scalar_key=kind is yaml.ScalarEvent)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                position = (event.start_mark.line + 1, event.start_mark.column + 1)
                self._check_tag(event.tag, kind is yaml.MappingStartEvent, position)
                if len(stack) >= MAX_DEPTH:
                    self.fail(
                        "AM001",
                        f"collections are nested more than {MAX_DEPTH} levels deep",
                        position,
                        "a brief needs only a few levels; flatten the structure",
                    )
                    raise _Stop
                path = self._child_path(stack, position) if stack else ()
                if stack and stack[-1].is_map and stack[-1].key is _NO_KEY:
                    self.fail(
                        "AM001",
                        "a mapping key must be a plain value, not a list or mapping",
                        position,
                    )
                    raise _Stop
                is_map = kind is yaml.MappingStartEvent
                stack.append(_Frame({} if is_map else [], path, is_map, event.anchor))
                self.distinct += 1
                self.values[path] = position
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (frame.container, frame.size)
                if not stack:
                    result = frame.container
                    self.expanded += frame.size
                else:
                    parent = stack[-1]
                    position = self.values.get(frame.path, (1, 1))
                    self._add(parent, frame.container, frame.size, position, is_scalar_key=False)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    position = (event.start_mark.line + 1, event.start_mark.column + 1)
                    self.fail(
                        "AM001",
                        "a brief file holds one YAML document, but a second one starts here",
                        position,
                        "remove the '---' line, or split the file in two",
                    )
                    raise _Stop
        return result

    def _child_path(self, stack: list[_Frame], position: Position) -> KeyPath:
        parent = stack[-1]
        if parent.is_map:
            if parent.key is _NO_KEY:
                return parent.path
            return (*parent.path, typed_key(parent.key))
        index = len(parent.container)
        path = (*parent.path, index)
        self.keys[path] = position
        return path

    def _check_tag(self, tag: str | None, is_map: bool, position: Position) -> None:
        if tag is None or tag == "!":
            return
        expected = _CORE_TAG + ("map" if is_map else "seq")
        if tag != expected:
            self.fail(
                "AM001",
                f"the tag '{self._show_tag(tag)}' is not allowed in a brief",
                position,
                "remove the tag; briefs hold plain text, numbers, lists and mappings",
            )

    def _scalar(self, event: Any, position: Position) -> Any:
        tag = event.tag
        value: str = event.value
        if tag is None or tag == "!":
            plain = event.implicit[0] and not event.style
            if not plain:
                return value
            try:
                return _resolve_plain(value)
            except _TooLong:
                self.fail("AM001", _TOO_LONG[0], position, _TOO_LONG[1])
                return value
        if not tag.startswith(_CORE_TAG):
            self.fail(
                "AM001",
                f"the tag '{self._show_tag(tag)}' is not allowed in a brief",
                position,
                "remove the tag; briefs hold plain text, numbers, lists and mappings",
            )
            return value
        name = tag[len(_CORE_TAG) :]
        if name == "str":
            return value
        try:
            resolved = _resolve_plain(value)
        except _TooLong:
            self.fail("AM001", _TOO_LONG[0], position, _TOO_LONG[1])
            return value
        wanted: dict[str, Callable[[Any], bool]] = {
            "null": lambda v: v is None,
            "bool": lambda v: isinstance(v, bool),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        }
        test = wanted.get(name)
        if test is None:
            self.fail(
                "AM001", f"the tag '{self._show_tag(tag)}' is not allowed in a brief", position
            )
            return value
        if not test(resolved):
            shown = value if len(value) <= 40 else value[:37] + "..."
            self.fail("AM001", f"'{shown}' is not a valid !!{name}", position)
            return value
        if name == "float":
            try:
                return float(resolved)
            except OverflowError:
                self.fail("AM001", "this number is too large for a !!float", position)
                return value
        return resolved

    def _alias(self, anchor: str, position: Position) -> tuple[Any, int]:
        found = self.anchors.get(anchor)
        if found is None:
            self.fail("AM001", f"the alias '*{anchor}' names no anchor defined before it", position)
            raise _Stop
        value, size = found
        self.expanded += size
        if self.expanded > MAX_EXPANDED_VALUES or (
            self.expanded > 10_000 and self.expanded > MAX_EXPANSION_RATIO * max(self.distinct, 1)
        ):
            self.fail(
                "AM001",
                "aliases expand this document far beyond its size (a 'billion laughs' pattern)",
                position,
                "write the content out instead of repeating it through aliases",
            )
            raise _Stop
        return value, size

    def _add(
        self, frame: _Frame, value: Any, size: int, position: Position, *, is_scalar_key: bool
    ) -> None:
        frame.size += size
        if not frame.is_map:
            frame.container.append(value)
            path = (*frame.path, len(frame.container) - 1)
            self.keys[path] = position
            self.values[path] = position
            return
        if frame.key is _NO_KEY:
            if not is_scalar_key:
                self.fail("AM001", "a mapping key must be a plain value", position)
                raise _Stop
            key = value
            skipped = self.skip.get(frame.path)
            if skipped is not None and key in skipped:
                frame.key = key
                frame.key_skipped = True  # its value is dropped too
                return
            # Keys are told apart as YAML tells them apart: 1 and true are different keys
            # (Python finds them equal), and two .nan keys are the same one (Python finds NaN
            # unequal to itself).
            identity = (type(key), repr(key) if isinstance(key, float) else key)
            first = frame.seen_keys.get(identity)
            if first is not None:
                self.fail(
                    "AM002",
                    f"the key '{_shown_key(key)}' appears twice in this mapping (first at line "
                    f"{first[0]}); YAML would keep only the last",
                    position,
                    "merge the two entries, or rename one",
                )
            elif key in frame.container:
                self.fail(
                    "AM002",
                    f"the key '{_shown_key(key)}' cannot stand beside the key "
                    f"'{_shown_key(next(k for k in frame.container if k == key))}' in this "
                    "mapping: once read, the two are equal",
                    position,
                    "put keys in quotes to keep them as text",
                )
                frame.key_collides = True
            else:
                frame.seen_keys[identity] = position
            frame.key = key
            frame.key_pos = position
            key_path = (*frame.path, typed_key(key))
            self.keys[key_path] = position
            return
        key = frame.key
        frame.key = _NO_KEY
        if frame.key_skipped:
            frame.key_skipped = False
            return
        if frame.key_collides:
            frame.key_collides = False  # 1 after true: the first entry stays, as positions say
        else:
            frame.container[key] = value
        value_path = (*frame.path, typed_key(key))
        self.values[value_path] = position


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence file descriptor 2 for a moment: rapidyaml's C++ core prints its errors there."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class _Duplicate(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Duplicate
    return result


def _plain_enough(text: str) -> bool:
    """True when the text has no anchor, alias, tag, merge key, directive, tab or second
    document: what the fast path may parse differently from the careful one."""
    # Plain substring tests first: each is a C-level scan, where one regex with a branch
    # starting at every line break costs several times more on a large brief.
    if "\t" in text or text.startswith(("%", "---", "...")):
        return False
    if ("<<" in text and _MERGE_KEY.search(text)) or "\n%" in text or "\n---" in text \
            or "\n..." in text or ("?" in text and _COMPLEX_KEY.search(text)):
        return False
    for indicator in "&*!":  # an anchor, alias or tag: the character, then no space
        at = text.find(indicator)
        while at >= 0:
            after = text[at + 1 : at + 2]
            if after and not after.isspace() and after not in ",]}" and (
                    at == 0 or text[at - 1] in " \n[{,"):
                return False
            at = text.find(indicator, at + 1)
    return True


def _parse_fast(text: str) -> Any | None:
    """Parse with rapidyaml when the text is plain enough; None means 'use the careful parser'."""
    if not _plain_enough(text):
        return None
    try:
        import ryml
    except ImportError:
        return None
    try:
        with _quiet_stderr():
            tree = ryml.parse_in_arena(text.encode("utf-8"))
            root = tree.root_id()
            if tree.is_stream(root) or not tree.is_map(root):
                return None
            emitted = ryml.emit_json_malloc(tree, root)
        data = json.loads(emitted, object_pairs_hook=_no_duplicates, parse_int=_json_int)
    except Exception:
        return None
    if not isinstance(data, dict) or ("\\u" in text and _holds_surrogate(data)):
        return None
    return data


def record_positions(
    text: str,
    keys: dict[KeyPath, Position],
    values: dict[KeyPath, Position],
    skip: dict[KeyPath, set[Any]] | None = None,
) -> Any:
    """Parse ``text`` carefully only to fill ``keys`` and ``values`` with positions.

    ``skip`` maps a mapping's (typed) path to keys of it to leave out, value and position.

    Returns the parsed value, or None when the text does not parse (what was recorded before
    the problem stays).
    """
    if _bracket_depth_problem(text) is not None:
        return None
    try:
        return _Builder(text, keys, values, skip=skip).run()
    except (_Stop, yaml.YAMLError):
        return None


def _bracket_depth_problem(text: str) -> ParseProblem | None:
    """Refuse absurdly nested flow collections before libyaml spends minutes on them."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH * 4:
                line, column = _position_of_offset(text, match.start())
                return ParseProblem(
                    "AM001",
                    f"brackets are nested more than {MAX_DEPTH * 4} levels deep",
                    line,
                    column,
                    "a brief needs only a few levels; flatten the structure",
                )
        elif depth:
            depth -= 1
    return None


def _yaml_error_problem(text: str, error: yaml.YAMLError) -> ParseProblem:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None)
    context = getattr(error, "context", None)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
        message = str(problem or error).strip()
        context_mark = getattr(error, "context_mark", None)
        if context:
            message = f"{message} ({context.strip()}"
            if context_mark is not None and context_mark.line != mark.line:
                message += f" that starts at line {context_mark.line + 1}"
            message += ")"
        if context_mark is not None and mark.index >= len(text.rstrip()):
            # The parser ran off the end of the file: point at what was left open.
            line, column = context_mark.line + 1, context_mark.column + 1
        hint = None
        if (
            "cannot start any token" in message
            and text.splitlines()[line - 1 : line]
            and ("\t" in text.splitlines()[line - 1])
        ):
            hint = "YAML does not allow tabs for indentation; use spaces"
        elif "mapping values are not allowed" in message:
            before = text.splitlines()[line - 1][: column - 1] if line >= 1 else ""
            if re.fullmatch(r"\s+[\w-]+", before):
                # A plain key alone before the ':': the line is indented off its mapping, so
                # YAML read it as more of the text above.
                hint = ("check this line's indentation: line its key up with the keys of the "
                        "mapping it belongs to")
            else:
                hint = "put text that contains ': ' in quotes"
        elif "did not find expected key" in message:
            hint = "check this line's indentation: keys of one mapping start in the same column"
        return ParseProblem("AM001", f"invalid YAML: {message}", line, column, hint)
    position = getattr(error, "position", None)
    if isinstance(position, int):
        line, column = _position_of_offset(text, position)
        character = getattr(error, "character", None)
        what = f"the character {character!r}" if character is not None else "a character"
        return ParseProblem(
            "AM001",
            f"invalid YAML: {what} is not allowed in a YAML file",
            line,
            column,
            "remove control characters from the file",
        )
    return ParseProblem("AM001", f"invalid YAML: {error}", 1, 1)


def _json_int(digits: str) -> int:
    return _whole(digits, 10)


_LONG_DIGITS = re.compile(rf"[0-9]{{{MAX_NUMBER_DIGITS + 1}}}")


def _parse_json(text: str) -> Parsed:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_json_int)
    except _TooLong:
        found = _LONG_DIGITS.search(text)
        line, column = _position_of_offset(text, found.start()) if found else (1, 1)
        problem = ParseProblem("AM001", _TOO_LONG[0], line, column, _TOO_LONG[1])
        return Parsed(None, SourceMap({}, {}), [problem], parser="json")
    except _Duplicate:
        return _parse_careful(text)
    except json.JSONDecodeError as error:
        problem = ParseProblem("AM001", f"invalid JSON: {error.msg}", error.lineno, error.colno)
        return Parsed(None, SourceMap({}, {}), [problem], parser="json")
    except RecursionError:
        return _parse_careful(text)
    if "\\u" in text and _SURROGATE_ESCAPE.search(text) and _holds_surrogate(data):
        found = _LONE_SURROGATE.search(text)
        line, column = _position_of_offset(text, found.start()) if found else (1, 1)
        problem = ParseProblem(
            "AM001", "the escape \\u" + (found.group()[2:] if found else "d800")
            + " is half of a surrogate pair, not a character", line, column,
            "write the character itself, or both halves of the pair")
        return Parsed(None, SourceMap({}, {}), [problem], parser="json")
    return Parsed(data, SourceMap(text=text), [], parser="json")


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def _holds_surrogate(data: Any) -> bool:
    """True when a key or text anywhere in ``data`` holds a lone surrogate (JSON lets an escape
    write one; it is no character, and no output can encode it)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _parse_careful(text: str) -> Parsed:
    problem = _bracket_depth_problem(text)
    if problem is not None:
        return Parsed(None, SourceMap({}, {}), [problem])
    keys: dict[KeyPath, Position] = {}
    values: dict[KeyPath, Position] = {}
    problems: list[ParseProblem] = []
    builder = _Builder(text, keys, values, problems)
    try:
        data = builder.run()
    except _Stop:
        data = None
    except yaml.YAMLError as error:
        problems.append(_yaml_error_problem(text, error))
        data = None
    return Parsed(data, SourceMap(keys, values), problems)


def parse(text: str, *, json_syntax: bool = False, fast: bool | None = None) -> Parsed:
    """Parse one brief's text (YAML, or JSON when ``json_syntax``) into a value and positions.

    ``fast`` forces (True) or forbids (False) the rapidyaml path; by default it is tried for
    texts of at least :data:`FAST_PARSE_THRESHOLD` characters.
    """
    if json_syntax:
        return _parse_json(text)
    if fast is None:
        fast = len(text) >= FAST_PARSE_THRESHOLD
    if fast:
        data = _parse_fast(text)
        if data is not None:
            return Parsed(data, SourceMap(text=text), [], parser="rapidyaml")
    return _parse_careful(text)
