"""Every notebook we ship runs clean top to bottom in a real JupyterLab: no cell raises, and the
browser logs no errors while its widgets render."""

from pathlib import Path

import pytest

NOTEBOOKS = sorted(p.name for p in (Path(__file__).parents[2] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_clean(open_notebook, name):
    notebook = open_notebook(name, timeout=120)  # raises KernelError if any cell failed
    notebook.page.wait_for_timeout(500)  # let widgets draw their first frame
    notebook.screenshot(Path(name).stem)
    assert notebook.console_errors == []


def test_there_are_notebooks_to_run():
    assert "07_engine.ipynb" in NOTEBOOKS
