"""``argmap convert`` through the real command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

import argmap
from argmap.cli import app

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "convert" / "aif"
BRIEF = ROOT / "briefs" / "georgia-russia-dialogue.yaml"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_a_brief_becomes_aif_and_comes_back(tmp_path: Path) -> None:
    code, _ = _run("convert", str(BRIEF), "-o", str(tmp_path / "map.json"))
    assert code == 0
    assert json.loads((tmp_path / "map.json").read_text())["nodes"]
    code, _ = _run("convert", str(tmp_path / "map.json"), "-o", str(tmp_path / "back.yaml"))
    assert code == 0
    assert argmap.load(tmp_path / "back.yaml").statements == argmap.load(BRIEF).statements


def test_an_ova_save_becomes_a_brief_with_its_text_as_source(tmp_path: Path) -> None:
    code, output = _run("convert", str(FIXTURES / "ova-school-meals.json"),
                        "-o", str(tmp_path / "meals.yaml"))
    assert code == 0
    assert "RA nodes without a premise or a conclusion: 1 left out (node 10 (RA))" in output
    assert (tmp_path / "sources" / "meals.txt").is_file()
    code, _ = _run("validate", str(tmp_path / "meals.yaml"))
    assert code == 0


def test_strict_refuses_a_lossy_conversion_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "meals.yaml"
    code, output = _run("convert", "--strict", str(FIXTURES / "ova-school-meals.json"),
                        "-o", str(out))
    assert code == 1
    assert "node 10 (RA)" in output
    assert not out.exists() and not (tmp_path / "sources").exists()


def test_malformed_input_names_file_and_node_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [{"nodeID": "n1", "type": "I", "text": ""}], "edges": []}')
    out = tmp_path / "out.yaml"
    code, output = _run("convert", str(bad), "-o", str(out))
    assert code == 1
    assert f"{bad}: node n1: the I node has no text" in output
    assert "Traceback" not in output
    assert not out.exists()


def test_folders_convert_file_by_file_with_explicit_formats(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for name in ("aifdb-debate.json", "ova-school-meals.json"):
        shutil.copy(FIXTURES / name, source / name)
    (source / "broken.json").write_text("{")
    code, output = _run("convert", str(source), "-o", str(tmp_path / "out"), "--to", "brief")
    assert code == 1
    assert "1 of 3 file(s) could not be converted" in output
    written = sorted(p.name for p in (tmp_path / "out").glob("*.yaml"))
    assert written == ["aifdb-debate.yaml", "ova-school-meals.yaml"]


def test_from_and_to_override_names(tmp_path: Path) -> None:
    out = tmp_path / "map.txt"
    code, _ = _run("convert", str(BRIEF), "-o", str(out), "--to", "ova")
    assert code == 0
    assert "AIF" in json.loads(out.read_text())
    code, output = _run("convert", str(BRIEF), "-o", str(tmp_path / "map.txt"))
    assert code == 2
    assert "cannot tell the format" in output


def test_a_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    code, output = _run("convert", str(tmp_path / "nope.json"), "-o", str(tmp_path / "x.yaml"))
    assert code == 2
    assert "no such file" in output


def test_argdown_in_and_out(tmp_path: Path) -> None:
    code, _ = _run("convert", str(BRIEF), "-o", str(tmp_path / "map.argdown"))
    assert code == 0
    assert (tmp_path / "map.argdown").read_text().startswith("===\n")
    code, _ = _run("convert", str(tmp_path / "map.argdown"), "-o", str(tmp_path / "back.yaml"))
    assert code == 0
    assert argmap.load(tmp_path / "back.yaml") == argmap.load(BRIEF)


def test_malformed_argdown_names_the_line_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: a\n\n  + [B]: b\n\n----\n")
    code, output = _run("convert", str(bad), "-o", str(tmp_path / "out.yaml"))
    assert code == 1
    assert f"{bad}: line 5: an inference line belongs between the numbered lines" in output
    assert not (tmp_path / "out.yaml").exists()
