"""The Diagnosis callback: fit's findings from its logs and its Dense layers' outputs, as the
Playground's, and LivePlot carrying them; a healthy fit (the banknote lesson's) says nothing."""

import numpy as np
import optax
import pytest

import nnwidgets as nw
from nnwidgets import Sequential, layers
from nnwidgets.model.diagnosis import FIT_WINDOW, SAMPLE


@pytest.fixture(scope="module")
def banknotes():
    X, y = nw.datasets.banknotes()
    split = int(len(X) * 0.7)
    mean, std = X[:split].mean(axis=0), X[:split].std(axis=0)
    X = ((X - mean) / std).astype("float32")
    return X[:split], y[:split]


def fit(data, optimizer, hidden=8, activation="relu", epochs=20, callback=None):
    nw.set_random_seed(0)
    model = Sequential(
        [
            layers.Input((4,)),
            layers.Dense(hidden, activation=activation, name="hidden"),
            layers.Dense(1, activation="sigmoid", name="out"),
        ]
    )
    model.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
    callback = callback or nw.Diagnosis()
    model.fit(*data, epochs=epochs, validation_split=0.3, verbose=0, callbacks=[callback])
    return callback


def kinds(diagnosis):
    return [finding.kind for finding in diagnosis.findings]


def test_the_banknote_lessons_fit_says_nothing(banknotes):
    diagnosis = fit(banknotes, optax.adam(0.01), hidden=2)
    assert len(diagnosis.loss) == 20 and diagnosis.loss[-1] < 0.1
    assert diagnosis.findings == [] and diagnosis.message == ""


def test_a_huge_learning_rate_with_relu_kills_units_and_sticks(banknotes):
    diagnosis = fit(banknotes, optax.adam(3.0))
    assert kinds(diagnosis)[:2] == ["stuck", "dead_units"]
    assert diagnosis.message.startswith(
        "The learning rate is too large: the ReLU units died in the first epochs and the loss "
        "is stuck at"
    )
    dead = diagnosis.findings[1]
    assert dead.layers == ("hidden",) and all(n.startswith("hidden:") for n in dead.neurons)
    # the units it names really output 0 on the training inputs
    model = diagnosis.model
    outputs = model.layer_output(banknotes[0], "hidden")
    for neuron in dead.neurons:
        assert np.all(outputs[:, int(neuron.split(":")[1])] <= 0)


def test_a_huge_learning_rate_with_tanh_saturates(banknotes):
    diagnosis = fit(banknotes, optax.sgd(50.0), activation="tanh")
    assert kinds(diagnosis)[:2] == ["stuck", "saturated"]
    assert "pushed to their limits" in diagnosis.message


def test_a_tiny_learning_rate_is_slow(banknotes):
    diagnosis = fit(banknotes, optax.adam(1e-5))
    assert kinds(diagnosis) == ["slow"]
    assert "ten times larger" in diagnosis.message


def test_overfitting_when_the_validation_loss_rises():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, 4)).astype("float32")
    y = (X[:, 0] + rng.normal(size=80) * 1.5 > 0).astype("float32")
    nw.set_random_seed(0)
    model = Sequential(
        [
            layers.Input((4,)),
            layers.Dense(64, "relu"),
            layers.Dense(64, "relu"),
            layers.Dense(1, "sigmoid"),
        ]
    )
    model.compile(optimizer=optax.adam(0.01), loss="binary_crossentropy")
    diagnosis = nw.Diagnosis()
    model.fit(X, y, epochs=60, validation_split=0.5, verbose=0, callbacks=[diagnosis])
    assert kinds(diagnosis) == ["overfitting"]
    # without validation data there is nothing to compare
    lone = nw.Diagnosis()
    model.fit(X, y, epochs=FIT_WINDOW + 5, verbose=0, callbacks=[lone])
    assert "overfitting" not in kinds(lone)


def test_a_loss_that_is_no_longer_finite_diverged():
    diagnosis = nw.Diagnosis()
    diagnosis.on_epoch_end(0, {"loss": float("nan")})
    assert kinds(diagnosis) == ["diverged"]


def test_too_few_epochs_say_nothing_yet(banknotes):
    diagnosis = fit(banknotes, optax.adam(3.0), epochs=FIT_WINDOW - 1)
    assert "stuck" not in kinds(diagnosis)


def test_fit_passes_the_loss_and_a_sample_of_training_inputs(banknotes):
    diagnosis = fit(banknotes, optax.adam(0.01), epochs=1)
    assert diagnosis.params["loss"] == "binary_crossentropy"
    sample = diagnosis.params["sample"]
    assert len(sample) == SAMPLE and sample.shape[1] == 4


def test_live_plot_carries_the_findings_and_clear_forgets_them(banknotes):
    plot = fit(banknotes, optax.adam(3.0), callback=nw.LivePlot())
    assert [f["kind"] for f in plot.diagnosis][:2] == ["stuck", "dead_units"]
    assert plot.diagnosis[0]["message"].startswith("The learning rate is too large")
    plot.clear()
    assert plot.diagnosis == []
    healthy = fit(banknotes, optax.adam(0.01), hidden=2, callback=nw.LivePlot())
    assert healthy.diagnosis == []
