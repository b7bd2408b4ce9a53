"""Exercises of notebook 06: right answers pass, plausible wrong ones get helpful feedback."""

from __future__ import annotations

from labkit import calendar
from labkit.check import Status, ____
from labkit.exercises import ex06
from labkit.report import monthly_report


def test_q1_commemoration_days_not_holidays():
    expected = ex06._commemorations()
    assert {"Hari Sumpah Pemuda", "Hari Batik Nasional", "Hari Kesaktian Pancasila"} <= expected
    assert ex06.q1.evaluate(expected).correct
    assert ex06.q1.evaluate(____).status is Status.UNANSWERED
    next_month = ex06.q1.evaluate(expected | {"Hari Pahlawan"})  # 10 November: the month after
    assert not next_month.correct
    assert set(calendar.days_in(*ex06.PLAN_MONTH)["kind"]) >= {"commemoration"}
    fewer = ex06.q1.evaluate(expected - {"Hari Sumpah Pemuda"})
    assert not fewer.correct and "q1.hint()" in fewer.message()


def test_q2_smart_objective_feedback_names_what_is_missing():
    assert ex06.q2.evaluate(
        "Meningkatkan tingkat respons komentar warga di Instagram menjadi 80 % pada akhir Desember 2026"
    ).correct
    vague = ex06.q2.evaluate("Media sosial lebih aktif")
    assert (
        not vague.correct and "angka target" in vague.message() and "tenggatnya" in vague.message()
    )
    no_date = ex06.q2.evaluate(
        "Meningkatkan tingkat respons komentar warga di Instagram menjadi 80 %"
    )
    assert not no_date.correct and "berbatas waktu" in no_date.message()


def test_q3_report_file(work):
    path = monthly_report("AG05", "2026-09", with_audit=False).document().to_docx()
    assert ex06.q3.evaluate(str(path)).correct
    missing = ex06.q3.evaluate("tidak_ada.docx")
    assert not missing.correct and "to_docx" in missing.message()
