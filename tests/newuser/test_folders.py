"""``argmap evaluate`` and ``argmap chains`` take folders, as ``render`` and ``summary`` do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.newuser.cli_support import BRIEFS, argmap


def test_evaluate_reads_every_brief_in_a_folder() -> None:
    done = argmap("evaluate", str(BRIEFS))
    assert done.returncode == 0, done.stderr
    shipped = sorted(BRIEFS.glob("*.yaml"))
    assert len(shipped) == 2
    for path in shipped:
        assert str(path) in done.stdout
    assert done.stdout.count("(grounded semantics)") == len(shipped)


def test_evaluate_json_gives_one_document_a_brief_with_its_path() -> None:
    done = argmap("evaluate", str(BRIEFS), "-s", "dfquad", "--format", "json")
    assert done.returncode == 0, done.stderr
    documents = json.loads(done.stdout)
    assert [Path(d["path"]).name for d in documents] == sorted(
        p.name for p in BRIEFS.glob("*.yaml"))
    assert all(d["semantics"] == "dfquad" for d in documents)
    one = json.loads(argmap("evaluate", str(BRIEFS / "karasin-abashidze-2014.yaml"),
                            "-s", "dfquad", "--format", "json").stdout)
    assert "path" not in one  # one file keeps the document it always had
    assert one["results"] == documents[1]["results"]


def test_evaluate_says_when_a_folder_holds_no_brief(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("title: not a brief\n")
    done = argmap("evaluate", str(tmp_path))
    assert done.returncode == 2
    assert "no brief in" in done.stderr and "Traceback" not in done.stderr


def test_chains_finds_the_brief_in_a_folder_that_holds_the_target() -> None:
    folder = argmap("chains", str(BRIEFS), "russia-should-show-magnanimity")
    file = argmap("chains", str(BRIEFS / "georgia-russia-dialogue.yaml"),
                  "russia-should-show-magnanimity")
    assert folder.returncode == file.returncode == 0, folder.stderr
    assert folder.stdout == file.stdout
    assert "russia-holds-cards" in folder.stdout


def test_chains_in_a_folder_names_a_target_held_by_two_briefs(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(BRIEFS / "georgia-russia-dialogue.yaml", tmp_path / name)
    (tmp_path / "sources").symlink_to(BRIEFS / "sources")
    done = argmap("chains", str(tmp_path), "russia-should-show-magnanimity", cwd=tmp_path)
    assert done.returncode == 2
    assert "is in 2 briefs" in done.stderr


def test_chains_in_a_folder_suggests_the_id_meant() -> None:
    done = argmap("chains", str(BRIEFS), "russia-should-show-magnanimty")
    assert done.returncode == 2
    assert "did you mean 'russia-should-show-magnanimity'" in done.stderr
