"""Reading a model's inner layers: what each layer makes of some inputs (the lessons' "what does
the hidden layer see"), computed only as deep as asked."""

import numbers

import jax
import numpy as np

from .training import forward
from .transfer import to_device


class InnerLayers:
    """``activations``, ``layer_output`` and ``layer_outputs`` of a ``Sequential``.

    Part of ``Sequential``; it relies on the model's ``layers``, ``_check_x`` and
    ``_device_params``.
    """

    def activations(self, x) -> list[np.ndarray]:
        """Every layer's output for `x`, the input first.

        Args:
            x: Inputs, (n, *input shape).

        Returns:
            [x, first layer's output, ..., last layer's output].

        Raises:
            TypeError: If `x` is not numbers.
            ValueError: If `x` does not fit the model's input shape or is not finite.
        """
        x = self._check_x("x", x)
        outputs = _forward_jit(tuple(self.layers), self._device_params(), to_device(x))
        return [np.asarray(o) for o in outputs]

    def layer_output(self, x, layer) -> np.ndarray:
        """The output of one layer for inputs `x`, computed up to that layer only.

        Args:
            x: Inputs, (n, *input shape).
            layer: The layer's index in `layers` (negative counts from the end), or its name.

        Returns:
            That layer's output.

        Raises:
            TypeError: If `x` is not numbers, or `layer` neither an index nor a name.
            ValueError: If `x` does not fit the model, or there is no such layer.
        """
        return self.layer_outputs(x, [layer])[0]

    def layer_outputs(self, x, layers) -> list[np.ndarray]:
        """The outputs of several layers for inputs `x`, in one forward pass.

        The pass stops at the last of them; only those outputs leave the kernel.

        Args:
            x: Inputs, (n, *input shape).
            layers: Layers by index in `layers` or by name.

        Returns:
            Their outputs, in the order asked.

        Raises:
            TypeError: If `x` is not numbers, or a layer is neither an index nor a name.
            ValueError: If `x` does not fit the model, or there is no such layer.
        """
        picks = tuple(self._layer_index(layer) + 1 for layer in layers)
        x = self._check_x("x", x)
        depth = max(picks, default=0)
        outputs = _outputs_jit(
            tuple(self.layers[:depth]), picks, self._device_params()[:depth], to_device(x)
        )
        return [np.asarray(o) for o in outputs]

    def _layer_index(self, layer) -> int:
        names = [candidate.name for candidate in self.layers]
        if isinstance(layer, str):
            if layer not in names:
                raise ValueError(f"layer must be one of {names}, got {layer!r}")
            return names.index(layer)
        if isinstance(layer, bool) or not isinstance(layer, numbers.Integral):
            raise TypeError(f"layer must be an index or a name, got {layer!r}")
        if not -len(names) <= layer < len(names):
            raise ValueError(f"layer must be an index from 0 to {len(names) - 1}, got {layer}")
        return int(layer) % len(names)


def _apply_all(layers, params, x):
    return forward(list(layers), params, x)


_forward_jit = jax.jit(_apply_all, static_argnums=0)
# The outputs at `picks` only (0 is the input): the others never leave the kernel.
_outputs_jit = jax.jit(
    lambda layers, picks, params, x: [_apply_all(layers, params, x)[k] for k in picks],
    static_argnums=(0, 1),
)
