"""Spike detection and backtesting (labkit.monitor.spikes) and volume (labkit.monitor.query)."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest

from labkit import data
from labkit.errors import LabkitError
from labkit.monitor import alerts, backtest, detect_spikes, triage, volume

spikes = importlib.import_module("labkit.monitor.spikes")


def _series(n=24 * 28, rate=1.0, seed=1, step_at=None, step_rate=30.0, step_hours=12):
    rng = np.random.default_rng(seed)
    counts = rng.poisson(rate, n).astype(float)
    if step_at is not None:
        counts[step_at : step_at + step_hours] += rng.poisson(step_rate, step_hours)
    index = pd.date_range("2026-01-01", periods=n, freq="h", tz="UTC")
    return pd.Series(counts, index=index)


@pytest.mark.parametrize("method", spikes.METHODS)
def test_a_planted_step_is_caught_at_once(method):
    s = _series(step_at=500)
    found = alerts(detect_spikes(s, method=method))
    onset = s.index[500]
    result = backtest(found, [onset])
    assert result.recall == 1.0
    assert 0 <= result.lead_minutes.iloc[0] <= 60


@pytest.mark.parametrize("method", spikes.METHODS)
def test_quiet_poisson_noise_raises_no_alarm(method):
    assert not detect_spikes(_series(seed=7), method=method)["alert"].any()


def test_parameters_are_exposed_and_recorded():
    s = _series(step_at=500, step_rate=6.0)
    strict = detect_spikes(s, method="zscore", threshold=50)
    loose = detect_spikes(s, method="zscore", threshold=2, min_count=3)
    assert strict["alert"].sum() < loose["alert"].sum()
    assert loose.attrs["params"] == {
        "method": "zscore",
        "window": 168,
        "threshold": 2,
        "min_count": 3,
    }


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: detect_spikes(_series(n=10)), "terlalu pendek"),
        (lambda: detect_spikes(pd.Series([1.0] * 300)), "berindeks waktu"),
        (lambda: detect_spikes(_series(), method="median"), "poisson"),
        (lambda: detect_spikes(_series(), method="ewma", window=5), "alpha"),
        (lambda: detect_spikes(_series(), method="ewma", alpha=3), "antara 0 dan 1"),
    ],
)
def test_bad_input_gets_a_clear_message(call, words):
    with pytest.raises(LabkitError, match=words):
        call()


def test_alerts_join_points_close_in_time():
    s = _series()
    frame = pd.DataFrame({"count": s, "alert": False})
    frame.iloc[[100, 101, 105, 300], frame.columns.get_loc("alert")] = True
    table = alerts(frame, merge_gap="6h")
    assert table["points"].tolist() == [3, 1]
    assert table["start"].tolist() == [s.index[100], s.index[300]]


def test_backtest_counts_lead_false_alarms_and_denominators():
    t0 = pd.Timestamp("2026-03-01", tz="UTC")
    table = pd.DataFrame(
        {
            "start": [t0 + pd.Timedelta("2h"), t0 + pd.Timedelta("20D"), t0 + pd.Timedelta("3D")],
            "end": [t0 + pd.Timedelta("3h")] * 3,
            "peak_at": [t0] * 3,
            "peak_count": [10] * 3,
            "points": [1] * 3,
        }
    )
    onsets = pd.DataFrame(
        {"onset_at": [t0, t0 + pd.Timedelta("10D")], "end_at": [t0 + pd.Timedelta("4D"), pd.NaT]}
    )
    result = backtest(table, onsets, period=(t0, t0 + pd.Timedelta("28D")))
    assert result.lead_minutes.tolist()[0] == 120 and np.isnan(result.lead_minutes.tolist()[1])
    assert result.recall == 0.5
    assert result.false_alarms == 1  # the alert on day 20; the one on day 3 is during the issue
    assert result.precision == pytest.approx(2 / 3)
    assert result.weeks == 4 and result.false_alarms_per_week == 0.25


def test_volume_counts_every_interval_including_quiet_ones():
    t0 = pd.Timestamp("2026-03-01 08:10", tz="UTC")
    comments = pd.DataFrame(
        {
            "created_at": [t0, t0 + pd.Timedelta("5min"), t0 + pd.Timedelta("3h")],
            "account": list("aab"),
        }
    )
    v = volume(comments)
    assert v["n"].tolist() == [2, 0, 0, 1]
    by = volume(comments, by="account")
    assert by["a"].tolist() == [2, 0, 0, 0] and by["b"].sum() == 1
    named = volume(comments, {"x": comments["account"] == "a"}, freq="hari")
    assert named["x"].tolist() == [2]
    with pytest.raises(LabkitError, match="per jam atau per hari"):
        volume(comments, freq="minggu")


def test_bundled_episodes_caught_within_six_hours_at_default_settings():
    comments = data.load("comments")
    crises = data.load("truth_crises")  # ground truth: only tests and checks read it
    negative = triage(comments)["label"].isin(["complaint", "hoax"])
    per_account = volume(comments, negative, by="account")
    period = (per_account.index[0], per_account.index[-1])
    months = (period[1] - period[0]) / pd.Timedelta("30D")
    for method in spikes.METHODS:
        false_alarms = 0
        for account in per_account.columns:
            result = backtest(
                alerts(detect_spikes(per_account[account], method=method)),
                crises.loc[crises["account"] == account, ["onset_at", "end_at"]],
                period=period,
            )
            false_alarms += result.false_alarms
            if len(result.lead_minutes):
                assert result.lead_minutes.between(-60, 360).all(), (method, account)
        per_stream_month = false_alarms / len(per_account.columns) / months
        print(f"{method}: {per_stream_month:.2f} false alarms per account-month")
        assert per_stream_month <= 1.0, method
