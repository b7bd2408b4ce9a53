"""Exercise progress saved in the trainee's work folder.

One JSON file per notebook, ``answers/<notebook>.json``, written atomically
through :mod:`labkit.workspace`, so a kernel restart keeps it and a trainer can
gather a cohort's files from one known place::

    {
      "notebook": "03_audit_akun",
      "updated": "2026-03-02T09:14:05+00:00",
      "problems": {
        "q1": {
          "attempts": 3,               # checks with an answer (not ____)
          "status": "correct",         # last result
          "correct": true,             # answered correctly at least once
          "first_checked_at": "...", "last_checked_at": "...", "first_correct_at": "...",
          "last_answer": "42",         # short summary; reflections are kept in full
          "hints_seen": 2,             # highest hint level shown
          "solution_viewed_at": null   # when qN.solution() was first shown
        }
      }
    }

A damaged file is never overwritten: the check still gives feedback, and a
warning says that progress could not be saved.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd

from labkit import errors, workspace
from labkit.check.placeholder import is_placeholder
from labkit.errors import LabkitError

ANSWERS_DIR = "answers"
DEFAULT_NOTEBOOK = "umum"
SUMMARY_LIMIT = 200
TEXT_LIMIT = 20_000

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def progress_file(notebook: str | None) -> str:
    """Relative path (in the work folder) of ``notebook``'s progress file."""
    name = _SAFE.sub("_", notebook or DEFAULT_NOTEBOOK).strip("._") or DEFAULT_NOTEBOOK
    return f"{ANSWERS_DIR}/{name}.json"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def load(notebook: str | None) -> dict[str, Any]:
    """Return the saved progress of ``notebook`` (an empty record if none).

    Raises
    ------
    LabkitError
        If the file exists but is damaged (see :func:`labkit.workspace.load_json`).
    """
    data = workspace.load_json(progress_file(notebook), default=None)
    if not isinstance(data, dict):
        data = {}
    data.setdefault("notebook", notebook or DEFAULT_NOTEBOOK)
    problems = data.get("problems")
    data["problems"] = problems if isinstance(problems, dict) else {}
    return data


def summarize(value: Any, *, full_text: bool = False) -> Any:
    """A small JSON-safe summary of an answer for the progress file."""
    if is_placeholder(value):
        return "____"
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else repr(value)
    if isinstance(value, str):
        limit = TEXT_LIMIT if full_text else SUMMARY_LIMIT
        return value if len(value) <= limit else value[:limit] + "…"
    if isinstance(value, pd.DataFrame):
        cols = ", ".join(map(str, value.columns[:10]))
        return f"DataFrame {value.shape[0]}×{value.shape[1]} [{cols}]"
    if isinstance(value, pd.Series):
        return f"Series {len(value)} ({value.name})"
    if callable(value):
        return f"function {getattr(value, '__name__', type(value).__name__)}"
    text = repr(value)
    return text if len(text) <= SUMMARY_LIMIT else text[:SUMMARY_LIMIT] + "…"


def _update(notebook: str | None, problem: str, change: dict[str, Any], *, stamp: str) -> bool:
    """Apply ``change`` rules to one problem's entry and save; False if not saved."""
    try:
        data = load(notebook)
    except LabkitError as exc:
        errors.warn("check.progress_unsaved", path=progress_file(notebook), reason=str(exc))
        return False
    entry = data["problems"].setdefault(problem, {})
    entry.setdefault("attempts", 0)
    entry.setdefault("correct", False)
    entry.setdefault("hints_seen", 0)
    entry.setdefault("solution_viewed_at", None)
    for key, value in change.items():
        if key == "attempts+":
            entry["attempts"] += value
        elif key == "hints_seen":
            entry["hints_seen"] = max(int(entry.get("hints_seen") or 0), value)
        elif key.endswith("?"):  # set once
            entry.setdefault(key[:-1], None)
            if entry[key[:-1]] is None:
                entry[key[:-1]] = value
        else:
            entry[key] = value
    data["updated"] = stamp
    try:
        workspace.save_json(progress_file(notebook), data)
    except OSError as exc:
        errors.warn("check.progress_unsaved", path=progress_file(notebook), reason=str(exc))
        return False
    return True


def record_check(
    notebook: str | None, problem: str, status: str, answer: Any, *, full_text: bool = False
) -> bool:
    """Record one check of ``problem``; return False if progress could not be saved."""
    stamp = _now()
    change: dict[str, Any] = {
        "status": status,
        "last_checked_at": stamp,
        "first_checked_at?": stamp,
    }
    if status != "unanswered":
        change["attempts+"] = 1
        change["last_answer"] = summarize(answer, full_text=full_text)
    if status == "correct":
        change["correct"] = True
        change["first_correct_at?"] = stamp
    return _update(notebook, problem, change, stamp=stamp)


def record_hint(notebook: str | None, problem: str, level: int) -> bool:
    """Record that hint ``level`` of ``problem`` was shown."""
    return _update(notebook, problem, {"hints_seen": level}, stamp=_now())


def record_solution(notebook: str | None, problem: str) -> bool:
    """Record that the solution of ``problem`` was shown."""
    stamp = _now()
    return _update(notebook, problem, {"solution_viewed_at?": stamp}, stamp=stamp)


def table(notebook: str | None, problems: list[str] | None = None) -> pd.DataFrame:
    """Progress of ``notebook`` as a table: one row per problem.

    Parameters
    ----------
    problems : list of str, optional
        Problem names to list (in this order) even if never attempted.
    """
    saved = load(notebook)["problems"]
    names = list(problems) if problems is not None else list(saved)
    names += [n for n in saved if n not in names]
    rows = []
    for name in names:
        entry = saved.get(name, {})
        rows.append(
            {
                "problem": name,
                "status": entry.get("status", "unanswered"),
                "correct": bool(entry.get("correct", False)),
                "attempts": int(entry.get("attempts", 0)),
                "hints_seen": int(entry.get("hints_seen", 0)),
                "solution_viewed": entry.get("solution_viewed_at") is not None,
            }
        )
    columns = ["problem", "status", "correct", "attempts", "hints_seen", "solution_viewed"]
    return pd.DataFrame(rows, columns=columns)


def load_quietly(notebook: str | None) -> dict[str, Any]:
    """The saved problems of ``notebook`` (name -> entry); empty if the file is damaged."""
    try:
        return load(notebook)["problems"]
    except LabkitError:
        return {}
