"""The 8×8 handwritten digits of UCI, shipped with nnwidgets (see files/ATTRIBUTION.md)."""

from pathlib import Path

import numpy as np

DIGITS_FILE = Path(__file__).parent / "files" / "digits.csv.gz"


def digits() -> tuple[np.ndarray, np.ndarray]:
    """1797 handwritten digits: images ``X`` (1797, 8, 8) float32, labels ``y`` (1797,) int64.

    Each pixel counts the inked pixels of a 4×4 block of the 32×32 original scan, so values are
    whole numbers from 0 (blank) to 16 (full); divide by 16 for [0, 1]. Labels are 0-9. These
    are the samples scikit-learn's ``load_digits`` returns, in the same order.

    Alpaydin, E. & Kaynak, C. (1998). Optical Recognition of Handwritten Digits [Dataset].
    UCI Machine Learning Repository. https://doi.org/10.24432/C50P49 (CC BY 4.0).

    Returns:
        (X, y): the images, (1797, 8, 8) float32, and the labels, (1797,) int64.
    """
    table = np.loadtxt(DIGITS_FILE, delimiter=",", dtype=np.float64)  # numpy reads .gz itself
    X = table[:, :64].reshape(-1, 8, 8).astype(np.float32)
    y = table[:, 64].astype(np.int64)
    return X, y
