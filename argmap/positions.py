"""Where each key and value of a brief stands in its text, found when a message needs it.

A :class:`SourceMap` answers "which line and column is this key path at?". The careful parser
fills one as it goes; for a file the fast parser read, positions are found lazily: from the one
block of the file that a path falls in when that block can be cut out cleanly by its
indentation, else by parsing the whole text once more.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["KeyPath", "Position", "SourceMap", "typed_key"]

# A key path into the document: mapping keys and sequence indexes.
KeyPath = tuple[Any, ...]
# A 1-based line and column.
Position = tuple[int, int]


def typed_key(key: Any) -> Any:
    """``key`` as a position table stores it: told apart by its type as YAML tells keys apart.

    Python finds ``1 == True == 1.0``, so the paths ``(1,)`` and ``(True,)`` would share one
    entry and a message about one key would point at the other's line. Text keys and sequence
    indexes (most of every path) are kept as they are; any other key is paired with its type.
    """
    kind = type(key)
    return key if kind is str or kind is int else (kind, key)


def _typed(path: KeyPath) -> KeyPath:
    return tuple(map(typed_key, path))


def _record_positions(
    text: str,
    keys: dict[KeyPath, Position],
    values: dict[KeyPath, Position],
    skip: dict[KeyPath, set[Any]] | None = None,
) -> Any:
    """Parse ``text`` only to record positions; the value, or None when it does not parse."""
    from argmap.yamlparse import record_positions

    return record_positions(text, keys, values, skip)


class SourceMap:
    """Where each key and value of a parsed document stands in its text.

    ``key_position(path)`` gives the line and column of the key that leads to ``path`` (or of the
    sequence item), ``value_position(path)`` those of the value. A path that is not in the document,
    such as one from a validation error that names a union member, resolves to its longest known
    prefix, so every message still points at the nearest thing that exists.

    Built from a text alone, it finds positions lazily. The first path into a top-level section
    indexes that section once (where each entry starts and ends, and on which line), so each
    later path costs the parse of its own entry, however large the file and however many
    findings it has.
    """

    def __init__(
        self,
        keys: dict[KeyPath, Position] | None = None,
        values: dict[KeyPath, Position] | None = None,
        *,
        text: str | None = None,
    ) -> None:
        self._keys = keys
        self._values = values
        self._text = text
        self._skip: dict[KeyPath, set[Any]] = {}
        self._sections: dict[Any, _SectionIndex | None] = {}
        self._blocks: dict[
            tuple[Any, Any], tuple[dict[KeyPath, Position], dict[KeyPath, Position]] | None
        ] = {}

    def _ensure(self) -> tuple[dict[KeyPath, Position], dict[KeyPath, Position]]:
        if self._keys is None or self._values is None:
            keys: dict[KeyPath, Position] = {}
            values: dict[KeyPath, Position] = {}
            if self._text is not None:
                _record_positions(self._text, keys, values, self._skip)
            self._keys, self._values = keys, values
        return self._keys, self._values

    def forget(self, path: KeyPath, keys: set[Any]) -> None:
        """Promise that no position under ``keys`` of the mapping at ``path`` will be asked.

        A later parse for positions then neither records nor keeps them, so 300,000 unknown
        keys the loader counts rather than lists cost no table of 300,000 positions. Positions
        already found are kept.
        """
        self._skip.setdefault(_typed(path), set()).update(keys)

    def _tables(self, path: KeyPath) -> tuple[dict[KeyPath, Position], dict[KeyPath, Position]]:
        """Position tables that cover ``path``: of its block alone when that can be found
        cheaply, else of the whole text."""
        if self._keys is None and self._text is not None and len(path) >= 2:
            section = typed_key(path[0])
            block = (section, typed_key(path[1]))
            if block not in self._blocks:
                if section not in self._sections:
                    self._sections[section] = _SectionIndex.build(self._text, path[0])
                index = self._sections[section]
                self._blocks[block] = (
                    None if index is None else _locate_block(self._text, path[0], path[1], index)
                )
            found = self._blocks[block]
            if found is not None:
                return found
        return self._ensure()

    def _find(self, table: dict[KeyPath, Position], path: KeyPath) -> Position | None:
        path = _typed(path)
        for end in range(len(path), 0, -1):
            found = table.get(tuple(path[:end]))
            if found is not None:
                return found
        return None

    def key_position(self, path: KeyPath) -> Position:
        """Line and column of the key (or sequence item) at ``path``; (1, 1) when unknown."""
        keys, _ = self._tables(path)
        return self._find(keys, path) or (1, 1)

    def value_position(self, path: KeyPath) -> Position:
        """Line and column of the value at ``path``, falling back to its key."""
        keys, values = self._tables(path)
        exact = values.get(_typed(path))
        if exact is not None:
            return exact
        return self._find(keys, path) or self._find(values, path) or (1, 1)


_LINE_START = re.compile(r"^(?=[^\s#])", re.MULTILINE)
_CHILD_INDENT = re.compile(r"^( +)[^\s#]", re.MULTILINE)
_PLAIN_KEY_END = re.compile(r":(?=[ \t\r\n]|$)")


class _SectionIndex:
    """The entries of one top-level section of a block-style text, found in one pass.

    ``entries`` maps each entry's key, as written, to where its block starts and ends and how
    many lines come before it; a key written twice maps to None. An entry is a line at exactly
    the indentation of the section's first entry; its block ends at the next line indented as
    much or less (blank lines and comments aside), or at the end of the section.
    """

    __slots__ = ("entries",)

    def __init__(self, entries: dict[str, tuple[int, int, int] | None]) -> None:
        self.entries = entries

    @classmethod
    def build(cls, text: str, section: Any) -> _SectionIndex | None:
        """The index of ``section``, or None when its entries cannot be told apart cleanly."""
        bounds = _section_bounds(text, section)
        if bounds is None:
            return None
        body_start, body_end, indent = bounds
        width = len(indent)
        # Lines starting with a newline and at most `width` spaces: a literal start, so the
        # regex engine jumps from line to line instead of trying every character.
        boundary = re.compile(rf"\n {{1,{width}}}(?=[^\s#])")
        starts: list[tuple[int, str | None]] = []  # line start, and its key when an entry
        for match in boundary.finditer(text, body_start, body_end):
            line_start = match.start() + 1
            key = None
            if match.end() - line_start == width:
                key = _entry_key(text, match.end())
            starts.append((line_start, key))
        entries: dict[str, tuple[int, int, int] | None] = {}
        line = text.count("\n", 0, body_start)
        previous = body_start
        for i, (line_start, key) in enumerate(starts):
            line += text.count("\n", previous, line_start)
            previous = line_start
            if key is None:
                continue
            end = starts[i + 1][0] if i + 1 < len(starts) else body_end
            entries[key] = None if key in entries else (line_start, end, line)
        return cls(entries)


def _entry_key(text: str, at: int) -> str | None:
    """The key of the mapping entry whose line's text starts at ``at``, as written (without its
    quotes); None when it is not a simple ``key:`` (the careful parser then decides)."""
    line_end = text.find("\n", at)
    line = text[at : line_end if line_end >= 0 else len(text)]
    quote = line[:1]
    if quote in ("\"", "'"):
        close = line.find(quote, 1)
        if close < 0 or line[close + 1 : close + 2] != ":":
            return None
        key = line[1:close]
        rest = line[close + 2 : close + 3]
        if (quote == "\"" and "\\" in key) or (rest and rest not in " \t\r"):
            return None
        return key
    found = _PLAIN_KEY_END.search(line)
    return line[: found.start()] if found else None


def _section_bounds(text: str, section: Any) -> tuple[int, int, str] | None:
    """Where the entries of the top-level key ``section`` lie, and how they are indented."""
    name = str(section)
    for form in (name, f'"{name}"', f"'{name}'"):
        at = 0 if text.startswith(form + ":") else text.find(f"\n{form}:") + 1
        if at > 0 or text.startswith(form + ":"):
            break
    else:
        return None
    body_start = text.find("\n", at)
    if body_start < 0:
        return None
    following = _LINE_START.search(text, body_start + 1)
    body_end = following.start() if following else len(text)
    indent = _CHILD_INDENT.search(text, body_start + 1, body_end)
    if indent is None:
        return None
    return body_start, body_end, indent.group(1)


def _locate_block(
    text: str, section: Any, key: Any, index: _SectionIndex
) -> tuple[dict[KeyPath, Position], dict[KeyPath, Position]] | None:
    """Positions inside ``section -> key`` of a block-style document, from that block alone.

    None when the entry is not in the index, is written twice, or its block does not parse to
    exactly that one key; the caller then parses the whole text.
    """
    found = index.entries.get(str(key))
    if found is None:
        return None
    start, end, offset = found
    keys: dict[KeyPath, Position] = {}
    values: dict[KeyPath, Position] = {}
    data = _record_positions(text[start:end], keys, values)
    if not isinstance(data, dict) or list(map(typed_key, data)) != [typed_key(key)]:
        return None

    def shift(table: dict[KeyPath, Position]) -> dict[KeyPath, Position]:
        head = typed_key(section)
        return {(head, *p): (line + offset, column) for p, (line, column) in table.items() if p}

    return shift(keys), shift(values)
