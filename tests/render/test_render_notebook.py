"""A brief in a notebook: a real kernel runs a real notebook (nbclient + ipykernel), and the
outputs hold the interactive map first, then the SVG and the summary."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from render_support import REPO

import argmap
from argmap.publish.notebook import iframe, mimebundle

GEORGIA = REPO / "briefs" / "georgia-russia-dialogue.yaml"


@pytest.mark.dot
def test_the_bundle_puts_the_interactive_map_first() -> None:
    bundle = mimebundle(argmap.load(GEORGIA))
    assert list(bundle) == ["text/html", "image/svg+xml", "text/markdown"]
    frame = bundle["text/html"]
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts allow-modals"' in frame
    assert "allow-same-origin" not in frame
    assert mimebundle(argmap.load(GEORGIA), exclude={"text/html"}).keys() == {
        "image/svg+xml", "text/markdown"}


def test_the_frame_carries_the_page_escaped() -> None:
    page = '<!DOCTYPE html><p title="x">a & b</p>'
    frame = iframe(page, title='A "title" <b>')
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc is not None and html.unescape(srcdoc.group(1)) == page
    assert 'title="Argument map: A &quot;title&quot; &lt;b&gt;"' in frame


@pytest.mark.dot
def test_a_notebook_run_by_a_kernel_shows_the_map(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    cells = [
        f"import argmap\nbrief = argmap.load({str(GEORGIA)!r})\nbrief",
        "argmap.show(brief, focus='russia-won', depth=1, evaluate=True)",
        "print(len(brief.statements))",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    first, second, third = (cell.outputs for cell in notebook.cells)

    (result,) = first
    assert result.output_type == "execute_result"
    assert list(result.data)[:3] == ["text/html", "image/svg+xml", "text/markdown"]
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', result.data["text/html"]).group(1))
    assert "Content-Security-Policy" in page and '"russia-should-show-magnanimity"' in page
    assert result.data["image/svg+xml"].lstrip().startswith("<?xml")
    assert "it could show magnanimity in victory" in result.data["text/markdown"]

    (focused,) = second
    assert next(iter(focused.data)) == "text/html"
    inner = html.unescape(re.search(r'srcdoc="([^"]*)"', focused.data["text/html"]).group(1))
    ids = set(re.findall(r'"id":"([a-z0-9-]+)"', inner))
    graph = argmap.ArgumentGraph(argmap.load(GEORGIA))
    assert "russia-won" in ids and ids < set(graph.nodes) | {brief_id(graph)}
    assert "Within 1 step of" in inner
    assert '"evaluate":true' in inner

    assert third[0].text.strip() == str(len(argmap.load(GEORGIA).statements))


def brief_id(graph: argmap.ArgumentGraph) -> str:
    return graph.brief.id
