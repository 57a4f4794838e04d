"""The rules for plain values (whole numbers in a range, rates, choices), one function each.

Every entry point that takes such a value (a constructor, a trait, a browser message, a link, a
saved file, the engine) checks it with these, so the same value is accepted or refused
everywhere, with the same message. Each raises ``TypeError`` for a value of the wrong kind and
``ValueError`` for one out of range, naming the argument, what was given and what is allowed.
"""

import math
import numbers

import numpy as np


def integer(name: str, value, low: int, high: int | None = None) -> int:
    """``value`` as an int, checked to lie in ``[low, high]``.

    Args:
        name: The argument's name, for the message.
        value: What was given; ``bool`` is refused, as it is no count.
        low: The smallest value allowed.
        high: The largest value allowed, or None for no upper bound.

    Returns:
        The value as a plain ``int``.

    Raises:
        TypeError: ``value`` is not an integer.
        ValueError: ``value`` lies outside the range.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if high is None:
        if value < low:
            raise ValueError(f"{name} must be an int >= {low}, got {value}")
    elif not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")
    return int(value)


def rate(name: str, value) -> float:
    """``value`` as a float, checked to be a finite number of 0 or more (a learning rate).

    Args:
        name: The argument's name, for the message.
        value: What was given.

    Returns:
        The value as a plain ``float``.

    Raises:
        TypeError: ``value`` is not a real number.
        ValueError: ``value`` is negative, NaN or infinite.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a finite number >= 0, got {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return float(value)


def rates(name: str, value) -> np.ndarray:
    """``value`` (a number or an array of them, one per configuration) as float32, each finite
    and 0 or more.

    Args:
        name: The argument's name, for the message.
        value: A number or an array of numbers.

    Returns:
        The rates as a float32 array of ``value``'s shape.

    Raises:
        ValueError: A rate is negative, NaN or infinite, or ``value`` holds no numbers.
    """
    try:
        values = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}") from None
    if not np.all(np.isfinite(values)) or np.any(values < 0):
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return values.astype(np.float32)


def one_of(name: str, value, allowed):
    """``value``, checked to be one of ``allowed``.

    Args:
        name: The argument's name, for the message.
        value: What was given.
        allowed: The values allowed, in the order the message lists them.

    Returns:
        ``value`` unchanged.

    Raises:
        ValueError: ``value`` is not among ``allowed``.
    """
    if value not in tuple(allowed):
        names = ", ".join(repr(a) for a in allowed)
        raise ValueError(f"{name} must be one of {names}, got {value!r}")
    return value


def finite(name: str, value) -> float:
    """``value`` as a float, checked to be a finite real number.

    Args:
        name: The argument's name, for the message.
        value: What was given.

    Returns:
        The value as a plain ``float``.

    Raises:
        TypeError: ``value`` is not a real number.
        ValueError: ``value`` is NaN or infinite.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return float(value)
