"""MkDocs hooks of argmap's own site.

- The shipped briefs become interactive maps under ``maps/`` in the built site.
- A link from a page to a file of the repository outside ``docs/`` (``../SECURITY.md``) is
  pointed at that file in the repository on the web, since the site does not hold it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import argmap
from argmap.loading import write_atomic

BRIEFS = Path(__file__).resolve().parents[1] / "briefs"


_OUTSIDE = re.compile(r"\]\(\.\./([^)\s]+)\)")


def on_page_markdown(markdown: str, page: Any, config: Any, **kwargs: Any) -> str:
    """Links that leave ``docs/`` lead to the repository's copy of the file."""
    base = str(config["repo_url"]).rstrip("/") + "/blob/main/"
    depth = page.file.src_uri.count("/")
    if depth:  # only pages at the top of docs/ link out with a single ../
        return markdown
    return _OUTSIDE.sub(lambda match: f"]({base}{match.group(1)})", markdown)


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Write ``maps/<brief>.html`` into the built site for every brief in ``briefs/``."""
    out = Path(config["site_dir"]) / "maps"
    out.mkdir(parents=True, exist_ok=True)
    for brief_file in sorted(BRIEFS.glob("*.yaml")):
        page = argmap.to_html(argmap.load(brief_file), evaluate=True, semantics="dfquad")
        write_atomic(out / (brief_file.stem + ".html"), page)
