"""The options of `compile`, `fit`, `evaluate` and `predict` checked before anything runs, with a
message naming the argument, what was given and what is allowed."""

import numbers


def check_count(name: str, value, minimum: int) -> int:
    """An int option of at least `minimum` (batch_size, epochs, initial_epoch).

    Args:
        name: The argument's name, for the message.
        value: What was given.
        minimum: The least value allowed.

    Returns:
        `value` as an int.

    Raises:
        ValueError: If `value` is not an int of at least `minimum`.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"{name} must be an int >= {minimum}, got {value!r}")
    return int(value)


def check_verbose(verbose) -> int:
    """Keras' verbosity: 0 silent, 1 a bar, 2 a line; "auto" is 1.

    Args:
        verbose: 0, 1, 2 or "auto".

    Returns:
        0, 1 or 2.

    Raises:
        ValueError: If `verbose` is anything else.
    """
    if verbose == "auto":
        return 1
    if isinstance(verbose, bool) or verbose not in (0, 1, 2):
        raise ValueError(f"verbose must be 0, 1, 2 or 'auto', got {verbose!r}")
    return int(verbose)


def check_validation_split(value) -> float:
    """The fraction of the examples kept apart for validation.

    Args:
        value: A number in [0, 1).

    Returns:
        `value` as a float.

    Raises:
        ValueError: If `value` is not a number in [0, 1).
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 <= value < 1:
        raise ValueError(f"validation_split must be in [0, 1), got {value!r}")
    return float(value)


def check_callbacks(callbacks) -> list:
    """`fit`'s callbacks, each checked to have the hooks `fit` calls.

    Args:
        callbacks: A list of callbacks, or None.

    Returns:
        The callbacks, as a list.

    Raises:
        TypeError: If `callbacks` is not a list, or one is not a callback.
    """
    if callbacks is None:
        return []
    if not isinstance(callbacks, list | tuple):
        raise TypeError(
            f"callbacks must be a list of Callback objects, e.g. [LivePlot()], got {callbacks!r}"
        )
    for callback in callbacks:
        if not all(hasattr(callback, hook) for hook in ("on_epoch_end", "set_model")):
            raise TypeError(f"callbacks must be Callback objects, got {callback!r}")
    return list(callbacks)


def check_metric_names(metrics) -> list[str]:
    """`compile`'s metrics as a list of names.

    Keras 3 takes a list (or tuple) of names, not one bare name: ``metrics=["accuracy"]``.

    Args:
        metrics: A list or tuple of names, or None.

    Returns:
        The names, as a list.

    Raises:
        ValueError: If `metrics` is a single string (as Keras 3 refuses it) or not a list.
    """
    if metrics is None:
        return []
    if isinstance(metrics, str):
        raise ValueError(
            f"metrics must be a list of names, e.g. metrics=[{metrics!r}], got the string "
            f"{metrics!r} (Keras 3 refuses it too)"
        )
    if not isinstance(metrics, list | tuple):
        raise ValueError(f"metrics must be a list of names, e.g. ['accuracy'], got {metrics!r}")
    return list(metrics)
