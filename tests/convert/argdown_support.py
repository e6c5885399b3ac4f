"""The real Argdown parser (npm @argdown/cli in tools/node), and the shape both readings share.

``argdown_json(path)`` runs ``argdown json FILE --stdout --silent``; ``real_reading`` and
``our_reading`` turn its export and :func:`argmap.convert.argdown.parse_argdown` into the same
plain data, so a test can compare them whole.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from argmap.convert.argdown import ArgdownMap

ROOT = Path(__file__).resolve().parents[2]
_LOCAL = ROOT / "tools" / "node" / "node_modules" / ".bin" / "argdown"


def argdown_program() -> str | None:
    """The argdown command: the one tools/node installs, else one on PATH; None without node."""
    if shutil.which("node") is None:
        return None
    if _LOCAL.exists():
        return str(_LOCAL)
    return shutil.which("argdown")


needs_argdown = pytest.mark.skipif(
    argdown_program() is None,
    reason="needs node and @argdown/cli (npm ci --prefix tools/node)",
)


def argdown_json(path: Path) -> dict[str, Any]:
    """What the real Argdown parser exports for a file; a syntax error fails the test."""
    program = argdown_program()
    assert program is not None
    done = subprocess.run([program, "json", str(path), "--stdout", "--silent"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stdout.strip(), (
        f"argdown could not read {path}:\n{done.stderr}\n{done.stdout[:2000]}")
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


_KINDS = {"equivalence-class": "statement", "argument": "argument", "inference": "inference"}


def real_reading(data: dict[str, Any]) -> dict[str, Any]:
    titles: dict[str, str] = {}
    sections: list[tuple[str, int]] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            titles[item["id"]] = item["title"]
            sections.append((item["title"], item["level"]))
            walk(item.get("children", []))

    walk(data.get("sections", []))
    statements = {}
    for title, ec in data["statements"].items():
        members = ec["members"]
        texts = [_words(m.get("text")) for m in members
                 if not m.get("isReference") and _words(m.get("text"))]
        tags = []
        for member in members:
            tags.extend(t for t in member.get("tags", []) if t not in tags)
        statements[title] = {"texts": texts, "tags": sorted(tags),
                             "section": titles.get(members[0].get("section", ""))}
    arguments = {}
    for title, argument in data["arguments"].items():
        descriptions = [_words(m.get("text")) for m in argument["members"]
                        if not m.get("isReference") and _words(m.get("text"))]
        pcs = [(p["role"], p["title"],
                list((p.get("inference") or {}).get("inferenceRules") or []))
               for p in argument.get("pcs", [])]
        arguments[title] = {"descriptions": descriptions, "pcs": pcs}
    relations = sorted({(r["relationType"], r["from"], _KINDS[r["fromType"]], r["to"],
                         _KINDS[r["toType"]]) for r in data["relations"]})
    return {"statements": statements, "arguments": arguments, "relations": relations,
            "sections": sections, "tags": sorted(data.get("tags", {}))}


def our_reading(document: ArgdownMap) -> dict[str, Any]:
    return {
        "statements": {title: {"texts": s.texts, "tags": sorted(s.tags), "section": s.section}
                       for title, s in document.statements.items()},
        "arguments": {title: {"descriptions": a.descriptions, "pcs": a.pcs}
                      for title, a in document.arguments.items()},
        "relations": sorted(set(document.relations)),
        "sections": document.sections,
        "tags": sorted(document.tags),
    }
