"""The Playground's points: a generator's, or your own (``set_data``, drawn by hand), and the
checks that keep them on the plane with labels the network can take.

The pure functions here make and check points; ``PointEditing`` is the part of the widget that
replaces them (``set_data``, ``add_point``, ``remove_point``, ``data``).
"""

import copy
import math
import numbers
from typing import NamedTuple

import numpy as np

from ... import spec
from ...data.playground import generate, playground, split_train_test
from ...data.random import SeededRandom
from .settings import CUSTOM

# A point drawn by hand goes where it is clicked; removing takes the nearest within this distance.
REMOVE_RADIUS = 0.5
THUMBNAIL_POINTS = 200  # points of each data set's thumbnail

# Generating points walks the seeded stream in Python (~10 ms for 500 points); moving a slider
# back and forth revisits the same few settings, so the latest ones are kept.
_POINTS_CACHE: dict = {}
_POINTS_CACHE_SIZE = 32


class Points(NamedTuple):
    """2-D points and their labels (±1, class indices) or targets, training points first."""

    X_train: np.ndarray  # (n, 2) float64
    y_train: np.ndarray  # (n,)
    X_test: np.ndarray  # (m, 2)
    y_test: np.ndarray

    def as_rows(self) -> np.ndarray:
        """The points as the front end draws them.

        Returns:
            float32 (n + m, 3) rows ``[x1, x2, label]``, training points first.
        """
        X = np.concatenate([self.X_train, self.X_test])
        y = np.concatenate([self.y_train, self.y_test])
        return np.column_stack([X, y]).astype(np.float32)


def seeded_points(
    dataset: str, noise: float, train_ratio: float, seed, classes: int = 2
) -> tuple[Points, object]:
    """A generator's points, split, and the seeded stream left where the original draws weights.

    Args:
        dataset: A generator's name.
        noise: Its noise, in percent.
        train_ratio: The percentage of points to train on.
        seed: The data's seed, as the original takes it.
        classes: Classes of a multi-class data set; 2 otherwise.

    Returns:
        The points, and a function drawing the next numbers of the seeded stream.
    """
    key = (dataset, noise, seed, classes)
    if key not in _POINTS_CACHE:
        rng = SeededRandom(seed)
        X, y = generate(dataset, noise, rng, classes=classes)
        if len(_POINTS_CACHE) >= _POINTS_CACHE_SIZE:
            _POINTS_CACHE.pop(next(iter(_POINTS_CACHE)))
        _POINTS_CACHE[key] = (X, y, rng)
    X, y, rng = _POINTS_CACHE[key]
    return Points(*split_train_test(X, y, train_ratio)), copy.deepcopy(rng).random


def weight_stream(config: dict, seed):
    """The random stream a new Playground of ``config`` with ``seed`` draws its weights from.

    Args:
        config: The Playground's configuration (``dataset``, ``noise``, ``train_ratio``).
        seed: The seed to draw with.

    Returns:
        A function giving the next number of the stream: after the generator's points, as in
        the original, or from the seed's start for your own points.
    """
    if config["dataset"] == CUSTOM:
        return SeededRandom(seed).random
    return seeded_points(config["dataset"], config["noise"], config["train_ratio"], seed)[1]


def thumbnail_rows(problem: str, classes: int) -> np.ndarray:
    """Every data set of ``problem`` as its thumbnail draws it.

    Args:
        problem: "classification" or "regression".
        classes: The class count the multi-class data sets are drawn with.

    Returns:
        float32 rows ``[x1, x2, label]``, ``THUMBNAIL_POINTS`` per data set, menu order.
    """
    rows = []
    for name in spec.DATASETS_OF_PROBLEM[problem]:
        count = classes if name in spec.MULTICLASS_DATASETS else 2
        X, y = playground(name, noise=0, seed=0, n=THUMBNAIL_POINTS, classes=count)
        rows.append(np.column_stack([X, y]))
    return np.concatenate(rows).astype(np.float32)


def random_seed() -> str:
    """A seed as the original draws one: five decimals of a random number."""
    return f"{np.random.default_rng().random():.5f}"


def finite_array(name: str, value) -> np.ndarray:
    """``value`` as a float64 array of finite numbers.

    Raises:
        TypeError: ``value`` holds something that is not a number.
        ValueError: ``value`` holds NaN or infinity.
    """
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} must be an array of numbers: {error}") from None
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite, got NaN or infinity")
    return array


def check_points(x_name, X, y_name, y, empty=False) -> tuple[np.ndarray, np.ndarray]:
    """Points ``X`` (n, 2) on the plane and their labels ``y`` (n,), checked.

    Raises:
        TypeError: Either holds something that is not a number.
        ValueError: A shape is wrong, a value is not finite, a point lies off the plane, or
            there is no point (unless ``empty``).
    """
    X, y = finite_array(x_name, X), finite_array(y_name, y)
    if X.size == 0 and empty:
        X = X.reshape(0, 2)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"{x_name} must have shape (n, 2), got {X.shape}")
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError(f"{y_name} must have shape ({len(X)},) to match {x_name}, got {y.shape}")
    if len(X) == 0 and not empty:
        raise ValueError(f"{x_name} must hold at least one point")
    outside = np.abs(X) > spec.PLANE
    if outside.any():
        row = int(np.argwhere(outside.any(axis=1))[0, 0])
        raise ValueError(
            f"{x_name} must lie within [-6, 6]² (the plane the Playground draws); row {row} is "
            f"{X[row].tolist()}: scale your points first"
        )
    return X, y


def class_labels(labels, name, split=None) -> tuple[np.ndarray, np.ndarray]:
    """Classification labels as the network takes them: ±1 for two classes (0/1 accepted), else
    class indices 0 to ``MAX_CLASSES - 1``; split back at ``split`` rows (train, test).

    Raises:
        ValueError: The labels are neither.
    """
    values = set(np.unique(labels).tolist())
    if values <= {0.0, 1.0} and 0.0 in values:
        labels = np.where(labels > 0, 1.0, -1.0)
    elif not (values <= {-1.0, 1.0} or values <= set(map(float, range(spec.MAX_CLASSES)))):
        raise ValueError(
            f"{name} must hold class labels -1 and 1 (or 0 and 1), or class indices 0 to "
            f"{spec.MAX_CLASSES - 1}, for classification, got {sorted(values)[:5]}; for targets "
            "set problem='regression' first"
        )
    return labels[:split], labels[split:]


def checked_custom(X, y, X_test, y_test, problem: str) -> tuple:
    """Your own points and labels, checked and as the network takes them (``set_data``'s rules).

    Returns:
        ``(X, y, X_test, y_test)``, the test pair None when not given.

    Raises:
        TypeError: A value is not a number.
        ValueError: A shape, a label or a point is wrong, or only one of the test pair is given.
    """
    classify = problem == "classification"
    X, y = check_points("X", X, "y", y)
    if (X_test is None) != (y_test is None):
        raise ValueError("X_test and y_test go together: give both or neither")
    if X_test is not None:
        X_test, y_test = check_points("X_test", X_test, "y_test", y_test, empty=True)
        if classify:
            y, y_test = class_labels(np.concatenate([y, y_test]), "y and y_test", len(y))
    elif classify:
        y = class_labels(y, "y")[0]
    return X, y, X_test, y_test


def plane_point(x1, x2) -> np.ndarray:
    """The point (x1, x2), checked to be finite and on the plane."""
    position = finite_array("x1, x2", [x1, x2])
    if np.any(np.abs(position) > spec.PLANE):
        raise ValueError(f"points must lie within [-6, 6]², got ({x1}, {x2})")
    return position


def classes_of(custom) -> int:
    """Classes of your own points' labels: 2 for ±1, else the largest class index + 1."""
    labels = np.concatenate([custom[1], custom[3] if custom[3] is not None else []])
    if np.all(np.abs(labels) == 1):
        return 2
    return int(labels.max()) + 1


def split_custom(custom, train_ratio) -> Points:
    """Your own points (X, y, X_test or None, y_test or None), split by ``train_ratio`` when
    they came without test points."""
    X, y, X_test, y_test = custom
    if X_test is None:
        return Points(*split_train_test(X, y, train_ratio))
    return Points(X, y, X_test, y_test)


def check_label(label, problem: str, classes: int) -> float:
    """A drawn point's label: ±1 for two classes, a class index for more, a target in [-1, 1]
    for regression.

    Raises:
        TypeError: ``label`` is not a finite number.
        ValueError: ``label`` is no class, or a target off [-1, 1].
    """
    if isinstance(label, bool) or not isinstance(label, numbers.Real) or not math.isfinite(label):
        raise TypeError(f"label must be a finite number, got {label!r}")
    if problem == "regression":
        if not -1 <= label <= 1:
            raise ValueError(f"label must be a target between -1 and 1, got {label!r}")
    elif classes > 2:
        if label not in range(classes):
            raise ValueError(f"label must be a class, 0 to {classes - 1}, got {label!r}")
    elif label not in (-1, 1):
        raise ValueError(f"label must be -1 or 1 for two classes, got {label!r}")
    return float(label)


def without_nearest(points: Points, position, include_test: bool) -> tuple:
    """``points`` as your own points (X, y, X_test, y_test) less the one nearest ``position``.

    Args:
        points: The points in use.
        position: Where the point to remove was clicked.
        include_test: Whether test points may be removed (they are shown).

    Raises:
        ValueError: No point lies within ``REMOVE_RADIUS``, or it is the last training point.
    """
    X, y, X_test, y_test = points
    sets = [X, X_test] if include_test else [X]
    distances = [np.hypot(*(candidates - position).T) for candidates in sets]
    best = [(d.min(), i) if len(d) else (np.inf, i) for i, d in enumerate(distances)]
    distance, which = min(best)
    if distance > REMOVE_RADIUS:
        x1, x2 = position
        raise ValueError(f"no point within {REMOVE_RADIUS} of ({x1:.2f}, {x2:.2f})")
    row = int(np.argmin(distances[which]))
    if which == 0:
        if len(X) == 1:
            raise ValueError("the last training point stays: training needs one")
        return np.delete(X, row, axis=0), np.delete(y, row), X_test, y_test
    return X, y, np.delete(X_test, row, axis=0), np.delete(y_test, row)


class PointEditing:
    """The Playground's own points: ``set_data``, ``add_point``, ``remove_point`` and ``data``.

    Part of ``Playground``; it relies on the widget's ``_lock``, ``_points_of_run`` (the
    ``Points`` in use) and ``_use_points(custom, keep_network)``.
    """

    def set_data(self, X, y, X_test=None, y_test=None) -> None:
        """Train on your own 2-D points (within [-6, 6]²) instead of a generator's.

        Training walks the points in the order given. The network starts anew.

        Args:
            X: Training points, shape (n, 2).
            y: Their labels: ±1 (0/1 accepted) for two classes, or class indices 0, 1, 2, ...
                for up to five (``classes`` follows them); any finite targets for regression.
            X_test: Test points, shape (m, 2); without them ``train_ratio`` splits ``X`` as
                the generators' points are split.
            y_test: Their labels, given with ``X_test``.

        Raises:
            TypeError: A value is not a number.
            ValueError: A shape, a label or a point is wrong; nothing changes.
        """
        X, y, X_test, y_test = checked_custom(X, y, X_test, y_test, self.problem)
        if X_test is None:
            split_train_test(X, y, self.train_ratio)  # fails now if the ratio leaves nothing
        self.playing = False
        self._use_points((X, y, X_test, y_test))

    @property
    def data(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The points in use, as copies: ``X_train, y_train, X_test, y_test``."""
        with self._lock:
            return tuple(np.array(a) for a in self._points_of_run)

    def add_point(self, x1: float, x2: float, label: float) -> None:
        """Add a training point, as a click on the output view does; the network trains on.

        The data set becomes "custom".

        Args:
            x1: Its first coordinate, in [-6, 6].
            x2: Its second coordinate, in [-6, 6].
            label: ±1 for two classes, the class index for more, a target in [-1, 1] for
                regression.

        Raises:
            TypeError: A value is not a finite number.
            ValueError: The point is off the plane or the label does not fit.
        """
        position = plane_point(x1, x2)
        label = check_label(label, self.problem, self.classes)
        with self._lock:
            X, y, X_test, y_test = self._points_of_run
            X, y = np.vstack([X, position]), np.append(y, label)
            self._use_points((X, y, X_test, y_test), keep_network=True)

    def remove_point(self, x1: float, x2: float) -> None:
        """Remove the point nearest to (x1, x2) within 0.5, as a shift-click on the output view
        does; a test point only while test data is shown. The data set becomes "custom".

        Raises:
            ValueError: No point is that near, or it is the last training point.
        """
        position = plane_point(x1, x2)
        with self._lock:
            remaining = without_nearest(self._points_of_run, position, self.show_test_data)
            self._use_points(remaining, keep_network=True)
