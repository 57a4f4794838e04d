"""The Keras idioms of the lessons, each compared with real Keras 3 on the JAX backend: the same
code gives the same warnings, names, errors, numbers and stopping epochs."""

import io
import os
import warnings
from contextlib import redirect_stdout

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "jax")
keras = pytest.importorskip("keras", reason="Keras 3 is the `keras` extra (pip install .[keras])")

import nnwidgets as nw  # noqa: E402
from nnwidgets import Sequential, layers  # noqa: E402


def data(n=70, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4)).astype(np.float32)
    y = (X[:, 0] + 0.5 * X[:, 1] > 0.3).astype(np.float32)
    return X, y


def twin_models(last_activation="sigmoid", units=1):
    """A Keras model and ours of the same shape, ours holding Keras' initial weights."""
    theirs = keras.Sequential(
        [
            keras.Input((4,)),
            keras.layers.Dense(3, activation="relu"),
            keras.layers.Dense(units, activation=last_activation),
        ]
    )
    ours = Sequential(
        [
            layers.Input((4,)),
            layers.Dense(3, activation="relu"),
            layers.Dense(units, activation=last_activation),
        ]
    )
    for mine, keras_layer in zip(ours.layers, theirs.layers, strict=True):
        mine.set_weights(keras_layer.get_weights())
    return theirs, ours


def keras_warning(make):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        make()
    return [(w.category, str(w.message)) for w in caught]


# --- input_shape= on a first layer ---------------------------------------------------------------


@pytest.mark.parametrize("argument", [{"input_shape": (4,)}, {"input_dim": 4}])
def test_input_shape_is_accepted_with_keras_own_warning(argument):
    theirs = keras_warning(lambda: keras.layers.Dense(2, **argument))
    ours = keras_warning(lambda: layers.Dense(2, **argument))
    assert ours == theirs and theirs[0][0] is UserWarning
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        layers.Dense(2, **argument)
    assert caught[0].filename == __file__  # the warning points at the user's line


def test_a_model_started_by_input_shape_builds_as_keras_builds_it():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        theirs = keras.Sequential(
            [keras.layers.Dense(2, input_shape=(4,), activation="relu"), keras.layers.Dense(1)]
        )
        ours = Sequential([layers.Dense(2, input_shape=(4,), activation="relu"), layers.Dense(1)])
    assert ours.input_shape == tuple(theirs.input_shape)
    assert ours.count_params() == theirs.count_params() == 13
    assert [w.shape for w in ours.get_weights()] == [w.shape for w in theirs.get_weights()]


# --- layers' weights, get_layer, history ---------------------------------------------------------


def test_layer_weights_copied_from_keras_predict_what_keras_predicts():
    X, _ = data()
    theirs, ours = twin_models()
    np.testing.assert_allclose(
        ours.predict(X, verbose=0), theirs.predict(X, verbose=0), rtol=1e-5, atol=1e-6
    )
    for mine, keras_layer in zip(ours.layers, theirs.layers, strict=True):
        for a, b in zip(mine.get_weights(), keras_layer.get_weights(), strict=True):
            assert a.dtype == b.dtype == np.float32
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    "weights",
    [lambda w: w[:1], lambda w: [w[0][:2], w[1]]],
    ids=["too-few-arrays", "wrong-shape"],
)
def test_layer_set_weights_refuses_what_keras_refuses(weights):
    theirs, ours = twin_models()
    with pytest.raises(ValueError):
        theirs.layers[0].set_weights(weights(theirs.layers[0].get_weights()))
    before = ours.get_weights()
    with pytest.raises(ValueError, match="weights"):
        ours.layers[0].set_weights(weights(ours.layers[0].get_weights()))
    for a, b in zip(before, ours.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_get_layer_finds_and_refuses_as_keras_does():
    theirs, ours = twin_models()
    for index in (0, 1, -1):
        assert ours.get_layer(index=index) is ours.layers[index]
        assert theirs.get_layer(index=index) is theirs.layers[index]
    assert ours.get_layer(name=ours.layers[1].name) is ours.layers[1]
    assert ours.get_layer(ours.layers[0].name) is ours.layers[0]  # by position, as in Keras
    for arguments in ({}, {"name": "nope"}, {"index": 5}, {"name": "a", "index": 0}):
        with pytest.raises(ValueError):
            theirs.get_layer(**arguments)
        with pytest.raises(ValueError, match="name|index"):
            ours.get_layer(**arguments)


@pytest.mark.parametrize(
    ("loss", "metrics"),
    [
        ("binary_crossentropy", ["acc"]),
        ("binary_crossentropy", ["accuracy", "mae"]),
        ("mae", ["acc"]),
        ("mean_absolute_error", ["mse"]),
    ],
)
def test_history_keys_and_model_history_are_keras(loss, metrics):
    X, y = data()
    histories = []
    for model in twin_models():
        model.compile(optimizer="sgd", loss=loss, metrics=metrics)
        history = model.fit(X, y, epochs=2, validation_split=0.2, verbose=0)
        assert model.history is history
        histories.append(history)
    theirs, ours = histories
    assert list(ours.history) == list(theirs.history)
    assert ours.epoch == theirs.epoch == [0, 1]


def test_a_bare_metric_string_is_refused_as_keras_3_refuses_it():
    theirs, ours = twin_models()
    with pytest.raises(ValueError, match="metrics"):
        theirs.compile(loss="mse", metrics="accuracy")
    with pytest.raises(ValueError, match=r"metrics must be a list of names, e.g. metrics=\['acc"):
        ours.compile(loss="mse", metrics="accuracy")


# --- the same numbers: mae, class_weight, initial_epoch ------------------------------------------


def fit_both(loss, metrics, y, optimizer="sgd", **fit_args):
    X, _ = data()
    results = []
    for model in twin_models():
        model.compile(optimizer=optimizer, loss=loss, metrics=metrics)
        history = model.fit(X, y, batch_size=16, shuffle=False, verbose=0, **fit_args)
        results.append((history, model.get_weights()))
    return results


def assert_same_training(theirs, ours):
    (their_history, their_weights), (our_history, our_weights) = theirs, ours
    assert list(our_history.history) == list(their_history.history)
    for name, values in their_history.history.items():
        np.testing.assert_allclose(our_history.history[name], values, rtol=2e-5, err_msg=name)
    for a, b in zip(our_weights, their_weights, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("optimizer", ["adam", "rmsprop"])
def test_optimizers_by_name_train_as_keras(optimizer):
    X, y = data()
    assert_same_training(*fit_both("binary_crossentropy", ["accuracy"], y, optimizer, epochs=5))


@pytest.mark.parametrize("loss", ["mae", "mean_absolute_error"])
def test_loss_mae_trains_as_keras(loss):
    _, y = data()
    assert_same_training(*fit_both(loss, ["mse"], y, epochs=3))


@pytest.mark.parametrize(
    ("loss", "class_weight"),
    [
        ("binary_crossentropy", {0: 1.0, 1: 4.0}),
        ("binary_crossentropy", {1: 0.25}),  # class 0 unnamed: weight 1
        ("mse", {0: 2.0, 1: 0.5}),
    ],
)
def test_class_weight_scales_each_loss_as_keras(loss, class_weight):
    _, y = data()
    theirs, ours = fit_both(loss, ["accuracy"], y, epochs=3, class_weight=class_weight)
    assert_same_training(theirs, ours)
    plain = fit_both(loss, ["accuracy"], y, epochs=3)[1]
    assert plain[0].history["loss"] != ours[0].history["loss"]  # the weights did something


def test_class_weight_on_sparse_labels_as_keras():
    X, y = data()
    labels = (y + (X[:, 2] > 0)).astype(np.int32)  # classes 0, 1, 2
    results = []
    for model in twin_models(last_activation="softmax", units=3):
        model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["acc"])
        history = model.fit(
            X, labels, batch_size=16, shuffle=False, verbose=0, epochs=2,
            class_weight={0: 0.5, 2: 3.0},
        )  # fmt: skip
        results.append((history, model.get_weights()))
    assert_same_training(*results)


def test_initial_epoch_numbers_epochs_as_keras():
    _, y = data()
    theirs, ours = fit_both("mse", [], y, epochs=3, initial_epoch=1)
    assert ours[0].epoch == theirs[0].epoch == [1, 2]
    assert_same_training(theirs, ours)
    theirs, ours = twin_models()
    for model in (theirs, ours):
        model.compile(optimizer="sgd", loss="mse")
    X, _ = data()
    lines = []
    for model in (theirs, ours):
        out = io.StringIO()
        with redirect_stdout(out):
            model.fit(X, y, epochs=3, initial_epoch=1, verbose=2)
        lines.append([line for line in out.getvalue().splitlines() if line.startswith("Epoch")])
    assert lines[1] == lines[0] == ["Epoch 2/3", "Epoch 3/3"]
    # Starting at or past the end runs nothing, as in Keras.
    assert ours.fit(X, y, epochs=3, initial_epoch=3, verbose=0).epoch == []


# --- evaluate and predict print Keras' line ------------------------------------------------------


def printed_line(call):
    out = io.StringIO()
    with redirect_stdout(out):
        result = call()
    # Keras redraws its bar with \r and \b: the last state of the last line is what one sees.
    text = out.getvalue().replace("\x08", "").split("\n")
    last = [line for line in text if line.strip()][-1].split("\r")[-1]
    for code in ("\x1b[1m", "\x1b[0m", "\x1b[32m", "\x1b[37m"):
        last = last.replace(code, "")
    return last.rstrip(), result


def shape_of_line(line):
    """The line with its times blanked: "4/4 ━━━ 0s 2ms/step - ..." -> "4/4 ━━━ Ts T/step - ..."."""
    import re

    line = re.sub(r"\d+s ", "Ts ", line, count=1)
    line = re.sub(r"- \d+s -", "- Ts -", line)
    return re.sub(r"\d+(ms|us|s)/step", "T/step", line)


@pytest.mark.parametrize("verbose", ["auto", 1, 2])
def test_evaluate_and_predict_print_keras_line(verbose):
    X, y = data(n=100)
    lines = []
    for model in twin_models():
        model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["accuracy", "mae"])
        evaluated = printed_line(lambda m=model: m.evaluate(X, y, verbose=verbose))
        predicted = printed_line(lambda m=model: m.predict(X, verbose=verbose))
        lines.append((shape_of_line(evaluated[0]), shape_of_line(predicted[0]), evaluated[1]))
    (their_eval, their_pred, their_values), (our_eval, our_pred, our_values) = lines
    assert our_eval == their_eval
    assert our_pred == their_pred
    assert our_eval.startswith("4/4 ") and "- accuracy: " in our_eval
    np.testing.assert_allclose(our_values, their_values, rtol=1e-5)


def test_evaluate_and_predict_are_silent_with_verbose_0():
    X, y = data()
    _, ours = twin_models()
    ours.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["accuracy"])
    out = io.StringIO()
    with redirect_stdout(out):
        ours.evaluate(X, y, verbose=0)
        ours.predict(X, verbose=0)
    assert out.getvalue() == ""


def test_evaluate_return_dict_is_in_keras_order():
    X, y = data()
    dicts = []
    for model in twin_models():
        model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["mae", "accuracy"])
        dicts.append(model.evaluate(X, y, verbose=0, return_dict=True))
    assert list(dicts[1]) == list(dicts[0])


# --- stop_training, EarlyStopping and ModelCheckpoint --------------------------------------------


class StopAfter(nw.Callback):
    def __init__(self, epoch):
        super().__init__()
        self.epoch = epoch

    def on_epoch_end(self, epoch, logs=None):
        if epoch == self.epoch:
            self.model.stop_training = True


def test_a_callback_setting_stop_training_ends_fit_after_that_epoch():
    X, y = data()
    epochs = []
    for model, callback in zip(twin_models(), (None, StopAfter(2)), strict=True):
        if callback is None:  # the same callback, on Keras' own base class

            class KerasStopAfter(keras.callbacks.Callback):
                def on_epoch_end(self, epoch, logs=None):
                    if epoch == 2:
                        self.model.stop_training = True

            callback = KerasStopAfter()
        model.compile(optimizer="sgd", loss="mse")
        epochs.append(model.fit(X, y, epochs=10, verbose=0, callbacks=[callback]).epoch)
    assert epochs[1] == epochs[0] == [0, 1, 2]


class FakeModel:
    """What EarlyStopping needs of a model: stop_training and weights (one number: the epoch)."""

    def __init__(self):
        self.stop_training = False
        self.weights = [np.zeros(1, np.float32)]

    def get_weights(self):
        return [w.copy() for w in self.weights]

    def set_weights(self, weights):
        self.weights = [np.array(w) for w in weights]


def drive(callback, values, monitor):
    """Feed `values` as the monitored figure, epoch by epoch, as fit would; where it stops."""
    model = FakeModel()
    callback.set_model(model)
    callback.set_params({"epochs": len(values), "steps": 1, "verbose": 0, "metrics": [monitor]})
    callback.on_train_begin({})
    ran = []
    for epoch, value in enumerate(values):
        model.weights = [np.full(1, epoch, np.float32)]
        callback.on_epoch_begin(epoch, {})
        callback.on_epoch_end(epoch, {monitor: value})
        ran.append(epoch)
        if model.stop_training:
            break
    callback.on_train_end({})
    return ran, float(model.weights[0][0]), callback.best, callback.stopped_epoch


DOWN_THEN_FLAT = [1.0, 0.8, 0.7, 0.69, 0.695, 0.70, 0.65, 0.71, 0.72, 0.73, 0.74, 0.75]
UP_THEN_FLAT = [0.5, 0.6, 0.7, 0.71, 0.705, 0.70, 0.75, 0.70, 0.69, 0.68, 0.67, 0.66]


@pytest.mark.parametrize(
    ("monitor", "values", "arguments"),
    [
        ("val_loss", DOWN_THEN_FLAT, {}),
        ("val_loss", DOWN_THEN_FLAT, {"patience": 2}),
        ("loss", DOWN_THEN_FLAT, {"patience": 1, "min_delta": 0.05}),
        ("loss", DOWN_THEN_FLAT, {"patience": 3, "restore_best_weights": True}),
        ("loss", DOWN_THEN_FLAT, {"patience": 2, "baseline": 0.75}),
        ("loss", DOWN_THEN_FLAT, {"patience": 1, "baseline": 0.5}),
        ("loss", DOWN_THEN_FLAT, {"patience": 0, "start_from_epoch": 4}),
        ("loss", DOWN_THEN_FLAT, {"patience": 2, "mode": "max"}),
        ("val_accuracy", UP_THEN_FLAT, {"patience": 1, "mode": "max"}),
        ("accuracy", UP_THEN_FLAT, {"patience": 2, "mode": "max", "restore_best_weights": True}),
        ("accuracy", UP_THEN_FLAT, {"patience": 20, "mode": "max"}),
        ("val_loss", [0.5] * 6, {"patience": 2}),
    ],
)
def test_early_stopping_stops_at_keras_epoch(monitor, values, arguments):
    theirs = drive(keras.callbacks.EarlyStopping(monitor=monitor, **arguments), values, monitor)
    ours = drive(nw.callbacks.EarlyStopping(monitor=monitor, **arguments), values, monitor)
    assert ours == pytest.approx(theirs)


def test_early_stopping_in_a_real_fit_stops_where_keras_stops():
    X, y = data()
    stopped = []
    for model, module in zip(twin_models(), (keras.callbacks, nw.callbacks), strict=True):
        model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["accuracy"])
        stop = module.EarlyStopping(monitor="loss", min_delta=0.01, patience=1)
        history = model.fit(X, y, epochs=50, batch_size=16, shuffle=False, verbose=0,
                            callbacks=[stop])  # fmt: skip
        stopped.append((history.epoch, stop.stopped_epoch))
    assert stopped[1] == stopped[0]
    assert 0 < stopped[0][1] < 49  # it did stop early


def test_early_stopping_on_val_loss_without_validation_is_refused_before_training():
    X, y = data()
    _, ours = twin_models()
    ours.compile(optimizer="sgd", loss="mse")
    before = ours.get_weights()
    with pytest.raises(ValueError, match="monitor='val_loss'.*validation"):
        ours.fit(X, y, epochs=3, verbose=0, callbacks=[nw.callbacks.EarlyStopping()])
    for a, b in zip(before, ours.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_model_checkpoint_saves_best_epochs_as_keras_does(tmp_path):
    X, y = data()
    saved = []
    for model, suffix, module in zip(
        twin_models(), (".keras", ".npz"), (keras.callbacks, nw.callbacks), strict=True
    ):
        folder = tmp_path / suffix.strip(".")
        model.compile(optimizer="sgd", loss="mse")
        checkpoint = module.ModelCheckpoint(
            str(folder / ("e{epoch:02d}" + suffix)), monitor="val_loss", save_best_only=True
        )
        model.fit(X, y, epochs=6, batch_size=16, shuffle=False, verbose=0,
                  validation_split=0.3, callbacks=[checkpoint])  # fmt: skip
        saved.append(sorted(path.name.split(".")[0] for path in folder.iterdir()))
    assert saved[1] == saved[0]
    assert saved[0][0] == "e01"  # the first epoch always improves on nothing


def test_model_checkpoint_weights_only_and_the_best_model_loads_back(tmp_path):
    X, y = data()
    _, ours = twin_models()
    ours.compile(optimizer="sgd", loss="mse", metrics=["mae"])
    best = tmp_path / "best.npz"
    weights = tmp_path / "last.weights.npz"
    callbacks = [
        nw.callbacks.ModelCheckpoint(best, monitor="loss", save_best_only=True),
        nw.callbacks.ModelCheckpoint(weights, monitor="loss", save_weights_only=True),
    ]
    history = ours.fit(X, y, epochs=4, verbose=0, callbacks=callbacks)
    loaded = nw.load_model(best)
    assert loaded.evaluate(X, y, verbose=0)[0] <= max(history.history["loss"])
    copy = nw.load_model(best)
    copy.load_weights(weights)
    np.testing.assert_array_equal(copy.predict(X, verbose=0), ours.predict(X, verbose=0))


# --- save and load_model -------------------------------------------------------------------------


def test_save_and_load_model_round_trip_predicts_identically(tmp_path):
    X, y = data()
    model = Sequential(
        [layers.Input((4,)), layers.Dense(5, activation="tanh", name="hidden"),
         layers.Dropout(0.2), layers.Activation("relu"), layers.Dense(1, activation="sigmoid")],
        name="banknote",
    )  # fmt: skip
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["acc"])
    model.fit(X, y, epochs=2, verbose=0)
    model.save(tmp_path / "banknote.npz")
    loaded = nw.load_model(tmp_path / "banknote.npz")
    assert loaded.name == "banknote"
    assert [layer.name for layer in loaded.layers] == [layer.name for layer in model.layers]
    assert [layer.get_config() for layer in loaded.layers] == [
        layer.get_config() for layer in model.layers
    ]
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), model.predict(X, verbose=0))
    assert loaded.compile_config() == model.compile_config()
    # Compiled as saved: it trains on, and logs what the original logs.
    assert list(loaded.fit(X, y, epochs=1, verbose=0).history) == ["acc", "loss"]


def test_the_model_file_is_json_and_arrays_without_pickle(tmp_path):
    import json

    _, model = twin_models()
    model.compile(optimizer="sgd", loss="mse")
    model.save(tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz", allow_pickle=False) as archive:
        config = json.loads(str(archive["nnwidgets_model"]))
        assert sorted(archive.files) == sorted(
            ["nnwidgets_model", "layers/0/W", "layers/0/b", "layers/1/W", "layers/1/b"]
        )
        np.testing.assert_array_equal(archive["layers/1/W"], model.layers[1].get_weights()[0])
    assert config["format"] == "nnwidgets.Sequential" and config["input_shape"] == [4]
    assert config["compile"] == {"optimizer": "sgd", "loss": "mse", "metrics": []}
    assert [layer["class_name"] for layer in config["layers"]] == ["Dense", "Dense"]


def test_an_optax_optimizer_is_not_saved_and_says_so(tmp_path):
    import optax

    X, _ = data()
    _, model = twin_models()
    model.compile(optimizer=optax.sgd(0.1), loss="mse")
    with pytest.warns(UserWarning, match="compile the loaded model again"):
        model.save(tmp_path / "m.npz")
    loaded = nw.load_model(tmp_path / "m.npz")
    assert loaded.compile_config() is None
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), model.predict(X, verbose=0))


def test_save_weights_and_load_weights_round_trip(tmp_path):
    X, _ = data()
    _, model = twin_models()
    model.save_weights(tmp_path / "m.weights.npz")
    other = twin_models()[1]
    other.load_weights(tmp_path / "m.weights.npz")
    np.testing.assert_array_equal(other.predict(X, verbose=0), model.predict(X, verbose=0))


# --- what nnwidgets does not offer ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Conv1D", "Conv2D", "MaxPooling2D", "AveragePooling2D", "BatchNormalization",
     "LayerNormalization", "Embedding", "SimpleRNN", "LSTM", "GRU"],
)  # fmt: skip
def test_keras_layers_nnwidgets_does_not_offer_say_what_to_use(name):
    assert hasattr(keras.layers, name)  # a real Keras name, not one made up
    with pytest.raises(
        NotImplementedError, match=rf"^{name} is not supported: .*; (use|scale|one)"
    ):
        getattr(nw.layers, name)(8)


def test_the_functional_model_says_to_use_sequential():
    assert hasattr(keras, "Model")
    with pytest.raises(NotImplementedError, match=r"Model is not supported.*Sequential\("):
        nw.Model(inputs=None, outputs=None)
