"""Spikes in comment volume: when does an issue start to rise, and how early would we know?

Three baselines, each with its parameters in the open, so a trainee can tune them
(the replay widget of notebook 03 does exactly that):

* ``"zscore"`` -- the mean and standard deviation of the previous ``window``
  points; a point is unusual when it lies ``threshold`` deviations above the mean.
* ``"ewma"`` -- an exponentially weighted mean and deviation (``alpha``: how fast
  the baseline forgets); quicker to adapt to a new normal.
* ``"poisson"`` -- counts of rare events follow a Poisson law around the rolling
  mean; a point is unusual when a count at least this high had a probability below
  ``10 ** -threshold`` (the score is that probability's ``-log10``).

Every method also asks for ``min_count`` comments in the interval, so that three
comments at night on a quiet account do not wake anybody up.

:func:`alerts` turns alerting points into alert episodes; :func:`backtest`
scores them against the known onsets of issues (precision, recall, lead time,
false alarms per week).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from labkit.errors import LabkitError

METHODS = ("zscore", "ewma", "poisson")

#: Default parameters of each method (hourly counts). Tuned on the bundled universe and
#: checked on other seeds: see docs/monitoring.md.
DEFAULTS: dict[str, dict[str, float]] = {
    "zscore": {"window": 168, "threshold": 6.0, "min_count": 8},
    "ewma": {"alpha": 0.02, "threshold": 6.0, "min_count": 8},
    "poisson": {"window": 168, "threshold": 8.0, "min_count": 8},
}

#: How many bursting words an alert names (the first ones to burst).
ALERT_WORDS = 5

# A deviation floor: on a quiet account the deviation of the baseline is near zero, and any
# comment would be "infinitely" unusual.
_MIN_STD = 1.0


def _check_series(series: pd.Series, needed: int) -> pd.Series:
    if not isinstance(series, pd.Series):
        raise LabkitError("monitor.spikes.not_series", kind=type(series).__name__)
    if not isinstance(series.index, pd.DatetimeIndex):
        raise LabkitError("monitor.spikes.no_time_index")
    values = pd.to_numeric(series, errors="coerce")
    if values.isna().any():
        raise LabkitError("monitor.spikes.not_counts", n=int(values.isna().sum()))
    if len(values) < needed:
        raise LabkitError("monitor.spikes.too_short", n=len(values), needed=needed)
    return values.astype(float)


def _params(method: str, given: dict[str, float]) -> dict[str, float]:
    if method not in METHODS:
        raise LabkitError("monitor.spikes.bad_method", method=method, valid=", ".join(METHODS))
    unknown = sorted(set(given) - set(DEFAULTS[method]))
    if unknown:
        raise LabkitError(
            "monitor.spikes.bad_param",
            method=method,
            names=", ".join(unknown),
            valid=", ".join(DEFAULTS[method]),
        )
    return {**DEFAULTS[method], **given}


def detect_spikes(series: pd.Series, *, method: str = "poisson", **params: float) -> pd.DataFrame:
    """Score each point of a count series against its baseline.

    Parameters
    ----------
    series : Series of counts with a DatetimeIndex
        For example ``volume(comments, freq="h")["n"]``: one value per hour, zeros included.
    method : {"zscore", "ewma", "poisson"}
    **params
        ``window`` (points in the rolling baseline; zscore and poisson), ``alpha``
        (ewma), ``threshold`` (deviations for zscore/ewma; ``-log10`` probability for
        poisson) and ``min_count``. Defaults in :data:`DEFAULTS`.

    Returns
    -------
    DataFrame indexed like ``series``: ``count``, ``baseline`` (expected count),
    ``upper`` (the count that would alert), ``score`` and ``alert`` (bool). The
    parameters used are in ``.attrs["params"]``.

    Raises
    ------
    LabkitError
        If the series is not counts in time, or too short for the baseline (it needs
        at least a quarter of ``window`` points, or 24 for ewma).
    """
    p = _params(method, params)
    window = int(p.get("window", 0))
    needed = max(24, window // 4) if window else 24
    x = _check_series(series, needed)
    if method == "ewma":
        alpha = float(p["alpha"])
        if not 0 < alpha < 1:
            raise LabkitError("monitor.spikes.bad_alpha", alpha=alpha)
        mean = x.ewm(alpha=alpha, adjust=False).mean().shift(1)
        std = np.sqrt(x.ewm(alpha=alpha, adjust=False).var(bias=True).shift(1))
    else:
        rolling = x.rolling(window, min_periods=needed)
        mean, std = rolling.mean().shift(1), rolling.std(ddof=0).shift(1)
    if method == "poisson":
        from scipy.stats import poisson

        lam = mean.clip(lower=0.1)
        # P(X >= x) = sf(x - 1); its -log10 is the score
        sf = pd.Series(poisson.sf(x.to_numpy() - 1, lam.to_numpy()), index=x.index)
        score = -np.log10(sf.clip(lower=1e-300))
        upper = pd.Series(poisson.isf(10 ** -p["threshold"], lam.to_numpy()) + 1, index=x.index)
    else:
        sd = std.clip(lower=_MIN_STD)
        score = (x - mean) / sd
        upper = mean + p["threshold"] * sd
    score = score.where(mean.notna())
    alert = (score >= p["threshold"]) & (x >= p["min_count"])
    out = pd.DataFrame(
        {"count": x, "baseline": mean, "upper": upper.where(mean.notna()), "score": score}
    )
    out["alert"] = alert.fillna(False).astype(bool)
    out.attrs["params"] = {"method": method, **p}
    return out


def alerts(spikes: pd.DataFrame, *, merge_gap: str = "12h") -> pd.DataFrame:
    """Alert episodes: consecutive alerting points (gaps up to ``merge_gap`` joined).

    Parameters
    ----------
    spikes : DataFrame from :func:`detect_spikes` or :func:`~labkit.monitor.watch.watch`
    merge_gap : str
        Alerting points closer than this belong to one alert.

    Returns
    -------
    DataFrame with one row per alert: ``start``, ``end``, ``peak_at``, ``peak_count``,
    ``points`` (alerting points in it); from :func:`~labkit.monitor.watch.watch` also
    ``channel`` (``"volume"``, ``"words"`` or ``"volume+words"``: which signals rang)
    and ``words`` (the first :data:`ALERT_WORDS` bursting words, in order of appearance).
    """
    hot = spikes.index[spikes["alert"].to_numpy()]
    by_words = "word_alert" in spikes.columns
    cols = ["start", "end", "peak_at", "peak_count", "points"]
    cols += ["channel", "words"] if by_words else []
    if not len(hot):
        return pd.DataFrame(columns=cols)
    gap = pd.Timedelta(merge_gap)
    new = np.r_[True, (hot[1:] - hot[:-1]) > gap]
    group = np.cumsum(new)
    rows = []
    for g in np.unique(group):
        when = hot[group == g]
        counts = spikes.loc[when, "count"]
        row = {
            "start": when[0],
            "end": when[-1],
            "peak_at": counts.idxmax(),
            "peak_count": int(counts.max()),
            "points": len(when),
        }
        if by_words:
            rang = [
                name
                for name, column in (("volume", "volume_alert"), ("words", "word_alert"))
                if spikes.loc[when, column].any()
            ]
            row["channel"] = "+".join(rang)
            said = [w for hour in spikes.loc[when, "words"] if hour for w in hour.split(", ")]
            row["words"] = ", ".join(list(dict.fromkeys(said))[:ALERT_WORDS])
        rows.append(row)
    return pd.DataFrame(rows, columns=cols)


@dataclass(frozen=True)
class Backtest:
    """How well alerts caught known onsets.

    Attributes
    ----------
    precision : float
        Alerts that belong to an issue / all alerts (NaN with no alert).
    recall : float
        Onsets caught within ``within`` / all onsets.
    lead_minutes : pandas.Series
        Per onset: minutes from the onset to the first alert (NaN if missed).
    false_alarms : int
        Alerts that belong to no issue.
    false_alarms_per_week : float
        ``false_alarms`` over the weeks of the period.
    weeks : float
        Length of the period in weeks (the denominator).
    table : DataFrame
        One row per alert with ``onset`` (the issue it belongs to, or NaT).
    """

    precision: float
    recall: float
    lead_minutes: pd.Series
    false_alarms: int
    false_alarms_per_week: float
    weeks: float
    table: pd.DataFrame = field(repr=False)


def _onset_frame(onsets: pd.Series | pd.DataFrame | list) -> pd.DataFrame:
    if isinstance(onsets, pd.DataFrame):
        if "onset_at" not in onsets.columns:
            raise LabkitError("monitor.spikes.no_onsets", columns=", ".join(onsets.columns))
        frame = onsets.copy()
        frame["onset_at"] = pd.to_datetime(frame["onset_at"], utc=True)
        if "end_at" in frame.columns:
            frame["end_at"] = pd.to_datetime(frame["end_at"], utc=True)
        return frame.reset_index(drop=True)
    return pd.DataFrame({"onset_at": pd.to_datetime(pd.Series(list(onsets)), utc=True)})


def backtest(
    alert_table: pd.DataFrame,
    onsets: pd.Series | pd.DataFrame | list,
    *,
    within: str = "6h",
    period: tuple | None = None,
) -> Backtest:
    """Score alerts against known onsets.

    An onset is *caught* when an alert starts between one hour before it and
    ``within`` after it; the lead time is the minutes from the onset to that alert
    (negative: the alert came first). An alert *belongs to* an issue when it starts
    between one hour before the onset and the issue's ``end_at`` (or ``within``
    after the onset when no end is known); the others are false alarms.

    Parameters
    ----------
    alert_table : DataFrame from :func:`alerts`
    onsets : timestamps, or a DataFrame with ``onset_at`` (and optionally ``end_at``)
    within : str
        How late an alert may come and still count as catching the onset.
    period : (start, end), optional
        The monitored period, for false alarms per week; default the span of the alerts
        and onsets.
    """
    ons = _onset_frame(onsets)
    win, early = pd.Timedelta(within), pd.Timedelta("1h")
    starts = (
        pd.to_datetime(alert_table["start"], utc=True)
        if len(alert_table)
        else pd.Series([], dtype="datetime64[ns, UTC]")
    )
    belongs = pd.Series(pd.NaT, index=starts.index, dtype="datetime64[ns, UTC]")
    lead = []
    for _, row in ons.iterrows():
        onset = row["onset_at"]
        end = row["end_at"] if "end_at" in ons.columns and pd.notna(row["end_at"]) else onset + win
        mine = (starts >= onset - early) & (starts <= max(end, onset + win))
        belongs[mine & belongs.isna()] = onset
        caught = starts[(starts >= onset - early) & (starts <= onset + win)]
        lead.append((caught.min() - onset).total_seconds() / 60 if len(caught) else np.nan)
    if period is None:
        times = pd.concat([starts, ons["onset_at"]])
        period = (times.min(), times.max()) if len(times) else (None, None)
    lo, hi = period
    weeks = (pd.Timestamp(hi) - pd.Timestamp(lo)) / pd.Timedelta("7D") if lo is not None else 0.0
    weeks = max(float(weeks), 1 / 7)  # at least a day, so one alert is not "infinite" per week
    false = int(belongs.isna().sum())
    table = alert_table.copy()
    table["onset"] = belongs.to_numpy()
    lead_s = pd.Series(lead, index=ons["onset_at"].to_numpy(), name="lead_minutes", dtype=float)
    return Backtest(
        precision=float((~belongs.isna()).mean()) if len(starts) else float("nan"),
        recall=float(lead_s.notna().mean()) if len(lead_s) else float("nan"),
        lead_minutes=lead_s,
        false_alarms=false,
        false_alarms_per_week=false / weeks,
        weeks=weeks,
        table=table,
    )
