"""Readable ids from a statement's words: ``georgia-should-take-first-steps``.

An id keeps the first few words that carry meaning (articles, auxiliaries and prepositions go;
negations stay, as they change the meaning), folded to lower-case ASCII kebab-case, and is made
unique against the ids already taken with a numeric suffix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

from argmap.draft.rules import word_set

__all__ = ["kebab", "make_id"]

#: Words an id leaves out.
STOP_WORDS = word_set(
    "a an the of to and or in on at for with by from as into onto upon about over under than "
    "then that this these those there here it its it's is are was were be been being am do "
    "does did has have had having will would shall can may might could also very so such "
    "which who whom whose what when where while their they them he she his her we our us "
    "you your i me my s t now just even only both all any some more most much many other "
    "further")
_MAX_WORDS = 5
_MAX_CHARS = 48


def _words(text: str) -> list[str]:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"n't\b", " not", text)
    text = re.sub(r"'s\b", "", text)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", plain.lower())


def kebab(text: str, fallback: str = "draft") -> str:
    """``text`` as lower-case ASCII kebab-case (``fallback`` when nothing is left)."""
    return "-".join(_words(text)) or fallback


def make_id(text: str, taken: Container[str], fallback: str = "statement",
            suffixes: dict[str, int] | None = None) -> str:
    """A kebab-case id from the meaningful words of ``text``, not among ``taken``.

    ``suffixes`` (the next number to try for each base id) spares a long text with many alike
    sentences from counting up from 2 for every one of them.
    """
    words = _words(text)
    content = [w for w in words if w not in STOP_WORDS] or words or [fallback]
    picked: list[str] = []
    for word in content:
        if len(picked) >= _MAX_WORDS or len("-".join([*picked, word])) > _MAX_CHARS:
            break
        picked.append(word)
    base = "-".join(picked) or fallback
    candidate = base
    number = suffixes.get(base, 2) if suffixes is not None else 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    if suffixes is not None:
        suffixes[base] = number
    return candidate
