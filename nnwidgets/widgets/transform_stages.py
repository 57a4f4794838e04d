"""What TransformView draws, computed in numpy: the network as (name, W, b, activation) layers,
and the grid, î, ĵ and the data moved through each stage of each layer (W·x, +b, activation)."""

import numbers

import numpy as np

from ._model_info import activation_name, check_units, class_labels, dense_weights


def compute_stages(network, square, X, first: int, last: int, chosen, grid: int):
    """Every stage of layers ``first`` to ``last`` of ``network``, as the view sends them.

    Args:
        network: [(name, W (in, out), b (out,), activation name, model layer index)].
        square: The input square (x lo, x hi, y lo, y hi) the grid covers.
        X: The data points, (n, 2).
        first: The first layer shown; the layers before it only move the points.
        last: The last layer shown.
        chosen: The units shown of each layer (see `units_for`).
        grid: Points per side of the grid.

    Returns:
        The index (grid, basis, points, square and each stage's entry) and every stage's
        points, float32, one stage after the other.
    """
    xs = np.linspace(square[0], square[1], grid)
    ys = np.linspace(square[2], square[3], grid)
    gx, gy = np.meshgrid(xs, ys)  # row r: y = ys[r], x runs along it
    basis = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    points = np.concatenate([np.column_stack([gx.ravel(), gy.ravel()]), basis, X])
    # Forward through the layers before the first shown one.
    h = points
    for _, W, b, activation, _ in network[:first]:
        h = _activate(h @ W + b, activation)
    decision_layer = _decision_layer(network)
    stages = []
    input_units = tuple(range(2)) if first == 0 else chosen[first - 1]
    input_name = "input" if first == 0 else f"{network[first - 1][0]} (input)"
    stages.append(_stage(input_name, "input", first - 1 if first else None, h, input_units))
    for k in range(first, last + 1):
        name, W, b, activation, _ = network[k]
        shown = chosen[k]
        linear = h @ W
        biased = linear + b
        stages.append(_stage(f"{name}: W·x", "linear", k, linear, shown))
        stages.append(_stage(f"{name}: +b", "bias", k, biased, shown))
        h = _activate(biased, activation)
        if activation not in ("linear", None):
            stages.append(_stage(f"{name}: {activation}", "activation", k, h, shown))
        if k == decision_layer:
            stages[-1][0]["decision"] = _decision(network[k + 1], shown)
    index_stages, blocks, offset = [], [], 0
    for entry, block in stages:
        entry["offset"] = offset
        offset += block.size
        index_stages.append(entry)
        blocks.append(block)
    index = {
        "grid": grid,
        "basis": 3,
        "points": int(len(X)),
        "square": [float(v) for v in square],
        "stages": index_stages,
    }
    return index, np.concatenate(blocks).astype(np.float32)


def model_network(model):
    """A model's Dense layers as [(name, W, b, activation name, index in model.layers)], the
    last named "output". An Activation layer after a linear Dense layer is that layer's
    activation; Dropout and Flatten change nothing the view draws.

    Raises:
        ValueError: For a layer with weights that is not Dense, an Activation layer that does
            not follow a linear Dense layer, or a model without Dense layers.
    """
    weights = dense_weights(model)
    network = []
    for index, layer in enumerate(model.layers):
        kind = type(layer).__name__
        if index in weights and hasattr(layer, "units"):
            W, b = (np.asarray(a, np.float64) for a in weights[index])
            name = f"layer {len(network) + 1}"
            network.append((name, W, b, activation_name(layer) or "linear", index))
        elif index in weights:
            raise ValueError(f"TransformView shows Dense layers; layer {index} ({kind}) is not one")
        elif kind == "Activation":
            if not network or network[-1][3] != "linear":
                raise ValueError(
                    f"TransformView shows one activation per Dense layer; layer {index} "
                    f"({layer.name!r}, an Activation) does not follow a linear Dense layer"
                )
            network[-1] = (*network[-1][:3], activation_name(layer), network[-1][4])
    if not network:
        raise ValueError("this model has no Dense layer to show")
    network[-1] = ("output", *network[-1][1:])
    return network


def units_for(units, network) -> list[tuple[int, ...]]:
    """The units shown of each layer of ``network``: all of a layer with ≤ 3, else the chosen
    ones (``units``: one choice for every wider layer, or ``{layer position: choice}``)."""
    per_layer = {}
    if isinstance(units, dict):
        for key, value in units.items():
            if isinstance(key, bool) or not isinstance(key, numbers.Integral):
                raise TypeError(f"units' keys must be layer positions (ints), got {key!r}")
            if not 0 <= key < len(network):
                raise ValueError(
                    f"units has layer {key}, but there are {len(network)} layers (0 to "
                    f"{len(network) - 1})"
                )
            per_layer[int(key)] = value
        default = None
    else:
        default = units
        if units is not None and all(entry[1].shape[1] <= 3 for entry in network):
            raise ValueError(
                f"units={units!r} picks units of layers wider than 3, and this network has none; "
                "to show fewer units of one layer, give units={layer position: (i, j)}"
            )
    chosen = []
    for position, entry in enumerate(network):
        width = entry[1].shape[1]
        wanted = per_layer.get(position, default)
        if wanted is None or (position not in per_layer and width <= 3):
            chosen.append(tuple(range(min(width, 3))))
            continue
        chosen.append(check_units(wanted, width, entry[0]))
    return chosen


def check_data(X, y, max_points):
    """The data points as float64 (n, 2), their class indices and the classes' names, a larger
    ``X`` sampled down to ``max_points`` rows."""
    try:
        X = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise TypeError(f"X must be an array of numbers: {error}") from None
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite (no NaN or inf)")
    labels, names = class_labels(y, len(X), "y")
    if len(X) > max_points:
        keep = np.sort(np.random.default_rng(0).choice(len(X), max_points, replace=False))
        X, labels = X[keep], labels[keep]
    return X, np.asarray(labels, np.uint8), names


def square_around(X):
    """The grid's square: X's extent, 5% wider each side (a unit square around a single point)."""
    if len(X) == 0:
        return (-1.0, 1.0, -1.0, 1.0)
    lo, hi = X.min(axis=0), X.max(axis=0)
    span = np.where(hi > lo, hi - lo, 1.0)
    lo, hi = lo - 0.05 * span, hi + 0.05 * span
    return (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def _stage(name, kind, layer, values, units):
    values = np.asarray(values, np.float64)
    shown = values[:, list(units)]
    entry = {
        "name": name,
        "kind": kind,
        "layer": layer,
        "dims": len(units),
        "units": [int(u) for u in units],
        "decision": None,
    }
    return entry, np.ascontiguousarray(shown, dtype=np.float32).ravel()


def _activate(values, activation):
    if activation in (None, "linear"):
        return values
    if activation == "relu":
        return np.maximum(values, 0.0)
    if activation == "tanh":
        return np.tanh(values)
    if activation == "sigmoid":
        return 1.0 / (1.0 + np.exp(-values))
    if activation == "softmax":
        shifted = np.exp(values - values.max(axis=1, keepdims=True))
        return shifted / shifted.sum(axis=1, keepdims=True)
    if activation == "step":
        return (values >= 0).astype(np.float64)
    from ..engine.activations import get_activation

    return np.asarray(get_activation(activation)(values.astype(np.float32)), np.float64)


def _decision_layer(network) -> int | None:
    """The last hidden layer (the one before the output), when the output draws a line."""
    if len(network) < 2:
        return None
    W = network[-1][1]
    return len(network) - 2 if W.shape[1] in (1, 2) else None


def _decision(output, shown):
    """The output's boundary w·h + b = 0 in the shown units: one unit's pre-activation 0
    (sigmoid 0.5, tanh 0), or for two outputs where both are equal."""
    W, b = output[1], output[2]
    if W.shape[1] == 1:
        w, bias = W[:, 0], float(b[0])
    else:
        w, bias = W[:, 1] - W[:, 0], float(b[1] - b[0])
    if len(shown) != len(w):
        return None  # other units also move the boundary: no line in these units alone
    return {"w": [float(w[u]) for u in shown], "b": bias}
