"""Timing shared by the in-process benchmarks."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

__all__ = ["best_cpu_of", "best_of"]

T = TypeVar("T")


def best_of(
    repeat: int, run: Callable[[], T], clock: Callable[[], float] = time.perf_counter
) -> tuple[float, T]:
    """The shortest time of ``repeat`` calls of ``run`` by ``clock`` (wall time unless told),
    and the last call's result.

    The shortest time is the one least disturbed by the rest of a shared, noisy machine.
    """
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        result = None  # the last run's result is freed here, not while the next is timed
        gc.collect()
        start = clock()
        result = run()
        best = min(best, clock() - start)
    assert result is not None
    return best, result


def best_cpu_of(repeat: int, run: Callable[[], T]) -> tuple[float, T]:
    """Like :func:`best_of`, in CPU seconds of this process: for work done in this process
    alone, on a machine whose other load would make a wall clock count the waits for a core."""
    return best_of(repeat, run, time.process_time)
