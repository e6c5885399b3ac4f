"""The interactive HTML map: one self-contained page that opens from disk with no network.

Graphviz lays the map out when the page is written (``dot -Tjson0`` on the same DOT that
:func:`~argmap.publish.to_dot` writes, so the page shows the picture the static formats show);
the page's own script, shipped beside this module as ``map.js`` and ``map.css``, draws it from
that layout and lets a reader pan, zoom, search, read a statement's details, follow its
relations, collapse sections, and switch the evaluation and its semantics.

Brief text is data, never markup: everything the page shows travels in one
``<script type="application/json">`` element (with ``<``, ``>`` and ``&`` escaped, so no text
can close it), and the script puts each string into the page with ``textContent``. A
Content-Security-Policy allows only the page's own script and stylesheet (by hash), no inline
handlers and nothing from the network.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from argmap.analysis import VERDICT_WORDS
from argmap.errors import DotNotFoundError, RenderError
from argmap.graph import ArgumentGraph, EdgeKind, NodeKind
from argmap.model import Argument, Brief, Recommendation
from argmap.publish.dot import to_dot
from argmap.publish.graphviz_exe import _NOT_FOUND, DEFAULT_TIMEOUT, find_dot, run_dot
from argmap.publish.style import EDGE_STYLES, KIND_STYLES
from argmap.publish.text import clean, wrap
from argmap.publish.view import addressee_names, as_graph, select, speaker_name

__all__ = ["CONTEXT_CHARACTERS", "diagnostic_data", "layout_data", "page", "script_json", "to_html"]

#: Characters of the source shown on either side of a quote, extended to whole sentences.
CONTEXT_CHARACTERS = 240
_POINTS_PER_INCH = 72.0


@dataclass(frozen=True)
class _Placeholder:
    """An evaluation that gives every node the widest verdict line, for the layout only.

    The page shows a verdict line under each statement when the reader turns the evaluation
    on; Graphviz sizes each node with that line in it, so turning it on moves nothing.
    """

    labels: Mapping[str, str]
    strengths: Mapping[str, float]


def to_html(
    subject: Brief | ArgumentGraph,
    *,
    group: str = "section",
    direction: str = "BT",
    width: int = 30,
    focus: str | None = None,
    depth: int = 2,
    caption: str | None = None,
    evaluate: bool = False,
    semantics: str = "grounded",
    timeout: float | None = DEFAULT_TIMEOUT,
    diagnostics: Sequence[Any] = (),
    live: str | None = None,
) -> str:
    """The brief as one interactive HTML page (a ``str``), laid out by Graphviz now.

    ``group`` boxes the statements by ``"section"`` (the default: sections can then be
    collapsed), ``"speaker"``, ``"addressee"`` or ``"none"``; ``direction`` and ``width`` are as
    for :func:`~argmap.publish.to_dot`, and so are ``focus`` and ``depth`` (a view of the
    statements near one id); ``caption`` is a line under the title. The page holds the results
    of every semantics; ``evaluate`` and ``semantics`` choose what it shows first.
    ``diagnostics`` (objects with ``code``, ``severity``, ``message`` and ``line``) are listed
    beside the map; ``live`` is the URL of an event stream that tells the page to reload
    (used by ``argmap serve``). Needs a ``dot`` program
    (:class:`~argmap.errors.DotNotFoundError` without one).
    """
    data = layout_data(subject, group=group, direction=direction, width=width, focus=focus,
                       depth=depth, timeout=timeout)
    data["view"] = {"evaluate": bool(evaluate), "semantics": semantics}
    if caption is None and focus is not None:
        caption = f"Within {depth} step{'s' if depth != 1 else ''} of: " + \
            as_graph(subject).nodes[focus].text
    if caption:
        data["caption"] = clean(caption)
    data["diagnostics"] = [diagnostic_data(d) for d in diagnostics]
    graph = as_graph(subject)
    return page(data, title=clean(graph.brief.title), live=live)


def layout_data(
    subject: Brief | ArgumentGraph,
    *,
    group: str = "section",
    direction: str = "BT",
    width: int = 30,
    focus: str | None = None,
    depth: int = 2,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> dict[str, Any]:
    """Everything the page draws and shows, as plain JSON-ready data (see ``map.js``)."""
    if find_dot() is None:
        raise DotNotFoundError(_NOT_FOUND.format(what="the interactive HTML map"))
    graph = as_graph(subject)
    brief = graph.brief
    view = select(graph, group=group, focus=focus, depth=depth)
    placeholder = _Placeholder(
        dict.fromkeys(graph.nodes, "in"), dict.fromkeys(graph.nodes, 0.0)
    )
    source = to_dot(graph, group=group, direction=direction, legend=False, title=False,
                    evaluation=placeholder, width=width, focus=focus, depth=depth)
    try:
        layout = json.loads(run_dot(source, "json0", timeout=timeout))
    except ValueError as error:
        raise RenderError(f"Graphviz wrote a layout argmap cannot read: {error}") from error

    height = float(str(layout.get("bb", "0,0,0,0")).split(",")[3])
    positions = _node_positions(layout, height)
    order = [node.id for node in view.nodes if node.id in positions]
    index = {key: i for i, key in enumerate(order)}
    contexts = _quote_contexts(brief, graph, order)
    nodes = [_node(graph, key, positions[key], width, contexts.get(key, [])) for key in order]
    edges = _edges(layout, graph, index, height)
    undercuts = _relation_undercuts(graph, edges, index)
    clusters = _clusters(layout, view.clusters, index, height)
    bounds = [float(v) for v in str(layout.get("bb", "0,0,0,0")).split(",")]
    return {
        "format": 1,
        "title": clean(brief.title),
        "id": clean(brief.id),
        "summary": clean(brief.summary or ""),
        "authors": [clean(a) for a in brief.authors],
        "date": clean(brief.date or ""),
        "source": _source(brief),
        "size": [round(bounds[2], 1), round(bounds[3], 1)],
        "kinds": {kind.value: _kind_style(kind) for kind in KIND_STYLES},
        "edgeKinds": {kind.value: {"name": style.name, "colour": style.colour,
                                   "line": style.style, "head": style.arrowhead}
                      for kind, style in EDGE_STYLES.items()},
        "verdictWords": dict(VERDICT_WORDS),
        "nodes": nodes,
        "edges": edges,
        "undercuts": undercuts,
        "clusters": clusters,
        "questions": _questions(brief, index),
        "evaluations": _evaluations(graph, order),
    }


# --- the page ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    folder = resources.files(__package__)
    script = folder.joinpath("map.js").read_text(encoding="utf-8")
    style = folder.joinpath("map.css").read_text(encoding="utf-8")
    return script, style


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def script_json(data: Any) -> str:
    """``data`` as JSON that can sit inside a ``<script>`` element: no text can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page(data: Mapping[str, Any], *, title: str, live: str | None = None) -> str:
    """The HTML page around ``data`` (what :func:`layout_data` returns, or an error page's)."""
    script, style = _assets()
    payload = dict(data)
    if live is not None:
        payload["live"] = live
    connect = " connect-src 'self';" if live is not None else ""
    policy = (f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
              f"img-src data:;{connect} base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="argmap">\n'
        f"<title>{html.escape(title or 'Argument map')}</title>\n"
        f"<style>{style}</style>\n</head>\n<body>\n"
        "<noscript><p>This argument map needs JavaScript to draw itself.</p></noscript>\n"
        '<script type="application/json" id="argmap-data">'
        f"{script_json(payload)}</script>\n"
        f"<script>{script}</script>\n"
        "</body>\n</html>\n"
    )


# --- pieces of the data -----------------------------------------------------------------------


def _kind_style(kind: NodeKind) -> dict[str, Any]:
    style = KIND_STYLES[kind]
    return {"name": style.name, "shape": style.shape, "fill": style.fill, "border": style.border,
            "font": style.font, "rounded": "rounded" in style.style,
            "bold": "bold" in style.style}


def _node_positions(layout: Mapping[str, Any], height: float) -> dict[str, list[float]]:
    """Each node's centre and size in page coordinates (y grows downwards), by brief id."""
    found: dict[str, list[float]] = {}
    for item in layout.get("objects", ()):
        name = str(item.get("name", ""))
        if "nodes" in item or not name.startswith("s:") or "pos" not in item:
            continue
        x, y = (float(v) for v in str(item["pos"]).split(",")[:2])
        found[name[2:]] = [round(x, 1), round(height - y, 1),
                           round(float(item.get("width", 0)) * _POINTS_PER_INCH, 1),
                           round(float(item.get("height", 0)) * _POINTS_PER_INCH, 1)]
    return found


def _edges(layout: Mapping[str, Any], graph: ArgumentGraph, index: Mapping[str, int],
           height: float) -> list[list[Any]]:
    """Each edge as [source, target, kind, undercut, path points, arrow end].

    DOT draws an option from the option up to its question, and a single support or attack
    that something undercuts in two pieces, through a point the undercut ends at (see
    :mod:`argmap.publish.dot`); the page gets each as one path from source to target.
    """
    names = {item.get("_gvid"): str(item.get("name", ""))
             for item in layout.get("objects", ()) if "nodes" not in item}
    drawn: dict[tuple[str, str], list[list[float]]] = {}
    for item in layout.get("edges", ()):
        tail, head = names.get(item.get("tail")), names.get(item.get("head"))
        if tail is None or head is None or "pos" not in item:
            continue
        drawn.setdefault((tail, head), []).append(_spline(str(item["pos"]), height))

    def path(tail: str, head: str) -> list[float]:
        paths = drawn.get((tail, head))
        return paths.pop(0) if paths else []

    edges: list[list[Any]] = []
    for edge in graph.edges:
        if edge.source not in index or edge.target not in index:
            continue
        source, target = "s:" + edge.source, "s:" + edge.target
        if edge.kind is EdgeKind.OPTION:
            points = path(target, source)
        elif (source, target) in drawn:
            points = path(source, target)
        else:  # drawn through the point of an undercut relation
            point = f"r:{edge.kind.value}:{edge.source}->{edge.target}"
            points = _joined(path(source, point), path(point, target))
        edges.append([index[edge.source], index[edge.target], edge.kind.value,
                      edge.is_undercut, points])
    return edges


def _joined(first: list[float], second: list[float]) -> list[float]:
    """Two of :func:`_spline`'s paths as one, with a straight piece across the gap between."""
    if not first or not second:
        return first or second
    return first[:-2] + first[-4:-2] + second[:2] + second[:2] + second[2:]


def _relation_undercuts(graph: ArgumentGraph, edges: Sequence[list[Any]],
                        index: Mapping[str, int]) -> list[list[int]]:
    """Each undercut of a single support or attack as [undercutter, the edge it denies]."""
    position = {(e[0], e[1], e[2]): i for i, e in enumerate(edges)}
    found = []
    for edge in getattr(graph, "undercuts", ()):
        relation = edge.relation
        if relation is None or edge.source not in index:
            continue
        denied = position.get((index.get(relation.source), index.get(relation.target),
                               relation.kind.value))
        if denied is not None:
            found.append([index[edge.source], denied])
    return found


def _spline(pos: str, height: float) -> list[float]:
    """Graphviz's edge ``pos`` ("e,x,y x,y x,y ...") as a flat list: the cubic Bezier points,
    then the point the arrowhead ends at (the last point again when there is none)."""
    start: list[float] | None = None
    end: list[float] | None = None
    points: list[float] = []
    for part in pos.split():
        if part.startswith(("e,", "s,")):
            _, x, y = part.split(",")
            pair = [round(float(x), 1), round(height - float(y), 1)]
            if part[0] == "e":
                end = pair
            else:
                start = pair
            continue
        x, y = part.split(",")[:2]
        points += [round(float(x), 1), round(height - float(y), 1)]
    if start is not None:
        points = start + points
    return points + (end if end is not None else points[-2:])


def _clusters(layout: Mapping[str, Any], clusters: Iterable[Any], index: Mapping[str, int],
              height: float) -> list[dict[str, Any]]:
    boxes: dict[int, list[float]] = {}
    for item in layout.get("objects", ()):
        name = str(item.get("name", ""))
        if name.startswith("cluster_") and "bb" in item:
            x0, y0, x1, y1 = (float(v) for v in str(item["bb"]).split(","))
            boxes[int(name[8:])] = [round(x0, 1), round(height - y1, 1), round(x1 - x0, 1),
                                    round(y1 - y0, 1)]
    return [{"title": cluster.title, "box": boxes[number],
             "members": [index[key] for key in cluster.members if key in index]}
            for number, cluster in enumerate(clusters) if number in boxes]


def _node(graph: ArgumentGraph, key: str, box: list[float], width: int,
          quotes: list[dict[str, Any]]) -> dict[str, Any]:
    node = graph.nodes[key]
    item = node.item
    out: dict[str, Any] = {"id": clean(key), "kind": node.kind.value, "box": box}
    if isinstance(item, Argument):
        out["text"] = clean(item.text or "")
        out["quotes"] = quotes
        if item.note:
            out["note"] = clean(item.note)
        return out
    text = clean(item.text)
    out["text"] = text
    out["lines"] = wrap(text, width)
    if isinstance(item, Recommendation) and item.addressees:
        names = addressee_names(graph, item)
        out["addressees"] = names
        out["to"] = wrap("\u2192 " + ", ".join(names), width)
    speaker = getattr(item, "speaker", None)  # a question has none
    if speaker:
        actor = graph.actors.get(speaker)
        out["speaker"] = clean(actor.name if actor is not None else speaker)
        # The static map's small line above the text, "Grigory Karasin:", drawn alike.
        out["said"] = wrap(speaker_name(graph, speaker) + ":", width)
    for field in ("section", "qualifier", "likelihood", "confidence", "note"):
        value = getattr(item, field, None)
        if value:
            out[field] = clean(str(value))
    for field in ("conditions", "indicators", "tags"):
        values = getattr(item, field, None)
        if values:
            out[field] = [clean(str(v)) for v in values]
    if getattr(item, "implicit", False):
        out["implicit"] = True
    if quotes:
        out["quotes"] = quotes
    return out


def _quote_contexts(brief: Brief, graph: ArgumentGraph,
                    keys: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Each quote with the sentences around it in the source, and its line, where found.

    The source is read only as the checks read it (inside the brief's allowed root); when it
    cannot be read, the quotes are shown without context.
    """
    from argmap.checks.sources import read_source

    origin = getattr(brief, "_origin", None)
    text_source: Any = None
    if origin is not None and getattr(origin, "file", None) is not None:
        text_source = read_source(brief, origin.file, origin.root)
    wanted: list[tuple[str, str]] = []
    for key in keys:
        for quote in graph.nodes[key].item.quotes:
            wanted.append((key, quote))
    result: dict[str, list[dict[str, Any]]] = {}
    matches: list[Any] = [None] * len(wanted)
    if wanted and text_source is not None and not isinstance(text_source, str):
        matches = text_source.find_all([quote for _, quote in wanted])
    original = text_source.text if text_source is not None and not isinstance(
        text_source, str) else ""
    for (key, quote), match in zip(wanted, matches, strict=True):
        entry: dict[str, Any] = {"text": clean(quote)}
        if match is not None:
            entry["line"] = match.line
            entry["before"] = clean(_before(original, match.start))
            entry["after"] = clean(_after(original, match.end))
        result.setdefault(key, []).append(entry)
    return result


# The end of a sentence: its mark, any closing quote or bracket, and the white space after it.
# (Blank lines are no guide: text extracted from a PDF has them inside sentences.)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")


def _before(text: str, start: int) -> str:
    """From the start of the sentence before the quote's sentence up to the quote."""
    low = max(0, start - CONTEXT_CHARACTERS)
    window = text[low:start]
    starts = [match.end() for match in _SENTENCE_END.finditer(window)]
    if len(starts) >= 2:
        return window[starts[-2]:]
    return window if low == 0 else "\u2026" + window


def _after(text: str, end: int) -> str:
    """The rest of the quote's sentence and the sentence after it."""
    window = text[end:end + CONTEXT_CHARACTERS]
    wanted = 1 if text[end - 1:end] in (".", "!", "?") else 2
    ends = [match.start() + 1 for match in _SENTENCE_END.finditer(window)]
    if len(ends) >= wanted:
        return window[:ends[wanted - 1]]
    return window if end + CONTEXT_CHARACTERS >= len(text) else window + "\u2026"


def _source(brief: Brief) -> dict[str, str]:
    source = brief.source
    if source is None:
        return {}
    out: dict[str, str] = {}
    if source.title:
        out["title"] = clean(source.title)
    if source.url and source.url.lower().startswith(("https://", "http://")):
        out["url"] = clean(source.url)
    if source.path:
        out["file"] = clean(Path(source.path).name)
    return out


def _questions(brief: Brief, index: Mapping[str, int]) -> list[dict[str, Any]]:
    """The brief's questions and the options that answer them (when the format has them)."""
    questions = getattr(brief, "questions", None) or {}
    out = []
    for key, question in questions.items():
        options = [index[o] for o in getattr(question, "options", ()) if o in index]
        out.append({"id": clean(key), "text": clean(getattr(question, "text", "") or key),
                    "options": options})
    return out


def _evaluations(graph: ArgumentGraph, order: Sequence[str]) -> dict[str, Any]:
    """Every semantics' verdicts and strengths, as lists in the order of the page's nodes."""
    from argmap.analysis import evaluate
    from argmap.evaluation import SEMANTICS

    results: dict[str, Any] = {}
    for name in SEMANTICS:
        try:
            outcome = evaluate(graph, name)
        except (ValueError, ArithmeticError):  # a semantics that cannot evaluate this map
            continue
        results[name] = {
            "labels": [outcome.labels.get(key) for key in order],
            "strengths": ([None if (s := outcome.strengths.get(key)) is None
                           else round(float(s), 3) for key in order]
                          if outcome.strengths else []),
        }
    return results


def diagnostic_data(diagnostic: Any) -> dict[str, Any]:
    """A finding (an :class:`argmap.Diagnostic`) as the page lists it."""
    severity = getattr(diagnostic, "severity", "")
    return {
        "code": clean(str(getattr(diagnostic, "code", ""))),
        "severity": clean(str(getattr(severity, "value", severity))),
        "message": clean(str(getattr(diagnostic, "message", diagnostic))),
        "line": getattr(diagnostic, "line", None),
        "file": clean(str(getattr(diagnostic, "path", "") or "")),
    }
