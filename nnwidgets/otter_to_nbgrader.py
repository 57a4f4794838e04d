"""An Otter Assign master notebook turned into an nbgrader source notebook: one sheet, two graders.

Otter marks a question with raw boundary cells (``# BEGIN QUESTION`` … ``# END QUESTION``, with
``# BEGIN SOLUTION`` and ``# BEGIN TESTS`` blocks inside); nbgrader marks cells in their
metadata. Here the boundary cells are dropped, the question's setup cells become read-only
cells, its solution cells become nbgrader solution cells (``### BEGIN SOLUTION`` around the lines
Otter would strip) and its test cells become autograded test cells worth the question's points.

    python -m nnwidgets.otter_to_nbgrader notebooks/06_exercise_sheet_hidden_layers.ipynb \\
        course/source/hidden_layers/hidden_layers.ipynb

Only what the sheets here use is translated; anything else Otter knows (manual questions,
prompt blocks, test configs, ``# SOLUTION`` with a prompt) is refused with the reason rather than
handed to students half-stripped.
"""

import argparse
import re
from pathlib import Path

_BOUNDARY = re.compile(r"#\s*(BEGIN|END)\s+(QUESTION|SOLUTION|TESTS|PROMPT)\b")
_NO_PROMPT = re.compile(r"\s*#\s*SOLUTION NO PROMPT\s*$")
_UNSUPPORTED = ("# SOLUTION", "BEGIN TEST CONFIG", "BEGIN PROMPT")


class UnsupportedMaster(ValueError):
    """The master uses an Otter feature this translation does not carry over; it says which."""


def _nbgrader(grade_id, *, grade=False, solution=False, locked=False, points=None) -> dict:
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if grade:
        meta["points"] = points
    return meta


def _solution_source(source: str, where: str) -> str:
    """Lines ending in ``# SOLUTION NO PROMPT`` wrapped in nbgrader's solution markers."""
    out, inside = [], False
    for line in source.splitlines():
        solution = _NO_PROMPT.search(line)
        if not solution and any(mark in line for mark in _UNSUPPORTED):
            raise UnsupportedMaster(f"{where}: only '# SOLUTION NO PROMPT' lines are translated")
        if solution and not inside:
            out.append("### BEGIN SOLUTION")
        if not solution and inside:
            out.append("### END SOLUTION")
        inside = bool(solution)
        out.append(_NO_PROMPT.sub("", line) if solution else line)
    if inside:
        out.append("### END SOLUTION")
    return "\n".join(out)


def _boundary(cell):
    """("BEGIN", "QUESTION", config) for a raw boundary cell, else None."""
    if cell.cell_type != "raw":
        return None
    match = _BOUNDARY.match(cell.source.lstrip())
    if match is None:
        return None
    import yaml  # comes with Jupyter (jupyter_events), so with both graders

    return match.group(1), match.group(2), yaml.safe_load(cell.source) or {}


def convert(master):
    """The nbgrader source notebook of an Otter Assign master.

    Args:
        master: The master as an ``nbformat`` notebook (version 4).

    Returns:
        A new notebook: no Otter boundary or config cells; setup cells of each question
        read-only, its solutions and tests marked for nbgrader, the tests sharing the
        question's ``points`` (1 if none).

    Raises:
        UnsupportedMaster: The master uses an Otter feature that is not translated.
    """
    import nbformat

    cells, question, block, tests = [], None, None, []
    for cell in master.cells:
        if cell.cell_type == "raw" and cell.source.lstrip().startswith("# ASSIGNMENT CONFIG"):
            continue
        boundary = _boundary(cell)
        if boundary is not None:
            edge, kind, config = boundary
            if kind == "PROMPT" or config.get("manual"):
                raise UnsupportedMaster(f"{kind.lower()} blocks and manual questions are not kept")
            if kind == "QUESTION":
                question = config if edge == "BEGIN" else None
                tests = []
            elif edge == "BEGIN":
                block = kind
            else:
                block = None
                if kind == "TESTS":
                    for test in tests:  # the question's points, shared by its tests
                        test.metadata.nbgrader["points"] = question.get("points", 1) / len(tests)
            continue
        new = nbformat.from_dict(dict(cell))
        if question is not None and cell.cell_type == "code":
            name = question["name"]
            if block == "SOLUTION":
                new.source = _solution_source(cell.source, f"{name} solution")
                new.metadata["nbgrader"] = _nbgrader(f"{name}-answer-{len(cells)}", solution=True)
            elif block == "TESTS":
                if cell.source.lstrip().startswith("# HIDDEN") or "TEST CONFIG" in cell.source:
                    raise UnsupportedMaster(f"{name}: hidden tests and test configs are not kept")
                new.metadata["nbgrader"] = _nbgrader(
                    f"{name}-test-{len(tests)}", grade=True, locked=True
                )
                tests.append(new)
            else:
                new.metadata["nbgrader"] = _nbgrader(f"{name}-setup-{len(cells)}", locked=True)
        cells.append(new)
    return nbformat.v4.new_notebook(cells=cells, metadata=master.metadata)


def main(argv=None) -> None:
    """``python -m nnwidgets.otter_to_nbgrader MASTER OUT``: writes the nbgrader source."""
    import nbformat

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("master", type=Path, help="the Otter Assign master notebook")
    parser.add_argument("out", type=Path, help="the nbgrader source notebook to write")
    args = parser.parse_args(argv)
    notebook = convert(nbformat.read(args.master, as_version=4))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, args.out)


if __name__ == "__main__":
    main()
