"""The TransformView in a real JupyterLab in headless Chromium: frames drawn per second while it
animates a 41×41 grid and 500 data points through a 2-3-2 network (device pixel ratio 2).

Run: `python tests/bench/bench_transform.py`. The page plays the stages (Play button); the view
counts the frames it draws inside requestAnimationFrame while a transition runs, and the time
those transitions take (data-anim-frames, data-anim-ms). Target: ≥ 50 frames/s. Prints a table,
whether the target is met, and last one JSON line.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from lab import lab_and_browser, open_lab_notebook  # noqa: E402

TARGET_FPS = 50
MEASURE_S = 6.0
SOURCE = """\
import numpy as np
import nnwidgets as nw
from nnwidgets import Sequential, layers
nw.set_random_seed(3)
X = np.random.default_rng(0).uniform(-1, 1, (500, 2))
y = (np.hypot(X[:, 0], X[:, 1]) < 0.6).astype(int)
net = Sequential([layers.Input((2,)), layers.Dense(3, activation="relu"),
                  layers.Dense(2, activation="sigmoid")])
tv = nw.TransformView(net, X, y, grid=41)
tv"""

# In the page: press Play again whenever the animation ends, for `seconds`; return the view's
# counters and the page's own rAF count over the same time.
MEASURE = """async ([seconds]) => {
    const root = document.querySelector(".nnw-v-transform");
    const button = root.querySelector("button.nnw-v-play");
    const read = () => ({ frames: Number(root.dataset.animFrames || 0),
                          ms: Number(root.dataset.animMs || 0) });
    let pageFrames = 0;
    let running = true;
    const count = () => { pageFrames++; if (running) requestAnimationFrame(count); };
    requestAnimationFrame(count);
    const first = read();
    const start = performance.now();
    let longest = 0, last = start;
    while (performance.now() - start < seconds * 1000) {
        if (button.textContent === "Play") button.click();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
    }
    running = false;
    const end = read();
    return { frames: end.frames - first.frames, animating_ms: end.ms - first.ms,
             wall_ms: performance.now() - start, page_frames: pageFrames,
             longest_frame_ms: longest, dpr: devicePixelRatio,
             canvas: [root.querySelector("canvas").width, root.querySelector("canvas").height] };
}"""


def main() -> int:
    with lab_and_browser({"bench_transform.ipynb": [SOURCE]}) as (lab, browser):
        page_notebook = open_lab_notebook(browser, lab, "bench_transform.ipynb", timeout=120)
        page = page_notebook.page
        page.locator(".nnw-v-transform canvas").wait_for()
        time.sleep(1.0)
        page.evaluate(MEASURE, [1.5])  # warm-up: one pass through the stages
        result = page.evaluate(MEASURE, [MEASURE_S])
        result["console_errors"] = page_notebook.console_errors
        page.context.close()
    fps = result["frames"] / (result["animating_ms"] / 1000) if result["animating_ms"] else 0.0
    display = result["page_frames"] / (result["wall_ms"] / 1000)
    met = fps >= TARGET_FPS and not result["console_errors"]
    result.update(frames_per_s=fps, display_frames_per_s=display, target=TARGET_FPS, met=met)
    print("TransformView in JupyterLab, headless Chromium, 41×41 grid + 500 points, 2-3-2 network:")
    print(
        f"  device pixel ratio {result['dpr']}, canvas {result['canvas'][0]}×{result['canvas'][1]}"
    )
    print(
        f"  drawn while animating: {result['frames']} frames in {result['animating_ms'] / 1000:.2f}"
        f" s = {fps:.1f} frames/s (display rate {display:.1f}/s, longest frame"
        f" {result['longest_frame_ms']:.1f} ms)"
    )
    print(f"  target >= {TARGET_FPS} frames/s: {'met' if met else 'NOT met'}")
    print(json.dumps({"bench": "transform", "results": result, "failed": [] if met else ["fps"]}))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
