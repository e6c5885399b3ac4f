"""Timing shared by the in-process benchmarks."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

__all__ = ["best_cpu_of", "best_of"]

T = TypeVar("T")


def best_of(repeat: int, run: Callable[[], T]) -> tuple[float, T]:
    """The shortest wall time of ``repeat`` calls of ``run``, and the last call's result.

    The shortest time is the one least disturbed by the rest of a shared, noisy machine.
    """
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def best_cpu_of(repeat: int, run: Callable[[], T]) -> tuple[float, T]:
    """Like :func:`best_of`, in CPU seconds of this process: for work done in this process
    alone, on a machine whose other load would make a wall clock count the waits for a core."""
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        result = run()
        best = min(best, time.process_time() - start)
    assert result is not None
    return best, result
