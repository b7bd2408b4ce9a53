"""The daily summary behind the Laporan Isu Harian (labkit.monitor.daily)."""

from __future__ import annotations

import pandas as pd
import pytest

from labkit import data
from labkit.errors import LabkitError
from labkit.monitor import daily_summary


@pytest.fixture(scope="module")
def comments():
    return data.load("comments")


def test_the_day_of_an_episode(comments):
    crises = data.load("truth_crises")  # ground truth: only tests and checks read it
    ep = crises.iloc[0]
    day = ep["onset_at"].tz_convert("Asia/Jakarta").date()
    summary = daily_summary(comments, day, account=ep["account"])
    assert summary.n_comments == summary.labels["n"].sum() == summary.sentiments["n"].sum()
    assert summary.labels["share"].sum() == pytest.approx(1.0)
    assert summary.n_comments > 5 * summary.n_week_mean
    keywords = set(ep["keywords"].split("|"))
    assert set(summary.rising_terms.index[:5]) & keywords
    assert len(summary.alerts) >= 1 and summary.severity.level >= 3
    assert summary.top_comments["label"].isin(["question", "complaint", "hoax"]).all()
    assert summary.missing == []


def test_a_day_without_comments_says_so(comments):
    summary = daily_summary(comments, "2031-01-01")
    assert summary.n_comments == 0 and summary.severity is None
    assert "monitor.daily.missing.no_comments" in summary.missing


def test_bad_day_is_explained(comments):
    with pytest.raises(LabkitError, match="2026-09-02"):
        daily_summary(comments, "kemarin")


def test_alerts_name_their_signal_and_words(comments):
    """EP03 (a data leak at night): the day's alert says a word rang it, and which."""
    crises = data.load("truth_crises")
    ep = crises.set_index("episode_id").loc["EP03"]
    day = ep["onset_at"].tz_convert("Asia/Jakarta").date()
    summary = daily_summary(comments, day, account=ep["account"])
    first = summary.alerts.iloc[0]
    assert "words" in first["channel"].split("+")
    assert "data" in first["words"].split(", ")
    assert ep["onset_at"] <= first["start"] <= ep["onset_at"] + pd.Timedelta("6h")
