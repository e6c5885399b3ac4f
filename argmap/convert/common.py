"""What every converter shares: the result of a conversion, losses, ids made from text.

A conversion never loses anything silently: whatever the target format cannot hold is counted in
a :class:`Losses`, which the command line prints as warnings (and ``--strict`` turns into an
error) and the library raises as a :class:`ConversionWarning`.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from argmap.errors import ConversionError
from argmap.model import Argument, Brief, Statement

__all__ = [
    "Conversion",
    "ConversionWarning",
    "IdMaker",
    "Losses",
    "build_brief",
    "has_field",
    "slug",
]


class ConversionWarning(UserWarning):
    """Something in the input has no place in the output and was left out."""


@dataclass
class Losses:
    """What a conversion left out, grouped by kind, with the elements of each kind."""

    groups: dict[str, list[str]] = field(default_factory=dict)

    def add(self, what: str, element: str) -> None:
        """Record one element of the kind ``what`` (a plural noun phrase) as left out."""
        self.groups.setdefault(what, []).append(element)

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def count(self) -> int:
        """How many elements were left out in all."""
        return sum(len(elements) for elements in self.groups.values())

    def messages(self) -> list[str]:
        """One line per kind: how many, what, and the first few elements."""
        lines = []
        for what, elements in self.groups.items():
            shown = ", ".join(elements[:3]) + (", ..." if len(elements) > 3 else "")
            lines.append(f"{what}: {len(elements)} left out ({shown})")
        return lines

    def raise_if(self, strict: bool, path: str) -> None:
        """With ``strict``, a conversion that lost anything is an error naming the first loss."""
        if strict and self.groups:
            what, elements = next(iter(self.groups.items()))
            raise ConversionError(
                f"{self.count} element(s) cannot be represented, first of them {what} "
                "(drop --strict to convert the rest)",
                path=path,
                element=elements[0],
            )

    def warn(self, path: str, stacklevel: int = 3) -> None:
        """Issue one :class:`ConversionWarning` listing every loss."""
        if self.groups:
            text = "; ".join(self.messages())
            warnings.warn(f"{path}: {text}", ConversionWarning, stacklevel=stacklevel)


@dataclass
class Conversion:
    """A brief read from another format, with the text it maps and what had to be left out."""

    brief: Brief
    source_text: str | None = None
    losses: Losses = field(default_factory=Losses)


_FIELDS: dict[type, frozenset[str]] = {}


def has_field(model: type[Statement] | type[Argument] | type[Brief], name: str) -> bool:
    """True when the brief format has the optional field ``name`` on ``model``."""
    fields = _FIELDS.get(model)
    if fields is None:
        fields = _FIELDS[model] = frozenset(model.model_fields)
    return name in fields


_WORD = re.compile(r"[a-z0-9]+")


def slug(text: str, *, words: int = 6, limit: int = 48) -> str:
    """A kebab-case id from free text: its first words, ASCII only (``""`` when none is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    parts = _WORD.findall(ascii_text.lower())[:words]
    result = ""
    for part in parts:
        candidate = f"{result}-{part}" if result else part
        if len(candidate) > limit:
            break
        result = candidate
    return result or (parts[0][:limit] if parts else "")


_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class IdMaker:
    """Hands out unique kebab-case ids, from a wanted id or from text."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken: set[str] = set(taken)

    def make(self, wanted: str | None, text: str = "", fallback: str = "statement") -> str:
        """``wanted`` if it is kebab-case and free, else an id from ``text`` (or ``fallback``),
        numbered ``-2``, ``-3``... until it is free."""
        if wanted and _KEBAB.match(wanted) and wanted not in self.taken:
            self.taken.add(wanted)
            return wanted
        base = (slug(wanted) if wanted else "") or slug(text) or fallback
        candidate = base
        number = 2
        while candidate in self.taken:
            candidate = f"{base}-{number}"
            number += 1
        self.taken.add(candidate)
        return candidate


def build_brief(data: dict[str, Any], path: str) -> Brief:
    """Validate converted data as a brief; a failure names the element it comes from."""
    try:
        return Brief.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConversionError(
            f"the converted brief is not valid at {where}: {first['msg']}", path=path
        ) from None
