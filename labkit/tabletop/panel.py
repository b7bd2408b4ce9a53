"""The monitoring panel of a tabletop exercise: module 3's triage and spike detection on the feed so far."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from labkit import monitor
from labkit.errors import LabkitError
from labkit.tabletop.exercise import ExerciseState

#: Spike settings for a scenario's minute-by-minute comment counts (minutes, not hours).
SPIKE_SETTINGS = {"method": "poisson", "window": 30, "threshold": 3.0, "min_count": 3}


@dataclass(frozen=True)
class Panel:
    """What the monitor sees: comments so far, triage counts, and whether the volume spikes now.

    ``spike`` is None while the scenario is too young for a baseline (``reason`` says so).
    """

    n_comments: int
    counts: pd.DataFrame
    last_10_minutes: int
    spike: bool | None
    reason: str


def monitoring_panel(state: ExerciseState) -> Panel:
    """Triage counts of the visible comments and a spike check of their volume per scenario minute."""
    comments = state.feed[state.feed["type"] == "comment"]
    counts = (
        monitor.counts(monitor.triage(comments))
        if len(comments)
        else pd.DataFrame(columns=["n", "share"])
    )
    recent = int((comments["minute"] >= state.minute - 10).sum())
    minutes = int(state.minute)
    per_minute = (
        comments["minute"].value_counts().reindex(range(minutes + 1), fill_value=0).sort_index()
    )
    per_minute.index = pd.Timestamp("2000-01-01", tz="UTC") + pd.to_timedelta(
        per_minute.index, unit="min"
    )
    try:
        spikes = monitor.detect_spikes(per_minute.astype(float), **SPIKE_SETTINGS)
    except LabkitError as err:
        return Panel(len(comments), counts, recent, None, str(err))
    hot = bool(spikes["alert"].tail(10).any())
    return Panel(len(comments), counts, recent, hot, "")
