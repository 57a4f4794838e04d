"""Hosts without JavaScript: every widget's mime bundle carries a text summary and, where there is
something to draw, a PNG of its current state in the Playground's colours."""

import base64
import io

import numpy as np
import pytest
from PIL import Image

import nnwidgets as nw
from nnwidgets import Sequential, layers
from nnwidgets.widgets import static_image

ORANGE, BLUE = (245, 147, 34), (8, 119, 189)


def bundle(widget) -> dict:
    data, _metadata = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data  # the live view stays first
    return data


def png(data) -> Image.Image:
    image = Image.open(io.BytesIO(base64.b64decode(data["image/png"])))
    assert image.format == "PNG"
    return image.convert("RGB")


def has_color(image, rgb, tolerance=12) -> bool:
    pixels = np.asarray(image, np.int16).reshape(-1, 3)
    return bool((np.abs(pixels - rgb).max(axis=1) <= tolerance).any())


def test_the_playground_shows_its_output_map_and_points_and_names_its_figures():
    pg = nw.Playground(dataset="circle", hidden=[4, 2], seed=0)
    pg.step(200)
    data = bundle(pg)
    image = png(data)
    assert image.size == (300, 300)
    assert has_color(image, ORANGE, 0) and has_color(image, BLUE, 0)  # the points, unfaded
    text = data["text/plain"]
    assert text.startswith("Playground: circle, 2 features, hidden 4-2, tanh, epoch 200, ")
    assert f"test loss {pg.test_loss:.3f}" in text
    assert f"test accuracy {100 * pg.test_accuracy:.1f} %" in text


def test_the_playground_preview_follows_training_and_regression():
    pg = nw.Playground(dataset="xor", seed=1)
    before = bundle(pg)["image/png"]
    pg.step(100)
    assert bundle(pg)["image/png"] != before
    reg = nw.Playground(dataset="plane", seed=0)
    text = bundle(reg)["text/plain"]
    assert "regression" in text and "accuracy" not in text and "test loss" in text


def test_the_output_map_takes_the_front_ends_colours():
    # v = -1, 0, +1 as bytes 0, 128 (≈ +0.004), 255; faded at alpha 160/255 over white.
    pixels = static_image.map_pixels(np.array([[0, 255]], np.uint8))
    assert pixels[0, 0].tolist() == [249, 187, 116]
    assert pixels[0, 1].tolist() == [100, 170, 214]
    assert static_image.value_colors([0.0]).tolist() == [[232, 234, 235]]


def test_more_classes_colour_each_cell_by_its_likeliest_class():
    maps = np.zeros((3, 1, 3), np.uint8)
    maps[0, 0, 0] = maps[1, 0, 1] = maps[2, 0, 2] = 255
    pixels = static_image.class_map_pixels(maps, discretize=True)
    assert len({tuple(p) for p in pixels[0]}) == 3


def test_the_sweep_draws_a_map_per_configuration():
    sweep = nw.Sweep(nw.Playground(dataset="xor", seed=0), learning_rate=[0.03, 0.3])
    sweep.step(20)
    data = bundle(sweep)
    image = png(data)
    assert image.size == (2 * 126 + 6, 126 + 6)
    assert has_color(image, ORANGE, 0) and has_color(image, BLUE, 0)
    assert data["text/plain"].startswith(
        "Sweep: 2 configurations (learning_rate), epoch 20, best #"
    )


@pytest.fixture(scope="module")
def trained():
    model = Sequential(
        [layers.Input((4,)), layers.Dense(3, activation="relu"), layers.Dense(1, "sigmoid")]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 4)).astype(np.float32)
    y = (X[:, 0] > 0).astype(np.float32)
    plot, images = nw.LivePlot(), nw.WeightImages(model, layer=0, shape=(2, 2))
    model.fit(X, y, epochs=3, validation_split=0.2, callbacks=[plot, images], verbose=0)
    return model, plot, images


def test_live_plot_draws_its_curves_and_names_the_last_figures(trained):
    _model, plot, _images = trained
    data = bundle(plot)
    assert png(data).size == (420, 220)
    assert has_color(png(data), BLUE, 0)  # the second curve
    assert data["text/plain"].startswith("LivePlot: epoch 3 of 3; ")
    assert f"loss {plot.history['loss'][-1]:.4g}" in data["text/plain"]


def test_weight_images_draws_each_unit(trained):
    model, _plot, images = trained
    data = bundle(images)
    assert png(data).size == (3 * 60 + 4, 60 + 4)
    assert data["text/plain"].startswith("WeightImages: 3 of the 3 units of ")


def test_neuron_map_draws_its_values():
    data = bundle(nw.NeuronMap(np.outer(np.linspace(-1, 1, 10), np.ones(10)), size=200))
    image = png(data)
    assert image.size == (200, 200)
    assert image.getpixel((100, 5)) == (249, 187, 116) and image.getpixel((100, 195)) == (
        100,
        170,
        214,
    )
    assert data["text/plain"] == "NeuronMap: 10×10 cells, from -1.00 to 1.00"


def test_widgets_without_a_picture_still_say_what_they_show(trained):
    model = trained[0]
    data = bundle(nw.NetworkDiagram(model))
    assert "image/png" not in bundle(nw.NeuronMap())  # nothing to draw yet
    assert data["text/plain"].startswith("NetworkDiagram: input 4 → dense")
    assert "(19 parameters)" in data["text/plain"]
    assert bundle(nw.NeuronMap())["text/plain"] == "NeuronMap: empty"
