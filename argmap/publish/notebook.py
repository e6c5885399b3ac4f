"""How a :class:`~argmap.model.Brief` shows itself in Jupyter.

IPython calls ``Brief._repr_mimebundle_``, which delegates here: the map as SVG when a ``dot``
program is found, and the Markdown summary always, so a notebook without Graphviz still shows
something useful (and a front end that cannot draw SVG falls back to the summary).
"""

from __future__ import annotations

import contextlib
from collections.abc import Container

from argmap.errors import RenderError
from argmap.model import Brief

__all__ = ["mimebundle"]

SVG = "image/svg+xml"
MARKDOWN = "text/markdown"


def mimebundle(
    brief: Brief, include: Container[str] | None = None, exclude: Container[str] | None = None
) -> dict[str, str]:
    """The brief's representations by MIME type, filtered as IPython asks."""

    def wanted(mime: str) -> bool:
        return (include is None or mime in include) and (exclude is None or mime not in exclude)

    bundle: dict[str, str] = {}
    if wanted(SVG):
        from argmap.publish import render

        # No dot, or one that failed or timed out: the summary still shows.
        with contextlib.suppress(RenderError):
            bundle[SVG] = render(brief, "svg").decode("utf-8")
    if wanted(MARKDOWN):
        from argmap.publish import to_markdown

        bundle[MARKDOWN] = to_markdown(brief)
    return bundle
