"""The UCI Banknote Authentication data set, shipped with nnwidgets (see files/ATTRIBUTION.md)."""

from pathlib import Path

import numpy as np

from .random import SeededRandom

BANKNOTES_FILE = Path(__file__).parent / "files" / "banknote_authentication.csv"
BANKNOTE_FEATURES = ("variance", "skewness", "curtosis", "entropy")


def banknotes(shuffle: bool = True, seed: str | int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Features and classes of 1372 banknotes: ``X`` (1372, 4) float32, ``y`` (1372,) int64.

    The columns of ``X`` are ``BANKNOTE_FEATURES``: variance, skewness, curtosis and entropy of a
    wavelet transform of the banknote's image. ``y`` is 0 (762 notes) or 1 (610 notes).

    The file is sorted by class, so a Keras-style ``validation_split`` (the last fraction) would
    validate on one class only. The rows are therefore shuffled by a permutation fixed by
    ``seed`` (drawn from ``SeededRandom(seed)``, so it is the same on every machine and numpy
    version); ``shuffle=False`` keeps the file's order.

    Lohweg, V. (2012). Banknote Authentication [Dataset]. UCI Machine Learning Repository.
    https://doi.org/10.24432/C55P57 (CC BY 4.0).

    Args:
        shuffle: Shuffle the rows by the permutation `seed` fixes; False keeps the file's order.
        seed: The `SeededRandom` seed of the permutation, a string or an int.

    Returns:
        (X, y): the features, (1372, 4) float32, and the classes, (1372,) int64.

    Raises:
        TypeError: If `shuffle` is not a bool, or `seed` neither a string nor an int.
    """
    if not isinstance(shuffle, bool | np.bool_):
        raise TypeError(f"shuffle must be True or False, got {shuffle!r}")
    rng = SeededRandom(seed)  # checks seed even when the file order is kept
    table = np.loadtxt(BANKNOTES_FILE, delimiter=",", dtype=np.float64)
    X = table[:, :4].astype(np.float32)
    y = table[:, 4].astype(np.int64)
    if shuffle:
        order = rng.shuffled_order(len(y))
        X, y = X[order], y[order]
    return X, y
