"""WeightImages: each unit's incoming weights (a column of its layer's W) drawn as a small image,
e.g. what each of 256 hidden units looks for in a 28×28 digit, updating as `fit` trains."""

import numbers

import numpy as np
import traitlets

from ..model.callbacks import Callback
from . import binary, static_image
from ._base import FrontEndWidget
from ._model_info import dense_weights, input_features, layer_index
from ._throttle import Throttle

MAX_UNITS = 64
SCALES = ("unit", "shared")


class WeightImages(FrontEndWidget, Callback):
    """Each unit of a Dense layer as an image of its incoming weights, ``W[:, j]`` reshaped to
    ``shape`` (row-major, as ``W[:, j].reshape(shape)``), in the Playground's diverging colours:
    orange negative, grey zero, blue positive.

    As a ``fit`` callback it follows the training (≤ 10 updates a second).

    Args:
        model: A `Sequential` model.
        layer: Index or name; a layer without weights (Flatten) stands for the next layer with
            weights, so ``layer=0`` of Flatten → Dense(256) → Dense(10) draws the 256 units.
        shape: (rows, cols) of each image; by default the model's input shape when it is 2-D
            (28×28), else a square when the inputs make one.
        scale: "unit": each image spans its own ±max|w|, so every unit's pattern shows;
            "shared": one ±max|w| over all units drawn, so images compare.
        max_units: The first this many units are drawn, with a note saying how many there are.
        **kw: Passed to the widget (e.g. ``cell``, an image's size in CSS pixels).

    Raises:
        TypeError: If `layer` is neither an index nor a name, or `max_units` is not an int.
        ValueError: If no layer from `layer` on has weights, `shape` does not fit the weights,
            `scale` is unknown, or `max_units` is below 1.
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
        if scale not in SCALES:
            raise ValueError(f"scale must be one of {SCALES}, got {scale!r}")
        if isinstance(max_units, bool) or not isinstance(max_units, numbers.Integral):
            raise TypeError(f"max_units must be an int, got {max_units!r}")
        if max_units < 1:
            raise ValueError(f"max_units must be at least 1, got {max_units}")
        super().__init__(
            layer_name=model.layers[index].name,
            shape=shape,
            units=W.shape[1],
            shown=min(W.shape[1], int(max_units)),
            scale=scale,
            **kw,
        )
        self.model = model
        self.params = {}
        self._source = model
        self._index = index
        self._throttle = Throttle()
        self.refresh()

    @traitlets.validate("scale")
    def _valid_scale(self, proposal):
        if proposal["value"] not in SCALES:
            raise traitlets.TraitError(f"scale must be one of {SCALES}, got {proposal['value']!r}")
        return proposal["value"]

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
    try:
        rows, cols = (int(d) for d in shape)
    except (TypeError, ValueError):
        raise ValueError(f"shape must be (rows, cols), got {shape!r}") from None
    if rows < 1 or cols < 1 or rows * cols != inputs:
        raise ValueError(
            f"shape={tuple(shape)!r} does not match the weights: W has shape {tuple(W_shape)}, "
            f"so each unit has {inputs} incoming weights, and rows × cols must be {inputs}"
        )
    return (rows, cols)


def _first_dense(model) -> int:
    weights = dense_weights(model)
    return min(weights) if weights else -1
