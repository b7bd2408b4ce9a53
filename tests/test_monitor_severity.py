"""Severity levels and escalation (labkit.monitor.severity)."""

from __future__ import annotations

import pandas as pd
import pytest

from labkit import data
from labkit.errors import LabkitError
from labkit.monitor import assess_severity, sentiment

severity = __import__("labkit.monitor.severity", fromlist=["measure_signals"])


@pytest.mark.parametrize(
    ("signals", "level"),
    [
        ({}, 1),
        ({"volume_ratio": 1.5, "negative_share": 0.2}, 1),
        ({"known_hoax": True}, 2),
        ({"volume_ratio": 6}, 3),
        ({"media": True, "negative_share": 0.9}, 3),
        ({"safety": True}, 4),
        ({"volume_ratio": float("nan")}, 1),  # a missing signal never raises a level
    ],
)
def test_levels_follow_the_rules(signals, level):
    assert assess_severity(signals).level == level


def test_who_is_told_and_why():
    result = assess_severity({"volume_ratio": 25})
    assert result.level == 4 and "pimpinan" in result.notify and "humas pusat" in result.notify
    assert result.reasons == ["volume dibanding biasanya = 25 (batas: 20)"]


def test_a_misspelt_signal_is_refused():
    with pytest.raises(LabkitError, match="volume_rasio"):
        assess_severity({"volume_rasio": 30})


def test_trainer_rules_replace_the_default(work):
    (work / severity.USER_RULES_FILE).write_text(
        "levels:\n  1: {name: Biasa, notify: [admin], when: []}\n"
        "  2: {name: Gawat, notify: [kepala dinas], when: [{signal: platforms, at_least: 2}]}\n",
        "utf-8",
    )
    result = assess_severity({"platforms": 2, "safety": True})
    assert (result.level, result.name, result.notify) == (2, "Gawat", ["kepala dinas"])


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("levels:\n  1: {name: A, notify: [x], when: [{signal: suhu, at_least: 3}]}\n", "suhu"),
        ("levels:\n  1: {name: A, when: []}\n", "notify"),
        ("levels:\n  1: {name: A, notify: [x], when: [\n", "baris"),
    ],
)
def test_broken_trainer_rules_are_explained(work, content, words):
    (work / severity.USER_RULES_FILE).write_text(content, "utf-8")
    with pytest.raises(LabkitError, match=words):
        assess_severity({})


def test_bundled_episodes_reach_warning_or_crisis():
    comments = data.load("comments")
    crises = data.load("truth_crises")  # ground truth: only tests and checks read it
    for _, ep in crises.iterrows():
        mine = comments[comments["account"] == ep["account"]]
        negative = sentiment(mine["text"])["sentiment"] == "negative"
        window = (ep["onset_at"], ep["onset_at"] + pd.Timedelta("12h"))
        signals = severity.measure_signals(mine, window, negative=negative)
        assert signals["volume_ratio"] > 5 and 0 < signals["negative_share"] <= 1
        assert assess_severity(signals).level >= 3, ep["episode_id"]
    quiet = comments[comments["account"] == crises["account"].iloc[0]]
    calm = (
        crises["onset_at"].iloc[0] - pd.Timedelta("20D"),
        crises["onset_at"].iloc[0] - pd.Timedelta("19D"),
    )
    assert assess_severity(severity.measure_signals(quiet, calm)).level <= 2
