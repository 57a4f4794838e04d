"""LivePlot's kernel side: what it records and sends, its throttle, and bad input."""

import numpy as np
import pytest

import nnwidgets as nw
from nnwidgets import Sequential, layers
from nnwidgets.widgets._throttle import Throttle


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def curves(plot) -> np.ndarray:
    table = np.frombuffer(plot._curves, dtype=np.float32)
    return table.reshape(-1, len(plot._columns))


def sent_updates(plot, monkeypatch):
    """Counts the updates that reach the browser."""
    count = [0]
    original = plot._publish

    def publish():
        count[0] += 1
        original()

    monkeypatch.setattr(plot, "_publish", publish)
    return count


def banknote_model():
    model = Sequential(
        [layers.Input((4,)), layers.Dense(2, activation="relu"), layers.Dense(1, "sigmoid")]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def test_a_real_fit_fills_the_curves_and_the_progress():
    X, y = nw.datasets.banknotes()
    plot = nw.LivePlot()
    model = banknote_model()
    history = model.fit(X, y, epochs=4, validation_split=0.3, verbose=0, callbacks=[plot])
    assert (plot.epoch, plot.epochs, plot.running) == (4, 4, False)
    assert plot.elapsed > 0
    assert set(plot._columns) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    table = curves(plot)
    assert table.shape == (4, 4)
    for column, name in enumerate(plot._columns):
        np.testing.assert_allclose(table[:, column], history.history[name], rtol=1e-6)
    assert plot.history["loss"] == pytest.approx(history.history["loss"])


def test_updates_are_throttled_to_ten_a_second_and_the_last_epoch_always_goes_out(monkeypatch):
    plot = nw.LivePlot()
    clock = FakeClock()
    plot._throttle = Throttle(clock=clock)
    count = sent_updates(plot, monkeypatch)
    plot.set_params({"epochs": 100, "steps": 1, "verbose": 0})
    plot.on_train_begin()
    for epoch in range(100):
        clock.now += 0.01  # 100 epochs a second
        plot.on_epoch_end(epoch, {"loss": 1 / (epoch + 1)})
    # One second of epochs at 100/s: about ten updates, not a hundred.
    assert 8 <= count[0] <= 11
    assert plot.epoch < 100
    plot.on_train_end()
    assert plot.epoch == 100 and not plot.running
    assert curves(plot).shape == (100, 1)
    assert curves(plot)[-1, 0] == pytest.approx(0.01)


def test_slow_epochs_each_go_out(monkeypatch):
    plot = nw.LivePlot()
    clock = FakeClock()
    plot._throttle = Throttle(clock=clock)
    count = sent_updates(plot, monkeypatch)
    plot.set_params({"epochs": 5})
    plot.on_train_begin()
    for epoch in range(5):
        clock.now += 0.5
        plot.on_epoch_end(epoch, {"loss": 1.0})
    assert count[0] == 5
    assert plot.epoch == 5


def test_curves_carry_on_across_fits_and_clear_starts_over():
    plot = nw.LivePlot()
    for _ in range(3):  # the lesson's loop of one-epoch fits
        plot.set_params({"epochs": 1})
        plot.on_train_begin()
        plot.on_epoch_end(0, {"loss": 0.5, "accuracy": 0.8})
        plot.on_train_end()
    assert curves(plot).shape == (3, 2)
    assert plot.epochs == 1 and plot.epoch == 1
    plot.clear()
    assert plot._curves == b"" and plot.history == {}


def test_figures_that_appear_later_are_padded_with_nan():
    plot = nw.LivePlot()
    plot.on_train_begin()
    plot.on_epoch_end(0, {"loss": 1.0})
    plot.on_epoch_end(1, {"loss": 0.5, "val_loss": 0.7, "lr": "not a number"})
    plot.on_train_end()
    assert plot._columns == ["loss", "val_loss"]
    table = curves(plot)
    assert np.isnan(table[0, 1]) and table[1, 1] == pytest.approx(0.7)


def test_metrics_choose_the_charts():
    assert nw.LivePlot(metrics=["loss"]).metrics == ["loss"]
    assert nw.LivePlot(metrics="accuracy").metrics == ["accuracy"]
    assert nw.LivePlot().metrics is None


@pytest.mark.parametrize(
    ("metrics", "error", "match"),
    [
        (["val_loss"], ValueError, "'loss', not 'val_loss'"),
        ([1], TypeError, "names"),
        (["loss", "loss"], ValueError, "repeat"),
        (3, TypeError, "list of names"),
        ([], ValueError, "at least one chart"),
        ("bogus", ValueError, r"metrics='bogus': 'bogus' is no figure fit logs; allowed: 'loss'"),
        (["loss", "acuracy"], ValueError, r"'acuracy' is no figure.*'accuracy'.*metrics=None"),
    ],
)
def test_bad_metrics_are_refused(metrics, error, match):
    with pytest.raises(error, match=match):
        nw.LivePlot(metrics=metrics)


def test_bad_metrics_set_later_leave_the_plot_as_it_was():
    plot = nw.LivePlot(metrics=["loss"])
    with pytest.raises(ValueError, match="val_"):
        plot.metrics = ["val_accuracy"]
    with pytest.raises(ValueError, match="'bogus' is no figure"):
        plot.metrics = ["bogus"]
    assert plot.metrics == ["loss"]


def test_keras_metric_names_are_charts():
    assert nw.LivePlot(metrics=["acc", "auc", "mae"]).metrics == ["acc", "auc", "mae"]


def test_a_long_epoch_moves_the_progress_bar_while_it_runs(monkeypatch):
    X = np.random.default_rng(0).normal(size=(4000, 4)).astype(np.float32)
    y = (X[:, 0] > 0).astype(np.float32)
    plot = nw.LivePlot()
    fractions = []
    monkeypatch.setattr(
        type(plot), "_notify_trait", _recording(fractions, type(plot)._notify_trait)
    )
    model = banknote_model()
    model.fit(X, y, epochs=1, batch_size=10, verbose=0, callbacks=[nw.LivePlot()])  # compiled
    # A fast epoch: its reports leave the update budget to the curves.
    model.fit(X, y, epochs=1, batch_size=10, verbose=0, callbacks=[plot])
    assert fractions == []
    # As if every epoch were long and updates free: each report moves the bar.
    plot._throttle.interval = 0.0
    model.fit(X, y, epochs=1, batch_size=10, verbose=0, callbacks=[plot])
    assert len(fractions) >= 10 and fractions == sorted(fractions)
    assert 0 < fractions[0] < 0.1 and 0.9 < fractions[-1] < 1
    assert (plot.epoch, plot.epoch_fraction) == (1, 0.0)  # the epoch done, nothing running


def _recording(fractions, notify):
    def recorded(self, name, old, new):
        if name == "epoch_fraction" and new > 0:
            fractions.append(new)
        return notify(self, name, old, new)

    return recorded
