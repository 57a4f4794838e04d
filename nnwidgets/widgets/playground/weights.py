"""Reading and editing a Playground's weights and biases, live, as clicking a link does."""

import numpy as np

from ... import checks
from .points import finite_array
from .trace import Tracing


class WeightEditing(Tracing):
    """The Playground's ``weights``, ``set_weights``, ``set_weight`` and ``set_bias``; with
    ``Tracing``, ``trace``: what the weights do to one example, and the update it asks for.

    Part of ``Playground``; it relies on the widget's ``_lock``, ``_run`` and ``_after_change``.
    """

    @property
    def weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Every layer's ``(W, b)``, input layer first; ``W`` has shape (inputs, outputs)."""
        with self._lock:
            return self._run.weights()

    def set_weights(self, weights) -> None:
        """Replace every weight and bias (live).

        Args:
            weights: A ``(W, b)`` pair per layer, as ``weights`` gives them.

        Raises:
            TypeError: ``weights`` is not a list of pairs of numbers.
            ValueError: A shape is wrong or a value is not finite; nothing changes.
        """
        current = self.weights
        if isinstance(weights, str | bytes) or not hasattr(weights, "__len__"):
            raise TypeError(f"weights must be a list of (W, b) pairs, got {type(weights).__name__}")
        if len(weights) != len(current):
            raise ValueError(f"weights must hold {len(current)} (W, b) pairs, got {len(weights)}")
        checked = []
        for index, (pair, (W0, b0)) in enumerate(zip(weights, current, strict=True)):
            try:
                W, b = pair
            except (TypeError, ValueError):
                raise ValueError(f"weights[{index}] must be a (W, b) pair") from None
            W = finite_array(f"weights[{index}][0]", W)
            b = finite_array(f"weights[{index}][1]", b)
            if W.shape != W0.shape or b.shape != b0.shape:
                raise ValueError(
                    f"weights[{index}] must have shapes W {W0.shape} and b {b0.shape}, "
                    f"got W {W.shape} and b {b.shape}"
                )
            checked.append((W, b))
        with self._lock:
            self._run.set_weights(checked)
        self._after_change()

    def set_weight(self, layer: int, i: int, j: int, value: float) -> None:
        """Set one weight (live), as editing a link does.

        Args:
            layer: The weight layer, 0 for the one after the inputs.
            i: The neuron it comes from, in layer ``layer``.
            j: The neuron it goes to, in the next layer.
            value: The new weight, a finite number.

        Raises:
            TypeError: An index is not an int, or the value not a number.
            ValueError: An index is out of range, or the value not finite.
        """
        self._edit(layer, i, j, value)

    def set_bias(self, layer: int, j: int, value: float) -> None:
        """Set the bias of neuron ``j`` in the layer that weight layer ``layer`` feeds (live).

        Raises:
            TypeError: An index is not an int, or the value not a number.
            ValueError: An index is out of range, or the value not finite.
        """
        self._edit(layer, None, j, value)

    def _edit(self, layer, i, j, value):
        value = checks.finite("value", value)
        with self._lock:
            weights = self._run.weights()
            checks.integer("layer", layer, 0, len(weights) - 1)
            W, b = weights[layer]
            if i is not None:
                checks.integer("i", i, 0, W.shape[0] - 1)
            checks.integer("j", j, 0, W.shape[1] - 1)
            if i is None:
                b[j] = value
            else:
                W[i, j] = value
            self._run.set_weights(weights)
        self._after_change()
