"""Which files are briefs: a YAML or JSON file whose top-level mapping has the key ``argmap``.

Folder searches (``argmap validate FOLDER``, ``render``, ``summary``, the pre-commit hook with
``--only-declared``, the GitHub Action) find briefs by this marker. Only the top level counts: a
JSON Schema of the format, or any document with a nested ``argmap`` property, is not a brief.
The test reads no more than it must and never parses the whole document, so it stays cheap on
large files and gives an answer for files that do not parse (those are then reported as broken
briefs, which is what their author wants to hear).
"""

from __future__ import annotations

import re

__all__ = ["declares_brief"]

# A line of a block mapping that holds the key `argmap` (plain or quoted), at any indentation.
_BLOCK_KEY = re.compile(rb"""^([ ]*)(?:argmap|"argmap"|'argmap')[ \t]*:(?:[ \t]|$)""", re.MULTILINE)
# The first line that holds content: not blank, not a comment, not a directive or document marker.
_FIRST_CONTENT = re.compile(
    rb"^(?![ \t]*(?:#|%|---[ \t]*(?:#.*)?$|\.\.\.|$))([ ]*)(\S)", re.MULTILINE
)
# In flow style (JSON, or YAML written as `{...}`): strings, brackets and colons.
_FLOW_TOKEN = re.compile(rb"""\"(?:[^"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'|[{}\[\]]|:|[^\s"'{}\[\]:,]+""")
_FLOW_KEYS = (b'"argmap"', b"'argmap'", b"argmap")


def declares_brief(data: bytes) -> bool:
    """True when ``data`` (a YAML or JSON document) has ``argmap`` as a key of its top-level
    mapping."""
    if b"argmap" not in data:
        return False
    first = _FIRST_CONTENT.search(data)
    if first is None:
        return False
    if first.group(2) in (b"{", b"["):
        return _flow_declares(data, first.start(2))
    indent = len(first.group(1))
    return any(len(match.group(1)) == indent for match in _BLOCK_KEY.finditer(data))


def _flow_declares(data: bytes, start: int) -> bool:
    """``argmap`` as a key one level deep in a flow mapping (a JSON object)."""
    depth = 0
    previous: bytes | None = None
    for match in _FLOW_TOKEN.finditer(data, start):
        token = match.group()
        if token in (b"{", b"["):
            if depth == 0 and token == b"[":
                return False  # a list at the top is not a brief
            depth += 1
        elif token in (b"}", b"]"):
            depth -= 1
            if depth <= 0:
                return False  # the top-level mapping closed without the key
        elif token == b":" and depth == 1 and previous in _FLOW_KEYS:
            return True
        previous = token
    return False
