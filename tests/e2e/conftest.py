"""Real-browser tests: JupyterLab on 127.0.0.1, driven by Playwright through the system Chromium.

Fixtures:
- ``jupyter_lab``: the server (session-wide): ``.url``, ``.token``, ``.root_dir`` (a temporary copy
  of ``notebooks/``); the kernels import ``nnwidgets`` from this checkout.
- ``browser``: headless Chromium (session-wide).
- ``open_notebook(name)``: opens a notebook in a fresh page, runs all its cells and returns a
  ``LabNotebook`` with ``page``, ``run(code)``, ``console_errors``, ``screenshot(name)``.

Every test in this directory is marked ``e2e``. Without Chromium they skip, unless ``CI`` is set:
then they fail, so a CI run can never pass by skipping them.
"""

import os
import shutil
from pathlib import Path

import pytest
from lab import ARTIFACTS, CHROMIUM_ARGS, LabNotebook, open_lab_notebook, running_lab

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
