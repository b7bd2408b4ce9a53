"""The account-inventory form: type in what exports cannot give.

Model/view split: :class:`InventoryModel` holds the agency and the accounts as
typed text, validates them through the same parser as the XLSX/CSV template
(:mod:`labkit.ingest.inventory`) and autosaves to the work folder after every
change; :class:`InventoryForm` is a thin ipywidgets view over it. Nothing
typed is lost on a kernel restart: a new form reloads the autosaved draft.

>>> from labkit.widgets.inventory import InventoryForm
>>> form = InventoryForm()          # doctest: +SKIP
>>> form                            # doctest: +SKIP

Every control is a standard widget with a visible label, so the form is used
with the keyboard alone: Tab moves between fields, arrow keys pick in lists,
Enter or Space presses a button.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from labkit import i18n, workspace
from labkit.errors import LabkitError
from labkit.ingest.inventory import ACCOUNT_FIELDS, AGENCY_FIELDS, inventory_from_rows
from labkit.values import ValueParseError, is_blank, normalize_handle, parse_bool

DRAFT_PATH = "drafts/inventaris_akun.json"
#: account fields the form asks for (the agency comes from the agency section)
FORM_ACCOUNT_FIELDS = tuple(f for f in ACCOUNT_FIELDS if f.column != "agency")
FORM_AGENCY_FIELDS = tuple(f for f in AGENCY_FIELDS if f.column != "kind")
_KINDS = {f.column: f.kind for f in (*FORM_AGENCY_FIELDS, *FORM_ACCOUNT_FIELDS)}


class InventoryModel:
    """The agency and its accounts as typed text, autosaved as JSON.

    Parameters
    ----------
    path : str
        Where the draft lives, relative to the work folder.
    tz : str
        Zone for accounts and agency that give none.
    """

    def __init__(self, path: str = DRAFT_PATH, *, tz: str = "Asia/Jakarta") -> None:
        self.path = path
        self.tz = tz
        # a save killed half-way leaves a temporary file beside the draft
        workspace.clean_stale_temporaries(workspace.resolve(path).parent)
        saved = workspace.load_json(path, default={}) or {}
        self.agency: dict[str, str] = dict(saved.get("agency", {}))
        self.accounts: list[dict[str, str]] = [dict(r) for r in saved.get("accounts", [])]
        self.entry: dict[str, str] = dict(saved.get("entry", {}))

    # -- changes ---------------------------------------------------------------

    def set_agency(self, **values: str) -> None:
        """Update agency fields (``name``, ``short_name``, ``tz``...) and autosave."""
        self.agency.update({k: _text(v) for k, v in values.items()})
        self.save()

    def set_entry(self, **values: str) -> None:
        """Remember the account being typed (not yet added) and autosave."""
        self.entry.update({k: _text(v) for k, v in values.items()})
        self.save()

    def add(self, values: Mapping[str, Any]) -> tuple[str, str]:
        """Add or replace one account; return its ``(platform, handle)``.

        The account is checked together with the others; on a bad value the
        inventory is left unchanged and the TemplateError says what to fix.
        """
        row = {f.column: _text(values.get(f.column)) for f in FORM_ACCOUNT_FIELDS}
        same = [i for i, r in enumerate(self.accounts) if _same(r, row)]
        candidate = list(self.accounts)
        if same:
            candidate[same[0]] = row  # an edit keeps the account's place in the list
            index = same[0]
        else:
            candidate.append(row)
            index = len(candidate) - 1
        tables = self._tables(candidate)  # raises on bad input: nothing changes
        self.accounts = candidate
        self.entry = {}
        self.save()
        rec = tables["accounts"].iloc[index]
        return str(rec["platform"]), str(rec["account"])

    def remove(self, index: int) -> None:
        """Remove the account at ``index`` (as listed by :meth:`labels`) and autosave."""
        del self.accounts[index]
        self.save()

    def save(self) -> Path:
        """Write the draft to the work folder (atomic)."""
        return workspace.save_json(
            self.path, {"agency": self.agency, "accounts": self.accounts, "entry": self.entry}
        )

    # -- reading -----------------------------------------------------------------

    def labels(self) -> list[str]:
        """One short line per account, for the list in the form."""
        return [
            f"{r.get('platform', '')} · @{r.get('account', '').lstrip('@')}" for r in self.accounts
        ]

    def tables(self) -> dict[str, pd.DataFrame]:
        """The canonical ``accounts`` and ``agencies`` tables (TemplateError if invalid)."""
        return self._tables(self.accounts)

    def _tables(self, accounts: list[dict[str, str]]) -> dict[str, pd.DataFrame]:
        if not self.agency.get("name"):
            raise LabkitError("inventory_form.no_agency")
        name = self.agency["name"]
        rows = [dict(r, agency=name, tz=r.get("tz") or self.agency.get("tz", "")) for r in accounts]
        return inventory_from_rows(
            rows, [self.agency], source=i18n.t("inventory_form.source"), tz=self.tz
        )

    def save_dataset(self, name: str = "instansi_saya") -> Path:
        """Save the inventory as tables ``accounts`` and ``agencies`` of dataset ``name``.

        Accounts already in the dataset (imported from exports) stay; typed
        accounts replace saved rows of the same account.
        """
        tables = self.tables()
        if tables["accounts"].empty:
            raise LabkitError("inventory_form.empty")
        from labkit import owndata

        return owndata.save_inventory(tables, name)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _choice(widget: w.Widget, col: str, value: Any) -> str:
    """``value`` as the field widget holds it (a list's value, found by value or label)."""
    if _KINDS.get(col) == "bool" and not is_blank(value):
        try:
            value = parse_bool(value)  # the one yes/no vocabulary, as the templates read it
        except ValueParseError:
            pass  # the error below lists the choices
    if isinstance(value, bool):
        value = "ya" if value else "tidak"
    text = _text(value)
    if not isinstance(widget, w.Dropdown):
        return text
    options = [(str(label), str(v)) for label, v in widget.options]
    for label, v in options:
        if text == v or text.lower() in (v.lower(), label.lower()):
            return v
    raise LabkitError(
        "inventory_form.bad_choice",
        field=col,
        value=text,
        allowed=", ".join(v for _, v in options if v),
    )


def _same(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    def key(r: Mapping[str, str]) -> tuple[str, str]:
        return (r.get("platform", "").lower(), normalize_handle(r.get("account", "")))

    return key(a) == key(b)


class InventoryForm(w.VBox):
    """ipywidgets view of an :class:`InventoryModel` (an :class:`ipywidgets.VBox`).

    What a lesson needs is a method, so no cell reaches into a sub-widget:
    :meth:`set_agency` and :meth:`set_account` fill the fields as a trainee
    typing would, :meth:`add_account` and :meth:`save` do what the *Simpan
    akun* and *Simpan ke dataset* buttons do.

    >>> formulir = InventoryForm(dataset="instansi_saya")                # doctest: +SKIP
    >>> formulir.set_agency(name="Dinas Kominfo Kota Contoh")            # doctest: +SKIP
    >>> formulir.set_account(platform="instagram", account="@humaskota",
    ...                      bio="Akun resmi", verified="ya")            # doctest: +SKIP
    >>> formulir.add_account()                                           # doctest: +SKIP
    >>> formulir.save()                                                  # doctest: +SKIP

    Parameters
    ----------
    model : InventoryModel, optional
        Default: the autosaved draft in the work folder.
    dataset : str
        Dataset that *Simpan ke dataset* writes to.

    Attributes
    ----------
    agency_fields, account_fields : dict of str -> widget
        The input widgets, keyed by column (set ``.value`` in tests).
    add_button, remove_button, clear_button, save_button : ipywidgets.Button
    accounts_list : ipywidgets.Select
        The accounts added so far; picking one loads it for editing.
    status : ipywidgets.HTML
        The last message (saved, or what to fix).
    widget : InventoryForm
        The form itself (kept for older code: the form *is* the widget).
    """

    def __init__(self, model: InventoryModel | None = None, *, dataset: str = "instansi_saya"):
        super().__init__()
        self.model = model or InventoryModel()
        self.dataset = dataset
        style = {"description_width": "160px"}
        wide = w.Layout(width="520px")

        self.agency_fields: dict[str, w.Widget] = {}
        for f in FORM_AGENCY_FIELDS:
            self.agency_fields[f.column] = self._input(f, style, wide)
        for col, widget in self.agency_fields.items():
            widget.value = self.model.agency.get(col, widget.value) or widget.value
        self.account_fields: dict[str, w.Widget] = {}
        for f in FORM_ACCOUNT_FIELDS:
            self.account_fields[f.column] = self._input(f, style, wide)
        self._fill(self.model.entry)

        label = i18n.t
        self.add_button = w.Button(
            description=label("inventory_form.add"),
            button_style="primary",
            icon="plus",
            tooltip=label("inventory_form.add_tip"),
        )
        self.remove_button = w.Button(
            description=label("inventory_form.remove"),
            icon="trash",
            tooltip=label("inventory_form.remove_tip"),
        )
        self.clear_button = w.Button(
            description=label("inventory_form.clear"),
            icon="eraser",
            tooltip=label("inventory_form.clear_tip"),
        )
        self.save_button = w.Button(
            description=label("inventory_form.save"),
            button_style="success",
            icon="save",
            tooltip=label("inventory_form.save_tip", dataset=dataset),
        )
        self.accounts_list = w.Select(
            options=self.model.labels(),
            value=None,
            rows=6,
            description=label("inventory_form.list"),
            style=style,
            layout=wide,
        )
        self.status = w.HTML(value="")

        for col, widget in self.agency_fields.items():
            widget.observe(self._on_agency(col), names="value")
        for col, widget in self.account_fields.items():
            widget.observe(self._on_entry(col), names="value")
        self.add_button.on_click(self._on_add)
        self.remove_button.on_click(self._on_remove)
        self.clear_button.on_click(self._on_clear)
        self.save_button.on_click(self._on_save)
        self.accounts_list.observe(self._on_pick, names="value")

        heading = "<h4 style='margin:4px 0'>{}</h4>"
        self.children = (
            w.HTML(heading.format(label("inventory_form.agency_heading"))),
            *self.agency_fields.values(),
            w.HTML(heading.format(label("inventory_form.account_heading"))),
            *self.account_fields.values(),
            w.HBox([self.add_button, self.clear_button]),
            self.accounts_list,
            w.HBox([self.remove_button, self.save_button]),
            self.status,
        )

    @property
    def widget(self) -> InventoryForm:
        """The form itself (it is an ``ipywidgets.VBox``)."""
        return self

    # -- what a lesson calls -------------------------------------------------------

    def set_agency(self, **fields: Any) -> None:
        """Fill agency fields (``name=...``, ``short_name=...``, ``tz="WITA"``...) as typed.

        Each value goes into its field widget, so the draft is autosaved as if a
        trainee had typed it. Raises LabkitError for an unknown field or a value
        a list does not offer (the message lists the fields or the choices).
        """
        self._set(self.agency_fields, fields)

    def set_account(self, **fields: Any) -> None:
        """Fill the account fields (``platform``, ``account``, ``display_name``, ``bio``,
        ``link``, ``contact``, ``verified``, ``profile_type``...) as typed.

        Lists take their value or their label (``verified="ya"`` or ``True``,
        ``platform="Instagram"``); fields not named keep what they hold. Then call
        :meth:`add_account`.
        """
        self._set(self.account_fields, fields)

    def add_account(self) -> pd.Series:
        """Add the account typed in the fields, as the *Simpan akun* button does.

        Returns
        -------
        Series
            The account's row of the canonical ``accounts`` table.

        Raises
        ------
        LabkitError
            The message the form shows (what to fix); nothing is added.
        """
        try:
            platform, handle = self.model.add(self._values())
        except LabkitError as err:
            self._say(str(err), ok=False)
            raise
        self._refresh()
        self._loading = True
        try:
            self._fill({})
        finally:
            self._loading = False
        self._say(i18n.t("inventory_form.added", platform=platform, handle=handle), ok=True)
        acc = self.model.tables()["accounts"]
        pick = (acc["platform"].astype(str) == platform) & (acc["account"].astype(str) == handle)
        return acc.loc[pick].iloc[0]

    def save(self) -> Path:
        """Save the inventory to the dataset, as the *Simpan ke dataset* button does.

        Returns the dataset's folder; raises the LabkitError the form shows.
        """
        try:
            folder = self.model.save_dataset(self.dataset)
        except LabkitError as err:
            self._say(str(err), ok=False)
            raise
        n = len(self.model.accounts)
        self._say(i18n.t("inventory_form.saved", n=n, dataset=self.dataset, folder=folder), ok=True)
        return folder

    def _set(self, widgets: Mapping[str, w.Widget], fields: Mapping[str, Any]) -> None:
        unknown = [k for k in fields if k not in widgets]
        if unknown:
            raise LabkitError(
                "inventory_form.unknown_field",
                field=", ".join(unknown),
                known=", ".join(widgets),
            )
        for col, value in fields.items():
            widgets[col].value = _choice(widgets[col], col, value)

    # -- building ---------------------------------------------------------------

    @staticmethod
    def _input(f, style: dict, layout: w.Layout) -> w.Widget:
        desc = f.header() + (" *" if f.required or f.column == "name" else "")
        common = {"description": desc, "style": style, "layout": layout, "tooltip": f.help()}
        yes_no = [("—", ""), (i18n.label("ya", "yes"), "ya"), (i18n.label("tidak", "no"), "tidak")]
        choices = {
            "platform": [("—", ""), ("Facebook", "facebook"), ("Instagram", "instagram"),
                         ("X", "x"), ("TikTok", "tiktok"), ("YouTube", "youtube")],
            "bool": yes_no,
            "profile_type": [("—", ""), (i18n.label("halaman (Page)", "page"), "page"),
                             (i18n.label("pribadi", "personal"), "personal")],
            "tz": [("—", ""), ("WIB", "WIB"), ("WITA", "WITA"), ("WIT", "WIT")],
        }  # fmt: skip
        if f.kind in choices:
            return w.Dropdown(options=choices[f.kind], value="", **common)
        if f.column == "bio":
            return w.Textarea(value="", placeholder=f.help(), continuous_update=False, **common)
        return w.Text(value="", placeholder=f.example, continuous_update=False, **common)

    def _fill(self, values: Mapping[str, str]) -> None:
        for col, widget in self.account_fields.items():
            value = values.get(col, "")
            if isinstance(widget, w.Dropdown):
                try:
                    value = _choice(widget, col, value)
                except LabkitError:
                    value = ""
            widget.value = value

    # -- events -----------------------------------------------------------------

    def _on_agency(self, col: str):
        def handler(change: dict) -> None:
            self.model.set_agency(**{col: change["new"]})

        return handler

    def _on_entry(self, col: str):
        def handler(change: dict) -> None:
            if not self._loading:
                self.model.set_entry(**{col: change["new"]})

        return handler

    _loading = False

    def _values(self) -> dict[str, str]:
        return {col: widget.value for col, widget in self.account_fields.items()}

    def _on_add(self, _button: w.Button | None = None) -> None:
        try:
            self.add_account()
        except LabkitError:
            pass  # shown in the form's status line

    def _on_remove(self, _button: w.Button | None = None) -> None:
        index = self.accounts_list.index
        if index is None:
            self._say(i18n.t("inventory_form.pick_first"), ok=False)
            return
        label = self.model.labels()[index]
        self.model.remove(index)
        self._refresh()
        self._say(i18n.t("inventory_form.removed", account=label), ok=True)

    def _on_clear(self, _button: w.Button | None = None) -> None:
        self._fill({})
        self.accounts_list.value = None

    def _on_save(self, _button: w.Button | None = None) -> None:
        try:
            self.save()
        except LabkitError:
            pass  # shown in the form's status line

    def _on_pick(self, change: dict) -> None:
        index = self.accounts_list.index
        if index is None:
            return
        self._loading = True
        try:
            self._fill(self.model.accounts[index])
        finally:
            self._loading = False

    def _refresh(self) -> None:
        self.accounts_list.unobserve(self._on_pick, names="value")
        self.accounts_list.options = self.model.labels()
        self.accounts_list.value = None
        self.accounts_list.observe(self._on_pick, names="value")

    def _say(self, text: str, *, ok: bool) -> None:
        import html

        color = "#1a7f37" if ok else "#b42318"
        role = "status" if ok else "alert"
        self.status.value = f"<div role='{role}' style='color:{color}'>{html.escape(text)}</div>"
