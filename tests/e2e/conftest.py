"""Real-browser tests: JupyterLab on 127.0.0.1, driven by Playwright through the system Chromium.

Fixtures:
- ``jupyter_lab``: the server (session-wide): ``.url``, ``.token``, ``.root_dir`` (a temporary copy
  of ``notebooks/``); the kernels import ``nnwidgets`` from this checkout.
- ``browser``: headless Chromium (session-wide).
- ``open_notebook(name)``: opens a notebook in a fresh page, runs all its cells and returns a
  ``LabNotebook`` with ``page``, ``run(code)``, ``console_errors``, ``screenshot(name)``.

Other hosts (hosts.py), each for one module of tests, on every widget (every_widget.py):
- ``notebook_server``, ``voila_server``, ``marimo_server`` (``run``, then ``edit``): ``.url``.
- ``host_page``: a fresh page and its ``Console`` of errors.

Every test in this directory is marked ``e2e``. Without Chromium they skip, unless ``CI`` is set:
then they fail, so a CI run can never pass by skipping them.
"""

import os
import shutil
from pathlib import Path

import pytest
from every_widget import SETUP, SHOWN, Console, marimo_app
from hosts import running_marimo, running_notebook, running_voila
from lab import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    LabNotebook,
    open_lab_notebook,
    running_lab,
    write_notebook,
)

REPO = Path(__file__).resolve().parents[2]
FRONT_END = REPO / "nnwidgets" / "static" / "widget.js"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets fixtures see whether the test failed, to keep a screenshot of the page.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def chromium_path() -> str:
    path = os.environ.get("NNWIDGETS_CHROMIUM") or shutil.which("chromium")
    if path:
        return path
    reason = "Chromium not found: install Debian's `chromium` package or set NNWIDGETS_CHROMIUM"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the browser tests may not skip)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def jupyter_lab(tmp_path_factory):
    if not FRONT_END.is_file():
        pytest.fail(f"{FRONT_END} is missing: build the front end first (cd js && npm run build)")
    chromium_path()  # no browser, no point starting the server
    with running_lab(tmp_path_factory.mktemp("jupyter")) as lab:
        yield lab


@pytest.fixture(scope="module")
def every_widget_notebook(tmp_path_factory) -> Path:
    """A folder with ``every_widget.ipynb``: every widget, a cell each (every_widget.py)."""
    folder = tmp_path_factory.mktemp("every-widget")
    write_notebook(folder, "every_widget.ipynb", [SETUP, *SHOWN])
    return folder / "every_widget.ipynb"


@pytest.fixture(scope="module")
def every_widget_app(tmp_path_factory) -> Path:
    """``every_widget.py``: the same widgets as a marimo app, with its buttons."""
    app = tmp_path_factory.mktemp("every-widget-app") / "every_widget.py"
    app.write_text(marimo_app())
    return app


# A host runs only for the module of its tests: the machines have two cores.
@pytest.fixture(scope="module")
def notebook_server(every_widget_notebook, tmp_path_factory):
    chromium_path()
    tmp = tmp_path_factory.mktemp("notebook")
    with running_notebook(tmp, every_widget_notebook.parent) as server:
        yield server


@pytest.fixture(scope="module")
def voila_server(every_widget_notebook, tmp_path_factory):
    chromium_path()
    with running_voila(tmp_path_factory.mktemp("voila"), every_widget_notebook) as server:
        yield server


@pytest.fixture(scope="module", params=["run", "edit"])
def marimo_server(request, every_widget_app, tmp_path_factory):
    """marimo serving every_widget_app, in ``marimo run`` and then ``marimo edit``."""
    chromium_path()
    tmp = tmp_path_factory.mktemp(f"marimo-{request.param}")
    with running_marimo(tmp, every_widget_app, request.param) as server:
        server.mode = request.param
        yield server


@pytest.fixture
def host_page(browser, request):
    """A fresh page and its console log; a screenshot of it is kept if the test fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # These machines reach nothing outside: a host's page that asks a CDN (Voila's template
    # asks for Font Awesome) gets an empty answer, not a network error in the console.
    context.route(
        lambda url: not url.startswith("http://127.0.0.1"),
        lambda route: route.fulfill(status=200, body=""),
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    console = Console(page)
    yield page, console
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"FAILED-{request.node.name}.png", full_page=True)
    context.close()


@pytest.fixture(scope="session")
def browser():
    # Imported here, so that collecting the other test folders never needs Playwright.
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def open_notebook(jupyter_lab, browser, request):
    """Opens a notebook of ``notebooks/`` in a fresh page and runs all its cells."""
    contexts = []

    def open_(name: str, timeout: float = 60) -> LabNotebook:
        return open_lab_notebook(browser, jupyter_lab, name, timeout, contexts)

    yield open_
    report = getattr(request.node, "report_call", None)
    for index, context in enumerate(contexts):
        if report is not None and report.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            context.pages[0].screenshot(path=ARTIFACTS / f"FAILED-{request.node.name}-{index}.png")
        context.close()
    jupyter_lab.shutdown_kernels()
