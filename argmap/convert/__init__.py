"""Converting briefs to and from other argument-mapping formats.

One module a format, each reading or drawing the brief's :class:`~argmap.graph.ArgumentGraph`:
:mod:`argmap.convert.aif` (AIFdb JSON and OVA3 saves), :mod:`argmap.convert.argdown`, and
:mod:`argmap.convert.graphs` (networkx, GraphML, Cytoscape JSON). This module picks the format
from a file's name or content and reads or writes whole files, atomically.

>>> import argmap
>>> brief = argmap.loads('''
... argmap: 1
... id: tiny
... title: Tiny
... premises:
...   cards: {text: Russia holds the cards., supports: [magnanimity]}
... recommendations:
...   magnanimity: {text: Russia should be magnanimous.}
... ''')
>>> aif = argmap.to_aif(brief)
>>> sorted({node["type"] for node in aif["nodes"]})
['I', 'RA']
>>> argmap.from_aif(aif).statements.keys() == brief.statements.keys()
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from argmap.convert.common import Conversion, ConversionWarning, Losses
from argmap.errors import ConversionError
from argmap.model import Brief, Source

__all__ = [
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "Conversion",
    "ConversionWarning",
    "convert_file",
    "dumps_json",
    "format_for_input",
    "format_for_output",
    "from_aif",
    "from_argdown",
    "read_file",
    "render",
    "to_aif",
    "to_argdown",
    "to_networkx",
    "write_file",
]

#: Formats a file can be read from, and those a brief can be written to.
INPUT_FORMATS = ("brief", "aif", "ova", "argdown")
OUTPUT_FORMATS = ("brief", "aif", "ova", "argdown", "graphml", "cytoscape")

#: Output formats by the end of a file's name (longest first); a bare ``.json`` is AIF.
_OUTPUT_SUFFIXES = (
    (".brief.json", "brief"),
    (".aif.json", "aif"),
    (".ova.json", "ova"),
    (".cytoscape.json", "cytoscape"),
    (".cy.json", "cytoscape"),
    (".cyjs", "cytoscape"),
    (".graphml", "graphml"),
    (".argdown", "argdown"),
    (".ad", "argdown"),
    (".yaml", "brief"),
    (".yml", "brief"),
    (".aif", "aif"),
    (".ova", "ova"),
    (".json", "aif"),
)
_INPUT_SUFFIXES = {".yaml": "brief", ".yml": "brief", ".aif": "aif", ".ova": "ova",
                   ".argdown": "argdown", ".ad": "argdown"}

#: Input files larger than this are refused (the same bound as for briefs).
MAX_INPUT_BYTES = 64 * 1024 * 1024


def format_for_output(path: str | os.PathLike[str]) -> str | None:
    """The output format a file name asks for, or None when its suffix names none."""
    name = os.fspath(path).lower()
    for suffix, fmt in _OUTPUT_SUFFIXES:
        if name.endswith(suffix):
            return fmt
    return None


def _sniff_json(data: Any) -> str | None:
    if isinstance(data, dict):
        if "argmap" in data and ("title" in data or "id" in data) and "nodes" not in data:
            return "brief"
        if "AIF" in data:
            return "ova"
        if "nodes" in data:
            return "aif"
    return None


def format_for_input(path: str | os.PathLike[str], data: bytes | None = None) -> str | None:
    """The format of an input file, from its suffix or (for JSON) from what it holds."""
    suffix = Path(path).suffix.lower()
    if suffix in _INPUT_SUFFIXES and suffix not in (".aif", ".ova"):
        return _INPUT_SUFFIXES[suffix]
    if suffix in (".json", ".aif", ".ova") and data is not None:
        from argmap.convert.aif import parse_aif

        try:
            return _sniff_json(parse_aif(data, path=os.fspath(path)))
        except ConversionError:
            return "aif" if suffix != ".json" else None
    return None


def _read_bytes(path: Path) -> bytes:
    shown = os.fspath(path)
    if not path.exists():
        raise ConversionError("no such file", path=shown)
    if not path.is_file():
        raise ConversionError("this is not a regular file", path=shown)
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise ConversionError(f"the file is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,}",
                              path=shown)
    return path.read_bytes()


def read_file(path: str | os.PathLike[str], *, fmt: str | None = None,
              root: str | os.PathLike[str] | None = None) -> Conversion:
    """Read a file of any input format as a :class:`Conversion` (the brief, its text, losses).

    Raises :class:`~argmap.errors.ConversionError` naming the file and the element at fault.
    """
    file = Path(path)
    shown = os.fspath(path)
    data = _read_bytes(file)
    sniffed: Any = None
    if fmt is None and file.suffix.lower() in (".json", ".aif", ".ova"):
        from argmap.convert.aif import parse_aif

        sniffed = parse_aif(data, path=shown)
        fmt = _sniff_json(sniffed) or ("aif" if file.suffix.lower() != ".json" else None)
    fmt = fmt or format_for_input(file, data)
    if fmt is None and format_for_output(file) in ("graphml", "cytoscape"):
        raise ConversionError("argmap writes GraphML and Cytoscape JSON but does not read them",
                              path=shown)
    if fmt is None:
        raise ConversionError(
            "cannot tell the format from the name or the content; give --from "
            f"({', '.join(INPUT_FORMATS)})", path=shown)
    if fmt == "brief":
        from argmap.checks.sources import read_source
        from argmap.loading import read_bytes
        from argmap.quotes import SourceText

        result = read_bytes(data, file, root=root)
        errors = [d for d in result.diagnostics if d.severity.value == "error"]
        if result.brief is None or errors:
            first = (errors or result.diagnostics)[0]
            raise ConversionError(f"{first.code} {first.message}", path=shown,
                                  element=f"line {first.line}" if first.line else None)
        text = None
        if result.origin is not None:
            found = read_source(result.brief, result.origin.file, result.origin.root)
            text = found.text if isinstance(found, SourceText) else None
        return Conversion(result.brief, text)
    if fmt in ("aif", "ova"):
        from argmap.convert.aif import parse_aif, read_aif

        parsed = sniffed if sniffed is not None else parse_aif(data, path=shown)
        return read_aif(parsed, path=shown, brief_id=_brief_id(file))
    if fmt == "argdown":
        from argmap.convert.argdown import read_argdown

        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ConversionError("the file is not UTF-8 text", path=shown,
                                  element=f"byte {error.start}") from None
        return read_argdown(text, path=shown, brief_id=_brief_id(file))
    raise ConversionError(f"'{fmt}' is not a format argmap reads ({', '.join(INPUT_FORMATS)})",
                          path=shown)


def _brief_id(file: Path) -> str:
    from argmap.convert.common import slug

    name = file.name
    for suffix, _fmt in _OUTPUT_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return slug(name, words=8) or "imported-map"


def dumps_json(brief: Brief) -> str:
    """The brief as JSON text in the format's order; ``argmap.load`` reads it back equal."""
    data = brief.model_dump(mode="json", exclude_defaults=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render(brief: Brief, fmt: str, *, source_text: str | None = None,
           json_brief: bool = False) -> tuple[str, Losses]:
    """The brief as text in an output format, and what that format could not hold."""
    if fmt == "brief":
        if json_brief:
            return dumps_json(brief), Losses()
        from argmap.loading import dumps

        return dumps(brief), Losses()
    if fmt in ("aif", "ova"):
        from argmap.convert.aifwrite import write_aif

        data, losses = write_aif(brief, shape="ova" if fmt == "ova" else "aifdb",
                                 source_text=source_text)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n", losses
    if fmt == "argdown":
        from argmap.convert.argdownwrite import write_argdown

        return write_argdown(brief)
    if fmt == "graphml":
        from argmap.convert.graphs import to_graphml

        return to_graphml(brief), Losses()
    if fmt == "cytoscape":
        from argmap.convert.graphs import cytoscape_text

        return cytoscape_text(brief), Losses()
    raise ConversionError(f"'{fmt}' is not a format argmap writes ({', '.join(OUTPUT_FORMATS)})")


def write_file(conversion: Conversion | Brief, path: str | os.PathLike[str], *,
               fmt: str | None = None) -> Losses:
    """Write a brief (or a conversion's brief) to ``path`` in ``fmt`` (default: from the name).

    A brief written from a conversion that brought the map's text along gets that text as its
    source, in ``sources/NAME.txt`` beside it, and its quotes point into it. Every file is
    written atomically.
    """
    from argmap.loading import write_atomic

    if isinstance(conversion, Brief):
        conversion = Conversion(conversion)
    target = Path(path)
    fmt = fmt or format_for_output(target)
    if fmt is None:
        raise ConversionError(
            "cannot tell the output format from the name; give --to "
            f"({', '.join(OUTPUT_FORMATS)})", path=os.fspath(path))
    brief = conversion.brief
    extra: list[tuple[Path, str]] = []
    if fmt == "brief" and conversion.source_text:
        # Always beside the brief under a name of argmap's choosing: a path named in the
        # input is never where anything is written.
        stem = target.name.split(".")[0] or "source"
        relative = f"sources/{stem}.txt"
        extra.append((target.parent / relative, conversion.source_text))
        source = brief.source or Source()
        brief = brief.model_copy(update={"source": source.model_copy(update={"path": relative})})
    text, losses = render(brief, fmt, source_text=conversion.source_text,
                          json_brief=target.suffix.lower() == ".json")
    for file, content in extra:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, content)
    write_atomic(target, text)
    return losses


def convert_file(source: str | os.PathLike[str], target: str | os.PathLike[str], *,
            from_: str | None = None, to: str | None = None, strict: bool = False) -> Losses:
    """Convert one file to another format; returns what the conversion left out.

    With ``strict``, anything left out is a :class:`~argmap.errors.ConversionError` and
    nothing is written.
    """
    conversion = read_file(source, fmt=from_)
    conversion.losses.raise_if(strict, os.fspath(source))
    fmt = to or format_for_output(target)
    if strict and fmt is not None:
        _text, losses = render(conversion.brief, fmt, source_text=conversion.source_text)
        losses.raise_if(strict, os.fspath(target))
    written = write_file(conversion, target, fmt=fmt)
    merged = Losses({**conversion.losses.groups})
    for what, elements in written.groups.items():
        for element in elements:
            merged.add(what, element)
    return merged


def from_aif(source: str | os.PathLike[str] | Mapping[str, Any], *,
             strict: bool = False) -> Brief:
    """A brief from AIF: a file (AIFdb JSON or an OVA3 save) or data already parsed.

    What has no place in a brief is reported in one :class:`ConversionWarning` (with
    ``strict``: a :class:`~argmap.errors.ConversionError`). :func:`read_file` also gives the
    map's text and the losses themselves.
    """
    from argmap.convert.aif import read_aif

    if isinstance(source, Mapping):
        conversion = read_aif(dict(source), path="<aif>")
        shown = "<aif>"
    else:
        shown = os.fspath(source)
        conversion = read_file(source, fmt=None)
    conversion.losses.raise_if(strict, shown)
    conversion.losses.warn(shown)
    return conversion.brief


def to_aif(brief: Brief, *, shape: str = "aifdb", strict: bool = False) -> dict[str, Any]:
    """The brief as AIF data: ``shape="aifdb"`` (nodes, edges, locutions) or ``"ova"``.

    What AIF cannot hold is reported in one :class:`ConversionWarning` (with ``strict``: a
    :class:`~argmap.errors.ConversionError`).
    """
    from argmap.convert.aifwrite import write_aif

    data, losses = write_aif(brief, shape=shape)
    losses.raise_if(strict, brief.id)
    losses.warn(brief.id)
    return data




def from_argdown(source: str | os.PathLike[str], *, strict: bool = False) -> Brief:
    """A brief from an Argdown file (``.argdown``); like :func:`from_aif` in all else.

    Argdown text itself (not a path) goes through :func:`argmap.convert.argdown.read_argdown`.
    """
    shown = os.fspath(source)
    conversion = read_file(source, fmt="argdown")
    conversion.losses.raise_if(strict, shown)
    conversion.losses.warn(shown)
    return conversion.brief


def to_argdown(brief: Brief, *, strict: bool = False) -> str:
    """The brief as Argdown text that the Argdown tools read; losses as in :func:`to_aif`."""
    from argmap.convert.argdownwrite import write_argdown

    text, losses = write_argdown(brief)
    losses.raise_if(strict, brief.id)
    losses.warn(brief.id)
    return text


def to_networkx(brief: Brief) -> Any:
    """The brief's argument graph as a ``networkx.MultiDiGraph`` (``pip install
    'argmap[graph]'``): a node per statement and argument, an edge per relation, typed."""
    from argmap.convert.graphs import to_networkx as build

    return build(brief)
