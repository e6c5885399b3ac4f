"""Every Markdown argmap writes is safe under CommonMark and GitHub-flavoured Markdown with
autolinks: brief text and file names cannot put HTML or a link into it, nor leave a code span,
a table cell or a table row.

Each output is rendered with markdown-it-py's ``gfm-like`` preset, linkify on (which is more
eager than GitHub: it links even ``example.org``), and its tokens are inspected.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from .conftest import Run, write

markdown_it = pytest.importorskip("markdown_it")
pytest.importorskip("linkify_it")

HOSTILE_TEXT = (
    "<img src=x onerror=alert(1)> <script>alert(2)</script> see https://evil.example/a, "
    "www.evil.example, mail me@evil.example, or evil.example; [x](https://evil.example) "
    "![i](https://evil.example/i.png) <https://evil.example> `code` | pipe *em* _u_ &amp;"
)

BRIEF = f"""\
argmap: 1
id: hostile
title: "{HOSTILE_TEXT}"
summary: "{HOSTILE_TEXT}"
actors:
  city: {{name: "{HOSTILE_TEXT}"}}
premises:
  busy: {{text: "{HOSTILE_TEXT}", supports: [lanes]}}
objections:
  cost: {{text: "{HOSTILE_TEXT}", attacks: [lanes]}}
recommendations:
  lanes: {{text: "{HOSTILE_TEXT}", addressee: city}}
"""


def tokens(markdown: str) -> list[Any]:
    """Every token, nested ones included, of ``markdown`` rendered as GitHub would."""
    parser = markdown_it.MarkdownIt("gfm-like")
    assert parser.options.get("linkify"), "the gfm-like preset should link bare addresses"
    found: list[Any] = []
    stack = list(parser.parse(markdown))
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(token.children or ())
    return found


def assert_safe(markdown: str, *, allowed_links: tuple[str, ...] = ()) -> None:
    every = tokens(markdown)
    html = [t.content for t in every if t.type in ("html_inline", "html_block")]
    assert not html, html
    links = [t.attrGet("href") for t in every if t.type == "link_open"]
    assert all(link in allowed_links for link in links), links
    assert not [t for t in every if t.type == "image"]
    rendered = markdown_it.MarkdownIt("gfm-like").render(markdown)
    for tag in ("<img", "<script", "<a "):
        if tag == "<a " and allowed_links:
            continue
        assert tag not in rendered, rendered


def test_the_hostile_text_would_be_unsafe_if_written_raw() -> None:
    every = tokens(HOSTILE_TEXT)
    assert any(t.type == "html_inline" for t in every)
    assert any(t.type == "link_open" for t in every)


def test_the_summary_holds_no_html_and_no_link_from_brief_text(tmp_path: Path, run: Run) -> None:
    write(tmp_path / "b.yaml", BRIEF)
    ran = run("summary", "b.yaml", "-o", "-", "--diagram", cwd=tmp_path)
    assert ran.code == 0, ran.output
    assert_safe(ran.stdout)
    assert "evil" in ran.stdout  # the text is there, only harmless


def test_the_diff_comment_holds_no_html_and_no_link(tmp_path: Path, run: Run) -> None:
    write(tmp_path / "old.yaml", "argmap: 1\nid: hostile\ntitle: Old\n")
    write(tmp_path / "new.yaml", BRIEF)
    ran = run("diff", "old.yaml", "new.yaml", "--format", "markdown", cwd=tmp_path)
    assert ran.code == 0, ran.output
    assert_safe(ran.stdout)
    headings = [t for t in tokens(ran.stdout) if t.type == "heading_open"]
    assert len(headings) == 1  # the title stays on its heading line


@pytest.mark.parametrize("name", [
    "a`b.yaml",
    "tick``s|and|pipes.yaml",
    "<img src=x onerror=alert(1)>.yaml",
    "https:__evil.example_x.yaml",
    "www.evil.example.yaml",
    "`` ``.yaml",
])
def test_a_file_name_cannot_leave_its_code_span(tmp_path: Path, run: Run, name: str) -> None:
    write(tmp_path / name, "argmap: 1\nid: x\ntitle: T\nunknown: 1\n")
    summary = tmp_path / "summary.md"
    ran = run("validate", "--format", "markdown", "--summary-file", str(summary), name,
              cwd=tmp_path)
    assert ran.code == 1
    for markdown in (ran.stdout, summary.read_text(encoding="utf-8")):
        assert_safe(markdown)
        every = tokens(markdown)
        codes = [t.content for t in every if t.type == "code_inline"]
        assert name in codes, (codes, markdown)
        rows = [t for t in every if t.type == "tr_open"]
        assert len(rows) == 2  # the header and the one brief: no cell or row was added
        cells = [t for t in every if t.type == "td_open"]
        assert len(cells) == 4


@pytest.mark.skipif(os.name != "posix", reason="file names with line breaks are POSIX's")
def test_a_file_name_with_a_line_break_stays_in_its_row(tmp_path: Path, run: Run) -> None:
    name = "a\n| evil | row |\nb.yaml"
    write(tmp_path / name, "argmap: 1\nid: x\ntitle: T\nunknown: 1\n")
    ran = run("validate", "--format", "markdown", ".", cwd=tmp_path)
    assert_safe(ran.stdout)
    assert len([t for t in tokens(ran.stdout) if t.type == "tr_open"]) == 2
