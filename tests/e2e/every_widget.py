"""Every nnwidgets widget on one page, small enough to build in seconds, and the checks each host's
browser test makes of that page: each view rendered and styled by our own stylesheets (which a
shadow root would keep out if they went to the document), Play trains, axe-core finds no serious
WCAG 2.1 A/AA violation in any widget, the console stays clean."""

import time
from importlib.metadata import version

from lab import ARTIFACTS, pixels, wait_until

# Built once; a host shows each of SHOWN in a cell of its own.
SETUP = """\
import numpy as np
import nnwidgets as nw
from nnwidgets import Sequential, layers

nw.set_random_seed(0)
rng = np.random.default_rng(0)
X = rng.normal(size=(120, 2)).astype("float32")
y = (X[:, 0] * X[:, 1] > 0).astype("float32")
net = Sequential([layers.Input((2,)), layers.Dense(3, activation="relu"),
                  layers.Dense(1, activation="sigmoid")])
pixels16 = Sequential([layers.Input((16,)), layers.Dense(4, activation="relu"),
                       layers.Dense(1, activation="sigmoid")])
pg = nw.Playground(dataset="xor", seed=0)
sweep = nw.Sweep(nw.Playground(dataset="xor", seed=1), learning_rate=[0.03, 0.3])
plot = nw.LivePlot()
act = nw.ActivationView(net, X, y, layer=0)
diagram = nw.NetworkDiagram(net)
images = nw.WeightImages(pixels16, layer=0, shape=(4, 4))
perceptron = nw.Perceptron()
gallery = nw.ActivationGallery(highlight="relu")
transform = nw.TransformView(net, X, y)
neurons = nw.NeuronMap(rng.uniform(-1, 1, size=(8, 8)))
challenge = nw.Challenge(pg, target={"test_loss": 0.1})
"""

SHOWN = [
    "pg", "sweep", "plot", "act", "diagram", "images", "perceptron", "gallery", "transform",
    "neurons", "challenge",
]  # fmt: skip

# What only our stylesheets set on each view's root: (selector, CSS property, value).
STYLED = [
    (".nnw-pg", "container-type", "inline-size"),
    (".nnw-v-sweep", "flex-direction", "column"),
    (".nnw-v-live", "flex-direction", "column"),
    (".nnw-v-activation", "flex-direction", "column"),
    (".nnw-v-diagram", "flex-direction", "column"),
    (".nnw-v-weights", "flex-direction", "column"),
    (".nnw-v-perceptron", "flex-direction", "column"),
    (".nnw-v-gallery", "flex-direction", "column"),
    (".nnw-v-transform", "flex-direction", "column"),
    (".nnw-v-challenge", "border-left-width", "4px"),
]
# Drawn without our stylesheets: a bare heatmap.
UNSTYLED = [".nnw-neuron-map canvas"]


def check_every_widget(page, timeout: float = 90) -> None:
    """Asserts that every widget is on `page` (through shadow roots), each styled root too."""
    for selector in [selector for selector, _, _ in STYLED] + UNSTYLED:
        page.locator(selector).first.wait_for(state="visible", timeout=timeout * 1000)
    for selector, name, value in STYLED:
        got = page.locator(selector).first.evaluate(
            "(el, name) => getComputedStyle(el).getPropertyValue(name)", name
        )
        assert got == value, f"{selector} is not styled: {name} is {got!r}, not {value!r}"
    # Two roots, not one per view: the sheets were adopted once per root, never per instance.
    copies = page.evaluate(
        """() => {
            const ours = (sheet) => {
                try {
                    return [...sheet.cssRules].some((rule) => rule.cssText.startsWith(".nnw-pg {"));
                } catch {
                    return false;  // another origin's sheet
                }
            };
            const sheets = (root) =>
                [...(root.adoptedStyleSheets ?? []), ...root.styleSheets].filter(ours);
            const roots = [document, ...[...document.querySelectorAll("*")]
                .map((el) => el.shadowRoot).filter(Boolean)];
            return Math.max(...roots.map((root) => sheets(root).length));
        }"""
    )
    assert copies == 1, f"the Playground's stylesheet is in one root {copies} times"


# The polite live region of each view that trains or plays, or follows one that does.
ANNOUNCERS = [
    ".nnw-pg-announcer", ".nnw-v-sweep-announcer", ".nnw-v-live-announcer",
    ".nnw-v-activation-announcer", ".nnw-v-transform-announcer", ".nnw-v-challenge-announcer",
]  # fmt: skip


def check_text_alternatives(page) -> None:
    """Asserts that every canvas of every widget says what it shows (or is hidden from readers
    as decoration), and that each view that plays has its polite live region."""
    unnamed = page.evaluate(
        """() => {
            const canvases = [];
            const search = (root) => {
                canvases.push(...root.querySelectorAll(
                    ".nnw-pg canvas, .nnw-v canvas, .nnw-neuron-map canvas"));
                for (const el of root.querySelectorAll("*")) {
                    if (el.shadowRoot) search(el.shadowRoot);
                }
            };
            search(document);
            const hidden = (el) => el.closest("[aria-hidden='true']") !== null;
            const named = (el) => el.getAttribute("role") === "img"
                && (el.getAttribute("aria-label") ?? "").trim().length > 8;
            return canvases.filter((el) => !hidden(el) && !named(el)).map((el) => el.outerHTML);
        }"""
    )
    assert unnamed == [], f"canvases without a text alternative: {unnamed}"
    for selector in ANNOUNCERS:
        assert page.locator(selector).first.get_attribute("aria-live") == "polite", selector


def play_changes_the_canvas(page) -> None:
    """Presses the Playground's Play and waits until its output canvas shows something new."""
    playground = page.locator(".nnw-pg").first
    output = playground.locator(".nnw-pg-output canvas").first
    before = pixels(output)
    playground.get_by_role("button", name="Play").click()
    wait_until(lambda: pixels(output) != before, "the output to change while playing", 60)
    playground.get_by_role("button", name="Pause").click()


def screenshots(page, name: str) -> None:
    """Saves the page as the host shows it, and the Challenge (further down), to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"host_{name}.png")
    page.locator(".nnw-challenge").first.screenshot(path=ARTIFACTS / f"host_{name}_challenge.png")


class Console:
    """The errors a page logs: console messages of type error and uncaught exceptions."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", self._message)
        page.on("pageerror", lambda error: self.errors.append(f"page: {error}"))

    def _message(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} at {message.location}")

    def settle(self, seconds: float = 1.0) -> list[str]:
        """The errors so far, after giving late ones `seconds` to arrive."""
        time.sleep(seconds)
        return self.errors


def marimo_app() -> str:
    """A marimo app of every widget, a cell each, with buttons that set the Playground's learning
    rate from Python and show the value Python holds (so either direction can be tested in
    ``marimo run``, where no cell can be edited)."""
    shown = "".join(
        f"\n\n@app.cell\ndef show_{name}({name}):\n    {name}\n    return\n" for name in SHOWN
    )
    setup = "".join(f"    {line}\n" if line else "\n" for line in SETUP.splitlines())
    return f'''import marimo

__generated_with = "{version("marimo")}"
app = marimo.App(width="full")


@app.cell
def setup():
{setup}    return {", ".join(SHOWN)},


@app.cell
def buttons():
    import marimo as mo

    set_rate = mo.ui.run_button(label="Set rate 0.1")
    read_rate = mo.ui.run_button(label="Read rate")
    mo.hstack([set_rate, read_rate])
    return mo, read_rate, set_rate


@app.cell
def set_from_python(pg, set_rate):
    if set_rate.value:
        pg.learning_rate = 0.1
    return


@app.cell
def read_in_python(mo, pg, read_rate):
    mo.md(f"Python holds learning rate {{pg.learning_rate}}") if read_rate.value else None
    return
{shown}

if __name__ == "__main__":
    app.run()
'''
