"""Every public widget, shown where no JavaScript runs (GitHub's and nbviewer's previews, PDF):
its mime bundle carries a text summary that names what it shows and a PNG of its state."""

import base64
import io

import numpy as np
import pytest
from fake_class import write_class
from PIL import Image

import nnwidgets as nw
from nnwidgets import Sequential, layers
from nnwidgets.widgets._base import FrontEndWidget

ORANGE, BLUE = (245, 147, 34), (8, 119, 189)


@pytest.fixture(scope="module")
def model_and_data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, 2)).astype(np.float32)
    y = (X[:, 0] * X[:, 1] > 0).astype(np.float32)
    model = Sequential(
        [layers.Input((2,)), layers.Dense(3, activation="relu"), layers.Dense(1, "sigmoid")]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model, X, y


def fitted(model_and_data, view):
    model, X, y = model_and_data
    model.fit(X, y, epochs=2, validation_split=0.25, callbacks=[view], verbose=0)
    return view


# Each public widget as a sheet shows it, after some training where it follows training.
BUILDERS = {
    "Playground": lambda md, tmp: nw.Playground(dataset="xor", seed=0),
    "Sweep": lambda md, tmp: nw.Sweep(
        nw.Playground(dataset="xor", seed=0), learning_rate=[0.03, 1]
    ),
    "LivePlot": lambda md, tmp: fitted(md, nw.LivePlot()),
    "ActivationView": lambda md, tmp: nw.ActivationView(md[0], md[1], md[2], layer=0),
    "NetworkDiagram": lambda md, tmp: nw.NetworkDiagram(md[0]),
    "WeightImages": lambda md, tmp: nw.WeightImages(md[0], layer=0, shape=(1, 2)),
    "Perceptron": lambda md, tmp: nw.Perceptron(),
    "ActivationGallery": lambda md, tmp: nw.ActivationGallery(highlight="tanh"),
    "TransformView": lambda md, tmp: nw.TransformView(md[0], md[1], md[2]),
    "NeuronMap": lambda md, tmp: nw.NeuronMap(np.outer(np.linspace(-1, 1, 8), np.ones(8))),
    "Challenge": lambda md, tmp: nw.Challenge(nw.Playground(seed=0), target={"test_loss": 0.1}),
    "LossSurface": lambda md, tmp: nw.LossSurface(),
    "ClassOverview": lambda md, tmp: (write_class(tmp, 5), nw.ClassOverview(tmp))[1],
}


def public_widgets() -> list[str]:
    return sorted(
        name
        for name in nw.widgets.__all__
        if isinstance(getattr(nw.widgets, name), type)
        and issubclass(getattr(nw.widgets, name), FrontEndWidget)
    )


def test_every_public_widget_is_drawn_here():
    assert sorted(BUILDERS) == public_widgets()


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_the_mime_bundle_carries_a_summary_and_a_picture(name, model_and_data, tmp_path):
    widget = BUILDERS[name](model_and_data, tmp_path)
    data, _metadata = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data  # the live view stays
    text = data["text/plain"]
    # Meaningful: the widget's name and what it shows, not Python's repr.
    assert text.startswith(f"{name}: ") and len(text) > len(name) + 10, text
    assert "<" not in text and "object at 0x" not in text
    encoded = base64.b64decode(data["image/png"])
    image = Image.open(io.BytesIO(encoded))
    assert image.format == "PNG"
    colors = np.unique(np.asarray(image.convert("RGB")).reshape(-1, 3), axis=0)
    assert len(colors) >= 3, f"the picture is blank: {len(colors)} colours"
    # Readable at a notebook's width, and light enough to travel in every saved notebook.
    assert 150 <= image.width <= 1000 and 30 <= image.height <= 1200, image.size
    assert len(encoded) < 100_000, f"{len(encoded):,} bytes"


def has_color(image, rgb, tolerance=12) -> bool:
    pixels = np.asarray(image.convert("RGB") if hasattr(image, "convert") else image, np.int16)
    pixels = pixels.reshape(-1, 3)
    return bool((np.abs(pixels - rgb).max(axis=1) <= tolerance).any())


def png(widget) -> Image.Image:
    data, _metadata = widget._repr_mimebundle_()
    return Image.open(io.BytesIO(base64.b64decode(data["image/png"])))


def test_the_perceptron_picture_follows_its_weights():
    perceptron = nw.Perceptron()  # warm from 20 °C: both classes on their side
    before = png(perceptron)
    assert has_color(before, ORANGE, 0) and has_color(before, BLUE, 0)
    assert "24 of 24 points on their side; threshold 20 °C" in perceptron._summary()
    perceptron.bias = -4  # threshold 8 °C: the cold days between are called warm
    assert np.asarray(png(perceptron)).tolist() != np.asarray(before).tolist()
    assert "threshold 8 °C" in perceptron._summary()
    plane = nw.Perceptron(inputs=2, activation="sigmoid")
    assert png(plane).size == (300, 326)
    assert plane._summary().startswith("Perceptron: y = sigmoid(1.00·x1 + 1.00·x2 + 0.00); ")


def test_the_challenge_picture_shows_the_verdict_in_its_colour():
    pg = nw.Playground.preset("xor", seed=1)
    challenge = nw.Challenge(pg, target={"test_loss": 0.01}, limits={"neurons": 12})
    assert has_color(png(challenge), ORANGE, 0) and not has_color(png(challenge), BLUE, 0)
    assert challenge._summary().startswith(
        "Challenge: goal test loss ≤ 0.01; limits: at most 12 neurons; not yet: test loss "
    )
    pg.step(300)
    assert has_color(png(challenge), BLUE, 0) and not has_color(png(challenge), ORANGE, 0)
    assert "; passed: test loss " in challenge._summary()


def test_the_gallery_outlines_the_highlighted_function():
    plain = png(nw.ActivationGallery())
    highlighted = png(nw.ActivationGallery(highlight="relu"))
    assert not has_color(plain, BLUE, 0) and has_color(highlighted, BLUE, 0)
    assert plain.size == (5 * 158 + 8, 136)


GREEN, RED = (44, 160, 44), (214, 39, 40)  # the LossSurface's good and too-large paths


def test_the_activation_view_picture_replays_the_epoch_shown(model_and_data):
    model, X, y = model_and_data
    view = nw.ActivationView(model, X, y, layer=0, units=(0, 1))
    model.fit(X, y, epochs=3, callbacks=[view], verbose=0)
    last = png(view)
    assert has_color(last, ORANGE) and has_color(last, BLUE)  # the two classes
    view.epoch = 0
    assert np.asarray(png(view)).tolist() != np.asarray(last).tolist()
    three = png(nw.ActivationView(model, X, y, layer=0))  # three units: the cube
    assert has_color(three, ORANGE) and has_color(three, BLUE)


def test_the_network_diagram_colours_links_by_sign():
    pg = nw.Playground(dataset="xor", features=["x1", "x2"], hidden=[2], seed=0)
    diagram = nw.NetworkDiagram(pg)
    drawn = {}
    for sign in (1.0, -1.0):
        pg.set_weights([(np.full((2, 2), sign), np.zeros(2)), (np.full((2, 1), sign), np.zeros(1))])
        diagram.refresh()
        drawn[sign] = png(diagram)
    link_blue, link_orange = ((round(c * 0.85 + 255 * 0.15) for c in rgb) for rgb in (BLUE, ORANGE))
    link_blue, link_orange = tuple(link_blue), tuple(link_orange)  # at the links' alpha 0.85
    assert has_color(drawn[1.0], link_blue, 6) and not has_color(drawn[1.0], link_orange, 6)
    assert has_color(drawn[-1.0], link_orange, 6) and not has_color(drawn[-1.0], link_blue, 6)


def test_the_transform_view_picture_follows_the_stage(model_and_data):
    view = nw.TransformView(*model_and_data)
    first = png(view)
    view.stage = len(view.stages) - 1
    assert np.asarray(png(view)).tolist() != np.asarray(first).tolist()
    assert view._summary().startswith(f"TransformView: stage {len(view.stages)} of ")


def test_the_loss_surface_draws_the_three_paths():
    surface = nw.LossSurface()
    image = png(surface)
    assert all(has_color(image, color) for color in (BLUE, GREEN, RED))
    assert surface._summary().startswith("LossSurface: one neuron's loss over its two weights")


def test_the_class_overview_shows_each_verdict_in_its_colour(tmp_path):
    write_class(tmp_path, 3)
    losses = [row["test_loss"] for row in nw.ClassOverview(tmp_path).results()]
    middle = sorted(losses)[1]
    overview = nw.ClassOverview(tmp_path, target={"test_loss": middle})  # two of three pass
    image = np.asarray(png(overview).convert("RGB"))
    # Each cell's top bar: the first line of colour down the first cell; three cells 118 pixels
    # wide, 8 apart. The picture is in 256 colours, each within a few levels of the drawn one.
    top = next(y for y in range(image.shape[0]) if np.ptp(image[y, 20].astype(int)) > 60)
    bars = [image[top, 8 + 126 * k + 59] for k in range(3)]
    blue = [has_color(bar, BLUE) for bar in bars]
    orange = [has_color(bar, ORANGE) for bar in bars]
    passed = [row["passed"] for row in sorted(overview.results(), key=lambda row: row["name"])]
    assert blue == passed and orange == [not each for each in passed]
    names = ", ".join(row["name"] for row in overview.results() if row["passed"])
    assert f"2 of 3 students passed; goal: test loss ≤ {middle:g}; passed: {names}" in (
        overview._summary()
    )
