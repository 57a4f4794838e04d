"""The rule for each Playground setting, whatever brings it: a constructor argument, a trait set
from Python, the browser's controls, a playground.tensorflow.org link or a saved file.

``check(name, value)`` returns the value in its canonical form or raises ``TypeError`` or
``ValueError`` with one message per rule; the widget turns those into ``traitlets.TraitError``
with the same text. The limits come from ``nnwidgets.spec``, which the front end reads too.
"""

import re

from ... import checks, spec

CUSTOM = "custom"  # the dataset's name once set_data gave the points, or points were drawn
DEFAULT_DATASET = {"classification": "circle", "regression": "plane"}
# characters that would end a value or a link, or that a browser would percent-encode
_NOT_IN_SEED = re.compile(r"[\s&=#]")
_SEED_RULE = "None, an int or a text without white space, '&', '=' or '#'"


def _features(value) -> list[str]:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise TypeError(f"features must be a list of feature names, got {value!r}")
    names = list(value)
    allowed = ", ".join(repr(f) for f in spec.FEATURES)
    for name in names:
        if name not in spec.FEATURES:
            raise ValueError(f"features must be among {allowed}, got {name!r}")
    if not names:
        raise ValueError("features must keep at least one feature on, got none")
    if len(set(names)) != len(names):
        raise ValueError(f"features must not repeat, got {names}")
    return [f for f in spec.FEATURES if f in names]  # the diagram's order


def _hidden(value) -> list[int]:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise TypeError(f"hidden must be a list of layer sizes, got {value!r}")
    layers = list(value)
    if len(layers) > spec.MAX_HIDDEN_LAYERS:
        raise ValueError(
            f"hidden must have at most {spec.MAX_HIDDEN_LAYERS} layers, got {len(layers)}"
        )
    for size in layers:
        try:
            checks.integer("hidden", size, 1, spec.MAX_NEURONS)
        except TypeError:
            raise TypeError(f"hidden must hold ints, got {size!r} in {layers}") from None
        except ValueError:
            raise ValueError(
                f"hidden layers must have 1 to {spec.MAX_NEURONS} neurons, got {size} in {layers}"
            ) from None
    return [int(size) for size in layers]


def _seed(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"seed must be {_SEED_RULE}, got {value!r}")
    if isinstance(value, str) and (not value or _NOT_IN_SEED.search(value)):
        raise ValueError(f"seed must be {_SEED_RULE}, got {value!r}")
    return value


def _controls(name):
    def check_controls(value) -> list[str]:
        if isinstance(value, str) or not hasattr(value, "__iter__"):
            raise TypeError(f"{name} must be a list of control names, got {value!r}")
        names = list(value)
        unknown = [control for control in names if control not in spec.CONTROLS]
        if unknown:
            raise ValueError(
                f"{name}: unknown controls {unknown}; known: {', '.join(spec.CONTROLS)}"
            )
        return list(dict.fromkeys(names))

    return check_controls


def _boolean(name):
    def check_boolean(value) -> bool:
        if not isinstance(value, bool):
            raise TypeError(f"{name} must be True or False, got {value!r}")
        return value

    return check_boolean


def _between(name, bounds):
    low, high = bounds
    return lambda value: checks.integer(name, value, low, high)


RULES = {
    "dataset": lambda value: checks.one_of("dataset", value, spec.DATASETS),
    "problem": lambda value: checks.one_of("problem", value, spec.PROBLEMS),
    "classes": lambda value: checks.integer("classes", value, 2, spec.MAX_CLASSES),
    "noise": _between("noise", spec.NOISE_RANGE),
    "train_ratio": _between("train_ratio", spec.TRAIN_RATIO_RANGE),
    "batch_size": _between("batch_size", spec.BATCH_SIZE_RANGE),
    "epochs_per_frame": _between("epochs_per_frame", spec.EPOCHS_PER_FRAME_RANGE),
    "features": _features,
    "hidden": _hidden,
    "activation": lambda value: checks.one_of("activation", value, spec.ACTIVATIONS),
    "learning_rate": lambda value: checks.rate("learning_rate", value),
    "regularization": lambda value: checks.one_of("regularization", value, spec.REGULARIZATIONS),
    "regularization_rate": lambda value: checks.rate("regularization_rate", value),
    "seed": _seed,
    "show_test_data": _boolean("show_test_data"),
    "discretize": _boolean("discretize"),
    "init_zero": _boolean("init_zero"),
    "hidden_controls": _controls("hidden_controls"),
    "locked_controls": _controls("locked_controls"),
}
"""Every setting with a rule, by name."""


def check(name: str, value):
    """``value`` for setting ``name``, checked by that setting's one rule.

    Args:
        name: A setting of the Playground, one of ``RULES``.
        value: What was given.

    Returns:
        The value in its canonical form (features in the diagram's order, controls without
        repeats, numbers as plain ``int`` or ``float``).

    Raises:
        TypeError: The value is of the wrong kind.
        ValueError: The value is out of range or not among the choices.
    """
    return RULES[name](value)
