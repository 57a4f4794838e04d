"""What a new user types wrong, tried on the model side: every case raises the expected type with
a message naming the argument (or the file), before anything changes: the weights stay as
they were.

Each case is (id, call, exception, words): `call(model, X, y, tmp_path)` runs on a compiled
banknote model (4 inputs, 2 ReLU units, 1 sigmoid output, binary cross-entropy); the message
must hold `words`.
"""

import gzip
import pickle

import numpy as np
import pytest

import nnwidgets as nw
from nnwidgets import Sequential, layers
from nnwidgets.callbacks import EarlyStopping, ModelCheckpoint


def banknote_model():
    model = Sequential(
        [
            layers.Input((4,)),
            layers.Dense(2, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def toy_data(n=40):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n, 4)).astype(np.float32)
    return X, (X[:, 0] > 0).astype(np.float32)


def with_nan(array, row=3):
    array = np.array(array, np.float32)
    array[row] = np.nan
    return array


def with_inf(array, row=5):
    array = np.array(array, np.float32)
    array[row] = np.inf
    return array


def classifier(units, loss):
    model = Sequential([layers.Input((4,)), layers.Dense(units, activation="softmax")])
    model.compile(optimizer="sgd", loss=loss)
    return model


def saved_model(tmp_path, name="m.npz"):
    model = banknote_model()
    model.save(tmp_path / name)
    return tmp_path / name


def npz_file(tmp_path, **entries):
    np.savez(tmp_path / "odd.npz", **entries)
    return tmp_path / "odd.npz"


def model_file_with(tmp_path, edit):
    """A model file whose JSON description `edit` changed."""
    import json

    path = saved_model(tmp_path)
    with np.load(path, allow_pickle=False) as archive:
        entries = {name: archive[name] for name in archive.files}
    config = json.loads(str(entries["nnwidgets_model"]))
    edit(config)
    entries["nnwidgets_model"] = np.array(json.dumps(config))
    np.savez(path, **entries)
    return path


def truncated(path):
    path.write_bytes(path.read_bytes()[:200])
    return path


def pickle_file(tmp_path):
    path = tmp_path / "model.npz"
    path.write_bytes(pickle.dumps({"weights": [1, 2, 3]}))
    return path


def other_model_weights(tmp_path):
    other = Sequential([layers.Input((4,)), layers.Dense(3), layers.Dense(1)])
    other.save_weights(tmp_path / "other.weights.npz")
    return tmp_path / "other.weights.npz"


UNSUPPORTED = [
    "Conv1D",
    "Conv2D",
    "MaxPooling2D",
    "AveragePooling2D",
    "BatchNormalization",
    "LayerNormalization",
    "Embedding",
    "SimpleRNN",
    "LSTM",
    "GRU",
]

CASES = [
    # --- building: Sequential and layers ---
    ("sequential-name", lambda m, X, y, t: Sequential(name=3), TypeError, "name"),
    ("sequential-not-a-layer", lambda m, X, y, t: Sequential([3]), TypeError, "layer"),
    ("no-input", lambda m, X, y, t: Sequential([layers.Dense(2)]), ValueError, "Input"),
    (
        "two-inputs",
        lambda m, X, y, t: Sequential([layers.Input((4,)), layers.Input((4,))]),
        ValueError,
        "Input",
    ),
    (
        "same-layer-name",
        lambda m, X, y, t: Sequential(
            [layers.Input((4,)), layers.Dense(2, name="a"), layers.Dense(2, name="a")]
        ),
        ValueError,
        "'a'",
    ),
    ("input-shape-zero", lambda m, X, y, t: layers.Input((0,)), ValueError, "shape"),
    ("input-shape-text", lambda m, X, y, t: layers.Input(None), TypeError, "shape"),
    ("units-zero", lambda m, X, y, t: layers.Dense(0), ValueError, "units"),
    ("units-float", lambda m, X, y, t: layers.Dense(2.5), TypeError, "units"),
    (
        "activation",
        lambda m, X, y, t: layers.Dense(2, activation="swish"),
        ValueError,
        "activation",
    ),
    (
        "input-shape-kwarg",
        lambda m, X, y, t: layers.Dense(2, input_shape=(0,)),
        ValueError,
        "input_shape",
    ),
    ("input-dim", lambda m, X, y, t: layers.Dense(2, input_dim=-1), ValueError, "input_dim"),
    ("dropout-rate", lambda m, X, y, t: layers.Dropout(1.5), ValueError, "rate"),
    ("activation-layer", lambda m, X, y, t: layers.Activation("nope"), ValueError, "activation"),
    (
        "dense-on-images",
        lambda m, X, y, t: Sequential([layers.Input((28, 28)), layers.Dense(3)]),
        ValueError,
        "Flatten",
    ),
    (
        "layer-of-another-shape",
        lambda m, X, y, t: Sequential([layers.Input((3,)), m.layers[0]]),
        ValueError,
        "make a new layer",
    ),
    *[
        (
            f"unsupported-{name}",
            lambda m, X, y, t, name=name: getattr(nw.layers, name)(8),
            NotImplementedError,
            name,
        )
        for name in UNSUPPORTED
    ],  # fmt: skip
    ("functional-model", lambda m, X, y, t: nw.Model(1, 2), NotImplementedError, "Sequential"),
    # --- weights and layers ---
    (
        "set-weights-count",
        lambda m, X, y, t: m.set_weights([np.zeros((3, 2))]),
        ValueError,
        "set_weights",
    ),  # fmt: skip
    (
        "set-weights-shape",
        lambda m, X, y, t: m.set_weights([np.zeros((3, 2)), *m.get_weights()[1:]]),
        ValueError,
        "weights[0]",
    ),
    (
        "set-weights-nan",
        lambda m, X, y, t: m.set_weights([*m.get_weights()[:3], np.full(1, np.nan)]),
        ValueError,
        "weights[3]",
    ),
    (
        "set-weights-text",
        lambda m, X, y, t: m.set_weights([*m.get_weights()[:1], ["a", "b"], *m.get_weights()[2:]]),
        TypeError,
        "weights[1]",
    ),
    (
        "layer-set-weights-count",
        lambda m, X, y, t: m.layers[0].set_weights([np.zeros((4, 2))]),
        ValueError,
        "weights",
    ),  # fmt: skip
    (
        "layer-set-weights-shape",
        lambda m, X, y, t: m.layers[1].set_weights([np.zeros((3, 1)), np.zeros(1)]),
        ValueError,
        "weights[0]",
    ),
    (
        "unbuilt-layer-set-weights",
        lambda m, X, y, t: layers.Dense(2).set_weights([]),
        ValueError,
        "set_weights",
    ),
    ("get-layer-neither", lambda m, X, y, t: m.get_layer(), ValueError, "name="),
    ("get-layer-both", lambda m, X, y, t: m.get_layer("a", 0), ValueError, "index="),
    ("get-layer-name", lambda m, X, y, t: m.get_layer(name="nope"), ValueError, "name='nope'"),
    ("get-layer-index", lambda m, X, y, t: m.get_layer(index=7), ValueError, "index=7"),
    ("get-layer-index-type", lambda m, X, y, t: m.get_layer(index="0"), TypeError, "index"),
    ("layer-output-name", lambda m, X, y, t: m.layer_output(X, "nope"), ValueError, "layer"),
    # --- compile ---
    ("compile-no-loss", lambda m, X, y, t: m.compile(optimizer="adam"), ValueError, "loss"),
    ("compile-loss", lambda m, X, y, t: m.compile(loss="hinge"), ValueError, "loss"),
    ("compile-loss-type", lambda m, X, y, t: m.compile(loss=3), TypeError, "loss"),
    ("compile-optimizer", lambda m, X, y, t: m.compile("adagrad", "mse"), ValueError, "optimizer"),
    ("compile-optimizer-type", lambda m, X, y, t: m.compile(3, "mse"), TypeError, "optimizer"),
    (
        "compile-metrics-string",
        lambda m, X, y, t: m.compile(loss="mse", metrics="accuracy"),
        ValueError,
        "metrics=['accuracy']",
    ),
    (
        "compile-metric",
        lambda m, X, y, t: m.compile(loss="mse", metrics=["f1"]),
        ValueError,
        "metric",
    ),  # fmt: skip
    (
        "compile-metrics-dict",
        lambda m, X, y, t: m.compile(loss="mse", metrics={"a": 1}),
        ValueError,
        "metrics",
    ),  # fmt: skip
    (
        "compile-no-layers",
        lambda m, X, y, t: Sequential([layers.Input((4,))]).compile(loss="mse"),
        ValueError,
        "layers",
    ),
    # --- fit: data ---
    ("fit-nan-y", lambda m, X, y, t: m.fit(X, with_nan(y)), ValueError, "y must be finite"),
    ("fit-inf-y", lambda m, X, y, t: m.fit(X, with_inf(y)), ValueError, "y must be finite"),
    ("fit-nan-x", lambda m, X, y, t: m.fit(with_nan(X), y), ValueError, "x must be finite"),
    ("fit-inf-x", lambda m, X, y, t: m.fit(with_inf(X), y), ValueError, "x must be finite"),
    (
        "fit-bce-labels-0-5",
        lambda m, X, y, t: m.fit(X, np.arange(len(X)) % 6),
        ValueError,
        "sparse_categorical_crossentropy",
    ),
    (
        "fit-bce-negative",
        lambda m, X, y, t: m.fit(X, -y),
        ValueError,
        "y must hold labels in [0, 1]",
    ),
    ("fit-zero-rows", lambda m, X, y, t: m.fit(X[:0], y[:0]), ValueError, "x must hold at least 1"),
    ("fit-x-shape", lambda m, X, y, t: m.fit(X[:, :3], y), ValueError, "x must have shape (n, 4)"),
    ("fit-y-count", lambda m, X, y, t: m.fit(X, y[:5]), ValueError, "y has 5 labels"),
    ("fit-y-text", lambda m, X, y, t: m.fit(X, ["a"] * len(X)), TypeError, "y must be an array"),
    ("fit-y-scalar", lambda m, X, y, t: m.fit(X, 1.0), ValueError, "y must hold one row"),
    ("fit-x-none", lambda m, X, y, t: m.fit(None, y), ValueError, "x must hold one row"),
    ("fit-y-columns", lambda m, X, y, t: m.fit(X, np.stack([y, y], 1)), ValueError, "y must have"),
    (
        "fit-sparse-fraction",
        lambda m, X, y, t: classifier(3, "sparse_categorical_crossentropy").fit(X, y + 0.5),
        ValueError,
        "y must hold class indices 0..2",
    ),
    (
        "fit-sparse-range",
        lambda m, X, y, t: classifier(3, "sparse_categorical_crossentropy").fit(X, y * 3),
        ValueError,
        "y must hold class indices 0..2",
    ),
    (
        "fit-categorical-indices",
        lambda m, X, y, t: classifier(3, "categorical_crossentropy").fit(X, y),
        ValueError,
        "sparse_categorical_crossentropy",
    ),
    (
        "fit-categorical-values",
        lambda m, X, y, t: classifier(2, "categorical_crossentropy").fit(X, np.full((40, 2), 2.0)),
        ValueError,
        "y must hold one-hot rows",
    ),
    (
        "fit-uncompiled",
        lambda m, X, y, t: Sequential([layers.Input((4,)), layers.Dense(1)]).fit(X, y),
        RuntimeError,
        "compile",
    ),  # fmt: skip
    # --- fit: options ---
    ("fit-epochs-zero", lambda m, X, y, t: m.fit(X, y, epochs=0), ValueError, "epochs"),
    ("fit-epochs-float", lambda m, X, y, t: m.fit(X, y, epochs=2.5), ValueError, "epochs"),
    ("fit-batch-zero", lambda m, X, y, t: m.fit(X, y, batch_size=0), ValueError, "batch_size"),
    ("fit-batch-bool", lambda m, X, y, t: m.fit(X, y, batch_size=True), ValueError, "batch_size"),
    ("fit-verbose", lambda m, X, y, t: m.fit(X, y, verbose=3), ValueError, "verbose"),
    (
        "fit-split-range",
        lambda m, X, y, t: m.fit(X, y, validation_split=1.5),
        ValueError,
        "validation_split",
    ),  # fmt: skip
    (
        "fit-split-leaves-no-training",
        lambda m, X, y, t: m.fit(X, y, validation_split=0.99),
        ValueError,
        "validation_split",
    ),  # fmt: skip
    (
        "fit-validation-single",
        lambda m, X, y, t: m.fit(X, y, validation_data=(X,)),
        ValueError,
        "validation_data",
    ),  # fmt: skip
    (
        "fit-validation-nan",
        lambda m, X, y, t: m.fit(X, y, validation_data=(X, with_nan(y))),
        ValueError,
        "validation_data[1]",
    ),
    (
        "fit-validation-shape",
        lambda m, X, y, t: m.fit(X, y, validation_data=(X[:, :2], y)),
        ValueError,
        "validation_data[0]",
    ),
    (
        "fit-validation-empty",
        lambda m, X, y, t: m.fit(X, y, validation_data=(X[:0], y[:0])),
        ValueError,
        "validation_data[0]",
    ),
    ("fit-callback-type", lambda m, X, y, t: m.fit(X, y, callbacks=[3]), TypeError, "callbacks"),
    (
        "fit-callbacks-not-a-list",
        lambda m, X, y, t: m.fit(X, y, callbacks=EarlyStopping(monitor="loss")),
        TypeError,
        "callbacks",
    ),
    (
        "fit-class-weight-list",
        lambda m, X, y, t: m.fit(X, y, class_weight=[1, 2]),
        TypeError,
        "class_weight",
    ),  # fmt: skip
    (
        "fit-class-weight-key",
        lambda m, X, y, t: m.fit(X, y, class_weight={"a": 1}),
        TypeError,
        "class_weight",
    ),  # fmt: skip
    (
        "fit-class-weight-negative",
        lambda m, X, y, t: m.fit(X, y, class_weight={0: -1}),
        ValueError,
        "class_weight[0]",
    ),  # fmt: skip
    (
        "fit-class-weight-nan",
        lambda m, X, y, t: m.fit(X, y, class_weight={1: float("nan")}),
        ValueError,
        "class_weight[1]",
    ),  # fmt: skip
    (
        "fit-initial-epoch",
        lambda m, X, y, t: m.fit(X, y, initial_epoch=-1),
        ValueError,
        "initial_epoch",
    ),  # fmt: skip
    # --- callbacks ---
    (
        "early-stopping-val-loss-without-validation",
        lambda m, X, y, t: m.fit(X, y, callbacks=[EarlyStopping()]),
        ValueError,
        "monitor='val_loss'",
    ),
    (
        "early-stopping-misspelt",
        lambda m, X, y, t: m.fit(X, y, callbacks=[EarlyStopping(monitor="accuracyy")]),
        ValueError,
        "monitor='accuracyy'",
    ),
    ("early-stopping-mode", lambda m, X, y, t: EarlyStopping(mode="up"), ValueError, "mode"),
    (
        "early-stopping-patience",
        lambda m, X, y, t: EarlyStopping(patience=-1),
        ValueError,
        "patience",
    ),  # fmt: skip
    ("early-stopping-monitor", lambda m, X, y, t: EarlyStopping(monitor=3), TypeError, "monitor"),
    (
        "early-stopping-min-delta",
        lambda m, X, y, t: EarlyStopping(min_delta="a"),
        TypeError,
        "min_delta",
    ),  # fmt: skip
    (
        "early-stopping-baseline",
        lambda m, X, y, t: EarlyStopping(baseline="x"),
        TypeError,
        "baseline",
    ),  # fmt: skip
    (
        "early-stopping-start",
        lambda m, X, y, t: EarlyStopping(start_from_epoch=-2),
        ValueError,
        "start_from_epoch",
    ),  # fmt: skip
    ("early-stopping-verbose", lambda m, X, y, t: EarlyStopping(verbose=2), ValueError, "verbose"),
    (
        "checkpoint-keras-file",
        lambda m, X, y, t: ModelCheckpoint("m.keras"),
        ValueError,
        "filepath",
    ),  # fmt: skip
    (
        "checkpoint-weights-suffix",
        lambda m, X, y, t: ModelCheckpoint("m.npz", save_weights_only=True),
        ValueError,
        ".weights.npz",
    ),
    (
        "checkpoint-save-freq",
        lambda m, X, y, t: ModelCheckpoint("m.npz", save_freq=10),
        ValueError,
        "save_freq",
    ),  # fmt: skip
    ("checkpoint-filepath-type", lambda m, X, y, t: ModelCheckpoint(3), TypeError, "filepath"),
    (
        "checkpoint-unknown-field",
        lambda m, X, y, t: m.fit(X, y, callbacks=[ModelCheckpoint(t / "{val_acc}.npz")]),
        ValueError,
        "filepath",
    ),
    (
        "checkpoint-best-without-validation",
        lambda m, X, y, t: m.fit(
            X, y, callbacks=[ModelCheckpoint(t / "b.npz", save_best_only=True)]
        ),
        ValueError,
        "monitor='val_loss'",
    ),
    # --- evaluate and predict ---
    ("evaluate-zero-rows", lambda m, X, y, t: m.evaluate(X[:0], y[:0]), ValueError, "x"),
    ("evaluate-nan-y", lambda m, X, y, t: m.evaluate(X, with_nan(y)), ValueError, "y must be"),
    ("evaluate-bce-labels", lambda m, X, y, t: m.evaluate(X, y * 3), ValueError, "y must hold"),
    ("evaluate-verbose", lambda m, X, y, t: m.evaluate(X, y, verbose=5), ValueError, "verbose"),
    (
        "evaluate-batch",
        lambda m, X, y, t: m.evaluate(X, y, batch_size=0),
        ValueError,
        "batch_size",
    ),  # fmt: skip
    (
        "evaluate-uncompiled",
        lambda m, X, y, t: Sequential([layers.Input((4,)), layers.Dense(1)]).evaluate(X, y),
        RuntimeError,
        "compile",
    ),  # fmt: skip
    ("predict-shape", lambda m, X, y, t: m.predict(X[:, :3]), ValueError, "x must have shape"),
    ("predict-nan", lambda m, X, y, t: m.predict(with_nan(X)), ValueError, "x must be finite"),
    ("predict-verbose", lambda m, X, y, t: m.predict(X, verbose="loud"), ValueError, "verbose"),
    # --- save, load_model, save_weights, load_weights ---
    ("save-keras-suffix", lambda m, X, y, t: m.save(t / "m.keras"), ValueError, "filepath"),
    (
        "save-weights-suffix",
        lambda m, X, y, t: m.save(t / "m.weights.npz"),
        ValueError,
        "save_weights",
    ),  # fmt: skip
    ("save-type", lambda m, X, y, t: m.save(3), TypeError, "filepath"),
    (
        "save-no-overwrite",
        lambda m, X, y, t: m.save(saved_model(t), overwrite=False),
        FileExistsError,
        "overwrite",
    ),  # fmt: skip
    (
        "save-no-layers",
        lambda m, X, y, t: Sequential([layers.Input((4,))]).save(t / "e.npz"),
        ValueError,
        "no layers",
    ),
    (
        "save-weights-npz",
        lambda m, X, y, t: m.save_weights(t / "m.npz"),
        ValueError,
        ".weights.npz",
    ),  # fmt: skip
    (
        "load-missing",
        lambda m, X, y, t: nw.load_model(t / "none.npz"),
        FileNotFoundError,
        "none.npz",
    ),  # fmt: skip
    ("load-type", lambda m, X, y, t: nw.load_model(3), TypeError, "filepath"),
    ("load-pickle", lambda m, X, y, t: nw.load_model(pickle_file(t)), ValueError, "model.npz"),
    (
        "load-text",
        lambda m, X, y, t: (t / "m.npz").write_text("hello") and nw.load_model(t / "m.npz"),
        ValueError,
        "m.npz",
    ),
    (
        "load-npy",
        lambda m, X, y, t: np.save(t / "a.npy", np.zeros(3)) or nw.load_model(t / "a.npy"),
        ValueError,
        "a.npy",
    ),
    (
        "load-object-entry",
        lambda m, X, y, t: nw.load_model(
            npz_file(t, nnwidgets_model=np.array([{"code": 1}], dtype=object))
        ),
        ValueError,
        "odd.npz",
    ),
    (
        "load-truncated",
        lambda m, X, y, t: nw.load_model(truncated(saved_model(t))),
        ValueError,
        "m.npz",
    ),  # fmt: skip
    (
        "load-weights-file-as-model",
        lambda m, X, y, t: nw.load_model(other_model_weights(t)),
        ValueError,
        "load_weights",
    ),
    (
        "load-foreign-npz",
        lambda m, X, y, t: nw.load_model(npz_file(t, a=np.zeros(2))),
        ValueError,
        "odd.npz",
    ),  # fmt: skip
    (
        "load-bad-json",
        lambda m, X, y, t: nw.load_model(npz_file(t, nnwidgets_model=np.array("{nope"))),
        ValueError,
        "not JSON",
    ),
    (
        "load-unknown-layer",
        lambda m, X, y, t: nw.load_model(
            model_file_with(t, lambda c: c["layers"][0].update(class_name="Conv2D"))
        ),
        ValueError,
        "Conv2D",
    ),
    (
        "load-missing-array",
        lambda m, X, y, t: nw.load_model(
            model_file_with(t, lambda c: c["layers"][0]["config"].update(units=5))
        ),
        ValueError,
        "m.npz",
    ),
    (
        "load-newer-version",
        lambda m, X, y, t: nw.load_model(model_file_with(t, lambda c: c.update(version=2))),
        ValueError,
        "version",
    ),
    (
        "load-weights-other-model",
        lambda m, X, y, t: m.load_weights(other_model_weights(t)),
        ValueError,
        "other.weights.npz",
    ),
    (
        "load-weights-missing",
        lambda m, X, y, t: m.load_weights(t / "no.weights.npz"),
        FileNotFoundError,
        "no.weights.npz",
    ),  # fmt: skip
    # --- data sets ---
    ("mnist-kind", lambda m, X, y, t: nw.datasets.mnist(t, kind="valid"), ValueError, "kind"),
    ("mnist-path", lambda m, X, y, t: nw.datasets.mnist(42), TypeError, "path"),
    (
        "mnist-missing",
        lambda m, X, y, t: nw.datasets.mnist(t),
        FileNotFoundError,
        "train-images-idx3-ubyte",
    ),  # fmt: skip
    (
        "mnist-corrupt-gzip",
        lambda m, X, y, t: (
            (t / "train-images-idx3-ubyte.gz").write_bytes(gzip.compress(b"x" * 99)[:30]),
            (t / "train-labels-idx1-ubyte").write_bytes(b"\0\0\x08\x01\0\0\0\0"),
            nw.datasets.mnist(t),
        ),
        ValueError,
        "delete",
    ),
]


def test_there_are_at_least_60_cases():
    assert len(CASES) >= 60


@pytest.mark.parametrize(
    ("call", "error", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_is_refused_with_its_name_and_nothing_changes(tmp_path, call, error, words):
    X, y = toy_data()
    model = banknote_model()
    before = model.get_weights()
    with pytest.raises(error) as raised:
        call(model, X, y, tmp_path)
    assert words in str(raised.value)
    for a, b in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    assert model.history is None  # no epoch ran


def test_a_model_refused_a_nan_fit_trains_on_clean_data_afterwards():
    X, y = toy_data()
    model = banknote_model()
    with pytest.raises(ValueError, match="y must be finite"):
        model.fit(X, with_nan(y), verbose=0)
    history = model.fit(X, y, epochs=2, verbose=0)
    assert all(np.isfinite(history.history["loss"]))
    assert all(np.all(np.isfinite(w)) for w in model.get_weights())


def test_finite_inputs_whose_sums_overflow_are_accepted():
    X, y = toy_data()
    huge = X.copy()
    huge[:2, 0] = 3e38  # finite, but their float32 sum (and sum of squares) is infinite
    model = banknote_model()
    assert model.predict(huge, verbose=0).shape == (len(X), 1)
