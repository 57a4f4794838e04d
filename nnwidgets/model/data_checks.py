"""A model's data checked before anything trains: inputs against the input shape, targets
against the loss and the output units, each with a message naming the argument."""

import numpy as np


def check_inputs(name, x, input_shape, model_name) -> np.ndarray:
    """Inputs ``x`` as float32, checked to fit a model's input shape and to be finite.

    Args:
        name: The argument's name, for the message.
        x: The inputs.
        input_shape: The model's ``(None, ...)`` input shape.
        model_name: The model's name, for the message.

    Raises:
        TypeError: ``x`` holds something that is not a number.
        ValueError: ``x`` does not fit the input shape, or is not finite.
    """
    try:
        x = np.asarray(x, np.float32)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} must be an array of numbers: {error}") from None
    expected = input_shape[1:]
    if x.shape[1:] != expected:
        raise ValueError(
            f"{name} must have shape (n, {', '.join(map(str, expected))}) for {model_name}, "
            f"whose input is {input_shape}; got {x.shape}"
        )
    if not np.all(np.isfinite(x)):
        raise ValueError(f"{name} must be finite, got NaN or infinity")
    return x


def check_targets(name, y, n, x_name, loss, units) -> np.ndarray:
    """Targets ``y`` for ``n`` examples, checked against the loss and the output units.

    Args:
        name: The argument's name, for the message.
        y: The targets: class indices, one-hot rows or values, as the loss takes them.
        n: How many examples the inputs hold.
        x_name: The inputs' name, for the message.
        loss: The compiled loss's name.
        units: The model's output units.

    Raises:
        ValueError: ``y`` does not fit the examples, the loss or the output units.
    """
    y = np.asarray(y, np.int32 if loss == "sparse_categorical_crossentropy" else np.float32)
    if len(y) != n:
        raise ValueError(f"{name} has {len(y)} labels but {x_name} has {n} examples")
    if loss == "categorical_crossentropy" and y.shape[1:] != (units,):
        raise ValueError(
            f"{name} must be one-hot of shape ({n}, {units}) for categorical_crossentropy, "
            f"got {y.shape}"
        )
    if loss == "sparse_categorical_crossentropy" and (
        y.ndim != 1 or y.min(initial=0) < 0 or y.max(initial=0) >= units
    ):
        raise ValueError(
            f"{name} must hold class indices 0..{units - 1} (shape ({n},)) for "
            f"sparse_categorical_crossentropy, got shape {y.shape}"
        )
    if loss in ("binary_crossentropy", "mse", "mean_squared_error"):
        if y.ndim == 1 and units != 1:
            raise ValueError(f"{name} has shape {y.shape} but the model outputs {units} units")
        if y.ndim > 1 and y.shape[1:] != (units,):
            raise ValueError(f"{name} must have shape ({n}, {units}), got {y.shape}")
    return y
