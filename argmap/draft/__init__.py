"""Drafting a first brief from a text: ``argmap draft`` and :func:`argmap.draft`.

Segmentation (:mod:`.segment`), the rule table (:mod:`.rules`), the guesses (:mod:`.guess`),
ids (:mod:`.ids`), assembling the brief (:mod:`.build`), bringing a brief up to date with a
changed source (:mod:`.update`) and coverage of the source (:mod:`.coverage`) each have their
own module; this one only names the entry points, and imports nothing heavy until used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.model import Brief

__all__ = ["draft"]


def draft(
    text: str,
    *,
    source_path: str | None = None,
    title: str | None = None,
    brief_id: str | None = None,
) -> Brief:
    """A first brief of ``text``; see :func:`argmap.draft.build.draft`."""
    from argmap.draft.build import draft as build

    return build(text, source_path=source_path, title=title, brief_id=brief_id)
