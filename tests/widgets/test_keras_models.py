"""Real Keras 3 models in the views: LivePlot and ActivationView as callbacks of Keras' own fit,
NetworkDiagram, WeightImages, ActivationView and TransformView reading a keras.Sequential, and
the models they refuse."""

import os
import subprocess
import sys

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "jax")
keras = pytest.importorskip("keras", reason="keras (the test extra) is not installed")

import nnwidgets as nw  # noqa: E402
from nnwidgets.widgets.keras_models import KerasModel  # noqa: E402

layers = keras.layers
# Keras' get_weights asks numpy 2 for a copy in a way it warns about; nothing of ours.
pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")


def blobs(n=240, seed=0):
    """Two classes in the plane: the sign of x1·x2."""
    X = np.random.default_rng(seed).uniform(-2, 2, size=(n, 2)).astype(np.float32)
    return X, (X[:, 0] * X[:, 1] > 0).astype(np.int32)


def keras_model(hidden=2, inputs=2, seed=0):
    keras.utils.set_random_seed(seed)
    model = keras.Sequential(
        [
            keras.Input((inputs,)),
            layers.Dense(4, activation="relu", name="first"),
            layers.Dropout(0.1),
            layers.Dense(hidden, activation="tanh", name="hidden"),
            layers.Dense(1, activation="sigmoid", name="out"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def hidden_of(model, X):
    """The Keras model's own output of its layer "hidden"."""
    inner = keras.Model(model.inputs, model.get_layer("hidden").output)
    return inner.predict(X, verbose=0)


def sent_links(diagram):
    """NetworkDiagram's links as sent: per layer (W of the drawn nodes, b of the drawn nodes)."""
    data = np.frombuffer(diagram._weights, dtype=np.float32)
    links, at = [], 0
    for left, right in zip(diagram._layers, diagram._layers[1:], strict=False):
        rows, cols = len(left["shown"]), len(right["shown"])
        W = data[at : at + rows * cols].reshape(rows, cols)
        links.append((W, data[at + rows * cols : at + rows * cols + cols]))
        at += rows * cols + cols
    return links


def test_importing_nnwidgets_leaves_keras_unimported():
    code = "import sys, nnwidgets; print('keras' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_live_plot_and_activation_view_follow_keras_fit_epoch_by_epoch():
    X, y = blobs()
    model = keras_model()
    plot = nw.LivePlot()
    view = nw.ActivationView(model, X, y, layer="hidden")
    np.testing.assert_allclose(view.snapshots[0], hidden_of(model, X), atol=1e-5)
    per_epoch = []
    keep = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: per_epoch.append(hidden_of(model, X))
    )
    history = model.fit(
        X, y, epochs=4, batch_size=32, validation_split=0.25, verbose=0,
        callbacks=[plot, view, keep],
    )  # fmt: skip

    # LivePlot: every epoch's figures, as Keras' History has them, and the bar at the end.
    assert sorted(plot.history) == sorted(history.history) == [
        "accuracy", "loss", "val_accuracy", "val_loss",
    ]  # fmt: skip
    for name, values in history.history.items():
        np.testing.assert_allclose(plot.history[name], values, rtol=1e-6)
    assert (plot.epoch, plot.epochs, plot.running) == (4, 4, False)
    table = np.frombuffer(plot._curves, np.float32).reshape(4, len(plot._columns))
    np.testing.assert_allclose(table[:, plot._columns.index("loss")], history.history["loss"])
    assert plot.params["loss"] == "binary_crossentropy"  # the diagnosis' scale, from Keras

    # ActivationView: the model before fit, then each epoch's hidden layer as Keras computes it.
    assert (view.epochs, view.epoch, len(view.snapshots)) == (4, 4, 5)
    for epoch, expected in enumerate(per_epoch, start=1):
        np.testing.assert_allclose(view.snapshots[epoch], expected, atol=1e-5)
    shown = np.frombuffer(view._points, np.float32).reshape(-1, 2)
    np.testing.assert_allclose(shown, per_epoch[-1], atol=1e-5)
    predicted = model.predict(X, verbose=0)[:, 0] > 0.5
    assert view.accuracies[-1] == pytest.approx(np.mean(predicted == y))
    assert (view.layer_name, view.activation, view.units) == ("hidden", "tanh", [0, 1])


def test_keras_evaluate_and_predict_leave_the_views_as_they_are():
    X, y = blobs(64)
    model = keras_model()
    plot = nw.LivePlot()
    view = nw.ActivationView(model, X, y)
    model.evaluate(X, y, callbacks=[plot, view], verbose=0)
    model.predict(X, callbacks=[plot, view], verbose=0)
    assert plot.history == {} and len(view.snapshots) == 1


def test_diagram_weight_images_and_transform_show_the_keras_weights_and_follow_fit():
    X, y = blobs()
    model = keras_model(hidden=3)
    diagram = nw.NetworkDiagram(model)
    images = nw.WeightImages(model, layer="hidden", shape=(2, 2))
    transform = nw.TransformView(model, X, y, grid=5)
    model.fit(X, y, epochs=2, verbose=0, callbacks=[diagram, images, transform])
    weights = model.get_weights()  # first W, b; hidden W, b; out W, b

    columns = diagram._layers
    assert [c["name"] for c in columns] == ["input", "first", "hidden", "out"]
    assert [c["activation"] for c in columns[1:]] == ["relu", "tanh", "sigmoid"]
    assert [c["params"] for c in columns[1:]] == [12, 15, 4]
    assert columns[1]["notes"] == [model.layers[1].name]  # the Dropout
    for (W, b), k in zip(sent_links(diagram), range(0, 6, 2), strict=True):
        np.testing.assert_array_equal(W, weights[k])
        np.testing.assert_array_equal(b, weights[k + 1])

    assert (images.layer_name, images.units, images.shown) == ("hidden", 3, 3)
    np.testing.assert_array_equal(images.images[2], weights[2][:, 2].reshape(2, 2))

    stages = {stage["name"]: stage["points"] for stage in transform.stages}
    inputs = stages["input"]
    # A 4-unit layer shows its first 3 units.
    linear = inputs @ weights[0]
    np.testing.assert_allclose(stages["layer 1: W·x"], linear[:, :3], rtol=1e-4, atol=1e-5)
    first = np.maximum(inputs @ weights[0] + weights[1], 0)
    np.testing.assert_allclose(stages["layer 2: W·x"], first @ weights[2], rtol=1e-4, atol=1e-5)
    # The data points (after the grid and î, ĵ) go through the Keras model's own layers.
    np.testing.assert_allclose(stages["layer 2: tanh"][-len(X) :], hidden_of(model, X), atol=1e-5)


def test_a_digits_model_with_flatten_and_no_bias_reads_as_keras_has_it():
    model = keras.Sequential(
        [
            keras.Input((8, 8)),
            layers.Flatten(),
            layers.Dense(5, activation="relu", use_bias=False, name="units"),
            layers.Activation("softmax"),
        ]
    )
    images = nw.WeightImages(model)  # layer 0 is Flatten: it stands for the Dense layer
    W = model.get_weights()[0]
    assert images.shape == (8, 8) and images.units == 5
    np.testing.assert_array_equal(images.images[4], W[:, 4].reshape(8, 8))
    diagram = nw.NetworkDiagram(model)
    assert [c["units"] for c in diagram._layers] == [64, 5]
    assert diagram._layers[1]["activation"] == "softmax"  # the Activation layer's
    (W_sent, b_sent), = sent_links(diagram)  # fmt: skip
    shown = diagram._layers[0]["shown"], diagram._layers[1]["shown"]
    np.testing.assert_array_equal(W_sent, W[np.ix_(*shown)])
    assert not b_sent.any()


def test_the_adapter_reads_layers_as_nnwidgets_layers():
    model = keras_model()
    read = KerasModel(model, "a view")
    assert [type(layer).__name__ for layer in read.layers] == ["Dense", "Dropout", "Dense", "Dense"]
    assert read.input_shape == (None, 2) and read.output_shape == (None, 1)
    assert read.count_params() == model.count_params() and read.loss == "binary_crossentropy"
    X, _ = blobs(16)
    np.testing.assert_allclose(read.layer_output(X, -1), model.predict(X, verbose=0), atol=1e-6)


def test_a_subclass_of_keras_sequential_reads_as_one():
    class Lesson(keras.Sequential):
        pass

    model = Lesson([keras.Input((2,)), layers.Dense(3, activation="relu"), layers.Dense(1)])
    diagram = nw.NetworkDiagram(model)
    assert [c["units"] for c in diagram._layers] == [2, 3, 1]


def functional_model():
    inputs = keras.Input((2,))
    return keras.Model(inputs, layers.Dense(1)(inputs))


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (functional_model, TypeError, "reads a keras.Sequential of Dense layers; got a Keras"),
        (
            lambda: keras.Sequential([layers.Dense(2), layers.Dense(1)]),
            ValueError,
            "needs a built Keras model.*keras.Input",
        ),
        (
            lambda: keras.Sequential(
                [keras.Input((8, 8, 1)), layers.Conv2D(2, 3), layers.Flatten(), layers.Dense(2)]
            ),
            ValueError,
            r"reads Keras Dense, .* layers; layer 0 \('conv2d.*', a Conv2D\) is not one",
        ),
        (
            lambda: keras.Sequential([keras.Input((2,)), layers.Dense(2, activation="gelu")]),
            ValueError,
            "uses the activation 'gelu'; .* computes 'relu', 'tanh'",
        ),
        (
            lambda: keras.Sequential([keras.Input((2,)), layers.LeakyReLU(), layers.Dense(2)]),
            ValueError,
            "a LeakyReLU",
        ),
        (
            lambda: keras.Sequential([keras.Input((2,)), layers.Dense(2), layers.ReLU(6.0)]),
            ValueError,
            r"not a plain relu; .* ReLU\(\) with its default arguments",
        ),
        (
            lambda: keras.Sequential([keras.Input((4, 4)), layers.Dense(2)]),
            ValueError,
            "cannot read this Keras model: .*add a Flatten layer",
        ),
    ],
)
@pytest.mark.parametrize("view", ["NetworkDiagram", "WeightImages", "TransformView"])
def test_models_the_views_cannot_read_are_refused_saying_what_is_supported(
    make, error, match, view
):
    with pytest.raises(error, match=match) as refused:
        getattr(nw, view)(make())
    assert view in str(refused.value)


def test_activation_view_refuses_a_keras_model_it_cannot_read():
    X, y = blobs(10)
    with pytest.raises(TypeError, match="ActivationView reads a keras.Sequential"):
        nw.ActivationView(functional_model(), X, y)


def test_live_plot_follows_any_keras_model():
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((2,)), layers.Dense(3), layers.LeakyReLU(),
                              layers.Dense(1)])  # fmt: skip
    model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
    X, y = blobs(32)
    plot = nw.LivePlot(metrics=["loss", "mae"])
    history = model.fit(X, y.astype(np.float32), epochs=2, verbose=0, callbacks=[plot])
    np.testing.assert_allclose(plot.history["mae"], history.history["mae"], rtol=1e-6)
    assert plot.params["loss"] == "mse"
