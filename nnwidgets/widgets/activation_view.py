"""ActivationView: the data as a 2- or 3-unit layer sees it, coloured by class, recomputed after
every epoch of `fit`, with a slider to replay the epochs (the "feature function" lesson)."""

import threading

import numpy as np
import traitlets

from .. import checks
from . import binary, static_figures
from ._base import FrontEndWidget
from ._following import ViewCallback
from ._model_info import (
    accuracy,
    check_inputs,
    check_units,
    class_labels,
    classifies,
    layer_index,
    require_model,
    units_of,
)
from ._throttle import Throttle
from .keras_models import readable_model

MAX_POINTS = 5000  # more only clutters the scatter and slows each epoch's message


class ActivationView(FrontEndWidget, ViewCallback):
    """The rows of ``X`` as the layer ``layer`` (index into ``model.layers`` or name) sees them:
    a 2-D scatter for two units, a 3-D one (drag to rotate) for three, coloured by ``y``.

    Pass it to ``fit`` as a callback (nnwidgets' or Keras 3's): after each epoch it reads the
    layer again and keeps that epoch's picture, so the slider replays the training;
    epoch 0 is the model as it was when the view was made. The title gives each epoch's accuracy:
    on ``X_test``/``y_test`` when given ("test accuracy"), else on the points shown (as in the
    lesson, which shows the test set), for a model compiled with a classification loss.

    Args:
        model: A `Sequential` model, or a built ``keras.Sequential`` of Dense layers (see
            `keras_models.KerasModel`).
        X: The inputs to show, (n, *the model's input shape).
        y: Their classes (labels or class indices), one per row, for the colours.
        layer: The layer to look through, an index into ``model.layers`` or a name; by default
            the last layer with 2 or 3 units.
        units: For wider layers, the 2 or 3 units to show, e.g. ``units=(0, 3)``.
        X_test: Inputs to score each epoch's accuracy on; give ``y_test`` with it.
        y_test: Their classes.
        max_points: A larger ``X`` is shown through a fixed random sample of this many rows.
        **kwargs: Passed to the widget (e.g. ``size``, the plot's width in CSS pixels).

    Raises:
        TypeError: If an argument is of the wrong kind, or a Keras model is no
            ``keras.Sequential``.
        ValueError: If the data does not fit the model or is not finite, a Keras model is not
            built or holds a layer the view cannot read, no layer has 2 or 3 units (or the chosen
            one is not shown by ``units``), only one of ``X_test`` and ``y_test`` is given, or
            ``max_points`` is below 1.
    """

    _view = traitlets.Unicode("activation_view").tag(sync=True)

    layer_name = traitlets.Unicode("").tag(sync=True)
    activation = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    units = traitlets.List(traitlets.Int()).tag(sync=True)
    classes = traitlets.List(traitlets.Unicode()).tag(sync=True)
    epoch = traitlets.Int(0, help="the epoch shown; the slider sets it").tag(sync=True)
    epochs = traitlets.Int(0, help="the last epoch recorded").tag(sync=True)
    accuracy = traitlets.Float(None, allow_none=True, help="of the epoch shown").tag(sync=True)
    accuracy_label = traitlets.Unicode("accuracy", help="what the title calls it").tag(sync=True)
    total_points = traitlets.Int(0).tag(sync=True)
    size = traitlets.Int(420, min=160, max=2000, help="width of the plot in CSS pixels").tag(
        sync=True
    )
    # The epoch shown: float32 (points, len(units)) row-major; labels: uint8 class per point.
    _points = traitlets.Bytes(b"").tag(sync=True)
    _labels = traitlets.Bytes(b"").tag(sync=True)

    def __init__(
        self,
        model,
        X,
        y,
        layer=None,
        units=None,
        *,
        X_test=None,
        y_test=None,
        max_points=MAX_POINTS,
        **kwargs,
    ):
        given, model = model, readable_model(model, "ActivationView")
        require_model(model, "ActivationView")
        X = check_inputs(model, X, "X")
        labels, names = class_labels(y, len(X), "y")
        index = _pick_layer(model, layer)
        chosen = check_units(units, units_of(model.layers[index]), model.layers[index].name)
        test = None
        if (X_test is None) != (y_test is None):
            raise ValueError("X_test and y_test go together: give both or neither")
        if X_test is not None:
            X_test = check_inputs(model, X_test, "X_test")
            class_labels(y_test, len(X_test), "y_test")  # checked as y is
            test = (X_test, np.asarray(y_test))
        max_points = checks.integer("max_points", max_points, 1)
        total = len(X)
        if total > max_points:
            keep = np.sort(np.random.default_rng(0).choice(total, max_points, replace=False))
            X, labels, y = X[keep], labels[keep], np.asarray(y)[keep]

        super().__init__(**kwargs)
        self.model = given
        self.params = {}
        self._source = model
        self._X = X
        self._layer = index
        self._units = chosen
        self._y = np.asarray(y)
        self._test = test  # scored each epoch when given, else the points shown
        self._lock = threading.RLock()
        self._snapshots: list[np.ndarray] = []
        self._accuracies: list[float | None] = []
        self._throttle = Throttle()
        layer_object = model.layers[index]
        with self.hold_sync():
            self.layer_name = layer_object.name
            activation = getattr(layer_object, "activation", None)
            self.activation = activation if isinstance(activation, str) else None
            self.units = list(chosen)
            self.accuracy_label = "test accuracy" if test is not None else "accuracy"
            self.classes = names
            self.total_points = total
            self._labels = binary.uint8(labels)
            self._record()
            self._show(0)

    # --- Python-side reading ----------------------------------------------------------------

    def _summary(self) -> str:
        units = ", ".join(str(u) for u in self.units)
        text = f"ActivationView: layer {self.layer_name} (units {units}"
        text += f", {self.activation})" if self.activation else ")"
        text += f", epoch {self.epoch:,} of {self.epochs:,}, {self.total_points:,} points"
        if self.accuracy is not None:
            text += f", {self.accuracy_label} {100 * self.accuracy:.1f} %"
        return text

    def _static_image(self):
        points = binary.read_float32(self._points).reshape(-1, len(self.units))
        title = self.layer_name + (f" ({self.activation})" if self.activation else "")
        title += f" · epoch {self.epoch}" + (" (before training)" if self.epoch == 0 else "")
        if self.accuracy is not None:
            title += f" · {self.accuracy_label} {100 * self.accuracy:.1f} %"
        names = [f"{self.layer_name}[{unit}]" for unit in self.units]
        labels = self.labels[: len(points)]
        return static_figures.activation_view_image(
            points[: len(labels)], labels, self.classes, names, title, min(self.size, 360)
        )

    @property
    def snapshots(self) -> list[np.ndarray]:
        """Every recorded epoch's points, (points, units) float32, epoch 0 first."""
        with self._lock:
            return list(self._snapshots)

    @property
    def accuracies(self) -> list[float | None]:
        """Every recorded epoch's accuracy, epoch 0 first.

        On ``X_test``/``y_test`` when given, else on the points shown; None for a model not
        compiled with a classification loss.
        """
        with self._lock:
            return list(self._accuracies)

    @property
    def labels(self) -> np.ndarray:
        """The class of each point shown, an index into ``classes``."""
        return np.frombuffer(self._labels, np.uint8).copy()

    def figure(self, **figure_kwargs):
        """A bqplot scatter of the points as this view shows them, following it live.

        One mark per class, in the view's colours; it moves as ``fit`` trains (at most 10
        updates a second, the last epoch always) and as the slider replays the epochs. See
        ``nnwidgets.widgets.figures.activation_scatter``.

        Args:
            **figure_kwargs: Passed to ``bqplot.Figure`` (e.g. ``title``, ``layout``).

        Returns:
            bqplot.Figure: ``figure.marks[k]`` holds the points of class ``classes[k]``.

        Raises:
            ValueError: The view shows three units (a scatter is 2-D).
        """
        from .figures import activation_scatter  # bqplot loads on the first figure

        return activation_scatter(self, **figure_kwargs)

    def record(self) -> None:
        """Record the layer as it is now, as the end of an epoch does.

        For training loops that do not use callbacks.
        """
        self._record()
        self._follow()

    # --- Callback ---------------------------------------------------------------------------

    def on_epoch_end(self, epoch, logs=None) -> None:
        """Record the layer after an epoch, and show it (a few times a second at most).

        Args:
            epoch: The epoch just run, counted from 0.
            logs: Unused.
        """
        self._record()
        if self._throttle.ready():
            self._follow()

    def on_train_end(self, logs=None) -> None:
        """Show the last epoch recorded.

        Args:
            logs: Unused.
        """
        self._follow()

    # --- internals --------------------------------------------------------------------------

    @traitlets.validate("epoch")
    def _valid_epoch(self, proposal):
        value = proposal["value"]
        last = len(self._snapshots) - 1 if hasattr(self, "_snapshots") else 0
        if not 0 <= value <= max(last, 0):
            raise traitlets.TraitError(f"epoch must be between 0 and {last}, got {value}")
        return value

    @traitlets.observe("epoch")
    def _epoch_changed(self, change):
        if hasattr(self, "_snapshots"):
            self._show(change["new"])

    def _record(self) -> None:
        model, accuracy_now = self._source, None
        if not classifies(model):
            outputs = model.layer_output(self._X, self._layer)
        elif self._test is None:  # the points shown: their layer and the output in one pass
            outputs, predicted = model.layer_outputs(self._X, [self._layer, -1])
            accuracy_now = accuracy(predicted, self._y)
        else:
            outputs = model.layer_output(self._X, self._layer)
            accuracy_now = accuracy(model.layer_output(self._test[0], -1), self._test[1])
        outputs = np.asarray(outputs, np.float32).reshape(len(self._X), -1)[:, self._units]
        with self._lock:
            self._snapshots.append(np.ascontiguousarray(outputs))
            self._accuracies.append(accuracy_now)

    def _follow(self) -> None:
        """Send the newest epoch: the view moves on to it when it showed the one before."""
        with self._lock:
            last = len(self._snapshots) - 1
        following = self.epoch >= self.epochs
        with self.hold_sync():
            self.epochs = last
            if following:
                if self.epoch == last:
                    self._show(last)
                else:
                    self.epoch = last  # the observer sends its points
        self._throttle.mark()

    def _show(self, epoch: int) -> None:
        with self._lock:
            points = self._snapshots[epoch]
            accuracy_then = self._accuracies[epoch]
        with self.hold_sync():
            self._points = binary.float32(points)
            self.accuracy = accuracy_then


def _pick_layer(model, layer) -> int:
    if layer is not None:
        return layer_index(model, layer, "layer")
    for index in reversed(range(len(model.layers))):
        if units_of(model.layers[index]) in (2, 3):
            return index
    widths = ", ".join(f"{each.name}: {units_of(each)}" for each in model.layers)
    raise ValueError(
        f"no layer has 2 or 3 units ({widths}): pick one with layer=..., and its units with "
        "units=(i, j) or (i, j, k)"
    )
