"""What `fit(verbose=1 or 2)` prints, in Keras 3's format.

verbose=1: "Epoch 3/20" then "22/22 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 0.9 - loss: ...";
verbose=2: "Epoch 3/20" then "22/22 - 0s - 2ms/step - accuracy: 0.9 - loss: ...". Each epoch is
one compiled call, so its line is written when the epoch ends.
"""

import sys
import time

from .callbacks import Callback

BAR = 20


def format_value(value: float) -> str:
    return f"{value:.4f}" if abs(value) > 1e-3 or value == 0 else f"{value:.4e}"


def format_step_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.0f}s/step"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.0f}ms/step"
    return f"{seconds * 1e6:.0f}us/step"


def epoch_line(steps: int, seconds: float, logs: dict, verbose: int) -> str:
    figures = " - ".join(f"{name}: {format_value(value)}" for name, value in logs.items())
    per_step = format_step_time(seconds / max(steps, 1))
    if verbose == 2:
        return f"{steps}/{steps} - {seconds:.0f}s - {per_step} - {figures}"
    return f"{steps}/{steps} {'━' * BAR} {seconds:.0f}s {per_step} - {figures}"


class ProgressPrinter(Callback):
    def __init__(self, verbose: int, stream=None):
        super().__init__()
        self.verbose = verbose
        self.stream = stream or sys.stdout

    def on_epoch_begin(self, epoch, logs=None):
        print(f"Epoch {epoch + 1}/{self.params['epochs']}", file=self.stream, flush=True)
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        seconds = time.perf_counter() - self._start
        line = epoch_line(self.params["steps"], seconds, logs or {}, self.verbose)
        print(line, file=self.stream, flush=True)
