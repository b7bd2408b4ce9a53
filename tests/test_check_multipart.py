"""Multipart problems (q1.a, q1.b), feedback words that fit the quantity, and the test helpers."""

from __future__ import annotations

import pytest

from labkit.check import (
    EqualityProblem,
    MultipartProblem,
    Status,
    ThoughtProblem,
    progress_table,
)
from labkit.check.testing import assert_check_failed, assert_check_passed
from labkit.exercises import register, validate


def _multipart():
    return MultipartProblem(
        intro="Dua langkah.",
        a=EqualityProblem(12, quantity="count", hints=["Hitung barisnya."], solution="n = 12"),
        b=EqualityProblem(25.0, quantity="rate", abs_tol=0.1, hints=["Bagi."], solution="p = 25.0"),
    )


def test_parts_are_problems_named_after_their_parent():
    q = _multipart()
    exercises = register("test_multipart", q1=q)
    assert q.a.label == "q1.a" and q.b.notebook == "test_multipart"
    assert exercises.problem_labels() == ["q1.a", "q1.b"]
    assert set(exercises.all_problems()) == {"q1.a", "q1.b"}
    assert validate(exercises) == []
    assert "a" in dir(q)
    with pytest.raises(AttributeError):
        q.c  # noqa: B018


def test_parent_reports_progress_over_its_parts_and_survives_reloading():
    q = _multipart()
    register("test_multipart", q1=q)
    first = q.check()
    assert first.status is Status.UNANSWERED and "0 dari 2" in first.plain("id")
    assert "q1.a, q1.b" in first.plain("id")
    q.a.check(12)
    q.b.check(40.0)
    middle = q.check()
    assert "1 dari 2" in middle.plain("id") and "q1.b" in middle.plain("id")
    assert "1 of 2" in middle.plain("en")
    q.b.check(25.0)
    assert q.check().status is Status.CORRECT
    # a new problem object (kernel restart) reads the same saved progress
    again = _multipart()
    register("test_multipart", q1=again)
    assert again.check().status is Status.CORRECT
    table = progress_table("test_multipart")
    assert set(table["problem"]) >= {"q1.a", "q1.b"}


def test_parent_does_not_grade_an_answer_and_points_to_the_parts():
    q = _multipart()
    register("test_multipart", q1=q)
    result = q.evaluate(12)
    assert result.status is Status.UNANSWERED
    assert "q1.a.check" in result.plain("id")
    hint = q.hint()
    assert "q1.a" in hint.plain("id") and "q1.b" in hint.plain("en")
    view = q.solution()
    assert "# q1.a\nn = 12" in view.plain("id") and "p = 25.0" in view.plain("id")
    assert "Dua langkah." in view.plain("id")
    table = progress_table("test_multipart").set_index("problem")
    assert table.loc["q1.a", "solution_viewed"] and table.loc["q1.b", "solution_viewed"]


def test_parts_have_their_own_hints_and_solutions():
    q = _multipart()
    register("test_multipart", q1=q)
    assert q.a.hint().plain("id").startswith("💡 Petunjuk 1 dari 1 untuk q1.a")
    assert "q1.b.hint()" in q.b.evaluate(3.0).plain("id")


def test_bad_parts_are_authoring_errors():
    with pytest.raises(ValueError, match="at least one part"):
        MultipartProblem(intro="x")
    with pytest.raises(ValueError, match="single"):
        MultipartProblem(intro="x", a=_multipart())
    with pytest.raises(ValueError, match="free identifier"):
        MultipartProblem(intro="x", check=EqualityProblem(1, hints=["h"]))
    exercises = register("test_multipart", q1=MultipartProblem(a=EqualityProblem(1, hints=["h"])))
    assert any("without intro" in issue for issue in validate(exercises))
    assert any("no solution" in issue for issue in validate(exercises))


def test_a_wrong_count_speaks_of_rows_not_denominators():
    q = EqualityProblem(12, quantity="count", hints=["h"])
    high = assert_check_failed(q, 13, "terlalu banyak", "dua kali")
    low = assert_check_failed(q, 10, "terlalu sedikit", "terlewat")
    for result in (high, low):
        assert "penyebut" not in result.plain("id") and "denominator" not in result.plain("en")


def test_a_wrong_rate_speaks_of_numerator_and_denominator():
    q = EqualityProblem(25.0, quantity="rate", abs_tol=0.1, hints=["h"])
    assert_check_failed(q, 30.0, "terlalu besar", "pembilang", "penyebut")
    assert_check_failed(q, 0.25, "100 kali")


def test_a_plain_value_says_only_too_large_or_small():
    result = assert_check_failed(EqualityProblem(3.5, hints=["h"]), 4.0, "terlalu besar")
    assert "penyebut" not in result.plain("id")
    with pytest.raises(ValueError, match="quantity"):
        EqualityProblem(1, quantity="percent")


def test_explain_names_the_likely_misunderstanding_first():
    q = EqualityProblem(
        {"a", "b"},
        explain=lambda ans: (
            {"id": "Itu akun tidak aktif.", "en": "Those are inactive."} if "c" in ans else None
        ),
        hints=["h"],
    )
    result = assert_check_failed(q, {"a", "b", "c"}, "Itu akun tidak aktif.", "tidak seharusnya")
    assert result.plain("id").index("tidak aktif") < result.plain("id").index("tidak seharusnya")
    assert "Those are inactive." in result.plain("en")
    assert "tidak aktif" not in q.evaluate({"a"}).plain("id")


def test_the_helpers_fail_when_they_should():
    q = EqualityProblem(12, quantity="count", hints=["h"])
    with pytest.raises(AssertionError, match="expected a failed check"):
        assert_check_failed(q, 12)
    with pytest.raises(AssertionError, match="feedback lacks"):
        assert_check_failed(q, 13, "penyebut")
    with pytest.raises(AssertionError, match="expected a passed check"):
        assert_check_passed(q, 13)
    assert_check_passed(ThoughtProblem(solution_text="x"), "apa saja")
