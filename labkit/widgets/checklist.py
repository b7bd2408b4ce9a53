"""A checklist for what a trainee must judge by hand, saved as they tick.

Model/view split:

* :class:`ChecklistModel` (pure, no widgets): the items, each with a state
  (:data:`STATES`) and an evidence note; a scoring callback; :meth:`to_frame`.
  Every change is saved at once, atomically, to the work folder
  (``audit/<name>.json`` by default) and a new model with the same name
  reloads it, so nothing is lost on a kernel restart.
* :class:`ChecklistView`: a thin ipywidgets view over a model: per item a
  :class:`~ipywidgets.ToggleButtons` (or a :class:`~ipywidgets.Dropdown`) for
  the state and a :class:`~ipywidgets.Textarea` for the evidence; a score line
  and a bar per group that update as items are ticked; a button that saves the
  checklist as an Excel file for leaders.

Every control is a standard focusable widget and the items come in order, so
the checklist is used with the keyboard alone: Tab moves to the next control,
arrow keys move within the buttons or the list, Space or Enter presses.

>>> from labkit.widgets.checklist import ChecklistModel, ChecklistView
>>> model = ChecklistModel(
...     [{"id": "bio", "text": "Bio menyebut nama instansi", "group": "Identitas"},
...      {"id": "link", "text": "Ada tautan ke situs .go.id", "group": "Identitas"}],
...     name="latihan_identitas")                        # doctest: +SKIP
>>> ChecklistView(model)                                 # doctest: +SKIP
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from labkit import i18n, workspace
from labkit.errors import LabkitError, warn

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

#: Item states. ``unanswered`` is the state of an item nobody has judged yet.
STATES = ("yes", "partial", "no", "not_applicable", "unanswered")
#: Share of an item's weight each answered state earns in :func:`default_score`.
POINTS = {"yes": 1.0, "partial": 0.5, "no": 0.0}
FILE_VERSION = 1

_STATE_LABELS = {
    "yes": ("Ya", "Yes"),
    "partial": ("Sebagian", "Partly"),
    "no": ("Tidak", "No"),
    "not_applicable": ("Tidak berlaku", "Not applicable"),
    "unanswered": ("Belum", "Not yet"),
}
_STATE_HINTS = {
    "yes": ("Memenuhi", "Met"),
    "partial": ("Memenuhi sebagian", "Partly met"),
    "no": ("Tidak memenuhi", "Not met"),
    "not_applicable": (
        "Tidak berlaku untuk akun ini (tidak dihitung)",
        "Does not apply (not counted)",
    ),
    "unanswered": ("Belum dinilai (tidak dihitung)", "Not judged yet (not counted)"),
}


class ChecklistError(LabkitError):
    """A checklist definition or call cannot be used as it is."""


@dataclass(frozen=True)
class Item:
    """One thing to check by hand.

    Parameters
    ----------
    id : str
        Stable identifier (saved answers are keyed by it).
    text : str
        What to check, in the trainee's language.
    group : str
        Section (e.g. a rubric dimension); items of a group are scored together.
    weight : float
        Relative weight in the score (> 0).
    help : str
        Optional hint shown under the item (what counts as evidence).
    """

    id: str
    text: str
    group: str = ""
    weight: float = 1.0
    help: str = ""


@dataclass(frozen=True)
class Score:
    """A checklist's score, with its denominator.

    ``value`` is 0-100 (None when no item is answered). ``points`` /
    ``max_points`` are weighted; ``answered`` counts items judged yes, partial
    or no; ``not_applicable`` and ``unanswered`` items are outside the
    denominator. ``by_group`` maps each group to its own 0-100 value (or None).
    """

    value: float | None
    points: float = 0.0
    max_points: float = 0.0
    answered: int = 0
    not_applicable: int = 0
    total: int = 0
    by_group: Mapping[str, float | None] = field(default_factory=dict)

    @property
    def unanswered(self) -> int:
        return self.total - self.answered - self.not_applicable

    def text(self) -> str:
        """One line for people, naming the denominator."""
        if self.value is None:
            return i18n.t("checklist.score_none", total=self.total)
        return i18n.t(
            "checklist.score",
            value=f"{self.value:.0f}",
            answered=self.answered,
            total=self.total,
            na=self.not_applicable,
        )


Scorer = Callable[[pd.DataFrame], "Score | float | None"]


def default_score(frame: pd.DataFrame) -> Score:
    """Weighted share of points: yes = 1, partial = 0.5, no = 0.

    ``not_applicable`` and ``unanswered`` items are left out of the
    denominator (never counted as 0 or as full marks).

    Parameters
    ----------
    frame : DataFrame
        :meth:`ChecklistModel.to_frame` (uses ``state``, ``weight``, ``group``).
    """
    pts = frame["state"].map(POINTS)
    scored = pts.notna()
    weights = frame["weight"].astype(float)

    def pct(mask: pd.Series) -> tuple[float | None, float, float]:
        w = weights[mask & scored]
        if w.sum() <= 0:
            return None, 0.0, 0.0
        got = float((pts[mask & scored] * w).sum())
        return 100.0 * got / float(w.sum()), got, float(w.sum())

    everything = pd.Series(True, index=frame.index)
    value, points, max_points = pct(everything)
    groups = {}
    for g in dict.fromkeys(frame["group"]):
        groups[g] = pct(frame["group"] == g)[0]
    return Score(
        value=value,
        points=points,
        max_points=max_points,
        answered=int(scored.sum()),
        not_applicable=int((frame["state"] == "not_applicable").sum()),
        total=len(frame),
        by_group=groups,
    )


def _given(value: Any) -> Any:
    """``value``, or None when it is missing (None, NaN, NA)."""
    if value is None or (
        not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)
    ):
        return None
    return value


def _as_items(items: Iterable[Any]) -> tuple[Item, ...]:
    if isinstance(items, pd.DataFrame):
        items = items.to_dict("records")
    out: list[Item] = []
    seen: set[str] = set()
    for n, raw in enumerate(items, start=1):
        if isinstance(raw, Item):
            item = raw
        elif isinstance(raw, Mapping):
            known = {k: _given(raw.get(k)) for k in ("id", "text", "group", "weight", "help")}
            if known["id"] is None or not str(known["id"]).strip() or not known["text"]:
                raise ChecklistError("checklist.bad_item", n=n, item=str(dict(raw))[:120])
            try:
                weight = float(1.0 if known["weight"] is None else known["weight"])
            except (TypeError, ValueError):
                raise ChecklistError(
                    "checklist.bad_weight", id=known["id"], weight=known["weight"]
                ) from None
            item = Item(
                id=str(known["id"]).strip(),
                text=str(known["text"]),
                group=str(known["group"] or ""),
                weight=weight,
                help=str(known["help"] or ""),
            )
        elif isinstance(raw, tuple | list) and len(raw) == 2:
            item = Item(id=str(raw[0]).strip(), text=str(raw[1]))
        else:
            raise ChecklistError("checklist.bad_item", n=n, item=repr(raw)[:120])
        if not item.id:
            raise ChecklistError("checklist.bad_item", n=n, item=repr(raw)[:120])
        if item.id in seen:
            raise ChecklistError("checklist.duplicate_id", id=item.id)
        if not item.weight > 0:
            raise ChecklistError("checklist.bad_weight", id=item.id, weight=item.weight)
        seen.add(item.id)
        out.append(item)
    if not out:
        raise ChecklistError("checklist.no_items")
    return tuple(out)


def _slug(name: str) -> str:
    slug = re.sub(r"[^0-9A-Za-z_-]+", "_", str(name)).strip("_").lower()
    if not slug:
        raise ChecklistError("checklist.bad_name", name=name)
    return slug


class ChecklistModel:
    """Items with states and evidence notes, autosaved to the work folder.

    Parameters
    ----------
    items : iterable
        :class:`Item` objects, dicts with ``id``, ``text`` and optionally
        ``group``, ``weight``, ``help``, ``(id, text)`` pairs, or a DataFrame
        with those columns.
    name : str
        Name of the checklist; the answers are saved to
        ``<work dir>/audit/<name>.json`` (letters, digits, ``_`` and ``-``).
    scorer : callable, optional
        ``scorer(frame) -> Score | float | None`` where ``frame`` is
        :meth:`to_frame`; a number is taken as the 0-100 value. Default
        :func:`default_score`.
    path : str, optional
        Where to save instead, relative to the work folder.
    autosave : bool
        Save after every change (default). With False, call :meth:`save`.

    Notes
    -----
    Saved answers of items that are no longer in ``items`` are kept in the file
    (never deleted), so changing a checklist's definition loses nothing.
    """

    def __init__(
        self,
        items: Iterable[Any],
        *,
        name: str,
        scorer: Scorer | None = None,
        path: str | None = None,
        autosave: bool = True,
    ) -> None:
        self.items = _as_items(items)
        self.name = str(name)
        self.path = path or f"audit/{_slug(name)}.json"
        self.scorer = scorer or default_score
        self.autosave = autosave
        self._by_id = {item.id: item for item in self.items}
        self._answers: dict[str, dict[str, Any]] = {
            item.id: {"state": "unanswered", "note": "", "updated_at": None} for item in self.items
        }
        self._orphans: dict[str, Any] = {}
        self._observers: list[Callable[[ChecklistModel, str], None]] = []
        self._load()

    # -- persistence

    def _load(self) -> None:
        saved = workspace.load_json(self.path, default=None)
        if not saved:
            return
        answers = saved.get("answers", {}) if isinstance(saved, Mapping) else {}
        for item_id, ans in answers.items():
            if item_id not in self._by_id:
                self._orphans[item_id] = ans
                continue
            if not isinstance(ans, Mapping):
                continue
            state = ans.get("state", "unanswered")
            if state not in STATES:
                warn("checklist.bad_saved_state", id=item_id, state=state, path=self.path)
                state = "unanswered"
            self._answers[item_id] = {
                "state": state,
                "note": str(ans.get("note") or ""),
                "updated_at": ans.get("updated_at"),
            }

    def save(self) -> Path:
        """Write the answers now (atomically); return the file's path."""
        answers = dict(self._orphans)
        for item in self.items:
            answers[item.id] = {"text": item.text, **self._answers[item.id]}
        return workspace.save_json(
            self.path,
            {
                "checklist": self.name,
                "version": FILE_VERSION,
                "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "answers": answers,
            },
        )

    # -- reading

    def item(self, item_id: str) -> Item:
        """The item with id ``item_id`` (ChecklistError if unknown)."""
        try:
            return self._by_id[item_id]
        except KeyError:
            raise ChecklistError(
                "checklist.unknown_item", id=item_id, known=", ".join(self._by_id)
            ) from None

    def state(self, item_id: str) -> str:
        """State of an item (one of :data:`STATES`)."""
        self.item(item_id)
        return self._answers[item_id]["state"]

    def note(self, item_id: str) -> str:
        """Evidence note of an item."""
        self.item(item_id)
        return self._answers[item_id]["note"]

    @property
    def groups(self) -> list[str]:
        """Groups in order of first appearance."""
        return list(dict.fromkeys(item.group for item in self.items))

    def to_frame(self) -> pd.DataFrame:
        """One row per item: id, group, text, weight, state, note, updated_at (UTC)."""
        rows = [
            {
                "id": item.id,
                "group": item.group,
                "text": item.text,
                "weight": float(item.weight),
                "state": self._answers[item.id]["state"],
                "note": self._answers[item.id]["note"],
                "updated_at": self._answers[item.id]["updated_at"],
            }
            for item in self.items
        ]
        frame = pd.DataFrame(rows)
        for col in ("id", "group", "text", "state", "note"):
            frame[col] = frame[col].astype("string")
        frame["updated_at"] = pd.to_datetime(frame["updated_at"], utc=True)
        return frame

    def score(self) -> Score:
        """The score from the scoring callback, as a :class:`Score`."""
        result = self.scorer(self.to_frame())
        if isinstance(result, Score):
            return result
        base = default_score(self.to_frame())
        value = None if result is None else float(result)
        return Score(
            value=value,
            points=base.points,
            max_points=base.max_points,
            answered=base.answered,
            not_applicable=base.not_applicable,
            total=base.total,
            by_group=base.by_group,
        )

    # -- changing

    def set(self, item_id: str, state: str | None = None, note: str | None = None) -> None:
        """Change an item's state and/or evidence note (then save and notify).

        Raises
        ------
        ChecklistError
            If the item or the state is unknown.
        """
        self.item(item_id)
        ans = self._answers[item_id]
        changed = False
        if state is not None:
            if state not in STATES:
                raise ChecklistError("checklist.bad_state", state=state, allowed=", ".join(STATES))
            changed |= ans["state"] != state
            ans["state"] = state
        if note is not None:
            note = str(note)
            changed |= ans["note"] != note
            ans["note"] = note
        if not changed:
            return
        ans["updated_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        if self.autosave:
            self.save()
        for callback in list(self._observers):
            callback(self, item_id)

    def reset(self) -> None:
        """Set every item back to unanswered with an empty note (and save)."""
        for item in self.items:
            self.set(item.id, state="unanswered", note="")

    def observe(self, callback: Callable[[ChecklistModel, str], None]) -> None:
        """Call ``callback(model, item_id)`` after every change."""
        self._observers.append(callback)

    def unobserve(self, callback: Callable[[ChecklistModel, str], None]) -> None:
        """Stop calling ``callback``."""
        if callback in self._observers:
            self._observers.remove(callback)

    def to_xlsx(self, path: str | None = None) -> Path:
        """Save the checklist (items, states in words, notes) as an Excel file for leaders.

        Default: ``<work dir>/exports/<name>.xlsx`` (see :func:`labkit.export.write_xlsx`).
        """
        from labkit.export import write_xlsx

        frame = self.to_frame()
        lang = i18n.get_language()
        k = 0 if lang == "id" else 1
        table = pd.DataFrame(
            {
                i18n.label("Kelompok", "Group"): frame["group"],
                i18n.label("Butir", "Item"): frame["text"],
                i18n.label("Penilaian", "Judgement"): frame["state"].map(
                    lambda s: _STATE_LABELS[s][k]
                ),
                i18n.label("Bukti / catatan", "Evidence / note"): frame["note"],
                i18n.label("Bobot", "Weight"): frame["weight"],
                "id": frame["id"],
            }
        )
        score = self.score()
        summary = pd.DataFrame(
            {
                i18n.label("Keterangan", "Measure"): [
                    i18n.label("Skor (0-100)", "Score (0-100)"),
                    i18n.label("Butir dijawab", "Items answered"),
                    i18n.label("Tidak berlaku", "Not applicable"),
                    i18n.label("Belum dinilai", "Not judged yet"),
                    i18n.label("Jumlah butir", "Items in all"),
                ],
                i18n.label("Nilai", "Value"): [
                    None if score.value is None else round(score.value, 1),
                    score.answered,
                    score.not_applicable,
                    score.unanswered,
                    score.total,
                ],
            }
        )
        return write_xlsx(
            {
                i18n.label("Daftar periksa", "Checklist"): table,
                i18n.label("Skor", "Score"): summary,
            },
            path or self.name,
        )


class ChecklistView:
    """ipywidgets view of a :class:`ChecklistModel`.

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
    widget : ipywidgets.VBox
        The whole view (displayed when the view is the cell's last value).
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
        import ipywidgets as w

        if control not in ("toggle", "dropdown"):
            raise ChecklistError("checklist.bad_control", control=control)
        self.model = model
        self._syncing = False
        k = 0 if i18n.get_language() == "id" else 1
        options = [(_STATE_LABELS[s][k], s) for s in STATES]
        hints = [_STATE_HINTS[s][k] for s in STATES]
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
            common = dict(value=model.state(item.id), description="", layout=w.Layout(width="auto"))
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
        self.widget = w.VBox([*rows, summary])
        self._listener = self._on_model
        model.observe(self._listener)
        self._refresh_score()

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
        self.widget.close()

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a front end
        from IPython.display import display

        display(self.widget)
