"""Validating many files in a pool of processes reports exactly what one process reports."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli.validate import POOL_MIN_FILES

ENV = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def argmap(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd, capture_output=True, text=True, env=ENV, timeout=300, check=False,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of more briefs than it takes to start a pool: every fixture, good and bad
    (parse errors, schema errors, broken references, quotes, suppression comments), copied
    into numbered sub-folders, with files that are not briefs among them."""
    folder = tmp_path_factory.mktemp("pool")
    sources = [FIXTURES / "invalid", FIXTURES / "valid", FIXTURES / "ci" / "negative",
               FIXTURES / "ci" / "positive", ROOT / "briefs"]
    copies = 0
    round_ = 0
    while copies < POOL_MIN_FILES * 3:
        for source in sources:
            target = folder / f"{round_:02d}-{source.name}"
            shutil.copytree(source, target, symlinks=True)
            copies += sum(1 for _ in target.rglob("*.y*ml"))
        round_ += 1
    (folder / "notes.yaml").write_text("title: not a brief\n", encoding="utf-8")
    (folder / "suppressed.yaml").write_text(
        "argmap: 1\nid: s\ntitle: S\nclaims:\n"
        "  lonely: {text: Alone.}  # argmap: ignore[AM203, AM999]\n"
        "  alone: {text: Alone too.}\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("output_format", ["text", "json", "sarif"])
def test_a_pool_reports_what_one_process_reports_in_the_same_order(
    corpus: Path, output_format: str
) -> None:
    args = ("validate", "--isolated", "--statistics", "--format", output_format, ".")
    alone = argmap(*args, "--jobs", "1", cwd=corpus)
    pooled = argmap(*args, "--jobs", "2", cwd=corpus)
    assert alone.returncode == 1, alone.stderr
    assert "Traceback" not in alone.stderr + pooled.stderr
    assert (pooled.returncode, pooled.stdout, pooled.stderr) == (
        alone.returncode, alone.stdout, alone.stderr
    )
    if output_format == "text":
        # The run really covered every copy, with findings from many of them.
        files = int(alone.stdout.strip().splitlines()[-1].split()[0])
        assert files > POOL_MIN_FILES * 3
        assert "unknown rule code 'AM999'" in alone.stderr


def test_the_library_gives_one_report_with_or_without_a_pool(tmp_path: Path) -> None:
    from argmap.cli.validate import validate_paths

    for i in range(POOL_MIN_FILES):
        (tmp_path / f"b{i:03d}.yaml").write_text(
            f"argmap: 1\nid: b{i}\ntitle: B\nclaims:\n  c: {{text: Claim {i}.}}\n",
            encoding="utf-8",
        )
    few = validate_paths([tmp_path / "b000.yaml", tmp_path / "b001.yaml"], jobs=2)
    many = validate_paths([tmp_path], jobs=2)
    alone = validate_paths([tmp_path], jobs=1)
    assert len(few.report.files) == 2
    assert many.report == alone.report
    assert len(many.report.diagnostics) == POOL_MIN_FILES  # one AM203 per brief


def test_a_pool_leaves_the_hosts_cycle_collector_as_it_was(tmp_path: Path) -> None:
    import gc

    from argmap.cli.validate import validate_paths

    for i in range(POOL_MIN_FILES):
        (tmp_path / f"b{i:03d}.yaml").write_text(
            f"argmap: 1\nid: b{i}\ntitle: B\nclaims:\n  c: {{text: Claim {i}.}}\n",
            encoding="utf-8",
        )
    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    run = validate_paths([tmp_path], jobs=2)
    assert len(run.report.files) == POOL_MIN_FILES
    assert gc.get_freeze_count() == frozen  # frozen for the fork only, then unfrozen
    assert gc.isenabled() == enabled


def test_a_pool_started_from_a_thread_spawns_its_workers_and_agrees(tmp_path: Path) -> None:
    # With another thread running, forking could copy a held lock: workers are spawned.
    import threading

    from argmap.cli.validate import validate_paths

    for i in range(POOL_MIN_FILES):
        (tmp_path / f"b{i:03d}.yaml").write_text(
            f"argmap: 1\nid: b{i}\ntitle: B\nclaims:\n  c: {{text: Claim {i}.}}\n",
            encoding="utf-8",
        )
    found: list[object] = []
    worker = threading.Thread(target=lambda: found.append(validate_paths([tmp_path], jobs=2)))
    worker.start()
    worker.join(timeout=240)
    assert found, "the run in a thread did not finish"
    assert found[0] == validate_paths([tmp_path], jobs=1)


def _numbered_briefs(folder: Path, count: int) -> None:
    """``count`` briefs with one finding each, with files that are not briefs between them: a
    YAML file without ``argmap:``, a folder named like a brief, a hidden folder's brief."""
    folder.mkdir()
    for i in range(count):
        (folder / f"b{i:03d}.yaml").write_text(
            f"argmap: 1\nid: b{i}\ntitle: B\nclaims:\n  c: {{text: Claim {i}.}}\n",
            encoding="utf-8",
        )
        if i % 7 == 0:
            (folder / f"b{i:03d}-notes.yaml").write_text("title: not a brief\n", encoding="utf-8")
    (folder / "b005-dir.yaml").mkdir()
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "b999.yaml").write_text("argmap: 1\nid: h\n", encoding="utf-8")


@pytest.mark.parametrize("order", ["named first", "folder first"])
def test_a_pool_checks_a_file_named_twice_once_where_one_process_does(
    tmp_path: Path, order: str
) -> None:
    # The workers tell briefs from other files; this process drops the second sighting of a
    # file, at the place one process would have dropped it.
    _numbered_briefs(tmp_path / "briefs", POOL_MIN_FILES * 3)
    named = ["briefs/b042.yaml", "briefs/b042-notes.yaml", "briefs/../briefs/b041.yaml"]
    paths = [*named, "briefs"] if order == "named first" else ["briefs", *named]
    args = ("validate", "--isolated", "--format", "json", *paths)
    alone = argmap(*args, "--jobs", "1", cwd=tmp_path)
    pooled = argmap(*args, "--jobs", "2", cwd=tmp_path)
    assert "Traceback" not in alone.stderr + pooled.stderr
    assert (pooled.returncode, pooled.stdout, pooled.stderr) == (
        alone.returncode, alone.stdout, alone.stderr
    )
    import json

    # Each brief once, where one process first meets it: the named ones first, or inside the
    # folder (the named notes file, no brief there, after it).
    found = list(dict.fromkeys(d["path"].replace(os.sep, "/") for d in json.loads(alone.stdout)))
    assert len(found) == POOL_MIN_FILES * 3 + 1
    if order == "named first":
        assert found[:3] == named
    else:
        assert found[-1] == "briefs/b042-notes.yaml"
        assert "briefs/b041.yaml" in found and "briefs/../briefs/b041.yaml" not in found


def test_a_pool_with_only_declared_skips_what_one_process_skips(tmp_path: Path) -> None:
    _numbered_briefs(tmp_path / "briefs", POOL_MIN_FILES * 2)
    files = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "briefs").glob("*.yaml")
                   if p.is_file())
    args = ("validate", "--isolated", "--only-declared", "--format", "text", *files)
    alone = argmap(*args, "--jobs", "1", cwd=tmp_path)
    pooled = argmap(*args, "--jobs", "2", cwd=tmp_path)
    assert "Traceback" not in alone.stderr + pooled.stderr
    assert (pooled.returncode, pooled.stdout, pooled.stderr) == (
        alone.returncode, alone.stdout, alone.stderr
    )
    assert alone.stdout.strip().splitlines()[-1].startswith(f"{POOL_MIN_FILES * 2} briefs")


@pytest.mark.parametrize("count", [1, 31, 999, 10_000])
def test_batches_cover_every_file_once_and_shrink_to_the_end(count: int) -> None:
    from argmap.cli.validate import _MIN_BATCH, _batches

    batches = list(_batches(count, 2))
    assert [i for start, stop in batches for i in range(start, stop)] == list(range(count))
    sizes = [stop - start for start, stop in batches]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] <= _MIN_BATCH  # the workers end within a few files of each other
    assert len(batches) <= max(1, count // _MIN_BATCH + 1)
    if count >= 1000:
        assert len(batches) < count // 20  # few messages for a large folder
