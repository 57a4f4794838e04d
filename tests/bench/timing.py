"""Timing on a shared, noisy machine: warm up first, repeat, report the median."""

import statistics
import time
from collections.abc import Callable


def seconds_of(call: Callable[[], object]) -> float:
    """Wall-clock seconds of one call; `call` must wait for its own results (block_until_ready)."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def timed_runs(call: Callable[[], object], repeats: int, warmup: int = 1) -> list[float]:
    """Seconds of each of `repeats` calls, after `warmup` untimed ones."""
    for _ in range(warmup):
        call()
    return [seconds_of(call) for _ in range(repeats)]


def median(values) -> float:
    return statistics.median(values)


def epochs_per_call_for(train_epochs: Callable[[int], object], seconds: float) -> int:
    """How many epochs make one timed call last about `seconds`, judged from a 1-epoch call."""
    one_epoch = seconds_of(lambda: train_epochs(1))
    return max(1, min(100_000, round(seconds / one_epoch)))


def epoch_rates(train_epochs: Callable[[int], object], epochs: int, repeats: int) -> list[float]:
    """Epochs per second of each of `repeats` calls of `epochs` epochs, after one warm-up call."""
    return [epochs / s for s in timed_runs(lambda: train_epochs(epochs), repeats)]
