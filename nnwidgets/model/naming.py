"""Default names as Keras gives them: "dense", "dense_1", ... counted per kind, per session."""

import re
from collections import defaultdict

_counts: defaultdict = defaultdict(int)


def snake_case(class_name: str) -> str:
    """A class name in snake case, as Keras names layers: "BatchNorm" becomes "batch_norm".

    Args:
        class_name: A CamelCase name.

    Returns:
        The name in lower case, words joined by "_".
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()


def unique_name(base: str) -> str:
    """`base` the first time, then `base_1`, `base_2`, ...

    Args:
        base: The name to number.

    Returns:
        A name not handed out before in this process.
    """
    count = _counts[base]
    _counts[base] += 1
    return base if count == 0 else f"{base}_{count}"


def check_name(name) -> str:
    """`name`, checked to be a non-empty string.

    Args:
        name: What was given.

    Returns:
        `name`.

    Raises:
        TypeError: If `name` is not a non-empty string.
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string, got {name!r}")
    return name
