"""A course-sheet goal: targets to reach within limits, checked and judged.

``Challenge`` judges a live Playground with it, ``ClassOverview`` each student's recorded one: the
same rules give the same verdict and the same reason, whoever asks.
"""

import math
import numbers
from collections.abc import Mapping
from typing import NamedTuple

from ..data.playground import DATASETS

# Targets: a loss must end at or below its value, an accuracy at or above it.
TARGETS = {
    "test_loss": "max",
    "train_loss": "max",
    "test_accuracy": "min",
    "train_accuracy": "min",
}
# Limits on the network and the training: at most so many, or exactly this data set.
LIMITS = ("neurons", "layers", "features", "epochs", "dataset")


class CheckResult(NamedTuple):
    """What `Challenge.check` returns: true when the goal is met.

    Attributes:
        passed: Whether every target is reached within the limits.
        reason: Why not (the first limit broken, or the targets missed), or what was reached.
    """

    passed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.passed


def label(name: str) -> str:
    """A target's or limit's name as a sentence writes it ("test loss")."""
    return name.replace("_", " ")


def judge(target: dict, limits: dict, state: Mapping) -> CheckResult:
    """Pass or fail of a network against checked ``target`` and ``limits``.

    Args:
        target: As ``check_target`` returns it.
        limits: As ``check_limits`` returns it.
        state: The network and its figures: ``hidden`` (layer sizes), ``features`` (names),
            ``epoch``, ``dataset`` and each target's figure (None or NaN: not measured).

    Returns:
        Failed with the first limit broken or the targets missed, else passed with the
        figures reached.
    """
    broken = next(broken_limits(limits, state), None)
    if broken is not None:
        return CheckResult(False, broken)
    missed, reached = [], []
    for name, value in target.items():
        current = state[name]
        if current is None or not math.isfinite(current):
            missed.append(f"{label(name)} is not measured yet")
            continue
        ok = current <= value if TARGETS[name] == "max" else current >= value
        words = "at most" if TARGETS[name] == "max" else "at least"
        text = f"{label(name)} {current:.4g} (goal: {words} {value:g})"
        (reached if ok else missed).append(text)
    if missed:
        return CheckResult(False, "; ".join(missed))
    return CheckResult(True, f"passed: {'; '.join(reached)}, within the limits")


def broken_limits(limits: dict, state: Mapping):
    """A sentence for each limit ``state`` (as for ``judge``) breaks, in ``limits``' order."""
    used = {
        "neurons": sum(state["hidden"]),
        "layers": len(state["hidden"]),
        "features": len(state["features"]),
        "epochs": state["epoch"],
    }
    for name, limit in limits.items():
        if name == "dataset":
            if state["dataset"] != limit:
                yield f"the data set must be {limit!r}, not {state['dataset']!r}"
        elif used[name] > limit:
            yield f"uses {used[name]} {name}; the limit is {limit}"


def check_target(target) -> dict:
    """``target`` checked: known names, finite numbers, reachable values.

    Raises:
        ValueError: A name is unknown or a value is not a number that can be reached.
    """
    if not isinstance(target, dict) or not target:
        raise ValueError(f"target must be a non-empty dict of {', '.join(TARGETS)}, got {target!r}")
    checked = {}
    for name, value in target.items():
        if name not in TARGETS:
            raise ValueError(f"target: unknown {name!r}; known: {', '.join(TARGETS)}")
        if (
            isinstance(value, bool)
            or not isinstance(value, numbers.Real)
            or not math.isfinite(value)
        ):
            raise ValueError(f"target[{name!r}] must be a number, got {value!r}")
        if "accuracy" in name and not 0 <= value <= 1:
            raise ValueError(f"target[{name!r}] is a fraction in [0, 1]; {value} cannot be reached")
        if "loss" in name and value <= 0:
            raise ValueError(f"target[{name!r}] must be above 0: a loss of {value} is unreachable")
        checked[name] = float(value)
    return checked


def check_limits(limits) -> dict:
    """``limits`` checked: known names, ints within reason, a known data set.

    Raises:
        ValueError: A name is unknown or a value impossible.
    """
    if not isinstance(limits, dict):
        raise ValueError(f"limits must be a dict of {', '.join(LIMITS)}, got {limits!r}")
    checked = {}
    for name, value in limits.items():
        if name not in LIMITS:
            raise ValueError(f"limits: unknown {name!r}; known: {', '.join(LIMITS)}")
        if name == "dataset":
            if value not in DATASETS:
                raise ValueError(f"limits['dataset'] must be one of {DATASETS}, got {value!r}")
            checked[name] = value
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise ValueError(f"limits[{name!r}] must be an int, got {value!r}")
        lowest = 1 if name in ("features", "epochs") else 0
        if value < lowest:
            raise ValueError(f"limits[{name!r}] must be at least {lowest}: {value} is impossible")
        checked[name] = int(value)
    return checked
