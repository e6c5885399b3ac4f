"""Argument maps in MkDocs pages: a fenced ``argmap`` block becomes the interactive map.

In ``mkdocs.yml``, with the Material theme or any theme, give PyMdown's SuperFences a custom
fence::

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: argmap
              class: argmap
              format: !!python/name:argmap.mkdocs.fence

and write a brief (YAML) in a page::

    ```argmap
    argmap: 1
    id: example
    ...
    ```

The page shows the map in a frame sandboxed to run its own script only (as in a notebook), laid
out by Graphviz when the site is built. A brief that does not load shows its findings instead,
and so does a map that cannot be drawn (no ``dot``): the build goes on, and the page says why.
Options after the fence's name go to :func:`argmap.to_html`: ```` ```argmap evaluate="true"
semantics="dfquad" height="400" ````.
"""

from __future__ import annotations

import html
from typing import Any

from argmap.errors import ArgmapError, BriefError

__all__ = ["fence"]

_FLAGS = {"true": True, "false": False, "yes": True, "no": False}


def fence(source: str, language: str, css_class: str, options: dict[str, Any], md: Any,
          **kwargs: Any) -> str:
    """SuperFences' formatter for an ``argmap`` fence: the brief in ``source`` as a map."""
    from argmap.loading import loads
    from argmap.publish.html import to_html
    from argmap.publish.notebook import DEFAULT_HEIGHT, iframe

    attributes = dict(kwargs.get("attrs") or {}, **(options or {}))
    height = int(attributes.pop("height", DEFAULT_HEIGHT))
    settings: dict[str, Any] = {
        key: _FLAGS.get(str(value).lower(), value) for key, value in attributes.items()
        if key in ("evaluate", "semantics", "group", "direction", "focus")}
    try:
        brief = loads(source, path="argmap block")
        page = to_html(brief, **settings)
    except BriefError as error:
        lines = [str(d) for d in error.diagnostics] or [str(error)]
        return _problem(css_class, "This brief does not load.", lines)
    except ArgmapError as error:
        return _problem(css_class, "This map cannot be drawn.", [str(error)])
    frame = iframe(page, title=brief.title, height=height)
    return f'<div class="{html.escape(css_class)}">{frame}</div>'


def _problem(css_class: str, headline: str, lines: list[str]) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (f'<div class="{html.escape(css_class)} admonition failure"><p class="admonition-title">'
            f"{html.escape(headline)}</p><ul>{items}</ul></div>")
