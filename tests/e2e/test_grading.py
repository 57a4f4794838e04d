"""The exercise sheet graded end to end: Otter Assign makes the student's notebook, a student
solves question 2 by clicking in JupyterLab and saves, and Otter and nbgrader grade what was
handed in from the student's saved work alone."""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lab import ARTIFACTS, kernel, open_lab_notebook, wait_until

REPO = Path(__file__).resolve().parents[2]
SHEET = "06_exercise_sheet_hidden_layers.ipynb"
MASTER = REPO / "notebooks" / SHEET
MIME = "application/vnd.nnwidgets.submission+json"
QUESTIONS = ("q1", "q2", "q3")


def cli(*args: str, cwd: Path, timeout: float = 180) -> float:
    """Runs a grader's command; returns its wall time in seconds. A failure shows its output."""
    start = time.monotonic()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    seconds = time.monotonic() - start
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout[-3000:]}{done.stderr}"
    return seconds


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """`otter assign` of the master: dist/student and dist/autograder."""
    out = tmp_path_factory.mktemp("otter") / "dist"
    cli(sys.executable, "-m", "otter", "assign", str(MASTER), str(out), cwd=out.parent)
    return out


def otter_run(dist: Path, notebook: Path, work: Path) -> tuple[dict, float]:
    """`otter run` of one submission: ({question: score}, wall time of the run)."""
    (zip_file,) = (dist / "autograder").glob("*.zip")
    work.mkdir()
    shutil.copy(notebook, work / SHEET)  # alone in its folder, as a student's upload
    seconds = cli(
        sys.executable, "-m", "otter", "run", "-a", str(zip_file), "-o", ".", SHEET, cwd=work
    )
    results = json.loads((work / "results.json").read_text())
    scores = {test["name"]: test["score"] for test in results["tests"] if "score" in test}
    return scores, seconds


@pytest.fixture(scope="module")
def solved(dist, jupyter_lab, browser):
    """The student's notebook, opened in JupyterLab, question 2 solved by clicking, saved:
    the folder it was worked in (the saved notebook and the q*.nnwidgets.json beside it)."""
    folder = jupyter_lab.root_dir / "grading"
    folder.mkdir()
    shutil.copy(dist / "student" / SHEET, folder / SHEET)
    contexts = []
    try:
        lab = open_lab_notebook(browser, jupyter_lab, f"grading/{SHEET}", 120, contexts)
        q2 = lab.page.locator(".nnw-pg").nth(1)
        challenge = lab.page.locator(".nnw-challenge").nth(1)
        status = challenge.locator(".nnw-v-challenge-status")
        q2.scroll_into_view_if_needed()
        for _ in range(3):  # one hidden neuron → four
            q2.get_by_role("button", name="Add a neuron to hidden layer 1").click()
        wait_until(lambda: kernel(lab, "q2.hidden") == [4], "four hidden neurons in the kernel")
        q2.get_by_role("button", name="Play").click()
        status.get_by_text("passed:").wait_for(timeout=90_000)
        # A screen reader hears it too, at once.
        challenge.locator(".nnw-v-challenge-announcer").get_by_text("Goal reached: ").wait_for()
        q2.get_by_role("button", name="Pause").click()
        wait_until(lambda: not kernel(lab, "q2.playing"), "training to pause")
        lab.page.set_viewport_size({"width": 1200, "height": 1500})  # the whole cell in view
        cell = q2.locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')]")
        cell.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(exist_ok=True)
        cell.screenshot(path=ARTIFACTS / "grading-solved.png")
        lab.page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
        wait_until(lambda: saved_q2(folder / SHEET), "the saved notebook to hold q2's work")
        yield folder
    finally:
        for context in contexts:
            context.close()
        jupyter_lab.shutdown_kernels()


def saved_q2(notebook: Path) -> bool:
    """Whether the notebook on disk records q2 with four hidden neurons, trained."""
    cells = json.loads(notebook.read_text())["cells"]
    records = [
        output["data"][MIME]
        for cell in cells
        for output in cell.get("outputs", [])
        if MIME in output.get("data", {})
    ]
    return any(
        r["question"] == "q2"
        and r["playground"]["config"]["hidden"] == [4]
        and r["playground"].get("epoch", 0) > 0
        for r in records
    )


def test_otter_gives_the_question_solved_by_clicking_full_marks(dist, solved, tmp_path):
    scores, seconds = otter_run(dist, solved / SHEET, tmp_path / "solved")
    print(f"otter run, one submission: {seconds:.1f} s")
    assert scores == {"q1": 0.0, "q2": 1.0, "q3": 0.0}


def test_otter_scores_the_untouched_sheet_zero_and_the_solutions_full(dist, tmp_path):
    untouched, _ = otter_run(dist, dist / "student" / SHEET, tmp_path / "untouched")
    assert untouched == dict.fromkeys(QUESTIONS, 0.0)
    solutions, _ = otter_run(dist, dist / "autograder" / SHEET, tmp_path / "solutions")
    assert solutions == dict.fromkeys(QUESTIONS, 1.0)


def test_the_student_sheet_holds_no_solutions(dist):
    cells = json.loads((dist / "student" / SHEET).read_text())["cells"]
    student = "\n".join("".join(cell["source"]) for cell in cells)
    assert "step(" not in student and "SOLUTION" not in student
    assert 'question="q2"' in student  # the Playgrounds and their Challenges stay


def test_nbgrader_gives_the_record_beside_the_notebook_full_marks(solved, tmp_path):
    from nbgrader.api import Gradebook

    course = tmp_path / "course"
    source = course / "source" / "hidden_layers" / "hidden_layers.ipynb"
    cli(sys.executable, "-m", "nnwidgets.otter_to_nbgrader", str(MASTER), str(source), cwd=REPO)
    # No stub in the answer cells: the answer is the Playground, not code.
    (course / "nbgrader_config.py").write_text(
        'c = get_config()\nc.ClearSolutions.code_stub = {"python": ""}\n'
    )
    cli("nbgrader", "generate_assignment", "hidden_layers", cwd=course)
    handed_in = course / "submitted" / "alice" / "hidden_layers"
    handed_in.mkdir(parents=True)
    shutil.copy(course / "release" / "hidden_layers" / "hidden_layers.ipynb", handed_in)
    shutil.copy(solved / "q2.nnwidgets.json", handed_in)  # the student's work, beside it
    cli("nbgrader", "autograde", "hidden_layers", "--create", cwd=course)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        (notebook,) = gradebook.find_submission("hidden_layers", "alice").notebooks
        scores = {grade.name: grade.score for grade in notebook.grades}
    assert scores == {"q1-test-0": 0.0, "q2-test-0": 1.0, "q3-test-0": 0.0}
