"""The forward pass of a Playground network in NumPy, float32, as ``forward`` computes it in JAX.

For reading many networks of different shapes once each (a class of students' submissions):
JAX compiles a kernel per shape (~0.1 s each), NumPy runs any shape at once. The activations
mirror ``activations.py`` (tanh is the same rational approximation) and each layer sums its
inputs in the order ``forward.dense`` does, so the figures agree with the engine's to float32
rounding.
"""

import numpy as np

from . import tanh_rational


def _horner(coefficients, x):
    result = np.float32(coefficients[0])
    for c in coefficients[1:]:
        result = result * x + np.float32(c)
    return result


def tanh(x: np.ndarray) -> np.ndarray:
    """The engine's float32 tanh: x·P(x²)/Q(x²) on [-c, c]."""
    x = np.clip(x, -tanh_rational.CLAMP, tanh_rational.CLAMP).astype(np.float32)
    x2 = x * x
    return x * _horner(tanh_rational.P, x2) / _horner(tanh_rational.Q, x2)


def _sigmoid(x):
    with np.errstate(over="ignore"):  # exp(-x) overflows to inf for x < -88: the sigmoid is 0
        return np.float32(1) / (np.float32(1) + np.exp(-x))


def _softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


ACTIVATIONS = {
    "relu": lambda x: np.where(x > 0, x, np.float32(0)),
    "tanh": tanh,
    "sigmoid": _sigmoid,
    "linear": lambda x: x,
    "softmax": _softmax,
    "step": lambda x: np.where(x >= 0, np.float32(1), np.float32(0)),
}


def layers(params, X, activation="tanh", output_activation="tanh") -> list[np.ndarray]:
    """Every layer's outputs for inputs ``X``, the inputs first, as ``feedforward.forward``.

    Args:
        params: A list of ``(W, b)`` per layer, input side first: float32 (inputs, outputs)
            and (outputs,).
        X: The inputs, (n, F).
        activation: The hidden layers' activation, a key of ``ACTIVATIONS``.
        output_activation: The last layer's.

    Returns:
        float32 arrays (n, width), one per layer, the inputs first.

    Raises:
        KeyError: An activation is unknown.
    """
    hidden_fn, output_fn = ACTIVATIONS[activation], ACTIVATIONS[output_activation]
    h = np.asarray(X, np.float32)
    outputs = [h]
    for index, (W, b) in enumerate(params):
        z = b + h[:, 0:1] * W[0]  # one column product per input, in order, as forward.dense
        for i in range(1, W.shape[0]):
            z = z + h[:, i : i + 1] * W[i]
        h = (output_fn if index == len(params) - 1 else hidden_fn)(z).astype(np.float32)
        outputs.append(h)
    return outputs


def output(params, X, activation="tanh", output_activation="tanh") -> np.ndarray:
    """The network's output for inputs ``X``, float32 (n, outputs) (see ``layers``)."""
    return layers(params, X, activation, output_activation)[-1]


def quantized_neuron_maps(params, grid, activation="tanh", output_activation="tanh"):
    """Every input's and neuron's output over `grid`, one byte a point, as
    ``maps.quantized_neuron_maps`` computes it in JAX (same rows, same quantisation).

    Args:
        params: A list of ``(W, b)`` per layer, input side first.
        grid: The grid points' input features, (points, F).
        activation: The hidden layers' activation.
        output_activation: The output layer's.

    Returns:
        uint8 (neurons, points): input features first, then each layer's neurons.
    """
    maps = np.concatenate(
        [layer.T for layer in layers(params, grid, activation, output_activation)]
    )
    if output_activation == "softmax":
        outputs = len(params[-1][1])
        maps[-outputs:] = 2.0 * maps[-outputs:] - 1.0
    return np.round((np.clip(maps, -1.0, 1.0) + 1.0) * np.float32(127.5)).astype(np.uint8)
