"""Exercises of notebook 07: right answers pass, plausible wrong ones get helpful feedback."""

from __future__ import annotations

import pytest

from labkit.check import Status, ____
from labkit.exercises import ex07
from labkit.tabletop import Exercise

HOLDING = (
    "Kami mohon maaf atas gangguan sistem antrean daring sejak pagi ini. Tim kami sedang memperbaiki sistem; "
    "warga yang sudah datang tetap dilayani di loket. Informasi terbaru pukul 11.00 WIB."
)


@pytest.fixture
def played(tmp_path):
    ex = Exercise.create("ep01_antrean", tmp_path / "solo")
    ex.advance(20)
    draft = ex.submit_draft(HOLDING)
    ex.advance(12)
    ex.approve(draft)
    ex.advance(3)
    ex.publish(draft)
    ex07.ingat_latihan(ex)
    yield ex
    ex07._state["exercise"] = None


def test_q1_first_statement_is_the_publish_minute_not_the_submit_minute(played):
    assert ex07.q1.evaluate(35).correct
    assert ex07.q1.evaluate(____).status is Status.UNANSWERED
    sent = ex07.q1.evaluate(20)
    assert not sent.correct and "dikirim ke pimpinan" in sent.message()
    assert not ex07.q1.evaluate(60).correct


def test_q1_without_a_run_says_what_to_do():
    ex07._state["exercise"] = None
    result = ex07.q1.evaluate(35)
    assert not result.correct and "latihan solo" in result.message()


def test_q2_strategy_after_the_twist():
    assert ex07.q2.evaluate("rebuild").correct
    before = ex07.q2.evaluate("diminish")  # the strategy before the new facts
    assert not before.correct and "q2.hint()" in before.message()
