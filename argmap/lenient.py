"""A stand-in brief for a file with field errors, so that every other check still runs.

When a brief fails validation (an unknown key, a missing ``text``, a list where text belongs:
AM010, AM011), :func:`argmap.load` refuses it, and rightly. But a user who fixes one typo per run
deserves better: ``argmap validate`` reports the field errors *and* what the reference, structure
and quote checks find in the rest. :func:`stand_in` builds that rest: it drops what does not
validate (an unknown key, a malformed optional field) and fills what must be there (a missing
``text`` becomes the statement's id), keeping every id, so that a reference to a statement with
a typo in it is not reported as dangling. The stand-in is for checking only; it is never returned
by :func:`argmap.load` and never written anywhere.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap.diagnostics import Diagnostic
from argmap.model import Brief

__all__ = ["stand_in", "without_echoes"]

#: Rounds of repair before giving up; each round fixes every error reported in the one before.
_ROUNDS = 4


def stand_in(
    data: Mapping[str, Any], error: ValidationError
) -> tuple[Brief | None, list[tuple[Any, ...]]]:
    """A brief built from ``data`` with the parts ``error`` names repaired, and the locations
    repaired (each a path of keys into ``data``); ``None`` when no brief can be built."""
    fixed: Any = copy.deepcopy(dict(data))
    repaired: list[tuple[Any, ...]] = []
    for _ in range(_ROUNDS):
        progress = False
        # Misspelt keys first: 'txet' read as 'text' also answers "'text' is missing".
        items = sorted(error.errors(include_url=False),
                       key=lambda item: item["type"] != "extra_forbidden")
        for item in items:
            where = _repair(fixed, tuple(item["loc"]), item["type"])
            if where is not None:
                repaired.append(where)
                progress = True
        if not progress:
            return None, repaired
        try:
            return Brief.model_validate(fixed), repaired
        except ValidationError as again:
            error = again
    return None, repaired


def without_echoes(
    field_errors: list[Diagnostic], found: list[Diagnostic]
) -> list[Diagnostic]:
    """``found`` (what the checks found in a stand-in) without the findings at the very place of
    a field error: those are about a repair (an empty conclusion), not about the brief."""
    places = {(d.line, d.column) for d in field_errors}
    return [d for d in found if (d.line, d.column) not in places]


def _collections() -> dict[str, type[BaseModel]]:
    """Brief fields that map ids to models (claims, actors, arguments, ...), and their models."""
    found: dict[str, type[BaseModel]] = {}
    for name, field in Brief.model_fields.items():
        annotation = field.annotation
        args: tuple[Any, ...] = getattr(annotation, "__args__", ())
        if getattr(annotation, "__origin__", None) is dict and len(args) == 2:
            value = args[-1]
            if isinstance(value, type) and issubclass(value, BaseModel):
                found[name] = value
    return found


_COLLECTIONS = _collections()


def _model_at(path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model of the mapping at ``path`` in a brief's data, as far as this module knows."""
    if not path:
        return Brief
    if len(path) == 1:
        field = Brief.model_fields.get(str(path[0]))
        if field is None or path[0] in _COLLECTIONS:
            return None
        for candidate in (field.annotation, *getattr(field.annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                return candidate
        return None
    if len(path) == 2 and path[0] in _COLLECTIONS:
        return _COLLECTIONS[path[0]]
    return None


def _placeholder(model: type[BaseModel], name: str, path: tuple[Any, ...]) -> Any:
    """A value for a required field that is missing or malformed, or ``None`` when there is no
    sensible one (the entity holding it is then dropped)."""
    if model is Brief:
        return {"argmap": 1, "id": "brief", "title": "(untitled)"}.get(name)
    if name in ("text", "name") and path:
        return str(path[-1])
    # A reference that is missing (an argument's conclusion): empty, so the entity and its id
    # stay and nothing that names it is reported as dangling.
    annotation = model.model_fields[name].annotation
    if annotation is str:
        return ""
    if getattr(annotation, "__origin__", None) is list:
        return []
    return None


def _repair(data: Any, loc: tuple[Any, ...], kind: str) -> tuple[Any, ...] | None:
    """Change ``data`` so the error at ``loc`` goes away; where the change was made."""
    if kind == "extra_forbidden":
        parent = _at(data, loc[:-1])
        if not isinstance(parent, dict) or loc[-1] not in parent:
            return None
        # A misspelt key ('suports') is read as the key it is close to, as the message suggests,
        # so what it says is checked too; any other unknown key is left out.
        value = parent.pop(loc[-1])
        model = _model_at(loc[:-1])
        if model is not None:
            close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1,
                                              cutoff=0.6)
            if close and close[0] not in parent:
                parent[close[0]] = value
        return loc
    # The deepest field of a known model along the location: drop it when it may be left out,
    # fill it when it must be there, else drop the entity that holds it.
    in_collection = len(loc) >= 2 and loc[0] in _COLLECTIONS
    for cut in range(len(loc), 2 if in_collection else 0, -1):
        parent, name = loc[: cut - 1], loc[cut - 1]
        model = _model_at(parent)
        if model is None or not isinstance(name, str) or name not in model.model_fields:
            continue
        container = _at(data, parent)
        if not isinstance(container, dict):
            break
        if kind == "missing" and name in container:
            return None  # a misspelt key already read as this one
        if not model.model_fields[name].is_required():
            if name in container:
                del container[name]
                return loc[:cut]
            return None
        value = _placeholder(model, name, parent)
        if value is not None:
            container[name] = value
            return loc[:cut]
        break
    # An entity of a collection that is not a mapping at all, or has no fixable field.
    if in_collection:
        collection = data.get(loc[0])
        if isinstance(collection, dict) and loc[1] in collection:
            model = _COLLECTIONS[loc[0]]
            fields = {name: _placeholder(model, name, loc[:2])
                      for name, field in model.model_fields.items() if field.is_required()}
            if all(value is not None for value in fields.values()) and fields:
                collection[loc[1]] = fields
            else:
                del collection[loc[1]]
            return loc[:2]
    return None


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        in_mapping = isinstance(data, dict) and part in data
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if in_mapping or in_list:
            data = data[part]
        else:
            return None
    return data
