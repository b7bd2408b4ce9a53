"""Registry of each notebook's exercises.

Every lab notebook with exercises has one module ``labkit/exercises/exNN.py``
(``NN`` = the notebook's number), written by the notebook's author. It builds
its problems with :mod:`labkit.check` and registers them under the notebook's
id (its file name without ``.ipynb``); the names become the problems' names in
messages and in the progress file::

    # labkit/exercises/ex03.py
    from labkit import data
    from labkit.check import ____, EqualityProblem, ThoughtProblem
    from labkit.exercises import register

    def _dormant() -> set[str]:
        truth = data.load("truth_account_defects")
        return set(truth.loc[truth["defect"] == "dormant", "account"])

    q1 = EqualityProblem(
        _dormant,  # a callable: evaluated at check time
        hints=["Akun 'tidur' = tidak mengunggah apa pun selama 90 hari terakhir.", "..."],
        solution="akun_tidur = set(...)",
    )
    q2 = ThoughtProblem(solution_text="...")

    EXERCISES = register("03_audit_akun", q1=q1, q2=q2)
    __all__ = ["____", "q1", "q2", "EXERCISES"]

and the notebook imports them: ``from labkit.exercises.ex03 import ____, q1, q2``.
:mod:`labkit.exercises.example` is a complete, tested example.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd

from labkit import i18n
from labkit.check import progress
from labkit.check.problems import FunctionProblem, MultipartProblem, Problem
from labkit.errors import LabkitError

MODULE_PATTERN = re.compile(r"^ex(\d{2})$")
NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

_REGISTRY: dict[str, ExerciseSet] = {}


class ExerciseSet(Mapping[str, Problem]):
    """The problems of one notebook, by name (``exercises["q1"]`` or ``exercises.q1``)."""

    def __init__(self, notebook: str, problems: Mapping[str, Problem]) -> None:
        self.notebook = notebook
        self._problems = dict(problems)

    def __getitem__(self, name: str) -> Problem:
        return self._problems[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._problems)

    def __len__(self) -> int:
        return len(self._problems)

    def __getattr__(self, name: str) -> Problem:
        problems = self.__dict__.get("_problems", {})
        if name in problems:
            return problems[name]
        raise AttributeError(name)

    def problem_labels(self) -> list[str]:
        """Every gradable name, parts included (``["q1.a", "q1.b", "q2", ...]``)."""
        labels: list[str] = []
        for name, problem in self._problems.items():
            if isinstance(problem, MultipartProblem):
                labels += problem.part_labels()
            else:
                labels.append(name)
        return labels

    def all_problems(self) -> dict[str, Problem]:
        """Every gradable problem by label, parts of multipart problems included."""
        found: dict[str, Problem] = {}
        for name, problem in self._problems.items():
            if isinstance(problem, MultipartProblem):
                found.update({part.label: part for part in problem.parts.values()})
            else:
                found[name] = problem
        return found

    def progress(self) -> pd.DataFrame:
        """This notebook's saved progress: one row per problem or part (see :mod:`labkit.check.progress`)."""
        table = progress.table(self.notebook, self.problem_labels())
        return table[table["problem"].isin(self.problem_labels())].reset_index(drop=True)

    def summary(self) -> str:
        """One line: how many problems are answered correctly."""
        table = self.progress()
        return i18n.t(
            "exercises.summary",
            notebook=self.notebook,
            correct=int(table["correct"].sum()),
            total=len(table),
        )

    def _repr_html_(self) -> str:
        return f"<p>{self.summary()}</p>" + self.progress().to_html(index=False)

    def __repr__(self) -> str:
        return f"<ExerciseSet {self.notebook}: {', '.join(self._problems)}>"


def register(notebook: str, **problems: Problem) -> ExerciseSet:
    """Register ``problems`` (name=problem) as the exercises of ``notebook``.

    Re-registering the same notebook (a module reload) replaces the old set.

    Raises
    ------
    ValueError
        If a name is not an identifier, a value is not a Problem, or a problem
        is already registered under another name (authoring mistakes).
    """
    if not notebook or not re.fullmatch(r"[A-Za-z0-9_.-]+", notebook):
        raise ValueError(f"notebook id {notebook!r} must be a file-name stem like '03_audit_akun'")
    if not problems:
        raise ValueError(f"register({notebook!r}) needs at least one problem")
    for name, problem in problems.items():
        if not NAME_PATTERN.match(name):
            raise ValueError(f"problem name {name!r} is not a Python identifier")
        if not isinstance(problem, Problem):
            raise ValueError(f"{name!r} is a {type(problem).__name__}, not a labkit.check Problem")
    old = _REGISTRY.get(notebook)
    if old is not None:
        for problem in old.values():
            if isinstance(problem, MultipartProblem):
                problem.unbind()
            else:
                problem.id = problem.notebook = None
    for name, problem in problems.items():
        problem.bind(notebook, name)
    exercise_set = ExerciseSet(notebook, problems)
    _REGISTRY[notebook] = exercise_set
    return exercise_set


def available() -> list[str]:
    """Names of the exercise modules in this package (``ex01``, ``ex02``, ...; plus ``example``)."""
    names = [m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")]
    return sorted(names)


def _candidates(notebook: str) -> list[str]:
    names = []
    match = re.match(r"^(\d{2})", notebook)
    if match:
        names.append(f"ex{match.group(1)}")
    if NAME_PATTERN.match(notebook):
        names.append(notebook)
    return [n for n in names if n in available()]


def load(notebook: str) -> ExerciseSet:
    """Return the exercises of ``notebook`` (importing ``exNN`` if needed).

    Raises
    ------
    LabkitError
        If no module registers exercises for ``notebook``.
    """
    if notebook not in _REGISTRY:
        for name in _candidates(notebook):
            importlib.import_module(f"{__name__}.{name}")
    try:
        return _REGISTRY[notebook]
    except KeyError:
        raise LabkitError(
            "exercises.unknown", notebook=notebook, known=", ".join(sorted(_REGISTRY)) or "-"
        ) from None


def load_all() -> dict[str, ExerciseSet]:
    """Import every exercise module and return all registered sets by notebook id."""
    for name in available():
        importlib.import_module(f"{__name__}.{name}")
    return dict(_REGISTRY)


def validate(exercise_set: ExerciseSet) -> list[str]:
    """Authoring problems of one set (empty list: fine). For maintainers, in English.

    Every problem needs at least one hint and a solution (code or text); a
    FunctionProblem needs test cases; hints must be non-empty texts.
    """
    issues: list[str] = []
    for name, problem in exercise_set.items():
        if (problem.notebook, problem.id) != (exercise_set.notebook, name):
            issues.append(
                f"{exercise_set.notebook}:{name}: bound as {problem.notebook}:{problem.id}"
            )
        if isinstance(problem, MultipartProblem) and problem.intro is None:
            issues.append(f"{exercise_set.notebook}:{name}: multipart problem without intro")
    for name, problem in exercise_set.all_problems().items():
        where = f"{exercise_set.notebook}:{name}"
        if not problem.hints:
            issues.append(f"{where}: no hints")
        for i, hint in enumerate(problem.hints, 1):
            texts = [hint] if isinstance(hint, str) else list(hint.values())
            if not all(isinstance(t, str) and t.strip() for t in texts):
                issues.append(f"{where}: hint {i} is empty")
            if isinstance(hint, Mapping) and i18n.DEFAULT_LANGUAGE not in hint:
                issues.append(f"{where}: hint {i} has no '{i18n.DEFAULT_LANGUAGE}' text")
        if not problem.worked_solution() and problem.solution_text is None:
            issues.append(
                f"{where}: no solution (no solution=, no solution_text, no solution cell)"
            )
        if isinstance(problem, FunctionProblem) and not problem.cases:
            issues.append(f"{where}: no test cases")
    return issues


def _registered() -> dict[str, Any]:  # for tests
    return _REGISTRY
