"""How a widget trains while it is shown: chunks of epochs on the kernel's event loop, one chunk
per drawn frame (Playground and Sweep).

The loop is an asyncio task on the kernel's main event loop, so the kernel handles the browser's
messages between chunks. JupyterLab may deliver those on a subshell thread while the main thread
runs a cell; a task started from there still goes to the main loop.
"""

import asyncio
import numbers
import threading

import numpy as np

from ..engine.playground import CHUNK_EPOCHS
from ._throttle import Throttle

ACK_POLL_S = 0.004  # acknowledgements may arrive on another thread: polled, not awaited
COMPILE_SUSPECT_S = 0.25  # a first chunk slower than this compiled, and says nothing of speed
YIELD_S = 0.001  # between chunks: lets the kernel read the browser's messages
FIGURES_INTERVAL_S = 0.25  # live state without frames (no view drawing): 4 updates a second


def running_loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def start_on_kernel_loop(make_coroutine, main_loop):
    """Start `make_coroutine()` on the kernel's main event loop; returns (task, that loop).

    `main_loop` is the loop seen when the widget was made (in a cell). RuntimeError when no loop
    runs (a plain script), naming what to use instead.
    """
    here = running_loop()
    if here is not None and threading.current_thread() is threading.main_thread():
        return here.create_task(make_coroutine()), here
    if main_loop is not None and main_loop.is_running():
        return asyncio.run_coroutine_threadsafe(make_coroutine(), main_loop), main_loop
    raise RuntimeError(
        "play() trains on the event loop of a running Jupyter kernel; none is running here. "
        "Use step(epochs) instead."
    )


async def wait_for_frame_slot(pacer, playing) -> bool:
    """Wait until the browser can take another frame (when a view draws at all); returns whether
    `playing()` still holds."""
    if pacer.viewed:
        while playing() and not pacer.may_send():
            await asyncio.sleep(min(ACK_POLL_S, pacer.seconds_until_slot()))
    return playing()


class ChunkSizer:
    """Auto speed: as many epochs per chunk as take about `target_s`, from measured chunks."""

    def __init__(self, target_s: float):
        self.target_s = target_s
        self.seconds_per_epoch = None

    def epochs(self, fixed: int = 0) -> int:
        if fixed:
            return fixed
        if self.seconds_per_epoch is None:
            return 1  # the first chunk measures (and may compile)
        return int(np.clip(self.target_s / max(self.seconds_per_epoch, 1e-9), 1, CHUNK_EPOCHS))

    def measured(self, elapsed: float, epochs: int) -> None:
        if epochs <= 0:
            return
        per_epoch = elapsed / epochs
        if self.seconds_per_epoch is None:
            if elapsed < COMPILE_SUSPECT_S:
                self.seconds_per_epoch = per_epoch
        else:
            self.seconds_per_epoch = 0.7 * self.seconds_per_epoch + 0.3 * per_epoch


class PlayControls:
    """The buttons and frames of a widget that trains. It has `playing`, `_pacer` (FramePacer),
    `_train(epochs)`, `_play_loop()`, `_can_train()`, `_sync_figures()` (sets the live-state
    traits), `_frame_traits()` (a frame's binary traits), `_lock`, and `_task` and `_main_loop`."""

    _figures_throttle = None

    def _publish(self, force: bool = False, unviewed: bool = False):
        """Send a frame, with the live state, if a view can take one (or `force`).

        Until a view has drawn a frame no frame is computed (`step` then runs at the engine's
        speed), unless `unviewed`: the widget is about to be displayed. Without a frame the
        live state still goes out, a few times a second (always when forced), so Python reads
        it and the browser gets one message per drawn frame at most.
        """
        if (unviewed or self._pacer.viewed) and (force or self._pacer.may_send()):
            with self._lock:
                traits = self._frame_traits()
            with self.hold_sync():
                self._sync_figures()
                for name, value in traits.items():
                    setattr(self, name, value)
                self._frame = self._pacer.next_frame()
            self._stale = False
            return
        self._stale = True
        if self._figures_throttle is None:
            self._figures_throttle = Throttle(FIGURES_INTERVAL_S)
        if force or self._figures_throttle.ready():
            with self.hold_sync():
                self._sync_figures()
            self._figures_throttle.mark()

    def play(self):
        """Start training; returns at once, and training goes on while the notebook is used."""
        self.playing = True

    def pause(self):
        self.playing = False

    def step(self, epochs: int = 1):
        """Train `epochs` epochs now, at the engine's full speed (pauses first if playing)."""
        if isinstance(epochs, bool) or not isinstance(epochs, numbers.Integral) or epochs < 1:
            raise ValueError(f"epochs must be an int >= 1, got {epochs!r}")
        self.playing = False
        self._train(int(epochs))
        self._publish(force=True)

    def _start(self):
        """Start the play loop on the kernel's event loop, unless it runs or cannot train."""
        if not self._can_train():
            self.playing = False
            return
        if self._task is not None and not self._task.done():
            return
        try:
            self._task, self._main_loop = start_on_kernel_loop(self._play_loop, self._main_loop)
        except RuntimeError:
            self.playing = False
            raise
