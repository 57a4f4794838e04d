"""A notebook exported with no kernel: executed by nbconvert with its widget state stored, turned
into HTML, and opened in headless Chromium, where ipywidgets' HTML manager loads anywidget's front
end, which runs the saved ``_esm``. Each widget must draw its last state from its saved traits
alone, with no console error but the one the HTML manager's loader always makes.

There is no internet here: the page's CDN scripts (require.js, the HTML manager's embed bundle,
anywidget's AMD module, MathJax) are answered from local copies: js/node_modules (devDependencies
``@jupyter-widgets/html-manager`` and ``requirejs``) and the installed anywidget package.
"""

import functools
import http.server
import re
import threading
from pathlib import Path

import anywidget
import nbformat
import pytest
from lab import ARTIFACTS, wait_until
from nbclient import NotebookClient
from nbconvert import HTMLExporter

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "js" / "node_modules"
LOCAL_COPIES = {
    r"/require\.js/[^/]+/require(\.min)?\.js$": NODE_MODULES / "requirejs" / "require.js",
    r"/@jupyter-widgets/html-manager@[^/]+/dist/(?P<file>[\w.-]+)$": (
        NODE_MODULES / "@jupyter-widgets" / "html-manager" / "dist"
    ),
    r"/anywidget@[^/]+/dist/index\.js$": Path(anywidget.__file__).parent
    / "nbextension"
    / "index.js",
}
MATHJAX = r"/mathjax/"  # the page loads it whatever it shows; nothing here needs it

CELLS = [
    "import numpy as np\nimport nnwidgets as nw\npg = nw.Playground(dataset='circle', seed=0)\npg",
    "pg.step(300)  # after display: the saved state must be this epoch's",
    "sweep = nw.Sweep(nw.Playground(dataset='xor', seed=0), learning_rate=[0.03, 0.3])\n"
    "sweep.step(40)\nsweep",
    "nw.NeuronMap(np.outer(np.linspace(-1, 1, 24), np.ones(24)), size=160)",
    "from nnwidgets import Sequential, layers\n"
    "model = Sequential([layers.Input((2,)), layers.Dense(4, activation='tanh'), "
    "layers.Dense(1, activation='sigmoid')])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])\n"
    "X = np.random.default_rng(0).normal(size=(200, 2)).astype('float32')\n"
    "y = (X[:, 0] * X[:, 1] > 0).astype('float32')\n"
    "plot = nw.LivePlot()\ndisplay(plot)\n"
    "model.fit(X, y, epochs=8, validation_split=0.25, callbacks=[plot], verbose=0);",
]
OUTPUT_CELLS = {"playground": 0, "sweep": 2, "neuron map": 3, "live plot": 4}
# require.js first looks for `anywidget` beside the page, then falls back to the CDN: the HTML
# manager does so unless the script tag says cdn-only, which nbconvert's template does not.
UNAVOIDABLE = re.compile(r"Failed to load resource: the server responded with a status of 404")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(notebook, timeout=300, kernel_name="python3", store_widget_state=True).execute(
        cwd=str(folder)
    )
    assert "widgets" in notebook.metadata, "nbclient stored no widget state"
    body, _resources = HTMLExporter().from_notebook_node(notebook)
    (folder / "export.html").write_text(body, encoding="utf-8")
    return folder, notebook


@pytest.fixture
def page(exported, browser):
    folder, _notebook = exported
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.problems, page.unanswered, page.known = [], [], []
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/]).*"), functools.partial(cdn, page))
    page.on("console", functools.partial(console, page))
    page.on("pageerror", lambda error: page.problems.append(f"page: {error}"))
    page.goto(f"http://127.0.0.1:{server.server_port}/export.html")
    yield page
    context.close()
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def cdn(page, route):
    """Answers a CDN request from a local copy; anything else is refused and reported."""
    url = route.request.url
    if MATHJAX in url.lower():
        return route.fulfill(body="", content_type="text/javascript")
    for pattern, local in LOCAL_COPIES.items():
        match = re.search(pattern, url)
        if match:
            path = local / match["file"] if "file" in match.groupdict() else local
            return route.fulfill(path=path)
    page.unanswered.append(url)
    return route.abort()


def console(page, message):
    if message.type != "error":
        return
    if UNAVOIDABLE.search(message.text) and message.location.get("url", "").endswith(
        "/anywidget.js"
    ):
        page.known.append(message.text)
    else:
        page.problems.append(f"console: {message.text}")


def colours(canvas) -> dict:
    """How many pixels of the canvas are near orange #f59322 / blue #0877bd, and how many distinct
    colours it has."""
    return canvas.evaluate(
        """(c) => {
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          const near = (i, r, g, b) =>
            Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 40;
          let orange = 0, blue = 0; const seen = new Set();
          for (let i = 0; i < d.length; i += 4) {
            if (near(i, 245, 147, 34)) orange++;
            if (near(i, 8, 119, 189)) blue++;
            if (seen.size < 50) seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]);
          }
          return { orange, blue, distinct: seen.size };
        }"""
    )


def test_an_exported_notebook_draws_every_widget_from_its_saved_state(page, exported):
    _folder, notebook = exported
    cells = page.locator(".jp-Cell.jp-CodeCell")
    points = page.locator(".nnw-pg-output canvas.nnw-pg-heatmap-overlay").first
    points.wait_for(timeout=30_000)
    for name, index in OUTPUT_CELLS.items():
        canvases = cells.nth(index).locator(".jp-OutputArea-output canvas")
        wait_until(lambda c=canvases: c.count() > 0, f"the {name} to render", timeout=30)
        wait_until(
            lambda c=canvases: any(colours(c.nth(k))["distinct"] > 2 for k in range(c.count())),
            f"the {name} to draw",
            timeout=15,
        )
    # The Playground's output: its points in both classes' colours over its map, at the saved
    # epoch (the map's own canvas holds the faded colours).
    wait_until(
        lambda: colours(points)["orange"] > 50 and colours(points)["blue"] > 50,
        "the output view to show both classes",
        timeout=15,
    )
    epoch = page.locator(".nnw-pg-epoch-value").first.inner_text().replace(",", "")
    assert int(epoch) == 300
    state = notebook.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    assert any(model["state"].get("epoch") == 300 for model in state.values())
    page.wait_for_timeout(500)  # anything a view would still log
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "export.png", full_page=True)
    assert page.unanswered == [], "the page asked for something no local copy answers"
    assert page.problems == []
    assert len(page.known) <= 1
