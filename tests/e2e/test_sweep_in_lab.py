"""The Sweep in a real JupyterLab: the grid renders, Play trains every cell while the page keeps
drawing at 20+ frames a second, a cell's Open button makes its Playground, no console errors."""

import pytest
from accessibility import assert_accessible
from lab import ARTIFACTS, kernel, wait_until, write_notebook

CELLS = [
    "import nnwidgets as nw",
    "sweep = nw.Sweep(nw.Playground(dataset='xor', noise=5, seed=1),\n"
    "                 learning_rate=[0.001, 0.01, 0.03, 0.3, 3.0, 10.0], seed=[1, 2])\n"
    "sweep",
    "reg = nw.Sweep({'dataset': 'plane', 'seed': 1}, learning_rate=[0.003, 0.03, 3, 30])\n"
    "reg.step(50)\n"
    "reg",
    "three = nw.Sweep(nw.Playground(dataset='gauss', classes=3, seed=2),\n"
    "                 learning_rate=[0.03, 0.3])\n"
    "three.step(60)\n"
    "three",
]


@pytest.fixture(scope="module")
def sweep_notebook(jupyter_lab):
    name = write_notebook(jupyter_lab.root_dir, "e2e_sweep.ipynb", CELLS)
    return name


@pytest.fixture
def lab(sweep_notebook, open_notebook):
    lab = open_notebook(sweep_notebook, timeout=120)
    lab.page.locator(".nnw-v-sweep[data-frame]").first.wait_for()
    return lab


def test_sweep_trains_live_and_opens_a_cell(lab):
    page = lab.page
    view = page.locator(".nnw-v-sweep").first
    view.scroll_into_view_if_needed()
    cells = view.locator(".nnw-v-sweep-cell")
    assert cells.count() == 12
    assert view.locator(".nnw-v-sweep-head").all_text_contents() == [
        "lr 0.001",
        "lr 0.01",
        "lr 0.03",
        "lr 0.3",
        "lr 3",
        "lr 10",
    ]
    assert view.locator(".nnw-v-sweep-rowhead").all_text_contents() == ["seed 1", "seed 2"]
    first_map = view.locator('[data-index="4"]').locator("canvas.nnw-v-sweep-map")
    before = first_map.evaluate("(c) => c.toDataURL()")

    view.get_by_role("button", name="Play").click()
    wait_until(lambda: kernel(lab, "sweep.epoch") > 20, "the sweep to train")
    # Frames per second of the page while the sweep trains: every animation frame counted.
    fps, drawn = page.evaluate(
        """async () => {
            const view = document.querySelector(".nnw-v-sweep");
            const first = Number(view.dataset.frame);
            let frames = 0;
            const start = performance.now();
            await new Promise((resolve) => {
                const tick = () => {
                    frames += 1;
                    if (performance.now() - start < 3000) requestAnimationFrame(tick);
                    else resolve();
                };
                requestAnimationFrame(tick);
            });
            const seconds = (performance.now() - start) / 1000;
            return [frames / seconds, (Number(view.dataset.frame) - first) / seconds];
        }"""
    )
    print(f"page: {fps:.1f} frames/s, sweep frames drawn: {drawn:.1f}/s")
    assert fps >= 20, f"the page drew only {fps:.1f} frames a second while the sweep trained"
    assert drawn >= 5, f"the sweep's cells were redrawn only {drawn:.1f} times a second"
    wait_until(lambda: kernel(lab, "sweep.epoch") > 150, "150 epochs")
    view.get_by_role("button", name="Pause").click()
    wait_until(lambda: not kernel(lab, "sweep.playing"), "the sweep to pause")
    assert first_map.evaluate("(c) => c.toDataURL()") != before
    best = kernel(lab, "sweep.best")
    best_cell = view.locator(f'[data-index="{best}"]')
    wait_until(
        lambda: "nnw-v-best" in best_cell.get_attribute("class"), "the best cell to be outlined"
    )
    assert view.locator(".nnw-v-best").count() == 1
    losses = best_cell.locator(".nnw-v-sweep-loss").inner_text()
    assert losses.startswith("test ") and float(losses[5:]) == pytest.approx(
        kernel(lab, f"sweep.test_loss[{best}]"), abs=1e-3, rel=0.06
    )
    view.screenshot(path=ARTIFACTS / "sweep.png")
    # For screen readers: each map says its loss, and the live region spoke while training.
    best_map = best_cell.locator("canvas.nnw-v-sweep-map")
    wait_until(
        lambda: best_map.get_attribute("aria-label").endswith(", the best"), "the best map's label"
    )
    assert view.locator(".nnw-v-sweep-announcer").text_content().startswith("Epoch ")
    assert_accessible(page, ".nnw-v-sweep")

    best_cell.get_by_role("button", name="Open").click()
    wait_until(lambda: kernel(lab, "sweep.opened is not None"), "the opened Playground")
    assert kernel(lab, "sweep.opened.learning_rate") == kernel(
        lab, f"sweep.configs[{best}]['learning_rate']"
    )
    assert kernel(lab, "sweep.opened.epoch") == kernel(lab, "sweep.epoch")
    assert lab.console_errors == []


def test_diverged_cells_are_greyed(lab):
    view = lab.page.locator(".nnw-v-sweep").nth(1)
    view.scroll_into_view_if_needed()
    assert kernel(lab, "reg.diverged") == [False, False, True, True]
    wait_until(lambda: view.locator(".nnw-v-diverged").count() == 2, "two greyed cells")
    assert view.locator(".nnw-v-diverged .nnw-v-sweep-loss").all_text_contents() == [
        "diverged",
        "diverged",
    ]
    assert view.locator('[data-index="1"]').get_attribute("class").endswith("nnw-v-best")
    view.screenshot(path=ARTIFACTS / "sweep-diverged.png")
    assert lab.console_errors == []


# Of a cell's map pixels, how many lean to each class' hue: orange (red over blue), blue (blue over
# red) and green (green over both), the first three classes' colours.
HUES = """(canvas) => {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    const counts = { orange: 0, blue: 0, green: 0 };
    for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (g > r + 20 && g > b + 20) counts.green += 1;
        else if (r > b + 40) counts.orange += 1;
        else if (b > r + 40) counts.blue += 1;
    }
    return counts;
}"""


def test_a_sweep_of_three_classes_colours_each_cell_by_the_likeliest_class(lab):
    view = lab.page.locator(".nnw-v-sweep").nth(2)
    view.scroll_into_view_if_needed()
    assert view.locator(".nnw-v-sweep-cell").count() == 2
    canvas = view.locator('[data-index="1"]').locator("canvas.nnw-v-sweep-map")
    wait_until(lambda: min(canvas.evaluate(HUES).values()) > 100, "three classes' regions drawn")
    view.screenshot(path=ARTIFACTS / "sweep-classes.png")
    assert lab.console_errors == []
