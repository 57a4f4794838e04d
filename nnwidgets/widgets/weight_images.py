"""WeightImages: each unit's incoming weights (a column of its layer's W) drawn as a small image,
e.g. what each of 256 hidden units looks for in a 28×28 digit, updating as `fit` trains."""

import numpy as np
import traitlets

from .. import checks
from . import binary, static_image
from ._base import FrontEndWidget
from ._following import ViewCallback
from ._model_info import dense_weights, input_features, layer_index, require_model
from ._throttle import Throttle
from .keras_models import readable_model

MAX_UNITS = 64
SCALES = ("unit", "shared")


class WeightImages(FrontEndWidget, ViewCallback):
    """Each unit of a Dense layer as an image of its incoming weights, ``W[:, j]`` reshaped to
    ``shape`` (row-major, as ``W[:, j].reshape(shape)``), in the Playground's diverging colours:
    orange negative, grey zero, blue positive.

    As a ``fit`` callback (nnwidgets' or Keras 3's) it follows the training (≤ 10 updates a
    second).

    Args:
        model: A `Sequential` model, or a built ``keras.Sequential`` of Dense layers (see
            `keras_models.KerasModel`).
        layer: Index or name; a layer without weights (Flatten) stands for the next layer with
            weights, so ``layer=0`` of Flatten → Dense(256) → Dense(10) draws the 256 units.
        shape: (rows, cols) of each image; by default the model's input shape when it is 2-D
            (28×28), else a square when the inputs make one.
        scale: "unit": each image spans its own ±max|w|, so every unit's pattern shows;
            "shared": one ±max|w| over all units drawn, so images compare.
        max_units: The first this many units are drawn, with a note saying how many there are.
        **kw: Passed to the widget (e.g. ``cell``, an image's size in CSS pixels).

    Raises:
        TypeError: If `model` is no model (or a Keras model no ``keras.Sequential``), `layer`
            is neither an index nor a name, or `shape` or `max_units` holds no ints.
        ValueError: If no layer from `layer` on has weights, `shape` does not fit the weights,
            `scale` is unknown, `max_units` is below 1, or a Keras model is not built or holds
            a layer the view cannot read.
    """

    _view = traitlets.Unicode("weight_images").tag(sync=True)

    layer_name = traitlets.Unicode("").tag(sync=True)
    shape = traitlets.Tuple(traitlets.Int(), traitlets.Int(), default_value=(1, 1)).tag(sync=True)
    units = traitlets.Int(0, help="units of the layer").tag(sync=True)
    shown = traitlets.Int(0, help="images drawn: the first units of the layer").tag(sync=True)
    scale = traitlets.Unicode("unit").tag(sync=True)
    cell = traitlets.Int(56, min=8, max=512, help="image size in CSS pixels").tag(sync=True)
    # One byte per pixel, image after image: round((w / s + 1) / 2 · 255), s the image's scale.
    _images = traitlets.Bytes(b"").tag(sync=True)
    # float32 per image: the |w| that the end colours stand for.
    _maxima = traitlets.Bytes(b"").tag(sync=True)

    def __init__(self, model, layer=0, shape=None, *, scale="unit", max_units=MAX_UNITS, **kw):
        given, model = model, readable_model(model, "WeightImages")
        require_model(model, "WeightImages")
        index = layer_index(model, layer, "layer")
        weights = dense_weights(model)
        if index not in weights:
            # A layer without weights (Flatten, Dropout) stands for the next one with weights:
            # layer=0 of Flatten → Dense(256) means the Dense layer's images.
            later = [k for k in weights if k > index]
            if not later:
                name = model.layers[index].name
                dense = [f"{k} ({model.layers[k].name})" for k in weights]
                raise ValueError(
                    f"layer={layer!r}: {name!r} has no weights, nor has any layer after it; "
                    f"layers with weights: {', '.join(dense) or 'none'}"
                )
            index = later[0]
        W = weights[index][0]
        shape = _check_shape(shape, W.shape, index, model)
        checks.one_of("scale", scale, SCALES)
        max_units = checks.integer("max_units", max_units, 1)
        super().__init__(
            layer_name=model.layers[index].name,
            shape=shape,
            units=W.shape[1],
            shown=min(W.shape[1], int(max_units)),
            scale=scale,
            **kw,
        )
        self.model = given
        self.params = {}
        self._source = model
        self._index = index
        self._throttle = Throttle()
        self.refresh()

    @traitlets.validate("scale")
    def _valid_scale(self, proposal):
        try:
            return checks.one_of("scale", proposal["value"], SCALES)
        except ValueError as error:
            raise traitlets.TraitError(str(error)) from None

    @traitlets.observe("scale")
    def _scale_changed(self, change):
        if hasattr(self, "_source"):
            self.refresh()

    def _summary(self) -> str:
        rows, cols = self.shape
        return (
            f"WeightImages: {self.shown} of the {self.units} units of {self.layer_name}, "
            f"{rows}×{cols} each, scale {self.scale}"
        )

    def _static_image(self):
        if not self.shown:
            return None
        cell = min(self.cell, 112)  # a still stays small, whatever the view's size
        return static_image.weight_images_image(self._images, self.shown, tuple(self.shape), cell)

    @property
    def images(self) -> np.ndarray:
        """The weights drawn, (shown, rows, cols) float32, as the model has them now."""
        W = dense_weights(self._source)[self._index][0]
        return W[:, : self.shown].T.reshape(self.shown, *self.shape).copy()

    def refresh(self) -> None:
        """Draw the layer's weights as they are now."""
        images = self.images
        if self.scale == "shared":
            largest = float(np.max(np.abs(images))) if images.size else 0.0
            maxima = np.full(len(images), largest, dtype=np.float32)
        else:
            maxima = np.max(np.abs(images.reshape(len(images), -1)), axis=1).astype(np.float32)
        maxima = np.where(np.isfinite(maxima) & (maxima > 0), maxima, 1).astype(np.float32)
        scaled = np.clip(images / maxima[:, None, None], -1, 1)
        scaled = np.nan_to_num(scaled, nan=0.0)
        with self.hold_sync():
            self._images = binary.quantized(scaled)
            self._maxima = binary.float32(maxima)
        self._throttle.mark()

    def on_epoch_end(self, epoch, logs=None) -> None:
        """Redraw after an epoch (about 10 times a second at most).

        Args:
            epoch: The epoch just run, counted from 0.
            logs: Unused.
        """
        if self._throttle.ready():
            self.refresh()

    def on_train_end(self, logs=None) -> None:
        """Redraw the weights as training left them.

        Args:
            logs: Unused.
        """
        self.refresh()


def _check_shape(shape, W_shape, index, model) -> tuple[int, int]:
    inputs = W_shape[0]
    if shape is None:
        features = input_features(model)
        if index == _first_dense(model) and len(features) == 2:
            return features
        side = int(round(inputs**0.5))
        if side * side == inputs:
            return (side, side)
        raise ValueError(
            f"shape: the {inputs} incoming weights of each unit make no square image; give "
            f"shape=(rows, cols) with rows × cols = {inputs}"
        )
    if isinstance(shape, (str, bytes)) or not hasattr(shape, "__len__") or len(shape) != 2:
        raise ValueError(f"shape must be (rows, cols), got {shape!r}")
    rows, cols = (checks.integer(f"shape[{k}]", d, 1) for k, d in enumerate(shape))
    if rows * cols != inputs:
        raise ValueError(
            f"shape={tuple(shape)!r} does not match the weights: W has shape {tuple(W_shape)}, "
            f"so each unit has {inputs} incoming weights, and rows × cols must be {inputs}"
        )
    return (rows, cols)


def _first_dense(model) -> int:
    weights = dense_weights(model)
    return min(weights) if weights else -1
