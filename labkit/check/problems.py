"""Exercise problems: ``q1.check(answer)``, ``q1.hint()``, ``q1.hint(2)``, ``q1.solution()``.

The trainee passes the answer explicitly, ``q1.check(jawaban)``: the cell shows
which variable is checked, and pytest can call the same method with a value.

Five kinds of problem:

:class:`EqualityProblem`
    The answer must equal an expected value (numbers within a tolerance; options
    for order, case and spaces). The expected value may be a callable, evaluated
    at check time (e.g. read from the universe's ``truth_*`` tables).
:class:`FunctionProblem`
    The answer is a function, run on test cases.
:class:`CustomProblem`
    A callable decides: it returns ``ok`` or ``(ok, message)``.
:class:`ThoughtProblem`
    A reflection question: nothing is graded; a written answer is saved.
:class:`MultipartProblem`
    Parts that belong together (``q1.a``, ``q1.b``), each a problem of its own;
    the parent reports progress over its parts.

Every check is recorded in the work folder (:mod:`labkit.check.progress`) and,
in strict mode, enforced (:mod:`labkit.check.mode`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from labkit import i18n
from labkit.check import mode, progress, solutions
from labkit.check.compare import CompareOptions, Mismatch, Msg, compare, kind_of, short
from labkit.check.feedback import CheckResult, Hint, SolutionView, Status, Text, render_text
from labkit.check.placeholder import is_placeholder


@dataclass(frozen=True)
class Said:
    """A Text (``str`` or ``{"id": ..., "en": ...}``) usable as a part of a :class:`Mismatch`."""

    text: Any

    def render(self, lang: str | None = None) -> str:
        return render_text(self.text, lang)


class _Missing:
    def __repr__(self) -> str:
        return "<no answer>"


MISSING: Any = _Missing()
"""Default of ``check(answer)``: the trainee called ``q1.check()`` without an answer."""


class Problem:
    """Base of all problems: hints, solution, recording and strict mode.

    Parameters
    ----------
    hints : sequence of Text
        Hints from gentle to explicit; ``q1.hint(n)`` shows number ``n`` (from 1).
        A Text is a string (Indonesian) or ``{"id": ..., "en": ...}``.
    solution : str, optional
        Solution code shown by ``q1.solution()``.
    solution_text : Text, optional
        Explanation shown by ``q1.solution()`` (above the code, if any).
    """

    kind: ClassVar[str] = "problem"
    requires_answer: ClassVar[bool] = True

    def __init__(
        self,
        *,
        hints: Sequence[Text] = (),
        solution: str | None = None,
        solution_text: Text | None = None,
    ) -> None:
        if isinstance(hints, str | Mapping):
            hints = [hints]
        self.hints: tuple[Text, ...] = tuple(hints)
        self.solution_code = solution
        self.solution_text = solution_text
        self.id: str | None = None
        self.notebook: str | None = None

    # ------------------------------------------------------------------ identity

    @property
    def label(self) -> str:
        """The name used in messages: the variable name in the notebook (``"q1"``)."""
        return self.id or "q"

    def bind(self, notebook: str, problem_id: str) -> None:
        """Attach this problem to a notebook under a name (done by the exercise registry).

        Raises
        ------
        ValueError
            If the problem is already bound elsewhere (an authoring mistake).
        """
        if self.id is not None and (self.notebook, self.id) != (notebook, problem_id):
            raise ValueError(
                f"problem already bound as {self.notebook}:{self.id}, not {notebook}:{problem_id}"
            )
        self.notebook, self.id = notebook, problem_id

    def __repr__(self) -> str:
        where = f" ({self.notebook})" if self.notebook else ""
        return f"<{type(self).__name__} {self.label}{where}>"

    # ------------------------------------------------------------------ checking

    def evaluate(self, answer: Any = MISSING) -> CheckResult:
        """Grade ``answer`` without recording, displaying or strict mode (pure).

        Returns
        -------
        CheckResult
        """
        if answer is MISSING and self.requires_answer:
            return self._result(
                Status.UNANSWERED, Msg("check.no_argument", {"problem": self.label})
            )
        if answer is not MISSING and is_placeholder(answer):
            return self._result(
                Status.UNANSWERED, Msg("check.unanswered_help", {"problem": self.label})
            )
        status, detail = self._grade(answer)
        result = self._result(status, detail)
        if status is Status.INCORRECT and self.hints:
            result.extra = (Msg("check.try_hint", {"problem": self.label}),)
        return result

    def check(self, answer: Any = MISSING) -> CheckResult:
        """Check ``answer``, show the feedback, save progress; return the result.

        Raises
        ------
        ExerciseCheckError
            Only in strict mode (``LABKIT_CHECK_MODE=strict``): in a solution
            notebook when the answer is not correct, in a trainee notebook when
            an answer was graded at all.
        """
        result = self.evaluate(answer)
        progress.record_check(
            self.notebook,
            self.label,
            result.status.value,
            None if answer is MISSING else answer,
            full_text=isinstance(self, ThoughtProblem),
        )
        result.show()
        _enforce(result)
        return result

    def _result(self, status: Status, detail: Any) -> CheckResult:
        return CheckResult(self.label, self.notebook, status, detail)

    def _grade(self, answer: Any) -> tuple[Status, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    # ------------------------------------------------------------------ help

    def hint(self, level: int = 1) -> Hint:
        """Show hint number ``level`` (1 = the gentlest) and remember it was seen."""
        total = len(self.hints)
        try:
            n = int(level)
        except (TypeError, ValueError):
            n = 0
        text = self.hints[n - 1] if 1 <= n <= total else None
        shown = Hint(self.label, n, total, text)
        if shown.available:
            progress.record_hint(self.notebook, self.label, n)
        shown.show()
        return shown

    def worked_solution(self) -> str | None:
        """The solution code: ``solution=`` if given, else the tagged cell of the solution notebook.

        See :mod:`labkit.check.solutions`: a lab notebook's problems state their
        solution once, in the cell that CI executes.
        """
        if self.solution_code:
            return self.solution_code
        return solutions.solution_code(self.notebook, self.label)

    def solution(self) -> SolutionView:
        """Show the worked solution and remember it was seen."""
        code = self.worked_solution()
        view = SolutionView(self.label, code, self.solution_text)
        if code or self.solution_text is not None:
            progress.record_solution(self.notebook, self.label)
        view.show()
        return view


def _enforce(result: CheckResult) -> None:
    if not mode.is_strict():
        return
    role = mode.notebook_role()
    if role == "solution" and result.status in (Status.INCORRECT, Status.UNANSWERED):
        raise mode.ExerciseCheckError(
            "check.strict_solution",
            problem=result.problem,
            notebook=result.notebook or "-",
            message=result.plain(),
        )
    if role == "trainee" and result.status in (Status.CORRECT, Status.INCORRECT):
        raise mode.ExerciseCheckError(
            "check.strict_trainee",
            problem=result.problem,
            notebook=result.notebook or "-",
            message=result.plain(),
        )


# ---------------------------------------------------------------------- equality


class EqualityProblem(Problem):
    """The answer must equal ``expected``.

    Parameters
    ----------
    expected : object or callable
        The right value. A callable (with no arguments) is called at every check,
        so ground truth can be read lazily, e.g.
        ``expected=lambda: set(data.load("truth_account_defects").query("defect == 'dormant'").account)``.
    rel_tol, abs_tol, ignore_order, ignore_case, ignore_whitespace, ignore_index, quantity
        See :class:`labkit.check.compare.CompareOptions`; ``quantity`` ("count",
        "rate" or "value") picks feedback words that fit the question.
    explain : callable, optional
        ``explain(answer)`` returns a sentence (Text) naming a likely
        misunderstanding behind a wrong answer, or None. It is shown before the
        generic feedback ("you counted the inactive accounts too").
    **help
        ``hints``, ``solution``, ``solution_text`` (see :class:`Problem`).

    Examples
    --------
    >>> q = EqualityProblem(168, hints=["Jumlahkan suka, komentar, dan bagikan."])
    >>> q.evaluate(168).correct, q.evaluate(170).status.value
    (True, 'incorrect')
    """

    kind = "equality"

    def __init__(
        self,
        expected: Any,
        *,
        rel_tol: float = 1e-6,
        abs_tol: float = 1e-9,
        ignore_order: bool = False,
        ignore_case: bool = False,
        ignore_whitespace: bool = False,
        ignore_index: bool = True,
        quantity: str = "value",
        explain: Callable[[Any], Text | None] | None = None,
        **help: Any,
    ) -> None:
        super().__init__(**help)
        self._expected = expected
        self._explain = explain
        self.options = CompareOptions(
            quantity=quantity,
            rel_tol=rel_tol,
            abs_tol=abs_tol,
            ignore_order=ignore_order,
            ignore_case=ignore_case,
            ignore_whitespace=ignore_whitespace,
            ignore_index=ignore_index,
        )

    def expected(self) -> Any:
        """The expected value (a callable ``expected`` is evaluated now)."""
        value = self._expected
        return value() if callable(value) and kind_of(value) == "function" else value

    def answer_or_expected(self, answer: Any) -> Any:
        """``answer``, or the expected value while ``answer`` is still ``____``.

        Lets later cells of a trainee notebook run before the exercise is done.
        """
        return self.expected() if is_placeholder(answer) else answer

    def _grade(self, answer: Any) -> tuple[Status, Any]:
        found = compare(answer, self.expected(), self.options)
        if found is None:
            return Status.CORRECT, None
        why = self._explain(answer) if self._explain is not None else None
        if why is not None:
            found = Mismatch((Said(why), *found.parts), found.path)
        return Status.INCORRECT, found


# ---------------------------------------------------------------------- functions


@dataclass(frozen=True)
class Case:
    """One test case of a :class:`FunctionProblem`: call with ``args``/``kwargs``, expect ``expected``."""

    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    expected: Any = MISSING

    def call_text(self, name: str) -> str:
        """How the call looks in Python, e.g. ``engagement_rate(168, 1000)``."""
        parts = [short(a, 30) for a in self.args]
        parts += [f"{k}={short(v, 30)}" for k, v in self.kwargs.items()]
        return f"{name}({', '.join(parts)})"


def _as_case(raw: Any, with_expected: bool) -> Case:
    if isinstance(raw, Case):
        return raw
    if with_expected:
        args, expected = raw
        return Case(args if isinstance(args, tuple) else (args,), {}, expected)
    return Case(raw if isinstance(raw, tuple) else (raw,))


class FunctionProblem(Problem):
    """The answer is a function; it must return the right value on every test case.

    Parameters
    ----------
    cases : sequence
        Either :class:`Case` objects, or ``(args, expected)`` pairs (``args`` a
        tuple, or a single argument), or, with ``reference``, just ``args``.
    reference : callable, optional
        A correct implementation computing each case's expected value.
    rel_tol, abs_tol, ignore_order, ignore_case, ignore_whitespace
        How return values are compared (see :class:`CompareOptions`).
    **help
        ``hints``, ``solution``, ``solution_text``.

    Notes
    -----
    Arguments are deep-copied before each call, so a function that modifies its
    input cannot spoil the next case. A trainee stub that returns ``____`` is
    "not answered yet".
    """

    kind = "function"

    def __init__(
        self,
        cases: Sequence[Any],
        *,
        reference: Callable[..., Any] | None = None,
        rel_tol: float = 1e-6,
        abs_tol: float = 1e-9,
        ignore_order: bool = False,
        ignore_case: bool = False,
        ignore_whitespace: bool = False,
        quantity: str = "value",
        **help: Any,
    ) -> None:
        super().__init__(**help)
        if not cases:
            raise ValueError("a FunctionProblem needs at least one test case")
        self.cases = [_as_case(c, with_expected=reference is None) for c in cases]
        self.reference = reference
        self.options = CompareOptions(
            quantity=quantity,
            rel_tol=rel_tol,
            abs_tol=abs_tol,
            ignore_order=ignore_order,
            ignore_case=ignore_case,
            ignore_whitespace=ignore_whitespace,
        )

    def _expected(self, case: Case) -> Any:
        if case.expected is not MISSING:
            return case.expected
        if self.reference is None:
            raise ValueError("a Case without expected value needs a reference function")
        return self.reference(*copy.deepcopy(case.args), **copy.deepcopy(dict(case.kwargs)))

    def _grade(self, answer: Any) -> tuple[Status, Any]:
        if not callable(answer):
            return Status.INCORRECT, Msg(
                "check.not_callable", {"got": Msg(f"check.kind_{kind_of(answer)}")}
            )
        name = getattr(answer, "__name__", self.label)
        for case in self.cases:
            call = case.call_text(name)
            try:
                got = answer(*copy.deepcopy(case.args), **copy.deepcopy(dict(case.kwargs)))
            except Exception as exc:  # noqa: BLE001 - the trainee's code may raise anything
                error = f"{type(exc).__name__}: {exc}"
                return Status.INCORRECT, Msg(
                    "check.function_raised", {"call": call, "error": error}
                )
            if is_placeholder(got):
                return Status.UNANSWERED, Msg("check.function_placeholder", {"call": call})
            want = self._expected(case)
            found = compare(got, want, self.options)
            if found is not None:
                head = Msg(
                    "check.function_case", {"call": call, "got": short(got), "want": short(want)}
                )
                return Status.INCORRECT, Mismatch((head, *found.parts), found.path)
        return Status.CORRECT, Msg("check.function_passed", {"count": len(self.cases)})


# ---------------------------------------------------------------------- custom


class CustomProblem(Problem):
    """A callable decides whether the answer is right.

    Parameters
    ----------
    checker : callable
        ``checker(answer)`` returns a bool, or ``(ok, message)`` where message is
        a Text (``str`` or ``{"id": ..., "en": ...}``) or None. It is never
        called with the ``____`` placeholder.
    **help
        ``hints``, ``solution``, ``solution_text``.
    """

    kind = "custom"

    def __init__(self, checker: Callable[[Any], Any], **help: Any) -> None:
        super().__init__(**help)
        self.checker = checker

    def _grade(self, answer: Any) -> tuple[Status, Any]:
        try:
            outcome = self.checker(answer)
        except Exception as exc:  # noqa: BLE001 - a checker may fail on an odd answer
            error = f"{type(exc).__name__}: {exc}"
            return Status.INCORRECT, Msg("check.custom_raised", {"error": error})
        message: Text | None = None
        if isinstance(outcome, tuple):
            if len(outcome) != 2:
                raise TypeError("a custom checker returns ok or (ok, message)")
            outcome, message = outcome
        if outcome is None:
            raise TypeError("a custom checker returned None; return True/False or (ok, message)")
        return (Status.CORRECT if bool(outcome) else Status.INCORRECT), message


# ---------------------------------------------------------------------- thought


class ThoughtProblem(Problem):
    """A reflection question: no single right answer, nothing graded.

    ``q4.check(tulisan_anda)`` saves the trainee's text (in full) and points to
    ``q4.solution()`` for the discussion; ``q4.check()`` without an answer just
    points to it.
    """

    kind = "thought"
    requires_answer = False

    def _grade(self, answer: Any) -> tuple[Status, Any]:
        return Status.RECORDED, Msg("check.thought", {"problem": self.label})


# ---------------------------------------------------------------------- multipart


class MultipartProblem(Problem):
    """A problem in parts that belong together: ``q1.a.check(...)``, ``q1.b.check(...)``.

    Each part is a complete problem with its own check, hints and solution. The
    parent reports progress over its parts: ``q1.check()`` says which parts are
    done (from the saved progress, so it survives a kernel restart); ``q1.hint()``
    points to the parts' hints; ``q1.solution()`` shows every part's solution.

    Parameters
    ----------
    intro : Text, optional
        One sentence on what the parts build together (shown by ``q1.hint()``
        and ``q1.solution()``).
    **parts : Problem
        The parts, by name (``a=..., b=...``), in order. A part is named
        ``q1.a`` in messages and in the progress file.

    Examples
    --------
    >>> q = MultipartProblem(a=EqualityProblem(2, hints=["1 + 1"]), b=EqualityProblem(4, hints=["2 * 2"]))
    >>> q.bind("demo", "q1")
    >>> q.a.label, q.b.evaluate(4).correct
    ('q1.a', True)
    """

    kind = "multipart"
    requires_answer = False

    def __init__(self, *, intro: Text | None = None, **parts: Problem) -> None:
        super().__init__()
        if not parts:
            raise ValueError("a MultipartProblem needs at least one part")
        for name, part in parts.items():
            if not isinstance(part, Problem) or isinstance(part, MultipartProblem):
                raise ValueError(f"part {name!r} must be a (single) labkit.check Problem")
            if not name.isidentifier() or name in vars(type(self)) or hasattr(Problem, name):
                raise ValueError(f"part name {name!r} is not a free identifier")
        self.intro = intro
        self.parts: dict[str, Problem] = dict(parts)

    def __getattr__(self, name: str) -> Problem:
        parts = self.__dict__.get("parts", {})
        if name in parts:
            return parts[name]
        raise AttributeError(name)

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *self.parts]

    def bind(self, notebook: str, problem_id: str) -> None:
        super().bind(notebook, problem_id)
        for name, part in self.parts.items():
            part.bind(notebook, f"{problem_id}.{name}")

    def unbind(self) -> None:
        """Forget the binding of this problem and its parts (a module reload)."""
        self.id = self.notebook = None
        for part in self.parts.values():
            part.id = part.notebook = None

    def part_labels(self) -> list[str]:
        """The parts' names as used in messages (``["q1.a", "q1.b"]``)."""
        return [part.label for part in self.parts.values()]

    def _grade(self, answer: Any) -> tuple[Status, Any]:
        if answer is not MISSING:
            return Status.UNANSWERED, Msg("check.multipart_answer", {"problem": self.label})
        saved = progress.load_quietly(self.notebook)
        done = [name for name, p in self.parts.items() if saved.get(p.label, {}).get("correct")]
        todo = [p.label for name, p in self.parts.items() if name not in done]
        params = {
            "problem": self.label,
            "done": len(done),
            "total": len(self.parts),
            "todo": ", ".join(todo) or "-",
        }
        if not todo:
            return Status.CORRECT, Msg("check.multipart_done", params)
        return Status.UNANSWERED, Msg("check.multipart_progress", params)

    def hint(self, level: int = 1) -> Hint:
        """Point to the parts' own hints (``q1.a.hint()``)."""
        text = {
            lang: i18n.t("check.multipart_hint", lang=lang, parts=", ".join(self.part_labels()))
            for lang in i18n.LANGUAGES
        }
        shown = Hint(self.label, 1, 1, text)
        shown.show()
        return shown

    def worked_solution(self) -> str | None:
        """Every part's solution code, one after the other (labelled by part)."""
        blocks = []
        for part in self.parts.values():
            code = part.worked_solution()
            if code:
                blocks.append(f"# {part.label}\n{code}")
        return "\n\n".join(blocks) or None

    def solution(self) -> SolutionView:
        """Show the solution of every part and remember each was seen."""
        code = self.worked_solution()
        for part in self.parts.values():
            if part.worked_solution() or part.solution_text is not None:
                progress.record_solution(part.notebook, part.label)
        view = SolutionView(self.label, code, self.solution_text or self.intro)
        view.show()
        return view
