"""NetworkDiagram's kernel side: columns, the sample of wide layers, the weights sent, following
a fit and a Playground, and bad input."""

import numpy as np
import pytest

import nnwidgets as nw
from nnwidgets import Sequential, layers
from nnwidgets.widgets._throttle import Throttle
from nnwidgets.widgets.network_diagram import shown_nodes


def sent_links(diagram):
    """The weights as sent: per link layer (W of the drawn nodes, b of the drawn nodes)."""
    data = np.frombuffer(diagram._weights, dtype=np.float32)
    columns = diagram._layers
    links, at = [], 0
    for left, right in zip(columns, columns[1:], strict=False):
        rows, cols = len(left["shown"]), len(right["shown"])
        W = data[at : at + rows * cols].reshape(rows, cols)
        b = data[at + rows * cols : at + rows * cols + cols]
        links.append((W, b))
        at += rows * cols + cols
    assert at == len(data)
    return links


def digits_model():
    return Sequential(
        [
            layers.Input((28, 28)),
            layers.Flatten(),
            layers.Dense(256, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )


def test_wide_layers_collapse_to_first_nodes_an_ellipsis_and_the_last():
    assert shown_nodes(5) == [0, 1, 2, 3, 4]
    assert shown_nodes(12) == list(range(12))
    assert shown_nodes(784) == [*range(10), 783]
    assert shown_nodes(784, max_nodes=5) == [0, 1, 2, 783]


def test_the_digits_model_reads_with_its_parameter_counts():
    model = digits_model()
    diagram = nw.NetworkDiagram(model)
    columns = diagram._layers
    assert [c["units"] for c in columns] == [784, 256, 10]
    assert [c["more"] for c in columns] == [773, 245, 0]
    assert [c["params"] for c in columns] == [0, 200_960, 2_570]
    assert columns[0]["notes"] == ["28×28", model.layers[0].name]
    assert columns[2]["activation"] == "softmax"
    (W0, b0), (W1, b1) = sent_links(diagram)
    W, b = model.get_weights()[:2]
    shown = columns[0]["shown"], columns[1]["shown"]
    np.testing.assert_array_equal(W0, W[np.ix_(*shown)])
    np.testing.assert_array_equal(b0, b[shown[1]])
    # Only the drawn links travel: 11 × 11 + 11 + 11 × 10 + 10 floats, not 203,530.
    assert len(diagram._weights) == 4 * (121 + 11 + 110 + 10)
    # A model's links are scaled by their layer's largest weight.
    scales = np.frombuffer(diagram._scales, np.float32).reshape(-1, 2)
    assert scales[0, 0] == pytest.approx(np.abs(W).max())


def test_max_nodes_changes_the_sample():
    diagram = nw.NetworkDiagram(digits_model(), max_nodes=5)
    assert diagram._layers[0]["shown"] == [0, 1, 2, 783]
    diagram.max_nodes = 20
    assert len(diagram._layers[1]["shown"]) == 19


def test_it_follows_a_fit_throttled_and_always_shows_the_end():
    X, y = nw.datasets.banknotes()
    model = Sequential(
        [layers.Input((4,)), layers.Dense(2, activation="relu"), layers.Dense(1, "sigmoid")]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy")
    diagram = nw.NetworkDiagram(model)
    frames = diagram._frame
    model.fit(X, y, epochs=3, verbose=0, callbacks=[diagram])
    assert diagram._frame > frames
    (W0, _), (W1, b1) = sent_links(diagram)
    np.testing.assert_array_equal(W1, model.get_weights()[2])
    np.testing.assert_array_equal(b1, model.get_weights()[3])

    now = [100.0]
    diagram._throttle = Throttle(clock=lambda: now[0])
    diagram._throttle.mark()
    frames = diagram._frame
    for epoch in range(50):
        now[0] += 0.01
        diagram.on_epoch_end(epoch)
    assert diagram._frame - frames in (4, 5)  # 0.5 s of epochs: one update per 0.1 s
    diagram.on_train_end()
    assert diagram._frame - frames in (5, 6)


def test_a_playground_diagram_follows_its_frames_and_shape():
    pg = nw.Playground(seed=1, hidden=[3, 2], features=["x1", "x2", "x1^2"])
    diagram = nw.NetworkDiagram(pg)
    columns = diagram._layers
    assert [c["units"] for c in columns] == [3, 3, 2, 1]
    assert columns[0]["labels"] == ["x1", "x2", "x1^2"]
    assert [c["name"] for c in columns] == ["input", "hidden 1", "hidden 2", "output"]
    assert [c["params"] for c in columns] == [0, 12, 8, 3]
    scales = np.frombuffer(diagram._scales, np.float32).reshape(-1, 2)
    assert scales.tolist() == [[1, 5]] * 3  # the Playground's own link scale
    # Frames of a displayed Playground (simulated: pg publishes only when a view acknowledges).
    pg.step(10)
    pg.hidden = [4]
    diagram._throttle = Throttle(clock=lambda: 1e9)  # ready
    pg._frame += 1
    assert [c["units"] for c in diagram._layers] == [3, 4, 1]
    (W0, b0), _ = sent_links(diagram)
    np.testing.assert_array_equal(W0, pg.weights[0][0])
    diagram.close()
    frame = diagram._frame
    pg._frame += 1
    assert diagram._frame == frame  # closed: no longer follows


@pytest.mark.parametrize(
    ("source", "kwargs", "error", "match"),
    [
        ("a string", {}, TypeError, "needs a model"),
        (None, {"max_nodes": 2}, ValueError, "max_nodes must be an int >= 3, got 2"),
        (None, {"max_nodes": "many"}, TypeError, "max_nodes must be an int"),
    ],
)
def test_bad_input_is_refused(source, kwargs, error, match):
    with pytest.raises(error, match=match):
        nw.NetworkDiagram(source if source is not None else digits_model(), **kwargs)
