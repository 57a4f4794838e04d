"""NeuronMap: one neuron's output over the input plane, drawn as a Playground heatmap."""

import numpy as np
import traitlets

from . import binary, static_image
from ._base import FrontEndWidget

# 1024² bytes is a 1 MiB message per update; finer maps than that only slow the page down.
MAX_RESOLUTION = 1024


class NeuronMap(FrontEndWidget):
    """A square map of values in [-1, 1], coloured orange (-1), grey (0) and blue (+1).

    ``values[0, 0]`` is the top-left corner (image order, as ``plt.imshow`` draws it). Values
    outside [-1, 1] take the end colours, as in the Playground. The map travels as one byte per
    cell, so reading ``values`` back gives it to within 1/255.

    Args:
        values: The map, a square 2-D array (see `quantize`), or None for an empty map.
        **kwargs: Passed to the widget (e.g. ``size``, the side in CSS pixels).

    Raises:
        TypeError: If `values` is not numbers.
        ValueError: If `values` is not a finite square 2-D array of 1×1 to 1024×1024.
    """

    _view = traitlets.Unicode("neuron_map").tag(sync=True)
    # Each cell v as round((v + 1) / 2 * 255), row-major.
    _map_uint8 = traitlets.Bytes(b"").tag(sync=True)
    resolution = traitlets.Int(0, read_only=True).tag(sync=True)
    size = traitlets.Int(300, min=16, max=4096, help="width and height in CSS pixels").tag(
        sync=True
    )

    def __init__(self, values=None, **kwargs):
        super().__init__(**kwargs)
        if values is not None:
            self.values = values

    def _summary(self) -> str:
        if not self.resolution:
            return "NeuronMap: empty"
        values = self.values
        return (
            f"NeuronMap: {self.resolution}×{self.resolution} cells, "
            f"from {values.min():.2f} to {values.max():.2f}"
        )

    def _static_image(self):
        if not self.resolution:
            return None
        return static_image.neuron_map_image(self._map_uint8, self.resolution, min(self.size, 600))

    @property
    def values(self) -> np.ndarray:
        """The map as a (resolution, resolution) float array, as the browser shows it.

        Setting it redraws the map in place; a new value is checked as by `quantize`.
        """
        cells = binary.read_uint8(self._map_uint8)
        return cells.reshape(self.resolution, self.resolution) / 255 * 2 - 1

    @values.setter
    def values(self, values) -> None:
        cells = quantize(values)
        with self.hold_sync():
            self.set_trait("resolution", cells.shape[0])
            self._map_uint8 = binary.uint8(cells)


def quantize(values) -> np.ndarray:
    """Check a square map of values and pack it into bytes: v in [-1, 1] to round((v+1)/2·255).

    Args:
        values: A square 2-D array of finite numbers, 1×1 to 1024×1024; values beyond ±1 are
            clipped.

    Returns:
        The map as uint8, of `values`' shape.

    Raises:
        TypeError: If `values` is not numbers.
        ValueError: If `values` is ragged, not square, too large, or not finite.
    """
    try:
        array = np.asarray(values)
    except ValueError as error:  # ragged nested lists
        raise ValueError(f"values must be a square 2-D array: {error}") from None
    if array.dtype.kind not in "biuf":
        raise TypeError(f"values must be numbers, got an array of {array.dtype}")
    if array.ndim != 2 or array.shape[0] != array.shape[1]:
        raise ValueError(f"values must be a square 2-D array, got shape {array.shape}")
    if not 1 <= array.shape[0] <= MAX_RESOLUTION:
        raise ValueError(
            f"values must be between 1×1 and {MAX_RESOLUTION}×{MAX_RESOLUTION}, "
            f"got {array.shape[0]}×{array.shape[1]}"
        )
    if not np.isfinite(array).all():
        raise ValueError("values must be finite, got NaN or infinity")
    return np.rint((np.clip(array, -1, 1) + 1) * 127.5).astype(np.uint8)
