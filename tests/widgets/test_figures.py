"""bqplot figures that follow training: their marks' data, the throttle, the last update, errors,
and no observer or reference left behind."""

import gc
import weakref

import bqplot
import numpy as np
import pytest
import traitlets

import nnwidgets as nw
from nnwidgets import Sequential, layers
from nnwidgets.widgets import figures
from nnwidgets.widgets._throttle import Throttle


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    """The figures' throttles read this clock."""
    fake = FakeClock()
    monkeypatch.setattr(figures, "Throttle", lambda: Throttle(clock=fake))
    return fake


def drawn_curves(figure) -> tuple[np.ndarray, np.ndarray]:
    (lines,) = figure.marks
    return np.asarray(lines.x), np.asarray(lines.y)


def count_draws(figure) -> list:
    draws = []
    figure.marks[0].observe(lambda change: draws.append(change["new"]), names=["y"])
    return draws


def play_by_hand(pg, epochs, clock, seconds_per_epoch):
    """What the play loop does, one epoch per chunk, on a fake clock: train, then publish the
    live state (without a browser view, at most a few times a second)."""
    pg._start = lambda: None  # no kernel event loop here: the chunks run below
    pg.playing = True
    for _ in range(epochs):
        clock.now += seconds_per_epoch
        pg._train(1)
        pg._publish(force=True)


def test_the_loss_figure_holds_each_epoch_after_step():
    pg = nw.Playground(dataset="xor", seed=0)
    figure = pg.figure("loss")
    assert isinstance(figure, bqplot.Figure)
    (lines,) = figure.marks
    assert list(lines.labels) == ["training loss", "test loss"]
    assert list(lines.colors) == [figures.TRAIN_COLOR, figures.TEST_COLOR]
    assert lines.display_legend
    assert drawn_curves(figure)[0].shape == (0,)
    pg.step(25)
    x, y = drawn_curves(figure)
    history = pg.history
    np.testing.assert_array_equal(x, history.epoch)
    np.testing.assert_allclose(y, [history.train_loss, history.test_loss])
    assert y[1, -1] == pytest.approx(pg.test_loss)


def test_the_accuracy_figure_and_its_refusals():
    pg = nw.Playground(dataset="circle", seed=1)
    figure = pg.figure("accuracy", title="How often it is right")
    pg.step(10)
    x, y = drawn_curves(figure)
    assert figure.title == "How often it is right"
    assert list(figure.marks[0].labels) == ["training accuracy", "test accuracy"]
    np.testing.assert_allclose(y[:, -1], [pg.train_accuracy, pg.test_accuracy])
    assert len(x) == 10
    pg.problem = "regression"  # a new network that has no accuracy: the lines empty
    assert drawn_curves(figure)[1].shape == (2, 0)
    with pytest.raises(ValueError, match="accuracy is for classification.*regression"):
        pg.figure("accuracy")
    with pytest.raises(ValueError, match="kind must be one of 'loss', 'accuracy', got 'los'"):
        pg.figure("los")


def test_long_histories_are_spread_over_a_few_hundred_points():
    pg = nw.Playground(dataset="xor", seed=0)
    figure = pg.figure()
    pg.step(1500)
    x, y = drawn_curves(figure)
    assert len(x) == figures.CURVE_POINTS and y.shape == (2, figures.CURVE_POINTS)
    assert (x[0], x[-1]) == (1, 1500)
    assert np.all(np.diff(x) > 0)
    assert y[0, -1] == pytest.approx(pg.history.train_loss[-1])


def test_while_playing_at_most_ten_draws_a_second_and_the_last_when_it_stops(clock):
    pg = nw.Playground(dataset="xor", seed=0)
    figure = pg.figure("loss")
    draws = count_draws(figure)
    play_by_hand(pg, 100, clock, seconds_per_epoch=0.01)  # 100 epochs a second
    assert 8 <= len(draws) <= 11  # one second of epochs: about ten draws, not a hundred
    assert len(drawn_curves(figure)[0]) < 100
    pg.pause()
    assert len(draws) <= 12
    x, y = drawn_curves(figure)
    assert x[-1] == pg.epoch == 100
    np.testing.assert_allclose(y[:, -1], [pg.train_loss, pg.test_loss])


def test_slow_epochs_each_draw_and_step_draws_at_once(clock):
    pg = nw.Playground(dataset="xor", seed=0)
    figure = pg.figure("loss")
    draws = count_draws(figure)
    play_by_hand(pg, 5, clock, seconds_per_epoch=0.5)
    assert len(draws) == 5
    pg.pause()
    draws.clear()
    pg.step(3)  # the clock stands still: a step is no training run to throttle
    assert len(draws) == 1 and drawn_curves(figure)[0][-1] == 8


def test_a_new_network_starts_the_curves_over():
    pg = nw.Playground(dataset="xor", seed=0)
    figure = pg.figure("loss")
    pg.step(5)
    pg.reset()
    assert drawn_curves(figure)[0].shape == (0,)


def epoch_observers(widget) -> int:
    return len(widget._trait_notifiers.get("epoch", {}).get("change", []))


def test_a_closed_figure_stops_following():
    pg = nw.Playground(dataset="xor", seed=0)
    observers = epoch_observers(pg)
    figure = pg.figure("loss")
    assert epoch_observers(pg) == observers + 1
    pg.step(3)
    figure.close()
    assert epoch_observers(pg) == observers
    pg.step(3)
    assert drawn_curves(figure)[0][-1] == 3


class FakePlayground(traitlets.HasTraits):
    """The public traits and history a figure follows, and nothing that keeps it alive."""

    epoch = traitlets.Int(0)
    playing = traitlets.Bool(False)
    problem = "classification"

    @property
    def history(self):
        epochs = np.arange(1, self.epoch + 1)
        return np.rec.fromarrays(
            [epochs, 1.0 / epochs, 2.0 / epochs], names=["epoch", "train_loss", "test_loss"]
        )


def test_a_figure_does_not_keep_what_it_follows_alive():
    pg = FakePlayground()
    figure = figures.training_curves(pg, "loss")
    pg.epoch = 4
    np.testing.assert_allclose(drawn_curves(figure)[1][:, -1], [0.25, 0.5])
    gone = weakref.ref(pg)
    del pg
    gc.collect()
    assert gone() is None
    assert drawn_curves(figure)[0].tolist() == [1, 2, 3, 4]  # the figure lives on, as it was


# --- ActivationView ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def banknotes():
    X, y = nw.datasets.banknotes()
    X = (X - X.mean(0)) / X.std(0)
    return X[:200].astype(np.float32), y[:200]


def two_unit_model(seed=0):
    nw.set_random_seed(seed)
    model = Sequential(
        [
            layers.Input((4,)),
            layers.Dense(2, activation="tanh"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def scatter_points(figure, labels) -> np.ndarray:
    """The points of every class mark, back in the view's row order."""
    rows = np.zeros((len(labels), 2), np.float32)
    for k, mark in enumerate(figure.marks):
        rows[labels == k] = np.column_stack([mark.x, mark.y])
    return rows


def test_the_activation_scatter_shows_the_epoch_the_view_shows(banknotes):
    X, y = banknotes
    model = two_unit_model()
    view = nw.ActivationView(model, X, y, layer=0)
    figure = view.figure()
    assert [mark.labels[0] for mark in figure.marks] == view.classes
    assert [mark.colors[0] for mark in figure.marks] == figures.class_colors(2)
    labels = view.labels
    assert labels.tolist() == [view.classes.index(str(label)) for label in y]
    np.testing.assert_allclose(scatter_points(figure, labels), view.snapshots[0])
    model.fit(X, y, epochs=3, batch_size=32, verbose=0, callbacks=[view])
    assert view.epoch == 3
    np.testing.assert_allclose(scatter_points(figure, labels), view.snapshots[3])
    assert not np.allclose(view.snapshots[3], view.snapshots[0])
    view.epoch = 1  # the slider replays an epoch: the figure follows it
    np.testing.assert_allclose(scatter_points(figure, labels), view.snapshots[1])


def test_the_activation_scatter_draws_as_often_as_the_view_updates(banknotes):
    X, y = banknotes
    model = two_unit_model()
    view = nw.ActivationView(model, X, y, layer=0)
    figure = view.figure()
    now = [0.0]
    view._throttle = Throttle(clock=lambda: now[0])
    view._throttle.mark()

    class HundredEpochsASecond(nw.Callback):
        def on_epoch_end(self, epoch, logs=None):
            now[0] += 0.01

    draws = []
    figure.marks[0].observe(lambda change: draws.append(change), names=["x"])
    model.fit(X, y, epochs=30, batch_size=200, verbose=0, callbacks=[HundredEpochsASecond(), view])
    assert 3 <= len(draws) <= 4  # an update every 0.1 s and the last epoch, not 30
    assert view.epoch == 30
    np.testing.assert_allclose(scatter_points(figure, view.labels), view.snapshots[30])


def test_a_three_unit_view_has_no_scatter(banknotes):
    X, y = banknotes
    nw.set_random_seed(0)
    model = Sequential([layers.Input((4,)), layers.Dense(3), layers.Dense(1, "sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    view = nw.ActivationView(model, X, y, layer=0)
    with pytest.raises(ValueError, match=r"scatter is 2-D.*3 units.*units=\(i, j\)"):
        view.figure()


def test_class_colours_match_the_views():
    assert figures.class_colors(2) == ["#f59322", "#0877bd"]
    assert figures.class_colors(3) == ["#4e79a7", "#f28e2b", "#e15759"]
    assert len(figures.class_colors(25)) == 25


def test_spread_keeps_the_first_and_last_rows():
    assert figures.spread(5).tolist() == [0, 1, 2, 3, 4]
    picked = figures.spread(10_000, 400)
    assert len(picked) == 400 and picked[0] == 0 and picked[-1] == 9_999
