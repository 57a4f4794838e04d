"""The Playground says why it is not learning: the sentence above the output, its "why?" detail,
and the dead neurons marked on the diagram."""

from lab import write_notebook

CELLS = [
    "import nnwidgets as nw\n"
    "pg = nw.Playground(dataset='xor', learning_rate=10, activation='relu', seed=2)\n"
    "pg.step(200)\n"
    "pg"
]


def test_a_stuck_run_is_explained_and_its_dead_units_marked(jupyter_lab, open_notebook):
    name = write_notebook(jupyter_lab.root_dir, "e2e_diagnosis.ipynb", CELLS)
    lab = open_notebook(name, timeout=90)
    root = lab.page.locator(".nnw-pg").first
    root.wait_for()
    status = root.locator(".nnw-pg-status")
    status.wait_for()
    assert "The learning rate 10 is too large" in status.inner_text()
    assert "nnw-pg-warning" in status.get_attribute("class")
    why = status.locator(".nnw-pg-why")
    why.locator("summary").click()
    assert "output 0 for all 250 training points" in why.inner_text()
    marked = root.locator(".nnw-pg-node[data-mark='dead']")
    neurons = marked.evaluate_all("nodes => nodes.map(n => n.dataset.neuron)")
    assert sorted(neurons) == ["2:0", "2:1"]
    root.scroll_into_view_if_needed()
    lab.screenshot("playground-diagnosis")
    lab.run("pg.learning_rate = 0.03\npg.reset()")
    status.wait_for(state="hidden")
    assert marked.count() == 0
    assert lab.console_errors == []
