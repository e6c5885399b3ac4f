"""``argmap render`` and ``summary`` refuse a brief with errors, saying what ``validate`` says,
unless asked to draw it anyway; ``check-rendered`` says what is wrong in its own words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .cli_support import BRIEFS, argmap

CYCLE = """\
argmap: 1
id: cycle
title: A cycle and a dangling attack
claims:
  a: {text: A holds., supports: [b]}
  b: {text: B holds., supports: [a]}
objections:
  o: {text: O objects., attacks: [nowhere]}
"""

GOOD = """\
argmap: 1
id: good
title: Good
actors: {c: {name: Council}}
premises:
  busy: {text: Roads are busy., supports: [lanes]}
recommendations:
  lanes: {text: Build lanes., addressee: c}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "cycle.yaml").write_text(CYCLE, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("command", "out"), [("render", "map.dot"), ("render", "map.mmd"),
                                              ("summary", "map.md")])
def test_a_brief_with_errors_is_not_drawn(folder: Path, command: str, out: str) -> None:
    validated = argmap("validate", "cycle.yaml", cwd=folder)
    done = argmap(command, "cycle.yaml", "-o", out, cwd=folder)
    assert done.returncode == 1, done.stderr
    assert not (folder / out).exists()
    # The same diagnostics as validate, then what happened and what to do.
    diagnostics = validated.stdout.splitlines()[:-1]
    assert len(diagnostics) == 2
    assert done.stderr.splitlines() == [
        *diagnostics,
        "argmap: cycle.yaml has 2 errors; nothing written (fix them, or pass --force to use "
        "it anyway)",
    ]


@pytest.mark.parametrize(("command", "out"), [("render", "map.dot"), ("summary", "map.md")])
def test_force_draws_it_anyway(folder: Path, command: str, out: str) -> None:
    done = argmap(command, "cycle.yaml", "-o", out, "--force", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert "AM201 error: circular support" in done.stderr
    assert "anyway (--force)" in done.stderr
    assert "O objects." in (folder / out).read_text(encoding="utf-8")


def test_force_draws_a_brief_with_field_errors_from_what_validates(folder: Path) -> None:
    (folder / "typo.yaml").write_text(GOOD.replace("text: Build", "txet: Build"),
                                      encoding="utf-8")
    assert argmap("render", "typo.yaml", "-o", "typo.dot", cwd=folder).returncode == 1
    done = argmap("render", "typo.yaml", "-o", "typo.dot", "--force", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert "AM011 error: unknown key 'txet'" in done.stderr
    assert "Build lanes." in (folder / "typo.dot").read_text(encoding="utf-8")


def test_a_folder_draws_the_good_briefs_and_fails_for_the_broken(folder: Path) -> None:
    done = argmap("render", ".", "-o", "out", "--format", "dot", cwd=folder)
    assert done.returncode == 1
    assert [p.name for p in (folder / "out").iterdir()] == ["good.dot"]
    assert "argmap: cycle.yaml has 2 errors" in done.stderr


def test_an_ignore_comment_counts_as_in_validate(folder: Path) -> None:
    text = CYCLE.replace("supports: [b]}", "supports: [b]}  # argmap: ignore[AM201]")
    text = text.replace("attacks: [nowhere]}", "attacks: [nowhere]}  # argmap: ignore[AM101]")
    (folder / "cycle.yaml").write_text(text, encoding="utf-8")
    assert argmap("validate", "cycle.yaml", cwd=folder).returncode == 0
    done = argmap("render", "cycle.yaml", "-o", "map.dot", cwd=folder)
    assert done.returncode == 0, done.stderr


def test_a_shipped_brief_still_renders_quietly(tmp_path: Path) -> None:
    done = argmap("render", str(BRIEFS / "karasin-abashidze-2014.yaml"), "-o",
                  str(tmp_path / "k.dot"))
    assert done.returncode == 0 and done.stderr == ""


# --- check-rendered ----------------------------------------------------------------------------


def test_check_rendered_speaks_of_itself_not_of_check(folder: Path) -> None:
    (folder / "argmap.toml").write_text('[rendered]\n"docs/good.dot" = "good.yaml"\n',
                                        encoding="utf-8")
    done = argmap("check-rendered", cwd=folder)
    assert done.returncode == 1
    assert "docs/good.dot: out of date with good.yaml; run 'argmap check-rendered --update'" \
        in done.stdout
    assert "--check" not in done.stdout + done.stderr


def test_check_rendered_says_when_the_brief_is_broken(folder: Path) -> None:
    (folder / "argmap.toml").write_text('[rendered]\n"docs/cycle.dot" = "cycle.yaml"\n',
                                        encoding="utf-8")
    done = argmap("check-rendered", cwd=folder)
    assert done.returncode == 1
    assert "AM201 error" in done.stderr
    assert ("argmap: docs/cycle.dot is not checked: its brief cycle.yaml has errors; fix them "
            "first") in done.stderr
    assert "out of date" not in done.stdout


def test_check_rendered_without_a_configuration_file_names_none(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the project root: no configuration above it counts
    shutil.copy(BRIEFS / "karasin-abashidze-2014.yaml", tmp_path)
    done = argmap("check-rendered", cwd=tmp_path)
    assert done.returncode == 2
    assert "no configuration file was found" in done.stderr
    assert "configured in pyproject.toml" not in done.stderr
