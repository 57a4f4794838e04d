"""WeightImages' kernel side: the images and their scales, the unit cap, following a fit, bad
input."""

import numpy as np
import pytest
import traitlets

import nnwidgets as nw
from nnwidgets import Sequential, layers


def digits_model(hidden=256):
    return Sequential(
        [
            layers.Input((28, 28)),
            layers.Flatten(),
            layers.Dense(hidden, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )


def sent(view) -> np.ndarray:
    rows, cols = view.shape
    data = np.frombuffer(view._images, dtype=np.uint8)
    return data.reshape(view.shown, rows, cols)


def test_each_unit_is_its_column_of_w_on_its_own_symmetric_scale():
    model = digits_model()
    view = nw.WeightImages(model, layer=0, shape=(28, 28))
    W = model.get_weights()[0]
    # layer=0 is Flatten, which stands for the Dense layer after it.
    assert view.layer_name == model.layers[1].name
    assert (view.units, view.shown, view.shape) == (256, 64, (28, 28))
    np.testing.assert_array_equal(view.images[5], W[:, 5].reshape(28, 28))
    maxima = np.frombuffer(view._maxima, np.float32)
    np.testing.assert_allclose(maxima[5], np.abs(W[:, 5]).max())
    expected = np.rint((W[:, 5].reshape(28, 28) / maxima[5] + 1) * 127.5)
    np.testing.assert_array_equal(sent(view)[5], expected)
    assert sent(view).min() in (0, 1) or sent(view).max() in (254, 255)


def test_a_shared_scale_spans_all_images():
    model = digits_model(8)
    view = nw.WeightImages(model, shape=(28, 28), scale="shared")
    W = model.get_weights()[0]
    maxima = np.frombuffer(view._maxima, np.float32)
    np.testing.assert_allclose(maxima, np.abs(W).max())
    view.scale = "unit"
    assert np.frombuffer(view._maxima, np.float32)[0] == pytest.approx(np.abs(W[:, 0]).max())
    with pytest.raises(traitlets.TraitError, match="scale"):
        view.scale = "log"
    assert view.scale == "unit"


def test_the_shape_is_found_from_the_model_or_a_square():
    assert nw.WeightImages(digits_model(4)).shape == (28, 28)
    model = Sequential([layers.Input((64,)), layers.Dense(3), layers.Dense(4)])
    assert nw.WeightImages(model).shape == (8, 8)
    assert nw.WeightImages(model, layer=1, shape=(1, 3)).shape == (1, 3)


def test_it_follows_a_fit():
    X, y = nw.datasets.digits()
    model = Sequential([layers.Input((8, 8)), layers.Flatten(), layers.Dense(16, "relu"),
                        layers.Dense(10, activation="softmax")])  # fmt: skip
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    view = nw.WeightImages(model, max_units=10)
    before = view._images
    model.fit(X[:200] / 16, y[:200], epochs=2, verbose=0, callbacks=[view])
    assert view._images != before
    np.testing.assert_array_equal(view.images[3], model.get_weights()[0][:, 3].reshape(8, 8))
    assert view.shown == 10 and view.units == 16


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"shape": (20, 20)}, ValueError, r"W has shape \(784, 4\).*rows × cols must be 784"),
        ({"shape": "big"}, ValueError, r"shape must be \(rows, cols\)"),
        ({"layer": 9}, ValueError, "out of range"),
        ({"layer": "nope"}, ValueError, "not a layer"),
        ({"scale": "log"}, ValueError, "scale must be one of"),
        ({"max_units": 0}, ValueError, "max_units"),
    ],
)
def test_bad_input_is_refused(kwargs, error, match):
    with pytest.raises(error, match=match):
        nw.WeightImages(digits_model(4), **kwargs)


def test_a_layer_without_weights_and_none_after_is_refused():
    model = Sequential([layers.Input((4,)), layers.Dense(3), layers.Dropout(0.5)])
    with pytest.raises(ValueError, match="has no weights"):
        nw.WeightImages(model, layer=1)
    with pytest.raises(ValueError, match="make no square image"):
        nw.WeightImages(Sequential([layers.Input((5,)), layers.Dense(3)]))
