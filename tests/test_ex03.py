"""Exercises of notebook 03: right answers pass, plausible wrong answers get helpful feedback."""

from __future__ import annotations

import pytest

from labkit.check import Status, ____
from labkit.exercises import ex03


@pytest.fixture(autouse=True)
def _account():
    ex03._state["account"] = ex03.LESSON_ACCOUNT
    yield
    ex03._state["account"] = ex03.LESSON_ACCOUNT


def _text(result) -> str:
    return result.message()


def test_q1_share_needing_reply_catches_fraction_and_count():
    share = ex03._share_needing_reply()
    assert 20 < share < 90
    assert ex03.q1.evaluate(share).correct
    assert ex03.q1.evaluate(____).status is Status.UNANSWERED
    fraction = ex03.q1.evaluate(share / 100)
    assert not fraction.correct and "Kalikan 100" in _text(fraction)
    n = len(ex03.komentar_akun())
    count = ex03.q1.evaluate(round(share * n / 100))
    assert not count.correct and f"n = {n}" in _text(count)
    assert not ex03.q1.evaluate("64%").correct


def test_q2_query_is_scored_by_recall_and_precision():
    good = ex03.q2.evaluate("antre* OR antri* OR sistem OR server OR error OR gagal OR gangguan")
    assert good.correct and "recall" in _text(good)
    narrow = ex03.q2.evaluate("antrean")
    assert not narrow.correct and "Tambahkan kata lain" in _text(narrow)
    broad = ex03.q2.evaluate("admin OR paspor OR terima OR kantor OR antre*")
    assert not broad.correct and "Persempit" in _text(broad)
    broken = ex03.q2.evaluate("antrean AND (gagal")
    assert not broken.correct and "posisi" in _text(broken)


def test_q3_lead_time_in_minutes_not_hours():
    minutes = ex03._lead_minutes()
    assert 0 <= minutes <= 360  # caught within six hours of the onset
    assert ex03.q3.evaluate(minutes).correct
    hours = ex03.q3.evaluate(minutes / 60)
    assert not hours.correct and "kali 60" in _text(hours)


def test_q4_ring_accounts_not_only_the_first_cluster():
    from labkit import data, monitor

    comments = data.load("comments")
    clusters = monitor.near_duplicates(comments)
    assert ex03.q4.evaluate(
        set(monitor.coordinated_accounts(comments, clusters=clusters).index)
    ).correct
    # the table's first rows show one campaign: its authors are only part of the ring
    first = ex03.q4.evaluate(set(clusters.loc[clusters["cluster_id"] == 1, "author"]))
    assert not first.correct and "belum termasuk" in _text(first) and "q4.hint()" in _text(first)


def test_q5_the_hoax_repeated_most_in_ep02():
    assert ex03._hoax_of_episode() == "HL-2026-0001"
    assert ex03.q5.evaluate("HL-2026-0001").correct
    assert not ex03.q5.evaluate("HL-2026-0030").correct


def test_helpers_pick_an_existing_account_and_the_largest_alarm(capsys):
    assert ex03.pilih_akun("tidak_ada") == "kanim_kotapelangi" or ex03.pilih_akun("tidak_ada")
    assert "tidak ada di data" in capsys.readouterr().out
    import pandas as pd

    assert ex03.jendela_lonjakan(pd.DataFrame(columns=["start", "peak_count"])) is None
