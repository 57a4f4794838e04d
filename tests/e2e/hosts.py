"""The other hosts a student uses, each on a free loopback port until the block ends: Jupyter
Notebook 7, Voila and marimo. Like ``lab.running_lab``: temporary config and runtime folders,
this checkout's ``nnwidgets`` first on the kernels' path, and every process stopped after."""

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lab import REPO, child_pids, free_port, write_lab_settings

LAB_ONLY_EXTENSIONS = [
    "@jupyter-notebook/lab-extension",
    "@voila-dashboards/jupyterlab-preview",
    "jupyterlab-jupytext",
    "@jupyter/nbgrader",
    "ipylab",
]


@dataclass
class Server:
    """A running host: the page to open is ``url``; ``log`` holds its output."""

    url: str
    process: subprocess.Popen
    log: Path
    token: str = ""


def host_env(tmp: Path) -> dict[str, str]:
    """The environment of a host and its kernels: this checkout, and no shared config."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        "JUPYTER_CONFIG_DIR": str(tmp / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
        "JUPYTER_DATA_DIR": str(tmp / "data"),
        "IPYTHONDIR": str(tmp / "ipython"),
        # marimo keeps its config and caches under these.
        "XDG_CONFIG_HOME": str(tmp / "xdg-config"),
        "XDG_CACHE_HOME": str(tmp / "xdg-cache"),
        "XDG_STATE_HOME": str(tmp / "xdg-state"),
    }


@contextlib.contextmanager
def serving(tmp: Path, name: str, command: list[str], url: str, probe: str, token: str = ""):
    """Runs `command` until the block ends; yields a Server once `probe` answers."""
    log = tmp / f"{name}.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=host_env(tmp),
            # Its own process group, so that stopping it stops the kernels it started too.
            start_new_session=True,
        )
    server = Server(url, process, log, token)
    try:
        wait_until_answering(server, probe)
        yield server
    finally:
        stop(server)


def wait_until_answering(server: Server, probe: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            log = server.log.read_text()[-3000:]
            raise RuntimeError(f"{server.process.args[:4]} exited:\n{log}")
        try:
            with urllib.request.urlopen(probe, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # it answers, if only to refuse
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"no answer from {probe} in {timeout} s:\n{server.log.read_text()[-3000:]}")


def stop(server: Server) -> None:
    kernels = child_pids(server.process.pid)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGTERM)
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait()
    for pid in kernels:  # a kernel that left the group
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def root_flags() -> list[str]:
    return ["--allow-root"] if os.getuid() == 0 else []


@contextlib.contextmanager
def running_notebook(tmp: Path, root_dir: Path):
    """Jupyter Notebook 7 serving `root_dir`; ``.url`` is the server's, ``.token`` its token."""
    settings_dir = tmp / "user-settings"
    write_lab_settings(settings_dir)
    port, token = free_port(), secrets.token_hex(16)
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "jupyter", "notebook",
        "--no-browser",
        *root_flags(),
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--JupyterNotebookApp.expose_app_in_browser=True",
        f"--JupyterNotebookApp.user_settings_dir={settings_dir}",
        f"--JupyterNotebookApp.workspaces_dir={tmp / 'workspaces'}",
    ]  # fmt: skip
    with serving(tmp, "notebook", command, url, f"{url}/api/status?token={token}", token) as server:
        yield server


@contextlib.contextmanager
def running_voila(tmp: Path, notebook: Path):
    """Voila rendering `notebook` as a dashboard; ``.url`` is its page."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "voila", str(notebook),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--port={port}",
        "--Voila.port_retries=0",
        # Voila loads every JupyterLab extension installed; those made for JupyterLab's own app
        # fail there for want of its shared modules ("The getter for the shared module is not
        # a function", "No provider for ..."), with any widget or none: Notebook 7's, which the
        # test extra installs, and others this environment may hold.
        *(f"--VoilaConfiguration.extension_denylist={name}" for name in LAB_ONLY_EXTENSIONS),
    ]  # fmt: skip
    # The probe is a static file: the page itself would run the notebook.
    probe = f"{url}/voila/static/favicon.ico"
    with serving(tmp, "voila", command, url, probe) as server:
        yield server


@contextlib.contextmanager
def running_marimo(tmp: Path, app: Path, mode: Literal["edit", "run"]):
    """marimo serving `app` as an app (``run``) or in its editor (``edit``); ``.url`` its page."""
    # Without this, marimo edit (0.25) opens an app with every cell waiting to be run.
    config = tmp / "xdg-config" / "marimo" / "marimo.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[runtime]\nauto_instantiate = true\n")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "marimo", "--yes", mode, str(app),
        "--headless",
        "--host", "127.0.0.1",
        "--port", str(port),
        "--no-token",
        "--no-sandbox",
        *(["--skip-update-check"] if mode == "edit" else []),
    ]  # fmt: skip
    with serving(tmp, f"marimo-{mode}", command, url, f"{url}/health") as server:
        yield server
