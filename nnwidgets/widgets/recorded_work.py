"""One student's recorded Playground, figured again from scratch: its points regenerated from the
seed (or taken from the record), its network run forward, its loss, accuracy and decision map,
and its verdict against a goal.

Nothing the record says about losses or accuracies is read: only the configuration, the points
of your own data, the weights and the epoch count, each checked by the Playground's own rules, so
a record a Playground would refuse is refused here with the same reason.
"""

from typing import NamedTuple

import numpy as np

from .. import spec
from ..data.features import feature_matrix
from ..engine import numpy_forward
from ..engine.inputs import PROBLEMS
from . import binary
from .goal import CheckResult, judge
from .playground.links import DEFAULTS
from .playground.points import (
    Points,
    checked_custom,
    classes_of,
    seeded_points,
    split_custom,
)
from .playground.run import grid_features, loss_and_accuracy
from .playground.settings import CUSTOM, check

MAP_RESOLUTION = 32  # as the Sweep's cells: 32 × 32 samples of [-6, 6]²
FIGURES = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
_CONFIG = ("problem", "noise", "train_ratio", "features", "hidden", "activation", "seed")


class RecordError(ValueError):
    """A record whose network cannot be rebuilt: the message says why."""


class Work(NamedTuple):
    """A student's network as recomputed from the record.

    Attributes:
        config: The checked configuration (dataset, problem, noise, train_ratio, features,
            hidden, activation, seed) with ``classes``, ``outputs`` and ``epoch``.
        figures: train_loss, test_loss, train_accuracy, test_accuracy (None: none to measure).
        result: Passed or not against the goal, with the reason.
        maps: uint8 (outputs, MAP_RESOLUTION²) of the output: one map, or with more than two
            classes each class' probability map (quantised as the Sweep's and the engine's).
        points: The points, train first.
    """

    config: dict
    figures: dict
    result: CheckResult
    maps: np.ndarray
    points: Points


def recompute(playground: dict, target: dict, limits: dict) -> Work:
    """Figure a recorded Playground again and judge it.

    Args:
        playground: A record's ``playground``: ``Playground.to_dict()`` data.
        target: Checked targets (``goal.check_target``).
        limits: Checked limits (``goal.check_limits``).

    Returns:
        The ``Work``.

    Raises:
        RecordError: The configuration, points or weights cannot make a Playground network.
    """
    try:
        config = _config(playground)
        points = _points(playground, config)
        params = _weights(playground.get("weights"), config)
    except (TypeError, ValueError, KeyError, IndexError) as error:
        raise RecordError(str(error).strip("'\"")) from None
    features, activation = tuple(config["features"]), config["activation"]
    classification = config["problem"] == "classification"
    last = "softmax" if config["outputs"] > 1 else PROBLEMS[config["problem"]]
    figures = {}
    for part, X, y in (("train", *points[:2]), ("test", *points[2:])):
        if len(X) == 0:
            figures[f"{part}_loss"] = figures[f"{part}_accuracy"] = None
            continue
        out = numpy_forward.output(params, feature_matrix(X, features), activation, last)
        loss, hits = loss_and_accuracy(out if out.shape[1] > 1 else out[:, 0], y, classification)
        figures[f"{part}_loss"], figures[f"{part}_accuracy"] = _number(loss), _number(hits)
    grid = grid_features(features, MAP_RESOLUTION)
    out = numpy_forward.output(params, grid, activation, last)
    # Class probabilities p go out as 2p − 1, as the engine's quantised maps send them.
    maps = binary.quantize((2 * out - 1 if last == "softmax" else out).T)
    return Work(config, figures, judge(target, limits, {**config, **figures}), maps, points)


def _config(playground) -> dict:
    if not isinstance(playground, dict) or not isinstance(playground.get("config"), dict):
        raise ValueError("the record holds no Playground configuration")
    given = playground["config"]
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise ValueError(f"unknown configuration keys {unknown}")
    dataset = given.get("dataset", DEFAULTS["dataset"])
    config = {"dataset": dataset if dataset == CUSTOM else check("dataset", dataset)}
    config |= {name: check(name, given.get(name, DEFAULTS[name])) for name in _CONFIG}
    problem = config["problem"]
    if dataset != CUSTOM and spec.PROBLEM_OF[dataset] != problem:
        raise ValueError(f"dataset {dataset!r} is not a {problem} data set")
    if config["seed"] is None and dataset != CUSTOM:
        raise ValueError("the record has no data seed: its points cannot be made again")
    classes = check("classes", playground.get("classes", 2))
    if problem != "classification" or dataset not in (CUSTOM, *spec.MULTICLASS_DATASETS):
        classes = 2
    config["classes"] = classes
    history = playground.get("history")
    rows = np.array(history if history is not None else [], np.float64).reshape(-1, 5)
    config["epoch"] = int(rows[-1, 0]) if len(rows) else 0
    return config


def _points(playground, config) -> Points:
    """The points the student trained on: the generator's again, or the record's own."""
    classify = config["problem"] == "classification"
    if config["dataset"] != CUSTOM:
        points = seeded_points(
            config["dataset"],
            config["noise"],
            config["train_ratio"],
            config["seed"],
            config["classes"],
        )[0]
        config["outputs"] = config["classes"] if classify and config["classes"] > 2 else 1
        return points
    given = playground.get("points")
    if not isinstance(given, dict):
        raise ValueError("a Playground on your own points needs them under 'points'")
    custom = checked_custom(
        given["X"], given["y"], given.get("X_test"), given.get("y_test"), config["problem"]
    )
    if classify:  # as the Playground: the labels' classes, more if the record had more
        needed = classes_of(custom)
        config["classes"] = 2 if needed == 2 else max(needed, config["classes"])
    else:
        config["classes"] = 2
    config["outputs"] = config["classes"] if classify and config["classes"] > 2 else 1
    return split_custom(custom, config["train_ratio"])


def _weights(weights, config) -> list[tuple[np.ndarray, np.ndarray]]:
    """The recorded weights, checked to fit the configuration's network and to be finite."""
    if not isinstance(weights, list):
        raise ValueError("the record holds no weights")
    sizes = [len(config["features"]), *config["hidden"], config["outputs"]]
    if len(weights) != len(sizes) - 1:
        raise ValueError(f"{len(weights)} layers of weights for a network of sizes {sizes}")
    params = []
    for index, (layer, fan_in, fan_out) in enumerate(zip(weights, sizes, sizes[1:], strict=False)):
        W = np.asarray(layer["W"], np.float32)
        b = np.asarray(layer["b"], np.float32)
        if W.shape != (fan_in, fan_out) or b.shape != (fan_out,):
            raise ValueError(
                f"layer {index}'s weights are {W.shape} and {b.shape}; the network of sizes "
                f"{sizes} needs ({fan_in}, {fan_out}) and ({fan_out},)"
            )
        if not (np.isfinite(W).all() and np.isfinite(b).all()):
            raise ValueError(f"layer {index}'s weights hold NaN or infinity")
        params.append((W, b))
    return params


def _number(value) -> float | None:
    return float(value) if np.isfinite(value) else None
