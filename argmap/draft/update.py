"""Bringing a drafted brief up to date after its source text changed: ``argmap draft --update``.

What the analyst confirmed stays: a statement without the ``draft`` tag, or one whose text the
analyst rewrote, is kept with all its fields and relations. Each quote is looked for in the new
text; a quote that is gone is re-found in the new sentence most like it (reported, so the analyst
checks it), or reported as lost. A guess (still tagged ``draft``) whose passage is gone is
dropped, with every reference to it. Passages of the new text that no statement quotes are
drafted as new guesses and listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from argmap.collector import paused_collector
from argmap.draft.build import (
    _SECTION_OF_KIND,
    DRAFT_TAG,
    Drafted,
    _statement_text,
    actors_used,
    analyse,
    make_ids,
    statement_data,
)
from argmap.draft.coverage import Passage, passages, quote_spans
from argmap.model import STATEMENT_SECTIONS, Brief
from argmap.quotes import SourceText, fold

__all__ = ["Updated", "update"]

#: Share of a lost quote's words a new sentence must have to be taken as the same passage.
_REFIND_SHARE = 0.6


@dataclass
class Updated:
    """The brief brought up to date, and what changed."""

    brief: Brief
    kept: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    refound: list[tuple[str, str, str]] = field(default_factory=list)  # id, old quote, new
    lost: list[tuple[str, str]] = field(default_factory=list)  # id, quote not found
    added: list[str] = field(default_factory=list)
    new_passages: list[Passage] = field(default_factory=list)


def _words(text: str) -> set[str]:
    return {w.strip(".,;:!?\"'()[]\u201c\u201d\u2019").lower() for w in fold(text).split()} - {""}


def _refind(quote: str, candidates: list[str]) -> str | None:
    wanted = _words(quote)
    if not wanted:
        return None
    best, best_share = None, 0.0
    for candidate in candidates:
        have = _words(candidate)
        share = len(wanted & have) / len(wanted | have) if have else 0.0
        if share > best_share:
            best, best_share = candidate, share
    return best if best_share >= _REFIND_SHARE else None


def _confirmed(statement: dict[str, Any]) -> bool:
    """Confirmed by the analyst: the draft tag removed, or the drafted text rewritten."""
    if DRAFT_TAG not in statement.get("tags", []):
        return True
    quotes = statement.get("quote")
    first = quotes[0] if isinstance(quotes, list) and quotes else quotes
    return isinstance(first, str) and statement.get("text") != _statement_text(first, False) \
        and statement.get("text") != _statement_text(first, True)


def _drop_references(data: dict[str, Any], gone: set[str]) -> None:
    for section in STATEMENT_SECTIONS:
        for entry in data.get(section, {}).values():
            for relation in ("supports", "attacks", "concedes", "outweighs", "undercuts"):
                if isinstance(entry.get(relation), list):
                    entry[relation] = [r for r in entry[relation]
                                       if not (isinstance(r, str) and r in gone)]
                    if not entry[relation]:
                        del entry[relation]
    arguments = data.get("arguments", {})
    for name in [a for a, arg in arguments.items()
                 if arg.get("conclusion") in gone or gone & set(arg.get("premises", []))]:
        del arguments[name]
    expect = data.get("expect")
    if isinstance(expect, dict):
        for key in ("stands", "falls", "open"):
            if isinstance(expect.get(key), list):
                expect[key] = [i for i in expect[key] if i not in gone]


@paused_collector()
def update(brief: Brief, text: str, *, add_new: bool = True) -> Updated:
    """``brief`` brought up to date with its source's new ``text`` (see the module's docstring).

    >>> import argmap
    >>> old = argmap.draft("Russia won. Russia should be generous.")
    >>> new = update(old, "Russia won the war. Russia should be generous. Georgia lost.")
    >>> new.dropped, new.added
    (['russia-won'], ['russia-won-war', 'georgia-lost'])
    """
    data = brief.model_dump(mode="json", exclude_defaults=True)
    source = SourceText(text)
    drafted = analyse(text)
    candidates = [q for q in drafted.quotes if q]
    report = Updated(brief)
    gone: set[str] = set()
    for section in STATEMENT_SECTIONS:
        entries = data.get(section, {})
        for ident in list(entries):
            entry = entries[ident]
            quotes = entry.get("quote")
            listed = quotes if isinstance(quotes, list) else [quotes] if quotes else []
            missing = [q for q in listed if source.find(q) is None]
            confirmed = _confirmed(entry)
            if missing and not confirmed:
                del entries[ident]
                gone.add(ident)
                report.dropped.append(ident)
                continue
            report.kept.append(ident)
            if not missing:
                continue
            renewed = []
            for quote in listed:
                if quote not in missing:
                    renewed.append(quote)
                    continue
                again = _refind(quote, candidates)
                if again is None:
                    renewed.append(quote)
                    report.lost.append((ident, quote))
                else:
                    renewed.append(again)
                    report.refound.append((ident, quote, again))
            entry["quote"] = renewed if isinstance(quotes, list) else renewed[0]
    _drop_references(data, gone)

    kept = Brief.model_validate(data)
    spans = quote_spans(kept, source)
    report.new_passages = passages(text, drafted.segmented.sentences, spans)
    if add_new:
        _add_new(data, drafted, source, spans, report)
    report.brief = Brief.model_validate(data)
    return report


def _overlapping(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _add_new(data: dict[str, Any], drafted: Drafted, source: SourceText,
             spans: list[tuple[int, int]], report: Updated) -> None:
    """Draft the units no kept statement quotes, and relate them as drafting would."""
    existing = {i for i, _ in _statements(data)}
    existing |= set(data.get("arguments", {})) | set(data.get("actors", {})) | {data["id"]}
    new = [i for i, g in enumerate(drafted.guesses)
           if drafted.quotes[i] and not _overlapping((g.start, g.end), spans)]
    if not new:
        return
    ids = make_ids(drafted, existing)
    # A relation to a unit that a kept statement quotes goes to that statement.
    quoted: list[tuple[int, int, str]] = []
    for ident, entry in _statements(data):
        quotes = entry.get("quote")
        for quote in quotes if isinstance(quotes, list) else [quotes] if quotes else []:
            match = source.find(quote)
            if match is not None:
                quoted.append((match.start, match.end, ident))
    names = list(ids)
    for index, item in enumerate(drafted.guesses):
        holder = next((i for s, e, i in quoted if s < item.end and item.start < e), None)
        if holder is not None:
            names[index] = holder
    keep = set(new) | {i for i in range(len(names)) if names[i] != ids[i]}
    actors = data.setdefault("actors", {})
    for who, entry in actors_used(drafted, new).items():
        actors.setdefault(who, entry)
    if not actors:
        del data["actors"]
    sections = data.setdefault("sections", [])
    for index in new:
        item = drafted.guesses[index]
        entry = statement_data(drafted, names, index)
        for relation in ("supports", "attacks"):
            if relation in entry:
                entry[relation] = [names[j] for j in getattr(item, relation) if j in keep]
                if not entry[relation]:
                    del entry[relation]
        section = item.unit.section
        if section and section not in sections:
            sections.append(section)
        data.setdefault(_SECTION_OF_KIND[item.kind], {})[names[index]] = entry
        report.added.append(names[index])
    if not sections:
        del data["sections"]


def _statements(data: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    for section in STATEMENT_SECTIONS:
        yield from data.get(section, {}).items()
