"""How a widget trains while it is shown: chunks of epochs on the kernel's event loop, a frame
for the browser whenever it can take one (``TrainingWidget``, the base of the Playground and the
Sweep).

The loop is an asyncio task on the kernel's main event loop, so the kernel handles the browser's
messages between chunks. JupyterLab may deliver those on a subshell thread while the main thread
runs a cell; a task started from there still goes to the main loop.
"""

import asyncio
import contextlib
import signal
import threading
import time

import numpy as np
import traitlets

from .. import checks, spec
from ..engine.inputs import CHUNK_EPOCHS
from ._base import FrontEndWidget
from ._throttle import Throttle
from .cell_end import before_cell_ends
from .frame_pacer import FramePacer
from .outbox import Later, Outbox, running_loop

ACK_POLL_S = 0.004  # acknowledgements may arrive on another thread: polled, not awaited
COMPILE_SUSPECT_S = 0.25  # a first chunk slower than this compiled, and says nothing of speed
# Between chunks the kernel sleeps this long while a view can be seen: it reads the browser's
# messages, and the page gets the cores it needs to draw. Without the sleep the largest network
# trained 2.5 times as many epochs but drew 30-37 frames a second in bench_playground, where it
# draws 50-56 with it. While no view can be seen the kernel only yields to its loop: training
# then keeps 1.0-1.1x `step`'s speed instead of 0.91-0.94x (bench_playground's hidden tab).
YIELD_S = 0.001
# After a change to the run made while playing (a slider, the architecture, a weight), training
# waits this long, so the frame that shows it has the cores to itself on its way to the page: the
# largest network's slider → drawn frame, 64 → 55 ms median (interleaved in one page).
INPUT_QUIET_S = 0.1
FIGURES_INTERVAL_S = 0.25  # live state without frames (no view drawing): 4 updates a second
# While no view can be seen, chunks this long: the engine's speed, and still the browser's
# messages (a view showing again, Pause) are read 20 times a second.
UNSEEN_CHUNK_TARGET_S = 0.05
# step(epochs) trains at most this many at once: the history keeps a row per epoch, and on the
# slowest network the Playground allows (10 layers of 64, batches of 1) 100,000 epochs already
# take many minutes; more runs with play() or a loop of steps.
STEP_MAX_EPOCHS = 100_000
# A step trains in chunks, one compiled call each: the first of up to CHUNK_EPOCHS, the next of
# about this long. An interrupt waits for the chunk to end, so each chunk's epochs, weights and
# history land together or not at all, and after the first chunk even the slowest network stops
# within a fraction of a second.
STEP_CHUNK_TARGET_S = 0.2


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
        while playing() and pacer.watched() and not pacer.may_send():
            await asyncio.sleep(min(ACK_POLL_S, pacer.seconds_until_slot()))
    return playing()


@contextlib.contextmanager
def _interrupts_held():
    """Hold a kernel interrupt (SIGINT) until the block ends; yields a function that says
    whether one came. Off the main thread (a browser request on a subshell), where no signal
    handler can be set, or under a handler Python did not install (it could not be put back),
    interrupts are not held."""
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is None:
        yield lambda: False
        return
    caught = []
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield lambda: bool(caught)
    finally:
        signal.signal(signal.SIGINT, previous)


class ChunkSizer:
    """Auto speed: as many epochs per chunk as take about `target_s`, from measured chunks."""

    def __init__(self, target_s: float):
        self.target_s = target_s
        self.seconds_per_epoch = None

    def epochs(self, fixed: int = 0) -> int:
        """Epochs for the next chunk: `fixed` when set, else as many as fit the target time."""
        if fixed:
            return fixed
        if self.seconds_per_epoch is None:
            return 1  # the first chunk measures (and may compile)
        return int(np.clip(self.target_s / max(self.seconds_per_epoch, 1e-9), 1, CHUNK_EPOCHS))

    def measured(self, elapsed: float, epochs: int) -> None:
        """Learn from a chunk of `epochs` that took `elapsed` seconds (a compile is ignored)."""
        if epochs <= 0:
            return
        per_epoch = elapsed / epochs
        if self.seconds_per_epoch is None:
            if elapsed < COMPILE_SUSPECT_S:
                self.seconds_per_epoch = per_epoch
        else:
            self.seconds_per_epoch = 0.7 * self.seconds_per_epoch + 0.3 * per_epoch


class TrainingWidget(FrontEndWidget):
    """A widget that trains in the kernel while its view draws: Play, Pause, Step and the frames.

    The Playground and the Sweep are both one. A subclass implements ``_train(epochs)`` (train
    that many epochs now, under ``_lock``; returns how many ran), ``_can_train()``,
    ``_sync_figures()`` (set the live-state traits) and ``_frame_traits()`` (a frame's binary
    traits, by name), and sets ``CHUNK_TARGET_S``, the time one chunk of epochs should take
    while playing. ``_play_chunk`` and ``_play_ended`` may be extended.

    Training runs as an asyncio task on the kernel's loop, chunk after chunk (at a set speed, one
    chunk per drawn frame), so the notebook stays usable. JupyterLab may deliver the browser's
    messages on a subshell thread while the main thread runs a cell, so everything that swaps or
    trains holds ``_lock``.
    """

    CHUNK_TARGET_S = 0.006

    playing = traitlets.Bool(False, help="whether training runs; Play and Pause set it").tag(
        sync=True
    )
    epochs_per_frame = traitlets.Int(0, help="epochs per drawn frame; 0 is auto").tag(sync=True)
    epoch = traitlets.Int(0, help="epochs trained").tag(sync=True)
    _frame = traitlets.Int(0).tag(sync=True)

    def __init__(self, **kwargs):
        self._lock = threading.RLock()
        self._pacer = FramePacer()
        self._task = None
        self._main_loop = running_loop()  # the kernel's, when made in a cell
        self._stale = True  # the frame traits lag the training
        self._quiet_until = 0.0  # training waits until then (time.monotonic)
        self._displayed = False  # shown in some output, though perhaps never drawn (nbconvert)
        self._figures_throttle = Throttle(FIGURES_INTERVAL_S)
        self._outbox = Outbox(
            lambda names: super(TrainingWidget, self).send_state(names), lambda: self._main_loop
        )
        self._frame_later = Later(self._publish_held_frame)
        super().__init__(**kwargs)
        before_cell_ends(self)

    @traitlets.validate("epochs_per_frame")
    def _check_epochs_per_frame(self, proposal):
        low, high = spec.EPOCHS_PER_FRAME_RANGE
        try:
            return checks.integer("epochs_per_frame", proposal["value"], low, high)
        except (TypeError, ValueError) as error:
            raise traitlets.TraitError(str(error)) from None

    @traitlets.observe("playing")
    def _on_playing(self, change):
        if change["new"]:
            self._start()

    @property
    def device(self) -> str:
        """Where this widget's kernels run, in words: "cpu:0", or "2 cpu devices" for a sweep
        spread over the cores. Tiny networks train on the CPU even where JAX has a GPU (see
        ``nnwidgets.engine.devices``)."""
        from ..engine import devices

        return devices.describe(self._devices())

    def _devices(self) -> list:
        """The devices training runs on; subclasses that spread their work override it."""
        from ..engine import devices

        return [devices.small_kernels()]

    def play(self):
        """Start training; returns at once, and training goes on while the notebook is used.

        Raises:
            RuntimeError: No kernel event loop runs here (a plain script): use ``step``; or
                the widget will not train until reset (e.g. it diverged).
        """
        self._refuse_if_not_training()
        self.playing = True

    def pause(self):
        """Stop training after the current chunk of epochs."""
        self.playing = False

    def step(self, epochs: int = 1):
        """Train now, at the engine's full speed (pauses first if playing).

        Training runs in chunks (the first of up to 1,024 epochs, the next of about 0.2 s); a
        kernel interrupt (Ctrl-C, the notebook's stop button) stops it between two chunks, so
        the epoch, the weights, the history and the figures agree on the last whole chunk, and
        then ``KeyboardInterrupt`` is raised.

        Args:
            epochs: How many epochs, 1 to ``STEP_MAX_EPOCHS`` (100,000); more runs with
                ``play()`` or a loop of steps.

        Raises:
            TypeError: ``epochs`` is not an int.
            ValueError: ``epochs`` is below 1 or above ``STEP_MAX_EPOCHS``.
            RuntimeError: The widget will not train until reset (e.g. it diverged); the
                message says what to do.
            KeyboardInterrupt: The kernel was interrupted; the epochs of the whole chunks
                trained before it are kept.
        """
        epochs = checks.integer("epochs", epochs, 1, STEP_MAX_EPOCHS)
        self._refuse_if_not_training()
        self.playing = False
        sizer = ChunkSizer(STEP_CHUNK_TARGET_S)
        chunk = CHUNK_EPOCHS  # a step of up to this many is one call, as it always was
        try:
            while epochs > 0:
                start = time.perf_counter()
                with _interrupts_held() as interrupted:
                    done = self._train(min(epochs, chunk))
                sizer.measured(time.perf_counter() - start, done)
                chunk = sizer.epochs()
                if interrupted():
                    raise KeyboardInterrupt
                if done == 0:  # diverged: the status says why
                    break
                epochs -= done
        finally:
            self._publish(force=True)

    def _why_not_training(self) -> str | None:
        """Why this widget will not train until something changes, or None when it will."""
        if self._can_train():
            return None
        return f"{type(self).__name__} will not train: {self.status or 'nothing left to train'}"

    def _refuse_if_not_training(self) -> None:
        reason = self._why_not_training()
        if reason is not None:
            raise RuntimeError(reason)

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

    async def _play_loop(self):
        drawing, unseen = ChunkSizer(self.CHUNK_TARGET_S), ChunkSizer(UNSEEN_CHUNK_TARGET_S)
        try:
            while self.playing and self._can_train():
                quiet = self._quiet_until - time.monotonic()
                if quiet > 0:
                    await asyncio.sleep(quiet)
                    continue
                # A set speed trains its epochs once per drawn frame: wait until the browser
                # can take one. Auto speed trains on while the browser draws, and each frame
                # shows the latest chunk.
                fixed = self.epochs_per_frame > 0
                if fixed and not await wait_for_frame_slot(self._pacer, lambda: self.playing):
                    break
                watched = self._pacer.watched()
                if not self._play_chunk(drawing if watched else unseen):
                    break
                self._publish()
                # Unseen, no view draws: one turn of the loop reads the browser's messages.
                await asyncio.sleep(YIELD_S if watched else 0)
        finally:
            self._task = None
            self._play_ended()
            self._publish(force=True)  # the last frame always goes out

    def _play_chunk(self, sizer: ChunkSizer) -> bool:
        """Train one chunk while playing, sized by `sizer`; returns whether to go on."""
        start = time.perf_counter()
        done = self._train(sizer.epochs(self.epochs_per_frame))
        sizer.measured(time.perf_counter() - start, done)
        return done > 0

    def _play_ended(self):
        """Called once the play loop stops."""

    def _publish(self, force: bool = False, unviewed: bool = False, changed: bool = False):
        """Send a frame, with the live state, if a view can take one; `force`: now or, when the
        browser cannot take it yet, as soon as it can (the last state always goes out).

        Until a view has drawn a frame no frame is computed (`step` then runs at the engine's
        speed), unless `unviewed`: the widget is about to be displayed. Without a frame the
        live state still goes out, a few times a second (always when forced), so Python reads
        it and the browser gets one message per drawn frame at most. `changed`: the frame shows
        a change to the run (data, architecture, weights); while playing, training then waits
        ``INPUT_QUIET_S`` so that this frame reaches the page first.
        """
        # A displayed widget's forced frames go out even undrawn: a notebook run without a
        # browser (nbconvert --execute) saves them as its widget state.
        # No view that can be seen (a hidden tab, a collapsed or cleared output): no frame at all.
        watched = self._pacer.viewed and self._pacer.watched()
        if changed and self.playing:
            self._quiet_until = time.monotonic() + INPUT_QUIET_S
        drawn = unviewed or watched or (force and self._displayed and not self._pacer.viewed)
        if drawn and (unviewed or self._pacer.may_send(urgent=force)):
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
        # Held back by the browser's pace, a forced frame goes out once a slot opens (or an
        # acknowledgement comes, whichever is first), from the kernel's loop.
        held = drawn and force and not self.playing
        if held and not self._frame_later.request(
            self._main_loop, self._pacer.seconds_until_slot()
        ):
            self._publish(unviewed=True)  # no loop to wait on: now
            return
        if force or self._figures_throttle.ready():
            with self.hold_sync():
                self._sync_figures()
            self._figures_throttle.mark()

    def at_cell_end(self):
        """Before the cell that caused them ends, send what pacing held back: with no view
        drawing (a notebook run without a browser) the last frame too, so it is recorded."""
        if self._stale and self._displayed and not self._pacer.viewed and not self.playing:
            self._publish(unviewed=True)
        self._outbox.flush()

    def _publish_held_frame(self):
        if self._stale and not self.playing:
            self._publish(force=True)

    def send_state(self, key=None):
        """Send the state of `key` (a name, names, or None for all) to the browser, at most
        ``MAX_MESSAGES_PER_S`` messages a second; the values sent are the current ones.

        Args:
            key: A trait name, an iterable of names, or None for every synced trait.
        """
        if key is None:
            key = self.keys
        self._outbox.add([key] if isinstance(key, str) else key)

    def _view_seen(self, content: dict):
        """A view says whether it can be seen (``{"view", "visible", "gone"}``): while none can,
        training runs without frames; the moment one can, the current frame goes out."""
        view, visible = content.get("view"), content.get("visible")
        if not isinstance(view, str) or not isinstance(visible, bool):
            return
        if self._pacer.set_seen(view, visible, gone=content.get("gone") is True):
            self._publish(force=True)

    def _frame_drawn(self, content: dict):
        """A view drew a frame (and says how many since it last said so): it may take another,
        and a stale still frame goes out now."""
        self._pacer.acknowledge(content.get("frame"), content.get("drawn"))
        if self._stale and not self.playing:
            self._publish(force=True)

    def _repr_mimebundle_(self, **kwargs):
        self._displayed = True
        if self._stale:
            self._publish(force=True, unviewed=True)
        bundle = super()._repr_mimebundle_(**kwargs)
        self._prepare_kernels()
        return bundle

    def _prepare_kernels(self):
        """Called once the widget is shown: a subclass may get its kernels ready meanwhile."""
