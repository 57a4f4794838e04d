"""The Playground's seven input features of a 2-D point, and the grid its heatmaps are drawn on.

As in the original the features are not normalised: ``x1^2`` reaches 36 on the [-6, 6] square.
"""

import numbers

import numpy as np

from .. import spec

# canonical order: the order of the original's input column, top to bottom
_FEATURE_FUNCTIONS = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 * x1,
    "x2^2": lambda x1, x2: x2 * x2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: np.sin(x1),
    "sin(x2)": lambda x1, x2: np.sin(x2),
}
FEATURES = spec.FEATURES  # the same names, in the same order (tests/data checks)

# the original's names, used in playground.tensorflow.org links (e.g. "#xSquared=true")
URL_NAME_OF = {
    "x1": "x",
    "x2": "y",
    "x1^2": "xSquared",
    "x2^2": "ySquared",
    "x1*x2": "xTimesY",
    "sin(x1)": "sinX",
    "sin(x2)": "sinY",
}
FEATURE_OF_URL_NAME = {url_name: name for name, url_name in URL_NAME_OF.items()}


def check_feature_names(names) -> tuple[str, ...]:
    """``names`` as a tuple, checked: at least one, each known, none repeated.

    Args:
        names: A sequence of feature names (see `FEATURES`).

    Returns:
        The names as a tuple.

    Raises:
        TypeError: If `names` is a single string.
        ValueError: If `names` is empty, holds an unknown name or repeats one.
    """
    if isinstance(names, str):
        raise TypeError(f"names must be a sequence of feature names, got the string {names!r}")
    names = tuple(names)
    allowed = ", ".join(repr(name) for name in FEATURES)
    for name in names:
        if name not in _FEATURE_FUNCTIONS:
            raise ValueError(f"feature names must be among {allowed}, got {name!r}")
    if not names:
        raise ValueError(f"names must hold at least one feature (of {allowed}), got none")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        twice = ", ".join(map(repr, repeated))
        raise ValueError(f"feature names must not repeat, got {twice} more than once")
    return names


def feature_matrix(points, names) -> np.ndarray:
    """The features ``names`` of each 2-D point, as columns in the order given, float32.

    Args:
        points: Shape (n, 2): x1, x2.
        names: Feature names (see `FEATURES`), checked by `check_feature_names`.

    Returns:
        Shape (n, len(names)), float32 (computed in float64, as the original does).

    Raises:
        TypeError: If `names` is a single string.
        ValueError: If a name is refused, or `points` is not of shape (n, 2).
    """
    names = check_feature_names(names)
    points = np.asarray(points, dtype=np.float64)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2), got {points.shape}")
    x1, x2 = points[:, 0], points[:, 1]
    # computed in float64, as the original does, then stored compactly for the engine
    columns = [_FEATURE_FUNCTIONS[name](x1, x2) for name in names]
    return np.stack(columns, axis=1).astype(np.float32)


def grid_points(resolution: int = 100, extent: float = 6.0) -> np.ndarray:
    """Centres of a ``resolution`` × ``resolution`` grid of cells over [-extent, extent]².

    Row-major in image orientation: row 0 is the top (x2 = +extent side), and within a row x1
    grows left to right, so ``values.reshape(resolution, resolution)`` is an image to draw as is.
    (The original's heatmap samples 100 points from -6 to 6 inclusive rather than cell centres;
    here each pixel shows the value at its middle.)

    Args:
        resolution: Cells per side, 1 or more.
        extent: Half the side of the square, a positive finite number.

    Returns:
        Shape (resolution², 2), float64: x1, x2 of each cell's centre.

    Raises:
        TypeError: If `resolution` is not an int or `extent` not a number.
        ValueError: If `resolution` is below 1 or `extent` not positive and finite.
    """
    if isinstance(resolution, bool) or not isinstance(resolution, numbers.Integral):
        raise TypeError(f"resolution must be an int, got {resolution!r}")
    if resolution < 1:
        raise ValueError(f"resolution must be at least 1, got {resolution}")
    if isinstance(extent, bool) or not isinstance(extent, numbers.Real):
        raise TypeError(f"extent must be a number, got {extent!r}")
    if not 0 < extent < np.inf:
        raise ValueError(f"extent must be a positive finite number, got {extent!r}")
    cell = 2 * extent / resolution
    centres = -extent + (np.arange(resolution) + 0.5) * cell
    x1, x2 = np.meshgrid(centres, centres[::-1])
    return np.stack([x1.ravel(), x2.ravel()], axis=1)
