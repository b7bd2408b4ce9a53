"""The audit checklist view: manual items per account, with a live score and chart.

A thin view (an :class:`ipywidgets.VBox`) over :mod:`labkit.audit.checklist`
and :mod:`labkit.checklist`: one :class:`~labkit.checklist.ChecklistModel`
per scope (the agency's own items, then each account), autosaved to the work
folder as the trainee ticks, so the answers are there after a kernel restart.
A drop-down chooses the scope; above it, the audit score (automatic items from
the report plus the manual answers so far) and one bar per Permenpan RB
83/2012 principle update with every tick.

>>> from labkit import widgets
>>> from labkit.audit import audit
>>> report = audit(accounts, posts, comments, agency="AG05")     # doctest: +SKIP
>>> daftar = widgets.audit_checklist(report)                     # doctest: +SKIP
>>> daftar                                                       # doctest: +SKIP
>>> daftar.model("AG05").set("GOV-01", state="partial", note="SOP draf")   # doctest: +SKIP
>>> daftar.score                   # the score of the checklist shown      # doctest: +SKIP
>>> report = daftar.report()       # the audit with the manual answers   # doctest: +SKIP

Keyboard: every control is a standard widget in reading order (Tab moves on,
arrow keys choose within the buttons or the list, Space/Enter press).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
import pandas as pd

from labkit import i18n
from labkit.audit import checklist as cl
from labkit.audit.report import AuditReport, ScopeScore
from labkit.audit.text import pct_text
from labkit.checklist import ChecklistModel
from labkit.errors import LabkitError
from labkit.values import normalize_handle
from labkit.widgets.checklist import ChecklistView

__all__ = ["AuditChecklist", "audit_checklist"]


def audit_checklist(report: AuditReport, **kwargs: Any) -> AuditChecklist:
    """The checklist view of ``report``'s manual items (see :class:`AuditChecklist`)."""
    return AuditChecklist(report, **kwargs)


class AuditChecklist(w.VBox):
    """Checklist view for the manual items of an audit (an :class:`ipywidgets.VBox`).

    Parameters
    ----------
    report : AuditReport
        The audit whose manual items are to be judged (its automatic items
        stay as they are).
    agency : str, optional
        Only this agency's accounts (default: every agency in the report).
    control : {"toggle", "dropdown"}
        Buttons (default) or a drop-down list for each item's answer.

    Attributes
    ----------
    score : ScopeScore
        The audit score of the scope shown, with its coverage (property).
    models : dict
        Scope name -> ChecklistModel (the saved answers).
    scope : ipywidgets.Dropdown
        Which checklist is shown: the agency's own items, or one account's.
    score_label : ipywidgets.HTML
        The audit score of the scope shown, with its coverage.
    bars : dict
        Principle -> ipywidgets.FloatProgress (0-100), the per-principle chart.
    widget : AuditChecklist
        The view itself (kept for older code: the view *is* the widget).

    Methods a lesson uses: :meth:`model` (the answers of one account or of the
    agency), :attr:`score`, :meth:`report` (the audit with the answers so far).
    """

    def __init__(
        self, report: AuditReport, *, agency: str | None = None, control: str = "toggle"
    ) -> None:
        super().__init__()
        self.base = report
        accounts = report.accounts
        if agency is not None:
            accounts = accounts.loc[accounts["agency_id"].astype(str) == str(agency)]
        self.accounts = accounts.reset_index(drop=True)
        self.control = control
        self.models = cl.open_models(self.accounts, report.rubric)
        self._scopes = cl.scopes(self.accounts)
        self._scopes = self._scopes.loc[self._scopes["name"].isin(self.models)].reset_index(
            drop=True
        )
        self._views: dict[str, Any] = {}
        self._report: AuditReport | None = None

        options = []
        for sc in self._scopes.itertuples(index=False):
            if sc.level == "agency":
                label = i18n.t("audit.widget.scope_agency", agency=report.agency_name(sc.agency_id))
            else:
                label = f"@{sc.account} ({i18n.t(f'audit.platform.{sc.platform}')})"
            options.append((label, sc.name))
        self.scope = w.Dropdown(
            options=options,
            value=options[0][1] if options else None,
            description=i18n.label("Daftar periksa", "Checklist"),
            style={"description_width": "initial"},
            layout=w.Layout(width="auto"),
        )
        self.scope.observe(lambda change: self._show(change["new"]), names="value")
        self.score_label = w.HTML()
        self.bars: dict[str, Any] = {}
        self.bar_labels: dict[str, Any] = {}
        rows = []
        for p in report.rubric.principles:
            bar = w.FloatProgress(
                value=0.0,
                min=0.0,
                max=100.0,
                description=p.capitalize(),
                style={"description_width": "120px"},
                layout=w.Layout(width="60%"),
            )
            text = w.HTML()
            self.bars[p] = bar
            self.bar_labels[p] = text
            rows.append(w.HBox([bar, text]))
        self.note = w.HTML(
            "<small>"
            + html.escape(
                i18n.t("audit.widget.note", as_of=report.as_of.strftime("%Y-%m-%d %H:%M UTC"))
            )
            + "</small>"
        )
        self.export_button = w.Button(
            description=i18n.label(
                "Ekspor laporan untuk pimpinan", "Export the report for leaders"
            ),
            icon="file-word-o",
            tooltip=i18n.label(
                "Simpan laporan (Word, Excel, web) ke folder exports/",
                "Save the report (Word, Excel, web) to the exports/ folder",
            ),
            layout=w.Layout(width="auto"),
        )
        self.export_button.on_click(self._on_export)
        self.status = w.HTML()
        self.holder = w.VBox()
        self.children = (
            self.scope,
            self.score_label,
            *rows,
            self.note,
            w.HBox([self.export_button, self.status]),
            self.holder,
        )
        for model in self.models.values():
            model.observe(self._on_change)
        if options:
            self._show(self.scope.value)

    # ---- model ---------------------------------------------------------------------------

    def answers(self) -> pd.DataFrame:
        """Every answer given so far, as a checklist table (see :mod:`labkit.audit.checklist`)."""
        return cl.answers_from_models(self.accounts, self.models)

    def report(self) -> AuditReport:
        """The audit with the manual answers given so far."""
        if self._report is None:
            self._report = self.base.with_checklist(self.answers())
        return self._report

    def model(
        self, agency_id: str, platform: str | None = None, account: str | None = None
    ) -> ChecklistModel:
        """The ChecklistModel of an account (or, with only ``agency_id``, of the agency's own items).

        Setting an answer there (``.set(item_id, state=..., note=...)``) saves it and
        updates the view, as a click would.
        """
        if account is not None:
            account = normalize_handle(account)  # as the checklist table reads it
        return self.models[cl.scope_name(agency_id, platform, account)]

    @property
    def score(self) -> ScopeScore | None:
        """The audit score of the scope shown (automatic items + manual answers so far).

        Shows as one line in a notebook; ``.value`` is 0-100 (None when nothing is
        scored), ``.coverage`` the share of the rubric's weight scored,
        ``.text()`` the line. None when the report has no scope to show.
        """
        sc = self._scopes.loc[self._scopes["name"] == self.scope.value]
        if sc.empty:
            return None
        sc = sc.iloc[0]
        if sc["level"] == "agency":
            return self.report().scope_score(sc["agency_id"])
        return self.report().scope_score(sc["agency_id"], sc["platform"], sc["account"])

    @property
    def widget(self) -> AuditChecklist:
        """The view itself (it is an ``ipywidgets.VBox``)."""
        return self

    # ---- view ----------------------------------------------------------------------------

    def view(self, name: str | None = None):
        """The ChecklistView of scope ``name`` (default: the one shown)."""
        name = name or self.scope.value
        if name not in self._views:
            self._views[name] = ChecklistView(self.models[name], control=self.control)
        return self._views[name]

    def export(self) -> list:
        """Save the report with the answers so far as Word, Excel and web page; return the paths."""
        report = self.report()
        agency = (
            self.accounts["agency_id"].iloc[0]
            if self.accounts["agency_id"].nunique() == 1
            else None
        )
        return [report.to_docx(agency=agency), report.to_xlsx(), report.to_html(agency=agency)]

    def _on_export(self, _button: Any = None) -> None:
        try:
            paths = self.export()
        except LabkitError as exc:
            self.status.value = f'<span style="color:#a00">{html.escape(str(exc))}</span>'
            return
        self.status.value = html.escape(
            i18n.t("audit.widget.exported", paths=", ".join(str(p) for p in paths))
        )

    def _show(self, name: str) -> None:
        self.holder.children = (self.view(name),)
        self._refresh()

    def _on_change(self, _model: Any, _item_id: str) -> None:
        self._report = None
        self._refresh()

    def _refresh(self) -> None:
        score = self.score
        if score is None:
            return
        lang = i18n.get_language()
        self.score_label.value = "<b>" + html.escape(score.text(lang)) + "</b>"
        for p, bar in self.bars.items():
            value, cov = score.by_principle.get(p, (None, None))
            if value is None:
                bar.value = 0.0
                bar.bar_style = ""
                self.bar_labels[p].value = "-"
            else:
                bar.value = float(value)
                bar.bar_style = "success" if value >= 75 else "warning" if value >= 50 else "danger"
                self.bar_labels[p].value = html.escape(f"{value:.0f} ({pct_text(cov, lang)})")

    @property
    def principle_values(self) -> dict[str, float | None]:
        """The chart's values: principle -> score shown (None when not scored)."""
        return {
            p: (None if self.bar_labels[p].value == "-" else bar.value)
            for p, bar in self.bars.items()
        }

    def close(self) -> None:
        """Stop following the models and close the widgets."""
        for model in self.models.values():
            model.unobserve(self._on_change)
        for view in self._views.values():
            view.close()
        for child in self.children:
            child.close()
        super().close()
