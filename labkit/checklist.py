"""A checklist for what a trainee must judge by hand: the model, its answers and its score.

This module is the one owner of the checklist concept (no widgets here):

* the answer states (:data:`STATES`: ``yes``, ``partial``, ``no``,
  ``not_applicable``, ``unanswered``) and the words a person may type for them
  (:func:`parse_answer`, building on :data:`labkit.values.YES_WORDS` /
  :data:`~labkit.values.NO_WORDS`);
* one point scale (:data:`POINTS`: yes = 2, partial = 1, no = 0, the audit
  rubric's points; ``not_applicable`` and ``unanswered`` leave every
  denominator);
* :class:`ChecklistModel`: items with states and evidence notes, saved at every
  change, atomically, to the work folder (``audit/<name>.json`` by default); a
  new model with the same name reloads them, so nothing is lost on a kernel
  restart. Temporary files left by a save that was killed are cleaned when a
  model loads;
* :func:`default_score` and :class:`Score`.

The views are in :mod:`labkit.widgets.checklist` (one checklist) and
:mod:`labkit.widgets.audit` (the audit's manual items).

>>> from labkit.checklist import ChecklistModel
>>> model = ChecklistModel(
...     [{"id": "bio", "text": "Bio menyebut nama instansi", "group": "Identitas"},
...      {"id": "link", "text": "Ada tautan ke situs .go.id", "group": "Identitas"}],
...     name="latihan_identitas")                        # doctest: +SKIP
>>> model.set("bio", "yes")                              # doctest: +SKIP
>>> model.score().text()                                 # doctest: +SKIP
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
from labkit.values import NO_WORDS, YES_WORDS, is_blank, normalize_word

__all__ = [
    "ANSWERS",
    "MAX_POINTS",
    "POINTS",
    "STATES",
    "ChecklistError",
    "ChecklistModel",
    "Item",
    "Score",
    "default_score",
    "parse_answer",
    "state_label",
]

#: Item states. ``unanswered`` is the state of an item nobody has judged yet.
STATES = ("yes", "partial", "no", "not_applicable", "unanswered")
#: The states that are an answer (every state but ``unanswered``).
ANSWERS = STATES[:4]
#: Points each judged state earns (the audit rubric's scale); the other states have none.
POINTS: dict[str, float] = {"yes": 2.0, "partial": 1.0, "no": 0.0}
#: Points of an item met in full.
MAX_POINTS = 2.0
FILE_VERSION = 1

#: Words for the states beyond yes and no. They take precedence over
#: labkit.values' yes/no words on purpose: in a checklist the numbers are points
#: (``1`` = partial, not yes), ``-`` means "does not apply" and ``belum``
#: "not judged yet" (not "no").
ANSWER_WORDS: dict[str, str] = {
    "2": "yes", "2.0": "yes", "memenuhi": "yes",
    "1": "partial", "1.0": "partial", "partial": "partial", "partly": "partial",
    "sebagian": "partial", "memenuhi sebagian": "partial",
    "0": "no", "0.0": "no", "tidak memenuhi": "no",
    "not_applicable": "not_applicable", "not applicable": "not_applicable",
    "na": "not_applicable", "n/a": "not_applicable", "-": "not_applicable",
    "tidak berlaku": "not_applicable", "tidak_berlaku": "not_applicable",
    "unanswered": "unanswered", "belum": "unanswered", "belum dinilai": "unanswered",
}  # fmt: skip

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


@dataclass(frozen=True, repr=False)
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

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        return f"<b>{html.escape(self.text())}</b>"


Scorer = Callable[[pd.DataFrame], "Score | float | None"]


def default_score(frame: pd.DataFrame) -> Score:
    """Weighted share of points: :data:`POINTS` / :data:`MAX_POINTS` (yes 1, partial 0.5, no 0).

    ``not_applicable`` and ``unanswered`` items are left out of the
    denominator (never counted as 0 or as full marks).

    Parameters
    ----------
    frame : DataFrame
        :meth:`ChecklistModel.to_frame` (uses ``state``, ``weight``, ``group``).
    """
    pts = frame["state"].map(POINTS) / MAX_POINTS
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


def state_label(state: str, hint: bool = False, lang: str | None = None) -> str:
    """A state in words (``"Ya"``, ``"Sebagian"``...; with ``hint``: ``"Memenuhi"``...)."""
    k = 0 if (lang or i18n.get_language()) == "id" else 1
    return (_STATE_HINTS if hint else _STATE_LABELS)[state][k]


def parse_answer(value: Any) -> str:
    """The state meant by an answer a person typed (one of :data:`STATES`).

    Reads the state names, :data:`ANSWER_WORDS` (points ``0/1/2``, *sebagian*,
    *tidak berlaku*, ``-``, *belum*...) and :data:`labkit.values.YES_WORDS` /
    :data:`~labkit.values.NO_WORDS`; a blank is ``unanswered``.

    Raises
    ------
    ChecklistError
        For any other word (the message lists the words to use).

    Examples
    --------
    >>> parse_answer("Ya"), parse_answer("sebagian"), parse_answer("1"), parse_answer("-")
    ('yes', 'partial', 'partial', 'not_applicable')
    """
    if is_blank(value):
        return "unanswered"
    if isinstance(value, bool):
        return "yes" if value else "no"
    word = normalize_word(value)
    if word in STATES:
        return word
    if word in ANSWER_WORDS:
        return ANSWER_WORDS[word]
    if word in YES_WORDS:
        return "yes"
    if word in NO_WORDS:
        return "no"
    raise ChecklistError("checklist.bad_answer", value=str(value), allowed=ALLOWED_TEXT)


#: The answer words named in messages.
ALLOWED_TEXT = "ya / sebagian / tidak / tidak berlaku (yes / partial / no / not_applicable)"


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
        # a save killed half-way leaves a temporary file beside the answers
        workspace.clean_stale_temporaries(workspace.resolve(self.path).parent)
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
        table = pd.DataFrame(
            {
                i18n.label("Kelompok", "Group"): frame["group"],
                i18n.label("Butir", "Item"): frame["text"],
                i18n.label("Penilaian", "Judgement"): frame["state"].map(lambda s: state_label(s)),
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
