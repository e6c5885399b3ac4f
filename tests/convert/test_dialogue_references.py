"""The reference checks cover the optional dialogue: speakers, what is asserted, replies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from argmap import check
from argmap.loading import read_text

HEAD = (
    "argmap: 1\nid: t\ntitle: T\n"
    "actors: {ann: {name: Ann Berg}, tom: {name: Tom Hale}}\n"
    "claims:\n  build: {text: Build it., speaker: ann}\n"
    "objections:\n  dear: {text: Too dear., attacks: [build]}\n"
    "arguments:\n  g: {premises: [dear], conclusion: build}\n"
    "dialogue:\n  locutions:\n"
    "    opens: {speaker: ann, text: Build the tram., asserts: [build]}\n"
)


def _findings(reply: str) -> list[tuple[str, int | None, str]]:
    result = read_text(HEAD + "    replies: " + reply + "\n", path="t.yaml")
    assert result.brief is not None, result.diagnostics
    return [(d.code, d.line, d.message + (f" ({d.hint})" if d.hint else ""))
            for d in check(result.brief) if d.code.startswith("AM1")]


def test_a_well_referenced_dialogue_has_no_reference_findings() -> None:
    assert _findings("{speaker: tom, text: Dear., asserts: [dear], replies_to: [opens]}") == []


def test_a_mistyped_speaker_is_undefined_with_a_hint() -> None:
    [(code, line, message)] = _findings("{speaker: tomm, text: Dear.}")
    assert (code, line) == ("AM101", 14)
    assert message == ("'replies' names 'tomm' as its speaker, but there is no actor with that "
                       "id (did you mean 'tom'?)")


def test_a_mistyped_assertion_and_reply_are_undefined_with_hints() -> None:
    found = _findings("{text: Dear., asserts: [deer], replies_to: [opnes]}")
    assert [(c, line) for c, line, _ in found] == [("AM101", 14), ("AM101", 14)]
    assert found[0][2] == ("the locution 'replies' asserts 'deer', but there is no statement "
                           "with that id (did you mean 'dear'?)")
    assert found[1][2] == ("the locution 'replies' replies to 'opnes', but there is no "
                           "locution with that id (did you mean 'opens'?)")


def test_references_of_the_wrong_kind_say_what_they_name() -> None:
    found = _findings("{speaker: build, text: Dear., asserts: [g], replies_to: [dear]}")
    assert [c for c, _, _ in found] == ["AM105", "AM105", "AM105"]
    messages = " | ".join(m for _, _, m in found)
    assert "which is a claim; 'speaker' must name an actor" in messages
    assert "which is an argument; 'asserts' must name a statement" in messages
    assert "which is an objection; 'replies_to' must name a locution" in messages


def test_the_cli_reports_a_dialogue_typo_at_its_line(tmp_path: Path) -> None:
    brief = tmp_path / "b.yaml"
    brief.write_text(HEAD + "    replies: {text: Dear., replies_to: [opnes]}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "argmap", "validate", str(brief)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode != 0
    assert "b.yaml:14:" in done.stdout + done.stderr
    assert "did you mean 'opens'?" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
