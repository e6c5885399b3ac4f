"""From guesses to a :class:`~argmap.model.Brief`: ids, texts, quotes that the quote check finds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from argmap.collector import paused_collector
from argmap.draft.guess import Actors, Guess, guess
from argmap.draft.ids import kebab, make_id
from argmap.draft.segment import Segmented, segment
from argmap.errors import ArgmapError
from argmap.model import Brief
from argmap.quotes import SourceText, fold

__all__ = ["DRAFT_TAG", "DraftError", "Drafted", "analyse", "draft", "statement_data"]

#: The tag every drafted statement carries until the analyst confirms it.
DRAFT_TAG = "draft"

_SECTION_OF_KIND = {
    "claim": "claims",
    "premise": "premises",
    "objection": "objections",
    "recommendation": "recommendations",
}
_OPENING_MARKER = re.compile(
    r"^(?:but|however|yet|whereas|nevertheless|nonetheless|on the other hand|still|although"
    r"|even though|though|even if|because|since|given that|given|after all|therefore|and "
    r"therefore|thus|hence|so|and so|this means|which means|as a result|consequently|for "
    r"this reason)\b[,:]?\s*",
    re.IGNORECASE,
)
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019 "


class DraftError(ArgmapError, ValueError):
    """A text that cannot be drafted (empty, or with no sentence in it)."""


@dataclass
class Drafted:
    """A text cut into units and the guesses made about each."""

    text: str
    segmented: Segmented
    guesses: list[Guess]
    actors: Actors
    quotes: list[str | None]


def analyse(text: str) -> Drafted:
    """Segment ``text``, guess about every unit and make each unit's quote."""
    if not text.strip():
        raise DraftError("the text is empty: there is nothing to draft")
    segmented = segment(text)
    guesses, actors = guess(segmented)
    return Drafted(text, segmented, guesses, actors, _quotes(text, guesses))


def _quotes(text: str, guesses: list[Guess]) -> list[str | None]:
    """Each unit's quote, checked with the quote matcher argmap validates with.

    The unit's own text keeps a hyphen before a capital ("Russia-Georgia"); where that form is not
    found, the folded original is used, which always is.
    """
    source = SourceText(text)
    quotes: list[str | None] = [g.quote for g in guesses]
    missing = source.missing([q or "" for q in quotes])
    for index in missing:
        item = guesses[index]
        quotes[index] = fold(text[item.start:item.end]) or None
    if missing:
        again = source.missing([q or "" for q in quotes])
        for index in again:
            quotes[index] = None
    return quotes


def _statement_text(quote: str, marked: bool = False) -> str:
    """The statement as the draft words it: the quote (without the discourse marker that opens
    it, when ``marked``) as a sentence."""
    text = " ".join(quote.split())
    if marked:
        text = _OPENING_MARKER.sub("", text, count=1) or text
    text = text.strip(_QUOTE_MARKS).rstrip(",;:- ")
    if not text:
        text = quote.strip()
    text = text[0].upper() + text[1:]
    if text[-1] not in ".?!":
        text += "."
    return text


def statement_data(drafted: Drafted, ids: list[str], index: int) -> dict[str, Any]:
    """The brief fields of the statement drafted from unit ``index``."""
    item = drafted.guesses[index]
    quote = drafted.quotes[index]
    data: dict[str, Any] = {"text": _statement_text(item.quote, item.unit.marker is not None)}
    if quote:
        data["quote"] = quote
    if item.unit.section:
        data["section"] = item.unit.section
    if item.speaker:
        data["speaker"] = item.speaker
    if item.qualifier:
        data["qualifier"] = item.qualifier
    if item.kind == "recommendation" and item.addressees:
        data["addressee"] = (item.addressees[0] if len(item.addressees) == 1
                             else list(item.addressees))
    data["tags"] = [DRAFT_TAG]
    note = "Guessed by argmap draft from the words (rules: " + ", ".join(item.rules) + ")"
    if item.told:
        note += f"; told {drafted.actors.by_id[item.told].name}"
    data["note"] = note + "."
    if item.supports:
        data["supports"] = [ids[j] for j in item.supports]
    if item.attacks:
        data["attacks"] = [ids[j] for j in item.attacks]
    return data


def make_ids(drafted: Drafted, taken: Iterable[str] = ()) -> list[str]:
    """One id per unit, unique among themselves, the actors' and ``taken``."""
    used = set(taken) | set(drafted.actors.by_id)
    ids: list[str] = []
    suffixes: dict[str, int] = {}
    for item in drafted.guesses:
        new = make_id(_statement_text(item.quote, item.unit.marker is not None), used,
                      suffixes=suffixes)
        used.add(new)
        ids.append(new)
    return ids


def actors_used(drafted: Drafted, indexes: Iterable[int]) -> dict[str, dict[str, str]]:
    """The actors that the given units name (as speaker, addressee or the one told)."""
    wanted: list[str] = []
    for index in indexes:
        item = drafted.guesses[index]
        for who in (item.speaker, item.told, *item.addressees):
            if who is not None and who not in wanted:
                wanted.append(who)
    result: dict[str, dict[str, str]] = {}
    for who in sorted(wanted):
        actor = drafted.actors.by_id[who]
        entry = {"name": actor.name}
        if actor.role:
            entry["role"] = actor.role
        result[who] = entry
    return result


@paused_collector()
def draft(
    text: str,
    *,
    source_path: str | None = None,
    title: str | None = None,
    brief_id: str | None = None,
) -> Brief:
    """A first brief of ``text``: one statement per argumentative unit, each quoted verbatim,
    with guessed kinds, relations, speakers, addressees and qualifiers, all tagged ``draft``.

    ``source_path`` is written as the brief's ``source.path`` (relative to where the brief will
    be saved). Raises :class:`DraftError` for a text with nothing to draft.

    >>> brief = draft("Russia holds most of the cards. So Russia should show magnanimity.")
    >>> sorted(brief.statements)
    ['russia-holds-cards', 'russia-should-show-magnanimity']
    >>> brief.recommendations["russia-should-show-magnanimity"].addressee
    'russia'
    >>> brief.premises["russia-holds-cards"].supports
    ['russia-should-show-magnanimity']
    """
    drafted = analyse(text)
    usable = [i for i, q in enumerate(drafted.quotes) if q]
    if not usable:
        raise DraftError("the text has no sentence to draft a statement from")
    name = title or drafted.segmented.title
    if name is None:
        name = f"Draft brief of {source_path.rsplit('/', 1)[-1]}" if source_path else "Draft brief"
    if brief_id is None and source_path:
        brief_id = kebab(source_path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    ident = brief_id or kebab(name)[:60].strip("-") or "draft"
    actors = actors_used(drafted, usable)
    ids = make_ids(drafted, [ident, *actors])
    data: dict[str, Any] = {
        "argmap": 1,
        "id": ident,
        "title": name,
        "summary": ("A first draft made by argmap draft from the words of the text. Every "
                    "statement tagged 'draft' is a guess: confirm or correct its kind, text and "
                    "relations, then remove the tag."),
    }
    if source_path is not None:
        data["source"] = {"path": source_path}
    used_sections = {drafted.guesses[i].unit.section for i in usable}
    sections = [s for s in drafted.segmented.sections if s in used_sections]
    if sections:
        data["sections"] = sections
    data["tags"] = [DRAFT_TAG]
    if actors:
        data["actors"] = actors
    for kind in _SECTION_OF_KIND.values():
        data[kind] = {}
    for index in usable:
        item = drafted.guesses[index]
        data[_SECTION_OF_KIND[item.kind]][ids[index]] = statement_data(drafted, ids, index)
    # Relations to units that got no quote (none in practice) are dropped with them.
    kept = {ids[i] for i in usable}
    for kind in _SECTION_OF_KIND.values():
        for entry in data[kind].values():
            for relation in ("supports", "attacks"):
                if relation in entry:
                    entry[relation] = [t for t in entry[relation] if t in kept]
                    if not entry[relation]:
                        del entry[relation]
    for kind in list(_SECTION_OF_KIND.values()):
        if not data[kind]:
            del data[kind]
    return Brief.model_validate(data)
