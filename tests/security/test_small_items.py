"""The smaller holes: outputs that would replace their inputs, half-written summaries, ids that
merge in DOT, terminal escapes, folders named like briefs."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import argmap
from argmap.loading import append_atomic
from argmap.publish import to_dot

from .conftest import Run, write

BRIEF = "argmap: 1\nid: b\ntitle: B\nclaims:\n  a: {text: A, supports: [b]}\n  b: {text: B}\n"


@pytest.mark.parametrize("args", [
    ("render", "same.yaml", "-f", "dot", "-o", "same.yaml"),
    ("render", "same.yaml", "-f", "mmd", "-o", "./link.yaml"),
    ("summary", "same.yaml", "-o", "same.yaml"),
    ("validate", "same.yaml", "-o", "same.yaml"),
    ("validate", ".", "-o", "same.yaml"),
    ("validate", "same.yaml", "--summary-file", "same.yaml"),
])
def test_an_output_that_is_an_input_is_refused(
    tmp_path: Path, run: Run, args: tuple[str, ...]
) -> None:
    brief = write(tmp_path / "same.yaml", BRIEF)
    os.symlink("same.yaml", tmp_path / "link.yaml")
    ran = run(*args, cwd=tmp_path)
    assert ran.code == 2
    assert "replace" in ran.stderr
    assert brief.read_text(encoding="utf-8") == BRIEF


def test_a_report_beside_the_briefs_of_a_folder_is_still_allowed(tmp_path: Path, run: Run) -> None:
    write(tmp_path / "same.yaml", BRIEF)
    write(tmp_path / "report.json", "[]\n")
    assert run("validate", ".", "-f", "json", "-o", "report.json", cwd=tmp_path).code == 0


def test_a_full_disk_names_the_summary_file(tmp_path: Path, run: Run) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    write(tmp_path / "b.yaml", BRIEF)
    ran = run("validate", "b.yaml", "--summary-file", "/dev/full", cwd=tmp_path)
    assert ran.code == 2
    assert "/dev/full" in ran.stderr and "No space left on device" in ran.stderr


def test_a_summary_cut_short_by_a_full_disk_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = write(tmp_path / "summary.md", "# Earlier steps\n")
    real_write = os.write

    def disk_fills_after_ten_bytes(fd: int, data: bytes) -> int:
        if len(data) > 10:
            real_write(fd, bytes(data[:10]))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", disk_fills_after_ten_bytes)
    with pytest.raises(OSError, match="No space left") as raised:
        append_atomic(summary, "### argmap validate\n\nA long report.\n")
    assert raised.value.filename == str(summary)
    monkeypatch.undo()
    assert summary.read_text(encoding="utf-8") == "# Earlier steps\n"
    append_atomic(summary, "more\n")
    assert summary.read_text(encoding="utf-8") == "# Earlier steps\nmore\n"


def test_ids_that_differ_only_in_white_space_or_controls_stay_apart_in_dot() -> None:
    brief = argmap.loads(
        'argmap: 1\nid: b\ntitle: B\nclaims:\n'
        '  "a b": {text: One}\n  "a  b": {text: Two}\n  "a\\tb": {text: Three}\n'
        '  "ab": {text: Four}\n  "a\\x01b": {text: Five}\n  "a%01b": {text: Six}\n'
    )
    dot = to_dot(brief)
    names = {line.split(" [", 1)[0].strip() for line in dot.splitlines()
             if line.strip().startswith('"s:') and " -> " not in line}
    assert len(names) == 6, names
    assert "\x01" not in dot
    assert not [name for name in names if "\t" in name]


@pytest.mark.dot
def test_graphviz_draws_six_nodes_for_six_ids() -> None:
    from argmap.publish.graphviz_exe import run_dot

    brief = argmap.loads(
        'argmap: 1\nid: b\ntitle: B\nclaims:\n'
        '  "a b": {text: One}\n  "a  b": {text: Two}\n  "a\\tb": {text: Three}\n'
        '  "ab": {text: Four}\n  "a\\x01b": {text: Five}\n  "a%01b": {text: Six}\n'
    )
    svg = run_dot(to_dot(brief, legend=False), "svg").decode("utf-8")
    assert svg.count('class="node ') == 6


def test_terminal_escapes_from_a_brief_are_shown_not_sent(tmp_path: Path, run: Run) -> None:
    write(tmp_path / "b.yaml", 'argmap: 1\nid: b\ntitle: "\\e]0;owned\\a\\e[2J Title"\n'
          'claims:\n  "x\\e[31m": {text: A, supports: [b]}\n  b: {text: B}\n  c: {text: "\\e[5m"}\n')
    for args in (("evaluate", "b.yaml"), ("evaluate", "-s", "dfquad", "b.yaml"),
                 ("chains", "b.yaml", "b"), ("validate", "b.yaml"),
                 ("validate", "-f", "github", "b.yaml")):
        ran = run(*args, cwd=tmp_path)
        assert "\x1b" not in ran.output and "\x07" not in ran.output, args
    assert "\\x1b]0;owned\\x07\\x1b[2J Title" in run("evaluate", "b.yaml", cwd=tmp_path).stdout


def test_a_folder_named_like_a_brief_is_not_zero_briefs(tmp_path: Path, run: Run) -> None:
    (tmp_path / "brief.yaml").mkdir()
    ran = run("validate", "brief.yaml", cwd=tmp_path)
    assert ran.code == 2
    assert "'brief.yaml' is a folder, not a brief file" in ran.stderr


@pytest.mark.parametrize("change", ["title", "id", "reference"])
def test_a_brief_built_in_code_with_a_lone_surrogate_is_refused_by_name(
    tmp_path: Path, change: str
) -> None:
    brief = argmap.loads(BRIEF)
    if change == "title":
        built = brief.model_copy(update={"title": "half \ud800 a pair"})
        where = "'title'"
    elif change == "id":
        built = brief.model_copy(update={"claims": {"a\udc80": brief.claims["a"],
                                                     "b": brief.claims["b"]}})
        where = "'claims.a\\udc80'"
    else:
        claim = brief.claims["a"].model_copy(update={"supports": ["b", "c\udfff"]})
        built = brief.model_copy(update={"claims": {"a": claim, "b": brief.claims["b"]}})
        where = "'claims.a.supports[1]'"
    with pytest.raises(argmap.BriefError, match="lone surrogate") as raised:
        argmap.dumps(built)
    assert where in str(raised.value)
    for name in ("b.yaml", "b.json"):
        with pytest.raises(argmap.BriefError, match="lone surrogate"):
            argmap.dump(built, tmp_path / name)
        assert not (tmp_path / name).exists()
    assert list(tmp_path.iterdir()) == []
