"""Exercises of notebook 02: the right answer passes, plausible wrong answers get helpful feedback."""

from __future__ import annotations

import datetime as dt

import pytest

from labkit import data
from labkit.check import Status, ____
from labkit.exercises import ex02


@pytest.fixture(autouse=True)
def _agency():
    ex02._state["agency"] = "AG05"
    yield
    ex02._state["agency"] = "AG05"


def _text(result) -> str:
    return result.message()


def test_q1_rate_by_hand_catches_fraction_and_forgotten_saves():
    assert ex02.q1.evaluate(1.4).correct
    assert ex02.q1.evaluate(____).status is Status.UNANSWERED
    fraction = ex02.q1.evaluate(168 / 12_000)
    assert not fraction.correct and "100 kali" in _text(fraction)
    no_saves = ex02.q1.evaluate(162 / 12_000 * 100)
    assert not no_saves.correct and "q1.hint()" in _text(no_saves)


def test_q2_ranking_flip():
    assert ex02.q2.evaluate({"facebook/bpkwdanaulembahkenari"}).correct
    biggest_three = {
        "facebook/bpkwdanaulembahkenari",
        "instagram/kemenpw_ri",
        "facebook/kemenpw.ri",
    }
    wrong = ex02.q2.evaluate(biggest_three)
    assert not wrong.correct
    assert "2" in _text(wrong)  # two items too many, without naming the right one
    assert "bpkwdanaulembahkenari" not in _text(wrong)
    handle_only = ex02.q2.evaluate({"bpkwdanaulembahkenari"})
    assert not handle_only.correct


def test_q3_best_time_wants_the_intervals_not_the_medians():
    account, table = ex02.hour_table()
    assert account == "x/humaspelangi"
    rows = table.set_index("key")
    assert rows.loc[14, "median"] > rows.loc[10, "median"]  # the tempting reading...
    assert rows.loc[14, "lower"] <= rows.loc[10, "upper"]  # ...but the intervals overlap
    assert ex02.q3.evaluate(False).correct
    tempted = ex02.q3.evaluate(True)
    assert not tempted.correct and "selang 95 %" in _text(tempted) and "n" in _text(tempted)
    not_bool = ex02.q3.evaluate("ya")
    assert not not_bool.correct and "True" in _text(not_bool)


def test_q4_bought_followers_against_the_planted_truth():
    truth = data.load("truth_follower_jumps", source=data.BUNDLED)
    bought = truth[truth["kind"] == "bought"]
    right = {
        (f"{p}/{a}", str(pd_date.date()))
        for p, a, pd_date in zip(bought["platform"], bought["account"], bought["date"], strict=True)
    }
    assert len(right) == 3 and ex02.q4.evaluate(right).correct
    # dates as date objects are accepted too
    as_dates = {(a, dt.date.fromisoformat(d)) for a, d in right}
    assert ex02.q4.evaluate(as_dates).correct
    every_jump = right | {
        (f"{p}/{a}", str(d.date()))
        for p, a, d in zip(truth["platform"], truth["account"], truth["date"], strict=True)
    }
    wrong = ex02.q4.evaluate(every_jump)
    assert not wrong.correct and "5" in _text(wrong)  # the five viral jumps are too many
    missing_one = ex02.q4.evaluate(set(sorted(right)[:2]))
    assert not missing_one.correct and "1" in _text(missing_one)


def test_q5_is_a_written_answer():
    result = ex02.q5.evaluate("Tidak sebanding: penyebutnya berbeda.")
    assert result.status is Status.RECORDED
    assert "penyebut" in str(ex02.q5.solution().text).lower()


def test_every_problem_has_hints_and_a_solution():
    for name in ("q1", "q2", "q3", "q4", "q5"):
        problem = getattr(ex02, name)
        assert problem.hints and (problem.solution_code or problem.solution_text), name
