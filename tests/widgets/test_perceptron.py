"""Perceptron and ActivationGallery, kernel side: the lesson's defaults, the output maths (as the
front end draws it), values from the sliders, and bad input raising and changing nothing."""

import numpy as np
import pytest
import traitlets

import nnwidgets as nw
from nnwidgets.widgets.perceptron import ACTIVATIONS, activate


def test_one_input_is_the_temperature_lesson():
    p = nw.Perceptron()
    assert (p.inputs, p.weights, p.bias, p.activation) == (1, [0.5], -10.0, "step")
    assert p.threshold == 20.0
    assert p.feature_names == ["temperature"] and p.unit == "°C"
    assert p.classes == ["cold", "warm"]
    assert p.ranges == [[0.0, 40.0]]
    X, y = p.X, p.y
    assert X.shape == (24, 1) and set(y) == {0, 1}
    np.testing.assert_array_equal(y, (X[:, 0] >= 20).astype(int))
    assert p.accuracy() == 1.0
    sent = np.frombuffer(p._points, np.float32).reshape(-1, 1)
    np.testing.assert_allclose(sent, X, rtol=1e-6)
    np.testing.assert_array_equal(np.frombuffer(p._labels, np.uint8), y)
    # 20 °C or above turns it on; below, off.
    np.testing.assert_array_equal(p.output([19.9, 20.0, 30.0]), [0.0, 1.0, 1.0])


def test_two_inputs_are_a_plane_with_a_line():
    p = nw.Perceptron(inputs=2)
    assert p.weights == [1.0, 1.0] and p.bias == 0.0
    assert p.ranges == [[-6.0, 6.0], [-6.0, 6.0]]
    assert np.all(np.abs(p.X) <= 6)
    assert p.X.shape[1] == 2 and p.accuracy() > 0.9
    np.testing.assert_array_equal(p.predict([[1, -0.5], [-1, 0.5], [0, 0]]), [1, 0, 1])
    with pytest.raises(AttributeError, match="threshold"):
        _ = p.threshold


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_output_is_f_of_w_x_plus_b(activation):
    p = nw.Perceptron(inputs=2, weights=[0.7, -1.2], bias=0.3, activation=activation)
    X = np.array([[1.0, 2.0], [-3.0, 0.5], [0.0, 0.0], [4.0, -4.0]])
    z = X @ np.array([0.7, -1.2]) + 0.3
    np.testing.assert_allclose(p.net_input(X), z)
    expected = {
        "step": (z >= 0).astype(float),
        "sigmoid": 1 / (1 + np.exp(-z)),
        "relu": np.maximum(z, 0),
        "tanh": np.tanh(z),
        "linear": z,
    }[activation]
    np.testing.assert_allclose(p.output(X), expected, rtol=1e-12)
    np.testing.assert_array_equal(p.predict(X), (z >= 0).astype(int))


def test_sigmoid_does_not_overflow():
    out = activate("sigmoid", [-1000.0, 0.0, 1000.0])
    np.testing.assert_array_equal(out, [0.0, 0.5, 1.0])


def test_values_from_the_sliders_move_the_boundary():
    p = nw.Perceptron()
    before = p.predict()
    # What the browser sends: the traits, as a slider or the select sets them.
    p.set_state({"bias": -12.0})
    assert p.bias == -12.0 and p.threshold == 24.0
    changed = p.predict() != before
    assert changed.any()
    assert np.all(p.X[changed, 0] >= 20) and np.all(p.X[changed, 0] < 24)
    p.set_state({"weights": [0.25], "activation": "sigmoid"})
    assert p.threshold == 48.0
    np.testing.assert_allclose(p.output([40.0]), 1 / (1 + np.exp(2.0)))
    p.set_state({"probe": [12.5]})
    assert p.probe == [12.5]


def test_your_own_data():
    X = np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]])
    p = nw.Perceptron(inputs=2, data=(X, ["b", "a", "b"]), feature_names=["height", "weight"])
    assert p.classes == ["a", "b"]
    np.testing.assert_array_equal(p.y, [1, 0, 1])
    assert p.feature_names == ["height", "weight"] and p.unit == ""
    lo, hi = p.ranges[0]
    assert lo < 0 and hi > 4
    q = nw.Perceptron(data=([1.0, 2.0, 3.0], [0, 0, 1]))
    assert q.X.shape == (3, 1) and q.weights == [1.0]


def test_bad_arguments_name_themselves():
    with pytest.raises(ValueError, match="inputs must be 1 or 2"):
        nw.Perceptron(inputs=3)
    with pytest.raises(ValueError, match="activation must be one of"):
        nw.Perceptron(activation="softmax")
    with pytest.raises(traitlets.TraitError, match="weights must be 2 number"):
        nw.Perceptron(inputs=2, weights=[1.0])
    with pytest.raises(traitlets.TraitError, match="bias must be finite"):
        nw.Perceptron(bias=float("nan"))
    with pytest.raises(ValueError, match="data's X must have 2 column"):
        nw.Perceptron(inputs=2, data=(np.zeros((4, 3)), [0, 1, 0, 1]))
    with pytest.raises(ValueError, match="two classes"):
        nw.Perceptron(data=([1.0, 2.0, 3.0], [0, 1, 2]))
    with pytest.raises(TypeError, match=r"data must be a pair \(X, y\)"):
        nw.Perceptron(data=np.zeros(3))
    with pytest.raises(ValueError, match="feature_names must name 1"):
        nw.Perceptron(feature_names=["a", "b"])


def test_a_bad_value_raises_and_changes_nothing():
    p = nw.Perceptron(inputs=2)
    state = (p.weights, p.bias, p.activation, p.inputs, p.probe)
    with pytest.raises(traitlets.TraitError, match="weights must be 2 number"):
        p.weights = [1.0, 2.0, 3.0]
    with pytest.raises(traitlets.TraitError, match="weights must be finite"):
        p.weights = [1.0, float("inf")]
    with pytest.raises(traitlets.TraitError, match="bias"):
        p.bias = float("nan")
    with pytest.raises(traitlets.TraitError, match="activation must be one of"):
        p.activation = "Step"
    with pytest.raises(traitlets.TraitError, match="inputs is fixed"):
        p.inputs = 1
    with pytest.raises(traitlets.TraitError, match="probe"):
        p.probe = [0.0]
    with pytest.raises(traitlets.TraitError, match="weights"):
        p.set_state({"weights": [1.0]})
    assert (p.weights, p.bias, p.activation, p.inputs, p.probe) == state
    with pytest.raises(ValueError, match="X must have 2 column"):
        p.output([[1.0, 2.0, 3.0]])


def test_the_activation_gallery():
    g = nw.ActivationGallery()
    assert g.activations == list(ACTIVATIONS) and g._view == "activation_gallery"
    g = nw.ActivationGallery(["relu", "tanh"], highlight="relu")
    assert g.activations == ["relu", "tanh"]
    with pytest.raises(traitlets.TraitError, match="activations must be some of"):
        g.activations = ["gelu"]
    with pytest.raises(traitlets.TraitError, match="highlight"):
        g.highlight = "gelu"
    assert (g.activations, g.highlight) == (["relu", "tanh"], "relu")


def test_exported():
    assert "Perceptron" in nw.__all__ and "ActivationGallery" in nw.__all__
    assert nw.Perceptron()._view == "perceptron"
