"""The replay model and widget (labkit.monitor.replay, labkit.widgets.replay)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from labkit.errors import LabkitError
from labkit.monitor import Replay, alerts, detect_spikes
from labkit.widgets.replay import ReplayWidget


def _series(step_at=500, n=24 * 40, seed=3):
    rng = np.random.default_rng(seed)
    counts = rng.poisson(1.0, n).astype(float)
    counts[step_at : step_at + 10] += 30
    counts[800] += 12  # one lone burst: a false alarm at low thresholds
    index = pd.date_range("2026-01-01", periods=n, freq="h", tz="UTC")
    return pd.Series(counts, index=index)


@pytest.fixture
def onsets():
    s = _series()
    return pd.DataFrame({"onset_at": [s.index[500]], "end_at": [s.index[520]]})


def test_replaying_up_to_a_moment_is_cutting_the_full_result(onsets):
    s = _series()
    model = Replay(s, onsets)
    middle = s.index[600]
    state = model.state(position=middle)
    assert state.spikes.index[-1] == middle
    full = detect_spikes(s)
    assert state.spikes["alert"].equals(full.loc[:middle, "alert"])  # detection is causal
    assert len(state.alerts) == len(alerts(full.loc[:middle]))
    before = model.state(position=s.index[400])
    assert before.backtest.lead_minutes.empty  # no issue had started yet


def test_unknown_method_is_explained(onsets):
    with pytest.raises(LabkitError, match="poisson"):
        Replay(_series(), onsets).state(method="median")


def test_widget_sliders_change_alarms_and_scores(onsets):
    widget = ReplayWidget(_series(), onsets)
    assert "1 dari 1" in widget.summary
    widget.controls["method"].value = "zscore"
    assert widget.state.params["method"] == "zscore"
    assert widget.controls["threshold"].value == 6.0  # the method's default
    widget.controls["min_count"].value = 5
    widget.controls["threshold"].value = 2.0
    loose = len(widget.state.alerts)
    widget.controls["threshold"].value = 14.0
    strict = len(widget.state.alerts)
    assert loose > strict >= 1
    widget.controls["day"].value = 5  # replay back to day 6: before the issue
    assert "Belum ada isu" in widget.summary
    assert widget._chart.value[:4] == b"\x89PNG"
    assert widget.last_update_seconds > 0


def test_every_control_has_a_visible_label(onsets):
    widget = ReplayWidget(_series(), onsets)
    assert all(c.description for c in widget.controls.values())


def _word_hours(s: pd.Series, at: list[int]) -> pd.Series:
    hours = pd.Series(False, index=s.index)
    hours.iloc[at] = True
    return hours


def test_word_bursts_given_to_the_replay_ring_the_alarm_too(onsets):
    s = _series()
    early = _word_hours(s, [499, 300])  # one at the door, one on a quiet day
    model = Replay(s, onsets, early)
    volume_only = model.state(words=False)
    both = model.state()
    assert both.params["words"] and not volume_only.params["words"]
    assert len(both.alerts) == len(volume_only.alerts) + 1  # 499 joins the alert
    assert both.backtest.lead_minutes.iloc[0] == -60  # an hour before the onset
    assert volume_only.backtest.lead_minutes.iloc[0] >= 0
    assert both.backtest.false_alarms == volume_only.backtest.false_alarms + 1
    assert set(both.alerts["channel"]) >= {"words", "volume+words"}
    # without word bursts given, the switch changes nothing
    plain = Replay(s, onsets)
    assert plain.state().alerts.equals(plain.state(words=False).alerts)
    assert not plain.state().params["words"]


def test_widget_word_checkbox(onsets):
    s = _series()
    widget = ReplayWidget(s, onsets, words=_word_hours(s, [300]))
    with_words = len(widget.state.alerts)
    widget.controls["words"].value = False
    assert len(widget.state.alerts) == with_words - 1
    assert "words" not in ReplayWidget(s, onsets).controls
