"""The view of one checklist: a thin ipywidgets form over :class:`labkit.checklist.ChecklistModel`.

:class:`ChecklistView` is an :class:`ipywidgets.VBox` (so it sits in a
``VBox`` or ``Tab``): per item a :class:`~ipywidgets.ToggleButtons` (or a
:class:`~ipywidgets.Dropdown`) for the state and a :class:`~ipywidgets.Textarea`
for the evidence; a score line and a bar per group that update as items are
ticked; a button that saves the checklist as an Excel file for leaders. The
model, its saving and its scoring are :mod:`labkit.checklist` (re-exported
here for older imports).

Every control is a standard focusable widget and the items come in order, so
the checklist is used with the keyboard alone: Tab moves to the next control,
arrow keys move within the buttons or the list, Space or Enter presses.

>>> from labkit.checklist import ChecklistModel
>>> from labkit.widgets.checklist import ChecklistView
>>> model = ChecklistModel(
...     [{"id": "bio", "text": "Bio menyebut nama instansi", "group": "Identitas"}],
...     name="latihan_identitas")                        # doctest: +SKIP
>>> view = ChecklistView(model)                          # doctest: +SKIP
>>> view.score                                           # doctest: +SKIP
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from labkit import i18n
from labkit.checklist import (
    POINTS,
    STATES,
    ChecklistError,
    ChecklistModel,
    Item,
    Score,
    default_score,
    state_label,
)
from labkit.errors import LabkitError

__all__ = [
    "POINTS",
    "STATES",
    "ChecklistError",
    "ChecklistModel",
    "ChecklistView",
    "Item",
    "Score",
    "default_score",
]


class ChecklistView(w.VBox):
    """ipywidgets view of a :class:`ChecklistModel` (an :class:`ipywidgets.VBox`).

    Parameters
    ----------
    model : ChecklistModel
        The checklist to show; changes in the widgets go to the model (which
        saves them), and changes to the model show in the widgets.
    control : {"toggle", "dropdown"}
        Buttons for the state (default) or a drop-down list (narrow screens).
    title : str, optional
        Heading shown above the items.

    Attributes
    ----------
    model : ChecklistModel
    score : Score
        The checklist's score now (property; shows as one line in a notebook).
    widget : ChecklistView
        The view itself (kept for older code: the view *is* the widget).
    state_widgets, note_widgets : dict
        Item id -> the state control / evidence Textarea.
    score_label : ipywidgets.HTML
        The score line.
    bars : dict
        Group -> ipywidgets.FloatProgress (0-100) showing the group's score.
    export_button : ipywidgets.Button
        Saves the checklist as an Excel file (:meth:`ChecklistModel.to_xlsx`).
    """

    def __init__(
        self, model: ChecklistModel, *, control: str = "toggle", title: str | None = None
    ) -> None:
        super().__init__()
        if control not in ("toggle", "dropdown"):
            raise ChecklistError("checklist.bad_control", control=control)
        self.model = model
        self._syncing = False
        options = [(state_label(s), s) for s in STATES]
        hints = [state_label(s, hint=True) for s in STATES]
        self.state_widgets: dict[str, Any] = {}
        self.note_widgets: dict[str, Any] = {}
        rows = []
        if title:
            rows.append(w.HTML(f"<h3>{html.escape(title)}</h3>"))
        group = None
        for n, item in enumerate(model.items, start=1):
            if item.group and item.group != group:
                rows.append(w.HTML(f"<h4>{html.escape(item.group)}</h4>"))
            group = item.group
            text = f"<b>{n}.</b> {html.escape(item.text)}"
            if item.help:
                text += f"<br><small>{html.escape(item.help)}</small>"
            label = w.HTML(value=text, layout=w.Layout(width="100%"))
            # every control has a visible label (screen readers and keyboard users find it by name)
            common = dict(
                value=model.state(item.id),
                description=i18n.label("Jawaban", "Answer"),
                layout=w.Layout(width="auto"),
            )
            if control == "toggle":
                state = w.ToggleButtons(
                    options=options,
                    tooltips=hints,
                    style={"button_width": "auto"},
                    **common,
                )
            else:
                state = w.Dropdown(options=options, **common)
            state.observe(self._on_state(item.id), names="value")
            note = w.Textarea(
                value=model.note(item.id),
                description=i18n.label("Bukti", "Evidence"),
                placeholder=i18n.label(
                    "Bukti / catatan (mis. tautan atau letak tangkapan layar)",
                    "Evidence / note (e.g. a link or where the screenshot is)",
                ),
                # saved when the box loses focus, not on every keystroke (each save
                # rebuilds the score and any report listening to the model)
                continuous_update=False,
                rows=2,
                layout=w.Layout(width="95%"),
            )
            note.observe(self._on_note(item.id), names="value")
            self.state_widgets[item.id] = state
            self.note_widgets[item.id] = note
            rows.append(w.VBox([label, state, note], layout=w.Layout(margin="0 0 12px 0")))

        self.score_label = w.HTML()
        self.bars: dict[str, Any] = {}
        self.bar_labels: dict[str, Any] = {}
        bar_rows = []
        for g in model.groups:
            name = g or i18n.label("Semua butir", "All items")
            bar = w.FloatProgress(
                value=0.0,
                min=0.0,
                max=100.0,
                description=name[:30],
                description_allow_html=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="60%"),
            )
            text = w.HTML()
            self.bars[g] = bar
            self.bar_labels[g] = text
            bar_rows.append(w.HBox([bar, text]))
        self.export_button = w.Button(
            description=i18n.label("Simpan sebagai Excel", "Save as Excel"),
            icon="file-excel-o",
            tooltip=i18n.label(
                "Simpan daftar periksa ke folder exports/ untuk pimpinan",
                "Save the checklist to the exports/ folder for leaders",
            ),
        )
        self.export_button.on_click(self._on_export)
        self.status = w.HTML()
        summary = w.VBox([self.score_label, *bar_rows, w.HBox([self.export_button, self.status])])
        self.children = (*rows, summary)
        self._listener = self._on_model
        model.observe(self._listener)
        self._refresh_score()

    @property
    def widget(self) -> ChecklistView:
        """The view itself (it is an ``ipywidgets.VBox``)."""
        return self

    @property
    def score(self) -> Score:
        """The checklist's score now (:meth:`ChecklistModel.score`)."""
        return self.model.score()

    # -- widget -> model

    def _on_state(self, item_id: str) -> Callable[[dict], None]:
        def handler(change: dict) -> None:
            if not self._syncing:
                self.model.set(item_id, state=change["new"] or "unanswered")

        return handler

    def _on_note(self, item_id: str) -> Callable[[dict], None]:
        def handler(change: dict) -> None:
            if not self._syncing:
                self.model.set(item_id, note=change["new"])

        return handler

    def _on_export(self, _button: Any = None) -> None:
        try:
            path = self.model.to_xlsx()
        except LabkitError as exc:
            self.status.value = f'<span style="color:#a00">{html.escape(str(exc))}</span>'
            return
        self.status.value = html.escape(i18n.t("checklist.exported", path=str(path)))

    # -- model -> widgets

    def _on_model(self, model: ChecklistModel, item_id: str) -> None:
        self._syncing = True
        try:
            state = self.state_widgets[item_id]
            if state.value != model.state(item_id):
                state.value = model.state(item_id)
            note = self.note_widgets[item_id]
            if note.value != model.note(item_id):
                note.value = model.note(item_id)
        finally:
            self._syncing = False
        self._refresh_score()

    def _refresh_score(self) -> None:
        score = self.model.score()
        self.score_label.value = f"<b>{html.escape(score.text())}</b>"
        for g, bar in self.bars.items():
            value = score.by_group.get(g)
            bar.value = 0.0 if value is None else float(value)
            bar.bar_style = (
                ""
                if value is None
                else ("success" if value >= 75 else "warning" if value >= 50 else "danger")
            )
            self.bar_labels[g].value = "-" if value is None else f"{value:.0f}%"

    def close(self) -> None:
        """Stop following the model and close the widgets."""
        self.model.unobserve(self._listener)
        for child in self.children:
            child.close()
        super().close()
