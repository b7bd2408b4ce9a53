"""Assertions that test the checker itself (learntools' ``assert_check_failed`` style).

Used by ``tests/test_exercises_feedback.py`` and usable in ``solution-only``
cells of a solution notebook::

    assert_check_failed(q1.a, jumlah_yang_salah, "terlalu banyak")
    assert_check_passed(q1.a, jumlah_yang_benar)

They grade without recording progress or showing anything (``evaluate``).
"""

from __future__ import annotations

from typing import Any

from labkit import i18n
from labkit.check.feedback import CheckResult, Status
from labkit.check.problems import Problem


def _both_languages(result: CheckResult) -> dict[str, str]:
    return {lang: result.plain(lang) for lang in i18n.LANGUAGES}


def assert_check_failed(problem: Problem, answer: Any, *words: str) -> CheckResult:
    """Assert that ``answer`` is graded *incorrect* and its feedback contains ``words``.

    Parameters
    ----------
    problem : Problem
        The problem (or a part of a multipart problem).
    answer : object
        A plausible wrong answer.
    *words : str
        Words the Indonesian feedback must contain (case-insensitive): the
        hint-worthy part of the message, e.g. ``"terlalu banyak"``.

    Returns
    -------
    CheckResult
        For further assertions.
    """
    result = problem.evaluate(answer)
    texts = _both_languages(result)  # renders in every language: no missing placeholder
    assert result.status is Status.INCORRECT, (
        f"{problem!r}: expected a failed check for {answer!r}, got {result.status.value}: "
        f"{texts[i18n.DEFAULT_LANGUAGE]}"
    )
    text = texts[i18n.DEFAULT_LANGUAGE].lower()
    missing = [w for w in words if w.lower() not in text]
    assert not missing, f"{problem!r}: feedback lacks {missing}: {texts[i18n.DEFAULT_LANGUAGE]}"
    return result


def assert_check_passed(problem: Problem, answer: Any) -> CheckResult:
    """Assert that ``answer`` is graded correct (or recorded, for a reflection question)."""
    result = problem.evaluate(answer)
    _both_languages(result)
    assert result.status in (Status.CORRECT, Status.RECORDED), (
        f"{problem!r}: expected a passed check for {answer!r}, got {result.status.value}: "
        f"{result.plain()}"
    )
    return result
