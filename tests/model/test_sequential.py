"""The Keras-like model: building, names, summary, fit/evaluate/predict, weights and bad input."""

import io

import numpy as np
import optax
import pytest

import nnwidgets as nw
from nnwidgets import Sequential, layers
from nnwidgets.model.summary import summary_lines


def banknote_model(name=None):
    return Sequential(
        [
            layers.Input((4,)),
            layers.Dense(2, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ],
        name=name,
    )


def toy_data(n=100, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4)).astype(np.float32)
    y = (X[:, 0] + X[:, 1] > 0).astype(np.float32)
    return X, y


def test_layers_and_models_are_named_as_keras_names_them():
    model = banknote_model()
    first, second = model.layers
    assert first.name.startswith("dense") and second.name.startswith("dense_")
    assert model.name.startswith("sequential")
    assert banknote_model(name="banknote").name == "banknote"
    assert [layer.output_shape for layer in model.layers] == [(None, 2), (None, 1)]
    assert model.count_params() == 13


def test_summary_is_keras_3s_table():
    model = Sequential(
        [layers.Input((4,)), layers.Dense(2, name="dense"), layers.Dense(1, name="dense_1")],
        name="sequential",
    )
    out = io.StringIO()
    model.summary(print_fn=lambda line: print(line, file=out))
    assert out.getvalue() == (
        'Model: "sequential"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩\n"
        "│ dense (Dense)                   │ (None, 2)              │            10 │\n"
        "├─────────────────────────────────┼────────────────────────┼───────────────┤\n"
        "│ dense_1 (Dense)                 │ (None, 1)              │             3 │\n"
        "└─────────────────────────────────┴────────────────────────┴───────────────┘\n"
        " Total params: 13 (52.00 B)\n"
        " Trainable params: 13 (52.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    )


def test_the_mnist_model_counts_203530_parameters():
    model = Sequential(
        [
            layers.Input((28, 28)),
            layers.Flatten(),
            layers.Dense(256, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    assert model.count_params() == 203_530
    lines = summary_lines(model.name, model.layers)
    assert "│ (None, 784)" in lines[4] and "200,960 │" in lines[6]
    assert lines[-3] == " Total params: 203,530 (795.04 KB)"


def test_fit_follows_keras_and_history_has_its_keys(capsys):
    X, y = toy_data()
    model = banknote_model()
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(X, y, epochs=3, validation_split=0.3, verbose=2)
    assert list(history.history) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert history.epoch == [0, 1, 2] and len(history.history["loss"]) == 3
    printed = capsys.readouterr().out.splitlines()
    # Beyond Keras, the device first; then Keras' lines.
    assert printed[0] == f"Training on {history.device}" and printed[1] == "Epoch 1/3"
    # 70 training examples in batches of 32: 3 steps.
    assert printed[2].startswith("3/3 - ") and "- accuracy: " in printed[2]
    assert printed[3] == "Epoch 2/3" and len(printed) == 7
    loss, accuracy = model.evaluate(X, y)
    assert 0 <= accuracy <= 1 and loss > 0
    assert model.predict(X).shape == (100, 1)


def test_predict_is_the_last_layer_of_the_activations_and_checks_its_input():
    X, _ = toy_data()
    model = banknote_model()
    np.testing.assert_allclose(model.predict(X[1:]), model.activations(X[1:])[-1], rtol=1e-6)
    with pytest.raises(ValueError, match=r"x must have shape \(n, 4\)"):
        model.predict(X[:, :3])
    # Several layers in one pass give what one layer at a time gives, by index or by name.
    hidden, output = model.layer_outputs(X, [model.layers[0].name, -1])
    np.testing.assert_allclose(hidden, model.layer_output(X, 0), rtol=1e-6)
    np.testing.assert_allclose(output, model.predict(X), rtol=1e-6)


def test_an_epoch_is_the_same_as_an_optax_loop_over_keras_batches():
    """Padded, masked batches give what a plain loop over the batches gives."""
    X, y = toy_data(n=70)
    model = banknote_model()
    model.compile(optimizer=optax.sgd(0.1), loss="binary_crossentropy", metrics=["accuracy"])
    start = model.get_weights()
    history = model.fit(X, y, epochs=1, batch_size=32, shuffle=False, verbose=0)

    import jax
    import jax.numpy as jnp

    from nnwidgets.engine.losses import binary_crossentropy

    def output(p, x):
        h = jnp.maximum(x @ p[0] + p[1], 0)
        return jax.nn.sigmoid(h @ p[2] + p[3])

    params = [jnp.asarray(w) for w in start]
    optimizer = optax.sgd(0.1)
    state = optimizer.init(params)
    losses = []
    for begin in range(0, 70, 32):  # batches of 32, 32 and 6
        xb, yb = X[begin : begin + 32], y[begin : begin + 32]
        loss, grads = jax.value_and_grad(
            lambda p, xb=xb, yb=yb: jnp.mean(binary_crossentropy(output(p, xb), yb))
        )(params)
        losses.append(float(loss) * len(xb))
        updates, state = optimizer.update(grads, state, params)
        params = optax.apply_updates(params, updates)
    for mine, theirs in zip(model.get_weights(), params, strict=True):
        np.testing.assert_allclose(mine, theirs, rtol=1e-5, atol=1e-6)
    assert history.history["loss"][0] == pytest.approx(sum(losses) / 70, rel=1e-5)


def test_the_same_seed_gives_the_same_numbers():
    X, y = toy_data()
    results = []
    for _ in range(2):
        nw.set_random_seed(7)
        model = banknote_model()
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        results.append(model.fit(X, y, epochs=2, verbose=0).history["loss"])
    assert results[0] == results[1]


def test_validation_split_takes_the_last_examples_and_validation_data_overrides_it():
    X, y = toy_data()
    model = banknote_model()
    model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(X, y, epochs=1, validation_split=0.2, verbose=0, shuffle=False)
    # The validation figures are those of the last 20 examples after the epoch.
    loss, accuracy = model.evaluate(X[80:], y[80:])
    assert history.history["val_loss"][0] == pytest.approx(loss, rel=1e-5)
    history = model.fit(X, y, epochs=1, validation_data=(X[:10], y[:10]), verbose=0)
    assert history.history["val_loss"][0] == pytest.approx(model.evaluate(X[:10], y[:10])[0])


def test_weights_layer_outputs_and_activations():
    X, _ = toy_data(n=5)
    model = banknote_model()
    weights = model.get_weights()
    assert [w.shape for w in weights] == [(4, 2), (2,), (2, 1), (1,)]
    hidden = np.maximum(X @ weights[0] + weights[1], 0)
    np.testing.assert_allclose(model.layer_output(X, 0), hidden, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(model.layer_output(X, model.layers[0].name), hidden, atol=1e-6)
    outputs = model.activations(X)
    assert [o.shape for o in outputs] == [(5, 4), (5, 2), (5, 1)]
    model.set_weights([np.ones_like(w) for w in weights])
    assert np.all(model.get_weights()[0] == 1)


def test_multiclass_models_train_with_both_cross_entropies():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(60, 3)).astype(np.float32)
    labels = np.argmax(X, axis=1)
    for loss, y in [
        ("sparse_categorical_crossentropy", labels),
        ("categorical_crossentropy", np.eye(3)[labels]),
    ]:
        model = Sequential(
            [layers.Input((3,)), layers.Dense(8, activation="relu"), layers.Dropout(0.1),
             layers.Dense(3, activation="softmax")]
        )  # fmt: skip
        model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
        history = model.fit(X, y, epochs=30, batch_size=16, verbose=0)
        assert history.history["loss"][-1] < history.history["loss"][0]
        assert model.predict(X).shape == (60, 3)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m, X, y: m.fit(X[:, :3], y), r"x must have shape \(n, 4\).*got \(100, 3\)"),
        (lambda m, X, y: m.fit(X, y[:50]), "y has 50 labels but x has 100 examples"),
        (lambda m, X, y: m.fit(X, y, validation_split=1.5), "validation_split must be in"),
        (lambda m, X, y: m.fit(X, y, batch_size=0), "batch_size must be an int >= 1"),
        (lambda m, X, y: m.layer_output(X, "nope"), "layer must be one of"),
        (lambda m, X, y: m.set_weights([np.zeros((3, 2))]), "set_weights needs 4 arrays"),
    ],
)
def test_bad_input_is_refused_before_training(call, message):
    X, y = toy_data()
    model = banknote_model()
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    before = model.get_weights()
    with pytest.raises((ValueError, TypeError), match=message):
        call(model, X, y)
    for a, b in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_unknown_names_and_bad_layers_are_refused():
    model = banknote_model()
    with pytest.raises(ValueError, match="loss must be one of"):
        model.compile(optimizer="adam", loss="hinge")
    with pytest.raises(ValueError, match="optimizer must be one of"):
        model.compile(optimizer="adagrad", loss="mse")
    with pytest.raises(ValueError, match="metric must be one of"):
        model.compile(optimizer="adam", loss="mse", metrics=["f1"])
    with pytest.raises(ValueError, match="activation must be one of"):
        layers.Dense(3, activation="swish")
    with pytest.raises(ValueError, match="units must be at least 1"):
        layers.Dense(0)
    with pytest.raises(RuntimeError, match="compile"):
        banknote_model().fit(*toy_data())
    with pytest.raises(ValueError, match="Input"):
        Sequential([layers.Dense(2)])
    with pytest.raises(ValueError, match="Flatten"):
        Sequential([layers.Input((28, 28)), layers.Dense(3)])


class BatchEnds(nw.Callback):
    """Records what fit reports from inside each epoch, and when the epoch ended."""

    def __init__(self):
        super().__init__()
        self.reports, self.epoch_ends = [], []

    def on_train_batch_end(self, batch, logs=None):
        self.reports.append((batch, dict(logs)))

    def on_epoch_end(self, epoch, logs=None):
        self.epoch_ends.append(len(self.reports))


def test_callbacks_hear_from_inside_each_epoch_with_running_figures():
    X, y = toy_data(n=2000)
    model = banknote_model()
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    start = model.get_weights()
    heard = BatchEnds()
    history = model.fit(X, y, epochs=2, batch_size=10, verbose=0, shuffle=False, callbacks=[heard])
    # 200 batches an epoch, reported after every 10th but the last (the epoch's end says it).
    batches = [batch for batch, _ in heard.reports]
    assert batches == list(range(9, 199, 10)) * 2
    assert heard.epoch_ends == [19, 38]  # the reports came before each epoch ended
    first = heard.reports[:19]
    assert set(first[0][1]) == {"loss", "accuracy"}
    assert all(0 <= logs["accuracy"] <= 1 for _, logs in first)
    # Running means: the last report of an epoch is close to the epoch's figure.
    assert first[-1][1]["loss"] == pytest.approx(history.history["loss"][0], rel=0.05)
    # Reporting changes nothing of the training.
    again = banknote_model()
    again.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    again.set_weights(start)
    plain = again.fit(X, y, epochs=2, batch_size=10, verbose=0, shuffle=False)
    np.testing.assert_allclose(plain.history["loss"], history.history["loss"], rtol=1e-6)


def test_the_verbose_1_bar_moves_during_a_long_epoch(monkeypatch):
    from nnwidgets.model import progress

    monkeypatch.setattr(progress, "REDRAW_S", 0.0)  # every report redraws
    stream = io.StringIO()
    printer = progress.ProgressPrinter(1, stream, live=True)
    printer.set_params({"epochs": 1, "steps": 200})
    printer.on_epoch_begin(0)
    printer.on_train_batch_end(49, {"loss": 0.5})
    printer.on_epoch_end(0, {"loss": 0.25})
    text = stream.getvalue()
    moving, final = text.split("\r")[1:]
    assert moving.startswith(" 50/200 ━━━━━───────────────") and "s ETA" in moving
    assert moving.endswith("- loss: 0.5000")
    assert final.startswith("200/200 ━━━━━━━━━━━━━━━━━━━━") and final.endswith("- loss: 0.2500\n")
    # Not live (a file, or verbose=2): one line per epoch, no carriage returns.
    quiet = progress.ProgressPrinter(1, io.StringIO())
    assert not quiet.live


class ZeroWeightsAfterFirstEpoch(nw.Callback):
    """Sets every weight to zero after epoch 0, as a user's callback might."""

    def on_epoch_end(self, epoch, logs=None):
        if epoch == 0:
            self.model.set_weights([np.zeros_like(w) for w in self.model.get_weights()])


def test_fit_goes_on_from_weights_a_callback_set():
    X, y = toy_data()
    model = banknote_model()
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    model.fit(X, y, epochs=2, verbose=0, callbacks=[ZeroWeightsAfterFirstEpoch()])
    # From all-zero weights the ReLU units stay dead: only the output bias can have moved.
    W1, b1, W2, _ = model.get_weights()
    assert not W1.any() and not b1.any() and not W2.any()


def test_a_layer_in_two_models_shares_its_weights_as_in_keras():
    model = banknote_model()
    hidden = model.layers[0]
    other = Sequential([layers.Input((4,)), hidden, layers.Dense(3)])
    np.testing.assert_array_equal(other.get_weights()[0], model.get_weights()[0])
    hidden.set_weights([np.ones((4, 2)), np.zeros(2)])
    assert np.all(model.get_weights()[0] == 1) and np.all(other.get_weights()[0] == 1)
    assert model.history is None  # no fit yet
