"""``argmap.dump`` keeps the comments of the file a brief was loaded from, and still
``load(dump(b)) == b``."""

from __future__ import annotations

from pathlib import Path

import argmap

from .cli_support import BRIEFS
from .cli_support import argmap as run

BRIEF = """\
# yaml-language-server: $schema=../schema/brief.schema.json
argmap: 1
id: kept
title: Comments are kept
actors:
  c: {name: Council}   # the city council
claims:
  # Why this matters, for the next mapper.
  busy:
    text: Roads are busy.
    supports: [lanes]
  lonely: {text: Alone.}  # argmap: ignore[AM205]
recommendations:
  lanes:
    text: Build lanes.
    addressee: c
"""


def test_an_unchanged_brief_is_written_back_byte_for_byte(tmp_path: Path) -> None:
    for path in sorted(BRIEFS.glob("*.yaml")):
        out = tmp_path / path.name
        argmap.dump(argmap.load(path), out)
        assert out.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_an_edited_brief_keeps_its_comments(tmp_path: Path) -> None:
    source = tmp_path / "kept.yaml"
    source.write_text(BRIEF, encoding="utf-8")
    brief = argmap.load(source)
    brief.claims["busy"].text = "Roads are very busy."
    brief.recommendations["lanes"] = brief.recommendations["lanes"].model_copy(
        update={"text": "Build cycle lanes."})
    brief.premises["counted"] = argmap.Premise(text="Counts show it.", supports=["busy"])
    out = tmp_path / "out.yaml"
    argmap.dump(brief, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/brief.schema.json\n")
    assert "  lonely: {text: Alone.}  # argmap: ignore[AM205]\n" in text
    assert "  # Why this matters, for the next mapper.\n" in text
    assert "# the city council" in text
    assert "text: Roads are very busy." in text and "Build cycle lanes." in text
    assert argmap.load(out) == brief
    # The ignore comment still works: validate finds nothing to report on 'lonely'.
    done = run("validate", "--strict", "--isolated", str(out))
    assert "lonely" not in done.stdout, done.stdout


def test_a_brief_built_in_code_is_written_plainly(tmp_path: Path) -> None:
    brief = argmap.loads("argmap: 1\nid: x\ntitle: T\n# a comment\nclaims: {a: {text: A}}\n")
    text = argmap.dumps(brief)
    assert "# a comment" in text  # loaded from text: its comments are kept too
    built = argmap.Brief(argmap=1, id="built", title="Built in code")
    assert argmap.loads(argmap.dumps(built)) == built
