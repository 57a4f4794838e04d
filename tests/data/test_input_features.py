import math

import numpy as np
import pytest

from nnwidgets.data import FEATURES, URL_NAME_OF, feature_matrix, grid_points
from nnwidgets.data.features import FEATURE_OF_URL_NAME


def test_the_seven_features_in_the_originals_order():
    assert FEATURES == ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")


def test_feature_values_are_unnormalised():
    values = feature_matrix([[2.0, -3.0], [6.0, 0.5]], FEATURES)
    expected = [
        [2, -3, 4, 9, -6, math.sin(2), math.sin(-3)],
        [6, 0.5, 36, 0.25, 3, math.sin(6), math.sin(0.5)],
    ]
    assert values.shape == (2, 7) and values.dtype == np.float32
    np.testing.assert_allclose(values, expected, rtol=1e-6)


def test_columns_follow_the_order_given():
    values = feature_matrix(np.array([[2.0, -3.0]]), ["x1*x2", "x1"])
    np.testing.assert_array_equal(values, [[-6.0, 2.0]])


def test_url_names_are_the_originals():
    assert URL_NAME_OF == {
        "x1": "x",
        "x2": "y",
        "x1^2": "xSquared",
        "x2^2": "ySquared",
        "x1*x2": "xTimesY",
        "sin(x1)": "sinX",
        "sin(x2)": "sinY",
    }
    assert all(FEATURE_OF_URL_NAME[URL_NAME_OF[name]] == name for name in FEATURES)


def test_unknown_feature_lists_the_allowed_names():
    with pytest.raises(ValueError, match=r"among 'x1', 'x2', .*'sin\(x2\)', got 'x3'"):
        feature_matrix([[0.0, 0.0]], ["x1", "x3"])


def test_no_features_is_refused():
    with pytest.raises(ValueError, match="at least one feature"):
        feature_matrix([[0.0, 0.0]], [])


def test_repeated_feature_is_refused():
    with pytest.raises(ValueError, match="must not repeat, got 'x1' more than once"):
        feature_matrix([[0.0, 0.0]], ["x1", "x2", "x1"])


def test_a_single_string_is_not_a_list_of_names():
    with pytest.raises(TypeError, match="names must be a sequence of feature names"):
        feature_matrix([[0.0, 0.0]], "x1")


def test_points_must_be_pairs():
    with pytest.raises(ValueError, match=r"points must have shape \(n, 2\), got \(3,\)"):
        feature_matrix([1.0, 2.0, 3.0], ["x1"])


def test_grid_is_cell_centres_in_image_order():
    points = grid_points(4, extent=6.0)
    assert points.shape == (16, 2)
    image = points.reshape(4, 4, 2)
    np.testing.assert_array_equal(image[0, :, 0], [-4.5, -1.5, 1.5, 4.5])  # x1 grows rightwards
    np.testing.assert_array_equal(image[:, 0, 1], [4.5, 1.5, -1.5, -4.5])  # x2 falls downwards
    np.testing.assert_array_equal(image[0, 0], [-4.5, 4.5])  # top left


def test_default_grid_covers_the_playground_square():
    points = grid_points()
    assert points.shape == (100 * 100, 2)
    assert np.abs(points).max() == pytest.approx(6 - 0.06)
    np.testing.assert_allclose(points.mean(axis=0), [0, 0], atol=1e-12)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"resolution": 0}, ValueError, "resolution must be at least 1, got 0"),
        ({"resolution": 10.0}, TypeError, "resolution must be an int, got 10.0"),
        ({"extent": -1}, ValueError, "extent must be a positive finite number, got -1"),
        ({"extent": "6"}, TypeError, "extent must be a number, got '6'"),
    ],
)
def test_bad_grid_arguments_name_themselves(kwargs, error, message):
    with pytest.raises(error, match=message):
        grid_points(**kwargs)
