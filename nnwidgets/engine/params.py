"""Parameters as plain pytrees: a list of {"W": (inputs, outputs), "b": (outputs,)}."""

from collections.abc import Callable, Sequence

import numpy as np


def _check_sizes(sizes):
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"sizes must list at least an input and an output width, got {sizes}")
    for size in sizes:
        if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
            raise ValueError(f"sizes must be positive integers, got {sizes}")
    return [int(s) for s in sizes]


def init_playground_params(sizes: Sequence[int], random: Callable[[], float] | int | None = None):
    """The Playground's initial network: W ~ U(-0.5, 0.5), every bias 0.1.

    The draws follow the original's order: layer by layer, for each neuron, the links coming into
    it from each neuron before.

    Args:
        sizes: The layers' widths, input first, output last: at least two positive integers.
        random: A function returning floats in [0, 1) (the Playground's seeded stream, so a seed
            reproduces the original's weights), or an int seed for numpy, or None for a fresh
            numpy generator.

    Returns:
        A list of {"W": (inputs, outputs), "b": (outputs,)} float32 arrays, input layer first.

    Raises:
        ValueError: If `sizes` lists fewer than two widths, or one that is not a positive integer.
        TypeError: If `random` is neither a function, an int nor None.
    """
    sizes = _check_sizes(sizes)
    if random is None or isinstance(random, (int, np.integer)):
        random = np.random.default_rng(random).random
    elif not callable(random):
        raise TypeError(f"random must be a function, an int seed or None, got {random!r}")
    params = []
    for inputs, outputs in zip(sizes[:-1], sizes[1:], strict=False):
        W = np.empty((inputs, outputs), np.float32)
        for j in range(outputs):
            for i in range(inputs):
                W[i, j] = random() - 0.5
        params.append({"W": W, "b": np.full(outputs, 0.1, np.float32)})
    return params


def count_params(params) -> int:
    """The number of weights and biases in `params`.

    Args:
        params: A list of {"W", "b"}.

    Returns:
        The total number of entries.
    """
    return int(sum(np.size(layer["W"]) + np.size(layer["b"]) for layer in params))
