"""The engagement dashboard: a thin ipywidgets view over :class:`labkit.dashboard.DashboardModel`.

Selectors for agency, platform, account, date range, metric, denominator and
breakdown; a chart (a PNG of the lab-styled matplotlib figure) and a table
(with ``n`` and the rows below the minimum ``n`` marked) that update together
after every change; two buttons that save the current view as PNG + SVG and
as XLSX in the work folder.

>>> from labkit.widgets.dashboard import Dashboard
>>> dash = Dashboard.from_data(agency="AG05")   # doctest: +SKIP
>>> dash                                        # doctest: +SKIP  (last value of a cell: shown)
>>> dash.set(breakdown="weekday_hour")          # doctest: +SKIP
>>> dash.table                                  # doctest: +SKIP
>>> dash.export_png(), dash.export_xlsx()       # doctest: +SKIP

Lessons use the documented members (:attr:`Dashboard.table`,
:attr:`Dashboard.figure`, :meth:`Dashboard.set`, :meth:`Dashboard.export_png`,
:meth:`Dashboard.export_xlsx`); :attr:`Dashboard.controls` gives the selector
widgets by filter name, for tests (set ``.value``) and for layout.
"""

from __future__ import annotations

import html
import os
import time
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from labkit import charts, i18n
from labkit.dashboard import FILTERS, DashboardModel, DashboardView
from labkit.errors import LabkitError

__all__ = ["Dashboard"]

#: Resolution of the chart shown in the notebook (exports use charts.save's 200 dpi).
SCREEN_DPI = 80


class Dashboard(w.VBox):
    """The engagement dashboard widget (an :class:`ipywidgets.VBox`).

    Parameters
    ----------
    model : DashboardModel
        The data and filters; the widget only shows it and forwards changes.

    Attributes
    ----------
    model : DashboardModel
    controls : dict of str to Widget
        The selector of each filter (``"agency"``, ``"platform"``,
        ``"account"``, ``"start"``, ``"end"``, ``"metric"``,
        ``"denominator"``, ``"breakdown"``).
    last_update_seconds : float
        Time of the last update, from the change to the new chart and table.
    """

    def __init__(self, model: DashboardModel, **kwargs: Any) -> None:
        self.model = model
        self._syncing = False
        self._fig = charts.figure()
        self.last_update_seconds = 0.0
        self.controls: dict[str, w.Widget] = {}
        layout = w.Layout(width="auto")
        for name in ("agency", "platform", "account", "metric", "denominator", "breakdown"):
            self.controls[name] = w.Dropdown(
                description=i18n.t(f"dashboard.label.{name}"),
                style={"description_width": "initial"},
                layout=layout,
            )
        for name in ("start", "end"):
            self.controls[name] = w.DatePicker(
                description=i18n.t(f"dashboard.label.{name}"),
                style={"description_width": "initial"},
            )
        self._chart = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self._table = w.HTML()
        self._message = w.HTML()
        self._status = w.HTML()
        self._png_button = w.Button(description=i18n.t("dashboard.save_png"), icon="image")
        self._xlsx_button = w.Button(description=i18n.t("dashboard.save_xlsx"), icon="table")
        self._png_button.on_click(lambda _b: self.export_png())
        self._xlsx_button.on_click(lambda _b: self.export_xlsx())
        c = self.controls
        rows = [
            w.HBox([c["agency"], c["platform"], c["account"]]),
            w.HBox([c["start"], c["end"]]),
            w.HBox([c["metric"], c["denominator"], c["breakdown"]]),
            self._message,
            self._chart,
            self._table,
            w.HBox([self._png_button, self._xlsx_button]),
            self._status,
        ]
        super().__init__(rows, **kwargs)
        self._sync_controls()
        self._render(model.view)
        for name in FILTERS:
            self.controls[name].observe(self._on_change(name), names="value")

    @classmethod
    def from_data(cls, source: str | None = None, **kwargs: Any) -> Dashboard:
        """A dashboard over the tables of ``source`` (default: the current one)."""
        return cls(DashboardModel.from_data(source, **kwargs))

    # -- public API

    @property
    def view(self) -> DashboardView:
        """What is shown now (filters, table, chart data, message)."""
        return self.model.view

    @property
    def table(self) -> pd.DataFrame:
        """The table shown: one row per group with ``median``, interval, ``n``, ``low_n``."""
        return self.model.view.table

    @property
    def figure(self) -> Any:
        """The chart shown (a matplotlib Figure; redrawn in place after every change)."""
        return self._fig

    @property
    def filters(self) -> dict[str, Any]:
        """The current filters."""
        return self.model.filters

    @property
    def message(self) -> str:
        """Why the view is empty, or ``""``."""
        return self.model.view.message

    def set(self, **filters: Any) -> DashboardView:
        """Change filters from code (the selectors follow); returns the new view."""
        start = time.perf_counter()
        view = self.model.set(**filters)
        self._sync_controls()
        self._render(view, start)
        return view

    def export_png(self, name: str | None = None) -> charts.SavedChart:
        """Save the current chart as PNG and SVG in ``<work dir>/exports/grafik/``."""
        saved = charts.save(self._fig, name or self.model.view.file_stem())
        self._status.value = html.escape(i18n.t("dashboard.saved", path=str(saved.png)))
        return saved

    def export_xlsx(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Save the current table (and the filters) as XLSX in ``<work dir>/exports/``."""
        target = self.model.view.export_xlsx(path)
        self._status.value = html.escape(i18n.t("dashboard.saved", path=str(target)))
        return target

    # -- internals

    def _on_change(self, name: str):
        def callback(change: dict) -> None:
            if self._syncing:
                return
            start = time.perf_counter()
            try:
                view = self.model.set(**{name: change["new"]})
            except LabkitError as exc:  # shown to the trainee; the view stays as it was
                self._message.value = f'<p style="color:#B00020">{html.escape(str(exc))}</p>'
                self._sync_controls()
                return
            self._sync_controls()
            self._render(view, start)

        return callback

    def _sync_controls(self) -> None:
        """Make every selector show the model's options and values (no callbacks fire)."""
        self._syncing = True
        try:
            f = self.model.filters
            for name in ("agency", "platform", "account", "metric", "denominator", "breakdown"):
                control = self.controls[name]
                options = self.model.options(name)
                if list(control.options) != options:
                    control.options = options
                if control.value != f[name]:
                    control.value = f[name]
            for name in ("start", "end"):
                if self.controls[name].value != f[name]:
                    self.controls[name].value = f[name]
        finally:
            self._syncing = False

    def _render(self, view: DashboardView, start: float | None = None) -> None:
        start = time.perf_counter() if start is None else start
        view.figure(self._fig)
        self._chart.value = charts.to_png(self._fig, dpi=SCREEN_DPI)
        self._table.value = _table_html(view)
        self._message.value = (
            f'<p style="color:#8A4B00">{html.escape(view.message)}</p>' if view.message else ""
        )
        self.last_update_seconds = time.perf_counter() - start


def _table_html(view: DashboardView) -> str:
    """The table as HTML; low-n rows grey, italic and marked (escaped text only)."""
    shown = view.display_table()
    if shown.empty:
        return ""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    rows = []
    for low, values in zip(view.table["low_n"], shown.itertuples(index=False), strict=True):
        style = ' style="color:#767676;font-style:italic"' if low else ""
        cells = "".join(f"<td>{html.escape(str(v))}</td>" for v in values)
        rows.append(f'<tr class="{"low-n" if low else "ok"}"{style}>{cells}</tr>')
    caption = html.escape(view.title)
    terms = "".join(
        f"<li><b>{html.escape(t)}</b>: {html.escape(d)}</li>"
        for t, d in view.terms()[["term", "definition"]].itertuples(index=False)
    )
    return (
        '<div style="max-height:320px;overflow:auto"><table class="labkit-dashboard">'
        f"<caption>{caption}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        f'<details class="labkit-terms"><summary>{html.escape(i18n.t("dashboard.terms"))}</summary>'
        f"<ul>{terms}</ul></details>"
    )
