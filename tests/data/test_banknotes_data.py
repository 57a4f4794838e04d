import numpy as np
import pytest

from nnwidgets.data import banknotes
from nnwidgets.data.banknotes import BANKNOTES_FILE


def test_shape_types_and_class_counts():
    X, y = banknotes()
    assert X.shape == (1372, 4) and X.dtype == np.float32
    assert y.shape == (1372,) and np.issubdtype(y.dtype, np.integer)
    assert (y == 0).sum() == 762 and (y == 1).sum() == 610


def test_shuffled_so_a_validation_split_sees_both_classes():
    _, y = banknotes()
    last_30_percent = y[-int(0.3 * len(y)) :]
    assert 0.3 < last_30_percent.mean() < 0.6


def test_file_order_is_sorted_by_class():
    X, y = banknotes(shuffle=False)
    assert (np.diff(y) >= 0).all()
    np.testing.assert_allclose(X[0], [3.6216, 8.6661, -2.8073, -0.44699], rtol=1e-6)


def test_shuffle_is_fixed_by_the_seed_and_only_reorders():
    X1, y1 = banknotes()
    X2, y2 = banknotes()
    X3, _ = banknotes(seed=1)
    X_file, _ = banknotes(shuffle=False)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, X3)
    sort_rows = np.lexsort(X1.T[::-1])
    sort_file = np.lexsort(X_file.T[::-1])
    np.testing.assert_array_equal(X1[sort_rows], X_file[sort_file])


@pytest.mark.parametrize("seed", [1.5, None])
def test_bad_seed_names_the_argument(seed):
    with pytest.raises(TypeError, match="seed must be a str or an int"):
        banknotes(seed=seed)


def test_bad_shuffle_names_the_argument():
    with pytest.raises(TypeError, match="shuffle must be True or False, got 'no'"):
        banknotes(shuffle="no")


def test_attribution_ships_beside_the_file():
    attribution = (BANKNOTES_FILE.parent / "ATTRIBUTION.md").read_text()
    assert "CC BY 4.0" in attribution
    assert "Lohweg, V. (2012). Banknote Authentication" in attribution
    assert "https://doi.org/10.24432/C55P57" in attribution
