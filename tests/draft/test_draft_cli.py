"""`argmap draft`, `argmap draft --update` and `argmap coverage` through the real CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("syntok")

import argmap
from argmap.cli import app
from argmap.diagnostics import Severity

ROOT = Path(__file__).resolve().parents[2]
TEXTS = Path(__file__).parent / "texts"
runner = CliRunner()


def errors_of(path: Path) -> list[str]:
    result = argmap.read(path)
    assert result.brief is not None, [str(d) for d in result.diagnostics]
    found = result.diagnostics + argmap.check(result.brief)
    return [str(d) for d in found if d.severity is Severity.ERROR]


def place(tmp_path: Path, name: str) -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    return Path(shutil.copy(TEXTS / name, tmp_path / "sources" / name))


@pytest.mark.parametrize("name", ["news.txt", "policy.txt", "pdf.txt"])
def test_drafted_brief_loads_and_validates_without_errors(tmp_path: Path, name: str) -> None:
    source = place(tmp_path, name)
    out = tmp_path / "brief.yaml"
    result = runner.invoke(app, ["draft", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert errors_of(out) == []
    brief = argmap.load(out)
    assert brief.source is not None and brief.source.path == f"sources/{name}"
    assert brief.id == "brief"
    assert out.read_text(encoding="utf-8").startswith("# Drafted by `argmap draft`")


@pytest.mark.parametrize("path", sorted((ROOT / "briefs").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_sources_draft_to_valid_briefs(tmp_path: Path, path: Path) -> None:
    gold = argmap.load(path)
    assert gold.source is not None and gold.source.path is not None
    (tmp_path / "sources").mkdir()
    source = Path(shutil.copy(path.parent / gold.source.path, tmp_path / "sources"))
    out = tmp_path / "draft.yaml"
    assert runner.invoke(app, ["draft", str(source), "-o", str(out)]).exit_code == 0
    assert errors_of(out) == []


def test_the_console_command_runs_in_a_subprocess(tmp_path: Path) -> None:
    source = place(tmp_path, "policy.txt")
    out = tmp_path / "policy.yaml"
    done = subprocess.run([sys.executable, "-m", "argmap", "draft", str(source), "-o", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "drafted" in done.stderr and "all tagged draft" in done.stderr
    done = subprocess.run([sys.executable, "-m", "argmap", "validate", str(out)],
                          capture_output=True, text=True, check=False)
    assert " 0 errors" in done.stdout, done.stdout


@pytest.mark.parametrize(("content", "expected"), [
    (b"\x7fELF\x02\x01\x01\x00\x00\x00binary", "binary file"),
    (b"Caf\xe9 au lait.\n", ":1: the file is not UTF-8 text"),
    (b"  \n\n\t\n", "empty"),
])
def test_bad_input_is_a_message_and_exit_1(tmp_path: Path, content: bytes, expected: str) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    out = tmp_path / "out.yaml"
    result = runner.invoke(app, ["draft", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert expected in result.output and "bad.txt" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.cli.draft as command

    monkeypatch.setattr(command, "MAX_DRAFT_BYTES", 1000)
    source = tmp_path / "big.txt"
    source.write_text("Russia won. " * 200, encoding="utf-8")
    result = runner.invoke(app, ["draft", str(source), "-o", str(tmp_path / "o.yaml")])
    assert result.exit_code == 1 and "more than the 1,000" in result.output


def test_output_may_not_be_the_source_or_an_existing_brief(tmp_path: Path) -> None:
    source = place(tmp_path, "news.txt")
    before = source.read_bytes()
    result = runner.invoke(app, ["draft", str(source), "-o", str(source), "--force"])
    assert result.exit_code == 2 and "is the source itself" in result.output
    assert source.read_bytes() == before
    out = tmp_path / "news.yaml"
    out.write_text("analyst's work\n", encoding="utf-8")
    result = runner.invoke(app, ["draft", str(source), "-o", str(out)])
    assert result.exit_code == 2 and "--update" in result.output
    assert out.read_text(encoding="utf-8") == "analyst's work\n"
    assert runner.invoke(app, ["draft", str(tmp_path / "none.txt"), "-o", str(out)]).exit_code == 2


def test_update_keeps_confirmed_work_and_drafts_new_passages(tmp_path: Path) -> None:
    source = tmp_path / "sources" / "note.txt"
    source.parent.mkdir()
    source.write_text("Russia won the war. Russia should show magnanimity. "
                      "The risk is that Georgia claims victory.\n", encoding="utf-8")
    out = tmp_path / "note.yaml"
    assert runner.invoke(app, ["draft", str(source), "-o", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    # The analyst confirms the recommendation (drops its tag, rewrites its text).
    brief = argmap.load(out)
    rec = brief.recommendations["russia-should-show-magnanimity"]
    confirmed = rec.model_copy(update={"tags": [], "text": "Russia should be magnanimous.",
                                       "supports": []})
    brief = brief.model_copy(update={"recommendations": {
        "russia-should-show-magnanimity": confirmed}})
    argmap.dump(brief, out)
    assert text != out.read_text(encoding="utf-8")
    # The source changes: one sentence gone, one reworded, one new.
    source.write_text("Russia should show some magnanimity. The risk is that Georgia claims "
                      "victory. Georgia has the leverage.\n", encoding="utf-8")
    result = runner.invoke(app, ["draft", "--update", str(out)])
    assert result.exit_code == 0, result.output
    assert "re-found russia-should-show-magnanimity" in result.output
    assert "dropped russia-won-war" in result.output
    assert "Georgia has the leverage." in result.output
    updated = argmap.load(out)
    kept = updated.recommendations["russia-should-show-magnanimity"]
    assert kept.text == "Russia should be magnanimous." and kept.tags == []
    assert kept.quote == "Russia should show some magnanimity."
    assert "russia-won-war" not in updated.statements
    assert "georgia-leverage" in updated.statements
    assert errors_of(out) == []


def test_update_reports_a_lost_quote_and_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "s.txt"
    source.write_text("Russia won the war. Georgia lost.\n", encoding="utf-8")
    out = tmp_path / "s.yaml"
    assert runner.invoke(app, ["draft", str(source), "-o", str(out)]).exit_code == 0
    brief = argmap.load(out)
    premises = {k: v.model_copy(update={"tags": []}) for k, v in brief.premises.items()}
    argmap.dump(brief.model_copy(update={"premises": premises}), out)
    source.write_text("Something else entirely happened here.\n", encoding="utf-8")
    result = runner.invoke(app, ["draft", "--update", str(out)])
    assert result.exit_code == 1
    assert "lost russia-won-war" in result.output


def test_coverage_lists_unquoted_sentences(tmp_path: Path) -> None:
    source = tmp_path / "s.txt"
    source.write_text("Russia won the war.\nGeorgia lost.\nNobody knows what comes next.\n",
                      encoding="utf-8")
    brief = tmp_path / "b.yaml"
    brief.write_text("argmap: 1\nid: b\ntitle: B\nsource: {path: s.txt}\n"
                     "claims:\n  won: {text: Russia won., quote: Russia won the war.}\n",
                     encoding="utf-8")
    result = runner.invoke(app, ["coverage", str(brief)])
    assert result.exit_code == 0, result.output
    assert "s.txt:2:1: not quoted: Georgia lost." in result.output
    assert "s.txt:3:1: not quoted: Nobody knows what comes next." in result.output
    assert "1 of 3 sentences" in result.output
    assert runner.invoke(app, ["coverage", str(brief), "--fail-under", "50"]).exit_code == 1
    as_json = runner.invoke(app, ["coverage", str(brief), "--json"])
    assert '"quoted": 1' in as_json.output


def test_coverage_of_a_brief_without_source_is_a_message(tmp_path: Path) -> None:
    brief = tmp_path / "b.yaml"
    brief.write_text("argmap: 1\nid: b\ntitle: B\n", encoding="utf-8")
    result = runner.invoke(app, ["coverage", str(brief)])
    assert result.exit_code == 2 and "names no source" in result.output


def test_without_the_sentence_splitter_the_message_says_what_to_install(tmp_path: Path) -> None:
    source = place(tmp_path, "news.txt")
    program = ("import sys; sys.modules['syntok'] = None; sys.modules['syntok.segmenter'] = None\n"
               "from argmap.cli import main\n"
               f"main(['draft', {str(source)!r}, '-o', {str(tmp_path / 'n.yaml')!r}])\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2
    assert "pip install syntok" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "n.yaml").exists()


def test_a_text_of_headings_only_has_nothing_to_draft(tmp_path: Path) -> None:
    source = tmp_path / "h.txt"
    source.write_text("INTRODUCTION\n\nConclusions\n", encoding="utf-8")
    result = runner.invoke(app, ["draft", str(source), "-o", str(tmp_path / "h.yaml")])
    assert result.exit_code == 1 and "h.txt: the text has no sentence" in result.output
    assert not (tmp_path / "h.yaml").exists()


def test_draft_to_standard_output(tmp_path: Path) -> None:
    source = place(tmp_path, "pdf.txt")
    result = runner.invoke(app, ["draft", str(source), "-o", "-"])
    assert result.exit_code == 0
    assert "quote: The Turkish-Armenian commission has not met since 2010." in result.output
