"""LivePlot: a `fit` callback (nnwidgets' or Keras 3's) drawing loss and metric curves that grow
each epoch, and a progress bar, sending at most ~10 updates a second however fast the epochs
run."""

import math
import time

import numpy as np
import traitlets

from ..model.diagnosis import Diagnosis
from ..model.metrics import METRICS
from . import binary, static_image
from ._base import FrontEndWidget
from ._following import ViewCallback
from ._model_info import loss_name
from ._throttle import Throttle

# The figures a chart can draw: the loss and the metrics that nnwidgets' and Keras 3's `fit`
# log under the name they were asked by (Keras' string metrics, and the learning rate that
# Keras' schedules log).
FIGURES = tuple(
    dict.fromkeys(
        [
            "loss",
            *METRICS,
            "auc",
            "precision",
            "recall",
            "f1_score",
            "r2_score",
            "mape",
            "msle",
            "mean_absolute_percentage_error",
            "mean_squared_logarithmic_error",
            "root_mean_squared_error",
            "top_k_categorical_accuracy",
            "sparse_top_k_categorical_accuracy",
            "binary_crossentropy",
            "categorical_crossentropy",
            "sparse_categorical_crossentropy",
            "kl_divergence",
            "poisson",
            "hinge",
            "squared_hinge",
            "categorical_hinge",
            "cosine_similarity",
            "learning_rate",
        ]
    )
)


class LivePlot(FrontEndWidget, ViewCallback):
    """Loss and metric curves of ``fit``, one small chart per metric under its Keras name:
    training solid, validation (``val_...``) dashed; with an "Epoch 7/20" progress bar and the
    time elapsed.

    It is a callback of nnwidgets' ``fit`` and of Keras 3's ``model.fit`` alike.

    Curves carry on across ``fit`` calls (a loop of one-epoch fits draws one curve); ``clear()``
    starts over. ``history`` holds every logged value. ``diagnosis`` holds what a ``Diagnosis``
    finds (dead or saturated units, a stuck or slow loss, overfitting), and the view shows the
    first finding's sentence under the curves; a healthy run shows nothing.

    Examples:
        >>> plot = nw.LivePlot()
        >>> plot                                   # display it, then
        >>> model.fit(X, y, epochs=20, validation_split=0.3, callbacks=[plot])

    Args:
        metrics: The charts to draw, by their training names (``["loss", "accuracy"]``), each
            one of `FIGURES`; None draws every figure ``fit`` logs, a metric of your own too.
        **kwargs: Passed to the widget.

    Raises:
        TypeError: If `metrics` is not a list of names (or one name) or None.
        ValueError: If `metrics` is empty, or a name is no figure ``fit`` logs, is a validation
            figure (``val_...``) or repeats.
    """

    _view = traitlets.Unicode("live_plot").tag(sync=True)

    metrics = traitlets.List(traitlets.Unicode(), default_value=None, allow_none=True).tag(
        sync=True
    )
    epoch = traitlets.Int(0, help="epochs done in the current (or last) fit").tag(sync=True)
    epochs = traitlets.Int(0, help="epochs the current (or last) fit runs").tag(sync=True)
    epoch_fraction = traitlets.Float(0.0, help="how much of the running epoch is done").tag(
        sync=True
    )
    elapsed = traitlets.Float(0.0, help="seconds since the current fit began").tag(sync=True)
    running = traitlets.Bool(False).tag(sync=True)
    diagnosis = traitlets.List(
        traitlets.Dict(), help="why fit is not learning, most telling first; [] when healthy"
    ).tag(sync=True)
    # Every logged figure, one column each (names in `_columns`), one float32 row per epoch
    # since the plot was made (or cleared); NaN where an epoch did not log that figure.
    _columns = traitlets.List(traitlets.Unicode()).tag(sync=True)
    _curves = traitlets.Bytes(b"").tag(sync=True)

    def __init__(self, metrics=None, **kwargs):
        metrics = _check_metrics(metrics)
        super().__init__(metrics=metrics, **kwargs)
        self.model = None
        self.params = {}
        self._history: dict[str, list[float]] = {}
        self._rows = 0
        self._throttle = Throttle()
        self._started = time.monotonic()
        self._epoch_done = 0
        self._epoch_started = time.monotonic()
        self._diagnosis = Diagnosis()

    @traitlets.validate("metrics")
    def _valid_metrics(self, proposal):
        return _check_metrics(proposal["value"])

    @property
    def history(self) -> dict[str, list[float]]:
        """Every logged figure per epoch: ``{"loss": [...], "val_loss": [...], ...}``."""
        return {name: list(values) for name, values in self._history.items()}

    def _summary(self) -> str:
        if not self._rows:
            return "LivePlot: no epochs yet"
        last = [
            f"{name} {values[-1]:.4g}"
            for name, values in self._history.items()
            if math.isfinite(values[-1])
        ]
        return f"LivePlot: epoch {self.epoch:,} of {self.epochs:,}; " + ", ".join(last)

    def _static_image(self):
        if not self._rows:
            return None
        table = binary.read_float32(self._curves).reshape(-1, len(self._columns))
        return static_image.curves_image(table, list(self._columns))

    def clear(self) -> None:
        """Forget the curves drawn so far."""
        self._history = {}
        self._rows = 0
        self._diagnosis.clear()
        with self.hold_sync():
            self.epoch = 0
            self.epochs = 0
            self.elapsed = 0.0
            self.diagnosis = []
            self._publish()

    # --- Callback ---------------------------------------------------------------------------

    def set_model(self, model) -> None:
        """Remember the model being trained, for the diagnosis too.

        Args:
            model: The model whose `fit` is running: nnwidgets' `Sequential` or a Keras model.
        """
        super().set_model(model)
        self._diagnosis.set_model(model)

    def set_params(self, params: dict) -> None:
        """Remember `fit`'s parameters, for the diagnosis too.

        Args:
            params: `fit`'s parameters.
        """
        params = dict(params or {})
        if "loss" not in params:  # Keras' fit does not say; its model does
            params["loss"] = loss_name(self.model)
        super().set_params(params)
        self._diagnosis.set_params(params)

    def on_train_begin(self, logs=None) -> None:
        """Start the clock and the bar for this fit's epochs.

        Args:
            logs: Unused.
        """
        self._started = time.monotonic()
        with self.hold_sync():
            self.epochs = int(self.params.get("epochs") or 0)
            self.epoch = 0
            self.elapsed = 0.0
            self.running = True
        self._throttle.mark()

    def on_epoch_begin(self, epoch, logs=None) -> None:
        """Start the epoch's clock.

        Args:
            epoch: The epoch about to run, counted from 0.
            logs: Unused.
        """
        self._epoch_started = time.monotonic()

    def on_train_batch_end(self, batch, logs=None) -> None:
        """Move the bar during a long epoch.

        Args:
            batch: The batch just run, counted from 0.
            logs: Unused.
        """
        # A long epoch moves the bar too, within the same ~10 updates a second; short epochs
        # leave those updates to their curves.
        running = time.monotonic() - self._epoch_started
        if running >= self._throttle.interval and self._throttle.ready():
            with self.hold_sync():
                self.epoch_fraction = (batch + 1) / max(int(self.params.get("steps") or 1), 1)
                self.elapsed = round(time.monotonic() - self._started, 3)
            self._throttle.mark()

    def on_epoch_end(self, epoch, logs=None) -> None:
        """Add the epoch's figures to the curves, and send them (about 10 times a second at most).

        Args:
            epoch: The epoch just run, counted from 0.
            logs: The epoch's figures by name.
        """
        self._record(logs or {})
        self._diagnosis.on_epoch_end(epoch, logs)
        self._epoch_done = int(epoch) + 1
        if self._throttle.ready():
            self._send_update()  # else the next epoch's update (or on_train_end) carries it

    def on_train_end(self, logs=None) -> None:
        """Send the last curves and stop the bar.

        Args:
            logs: Unused.
        """
        self.running = False
        self._send_update()

    # --- sending ----------------------------------------------------------------------------

    def _record(self, logs: dict) -> None:
        for name, value in logs.items():
            try:
                number = float(value)
            except (TypeError, ValueError):
                continue  # not a figure (Keras callbacks may log anything)
            if name not in self._history:
                self._history[name] = [math.nan] * self._rows
            self._history[name].append(number)
        self._rows += 1
        for values in self._history.values():
            if len(values) < self._rows:
                values.append(math.nan)

    def _send_update(self) -> None:
        with self.hold_sync():
            self.epoch = getattr(self, "_epoch_done", 0)
            self.epoch_fraction = 0.0
            self.elapsed = round(time.monotonic() - self._started, 3)
            self._publish()
            # Worked out only as often as it is sent: it runs the Dense layers on a sample.
            self.diagnosis = [finding.as_dict() for finding in self._diagnosis.findings]
        self._throttle.mark()

    def _publish(self) -> None:
        names = list(self._history)
        table = np.full((self._rows, len(names)), np.nan, dtype=np.float32)
        for column, name in enumerate(names):
            table[:, column] = self._history[name]
        self._columns = names
        self._curves = binary.float32(table)


def _check_metrics(metrics):
    if metrics is None:
        return None
    try:
        names = [metrics] if isinstance(metrics, str) else list(metrics)
    except TypeError:
        raise TypeError(
            f"metrics must be a list of names like ['loss', 'accuracy'] or None, got {metrics!r}"
        ) from None
    for name in names:
        if not isinstance(name, str) or not name:
            raise TypeError(f"metrics must be names (strings), got {name!r} in {metrics!r}")
        if name.startswith("val_"):
            raise ValueError(
                f"metrics names charts by their training figure ({name[4:]!r}, not {name!r}); "
                "each chart draws the validation curve with it"
            )
        if name not in FIGURES:
            raise ValueError(
                f"metrics={metrics!r}: {name!r} is no figure fit logs; allowed: "
                f"{', '.join(map(repr, FIGURES))}. For a metric of your own, leave metrics=None: "
                "every figure fit logs is drawn"
            )
    if not names:
        raise ValueError("metrics must name at least one chart, got []; None draws every figure")
    if len(set(names)) != len(names):
        raise ValueError(f"metrics must not repeat a name, got {names!r}")
    return names
