"""Writing a loaded brief back without losing its comments.

A brief's file carries more than its data: the ``# yaml-language-server: $schema=...`` line that
editors read, ``# argmap: ignore[...]`` comments that silence findings, notes to fellow
mappers, the order and style of its keys. :func:`edit_text` takes the file's text and the brief
as it is now, and changes only what differs, in place, with ruamel.yaml's round-trip mode (used
for writing only: reading stays with argmap's own safe loader). What is unchanged keeps its
comments and layout; a changed value is written anew; a removed key goes with its comments.

The result is read back with argmap's loader before it is used, so ``load(dump(b)) == b``
holds whatever ruamel writes; when it would not (or ruamel is not installed), the caller falls
back to the plain dump.
"""

from __future__ import annotations

import io
from typing import Any

__all__ = ["edit_text"]


def edit_text(original: str, data: dict[str, Any]) -> str | None:
    """``original`` (a brief's YAML) changed to hold ``data`` (the brief dumped as plain data),
    keeping comments; ``None`` when that cannot be done."""
    try:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError
    except ImportError:
        return None
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a line the file did not fold
    yaml.indent(mapping=2, sequence=4, offset=2)
    # Whatever ruamel makes of a text argmap's own loader accepted, the plain dump remains: so
    # any failure of it here means "no round trip", never an exception for the caller.
    try:
        document = yaml.load(original)
    except (YAMLError, ValueError, RecursionError, TypeError, AttributeError):
        return None
    if not isinstance(document, dict):
        return None
    stream = io.StringIO()
    try:
        _update_mapping(document, data)
        yaml.dump(document, stream)
    except (YAMLError, ValueError, RecursionError, TypeError, AttributeError):
        return None
    return stream.getvalue()


def _update_mapping(target: Any, wanted: dict[str, Any]) -> None:
    for key in [k for k in target if k not in wanted]:
        del target[key]
    for key, value in wanted.items():
        if key in target:
            target[key] = _updated(target[key], value)
        else:
            target[key] = value


def _updated(current: Any, wanted: Any) -> Any:
    """``current`` changed into ``wanted``, keeping ``current``'s nodes (and comments) where the
    two agree."""
    if isinstance(wanted, dict) and isinstance(current, dict):
        _update_mapping(current, wanted)
        return current
    if isinstance(wanted, list) and isinstance(current, list):
        if len(current) == len(wanted):
            for index, item in enumerate(wanted):
                current[index] = _updated(current[index], item)
            return current
        return wanted
    if _same_scalar(current, wanted):
        return current
    return wanted


def _same_scalar(current: Any, wanted: Any) -> bool:
    # ruamel reads YAML 1.2 types (2008 is a number), the brief holds text; the value is the
    # same when it reads the same, and then the original spelling is kept.
    if isinstance(current, (dict, list)) or isinstance(wanted, (dict, list)):
        return False
    if type(current) is type(wanted) or (isinstance(current, str) and isinstance(wanted, str)):
        return bool(current == wanted)
    return False
