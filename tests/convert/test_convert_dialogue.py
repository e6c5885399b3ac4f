"""Dialogue through AIF: locutions (L), what they assert (YA) and replies (TA) come back."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import argmap
from argmap.convert import read_file
from argmap.convert.aif import read_aif
from argmap.convert.aifwrite import write_aif

ROOT = Path(__file__).resolve().parents[2]
DEBATE = ROOT / "tests" / "fixtures" / "convert" / "aif" / "aifdb-debate.json"


def test_locutions_keep_speaker_words_time_and_replies() -> None:
    dialogue = read_file(DEBATE).brief.dialogue
    assert dialogue is not None
    first, second = dialogue.locutions.values()
    assert (first.speaker, first.text, first.timestamp) == (
        "anna-berg", "The city should build the tram line.", "2024-03-01 10:00:00")
    assert first.asserts == ["the-city-should-build-the-tram"]
    assert second.speaker == "tom-hale"
    assert second.replies_to == [next(iter(dialogue.locutions))]


def test_aifdb_to_brief_to_aifdb_keeps_every_node_and_edge() -> None:
    original = json.loads(DEBATE.read_text())
    back, losses = write_aif(read_file(DEBATE).brief)
    assert not losses
    assert Counter(n["type"] for n in back["nodes"]) == Counter(
        n["type"] for n in original["nodes"])
    assert len(back["edges"]) == len(original["edges"])
    assert len(back["locutions"]) == len(original["locutions"])
    texts = sorted(n["text"] for n in back["nodes"] if n["type"] == "L")
    assert texts == sorted(n["text"] for n in original["nodes"] if n["type"] == "L")


def test_a_brief_with_a_dialogue_comes_back_whole() -> None:
    brief = read_file(DEBATE).brief
    data, _ = write_aif(brief)
    assert read_aif(json.loads(json.dumps(data))).brief == brief
    assert argmap.loads(argmap.dumps(brief)) == brief


def test_speakers_alone_do_not_become_a_dialogue() -> None:
    brief = argmap.load(ROOT / "briefs" / "karasin-abashidze-2014.yaml")
    data, _ = write_aif(brief)
    assert "L" in {n["type"] for n in data["nodes"]}
    back = read_aif(json.loads(json.dumps(data))).brief
    assert back.dialogue is None
    assert back == brief


def test_a_written_dialogue_comes_back_as_written() -> None:
    brief = argmap.loads(
        "argmap: 1\nid: x\ntitle: X\n"
        "actors: {ann: {name: Ann Berg}, tom: {name: Tom Hale}}\n"
        "claims:\n  build: {text: Build it., speaker: ann}\n"
        "objections:\n  dear: {text: Too dear., attacks: [build]}\n"
        "dialogue:\n  locutions:\n"
        "    opens: {speaker: ann, text: Build the tram., asserts: [build]}\n"
        "    replies: {speaker: tom, text: It costs more., asserts: [dear],\n"
        "              illocution: Challenging, replies_to: [opens]}\n")
    data, losses = write_aif(brief)
    assert not losses
    assert [n["text"] for n in data["nodes"] if n["type"] == "YA"] == ["Asserting", "Challenging"]
    assert read_aif(json.loads(json.dumps(data))).brief == brief
