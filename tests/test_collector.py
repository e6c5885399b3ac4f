"""The library pauses the cycle collector while it builds, and leaves the host's settings alone."""

from __future__ import annotations

import gc
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap
from argmap.collector import paused_collector

ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
assert _SPEC is not None and _SPEC.loader is not None
_SYNTHETIC = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_SYNTHETIC)
generate = _SYNTHETIC.generate
GEORGIA = ROOT / "briefs" / "georgia-russia-dialogue.yaml"


@pytest.fixture
def host_settings() -> Iterator[None]:
    """Odd settings, as a host program might have; restored after the test."""
    before = (gc.isenabled(), gc.get_threshold())
    gc.set_threshold(1234, 5, 6)
    yield
    gc.set_threshold(*before[1])
    if before[0]:
        gc.enable()
    else:
        gc.disable()


def _use_the_library(file: Path) -> None:
    brief = argmap.load(file)
    argmap.to_dot(brief)
    argmap.to_mermaid(brief)
    argmap.check(brief)
    argmap.evaluate(brief, "dfquad")
    argmap.ArgumentGraph(brief)


@pytest.mark.usefixtures("host_settings")
def test_entry_points_run_with_the_collector_off_and_restore_it(tmp_path: Path) -> None:
    # Large enough that building it would start the collector many times over.
    text, source = generate(1500, seed=2)
    file = tmp_path / "brief.yaml"
    file.write_text(text, encoding="utf-8")
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    _use_the_library(file)  # first imports run module code, which is not the library at work
    package = str(Path(argmap.__file__).parent)
    inside: list[str] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        # A collection runs in whatever frame allocated; was any of argmap's on the stack?
        frame = sys._getframe()
        while frame is not None:
            if phase == "start" and frame.f_code.co_filename.startswith(package):
                inside.append(frame.f_code.co_name)
                return
            frame = frame.f_back  # type: ignore[assignment]

    gc.callbacks.append(watch)
    try:
        _use_the_library(file)
    finally:
        gc.callbacks.pop()
    assert gc.isenabled()
    assert gc.get_threshold() == (1234, 5, 6)
    assert not inside, f"the collector ran inside the library: {inside[:5]}"


@pytest.mark.usefixtures("host_settings")
def test_a_failing_call_restores_the_collector_too(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nid: x\n", encoding="utf-8")
    with pytest.raises(argmap.BriefError):
        argmap.load(bad)
    with pytest.raises(argmap.ArgmapError):
        argmap.to_dot(argmap.load(GEORGIA), direction="sideways")
    assert gc.isenabled()


@pytest.mark.usefixtures("host_settings")
def test_a_host_that_keeps_the_collector_off_finds_it_off() -> None:
    gc.disable()
    argmap.to_dot(argmap.load(GEORGIA))
    with paused_collector():
        with paused_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert not gc.isenabled()


def _in_oldest_generation(objects: list[object]) -> bool:
    oldest = {id(obj) for obj in gc.get_objects(generation=2)}
    return all(id(obj) in oldest for obj in objects)


def _built_in_a_pause() -> list[object]:
    with paused_collector():
        return [[] for _ in range(500)]


@pytest.mark.usefixtures("host_settings")
def test_the_command_line_moves_what_a_pause_built_to_the_oldest_generation() -> None:
    from argmap.collector import own_process

    assert not _in_oldest_generation(_built_in_a_pause())  # a library caller: only paused
    with own_process():
        built = _built_in_a_pause()
        assert gc.isenabled()
        assert _in_oldest_generation(built)
        assert gc.get_count()[0] < 100  # no collection is due to walk them
    assert not _in_oldest_generation(_built_in_a_pause())  # the library is itself again


@pytest.mark.usefixtures("host_settings")
def test_a_released_process_leaves_what_it_froze_frozen() -> None:
    import argmap.collector
    from argmap.collector import own_process, release_process

    kept = [[] for _ in range(100)]
    with own_process():
        gc.freeze()  # as the pool does before it forks its workers
        try:
            frozen = gc.get_freeze_count()
            release_process()  # as each worker does first
            built = _built_in_a_pause()
            assert gc.get_freeze_count() == frozen
            assert not _in_oldest_generation(kept)  # still frozen, in no generation
            assert not _in_oldest_generation(built)
        finally:
            gc.unfreeze()
    assert not argmap.collector._owned


def test_main_gives_the_library_back_as_it_was(tmp_path: Path) -> None:
    from argmap.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["validate", "--isolated", "--quiet", str(GEORGIA)])
    assert exit_.value.code == 0
    assert not _in_oldest_generation(_built_in_a_pause())
