"""TensorFlow Playground's six data sets, drawn number for number as playground.tensorflow.org does.

The original (``src/dataset.ts`` and ``generateData`` in ``src/playground.ts``) seeds its random
stream, draws the points of one generator, shuffles them with Fisher-Yates from the same stream,
and takes the first ``floor(n * train_ratio / 100)`` points as training data. It then draws the
initial weights from that same stream. Here:

- ``generate(name, noise, rng)`` draws and shuffles the points from a ``SeededRandom`` and leaves
  ``rng`` where the original leaves ``Math.random``, ready for the weights;
- ``playground(name, noise, seed)`` is the same from a fresh seed (``nw.datasets.playground``);
- ``playground_split(...)`` also splits into training and test data as the original does.

``noise`` is the original's percent scale: the UI offers 0-50; from Python up to ``MAX_NOISE``.
With the same seed string (e.g. ``"0.12345"`` from a Playground link) the points equal the
original's, in the same order, with the same labels, and the stream ends where the original's
does. Only the last bit of a coordinate may differ now and then: browsers' sin, cos and log may
round differently from the C library's.
"""

import math
import numbers

import numpy as np

from .. import spec
from .random import SeededRandom

PROBLEM_OF = spec.PROBLEM_OF  # each data set's problem, in the original's menu order
DATASETS = spec.DATASETS
POINTS_PER_PROBLEM = {"classification": 500, "regression": 1200}
# percent; the original's UI stops at 50, past 100 the noise swamps every shape
MIN_NOISE, MAX_NOISE = spec.NOISE_RANGE
MAX_POINTS = 100_000  # the generators draw one number at a time in Python, like the original
MIN_TRAIN_RATIO, MAX_TRAIN_RATIO = spec.TRAIN_RATIO_RANGE  # percent; the original offers 10-90
# Beyond the original: these also come with 3 to MAX_CLASSES classes, labelled 0, 1, ...
MULTICLASS_DATASETS = spec.MULTICLASS_DATASETS
MAX_CLASSES = spec.MAX_CLASSES

Point = tuple[float, float, float]  # x, y, label


def _d3_linear(value: float, domain: tuple, output: tuple, clamp: bool = False) -> float:
    """A d3 v3 ``scale.linear()``, computed as d3 computes it so that results match to the bit."""
    t = (value - domain[0]) / (domain[1] - domain[0])
    if clamp:
        t = max(0.0, min(1.0, t))
    return output[0] * (1 - t) + output[1] * t


def _distance(x: float, y: float, cx: float, cy: float) -> float:
    # not math.hypot: that rounds differently from the original's sqrt(dx*dx + dy*dy)
    dx = x - cx
    dy = y - cy
    return math.sqrt(dx * dx + dy * dy)


def _class_counts(count: int, classes: int = 2) -> list[int]:
    """Points per class, the first classes taking the extra points of an uneven split (the
    original only asks for even counts of its two classes: positive first)."""
    return [count // classes + (k < count % classes) for k in range(classes)]


def _circle(count: int, noise: float, rng: SeededRandom) -> list[Point]:
    radius = 5
    inner, outer = _class_counts(count)
    points = []
    for size, (r_low, r_high) in ((inner, (0, radius * 0.5)), (outer, (radius * 0.7, radius))):
        for _ in range(size):
            r = rng.uniform(r_low, r_high)
            angle = rng.uniform(0, 2 * math.pi)
            x = r * math.sin(angle)
            y = r * math.cos(angle)
            noise_x = rng.uniform(-radius, radius) * noise
            noise_y = rng.uniform(-radius, radius) * noise
            # noise moves the point only for labelling: label noise, not position noise
            inside = _distance(x + noise_x, y + noise_y, 0, 0) < radius * 0.5
            points.append((x, y, 1.0 if inside else -1.0))
    return points


def _xor(count: int, noise: float, rng: SeededRandom) -> list[Point]:
    padding = 0.3  # keeps points off the axes, where the label flips
    points = []
    for _ in range(count):
        x = rng.uniform(-5, 5)
        x += padding if x > 0 else -padding
        y = rng.uniform(-5, 5)
        y += padding if y > 0 else -padding
        noise_x = rng.uniform(-5, 5) * noise
        noise_y = rng.uniform(-5, 5) * noise
        same_sign = (x + noise_x) * (y + noise_y) >= 0
        points.append((x, y, 1.0 if same_sign else -1.0))
    return points


def _gauss(count: int, noise: float, rng: SeededRandom) -> list[Point]:
    variance = _d3_linear(noise, (0, 0.5), (0.5, 4))  # 0.5 + 7 * noise, past 0.5 too
    positive, negative = _class_counts(count)
    points = []
    for size, centre, label in ((positive, 2, 1.0), (negative, -2, -1.0)):
        for _ in range(size):
            x = rng.normal(centre, variance)
            y = rng.normal(centre, variance)
            points.append((x, y, label))
    return points


def _spiral(count: int, noise: float, rng: SeededRandom) -> list[Point]:
    half = count / 2  # a float in the original, which matters to r and t for odd counts
    positive, negative = _class_counts(count)
    points = []
    for size, delta_t, label in ((positive, 0, 1.0), (negative, math.pi, -1.0)):
        for i in range(size):
            r = i / half * 5
            t = 1.75 * i / half * 2 * math.pi + delta_t
            x = r * math.sin(t) + rng.uniform(-1, 1) * noise
            y = r * math.cos(t) + rng.uniform(-1, 1) * noise
            points.append((x, y, label))
    return points


def _gauss_classes(count: int, noise: float, rng: SeededRandom, classes: int) -> list[Point]:
    """One gaussian per class, centred on a circle through the two-class gauss' centres."""
    variance = _d3_linear(noise, (0, 0.5), (0.5, 4))
    radius = 2 * math.sqrt(2)
    points = []
    for label, size in enumerate(_class_counts(count, classes)):
        angle = math.pi / 4 + 2 * math.pi * label / classes
        cx, cy = radius * math.cos(angle), radius * math.sin(angle)
        for _ in range(size):
            points.append((rng.normal(cx, variance), rng.normal(cy, variance), float(label)))
    return points


def _spiral_classes(count: int, noise: float, rng: SeededRandom, classes: int) -> list[Point]:
    """One arm per class, turned by a `classes`-th of a circle each, like the two-class spiral."""
    points = []
    for label, size in enumerate(_class_counts(count, classes)):
        delta_t = 2 * math.pi * label / classes
        for i in range(size):
            r = i / size * 5
            t = 1.75 * i / size * 2 * math.pi + delta_t
            x = r * math.sin(t) + rng.uniform(-1, 1) * noise
            y = r * math.cos(t) + rng.uniform(-1, 1) * noise
            points.append((x, y, float(label)))
    return points


def _regression_points(count: int, noise: float, rng: SeededRandom, label_at) -> list[Point]:
    """Uniform points on [-6, 6]², each labelled at a position jittered by the noise."""
    radius = 6
    points = []
    for _ in range(count):
        x = rng.uniform(-radius, radius)
        y = rng.uniform(-radius, radius)
        noise_x = rng.uniform(-radius, radius) * noise
        noise_y = rng.uniform(-radius, radius) * noise
        points.append((x, y, label_at(x + noise_x, y + noise_y)))
    return points


def _plane_label(x: float, y: float) -> float:
    return _d3_linear(x + y, (-10, 10), (-1, 1))


_GAUSSIANS = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))


def _multigauss_label(x: float, y: float) -> float:
    """The signed bump, among six, that is largest in absolute value at (x, y)."""
    label = 0.0
    for cx, cy, sign in _GAUSSIANS:
        bump = sign * _d3_linear(_distance(x, y, cx, cy), (0, 2), (1, 0), clamp=True)
        if abs(bump) > abs(label):
            label = bump
    return label


def _plane(count: int, noise: float, rng: SeededRandom) -> list[Point]:
    return _regression_points(count, noise, rng, _plane_label)


def _multigauss(count: int, noise: float, rng: SeededRandom) -> list[Point]:
    return _regression_points(count, noise, rng, _multigauss_label)


_GENERATORS = {
    "circle": _circle,
    "xor": _xor,
    "gauss": _gauss,
    "spiral": _spiral,
    "plane": _plane,
    "multigauss": _multigauss,
}


_MULTICLASS_GENERATORS = {"gauss": _gauss_classes, "spiral": _spiral_classes}


def _check_classes(name: str, classes) -> int:
    if isinstance(classes, bool) or not isinstance(classes, numbers.Integral):
        raise TypeError(f"classes must be an int, got {classes!r} ({type(classes).__name__})")
    if not 2 <= classes <= MAX_CLASSES:
        raise ValueError(f"classes must be between 2 and {MAX_CLASSES}, got {classes!r}")
    if classes > 2 and name not in _MULTICLASS_GENERATORS:
        allowed = " and ".join(repr(n) for n in MULTICLASS_DATASETS)
        raise ValueError(
            f"{name!r} has two classes; {allowed} come with up to {MAX_CLASSES}, "
            f"got classes={classes}"
        )
    return int(classes)


def _check_name(name: str) -> None:
    if not isinstance(name, str) or name not in _GENERATORS:
        allowed = ", ".join(repr(n) for n in DATASETS)
        raise ValueError(f"name must be one of {allowed}, got {name!r}")


def _check_number(argument: str, value, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{argument} must be a number, got {value!r} ({type(value).__name__})")
    if not low <= value <= high:
        raise ValueError(f"{argument} must be between {low} and {high}, got {value!r}")


def _point_count(name: str, n: int | None) -> int:
    """``n``, checked, or the original's count for the data set's problem."""
    _check_name(name)
    if n is None:
        return POINTS_PER_PROBLEM[PROBLEM_OF[name]]
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"n must be an int, got {n!r} ({type(n).__name__})")
    if not 2 <= n <= MAX_POINTS:
        raise ValueError(f"n must be between 2 and {MAX_POINTS}, got {n!r}")
    return int(n)


def generate(
    name: str, noise: float, rng: SeededRandom, n: int | None = None, classes: int = 2
) -> tuple[np.ndarray, np.ndarray]:
    """Draw data set ``name`` from ``rng`` and shuffle it, exactly as the original does.

    Args:
        name: "circle", "xor", "gauss", "spiral", "plane" or "multigauss".
        noise: In percent, 0 to ``MAX_NOISE`` (the original's UI offers 0-50).
        rng: The stream to draw from. It is advanced past the points and the shuffle, to where
            the original draws the initial weights, so a caller can go on drawing them from it.
        n: The number of points; by default the original's 500 for classification and 1200 for
            regression. The two-class generators give the positive class the extra point of an
            odd ``n``.
        classes: 2, or 3 to ``MAX_CLASSES`` (``MULTICLASS_DATASETS`` only, beyond the original):
            one gaussian or one spiral arm per class, labelled 0, 1, ...

    Returns:
        (X, y): ``X`` of shape (n, 2) and ``y`` of shape (n,), both float64. Labels are -1.0 or
        1.0 for two classes, class indices for more. Regression targets are "plane"'s
        (x1 + x2) / 10, within ±1.2 at noise 0 and wider with noise, and "multigauss"'s bumps,
        within [-1, 1].

    Raises:
        TypeError: If `noise`, `n` or `classes` is not a number of the right kind, or `rng` is
            not a `SeededRandom`.
        ValueError: If `name` is unknown, or `noise`, `n` or `classes` is out of range or does
            not fit the data set.
    """
    count = _point_count(name, n)
    _check_number("noise", noise, MIN_NOISE, MAX_NOISE)
    if not isinstance(rng, SeededRandom):
        raise TypeError(f"rng must be a SeededRandom, got {rng!r} ({type(rng).__name__})")
    if _check_classes(name, classes) > 2:
        points = _MULTICLASS_GENERATORS[name](count, float(noise) / 100, rng, classes)
    else:
        points = _GENERATORS[name](count, float(noise) / 100, rng)
    order = rng.shuffled_order(count)
    data = np.array(points, dtype=np.float64)[order]
    return data[:, :2], data[:, 2]


def playground(
    name: str, noise: float = 0, seed: str | int = 0, n: int | None = None, classes: int = 2
) -> tuple[np.ndarray, np.ndarray]:
    """Data set ``name`` ("circle", "xor", "gauss", "spiral", "plane" or "multigauss"), shuffled.

    The same ``seed`` (a string such as ``"0.12345"`` as in a Playground link, or an int used as
    ``str(seed)``) gives the same points, in the same order, as playground.tensorflow.org.

    Args:
        name: The data set.
        noise: In percent, as for `generate`.
        seed: A string, or an int used as ``str(seed)``.
        n: The number of points, as for `generate`.
        classes: The number of classes, as for `generate`.

    Returns:
        (X, y), as `generate` returns them.

    Raises:
        TypeError: As `generate` does, or if `seed` is neither a string nor an int.
        ValueError: As `generate` does.
    """
    return generate(name, noise, SeededRandom(seed), n, classes)


def split_index(n: int, train_ratio: float) -> int:
    """How many of ``n`` shuffled points are training data: ``floor(n * train_ratio / 100)``.

    Args:
        n: The number of points.
        train_ratio: The percentage of training data, between 1 and 99.

    Returns:
        The number of training points.

    Raises:
        TypeError: If `train_ratio` is not a number.
        ValueError: If `train_ratio` is out of range, or leaves no training or no test points.
    """
    _check_number("train_ratio", train_ratio, MIN_TRAIN_RATIO, MAX_TRAIN_RATIO)
    index = math.floor(n * train_ratio / 100)
    if not 0 < index < n:
        raise ValueError(
            f"train_ratio={train_ratio!r} of n={n} points leaves no training or no test points; "
            "use more points or a ratio nearer 50"
        )
    return index


def split_train_test(
    X: np.ndarray, y: np.ndarray, train_ratio: float = 50
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split as the original does: the first ``floor(n * train_ratio / 100)`` points train.

    Nothing is shuffled here.

    Args:
        X: The points, (n, 2).
        y: Their labels or targets, (n,).
        train_ratio: The percentage of training data, between 1 and 99.

    Returns:
        (X_train, y_train, X_test, y_test).

    Raises:
        ValueError: If `X` and `y` differ in length, or the ratio is refused by `split_index`.
    """
    if len(X) != len(y):
        raise ValueError(f"X and y must hold as many points, got {len(X)} and {len(y)}")
    index = split_index(len(X), train_ratio)
    return X[:index], y[:index], X[index:], y[index:]


def playground_split(
    name: str,
    noise: float = 0,
    train_ratio: float = 50,
    seed: str | int = 0,
    n: int | None = None,
    classes: int = 2,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``playground(...)`` split as the original splits it: ``X_train, y_train, X_test, y_test``.

    The first ``floor(n * train_ratio / 100)`` shuffled points are training data, the rest test
    data.

    Args:
        name: The data set.
        noise: In percent, as for `generate`.
        train_ratio: A percentage between 1 and 99 (the original's UI offers 10-90).
        seed: A string, or an int used as ``str(seed)``.
        n: The number of points, as for `generate`.
        classes: The number of classes, as for `generate`.

    Returns:
        (X_train, y_train, X_test, y_test).

    Raises:
        TypeError: As `playground` does.
        ValueError: As `playground` and `split_index` do.
    """
    count = _point_count(name, n)
    split_index(count, train_ratio)  # fail before the slow part
    X, y = playground(name, noise, seed, count, classes)
    return split_train_test(X, y, train_ratio)
