"""What the views read from a model (an nnwidgets Sequential, or a Keras one read through
`keras_models.KerasModel`): layers by index or name, Dense weights per layer, input and label
checks. Every check raises before a view changes anything, naming the argument and the shapes."""

import numbers

import numpy as np

MAX_CLASSES = 20


def require_model(source, view: str) -> None:
    """TypeError naming `view` unless `source` reads as a model (layers and weights)."""
    if not (hasattr(source, "layers") and hasattr(source, "get_weights")):
        raise TypeError(
            f"{view} needs a model (nnwidgets.Sequential or keras.Sequential), got "
            f"{type(source).__name__}"
        )


def layer_index(model, layer, argument: str = "layer") -> int:
    """The index into ``model.layers`` of ``layer``: an int (negative counts from the end) or a
    layer's name."""
    layers = list(model.layers)
    names = [getattr(each, "name", str(k)) for k, each in enumerate(layers)]
    if isinstance(layer, str):
        if layer not in names:
            raise ValueError(
                f"{argument}={layer!r} is not a layer of this model; its layers are "
                f"{', '.join(repr(n) for n in names)}"
            )
        return names.index(layer)
    if isinstance(layer, bool) or not isinstance(layer, numbers.Integral):
        raise TypeError(
            f"{argument} must be a layer's index or name, got {type(layer).__name__} {layer!r}"
        )
    if not -len(layers) <= layer < len(layers):
        raise ValueError(
            f"{argument}={layer} is out of range: this model has {len(layers)} layers "
            f"(0 to {len(layers) - 1}, or a name: {', '.join(repr(n) for n in names)})"
        )
    return int(layer) % len(layers)


def units_of(layer) -> int:
    """How many values a layer puts out per example (its output's last axis)."""
    shape = tuple(layer.output_shape)
    return int(np.prod([d for d in shape[1:] if d is not None])) if len(shape) > 1 else 1


def is_dense(layer) -> bool:
    """Whether `layer` is a dense layer."""
    return type(layer).__name__ == "Dense"


def activation_name(layer) -> str | None:
    """The name of `layer`'s activation, or None for a layer without one."""
    return getattr(layer, "activation", None)


def dense_weights(model) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """``{layer index: (W, b)}`` for every layer with weights, ``W`` of shape (inputs, units);
    ``b`` is zeros for a layer without a bias."""
    flat = list(model.get_weights())
    result = {}
    position = 0
    for index, layer in enumerate(model.layers):
        keys = list(layer.param_shapes())
        if not keys:
            continue
        arrays = dict(zip(keys, flat[position : position + len(keys)], strict=True))
        position += len(keys)
        W = np.asarray(arrays["W"], dtype=np.float32)
        b = np.asarray(arrays.get("b", np.zeros(W.shape[1])), dtype=np.float32)
        result[index] = (W, b)
    return result


def input_features(model) -> tuple[int, ...]:
    """The shape of one example, as the model takes it: (4,) or (28, 28)."""
    return tuple(int(d) for d in tuple(model.input_shape)[1:])


def check_inputs(model, X, argument: str = "X") -> np.ndarray:
    """``X`` as float32, checked against the model's input shape."""
    try:
        array = np.asarray(X, dtype=np.float32)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{argument} must be an array of numbers: {error}") from None
    expected = input_features(model)
    if array.ndim != len(expected) + 1 or tuple(array.shape[1:]) != expected:
        want = ", ".join(["n", *(str(d) for d in expected)])
        raise ValueError(
            f"{argument} must have shape ({want}) for this model, whose input shape is "
            f"{tuple(model.input_shape)}; got {array.shape}"
        )
    if len(array) == 0:
        raise ValueError(f"{argument} must hold at least one example, got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{argument} must be finite, got NaN or infinity")
    return array


def class_labels(y, n: int, argument: str = "y") -> tuple[np.ndarray, list[str]]:
    """Labels as class indices 0..k-1 (uint8) and the classes' names, from integer, float, string
    or one-hot labels."""
    array = np.asarray(y)
    if array.ndim == 2 and array.shape[1] > 1:  # one-hot or probabilities
        index = np.argmax(array, axis=1)
        names = [str(k) for k in range(array.shape[1])]
    else:
        if array.ndim == 2:
            array = array[:, 0]
        if array.ndim != 1:
            raise ValueError(f"{argument} must be one label per example, got shape {array.shape}")
        if array.dtype.kind == "f" and not np.all(np.isfinite(array)):
            raise ValueError(f"{argument} must hold class labels, got NaN or infinity")
        values, index = np.unique(array, return_inverse=True)
        if len(values) > MAX_CLASSES:
            raise ValueError(
                f"{argument} must hold class labels (at most {MAX_CLASSES} distinct values), "
                f"got {len(values)} distinct values"
            )
        names = [_label_name(v) for v in values]
    if len(index) != n:
        raise ValueError(f"{argument} must have one label per row of X ({n}), got {len(index)}")
    return index.astype(np.uint8), names


def _label_name(value) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def loss_name(model) -> str | None:
    """The name of the loss `model` is compiled with, or None before ``compile``."""
    loss = getattr(model, "loss", None)  # Keras': a name, a loss object or a function
    if loss is None:
        loss = (getattr(model, "_compiled", None) or {}).get("loss")
    if loss is None or isinstance(loss, str):
        return loss
    return getattr(loss, "name", None) or getattr(loss, "__name__", None)


def classifies(model) -> bool:
    """Is `model` compiled with a classification loss (so that an accuracy means something)?"""
    return str(loss_name(model) or "").endswith("crossentropy")


def accuracy(predicted, y) -> float | None:
    """The fraction of a model's outputs `predicted` that name their class ``y``: class numbers
    (as ``fit`` takes them) or one-hot rows; one output is thresholded at 0.5, several go by the
    largest. None when ``y`` holds no class numbers (names, say), which no output can be scored
    against."""
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] > 1:
        classes = np.argmax(y, axis=1)
    elif np.issubdtype(y.dtype, np.number) or y.dtype == bool:
        classes = y.reshape(len(y))
    else:
        return None
    predicted = np.asarray(predicted)
    if predicted.ndim == 1 or predicted.shape[-1] == 1:
        guess = (predicted.reshape(-1) > 0.5).astype(np.int64)
    else:
        guess = np.argmax(predicted, axis=-1)
    return float(np.mean(guess == classes))


def check_units(units, width: int, name: str) -> tuple[int, ...]:
    """`units` checked against a layer of `width` units: 2 or 3 distinct indices; None picks
    every unit of a 2- or 3-unit layer. TypeError/ValueError naming `units` and the layer."""
    if units is None:
        if width in (2, 3):
            return tuple(range(width))
        raise ValueError(
            f"layer {name!r} has {width} units: pick 2 or 3 of them with units=(i, j) or "
            f"(i, j, k), each from 0 to {width - 1}"
        )
    if isinstance(units, (str, bytes)):
        raise TypeError(f"units must be 2 or 3 unit indices, got {units!r}")
    try:
        chosen = tuple(units)
    except TypeError:
        raise TypeError(f"units must be 2 or 3 unit indices, got {units!r}") from None
    if len(chosen) not in (2, 3):
        raise ValueError(f"units must name 2 or 3 units, got {len(chosen)}: {units!r}")
    for unit in chosen:
        if isinstance(unit, bool) or not isinstance(unit, numbers.Integral):
            raise TypeError(f"units must be ints, got {unit!r} in {units!r}")
        if not 0 <= unit < width:
            raise ValueError(
                f"units={units!r}: layer {name!r} has {width} units, so each must be 0 to "
                f"{width - 1}"
            )
    if len(set(chosen)) != len(chosen):
        raise ValueError(f"units must be different units, got {units!r}")
    return tuple(int(u) for u in chosen)
