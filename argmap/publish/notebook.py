"""How a brief shows itself in Jupyter: the interactive map, then the static map and the summary.

IPython calls ``Brief._repr_mimebundle_``, which delegates to :func:`mimebundle`. The bundle
holds, in this order, the interactive HTML map (when a ``dot`` program is found), the map as SVG
(likewise) and the Markdown summary (always), so JupyterLab and classic Jupyter, which both rank
HTML above Markdown, show the map one can explore, and a front end without HTML or without
Graphviz still shows something useful.

The page sits in an ``<iframe srcdoc>`` sandboxed to run scripts only: its script, style and
element ids cannot clash with the notebook's or with another map's, and its
Content-Security-Policy holds inside the frame as it does in a file.

:func:`show` gives a view of part of a map (``argmap.show(brief, focus="russia-won")``).
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Container
from dataclasses import dataclass
from typing import Any

from argmap.errors import RenderError
from argmap.model import Brief
from argmap.publish.text import clean

__all__ = ["HTML", "MARKDOWN", "SVG", "MapDisplay", "iframe", "mimebundle", "show"]

HTML = "text/html"
SVG = "image/svg+xml"
MARKDOWN = "text/markdown"

#: Height of the map's frame in a notebook, in CSS pixels.
DEFAULT_HEIGHT = 560


def iframe(page: str, *, title: str, height: int = DEFAULT_HEIGHT) -> str:
    """An HTML page as an ``<iframe srcdoc>`` that may run its own script and nothing more.

    ``allow-modals`` lets the page's Print button open the print dialogue; the frame gets no
    origin of its own (no ``allow-same-origin``), so it can reach neither the notebook nor its
    storage.
    """
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" '
            f'title="{html.escape("Argument map: " + clean(title), quote=True)}" '
            f'sandbox="allow-scripts allow-modals" width="100%" height="{int(height)}" '
            'frameborder="0"></iframe>')


@dataclass(frozen=True)
class MapDisplay:
    """An interactive map as a notebook shows it: the last expression of a cell, or
    ``IPython.display.display(...)``. ``page`` is the whole HTML page."""

    page: str
    title: str
    height: int = DEFAULT_HEIGHT

    def _repr_html_(self) -> str:
        return iframe(self.page, title=self.title, height=self.height)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {HTML: self._repr_html_()}


def show(
    brief: Brief,
    *,
    focus: str | None = None,
    depth: int = 2,
    height: int = DEFAULT_HEIGHT,
    **options: Any,
) -> MapDisplay:
    """The interactive map of ``brief`` for a notebook; with ``focus``, only the statements
    within ``depth`` relations of that id. ``options`` go to :func:`argmap.to_html`
    (``evaluate=True``, ``semantics="dfquad"``, ``group=...``). Needs a ``dot`` program."""
    from argmap.publish.html import to_html

    page = to_html(brief, focus=focus, depth=depth, **options)
    return MapDisplay(page, brief.title, height)


def mimebundle(
    brief: Brief, include: Container[str] | None = None, exclude: Container[str] | None = None
) -> dict[str, str]:
    """The brief's representations by MIME type, best first, filtered as IPython asks."""

    def wanted(mime: str) -> bool:
        return (include is None or mime in include) and (exclude is None or mime not in exclude)

    bundle: dict[str, str] = {}
    # No dot, or one that failed or timed out: the summary still shows.
    if wanted(HTML):
        with contextlib.suppress(RenderError):
            bundle[HTML] = show(brief)._repr_html_()
    if wanted(SVG):
        from argmap.publish import render

        with contextlib.suppress(RenderError):
            bundle[SVG] = render(brief, "svg").decode("utf-8")
    if wanted(MARKDOWN):
        from argmap.publish import to_markdown

        bundle[MARKDOWN] = to_markdown(brief)
    return bundle
