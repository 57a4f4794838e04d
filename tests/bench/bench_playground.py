"""The Playground in a real JupyterLab in headless Chromium: frames drawn, epochs trained, latency.

Run: `python tests/bench/bench_playground.py` (or `make bench`). For the default network and for
7 features × 6 layers of 8 it measures, while playing: frames drawn per second (frames the browser
acknowledged after drawing them), epochs per second, and the bytes of one frame; then the time
from a slider change in the page to the first drawn frame that shows it, and from an architecture
change (a shape seen before) to a drawn frame of the new network training. The original trains
one epoch per drawn frame: 52 epochs/s on the default network, 19.6 on the largest (DESIGN.md).
Prints a table, whether each target is met, and last one JSON line.
"""

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from lab import CHROMIUM_ARGS, open_lab_notebook, running_lab  # noqa: E402

ALL_FEATURES = ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]
NETWORKS = {
    "default": {"dataset": "circle"},
    "largest": {"dataset": "spiral", "features": ALL_FEATURES, "hidden": [8] * 6},
}
TARGETS = {
    "default": {"frames_per_s": 30, "epochs_per_s": 1000},
    "largest": {"frames_per_s": 30, "epochs_per_s": 400},
}
ORIGINAL_EPOCHS_PER_S = {"default": 52, "largest": 19.6}
LATENCY_TARGET_MS = 100
WARMUP_S = 3.0
MEASURE_S = 5.0
LATENCY_TRIALS = 9


def kernel(notebook, expression):
    return json.loads(notebook.run(f"import json; print(json.dumps({expression}))"))


def write_notebook(folder: Path, name: str, config: dict) -> None:
    notebook = nbformat.v4.new_notebook()
    source = f"import nnwidgets as nw\npg = nw.Playground(seed=1, **{config!r})\npg"
    notebook.cells = [nbformat.v4.new_code_cell(source)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, folder / f"{name}.ipynb")


def sample(notebook) -> dict:
    return kernel(
        notebook,
        "{'frames': pg._pacer.acknowledged, 'epoch': pg.epoch,"
        " 't': __import__('time').monotonic()}",
    )


def measure_playing(notebook) -> dict:
    notebook.run("pg.play()")
    time.sleep(WARMUP_S)
    first = sample(notebook)
    time.sleep(MEASURE_S)
    last = sample(notebook)
    seconds = last["t"] - first["t"]
    sizes = kernel(
        notebook,
        "{name: len(getattr(pg, name)) for name in "
        "('_weights', '_maps', '_output_map', '_loss_curve')}",
    )
    notebook.run("pg.pause()")
    return {
        "frames_per_s": (last["frames"] - first["frames"]) / seconds,
        "epochs_per_s": (last["epoch"] - first["epoch"]) / seconds,
        "frame_bytes": sum(sizes.values()),
        "frame_bytes_by_part": sizes,
    }


def measure_slider(notebook, root_selector) -> list[float]:
    """Noise slider moved in the page → the first drawn frame of the network it resets."""
    notebook.run("pg.play()")
    time.sleep(1.0)
    slider = notebook.page.locator(root_selector).get_by_role("slider", name="Noise")
    times = []
    for trial in range(LATENCY_TRIALS):
        value = "5" if trial % 2 == 0 else "0"
        time.sleep(0.3)  # training well under way again
        start = notebook.page.evaluate("() => performance.now()")
        slider.fill(value)  # sets the value and fires input and change, as a drag ends
        # The first frame after the change: a new network, so its epoch starts again from 0.
        elapsed = notebook.page.evaluate(
            """async ([selector, start, limit]) => {
                const root = document.querySelector(selector);
                const before = Number(root.dataset.frame);
                const epochBefore = Number(root.dataset.epoch);
                while (true) {
                    await new Promise((r) => requestAnimationFrame(r));
                    const epoch = Number(root.dataset.epoch);
                    if (Number(root.dataset.frame) > before && epoch < epochBefore) {
                        return performance.now() - start;
                    }
                    if (performance.now() - start > limit) throw new Error("no reset frame");
                }
            }""",
            [root_selector, start, 5000],
        )
        times.append(elapsed)
    notebook.run("pg.pause()")
    return times


def measure_architecture(notebook, root_selector) -> list[float]:
    """An added or removed neuron (shapes seen before) → a drawn frame of it training."""
    root = notebook.page.locator(root_selector)
    add = root.get_by_role("button", name="Add a neuron to hidden layer 1")
    remove = root.get_by_role("button", name="Remove a neuron from hidden layer 1")
    notebook.run("pg.play()")
    # Both shapes once, so that each has compiled before the timed changes.
    for button in (add, remove):
        button.click()
        time.sleep(3)
    times = []
    for trial in range(LATENCY_TRIALS):
        button = add if trial % 2 == 0 else remove
        hidden = kernel(notebook, "pg.hidden")
        hidden[0] += 1 if button is add else -1
        shape = json.dumps(hidden, separators=(",", ":"))
        time.sleep(0.3)
        start = notebook.page.evaluate("() => performance.now()")
        button.click()
        elapsed = notebook.page.evaluate(
            """async ([selector, shape, start, limit]) => {
                const root = document.querySelector(selector);
                while (true) {
                    await new Promise((r) => requestAnimationFrame(r));
                    if (root.dataset.shape === shape && Number(root.dataset.epoch) > 0) {
                        return performance.now() - start;
                    }
                    if (performance.now() - start > limit) throw new Error("no frame of " + shape);
                }
            }""",
            [root_selector, shape, start, 10000],
        )
        times.append(elapsed)
    notebook.run("pg.pause()")
    return times


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        print("Chromium not found: install Debian's chromium package (make chromium)")
        return 1
    results, failures = {}, []
    with tempfile.TemporaryDirectory(prefix="nnwidgets-bench-") as tmp:
        notebooks = Path(tmp) / "source"
        notebooks.mkdir()
        for name, config in NETWORKS.items():
            write_notebook(notebooks, f"bench_{name}", config)
        with running_lab(Path(tmp), notebooks) as lab, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=CHROMIUM_ARGS
            )
            for name in NETWORKS:
                notebook = open_lab_notebook(browser, lab, f"bench_{name}.ipynb", timeout=120)
                root = ".nnw-pg"
                notebook.page.locator(root).first.wait_for()
                notebook.run("pg.step(1)")  # compiles before anything is timed
                result = measure_playing(notebook)
                result["slider_ms"] = measure_slider(notebook, root)
                result["architecture_ms"] = measure_architecture(notebook, root)
                result["console_errors"] = notebook.console_errors
                results[name] = result
                notebook.page.context.close()
            browser.close()
    print("Playground in JupyterLab, headless Chromium (device pixel ratio 2), while playing:")
    print(
        f"  {'network':9} {'frames/s':>9} {'epochs/s':>10} {'x orig.':>8} {'bytes/frame':>12}"
        f" {'slider ms':>10} {'arch. ms':>9}  met"
    )
    for name, r in results.items():
        target = TARGETS[name]
        slider = statistics.median(r["slider_ms"])
        architecture = statistics.median(r["architecture_ms"])
        met = (
            r["frames_per_s"] >= target["frames_per_s"]
            and r["epochs_per_s"] >= target["epochs_per_s"]
            and slider <= LATENCY_TARGET_MS
            and architecture <= LATENCY_TARGET_MS
        )
        r.update(
            slider_median_ms=slider,
            architecture_median_ms=architecture,
            targets=target,
            target_met=met,
        )
        if not met:
            failures.append(name)
        print(
            f"  {name:9} {r['frames_per_s']:9.1f} {r['epochs_per_s']:10,.0f}"
            f" {r['epochs_per_s'] / ORIGINAL_EPOCHS_PER_S[name]:7.0f}x {r['frame_bytes']:12,}"
            f" {slider:10.0f} {architecture:9.0f}  {'yes' if met else 'NO'}"
        )
    print(
        "  targets: >= 30 frames/s; >= 1,000 epochs/s (default), >= 400 (largest); slider and"
        " architecture changes drawn within 100 ms (median)"
    )
    print(json.dumps({"bench": "playground", "results": results, "failed": failures}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
