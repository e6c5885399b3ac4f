"""Diagrams and summaries of a brief: DOT, SVG/PNG/PDF, Mermaid and Markdown.

Every function here is pure: a brief (and options) in, text or bytes out, the same bytes for the
same brief. Only :func:`render` to an image format runs a program (Graphviz ``dot``, found by
:func:`find_dot`); DOT, Mermaid and Markdown need nothing but Python.

>>> import argmap
>>> brief = argmap.loads('''
... argmap: 1
... id: example
... title: An example
... actors: {russia: {name: Russian Federation}}
... premises:
...   russia-holds-cards: {text: Russia holds most of the cards., supports: [be-magnanimous]}
... recommendations:
...   be-magnanimous: {text: Russia should show magnanimity., addressee: russia}
... ''')
>>> for line in argmap.to_mermaid(brief, legend=False).splitlines()[1:8]:
...     print(line)
title: "An example"
config:
  flowchart:
    wrappingWidth: 480
---
flowchart BT
    n0["Russia holds most of the<br>cards."]:::premise
>>> argmap.render(brief, "mmd") == argmap.to_mermaid(brief).encode()
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.errors import ConfigError
from argmap.lazy import lazy_getattr
from argmap.model import Brief
from argmap.publish.graphviz_exe import DEFAULT_TIMEOUT, find_dot, run_dot
from argmap.publish.view import DIRECTIONS, GROUPS, EvaluationLike

if TYPE_CHECKING:
    from argmap.publish.dot import to_dot
    from argmap.publish.html import to_html
    from argmap.publish.markdown import to_markdown
    from argmap.publish.mermaid import to_mermaid

__all__ = [
    "DIRECTIONS",
    "FORMATS",
    "GROUPS",
    "IMAGE_FORMATS",
    "TEXT_FORMATS",
    "EvaluationLike",
    "find_dot",
    "format_for_suffix",
    "render",
    "to_dot",
    "to_html",
    "to_markdown",
    "to_mermaid",
]

#: Formats that need a ``dot`` program.
IMAGE_FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "html")
#: Formats written as text, which ``--check`` can show a diff of.
TEXT_FORMATS: tuple[str, ...] = ("svg", "dot", "mmd", "md", "html")
#: Every format :func:`render` writes.
FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot", "mmd", "md", "html")

_SUFFIXES = {"svg": "svg", "png": "png", "pdf": "pdf", "dot": "dot", "gv": "dot", "mmd": "mmd",
             "mermaid": "mmd", "md": "md", "markdown": "md", "html": "html", "htm": "html"}


# Each writer loads on first use: DOT and Mermaid need neither Jinja2 nor the HTML map, and a
# summary needs none of the diagram writers.
_LAZY = {"to_dot": "argmap.publish.dot", "to_html": "argmap.publish.html",
         "to_markdown": "argmap.publish.markdown", "to_mermaid": "argmap.publish.mermaid"}


__getattr__ = lazy_getattr("argmap.publish", _LAZY)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def format_for_suffix(suffix: str) -> str | None:
    """The format a file suffix (``".svg"``, ``"gv"``) stands for, or None."""
    return _SUFFIXES.get(suffix.lower().lstrip("."))


def render(
    brief: Brief, fmt: str = "svg", *, timeout: float | None = DEFAULT_TIMEOUT, **options: Any
) -> bytes:
    """The brief in format ``fmt``: ``"svg"``, ``"png"``, ``"pdf"``, ``"html"``, ``"dot"``,
    ``"mmd"`` or ``"md"``, as bytes.

    Image formats and the interactive HTML map run ``dot`` (see :func:`find_dot`), stopped after
    ``timeout`` seconds; ``options`` go to :func:`to_dot`, :func:`to_html`, :func:`to_mermaid`
    or :func:`to_markdown`.

    Raises :class:`~argmap.ConfigError` for an unknown format or option,
    :class:`~argmap.RenderError` (:class:`~argmap.DotNotFoundError`,
    :class:`~argmap.DotTimeoutError`) when ``dot`` is missing, slow, fails, writes more than
    :data:`~argmap.publish.graphviz_exe.MAX_OUTPUT_BYTES` or writes something other than
    ``fmt``; nothing else.
    """
    from argmap.publish.dot import to_dot

    fmt = fmt.lower().lstrip(".")
    if fmt == "dot":
        return to_dot(brief, **options).encode("utf-8")
    if fmt == "mmd":
        from argmap.publish.mermaid import to_mermaid

        return to_mermaid(brief, **options).encode("utf-8")
    if fmt == "md":
        from argmap.publish.markdown import to_markdown

        return to_markdown(brief, **options).encode("utf-8")
    if fmt == "html":
        from argmap.publish.html import to_html

        return to_html(brief, timeout=timeout, **options).encode("utf-8")
    if fmt in IMAGE_FORMATS:
        return run_dot(to_dot(brief, **options), fmt, timeout=timeout)
    raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
