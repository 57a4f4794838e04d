"""What the engine's training calls take in, checked before anything compiles or runs: the data
against the network, and the options by the rules every entry point shares (``nnwidgets.checks``
and ``nnwidgets.spec``)."""

import numpy as np

from .. import checks, spec

# Each problem's output activation with one output neuron (several: softmax).
PROBLEMS = {"classification": "tanh", "regression": "linear"}
# Epochs per compiled call: a loop with a traced trip count writes losses into buffers this long,
# so any number of epochs runs on one compiled kernel per network shape.
CHUNK_EPOCHS = 1024


def check_data(state, X_train, y_train, X_test, y_test):
    """The training and test data as float32, checked against each other and the network.

    Raises:
        TypeError: An array holds something that is not a number.
        ValueError: A shape disagrees, there is no training example, or a label is no class.
    """
    X_train = as_float32("X_train", X_train, 2)
    y_train = as_float32("y_train", y_train, 1)
    X_test = np.asarray(X_test, np.float32)
    if X_test.size == 0:  # no test data: an empty (0, F) set, whatever shape it came in
        X_test = X_test.reshape(0, X_train.shape[1])
    X_test = as_float32("X_test", X_test, 2)
    y_test = as_float32("y_test", y_test, 1)
    if X_train.shape[0] != y_train.shape[0]:
        raise ValueError(f"X_train has {X_train.shape[0]} rows but y_train has {y_train.shape[0]}")
    if X_test.shape[0] != y_test.shape[0]:
        raise ValueError(f"X_test has {X_test.shape[0]} rows but y_test has {y_test.shape[0]}")
    if X_train.shape[0] == 0:
        raise ValueError("X_train must hold at least one example, got 0")
    inputs = state.params[0]["W"].shape[0]
    for name, X in (("X_train", X_train), ("X_test", X_test)):
        if X.shape[1] != inputs:
            raise ValueError(f"{name} has {X.shape[1]} features but the network takes {inputs}")
    outputs = state.params[-1]["b"].shape[0]
    if outputs > 1:
        for name, y in (("y_train", y_train), ("y_test", y_test)):
            if not np.all(np.isin(y, np.arange(outputs))):
                raise ValueError(
                    f"{name} must hold class indices 0 to {outputs - 1} (one per output neuron), "
                    f"got {sorted(set(np.unique(y).tolist()) - set(range(outputs)))[:5]}"
                )
    return X_train, y_train, X_test, y_test


def padded(data, pad_to, multiple):
    """`data` padded with zero rows to `pad_to` = (train rows, test rows), training rows rounded up
    to a multiple of `multiple` (whole groups of batches), and the real (n_train, n_test) as the
    kernel's `counts`."""
    X, y, X_test, y_test = data
    n_train, n_test = len(X), len(X_test)
    rows_train, rows_test = (int(n) for n in pad_to)
    if rows_train < n_train or rows_test < n_test:
        raise ValueError(f"pad_to={pad_to!r} is smaller than the data: {n_train} and {n_test} rows")
    rows_train = -(-max(rows_train, 1) // multiple) * multiple

    def pad(a, rows):
        return np.concatenate([a, np.zeros((rows - len(a), *a.shape[1:]), a.dtype)])

    padded = (
        pad(X, rows_train),
        pad(y, rows_train),
        pad(X_test, rows_test),
        pad(y_test, rows_test),
    )
    return padded, (np.int32(n_train), np.int32(n_test))


def check_options(epochs, batch_size, regularization, activation, problem):
    """The training options, each by its rule (``nnwidgets.checks``); raises as those do."""
    checks.integer("epochs", epochs, 0)
    checks.integer("batch_size", batch_size, 1)
    checks.one_of("regularization", regularization, spec.REGULARIZATIONS)
    checks.one_of("activation", activation, spec.ACTIVATIONS)
    checks.one_of("problem", problem, spec.PROBLEMS)


def as_float32(name, value, ndim):
    """``value`` as a float32 array of ``ndim`` dimensions, or TypeError/ValueError naming it."""
    try:
        array = np.asarray(value, dtype=np.float32)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} must be an array of numbers: {error}") from None
    if array.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} dimensions, got shape {array.shape}")
    return array
