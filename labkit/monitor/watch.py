"""Early warning: the number of complaints and the words in them, in one hourly table.

Two signals, each transparent, either of which rings the alarm:

* **volume** -- complaints and hoaxes per hour against their baseline
  (:func:`~labkit.monitor.spikes.detect_spikes`, z-score, EWMA or Poisson);
* **words** -- a word suddenly filling those comments
  (:func:`~labkit.monitor.bursts.word_bursts`): a slow issue that brings only a few
  comments an hour, all saying the same unusual thing.

:func:`watch` is what the lesson, the daily summary and the backtests call at their
default settings; :func:`~labkit.monitor.spikes.alerts` turns its table into alerts
that name the channel and the words.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from labkit.monitor.bursts import word_bursts
from labkit.monitor.query import volume
from labkit.monitor.spikes import detect_spikes
from labkit.monitor.triage import ISSUE_LABELS, triage


def issue_mask(comments: pd.DataFrame) -> pd.Series:
    """Which comments count as an issue signal: triage labels in :data:`ISSUE_LABELS`."""
    return triage(comments)["label"].isin(ISSUE_LABELS)


def watch(
    comments: pd.DataFrame,
    issue: pd.Series | None = None,
    *,
    method: str = "poisson",
    words: bool | Mapping[str, float] = True,
    start: object = None,
    end: object = None,
    **params: float,
) -> pd.DataFrame:
    """Hour by hour: is an issue rising, by its volume or by its words?

    Parameters
    ----------
    comments : DataFrame with ``created_at``, ``text``, ``author``, ``post_id``
        One stream, usually one account's comments.
    issue : boolean Series aligned with ``comments``, optional
        The comments that signal an issue (default: :func:`issue_mask`, complaints and
        hoaxes by the triage rules).
    method : {"zscore", "ewma", "poisson"}
        The volume baseline; ``**params`` are its parameters (see
        :func:`~labkit.monitor.spikes.detect_spikes`).
    words : bool or dict
        Also watch word bursts (default True); a dict gives their parameters (see
        :func:`~labkit.monitor.bursts.word_bursts`).
    start, end : timestamps, optional
        The period (default: the comments' first and last hour).

    Returns
    -------
    :func:`~labkit.monitor.spikes.detect_spikes`' table (``count``, ``baseline``,
    ``upper``, ``score``, ``alert``) plus ``volume_alert``, ``word_alert`` and ``words``
    (the bursting words of the hour, strongest first); ``alert`` is either signal.
    ``.attrs["params"]`` holds the volume parameters, ``.attrs["word_params"]`` the word
    parameters (None when words are off) and ``.attrs["bursts"]`` the word bursts table.
    """
    issue = issue_mask(comments) if issue is None else issue
    series = volume(comments, issue, start=start, end=end)["n"]
    out = detect_spikes(series, method=method, **params)
    out["volume_alert"] = out["alert"]
    out["word_alert"] = False
    out["words"] = ""
    out.attrs["word_params"] = None
    out.attrs["bursts"] = None
    if words is not False:
        given = {} if words is True else dict(words)
        bursts = word_bursts(comments, issue, start=series.index[0], end=series.index[-1], **given)
        by_hour = bursts.groupby("hour", sort=True)["word"].agg(", ".join)
        out["word_alert"] = out.index.isin(by_hour.index)
        out["words"] = by_hour.reindex(out.index).fillna("").astype(object).to_numpy()
        out["alert"] = out["volume_alert"].to_numpy() | out["word_alert"].to_numpy()
        out.attrs["word_params"] = bursts.attrs["params"]
        out.attrs["bursts"] = bursts
    return out
