"""The forward pass of a dense network given as a params pytree."""

import jax.numpy as jnp

from .activations import get_activation


def dense(h, W, b):
    """h @ W + b, one layer's pre-activation, for one configuration or many.

    Written in the form XLA:CPU ran fastest for each shape (measured while building the engine;
    `make bench` shows the result). The Playground's layers are tiny (at most 8 inputs): over many
    rows a sum of one column product per input is one elementwise kernel; over a mini-batch a
    broadcast-multiply-sum beats `@` several times; wide layers (digits, MNIST) go to the matmul
    library.

    Args:
        h: The layer's inputs, (rows, in); or (rows, in, C or 1) with a trailing axis of C
            configurations.
        W: The weights, (in, out); or (in, out, C).
        b: The biases, (out,); or (out, C).

    Returns:
        The pre-activation, (rows, out); or (rows, out, C).
    """
    rows, inputs, outputs = h.shape[0], W.shape[0], W.shape[1]
    if inputs <= 8 and rows > 32:
        z = b + h[:, 0:1] * W[0]
        for i in range(1, inputs):
            z = z + h[:, i : i + 1] * W[i]
        return z
    if W.ndim == 2 and rows * inputs * outputs > 4096:
        return h @ W + b
    return jnp.sum(h[:, :, None] * W[None], axis=1) + b


def forward(params, X, activation="tanh", output_activation="tanh"):
    """Every layer's output for inputs X (n, F): [X, hidden 1, ..., output].

    Args:
        params: A list of {"W": (inputs, outputs), "b": (outputs,)}, input layer first.
        X: The inputs, (n, F).
        activation: The hidden layers' activation, by name (see `get_activation`).
        output_activation: The last layer's activation, by name.

    Returns:
        A list of arrays: `X` itself, then each layer's output, (n, width), the output last.

    Raises:
        ValueError: If an activation name is unknown.
    """
    hidden_fn = get_activation(activation)
    output_fn = get_activation(output_activation)
    outputs = [jnp.asarray(X)]
    for index, layer in enumerate(params):
        fn = output_fn if index == len(params) - 1 else hidden_fn
        outputs.append(fn(dense(outputs[-1], layer["W"], layer["b"])))
    return outputs
