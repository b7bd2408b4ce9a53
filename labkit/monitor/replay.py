"""Replaying a comment stream to tune spike detection: the model behind the replay widget.

The stream is replayed up to a chosen moment; the trainee changes the method and its
thresholds and sees which alarms would have rung by then, and how good they were
(precision, recall, lead time, false alarms per week) against the issues that had
started by then. Detection at an hour uses only the hours before it, so replaying up
to a moment is the same as cutting the full result at that moment: the full result is
computed once per parameter set and cached, and moving the replay point is a cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from labkit.errors import LabkitError
from labkit.monitor.spikes import DEFAULTS, METHODS, Backtest, alerts, backtest, detect_spikes


@dataclass(frozen=True)
class ReplayState:
    """What the replay shows at one moment with one parameter set.

    Attributes
    ----------
    position : Timestamp
        The replay point (the stream is shown up to it).
    spikes : DataFrame
        :func:`detect_spikes`' table up to the position.
    alerts : DataFrame
        Alerts that started by then.
    backtest : Backtest or None
        Scores against the onsets before the position (None without onsets).
    params : dict
        Method and parameters used.
    """

    position: pd.Timestamp
    spikes: pd.DataFrame = field(repr=False)
    alerts: pd.DataFrame = field(repr=False)
    backtest: Backtest | None
    params: dict


class Replay:
    """A count series, known onsets (optional), and cached detection per parameter set.

    Parameters
    ----------
    series : Series of counts with a DatetimeIndex (for example hourly complaints and hoaxes)
    onsets : DataFrame with ``onset_at`` (and ``end_at``), optional
        Known issue starts, to score the alarms.
    words : boolean Series with a DatetimeIndex, optional
        The hours when a word burst (``watch(comments)["word_alert"]``, at its default
        settings): with ``words=True`` in :meth:`state` they ring the alarm too.
    """

    def __init__(
        self,
        series: pd.Series,
        onsets: pd.DataFrame | None = None,
        words: pd.Series | None = None,
    ) -> None:
        if not isinstance(series, pd.Series) or not isinstance(series.index, pd.DatetimeIndex):
            raise LabkitError("monitor.spikes.no_time_index")
        if words is not None and not isinstance(words.index, pd.DatetimeIndex):
            raise LabkitError("monitor.spikes.no_time_index")
        self.series = series
        self.onsets = onsets
        self.words = (
            None
            if words is None
            else words.reindex(series.index, fill_value=False).astype(bool).to_numpy()
        )
        self._detect = lru_cache(maxsize=64)(self._detect_uncached)

    @property
    def start(self) -> pd.Timestamp:
        return self.series.index[0]

    @property
    def end(self) -> pd.Timestamp:
        return self.series.index[-1]

    def _detect_uncached(self, method: str, params: tuple, words: bool) -> pd.DataFrame:
        out = detect_spikes(self.series, method=method, **dict(params))
        if words and self.words is not None:
            out["volume_alert"] = out["alert"]
            out["word_alert"] = self.words
            out["words"] = ""
            out["alert"] = out["volume_alert"].to_numpy() | self.words
        return out

    def state(
        self,
        *,
        method: str = "poisson",
        position: object = None,
        words: bool = True,
        **params: float,
    ) -> ReplayState:
        """Alarms and scores up to ``position`` (default: the end) with these settings.

        ``words`` adds the word bursts given to the replay (if any) to the volume alarm.

        Raises
        ------
        LabkitError
            For an unknown method or parameter (see :func:`detect_spikes`).
        """
        if method not in METHODS:
            raise LabkitError("monitor.spikes.bad_method", method=method, valid=", ".join(METHODS))
        full = {**DEFAULTS[method], **params}
        spikes = self._detect(method, tuple(sorted(full.items())), bool(words))
        at = self.end if position is None else pd.Timestamp(position)
        if at.tzinfo is None and self.end.tzinfo is not None:
            at = at.tz_localize(self.end.tzinfo)
        upto = spikes.loc[:at]
        found = alerts(upto)
        score = None
        if self.onsets is not None:
            started = self.onsets[pd.to_datetime(self.onsets["onset_at"], utc=True) <= at]
            score = backtest(found, started, period=(self.start, min(at, self.end)))
        used = words and self.words is not None
        return ReplayState(at, upto, found, score, {"method": method, **full, "words": used})
