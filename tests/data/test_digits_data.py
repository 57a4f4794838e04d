import numpy as np

from nnwidgets.data import digits
from nnwidgets.data.digits import DIGITS_FILE


def test_shape_range_and_labels():
    X, y = digits()
    assert X.shape == (1797, 8, 8) and X.dtype == np.float32
    assert y.shape == (1797,) and np.issubdtype(y.dtype, np.integer)
    assert X.min() == 0 and X.max() == 16
    np.testing.assert_array_equal(X, np.round(X))  # pixel counts, whole numbers
    np.testing.assert_array_equal(np.unique(y), np.arange(10))
    assert np.bincount(y).min() >= 170


def test_first_image_is_a_zero_read_row_by_row():
    X, y = digits()
    assert y[0] == 0
    np.testing.assert_array_equal(X[0, 0], [0, 0, 5, 13, 9, 1, 0, 0])
    np.testing.assert_array_equal(X[0, :, 0], [0, 0, 0, 0, 0, 0, 0, 0])


def test_shipped_small_with_attribution():
    assert DIGITS_FILE.stat().st_size < 100_000
    attribution = (DIGITS_FILE.parent / "ATTRIBUTION.md").read_text()
    assert "Alpaydin, E. & Kaynak, C. (1998)" in attribution
    assert "https://doi.org/10.24432/C50P49" in attribution
