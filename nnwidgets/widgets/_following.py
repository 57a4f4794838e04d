"""Views that follow training: a model's `fit` (nnwidgets' or Keras 3's, passed as a callback)
or a Playground's frames, at most ~10 updates a second (`Throttle`), the last one always drawn.

Every view that is a callback derives from `ViewCallback`. A view that can also follow a
Playground mixes `FollowsTraining` in before its widget base and defines `refresh()`. It calls
`_init_following()` before drawing and `_follow(source)` once the widget exists.
"""

import contextlib
import threading

from ..model.callbacks import Callback
from ._throttle import Throttle
from .training_loop import running_loop


def is_playground(source) -> bool:
    """Whether `source` is a Playground (imported late: the views load without it)."""
    # By name, not isinstance: the views never import the Playground's module for this.
    return type(source).__name__ == "Playground" and hasattr(source, "weights")


def playground_or_model(source, view: str) -> bool:
    """Whether `source` is a Playground (else a Keras-like model); TypeError naming `view` if
    it is neither."""
    if is_playground(source):
        return True
    if not (hasattr(source, "layers") and hasattr(source, "get_weights")):
        raise TypeError(
            f"{view} needs a model (nnwidgets.Sequential or keras.Sequential) or a Playground, "
            f"got {type(source).__name__}"
        )
    return False


class ViewCallback(Callback):
    """nnwidgets' `Callback` with the other hooks that Keras 3's ``fit`` calls, doing nothing.

    Keras 3 takes any object as a callback: its ``CallbackList`` calls every hook below on each
    one (and reads the batch hooks to decide whether to run them on a thread), so a view given
    to ``keras.Model.fit(callbacks=[...])`` needs them all. A view follows training through the
    hooks it shares with nnwidgets' `fit`; validation, testing and prediction leave it as it is.
    """

    def on_train_batch_begin(self, batch, logs=None) -> None:
        """Called by Keras before each training batch.

        Args:
            batch: The batch about to run.
            logs: Unused.
        """

    def on_batch_begin(self, batch, logs=None) -> None:
        """Keras' older name for `on_train_batch_begin`.

        Args:
            batch: The batch about to run.
            logs: Unused.
        """

    def on_batch_end(self, batch, logs=None) -> None:
        """Keras' older name for `on_train_batch_end`.

        Args:
            batch: The batch just run.
            logs: Unused.
        """

    def on_test_begin(self, logs=None) -> None:
        """Called by Keras before an evaluation (``fit``'s validation too).

        Args:
            logs: Unused.
        """

    def on_test_end(self, logs=None) -> None:
        """Called by Keras after an evaluation.

        Args:
            logs: Unused.
        """

    def on_test_batch_begin(self, batch, logs=None) -> None:
        """Called by Keras before each evaluation batch.

        Args:
            batch: The batch about to run.
            logs: Unused.
        """

    def on_test_batch_end(self, batch, logs=None) -> None:
        """Called by Keras after each evaluation batch.

        Args:
            batch: The batch just run.
            logs: Unused.
        """

    def on_predict_begin(self, logs=None) -> None:
        """Called by Keras before a prediction.

        Args:
            logs: Unused.
        """

    def on_predict_end(self, logs=None) -> None:
        """Called by Keras after a prediction.

        Args:
            logs: Unused.
        """

    def on_predict_batch_begin(self, batch, logs=None) -> None:
        """Called by Keras before each prediction batch.

        Args:
            batch: The batch about to run.
            logs: Unused.
        """

    def on_predict_batch_end(self, batch, logs=None) -> None:
        """Called by Keras after each prediction batch.

        Args:
            batch: The batch just run.
            logs: Unused.
        """


class FollowsTraining:
    """A view that follows a Playground while it trains, or a model through `fit` callbacks."""

    def _init_following(self) -> None:
        self._throttle = Throttle()
        self._lock = threading.RLock()
        self._pending = None  # a timer for the update a burst of frames left behind
        self._loop = running_loop()  # the kernel's, when made in a cell
        self._followed = None

    def _follow(self, source) -> None:
        if is_playground(source):
            self._followed = source
            source.observe(self._on_playground_frame, names=["_frame"])

    def close(self):
        """Stop following the source, then close the widget."""
        if getattr(self, "_followed", None) is not None:
            with contextlib.suppress(ValueError):
                self._followed.unobserve(self._on_playground_frame, names=["_frame"])
        super().close()

    def on_epoch_end(self, epoch, logs=None) -> None:
        """Draw the model as it is after this epoch (throttled)."""
        if self._throttle.ready():
            self.refresh()

    def on_train_end(self, logs=None) -> None:
        """Draw the model as training left it."""
        self.refresh()

    def _refresh_from_playground(self) -> None:
        """What a Playground's frame triggers; views that may not draw every Playground
        override it."""
        self.refresh()

    def _on_playground_frame(self, change) -> None:
        if self._throttle.ready():
            self._refresh_from_playground()
            return
        # Too soon after the last update: update a little later, unless an update already
        # waits (it will read the weights as they are then).
        if self._loop is None or self._pending is not None:
            return
        delay = self._throttle.seconds_left()

        def later():
            self._pending = None
            self._refresh_from_playground()

        def schedule():
            self._pending = self._loop.call_later(delay, later)

        self._pending = True  # claimed until the loop sets the real timer
        # Frames may be observed on a subshell thread: the timer is set on the kernel's loop.
        self._loop.call_soon_threadsafe(schedule)
