"""Worked solutions read from the solution notebooks: each solution is written once.

A problem of a lab notebook states its solution in one place only: the tagged
exercise cell of ``notebooks/solutions/<notebook>.ipynb``, the cell that CI
executes in strict mode (so the solution is known to pass its own check).
``q1.solution()`` shows that cell's code, without the ``q1.check(...)`` line and
the generator's markers. The lab ships with its notebooks (trainees pull the
whole repository), and trainers see the solution notebooks anyway.

Only problems built without ``solution=`` read the notebook; an explicit
``solution=`` string (used by :mod:`labkit.exercises.example` and test
fixtures) still wins.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

NOTEBOOKS_ENV = "LABKIT_NOTEBOOKS_DIR"
"""Environment variable naming the ``notebooks`` folder (holding ``solutions/``)."""

_MARKER = re.compile(
    r"^\s*#+\s*(BEGIN SOLUTION|END SOLUTION|MULAI JAWABAN|AKHIR JAWABAN)\s*$", re.IGNORECASE
)
_ANSWER_TAG = re.compile(r"\s+#\s*(jawaban|answer)\s*$", re.IGNORECASE)


def notebooks_dir() -> Path | None:
    """The lab's ``notebooks`` folder (with ``solutions/``), or None if not found.

    Looked up in order: ``$LABKIT_NOTEBOOKS_DIR``; the repository holding this
    package; the current folder and its parent (Jupyter starts a kernel in the
    notebook's folder).
    """
    candidates = []
    env = os.environ.get(NOTEBOOKS_ENV)
    if env:
        candidates.append(Path(env))
    package_root = Path(__file__).resolve().parents[2]
    candidates.append(package_root / "notebooks")
    cwd = Path.cwd()
    candidates += [cwd, cwd / "notebooks", cwd.parent]
    for folder in candidates:
        if (folder / "solutions").is_dir():
            return folder
    return None


def _check_call(label: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(label)}\.check\(")


@functools.lru_cache(maxsize=64)
def _cells(path: str, mtime: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    with open(path, encoding="utf-8") as handle:
        nb = json.load(handle)
    out = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        out.append((text, tuple(cell.get("metadata", {}).get("tags", []))))
    return tuple(out)


def solution_cells(notebook: str, label: str, root: Path | None = None) -> list[tuple[str, tuple]]:
    """The code cells of ``notebook``'s solution notebook that check ``label`` (with their tags)."""
    folder = root or notebooks_dir()
    if folder is None:
        return []
    path = folder / "solutions" / f"{notebook}.ipynb"
    if not path.is_file():
        return []
    pattern = _check_call(label)
    cells = _cells(str(path), path.stat().st_mtime_ns)
    return [(text, tags) for text, tags in cells if pattern.search(text)]


def solution_code(notebook: str | None, label: str, root: Path | None = None) -> str | None:
    """The worked solution of problem ``label`` of ``notebook``, read from its solution cell.

    Returns None if the solution notebook cannot be found or if no single cell
    checks ``label``.
    """
    if not notebook:
        return None
    cells = solution_cells(notebook, label, root)
    if len(cells) != 1:
        return None
    pattern = _check_call(label)
    lines = []
    for line in cells[0][0].splitlines():
        if _MARKER.match(line) or pattern.search(line):
            continue
        lines.append(_ANSWER_TAG.sub("", line))
    code = "\n".join(lines).strip("\n")
    return code or None
