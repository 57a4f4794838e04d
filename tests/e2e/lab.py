"""JupyterLab and a notebook in it, driven through Playwright: shared by the e2e tests and the
browser benchmarks (which run outside pytest)."""

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class JupyterLab:
    url: str
    token: str
    root_dir: Path
    process: subprocess.Popen
    log: Path

    def api(self, method: str, path: str):
        request = urllib.request.Request(
            f"{self.url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def child_pids(pid: int) -> list[int]:
    """Direct children of a process (the kernels of a Jupyter server), read from /proc."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name may hold spaces and brackets; the fields after its ")" do not.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def write_lab_settings(settings_dir: Path) -> None:
    # No news prompt or update check: they pop toasts over the page and reach the internet.
    notification = settings_dir / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )


@contextlib.contextmanager
def running_lab(tmp: Path, notebooks: Path = REPO / "notebooks"):
    """JupyterLab on a free loopback port, serving a copy of `notebooks`, until the block ends."""
    root_dir = tmp / "notebooks"
    # A copy, so autosave never writes test outputs into the repository's notebooks.
    shutil.copytree(notebooks, root_dir)
    settings_dir = tmp / "user-settings"
    write_lab_settings(settings_dir)
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        # Kernels import this checkout, whatever else is installed.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        "JUPYTER_CONFIG_DIR": str(tmp / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
        "IPYTHONDIR": str(tmp / "ipython"),
    }
    log = tmp / "jupyter.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "jupyter", "lab",
                "--no-browser",
                "--allow-root",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={port}",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={root_dir}",
                "--LabApp.news_url=None",
                "--LabApp.expose_app_in_browser=True",
                f"--LabApp.user_settings_dir={settings_dir}",
                f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=env,
        )  # fmt: skip
    lab = JupyterLab(f"http://127.0.0.1:{port}", token, root_dir, process, log)
    try:
        wait_until_serving(lab)
        yield lab
    finally:
        stop(lab)


def wait_until_serving(lab: JupyterLab, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lab.process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited:\n{lab.log.read_text()[-3000:]}")
        try:
            lab.api("GET", "/api/status")
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"jupyter lab did not answer in {timeout} s:\n{lab.log.read_text()[-3000:]}")


def stop(lab: JupyterLab) -> None:
    kernels = child_pids(lab.process.pid)
    with contextlib.suppress(OSError):  # the server is gone already; kernels are killed below
        lab.shutdown_kernels()
    lab.process.terminate()  # Jupyter's clean exit (SIGINT would ask for a confirmation)
    try:
        lab.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        lab.process.kill()
        lab.process.wait()
    for pid in kernels:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


class KernelError(Exception):
    """Code run through ``LabNotebook.run`` raised; the message holds the traceback."""


@dataclass
class LabNotebook:
    page: "Page"
    name: str
    console_errors: list[str] = field(default_factory=list)

    def run(self, code: str, timeout: float = 30) -> str:
        """Runs code in the notebook's own kernel; returns its printed and displayed text."""
        result = self.page.evaluate(
            """async ([path, code, timeoutMs]) => {
                const panel = Array.from(window.jupyterapp.shell.widgets("main")).find(
                    (widget) => widget.context?.path === path);
                const future = panel.sessionContext.session.kernel.requestExecute(
                    { code, store_history: false });
                const text = [];
                let error = null;
                future.onIOPub = (msg) => {
                    const content = msg.content;
                    switch (msg.header.msg_type) {
                        case "stream": text.push(content.text); break;
                        case "execute_result":
                        case "display_data": text.push(content.data["text/plain"] ?? ""); break;
                        case "error": error = content.traceback.join("\\n"); break;
                    }
                };
                const timer = new Promise((_, reject) => setTimeout(
                    () => reject(new Error(`no reply in ${timeoutMs} ms`)), timeoutMs));
                await Promise.race([future.done, timer]);
                return { text: text.join(""), error };
            }""",
            [self.name, code, timeout * 1000],
        )
        if result["error"] is not None:
            raise KernelError(ANSI_ESCAPE.sub("", result["error"]))
        return result["text"]

    def screenshot(self, name: str, **options) -> Path:
        """Saves the page as artifacts/<name>.png; options go to Playwright's screenshot."""
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=path, **options)
        return path


def open_lab_notebook(browser, lab: JupyterLab, name: str, timeout: float = 60, contexts=None):
    """Opens notebook `name` of `lab` in a fresh high-DPI page and runs all its cells."""
    # A high-DPI screen, so the tests see the device-pixel path of the canvases.
    context = browser.new_context(viewport={"width": 1200, "height": 900}, device_scale_factor=2)
    if contexts is not None:
        contexts.append(context)
    page = context.new_page()
    page.set_default_timeout(timeout * 1000)
    notebook = LabNotebook(page, name)

    def on_console(message):
        if message.type == "error":
            notebook.console_errors.append(f"console: {message.text} at {message.location}")

    # Every error counts: JupyterLab 4.6 with news and update checks off logs none, so there
    # is no noise to filter out.
    page.on("console", on_console)
    page.on("pageerror", lambda error: notebook.console_errors.append(f"page: {error}"))
    # ?reset: start from an empty workspace, whatever earlier tests left open.
    page.goto(f"{lab.url}/lab/tree/{name}?reset&token={lab.token}")
    page.wait_for_function("() => window.jupyterapp !== undefined")
    failures = page.evaluate(
        """async ([path, timeoutMs]) => {
            const deadline = Date.now() + timeoutMs;
            const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
            const timedOut = (what) => new Error(`timed out waiting for ${what}`);
            const until = async (ready, what) => {
                while (!ready()) {
                    if (Date.now() > deadline) throw timedOut(what);
                    await sleep(100);
                }
            };
            const within = (promise, what) => Promise.race([promise,
                sleep(deadline - Date.now()).then(() => { throw timedOut(what); })]);
            const app = window.jupyterapp;
            await within(app.restored, "JupyterLab to start");
            const find = () => Array.from(app.shell.widgets("main")).find(
                (widget) => widget.context?.path === path);
            await until(find, `${path} to open`);
            const panel = find();
            await within(panel.sessionContext.ready, "a kernel session");
            await until(() => panel.sessionContext.session?.kernel?.status === "idle",
                        "an idle kernel");
            await within(app.commands.execute("notebook:run-all-cells"), "all cells to run");
            return panel.content.widgets.flatMap((cell, index) =>
                (cell.model.type === "code" ? cell.model.outputs.toJSON() : [])
                    .filter((output) => output.output_type === "error")
                    .map((output) => `cell ${index}: ` + output.traceback.join("\\n")));
        }""",
        [name, timeout * 1000],
    )
    if failures:
        raise KernelError(ANSI_ESCAPE.sub("", "\n\n".join(failures)))
    return notebook


# --- what the tests and benchmarks share ---------------------------------------------------------


def write_notebook(folder: Path, name: str, cells: list[str]) -> str:
    """A notebook of code `cells` written to `folder/name`; returns `name`."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, folder / name)
    return name


def open_playground(jupyter_lab, open_notebook, cells: list[str], name: str | None = None):
    """A notebook of `cells` (the first shows a Playground `pg`), opened and run; returns the
    LabNotebook, with the first Playground's root as ``.root``, scrolled into view."""
    name = write_notebook(jupyter_lab.root_dir, name or f"e2e_playground_{len(cells)}.ipynb", cells)
    lab = open_notebook(name, timeout=90)
    lab.root = lab.page.locator(".nnw-pg").first
    lab.root.wait_for()
    lab.root.scroll_into_view_if_needed()
    return lab


# In the page: the Page Visibility API says the tab is hidden, then shown again (headless
# Chromium never hides its tab by itself). Views listen for `visibilitychange`.
HIDE_TAB = """() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
}"""
SHOW_TAB = """() => {
    delete document.visibilityState;  // the own property above: back to the real one
    document.dispatchEvent(new Event("visibilitychange"));
}"""


def kernel(notebook: LabNotebook, expression: str):
    """The value of a Python expression in the notebook's kernel, through JSON."""
    return json.loads(notebook.run(f"import json; print(json.dumps({expression}))"))


def pixels(canvas) -> str:
    """A canvas's pixels, as a data URL to compare."""
    return canvas.evaluate("(c) => c.toDataURL()")


def wait_until(condition, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


@contextlib.contextmanager
def lab_and_browser(notebooks: dict[str, list[str]]):
    """For the benchmarks: JupyterLab serving `notebooks` ({name: cells}) and headless Chromium;
    yields (lab, browser) and always shuts both down."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Chromium not found: install Debian's chromium package (make chromium)")
    with tempfile.TemporaryDirectory(prefix="nnwidgets-bench-") as tmp:
        source = Path(tmp) / "source"
        source.mkdir()
        for name, cells in notebooks.items():
            write_notebook(source, name, cells)
        with running_lab(Path(tmp), source) as lab, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield lab, browser
            finally:
                browser.close()
