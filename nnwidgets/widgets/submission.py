"""A student's work on a course-sheet question, kept where a grader finds it again.

A ``Challenge`` with a ``question`` name records its Playground (configuration, data seed,
weights and history, as ``Playground.to_dict`` gives them) in two places: a display output of
the notebook itself (mime type ``MIME``), so the saved ``.ipynb`` carries it, and a small JSON
file beside the notebook, ``<question>.nnwidgets.json``. When the notebook runs again (a grader
re-executing it, or the student after a restart), ``find`` returns the newest record for the
question, and the Challenge rebuilds the Playground from it. Nothing a record says about losses
or accuracies is used: ``check`` recomputes every figure from the restored weights and the data
regenerated from the seed.

Records are read as JSON only, never unpickled; a malformed, foreign or tampered one is refused
with the reason (``SubmissionError``), never a crash.
"""

import datetime
import json
import os
from pathlib import Path

MIME = "application/vnd.nnwidgets.submission+json"
FORMAT = "nnwidgets.Submission"
VERSION = 1
SUFFIX = ".nnwidgets.json"
MAX_BYTES = 20_000_000  # a notebook larger than this is not scanned: no record is that large


class SubmissionError(ValueError):
    """A record that cannot be used: its message says why."""


def make_record(question: str, playground_dict: dict) -> dict:
    """A record of one question's Playground, stamped with the time it was made.

    Args:
        question: The question's name, e.g. "q1".
        playground_dict: The Playground as ``Playground.to_dict()`` gives it (with its
            ``history`` if any).

    Returns:
        A JSON-safe dict: format, version, question, saved_at (UTC, ISO 8601) and playground.
    """
    return {
        "format": FORMAT,
        "version": VERSION,
        "question": question,
        "saved_at": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "playground": playground_dict,
    }


def checked_record(record, question: str, source: str) -> dict:
    """``record``, checked to be a whole record of ``question``.

    Raises:
        SubmissionError: It is not a dict of this format and version, names another question,
            or lacks its Playground; the message names ``source``.
    """
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise SubmissionError(f"{source}: not an nnwidgets submission record")
    if record.get("version") != VERSION:
        raise SubmissionError(
            f"{source}: record version {record.get('version')!r}; this reads {VERSION}"
        )
    if record.get("question") != question:
        raise SubmissionError(
            f"{source}: the record is of question {record.get('question')!r}, not {question!r}"
        )
    playground = record.get("playground")
    if not isinstance(playground, dict) or not isinstance(playground.get("config"), dict):
        raise SubmissionError(f"{source}: the record holds no Playground configuration")
    if not isinstance(record.get("saved_at"), str):
        raise SubmissionError(f"{source}: the record has no time it was saved")
    return record


def write_beside(record: dict, directory=".") -> Path:
    """Write ``record`` to ``<question>.nnwidgets.json`` in ``directory``; returns the path.

    The file is replaced whole (written aside, then renamed), so a crash mid-write leaves the
    previous record.
    """
    path = Path(directory) / f"{record['question']}{SUFFIX}"
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(record), encoding="utf-8")
    os.replace(partial, path)
    return path


def notebook_records(path: Path, question: str) -> list[dict]:
    """Every record of ``question`` in the outputs of the notebook at ``path``.

    Raises:
        SubmissionError: The notebook cannot be read as JSON, or a record in it is malformed.
    """
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SubmissionError(f"{path}: larger than {MAX_BYTES:,} bytes; not scanned")
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SubmissionError(f"{path}: not a readable notebook ({error})") from None
    records = []
    for cell in notebook.get("cells", []) if isinstance(notebook, dict) else []:
        for output in cell.get("outputs", []) if isinstance(cell, dict) else []:
            data = output.get("data", {}) if isinstance(output, dict) else {}
            record = data.get(MIME) if isinstance(data, dict) else None
            if isinstance(record, dict) and record.get("question") == question:
                records.append(checked_record(record, question, str(path)))
    return records


def find(question: str, directory=".") -> tuple[dict | None, list[str]]:
    """The newest record of ``question`` beside or inside the notebooks in ``directory``.

    Looks at ``<question>.nnwidgets.json`` and at every ``.ipynb`` in ``directory`` (the
    notebook a grader runs sits there, under whatever name it was given).

    Args:
        question: The question's name.
        directory: Where the notebook runs (a kernel's working directory is its notebook's).

    Returns:
        ``(record, problems)``: the newest usable record or None, and a sentence for each
        record or file that was refused.
    """
    directory = Path(directory)
    found, problems = [], []
    beside = directory / f"{question}{SUFFIX}"
    if beside.is_file():
        try:
            record = json.loads(beside.read_text(encoding="utf-8"))
            found.append(checked_record(record, question, str(beside)))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(f"{beside}: not a readable record ({error})")
        except SubmissionError as error:
            problems.append(str(error))
    for notebook in sorted(directory.glob("*.ipynb")):
        try:
            found.extend(notebook_records(notebook, question))
        except SubmissionError as error:
            problems.append(str(error))
    if not found:
        return None, problems
    return max(found, key=lambda record: record["saved_at"]), problems


def output_bundle(record: dict) -> dict:
    """The display output that carries ``record`` in the notebook: the record under ``MIME``
    and a line of text for whoever reads the notebook."""
    config = record["playground"]["config"]
    epoch = record["playground"].get("epoch", 0)
    text = (
        f"nnwidgets: your work on {record['question']} is kept for grading "
        f"({config.get('dataset')}, hidden {list(config.get('hidden', []))}, epoch {epoch:,})"
    )
    return {MIME: record, "text/plain": text}
