"""The day's issues in one summary: what labkit.report's Laporan Isu Harian is written from.

:func:`daily_summary` gathers, for one day (in the agency's local time zone): the volume
against the previous week, triage and sentiment counts, the words that rose, the comments
that most need a reply, the known hoaxes repeated, spike alerts and a severity level. What
could not be computed (no comments that day, too little history for a baseline) is listed
in ``missing`` so that the report says so instead of showing an empty table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from labkit.errors import LabkitError
from labkit.monitor.hoaxes import match_hoaxes
from labkit.monitor.labels import label_comments
from labkit.monitor.rise import why_it_rose
from labkit.monitor.severity import Severity, assess_severity, measure_signals
from labkit.monitor.spikes import alerts
from labkit.monitor.watch import watch


@dataclass(frozen=True)
class DailySummary:
    """One day of monitoring.

    Attributes
    ----------
    day : datetime.date
        The day, in ``tz``.
    tz : str
    n_comments : int
        Comments that day (the denominator of every share below).
    n_week_mean : float
        Mean comments per day over the previous seven days.
    labels, sentiments : DataFrame
        Counts (``n``) and shares (``share``) per triage label and per sentiment.
    rising_terms : DataFrame
        Words that rose against the previous seven days (see :mod:`labkit.monitor.rise`).
    top_comments : DataFrame
        Comments needing a reply, most liked first (text already masked on load).
    hoaxes : DataFrame
        Known hoaxes repeated that day: ``hoax_id``, ``judul``, ``n``, ``klarifikasi``, ``tautan``.
    alerts : DataFrame
        Alerts that started that day (:func:`~labkit.monitor.watch.watch`: by the volume
        of complaints or by a word filling them; ``channel`` and ``words`` say which).
    hourly : Series
        Comments per local hour (0-23) of the day.
    severity : Severity
    missing : list of str
        Message keys of what could not be computed.
    """

    day: object
    tz: str
    n_comments: int
    n_week_mean: float
    labels: pd.DataFrame = field(repr=False)
    sentiments: pd.DataFrame = field(repr=False)
    rising_terms: pd.DataFrame = field(repr=False)
    top_comments: pd.DataFrame = field(repr=False)
    hoaxes: pd.DataFrame = field(repr=False)
    alerts: pd.DataFrame = field(repr=False)
    severity: Severity | None = None
    missing: list[str] = field(default_factory=list)
    hourly: pd.Series = field(repr=False, default_factory=lambda: pd.Series(dtype="int64"))


def _shares(values: pd.Series, order: list[str]) -> pd.DataFrame:
    n = values.value_counts().reindex(order, fill_value=0)
    total = int(n.sum())
    return pd.DataFrame({"n": n, "share": n / total if total else float("nan")})


def daily_summary(
    comments: pd.DataFrame,
    day: object,
    *,
    account: str | None = None,
    tz: str = "Asia/Jakarta",
    top: int = 10,
) -> DailySummary:
    """Summarise one day of comments for the daily issue report.

    Parameters
    ----------
    comments : comments table (bundled or imported)
    day : date or "YYYY-MM-DD"
        The day, in ``tz`` (default WIB).
    account : str, optional
        Only this account's comments.
    tz : str
        The agency's time zone (``Asia/Jakarta``, ``Asia/Makassar``, ``Asia/Jayapura``).
    top : int
        How many comments and words to list.
    """
    from labkit.monitor.sentiment import SENTIMENTS
    from labkit.monitor.triage import LABELS

    try:
        start = (
            pd.Timestamp(day).tz_localize(tz)
            if pd.Timestamp(day).tzinfo is None
            else pd.Timestamp(day)
        )
    except (ValueError, TypeError):
        raise LabkitError("monitor.daily.bad_day", day=repr(day)) from None
    start = start.normalize()
    end = start + pd.Timedelta("1D")
    mine = comments if account is None else comments[comments["account"] == account]
    when = pd.to_datetime(mine["created_at"], utc=True)
    today = mine[(when >= start) & (when < end)]
    week = mine[(when >= start - pd.Timedelta("7D")) & (when < start)]
    missing: list[str] = []
    if today.empty:
        missing.append("monitor.daily.missing.no_comments")
    if week.empty:
        missing.append("monitor.daily.missing.no_history")
    labelled = label_comments(today)  # triage and sentiment, the texts normalised once
    terms = pd.DataFrame()
    if len(today) and len(week):
        terms = why_it_rose(
            mine, window=(start, end), baseline=(start - pd.Timedelta("7D"), start), top=top
        ).terms
        terms = terms[terms["z"] > 0]
    sort_by = [c for c in ("likes",) if c in labelled.columns]
    needing = labelled[labelled["needs_reply"]]
    if sort_by:
        needing = needing.sort_values(sort_by, ascending=False)
    keep = [
        c
        for c in ("comment_id", "created_at", "platform", "account", "text", "label", "likes")
        if c in needing
    ]
    found = match_hoaxes(today) if len(today) else pd.DataFrame(columns=["hoax_id"])
    hoaxes = (
        found.groupby("hoax_id")
        .agg(
            judul=("judul", "first"),
            n=("hoax_id", "size"),
            klarifikasi=("klarifikasi", "first"),
            tautan=("tautan", "first"),
        )
        .sort_values("n", ascending=False)
        .reset_index()
        if len(found)
        else pd.DataFrame(columns=["hoax_id", "judul", "n", "klarifikasi", "tautan"])
    )
    started = pd.DataFrame(
        columns=["start", "end", "peak_at", "peak_count", "points", "channel", "words"]
    )
    history = mine[(when >= start - pd.Timedelta("28D")) & (when < end)]
    if len(history):
        try:
            table = alerts(
                watch(history, start=start - pd.Timedelta("28D"), end=end - pd.Timedelta("1h"))
            )
            started = table[(table["start"] >= start) & (table["start"] < end)]
        except LabkitError:
            missing.append("monitor.daily.missing.short_history")
    severity = None
    if len(today):
        neg_all = pd.Series(False, index=mine.index)
        neg_all.loc[today.index] = (labelled["sentiment"] == "negative").to_numpy()
        signals = measure_signals(mine, (start, end), negative=neg_all)
        signals["known_hoax"] = bool(len(found))
        severity = assess_severity(signals)
    return DailySummary(
        day=start.date(),
        tz=tz,
        n_comments=len(today),
        n_week_mean=round(len(week) / 7, 1),
        labels=_shares(labelled["label"].astype(object), list(LABELS)),
        sentiments=_shares(labelled["sentiment"].astype(object), list(SENTIMENTS)),
        rising_terms=terms,
        top_comments=needing[keep].head(top).reset_index(drop=True),
        hoaxes=hoaxes,
        alerts=started.reset_index(drop=True),
        severity=severity,
        missing=missing,
        hourly=pd.to_datetime(today["created_at"], utc=True)
        .dt.tz_convert(tz)
        .dt.hour.value_counts()
        .reindex(range(24), fill_value=0)
        .astype("int64"),
    )
