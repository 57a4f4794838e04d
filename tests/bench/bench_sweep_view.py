"""The Sweep view in a real JupyterLab in headless Chromium: frames drawn per second while 64
configurations train (8 learning rates × 8 seeds on XOR, device pixel ratio 2).

Run: `python tests/bench/bench_sweep_view.py`. Frames drawn are those the browser acknowledged
after drawing them. Target: ≥ 20 frames/s while training. How much faster the 64 train in one
kernel than one after another is the engine benchmark's sweep figure (bench_engine.py).
Prints the figures, whether the target is met, and last one JSON line.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from lab import kernel, lab_and_browser, open_lab_notebook  # noqa: E402

TARGET_FPS = 20
WARMUP_S = 3.0
MEASURE_S = 5.0
SOURCE = """\
import nnwidgets as nw
sweep = nw.Sweep(nw.Playground(dataset="xor", seed=1),
                 learning_rate=[0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1],
                 seed=list(range(1, 9)))
sweep"""


def sample(notebook) -> dict:
    return kernel(
        notebook,
        "{'frames': sweep._pacer.acknowledged, 'epoch': sweep.epoch,"
        " 't': __import__('time').monotonic()}",
    )


def main() -> int:
    with lab_and_browser({"bench_sweep.ipynb": [SOURCE]}) as (lab, browser):
        page_notebook = open_lab_notebook(browser, lab, "bench_sweep.ipynb", timeout=120)
        page_notebook.run("sweep.step(1)\nsweep.play()")  # compiles, then plays
        time.sleep(WARMUP_S)
        first = sample(page_notebook)
        time.sleep(MEASURE_S)
        last = sample(page_notebook)
        page_notebook.run("sweep.pause()")
        errors = page_notebook.console_errors
        page_notebook.page.context.close()
    seconds = last["t"] - first["t"]
    fps = (last["frames"] - first["frames"]) / seconds
    epochs = (last["epoch"] - first["epoch"]) / seconds
    met = fps >= TARGET_FPS and not errors
    print("Sweep view in JupyterLab, headless Chromium (DPR 2), 64 configurations training:")
    print(f"  {fps:.1f} frames drawn/s (target >= {TARGET_FPS}: {'met' if met else 'NOT met'});")
    print(f"  {epochs:,.0f} epochs/s of all 64 at once ({64 * epochs:,.0f} configuration-epochs/s)")
    results = {"frames_per_s": fps, "epochs_per_s": epochs, "console_errors": errors, "met": met}
    print(json.dumps({"bench": "sweep_view", "results": results, "failed": [] if met else ["fps"]}))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
