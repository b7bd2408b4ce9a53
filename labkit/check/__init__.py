"""Self-check exercises for lab notebooks, in the style of Kaggle's learntools.

A notebook imports its problems and the ``____`` placeholder::

    from labkit.check import ____
    from labkit.exercises.ex03 import q1, q2

    akun_tidur = ____            # the trainee replaces ____ with an answer
    q1.check(akun_tidur)         # Benar! / Belum tepat ... / Belum dijawab
    q1.hint()                    # first hint; q1.hint(2) for the second
    q1.solution()                # the worked solution
    q2.a.check(hari)             # a part of a multipart problem; q2.check() shows progress

The problems themselves live in ``labkit/exercises/exNN.py`` (see
:mod:`labkit.exercises` and ``docs/authoring.md``). Feedback is in the trainee's
language (:mod:`labkit.i18n`); progress is saved to ``answers/<notebook>.json``
in the work folder; ``LABKIT_CHECK_MODE=strict`` turns checks into tests for
nbval (:mod:`labkit.check.mode`).
"""

from __future__ import annotations

from labkit.check.compare import CompareOptions, Mismatch, compare
from labkit.check.feedback import CheckResult, Hint, SolutionView, Status
from labkit.check.mode import ExerciseCheckError, is_strict, notebook_role
from labkit.check.placeholder import PLACEHOLDER, ____, is_placeholder
from labkit.check.problems import (
    Case,
    CustomProblem,
    EqualityProblem,
    FunctionProblem,
    MultipartProblem,
    Problem,
    ThoughtProblem,
)
from labkit.check.progress import table as progress_table

__all__ = [
    "____",
    "PLACEHOLDER",
    "Case",
    "CheckResult",
    "CompareOptions",
    "CustomProblem",
    "EqualityProblem",
    "ExerciseCheckError",
    "FunctionProblem",
    "Hint",
    "Mismatch",
    "MultipartProblem",
    "Problem",
    "SolutionView",
    "Status",
    "ThoughtProblem",
    "compare",
    "is_placeholder",
    "is_strict",
    "notebook_role",
    "progress_table",
]
