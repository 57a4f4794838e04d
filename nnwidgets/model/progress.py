"""What `fit(verbose=1 or 2)` prints, in Keras 3's format.

verbose=1: "Epoch 3/20" then "22/22 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 0.9 - loss: ...";
verbose=2: "Epoch 3/20" then "22/22 - 0s - 2ms/step - accuracy: 0.9 - loss: ...". Before the
first epoch, beyond Keras, `fit` says which device trains: "Training on cpu:0". `evaluate` and
`predict` print the same line once (`predict`'s without figures: "4/4 ━━━━ 0s 3ms/step"), their
steps counted as Keras counts its batches of `batch_size`. With verbose=1
in a notebook or a terminal the bar of a long epoch also moves while it runs ("187/375 ━━━━━━━━━━
────────── 0s ETA ..."), redrawn in place at most 10 times a second from the compiled epoch's
progress reports (see training.MIN_STEPS_TO_REPORT).
"""

import sys
import time

from .callbacks import Callback

BAR = 20
REDRAW_S = 0.1  # the live bar redraws at most 10 times a second


def keras_order(name: str) -> tuple:
    """Keras 3's order of logs, a sort key: training figures by name, then validation ones.

    Args:
        name: A figure's name ("loss", "accuracy", "val_loss", ...).

    Returns:
        The key to sort by.
    """
    return (name.startswith("val_"), name.removeprefix("val_"))


def format_value(value: float) -> str:
    """A figure as Keras prints it: four decimals, or scientific notation when tiny.

    Args:
        value: The figure.

    Returns:
        The text.
    """
    return f"{value:.4f}" if abs(value) > 1e-3 or value == 0 else f"{value:.4e}"


def format_step_time(seconds: float) -> str:
    """A batch's time as Keras prints it: "1s/step", "2ms/step" or "150us/step".

    Args:
        seconds: The time of one batch.

    Returns:
        The text.
    """
    if seconds >= 1:
        return f"{seconds:.0f}s/step"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.0f}ms/step"
    return f"{seconds * 1e6:.0f}us/step"


def _figures(logs: dict) -> str:
    """ " - accuracy: 0.9000 - loss: 0.2000", or "" without figures (as predict's line)."""
    return "".join(f" - {name}: {format_value(value)}" for name, value in logs.items())


def epoch_line(steps: int, seconds: float, logs: dict, verbose: int) -> str:
    """The line printed at an epoch's end, in Keras 3's format for `verbose`.

    Args:
        steps: The batches of the epoch.
        seconds: How long the epoch took.
        logs: The epoch's figures by name.
        verbose: 1 (with a full bar) or 2 (without).

    Returns:
        The line, without a newline.
    """
    per_step = format_step_time(seconds / max(steps, 1))
    if verbose == 2:
        return f"{steps}/{steps} - {seconds:.0f}s - {per_step}{_figures(logs)}"
    return f"{steps}/{steps} {'━' * BAR} {seconds:.0f}s {per_step}{_figures(logs)}"


def progress_line(done: int, steps: int, seconds: float, logs: dict) -> str:
    """The bar while an epoch runs: batches done, the bar, time left at this pace, figures.

    Args:
        done: The batches done so far (1 or more).
        steps: The batches of the epoch.
        seconds: The time since the epoch began.
        logs: The running figures by name.

    Returns:
        The line, without a newline.
    """
    filled = BAR * done // steps
    width = len(str(steps))
    left = seconds / done * (steps - done)
    bar = "━" * filled + "─" * (BAR - filled)
    per_step = format_step_time(seconds / done)
    return f"{done:>{width}}/{steps} {bar} {left:.0f}s ETA {per_step}{_figures(logs)}"


def print_result_line(verbose, steps: int, seconds: float, logs: dict, stream=None) -> None:
    """What `evaluate` and `predict` print, as Keras 3 prints it: one line for verbose 1 or 2.

    Args:
        verbose: 0 (nothing), 1 (the line with a full bar) or 2 (without the bar).
        steps: The batches Keras would have run: examples over `batch_size`, rounded up.
        seconds: How long the whole call took.
        logs: The figures by name, in Keras' order; {} for `predict`.
        stream: Where to print; sys.stdout by default.
    """
    if verbose:
        print(epoch_line(steps, seconds, logs, verbose), file=stream or sys.stdout, flush=True)


def _interactive(stream) -> bool:
    """A terminal or a notebook, where a carriage return redraws the line."""
    return bool(getattr(stream, "isatty", lambda: False)()) or "ipykernel" in sys.modules


class ProgressPrinter(Callback):
    """The callback `fit` adds for `verbose=1` or `2`: prints each epoch as Keras 3 does.

    Args:
        verbose: 1 (a bar) or 2 (one line per epoch).
        stream: Where to print; sys.stdout by default.
        live: Whether the bar moves during an epoch; by default with verbose=1 in a terminal
            or a notebook.
    """

    def __init__(self, verbose: int, stream=None, live=None):
        super().__init__()
        self.verbose = verbose
        self.stream = stream or sys.stdout
        self.live = verbose == 1 and (_interactive(self.stream) if live is None else live)

    def _write(self, text: str) -> None:
        print(text, end="", file=self.stream, flush=True)

    def on_train_begin(self, logs=None):
        """Print "Training on <device>" when `fit`'s params name the device.

        Args:
            logs: Unused.
        """
        if "device" in self.params:
            self._write(f"Training on {self.params['device']}\n")

    def on_epoch_begin(self, epoch, logs=None):
        """Print "Epoch k/n" and start the epoch's clock.

        Args:
            epoch: The epoch about to run, counted from 0.
            logs: Unused.
        """
        self._write(f"Epoch {epoch + 1}/{self.params['epochs']}\n")
        self._start = self._drawn = time.perf_counter()

    def on_train_batch_end(self, batch, logs=None):
        """Redraw the live bar, at most 10 times a second.

        Args:
            batch: The batch just run, counted from 0.
            logs: The running figures by name.
        """
        now = time.perf_counter()
        if now - self._drawn < REDRAW_S:
            return
        self._drawn = now
        line = progress_line(batch + 1, self.params["steps"], now - self._start, logs or {})
        self._write(f"\r{line}")

    def on_epoch_end(self, epoch, logs=None):
        """Print the epoch's final line, over the live bar if there is one.

        Args:
            epoch: The epoch just run, counted from 0.
            logs: The epoch's figures by name.
        """
        seconds = time.perf_counter() - self._start
        line = epoch_line(self.params["steps"], seconds, logs or {}, self.verbose)
        # \r over a live bar; the final line is longer or as long, so nothing of it remains.
        self._write(("\r" if self.live else "") + line + "\n")
