"""Every neuron's output over a grid of points, in one jitted call."""

from functools import partial

import jax
import jax.numpy as jnp

from .feedforward import forward


@partial(jax.jit, static_argnames=("activation", "output_activation"))
def neuron_maps(params, grid_inputs, activation="tanh", output_activation="tanh"):
    """Outputs of every input feature and neuron at each grid point.

    Args:
        params: The network, a list of {"W", "b"}, input layer first.
        grid_inputs: The input features of the grid points, (points, F); the caller computes
            them once per feature set.
        activation: The hidden layers' activation, by name.
        output_activation: The output layer's activation, by name.

    Returns:
        (neurons, points) float32: rows run input features first, then each layer's neurons in
        order.
    """
    layers = forward(params, grid_inputs, activation, output_activation)
    return jnp.concatenate([layer.T for layer in layers], axis=0)


@partial(jax.jit, static_argnames=("activation", "output_activation"))
def quantized_neuron_maps(params, grid_inputs, activation="tanh", output_activation="tanh"):
    """`neuron_maps` quantised to one byte per point, as the browser receives them.

    Values are clipped to [-1, 1] and sent as uint8 round((v + 1) / 2 * 255): the colour scale's
    whole domain in one byte per point, a quarter of float32's bytes to the browser. Softmax
    outputs are class probabilities p, sent as v = 2p - 1 (the whole byte for 0..1).

    Args:
        params: The network, a list of {"W", "b"}, input layer first.
        grid_inputs: The input features of the grid points, (points, F).
        activation: The hidden layers' activation, by name.
        output_activation: The output layer's activation, by name.

    Returns:
        (neurons, points) uint8, rows as in `neuron_maps`.
    """
    maps = neuron_maps(params, grid_inputs, activation, output_activation)
    if output_activation == "softmax":
        outputs = params[-1]["b"].shape[0]
        maps = maps.at[-outputs:].set(2.0 * maps[-outputs:] - 1.0)
    return jnp.round((jnp.clip(maps, -1.0, 1.0) + 1.0) * 127.5).astype(jnp.uint8)
