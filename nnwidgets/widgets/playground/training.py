"""How a Playground trains: a chunk of epochs on its run, the live figures and diagnosis that
follow, the frame the views draw, and what stops training (a diverged run)."""

import time

from .. import binary
from .diagnosis import diagnose
from .recording import Snapshot
from .run import OUTPUT_RESOLUTION, THUMBNAIL_RESOLUTION

DIAGNOSIS_INTERVAL_S = 0.5


class PlaygroundTraining:
    """The Playground's training: ``_train`` a chunk, ``_sync_figures``, ``_frame_traits`` and
    what the play loop asks (``_can_train``, ``_play_chunk``, ``_play_ended``).

    Part of ``Playground``; it relies on the widget's traits, ``_lock``, ``_run``,
    ``_recording``, ``_seen_shapes``, ``_speed``, ``_diagnosis_throttle`` and
    ``_output_neuron``.
    """

    def _train(self, epochs: int) -> int:
        """Train on the kernel's thread; returns the epochs run. Pauses and explains divergence."""
        with self._lock:
            run = self._run
            shape = run.shape
            if shape not in self._seen_shapes:
                self.status = "Preparing this network (compiling; once per shape)…"
            if self._recording.due(run.epoch):  # before the chunk: the run's start is kept too
                frame = self._frame_traits(output_neuron=None)  # the output, whatever is hovered
                self._recording.add(Snapshot(run.epoch, frame, run.figures))
            done = run.train(epochs, self.learning_rate, self.regularization_rate)
            self._seen_shapes.add(shape)
            diverged = run.diverged
        with self.hold_sync():
            self.status = ""
            if diverged:
                self._mark_diverged()
        self._stale = True
        return done  # the live state goes out with the next frame (_publish)

    def _prepare_kernels(self) -> None:
        # Shown with NumPy's frame: JAX loads and compiles on another thread meanwhile.
        self._run.prepare_in_background()

    def _mark_diverged(self) -> None:
        """Stop training for good, until a reset: the run diverged (in training, or in a file)."""
        with self._lock:
            self._run.diverged = True
            epoch = self._run.epoch
        self.playing = False
        self.diverged = True
        self.status = (
            f"Training stopped at epoch {epoch + 1:,}: the loss or a weight is no longer "
            f"finite (it diverged) at learning rate {self.learning_rate:g}. Try a lower "
            "learning rate, then press Reset."
        )

    def _can_train(self) -> bool:
        return not self.diverged  # nothing finite to train on: the status says to reset

    def _why_not_training(self) -> str | None:
        if not self.diverged:
            return None
        return (
            f"this Playground diverged (its loss or a weight stopped being finite at epoch "
            f"{self.epoch + 1:,}, learning rate {self.learning_rate:g}) and will not train until "
            "reset: lower learning_rate, then call reset() (or change a setting that makes a new "
            "network)"
        )

    def _play_chunk(self, sizer) -> bool:
        run = self._run
        start = time.perf_counter()
        done = self._train(sizer.epochs(self.epochs_per_frame))
        if done and run is self._run:  # a reset mid-chunk says nothing of the speed
            sizer.measured(time.perf_counter() - start, done)
            rate = self._speed.add(done)
            if rate is not None:
                self.epochs_per_second = rate
        return True  # a diverged run stops the loop through _can_train

    def _play_ended(self):
        self.epochs_per_second = 0.0
        self._sync_figures(diagnose_now=True)

    def _sync_figures(self, diagnose_now=False):
        run = self._run
        self.epoch = run.epoch
        for name, value in run.figures.items():
            setattr(self, name, value)
        # A diagnosis reads the history and runs the hidden layers: while playing at most twice
        # a second, so it costs the training little; after a step or a change at once.
        if diagnose_now or not self.playing or self._diagnosis_throttle.ready():
            self.diagnosis = [finding.as_dict() for finding in diagnose(run, self.learning_rate)]
            self._diagnosis_throttle.mark()

    def _frame_traits(self, output_neuron="hovered") -> dict:
        """A frame's traits; the output view shows `output_neuron`, by default the hovered one."""
        run = self._run
        if output_neuron == "hovered":
            output_neuron = self._output_neuron
        return {
            "_weights": run.weights_bytes(),
            "_maps": binary.uint8(run.neuron_maps(THUMBNAIL_RESOLUTION)),
            "_output_map": run.map_of(output_neuron, OUTPUT_RESOLUTION),
            "_loss_curve": run.loss_curve(),
        }


class SpeedMeter:
    """Epochs per second over the last half second of training."""

    WINDOW_S = 0.5

    def __init__(self):
        self._start = None
        self._epochs = 0

    def add(self, epochs: int) -> float | None:
        """Count `epochs` just trained; returns the rate once the window is full, else None."""
        now = time.perf_counter()
        if self._start is None:
            self._start, self._epochs = now, 0
            return None
        self._epochs += epochs
        elapsed = now - self._start
        if elapsed < self.WINDOW_S:
            return None
        rate = self._epochs / elapsed
        self._start, self._epochs = now, 0
        return rate
