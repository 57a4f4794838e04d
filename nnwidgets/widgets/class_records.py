"""A class's submissions for one question, found under a folder: each student's newest record,
and a reason for every file or student without a usable one.

Students are told apart by where their files lie below the folder: a file in a subfolder belongs
to that subfolder's student (nbgrader's ``submitted/<student>/<assignment>/<sheet>.ipynb``, or a
folder per student), a file directly in the folder is its own student, named after the file
(``alice.ipynb``, ``alice.nnwidgets.json``). Records are read by ``submission``'s rules: JSON only,
checked, records of other questions passed over.
"""

import json
from pathlib import Path
from typing import NamedTuple

from . import submission

_SKIPPED = (".ipynb_checkpoints",)  # JupyterLab's autosaves are not submissions


class Student(NamedTuple):
    """One student's files that may hold a record.

    Attributes:
        name: The subfolder's name, or the file's without its suffix.
        files: Their notebooks and record files, in path order.
    """

    name: str
    files: tuple[Path, ...]


def find_students(directory) -> list[Student]:
    """Every student under ``directory`` (recursively), by name.

    A subfolder with no notebook or record file still names a student (one with nothing
    submitted).

    Raises:
        FileNotFoundError: ``directory`` is not a folder.
    """
    root = Path(directory)
    if not root.is_dir():
        raise FileNotFoundError(f"no folder {str(root)!r} to read submissions from")
    files: dict[str, list[Path]] = {}
    for child in root.iterdir():
        if child.is_dir() and not child.name.startswith(".") and child.name not in _SKIPPED:
            files.setdefault(child.name, [])
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or any(part in _SKIPPED for part in relative.parts):
            continue
        if path.name.endswith(".ipynb"):
            stem = path.name.removesuffix(".ipynb")
        elif path.name.endswith(submission.SUFFIX):
            stem = path.name.removesuffix(submission.SUFFIX)
        else:
            continue
        name = relative.parts[0] if len(relative.parts) > 1 else stem
        files.setdefault(name, []).append(path)
    return [Student(name, tuple(paths)) for name, paths in sorted(files.items())]


def newest_record(student: Student, question: str) -> tuple[dict | None, list[str]]:
    """The newest usable record of ``question`` among ``student``'s files.

    Returns:
        ``(record, problems)``: the record or None, and a sentence for each file refused (or,
        with no file refused and no record, one saying there is none).
    """
    found, problems = [], []
    for path in student.files:
        try:
            if path.name.endswith(".ipynb"):
                found.extend(submission.notebook_records(path, question))
            else:
                found.extend(_record_file(path, question))
        except submission.SubmissionError as error:
            problems.append(str(error))
    if not found:
        return None, problems or [f"no record of {question}"]
    return max(found, key=lambda record: record["saved_at"]), problems


def _record_file(path: Path, question: str) -> list[dict]:
    try:
        if path.stat().st_size > submission.MAX_BYTES:
            raise submission.SubmissionError(f"{path}: larger than {submission.MAX_BYTES:,} bytes")
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise submission.SubmissionError(f"{path}: not a readable record ({error})") from None
    ours = isinstance(record, dict) and record.get("format") == submission.FORMAT
    if ours and record.get("question") != question:
        return []  # another question's answer: not this one's business
    return [submission.checked_record(record, question, str(path))]
