"""The labelling widget: label comments by hand, then compare with the machine.

A thin view over :class:`labkit.monitor.labelling.LabelBook`: one comment at a time
(shown as inert text), a button per triage label, previous/next, and a button that
shows Cohen's kappa against the machine with its interval and n, and the comments on
which the two differ. Every label is saved as it is given.

>>> from labkit.widgets.labeller import LabellingWidget
>>> alat = LabellingWidget(buku)              # doctest: +SKIP
>>> alat.controls["label"].value = "complaint"  # doctest: +SKIP
>>> alat.controls["next"].click()             # doctest: +SKIP
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from labkit import i18n
from labkit.errors import LabkitError
from labkit.monitor.labelling import LabelBook
from labkit.monitor.triage import LABELS

__all__ = ["LabellingWidget"]


def _num(x: float, decimals: int = 2) -> str:
    return i18n.number_text(x, decimals)


class LabellingWidget(w.VBox):
    """Label a sample comment by comment (an :class:`ipywidgets.VBox`).

    Parameters
    ----------
    book : LabelBook
        The labeller's book (:meth:`LabelBook.open`); it saves every label.

    Attributes
    ----------
    controls : dict of str to Widget
        ``"label"`` (ToggleButtons; set ``.value``), ``"previous"``, ``"next"``, ``"compare"``
        (Buttons; call ``.click()``).
    position : int
        The comment shown (0-based).
    result : str
        The last comparison, as text ("" before the first).
    """

    def __init__(self, book: LabelBook, **kwargs: Any):
        self.book = book
        self.position = next((i for i in range(len(book)) if book.label_of(i) is None), 0)
        self.result = ""
        self.controls: dict[str, w.Widget] = {
            "label": w.ToggleButtons(
                options=[(i18n.t(f"monitor.label.{name}"), name) for name in LABELS],
                value=None,
                description=i18n.t("monitor.labelling.w.choose"),
                style={"description_width": "initial", "button_width": "auto"},
            ),
            "previous": w.Button(description=i18n.t("monitor.labelling.w.previous")),
            "next": w.Button(description=i18n.t("monitor.labelling.w.next")),
            "compare": w.Button(
                description=i18n.t("monitor.labelling.w.compare"), button_style="info"
            ),
        }
        self._heading = w.HTML()
        self._text = w.HTML(layout=w.Layout(border="1px solid #ccc", padding="6px"))
        self._status = w.HTML()
        self._result = w.HTML()
        self._showing = False
        self.controls["label"].observe(self._labelled, names="value")
        self.controls["previous"].on_click(lambda _b: self.show(self.position - 1))
        self.controls["next"].on_click(lambda _b: self.show(self.position + 1))
        self.controls["compare"].on_click(self._on_compare)
        buttons = w.HBox(
            [self.controls["previous"], self.controls["next"], self.controls["compare"]]
        )
        super().__init__(
            [
                self._heading,
                self._text,
                self.controls["label"],
                buttons,
                self._status,
                self._result,
            ],
            **kwargs,
        )
        self.show(self.position)

    def show(self, position: int) -> None:
        """Show the comment at ``position`` (kept within the sample)."""
        self.position = max(0, min(len(self.book) - 1, position))
        self._showing = True
        self.controls["label"].value = self.book.label_of(self.position)
        self._showing = False
        self._text.value = (
            "<p>" + html.escape(str(self.book.sample.at[self.position, "text"])) + "</p>"
        )
        self._refresh_heading()

    def _refresh_heading(self) -> None:
        self._heading.value = (
            "<b>"
            + html.escape(
                i18n.t(
                    "monitor.labelling.w.position",
                    i=self.position + 1,
                    n=len(self.book),
                    done=self.book.done,
                )
            )
            + "</b>"
        )
        self.controls["previous"].disabled = self.position == 0
        self.controls["next"].disabled = self.position >= len(self.book) - 1

    def _labelled(self, change: dict) -> None:
        if self._showing:
            return
        try:
            self.book.set(self.position, change["new"])
        except LabkitError as exc:
            self._status.value = f'<span style="color:#a00">{html.escape(str(exc))}</span>'
            return
        self._status.value = (
            "<small>"
            + html.escape(i18n.t("monitor.labelling.w.saved", path=self.book.relpath))
            + "</small>"
        )
        self._refresh_heading()

    def _on_compare(self, _button: Any = None) -> None:
        if self.book.done < 2:
            self.result = i18n.t("monitor.labelling.w.too_few")
            self._result.value = "<p>" + html.escape(self.result) + "</p>"
            return
        score = self.book.agreement()
        self.result = i18n.t(
            "monitor.labelling.w.result",
            n=score.n,
            agreed=score.agreed,
            share=i18n.number_text(100 * score.share),
            kappa=_num(score.kappa),
            low=_num(score.low),
            high=_num(score.high),
        )
        rows = "".join(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>".format(
                html.escape(str(row.text)),
                html.escape(i18n.t(f"monitor.label.{row.human}")),
                html.escape(i18n.t(f"monitor.label.{row.machine}")),
            )
            for row in self.book.disagreements().itertuples()
        )
        table = ""
        if rows:
            head = "".join(
                f"<th>{html.escape(i18n.t(f'monitor.labelling.w.col_{c}'))}</th>"
                for c in ("text", "human", "machine")
            )
            table = (
                f"<p><b>{html.escape(i18n.t('monitor.labelling.w.disagree'))}</b></p>"
                f"<table><tr>{head}</tr>{rows}</table>"
            )
        self._result.value = "<p>" + html.escape(self.result) + "</p>" + table
