"""Strict mode: how a check behaves while the test command executes notebooks.

Two environment variables control it:

``LABKIT_CHECK_MODE=strict``
    Set by ``notebooks/conftest.py`` for the kernels nbval starts. In a
    *solution* notebook every check must pass: a wrong or unanswered answer
    raises :class:`ExerciseCheckError`, so the nbval cell fails. In a *trainee*
    notebook no check may grade an answer: a result of "correct" or "wrong"
    means a solution leaked into the trainee version (or its placeholder does not
    reach the check), and raises too. "Not answered yet" and "recorded"
    (reflection questions) never raise.
``LABKIT_NOTEBOOK_ROLE=solution|trainee``
    Which kind of notebook the kernel runs. Without it, the role comes from the
    kernel's working folder: nbval and Jupyter start a kernel in the notebook's
    folder, and solution sources live in ``notebooks/solutions/``, so a folder
    named ``solutions`` means "solution"; anything else means "trainee".

Outside strict mode (a trainee in Jupyter) a check never raises.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from labkit.errors import LabkitError

MODE_ENV = "LABKIT_CHECK_MODE"
ROLE_ENV = "LABKIT_NOTEBOOK_ROLE"
SOLUTIONS_DIRNAME = "solutions"
ROLES: tuple[str, ...] = ("solution", "trainee")

Role = Literal["solution", "trainee"]


class ExerciseCheckError(LabkitError):
    """Raised in strict mode when a notebook's check result is not allowed for its role."""


def is_strict() -> bool:
    """Return True when ``LABKIT_CHECK_MODE`` is ``strict`` (case-insensitive)."""
    return os.environ.get(MODE_ENV, "").strip().lower() == "strict"


def notebook_role(cwd: str | os.PathLike[str] | None = None) -> Role:
    """Return ``"solution"`` or ``"trainee"`` for the running notebook.

    Parameters
    ----------
    cwd : path, optional
        Folder to judge by (default: the current working folder).

    Raises
    ------
    LabkitError
        If ``LABKIT_NOTEBOOK_ROLE`` is set to something other than a known role.
    """
    env = os.environ.get(ROLE_ENV, "").strip().lower()
    if env:
        if env not in ROLES:
            raise LabkitError(
                "check.bad_role", value=os.environ[ROLE_ENV], env=ROLE_ENV, known=", ".join(ROLES)
            )
        return env  # type: ignore[return-value]
    folder = Path.cwd() if cwd is None else Path(cwd)
    return "solution" if folder.name == SOLUTIONS_DIRNAME else "trainee"
