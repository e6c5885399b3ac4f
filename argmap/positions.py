"""Where each key and value of a brief stands in its text, found when a message needs it.

A :class:`SourceMap` answers "which line and column is this key path at?". The careful parser
fills one as it goes; for a file the fast parser read, positions are found lazily: from the one
block of the file that a path falls in when that block can be cut out cleanly by its
indentation, else by parsing the whole text once more.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["KeyPath", "Position", "SourceMap"]

# A key path into the document: mapping keys and sequence indexes.
KeyPath = tuple[Any, ...]
# A 1-based line and column.
Position = tuple[int, int]


def _record_positions(
    text: str, keys: dict[KeyPath, Position], values: dict[KeyPath, Position]
) -> Any:
    """Parse ``text`` only to record positions; the value, or None when it does not parse."""
    from argmap.yamlparse import record_positions

    return record_positions(text, keys, values)


class SourceMap:
    """Where each key and value of a parsed document stands in its text.

    ``key_position(path)`` gives the line and column of the key that leads to ``path`` (or of the
    sequence item), ``value_position(path)`` those of the value. A path that is not in the document,
    such as one from a validation error that names a union member, resolves to its longest known
    prefix, so every message still points at the nearest thing that exists.
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
        self._sections: dict[Any, _Section | None] = {}
        self._blocks: dict[
            tuple[Any, Any], tuple[dict[KeyPath, Position], dict[KeyPath, Position]] | None
        ] = {}

    def _ensure(self) -> tuple[dict[KeyPath, Position], dict[KeyPath, Position]]:
        if self._keys is None or self._values is None:
            keys: dict[KeyPath, Position] = {}
            values: dict[KeyPath, Position] = {}
            if self._text is not None:
                _record_positions(self._text, keys, values)
            self._keys, self._values = keys, values
        return self._keys, self._values

    def _tables(self, path: KeyPath) -> tuple[dict[KeyPath, Position], dict[KeyPath, Position]]:
        """Position tables that cover ``path``: of its block alone when that can be found
        cheaply (a large file with a few findings), else of the whole text."""
        if self._keys is None and self._text is not None and len(path) >= 2:
            block = (path[0], path[1])
            if block not in self._blocks:
                if path[0] not in self._sections:
                    self._sections[path[0]] = _section_bounds(self._text, path[0])
                self._blocks[block] = _locate_block(
                    self._text, path[0], path[1], self._sections[path[0]]
                )
            found = self._blocks[block]
            if found is not None:
                return found
        return self._ensure()

    def _find(self, table: dict[KeyPath, Position], path: KeyPath) -> Position | None:
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
        exact = values.get(tuple(path))
        if exact is not None:
            return exact
        return self._find(keys, path) or self._find(values, path) or (1, 1)


_LINE_START = re.compile(r"^(?=[^\s#])", re.MULTILINE)
_CHILD_INDENT = re.compile(r"^( +)[^\s#]", re.MULTILINE)
_Section = tuple[int, int, str]  # where a top-level key's entries start and end, their indent


def _section_bounds(text: str, section: Any) -> _Section | None:
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


def _find_entry(text: str, key: Any, bounds: _Section) -> int | None:
    """The offset of the one line ``<indent>key:`` in a section; None if absent or repeated."""
    body_start, body_end, indent = bounds
    name = str(key)
    for form in (name, f'"{name}"', f"'{name}'"):
        needle = f"\n{indent}{form}:"
        at = text.find(needle, body_start, body_end)
        if at < 0:
            continue
        after = at + len(needle)
        if after < len(text) and text[after] not in " \t\r\n":
            continue
        if text.find(needle, after, body_end) >= 0:
            return None  # the key twice: let the careful parser sort it out
        return at + 1
    return None


def _locate_block(
    text: str, section: Any, key: Any, bounds: _Section | None
) -> tuple[dict[KeyPath, Position], dict[KeyPath, Position]] | None:
    """Positions inside ``section -> key`` of a block-style document, from that block alone.

    The entry ``key:`` must stand at exactly the indentation of the section's entries, so that a
    line inside a multi-line text cannot be mistaken for it; its block ends at the next line
    indented as much or less. None when any step is not clear-cut; the caller then parses the
    whole text.
    """
    if bounds is None:
        return None
    start = _find_entry(text, key, bounds)
    if start is None:
        return None
    _, body_end, indent = bounds
    end_pattern = re.compile(rf"^ {{0,{len(indent)}}}(?=[^\s#])", re.MULTILINE)
    line_end = text.find("\n", start)
    after = end_pattern.search(text, line_end + 1, body_end) if line_end >= 0 else None
    snippet = text[start : after.start() if after else body_end]
    keys: dict[KeyPath, Position] = {}
    values: dict[KeyPath, Position] = {}
    data = _record_positions(snippet, keys, values)
    if not isinstance(data, dict) or list(data) != [key]:
        return None
    offset = text.count("\n", 0, start)

    def shift(table: dict[KeyPath, Position]) -> dict[KeyPath, Position]:
        return {(section, *p): (line + offset, column) for p, (line, column) in table.items() if p}

    return shift(keys), shift(values)
