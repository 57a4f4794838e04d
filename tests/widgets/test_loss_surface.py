"""LossSurface's kernel side: the bowl, its gradient, and the three paths (tests/e2e draws it)."""

import numpy as np
import pytest

import nnwidgets as nw
from nnwidgets.widgets.loss_surface import RESOLUTION, STEPS


def test_the_gradient_is_the_losss_slope():
    surface = nw.LossSurface()
    w, h = np.array([0.3, -0.7]), 1e-6
    numeric = [(surface.loss(w + h * e) - surface.loss(w - h * e)) / (2 * h) for e in np.eye(2)]
    np.testing.assert_allclose(surface.gradient(w), numeric, rtol=1e-5)
    # the minimum sent is the bottom of the bowl
    assert np.linalg.norm(surface.gradient(surface.minimum)) < 1e-9


def test_small_crawls_good_reaches_the_bottom_large_flies_off():
    surface = nw.LossSurface()
    small, good, large = (np.array(path) for path in surface.paths)
    bottom = surface.loss(surface.minimum)
    assert len(small) == len(good) == STEPS + 1
    assert surface.loss(good[-1]) < bottom * 1.05
    assert surface.loss(small[-1]) > surface.loss(good[-1]) * 2
    # too large: the steps zig-zag (successive moves point back) and the loss grows
    moves = np.diff(large, axis=0)
    assert np.all(np.sum(moves[1:] * moves[:-1], axis=1) < 0)
    assert surface.loss(large[-1]) > 100 * surface.loss(large[0])
    lo1, hi1, lo2, hi2 = surface.extent
    assert not (lo1 <= large[-1][0] <= hi1 and lo2 <= large[-1][1] <= hi2)
    assert surface.rates[0] < surface.rates[1] < surface.rates[2]


def test_the_surface_is_the_loss_on_a_grid_largest_w2_on_top():
    surface = nw.LossSurface()
    grid = np.frombuffer(surface._surface, np.float32).reshape(RESOLUTION, RESOLUTION)
    lo1, hi1, lo2, hi2 = surface.extent
    assert grid[0, 0] == pytest.approx(surface.loss([lo1, hi2]), rel=1e-5)
    assert grid[-1, -1] == pytest.approx(surface.loss([hi1, lo2]), rel=1e-5)


def test_a_perceptrons_points_and_given_rates():
    perceptron = nw.Perceptron(inputs=2, activation="sigmoid")
    surface = nw.LossSurface(perceptron, rates=[0.01, 0.1, 3.0], start=[1.0, -1.0], steps=5)
    assert surface.rates == [0.01, 0.1, 3.0]
    assert surface.paths[0][0] == [1.0, -1.0] and len(surface.paths[0]) == 6


@pytest.mark.parametrize("kwargs", [{"rates": [0.1, 0.2]}, {"rates": [0.1, 0.2, -1]}, {"steps": 0}])
def test_bad_arguments_are_refused(kwargs):
    with pytest.raises(ValueError):
        nw.LossSurface(**kwargs)


def test_a_one_input_perceptron_is_refused():
    with pytest.raises(ValueError, match="two inputs"):
        nw.LossSurface(nw.Perceptron())
