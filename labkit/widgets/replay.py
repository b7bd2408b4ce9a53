"""The replay widget: replay a comment stream and tune the spike alarm with sliders.

A thin view over :class:`labkit.monitor.replay.Replay`: a method selector, sliders
for the threshold and the minimum count, a slider for the replay day; a chart of the
last two weeks up to that day (counts, the alarm line, alarms as dotted lines) and a
line of scores (precision, recall, lead time, false alarms per week, each with its n).

>>> from labkit.widgets.replay import ReplayWidget
>>> widget = ReplayWidget(series, onsets)    # doctest: +SKIP
>>> widget.controls["threshold"].value = 10  # doctest: +SKIP
>>> widget.summary                           # doctest: +SKIP
"""

from __future__ import annotations

import html
import time
from typing import Any

import ipywidgets as w
import pandas as pd

from labkit import charts, i18n
from labkit.monitor.replay import Replay, ReplayState
from labkit.monitor.spikes import DEFAULTS, METHODS

__all__ = ["ReplayWidget"]

SCREEN_DPI = 80
#: Days shown before the replay point.
SHOWN_DAYS = 14
#: Threshold slider range per method.
THRESHOLDS = {"zscore": (1.0, 15.0, 0.5), "ewma": (1.0, 15.0, 0.5), "poisson": (2.0, 20.0, 0.5)}


class ReplayWidget(w.VBox):
    """Replay a count series and tune the alarm (an :class:`ipywidgets.VBox`).

    Parameters
    ----------
    series : Series of counts with a DatetimeIndex
    onsets : DataFrame with ``onset_at`` (and ``end_at``), optional
    words : boolean Series with a DatetimeIndex, optional
        Hours when a word burst (``monitor.watch(comments)["word_alert"]``); a checkbox
        then adds them to the alarm.

    Attributes
    ----------
    controls : dict of str to Widget
        ``"method"``, ``"threshold"``, ``"min_count"``, ``"day"`` and, with ``words``,
        ``"words"`` (set ``.value`` in tests).
    state : ReplayState
        What is shown now.
    last_update_seconds : float
        Time from the last change to the new chart and scores.
    """

    def __init__(
        self,
        series: pd.Series,
        onsets: pd.DataFrame | None = None,
        words: pd.Series | None = None,
        **kwargs: Any,
    ):
        self.model = Replay(series, onsets, words)
        days = pd.date_range(self.model.start.normalize(), self.model.end.normalize(), freq="D")
        self._days = list(days)
        style = {"description_width": "initial"}
        lo, hi, step = THRESHOLDS["poisson"]
        self.controls: dict[str, w.Widget] = {
            "method": w.Dropdown(
                options=[(i18n.t(f"replay.method.{m}"), m) for m in METHODS],
                value="poisson",
                description=i18n.t("replay.label.method"),
                style=style,
            ),
            "threshold": w.FloatSlider(
                value=DEFAULTS["poisson"]["threshold"], min=lo, max=hi, step=step,
                description=i18n.t("replay.label.threshold"), style=style, continuous_update=False,
            ),
            "min_count": w.IntSlider(
                value=int(DEFAULTS["poisson"]["min_count"]), min=1, max=40,
                description=i18n.t("replay.label.min_count"), style=style, continuous_update=False,
            ),
            "day": w.SelectionSlider(
                options=[(charts.format_date(d, "short"), i) for i, d in enumerate(self._days)],
                value=len(self._days) - 1,
                description=i18n.t("replay.label.day"), style=style, continuous_update=False,
                layout=w.Layout(width="95%"),
            ),
        }  # fmt: skip
        if words is not None:
            self.controls["words"] = w.Checkbox(
                value=True, description=i18n.t("replay.label.words"), style=style, indent=False
            )
        self._chart = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self._summary = w.HTML()
        self._fig = charts.figure()
        self.last_update_seconds = 0.0
        self._syncing = False
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        row = w.HBox(
            [
                self.controls[k]
                for k in ("method", "threshold", "min_count", "words")
                if k in self.controls
            ]
        )
        super().__init__([row, self.controls["day"], self._summary, self._chart], **kwargs)
        self._update()

    # ------------------------------------------------------------------ model side

    @property
    def summary(self) -> str:
        """The scores line, as text."""
        return self._summary_text(self.state)

    def _params(self) -> dict[str, Any]:
        return {
            "method": self.controls["method"].value,
            "threshold": float(self.controls["threshold"].value),
            "min_count": int(self.controls["min_count"].value),
            "words": bool(self.controls["words"].value) if "words" in self.controls else False,
        }

    def _changed(self, change: dict) -> None:
        if self._syncing:
            return
        if change["owner"] is self.controls["method"]:
            self._syncing = True
            lo, hi, step = THRESHOLDS[change["new"]]
            slider = self.controls["threshold"]
            slider.min, slider.max, slider.step = lo, hi, step
            slider.value = DEFAULTS[change["new"]]["threshold"]
            self._syncing = False
        self._update()

    def _update(self) -> None:
        began = time.perf_counter()
        params = self._params()
        day = self._days[self.controls["day"].value]
        position = day + pd.Timedelta("1D") - pd.Timedelta("1h")
        self.state = self.model.state(position=position, **params)
        self._summary.value = "<p>" + html.escape(self._summary_text(self.state)) + "</p>"
        self._draw(self.state)
        self.last_update_seconds = time.perf_counter() - began

    def _summary_text(self, state: ReplayState) -> str:
        n_alerts = len(state.alerts)
        parts = [i18n.t("replay.alerts", n=n_alerts)]
        score = state.backtest
        if score is not None and len(score.lead_minutes):
            caught = int(score.lead_minutes.notna().sum())
            leads = ", ".join(
                i18n.number_text(v) if pd.notna(v) else "-" for v in score.lead_minutes
            )
            parts.append(
                i18n.t(
                    "replay.scores",
                    caught=caught,
                    onsets=len(score.lead_minutes),
                    precision=i18n.number_text(score.precision * 100) if n_alerts else "-",
                    lead=leads,
                    false=score.false_alarms,
                    per_week=i18n.number_text(score.false_alarms_per_week, 2),
                    weeks=i18n.number_text(score.weeks, 1),
                )
            )
        elif score is not None:
            parts.append(i18n.t("replay.no_onsets_yet", false=score.false_alarms))
        return " ".join(parts)

    def _draw(self, state: ReplayState) -> None:
        shown = state.spikes.loc[state.position - pd.Timedelta(days=SHOWN_DAYS) :]
        frame = pd.concat(
            [
                pd.DataFrame(
                    {
                        "time": shown.index,
                        "value": shown["count"],
                        "what": i18n.t("replay.series.count"),
                    }
                ),
                pd.DataFrame(
                    {
                        "time": shown.index,
                        "value": shown["upper"],
                        "what": i18n.t("replay.series.upper"),
                    }
                ),
            ]
        )
        start = shown.index[0] if len(shown) else state.position
        marks = (
            [t for t in state.alerts["start"] if pd.Timestamp(t) >= start]
            if len(state.alerts)
            else []
        )
        charts.line(
            frame, "time", "value", group="what", marks=marks, fig=self._fig,
            title=i18n.t("replay.title"),
            subtitle=i18n.t("replay.subtitle_words" if state.params["words"] else "replay.subtitle", method=state.params["method"]),
        )  # fmt: skip
        self._chart.value = charts.to_png(self._fig, dpi=SCREEN_DPI)
