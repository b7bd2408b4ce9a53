"""The trainee's own data as a data source: import, summarise, check what can run.

One call imports a folder of platform exports (plus the filled-in account
inventory, comments and search-results templates, if present), masks citizens'
personal data, and saves the canonical tables as a dataset in the work folder::

    >>> from labkit import owndata, data
    >>> summary = owndata.import_own_data("unduhan/", name="instansi_saya")  # doctest: +SKIP
    >>> summary                                        # what was read, what is missing
    >>> data.use("instansi_saya")                      # later notebooks read it
    >>> owndata.sections_available()                   # which sections can run on it

Where the data live: ``<work folder>/data/<name>/<table>.parquet`` (see
:mod:`labkit.workspace`), never inside the git checkout. Delete them with
:func:`labkit.privacy.purge` when the workshop ends.
"""

from __future__ import annotations

import html
import os
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from labkit import data, i18n, schema
from labkit.errors import LabkitError
from labkit.ingest import inventory as inv

PathLike = str | os.PathLike[str]
DEFAULT_NAME = "instansi_saya"
TEMPLATE_SUFFIXES = (".xlsx", ".csv")


# ---------------------------------------------------------------------------- summary


@dataclass
class ImportSummary:
    """What :func:`import_own_data` read and saved.

    Attributes
    ----------
    dataset : str
        Name of the saved dataset (use it with ``labkit.data.use``).
    folder : Path
        Where its tables are, in the work folder.
    tables : dict
        Table name -> rows saved.
    files : DataFrame
        One row per file met: ``file``, ``kind`` (export layout, ``inventory``,
        ``comments`` or ``search_results``), ``platform``, ``rows``, ``status``
        (``ok`` or ``skipped``) and ``note``.
    missing : list of str
        What the import could not fill (``inventory``, ``followers``,
        ``comments``...), each with how to add it in :meth:`lines`.
    masked : int
        Comments whose text or author was masked before saving.
    notes : list of str
        What the import decided (accounts matched by name, daily files it
        could not use), in the trainee's language.
    report : ImportReport or None
        The readers' own report (:func:`labkit.ingest.report`): formats
        recognised, zone used, rows skipped, duplicates.
    sections : DataFrame
        :func:`sections_available` on the saved dataset.
    """

    dataset: str
    folder: Path
    tables: dict[str, int]
    files: pd.DataFrame
    missing: list[str] = field(default_factory=list)
    masked: int = 0
    notes: list[str] = field(default_factory=list)
    report: Any = None
    sections: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def ok(self) -> bool:
        """True when at least one table was saved."""
        return bool(self.tables)

    def lines(self) -> list[str]:
        """The summary as short lines in the trainee's language."""
        out = [i18n.t("owndata.summary_head", dataset=self.dataset, folder=str(self.folder))]
        for name, n in self.tables.items():
            out.append(i18n.t("owndata.summary_table", table=name, rows=n))
        if self.masked:
            out.append(i18n.t("owndata.summary_masked", n=self.masked))
        out.extend(self.notes)
        for rec in self.files[self.files["status"] == "skipped"].to_dict("records"):
            out.append(i18n.t("owndata.summary_skipped", file=rec["file"], note=rec["note"]))
        for name in self.missing:
            out.append(i18n.t("owndata.summary_missing", table=name, fix=_fix_for(name)))
        if len(self.sections):
            blocked = int((~self.sections["available"]).sum())
            if blocked:
                out.append(i18n.t("owndata.summary_sections", n=blocked))
        return out

    def report_text(self) -> str:
        """The readers' import report as text (empty if no export was read)."""
        if self.report is None:
            return ""
        from labkit import ingest

        return ingest.report(self.report)

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:  # pragma: no cover - notebook display
        lines = self.lines()
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines[1:])
        return f"<div><b>{html.escape(lines[0])}</b><ul>{items}</ul></div>"


def _fix_for(table: str) -> str:
    key = f"owndata.fix_{table}"
    return i18n.t(key) if i18n.has(key) else i18n.t("owndata.fix_other")


# ---------------------------------------------------------------------------- import

FILE_COLUMNS = ["file", "kind", "platform", "rows", "status", "note"]
#: tables an import derives from the folder (replaced, not merged, on re-import)
EXPORT_TABLES = ("posts", "followers", "account_daily", "comments", "search_results")
#: template kinds :func:`find_templates` recognises
TEMPLATE_KINDS = ("inventory", "comments", "search_results")


def find_templates(folder: PathLike, *, skip: Iterable[PathLike] = ()) -> dict[str, list[Path]]:
    """Filled-in templates in ``folder`` (recursively), by kind.

    Returns ``{"inventory": [...], "comments": [...], "search_results": [...]}``.
    Files in ``skip`` (exports the readers already recognised) are not opened.
    """
    found: dict[str, list[Path]] = {kind: [] for kind in TEMPLATE_KINDS}
    root = Path(folder)
    if not root.is_dir():
        return found
    known = {Path(p).resolve() for p in skip}
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix.lower() in TEMPLATE_SUFFIXES and not p.name.startswith("."):
            if p.resolve() in known:
                continue
            kind = inv.template_kind(p)
            if kind:
                found[kind].append(p)
    return found


def _read_exports(folder: Path, tz: str):
    """Read the exports of ``folder`` with :func:`labkit.ingest.read_exports`, quietly.

    Returns ``(export set or None, error or None, warnings)``: the error is the
    readers' "nothing readable here", kept until we know whether the folder
    holds templates; the warnings are re-issued by the caller, except those
    about the templates (which this module reads).
    """
    from labkit import ingest
    from labkit.errors import ExportReadError

    error = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            found = ingest.read_exports(folder, tz=tz)
        except ExportReadError as err:
            if err.key != "ingest.folder_nothing":
                raise
            found, error = None, err
    return found, error, list(caught)


def _recognised(root: Path, found) -> list[Path]:
    """Files of ``root`` the readers read as exports (the report names them by label)."""
    if found is None:
        return []
    labels = {str(f["file"]) for f in found.report.files}
    prefix = root.resolve().name
    return [
        p
        for p in root.rglob("*")
        if p.is_file() and f"{prefix}/{p.relative_to(root).as_posix()}" in labels
    ]


def _drop_template_notes(found, caught, templates: set[str]) -> None:
    """Re-issue the readers' warnings and keep their skips, except about the templates."""
    for w in caught:
        if not any(name in str(w.message) for name in templates):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if found is not None:
        found.report.skipped[:] = [
            s for s in found.report.skipped if not any(n in str(s["file"]) for n in templates)
        ]


def import_own_data(
    folder: PathLike,
    name: str = DEFAULT_NAME,
    *,
    tz: str = "Asia/Jakarta",
    inventory: PathLike | None = None,
    comments: PathLike | None = None,
    search_results: PathLike | None = None,
    agency: str | None = None,
) -> ImportSummary:
    """Import a folder of exports and templates as the trainee's dataset ``name``.

    Parameters
    ----------
    folder : path-like
        Folder holding the files downloaded from the platforms (CSV, ZIP,
        XLSX, sub-folders allowed) and, optionally, the filled-in inventory,
        comments and search-results templates (recognised by their headers).
    name : str
        Dataset name in the work folder (default ``"instansi_saya"``).
    tz : str
        The agency's zone (``"Asia/Jakarta"``/``"WIB"``, ``"Asia/Makassar"``/
        ``"WITA"``, ``"Asia/Jayapura"``/``"WIT"``): local times in exports and
        templates are read in it. One folder is read in one zone.
    inventory, comments, search_results : path-like, optional
        Templates kept outside ``folder``.
    agency : str, optional
        Agency name used when no inventory gives one.

    Returns
    -------
    ImportSummary
        Tables and rows saved, per-file report, what is missing, and which
        notebook sections can run.

    Raises
    ------
    LabkitError
        The folder does not exist, nothing in it could be read, or a file is
        damaged (the message names the file, row and column).

    Notes
    -----
    Saved tables: ``posts``; ``followers`` (daily follower counts);
    ``account_daily`` (every daily account metric the exports hold, in long
    format); ``accounts`` and ``agencies``; ``comments`` (masked) and
    ``search_results`` from their templates. A re-import replaces every table
    derived from the folder (:data:`EXPORT_TABLES`) with what the folder holds
    now; accounts with profile data (from the form or an earlier inventory) stay.
    """
    root = Path(folder)
    if not root.is_dir():
        raise LabkitError("owndata.no_folder", folder=str(root))
    zone = inv.tz_code(tz)
    found, nothing, caught = _read_exports(root, schema.TIMEZONES[zone])
    templates = find_templates(root, skip=_recognised(root, found))
    for kind, path in (
        ("inventory", inventory),
        ("comments", comments),
        ("search_results", search_results),
    ):
        if path is not None:
            templates[kind].append(Path(path))
    names = {p.name for paths in templates.values() for p in paths}
    if found is None and not names:
        raise nothing
    _drop_template_notes(found, caught, names)

    files: list[dict[str, Any]] = []
    notes: list[str] = []
    posts = None
    daily: dict[str, pd.DataFrame] = {}
    if found is not None:
        posts = found.posts if len(found.posts) else None
        daily = dict(found.daily)
        for f in found.report.files:
            files.append(
                {
                    "file": f["file"],
                    "kind": f["layout"],
                    "platform": f.get("platform") or "",
                    "rows": f["rows"],
                    "status": "ok",
                    "note": "",
                }
            )
        for sk in found.report.skipped:
            if sk.get("row") is None:
                files.append(
                    {
                        "file": sk["file"],
                        "kind": "",
                        "platform": "",
                        "rows": 0,
                        "status": "skipped",
                        "note": _render(sk["reason"]),
                    }
                )

    inv_tables: dict[str, pd.DataFrame] = {}
    for p in templates["inventory"]:
        got = inv.read_inventory(p, tz=zone)
        inv_tables = _concat_tables(inv_tables, got)
        files.append(_file_row(p, "inventory", got["accounts"]))
    comment_frames = []
    for p in templates["comments"]:
        got_c = inv.read_comments_template(p, tz=zone)
        comment_frames.append(got_c)
        files.append(_file_row(p, "comments", got_c))
    search_frames = []
    for p in templates["search_results"]:
        got_s = inv.read_search_results(p, tz=zone)
        search_frames.append(got_s)
        files.append(_file_row(p, "search_results", got_s))

    existing = _existing(name, "accounts"), _existing(name, "agencies")
    known_parts = [df for df in (existing[0], inv_tables.get("accounts")) if df is not None]
    known = pd.concat(known_parts, ignore_index=True) if known_parts else None
    out: dict[str, pd.DataFrame] = {}
    if posts is not None:
        out["posts"], renamed = reconcile_accounts(posts, known)
        notes += [i18n.t("owndata.note_renamed", old=o, new=n, platform=p) for p, o, n in renamed]
    followers, dropped = followers_from_daily(daily, out.get("posts"), known)
    notes += dropped
    if followers is not None and len(followers):
        out["followers"], _ = reconcile_accounts(followers, known)
    metrics, dropped = daily_metrics(daily, out.get("posts"), known)
    notes += [n for n in dropped if n not in notes]
    if metrics is not None and len(metrics):
        out["account_daily"], _ = reconcile_accounts(metrics, known)
    comment_table = None
    if comment_frames:
        comment_table = pd.concat(comment_frames, ignore_index=True)
        comment_table, _ = reconcile_accounts(comment_table, known)
    if search_frames:
        found_accounts = pd.concat(search_frames, ignore_index=True)
        out["search_results"] = found_accounts.drop_duplicates(["platform", "account"], keep="last")
    seen = _accounts_seen(
        [out[t] for t in ("posts", "followers", "account_daily") if t in out],
        [] if comment_table is None else [comment_table],
    )
    if not seen and not inv_tables and "search_results" not in out:
        raise LabkitError("owndata.nothing_read", folder=str(root))
    accounts, agencies = build_accounts(
        seen,
        inventory=inv_tables.get("accounts"),
        agencies=inv_tables.get("agencies"),
        existing=existing,
        tz=zone,
        agency=agency,
        followers=out.get("followers"),
        drop_unseen=True,
    )
    out["accounts"] = accounts
    out["agencies"] = agencies
    masked = 0
    if comment_table is not None:
        comment_table = link_comment_posts(comment_table, out.get("posts"))
        out["comments"], masked = _mask(comment_table, accounts, agencies)

    saved = data.save_dataset(name, out)
    for table in EXPORT_TABLES:  # derived from the folder: a re-import replaces them
        if table not in out:
            (saved / f"{table}.parquet").unlink(missing_ok=True)
    present = set(data.tables(name))
    missing = [t for t in ("posts", "followers", "comments") if t not in present]
    if not inv_tables and not _has_inventory(existing[0]):
        missing.insert(0, "inventory")
    return ImportSummary(
        dataset=name,
        folder=saved,
        tables={k: len(v) for k, v in out.items()},
        files=pd.DataFrame(files, columns=FILE_COLUMNS),
        missing=missing,
        masked=masked,
        notes=notes,
        report=None if found is None else found.report,
        sections=sections_available(name),
    )


def _render(message: Any) -> str:
    from labkit.ingest.report import render

    return render(message) if isinstance(message, dict) and "key" in message else str(message)


def _file_row(path: Path, kind: str, df: pd.DataFrame) -> dict[str, Any]:
    platforms = ", ".join(sorted(set(df["platform"].astype(str)))) if len(df) else ""
    return {
        "file": path.name,
        "kind": kind,
        "platform": platforms,
        "rows": len(df),
        "status": "ok",
        "note": "",
    }


def _concat_tables(
    a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]
) -> dict[str, pd.DataFrame]:
    out = dict(a)
    for k, v in b.items():
        out[k] = v if k not in out else pd.concat([out[k], v], ignore_index=True)
    if "accounts" in out:
        out["accounts"] = out["accounts"].drop_duplicates(["platform", "account"], keep="last")
    if "agencies" in out:
        out["agencies"] = out["agencies"].drop_duplicates(["agency_id"], keep="last")
    return out


def _name_key(text: Any) -> str:
    return inv.agency_id(str(text)) if not pd.isna(text) else ""


def reconcile_accounts(
    table: pd.DataFrame, known: pd.DataFrame | None
) -> tuple[pd.DataFrame, list[tuple[str, str, str]]]:
    """Replace account names taken from a Page/channel name by the inventory's handle.

    Facebook and YouTube exports often name the account by its display name
    ("Dinas Kominfo Kota Contoh") instead of its handle. Where such a name
    matches an inventory account's display name on the same platform (ignoring
    case, spaces and punctuation), the handle is used.

    Returns
    -------
    (table, renamed)
        The table, and ``(platform, old, new)`` for each renamed account.
    """
    if known is None or known.empty or table.empty:
        return table, []
    handles = set(zip(known["platform"].astype(str), known["account"].astype(str), strict=True))
    by_name: dict[tuple[str, str], str] = {}
    for p, a, d in known[["platform", "account", "display_name"]].itertuples(index=False):
        if not pd.isna(d):
            by_name[(str(p), _name_key(d))] = str(a)
            by_name.setdefault((str(p), _name_key(a)), str(a))
    renamed = []
    out = table.copy()
    accounts = out["account"].astype("string")
    for p, a in out[["platform", "account"]].drop_duplicates().itertuples(index=False):
        if pd.isna(a) or (str(p), str(a)) in handles:
            continue
        new = by_name.get((str(p), _name_key(a)))
        if new:
            accounts = accounts.mask((out["platform"] == p) & (out["account"] == a), new)
            renamed.append((str(p), str(a), new))
    out["account"] = accounts
    return out, renamed


def _daily_platform(kind: str, table: pd.DataFrame) -> str:
    return str(table["platform"].dropna().iloc[0]) if table["platform"].notna().any() else kind


def _fill_account(
    table: pd.DataFrame, platform: str, posts: pd.DataFrame | None, known: pd.DataFrame | None
) -> tuple[pd.DataFrame, str | None]:
    """Give a daily table without an account the platform's only account, if there is one.

    Returns the table (rows without an account dropped when there is no single
    account) and the note saying so, or None.
    """
    if not table["account"].isna().any():
        return table, None
    candidates = _accounts_of(platform, posts, known)
    if len(candidates) == 1:
        return table.assign(account=table["account"].fillna(candidates[0])), None
    note = i18n.t("owndata.note_no_account", platform=platform)
    return table[table["account"].notna()], note


def followers_from_daily(
    daily: dict[str, pd.DataFrame],
    posts: pd.DataFrame | None,
    known: pd.DataFrame | None,
) -> tuple[pd.DataFrame | None, list[str]]:
    """The canonical ``followers`` table from the readers' daily tables.

    Only files that give follower *counts* (TikTok FollowerHistory) become
    followers; daily *gains* (Meta "follows", X "New follows") cannot give a
    count and are reported, not guessed (they are kept in ``account_daily``,
    see :func:`daily_metrics`). A daily file without an account gets the
    platform's only account, if there is exactly one.

    Returns
    -------
    (followers or None, notes)
    """
    notes: list[str] = []
    parts = []
    for kind, table in daily.items():
        if table is None or table.empty:
            continue
        platform = _daily_platform(kind, table)
        if "followers" not in table.columns:
            if "follows" in table.columns:
                notes.append(i18n.t("owndata.note_gains_only", platform=platform))
            continue
        t, note = _fill_account(
            table[["platform", "account", "date", "followers"]], platform, posts, known
        )
        if note:
            notes.append(note)
        parts.append(t)
    if not parts:
        return None, notes
    fol = pd.concat(parts, ignore_index=True).dropna(subset=["followers"])
    fol = fol.drop_duplicates(["platform", "account", "date"], keep="last")
    return schema.conform(fol, "followers", source="import"), notes


def _snake(name: str) -> str:
    return "_".join(re.findall(r"[0-9a-z]+", str(name).lower()))


def daily_metrics(
    daily: dict[str, pd.DataFrame],
    posts: pd.DataFrame | None,
    known: pd.DataFrame | None,
) -> tuple[pd.DataFrame | None, list[str]]:
    """The canonical ``account_daily`` table (long format) from the readers' daily tables.

    Every numeric metric of an account-level daily file becomes rows
    ``platform, account, date, metric, value`` (metric names in snake case:
    ``follows``, ``followers``, ``views``, ``profile_views``...); empty values
    are left out, not read as zero. Per-video daily files (YouTube Chart data)
    are not account metrics and are left out. A file without an account gets
    the platform's only account, if there is exactly one; otherwise its rows
    are left out and a note says so.

    Returns
    -------
    (account_daily or None, notes)
    """
    notes: list[str] = []
    parts = []
    keys = ["platform", "account", "date"]
    for kind, table in daily.items():
        if table is None or table.empty or "post_id" in table.columns:
            continue
        metrics = [
            c
            for c in table.columns
            if c not in keys
            and pd.api.types.is_numeric_dtype(table[c])
            and not pd.api.types.is_bool_dtype(table[c])
        ]
        if not metrics:
            continue
        platform = _daily_platform(kind, table)
        t, note = _fill_account(table[[*keys, *metrics]], platform, posts, known)
        if note:
            notes.append(note)
        long = t.melt(id_vars=keys, value_vars=metrics, var_name="metric", value_name="value")
        long["metric"] = long["metric"].map(_snake)
        long["value"] = pd.to_numeric(long["value"]).astype("float64")
        long = long.dropna(subset=["value"])
        if len(long):
            parts.append(long)
    if not parts:
        return None, notes
    out = pd.concat(parts, ignore_index=True)
    out = out.drop_duplicates(["platform", "account", "date", "metric"], keep="last")
    out = out.sort_values(["platform", "account", "metric", "date"], kind="stable")
    return schema.conform(out, "account_daily", source="import"), notes


def _accounts_of(platform: str, *tables: pd.DataFrame | None) -> list[str]:
    found: set[str] = set()
    for t in tables:
        if t is not None and len(t):
            found |= set(
                t.loc[t["platform"].astype(str) == platform, "account"].dropna().astype(str)
            )
    return sorted(found)


def _existing(name: str, table: str) -> pd.DataFrame | None:
    if name in data.own_datasets() and data.has_table(table, name):
        return data.load(table, source=name, mask=False)
    return None


def _has_inventory(accounts: pd.DataFrame | None) -> bool:
    if accounts is None or accounts.empty:
        return False
    cols = ["bio", "link", "contact", "verified", "profile_type", "display_name"]
    return bool(accounts[cols].notna().any(axis=None))


PROFILE_COLUMNS = ("display_name", "bio", "link", "contact", "verified", "profile_type", "unit")
#: agency id of an import without inventory ("Instansi saya"), replaced by a real agency later
PLACEHOLDER_AGENCY = "instansi-saya"


def _profile_known(rec: Mapping[str, Any]) -> bool:
    return any(not pd.isna(rec.get(c)) for c in PROFILE_COLUMNS)


def _accounts_seen(
    frames: Iterable[pd.DataFrame], more: Iterable[pd.DataFrame] = ()
) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for df in [*frames, *more]:
        if df is None or df.empty or "account" not in df:
            continue
        for p, a in df[["platform", "account"]].drop_duplicates().itertuples(index=False):
            if not (pd.isna(p) or pd.isna(a)):
                seen[(str(p), str(a))] = None
    return list(seen)


def build_accounts(
    seen: Iterable[tuple[str, str]],
    *,
    inventory: pd.DataFrame | None = None,
    agencies: pd.DataFrame | None = None,
    existing: tuple[pd.DataFrame | None, pd.DataFrame | None] = (None, None),
    tz: str = "WIB",
    agency: str | None = None,
    followers: pd.DataFrame | None = None,
    drop_unseen: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``accounts`` and ``agencies`` tables of an import.

    Inventory rows win; accounts already saved in the dataset with profile data
    (for example from the inventory form) stay; accounts found only in exports
    get a row with the profile fields empty (the audit says they are unknown,
    not missing). With ``drop_unseen``, saved rows without profile data that
    this import no longer sees are dropped (a re-import replaces them).
    ``followers`` fills the follower count where the inventory gives none.
    The placeholder agency of an import without inventory gives way to a real
    one as soon as there is one.
    """
    zone = inv.tz_code(tz)
    seen = list(seen)
    old_acc, old_ag = existing
    if old_acc is not None and drop_unseen and len(old_acc):
        keep = [
            _profile_known(rec) or (str(rec["platform"]), str(rec["account"])) in set(seen)
            for rec in old_acc.to_dict("records")
        ]
        old_acc = old_acc[keep]
    parts = [df for df in (old_acc, inventory) if df is not None and len(df)]
    acc = pd.concat(parts, ignore_index=True) if parts else schema.empty("accounts")
    acc = acc.drop_duplicates(["platform", "account"], keep="last")
    ag_parts = [df for df in (old_ag, agencies) if df is not None and len(df)]
    ags = pd.concat(ag_parts, ignore_index=True) if ag_parts else schema.empty("agencies")
    ags = ags.drop_duplicates(["agency_id"], keep="last")
    real = ags[ags["agency_id"] != PLACEHOLDER_AGENCY]
    if len(real):
        ags = real
    else:
        name = agency or i18n.t("owndata.default_agency")
        ags = _frame([{"agency_id": PLACEHOLDER_AGENCY, "name": name, "tz": zone}], "agencies")
    default_agency = str(ags["agency_id"].iloc[0])
    acc.loc[acc["agency_id"].astype("string") == PLACEHOLDER_AGENCY, "agency_id"] = default_agency
    have = set(zip(acc["platform"].astype(str), acc["account"].astype(str), strict=True))
    new = [
        {"platform": p, "account": a, "agency_id": default_agency, "tz": zone}
        for p, a in seen
        if (p, a) not in have
    ]
    if new:
        acc = pd.concat([acc, _frame(new, "accounts")], ignore_index=True)
    acc = schema.conform(acc, "accounts", source="import")
    if followers is not None and len(followers):
        last = (
            followers.dropna(subset=["followers"])
            .sort_values("date")
            .groupby(["platform", "account"], observed=True)["followers"]
            .last()
        )
        for i, rec in acc.iterrows():
            key = (rec["platform"], rec["account"])
            if pd.isna(rec["followers"]) and key in last.index:
                acc.loc[i, "followers"] = last[key]
    return acc, schema.conform(ags, "agencies", source="import")


def _frame(rows: list[dict[str, Any]], table: str) -> pd.DataFrame:
    """Rows holding some of a table's columns -> every column (missing ones NA)."""
    return schema.conform(
        pd.DataFrame(rows).reindex(columns=schema.table(table).names), table, source="import"
    )


def _norm_url(url: str) -> str:
    text = str(url).strip().lower().split("?")[0].rstrip("/")
    return text.removeprefix("https://").removeprefix("http://").removeprefix("www.")


def link_comment_posts(comments: pd.DataFrame, posts: pd.DataFrame | None) -> pd.DataFrame:
    """Replace post links typed in the comments template by the posts' ids."""
    if posts is None or posts.empty or comments.empty:
        return comments
    by_url = {
        (str(p), _norm_url(u)): str(i)
        for p, u, i in posts[["platform", "url", "post_id"]].itertuples(index=False)
        if not pd.isna(u)
    }
    out = comments.copy()
    out["post_id"] = [
        by_url.get((str(p), _norm_url(v)), v)
        for p, v in zip(out["platform"], out["post_id"], strict=True)
    ]
    return out


def _mask(
    comments: pd.DataFrame, accounts: pd.DataFrame, agencies: pd.DataFrame
) -> tuple[pd.DataFrame, int]:
    """Masked comments, and how many texts held personal data (authors are always renamed)."""
    from labkit import privacy

    masked = privacy.mask_comments(comments, allow=privacy.official_allowlist(accounts, agencies))
    before = comments["text"].astype("string").fillna("")
    after = masked["text"].astype("string").fillna("")
    return masked, int((before != after).sum())


def save_inventory(tables: dict[str, pd.DataFrame], name: str = DEFAULT_NAME) -> Path:
    """Save an inventory (``accounts``, ``agencies``) into dataset ``name``, merging.

    Accounts already in the dataset but not in the inventory stay (they came
    from exports); inventory rows replace the saved rows of the same account.
    Posts, followers, daily metrics and comments saved under a Page/channel
    name that matches an inventory display name move to the inventory's handle
    (:func:`reconcile_accounts`).
    """
    old_acc, old_ag = _existing(name, "accounts"), _existing(name, "agencies")
    updated: dict[str, pd.DataFrame] = {}
    renamed: set[tuple[str, str]] = set()
    inventory = tables.get("accounts")
    if name in data.own_datasets() and inventory is not None:
        for table in ("posts", "followers", "account_daily", "comments"):
            if data.has_table(table, name):
                df, moved = reconcile_accounts(data.load(table, source=name, mask=False), inventory)
                if moved:
                    updated[table] = df
                    renamed |= {(p, old) for p, old, _ in moved}
    if old_acc is not None and renamed:
        pairs = zip(old_acc["platform"].astype(str), old_acc["account"].astype(str), strict=True)
        old_acc = old_acc[[pair not in renamed for pair in pairs]]
    accounts, agencies = build_accounts(
        [], inventory=inventory, agencies=tables.get("agencies"), existing=(old_acc, old_ag)
    )
    return data.save_dataset(name, {**updated, "accounts": accounts, "agencies": agencies})


# ---------------------------------------------------------------------------- download guides

GUIDES_FILE = Path(__file__).resolve().parent / "ingest" / "platform_guides.yaml"


def _load_guides() -> list[dict[str, Any]]:
    import yaml

    raw = yaml.safe_load(GUIDES_FILE.read_text(encoding="utf-8")) or {}
    return list(raw.get("guides", []))


@dataclass(frozen=True)
class Guide:
    """How to download one platform's export, in the trainee's language."""

    platform: str
    title: str
    steps: tuple[str, ...]
    files: tuple[str, ...]
    notes: tuple[str, ...]
    source: str
    last_checked: str
    verified_in_app: bool

    def lines(self) -> list[str]:
        out = [self.title]
        out += [f"  {i}. {step}" for i, step in enumerate(self.steps, 1)]
        out.append("  " + i18n.t("owndata.guide_files", files="; ".join(self.files)))
        out += [f"  ! {note}" for note in self.notes]
        status = "owndata.guide_verified" if self.verified_in_app else "owndata.guide_unverified"
        out.append("  " + i18n.t(status, date=self.last_checked, source=self.source))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def _repr_markdown_(self) -> str:  # pragma: no cover - notebook display
        steps = "\n".join(f"{i}. {s}" for i, s in enumerate(self.steps, 1))
        notes = "\n".join(f"- ⚠️ {n}" for n in self.notes)
        files = i18n.t("owndata.guide_files", files="; ".join(f"`{f}`" for f in self.files))
        status = "owndata.guide_verified" if self.verified_in_app else "owndata.guide_unverified"
        check = i18n.t(status, date=self.last_checked, source=self.source)
        return f"#### {self.title}\n\n{steps}\n\n{files}\n\n{notes}\n\n*{check}*\n"


class Guides(tuple):
    """Several :class:`Guide` objects, displayed one after another."""

    def __str__(self) -> str:
        return "\n\n".join(str(g) for g in self)

    def _repr_markdown_(self) -> str:  # pragma: no cover - notebook display
        return "\n\n".join(g._repr_markdown_() for g in self)


def download_guide(platform: str | None = None) -> Guide | Guides:
    """How to download the analytics export of ``platform`` (default: every platform).

    The menu paths come from ``labkit/ingest/platform_guides.yaml``; they were
    written from public documentation and are marked with the date they were
    last checked. Platforms move menus often: trust what the app shows.
    """
    lang = i18n.get_language()
    guides = []
    for g in _load_guides():
        guides.append(
            Guide(
                platform=g["platform"],
                title=g["title"][lang],
                steps=tuple(g["steps"][lang]),
                files=tuple(f[lang] for f in g.get("files", [])),
                notes=tuple(g.get("notes", {}).get(lang, [])),
                source=str(g.get("source", "")),
                last_checked=str(g.get("last_checked", "")),
                verified_in_app=bool(g.get("verified_in_app", False)),
            )
        )
    if platform is None:
        return Guides(guides)
    for g in guides:
        if g.platform == platform:
            return g
    raise LabkitError(
        "owndata.unknown_platform", platform=platform, known=", ".join(schema.PLATFORMS)
    )


# ---------------------------------------------------------------------------- sample files


def sample_agency(agency_id: str | None = None) -> pd.Series:
    """The bundled universe's agency used for sample files (default: the one with most accounts).

    Returns its row of the ``agencies`` table (``agency_id``, ``name``, ``tz``...),
    with ``tz`` as the zone name (``"Asia/Jakarta"``) ready for :func:`import_own_data`.
    """
    agencies = data.load("agencies", source=data.BUNDLED)
    if agency_id is None:
        accounts = data.load("accounts", source=data.BUNDLED)
        agency_id = str(accounts["agency_id"].value_counts().index[0])
    rows = agencies[agencies["agency_id"] == agency_id]
    if rows.empty:
        known = ", ".join(agencies["agency_id"].astype(str))
        raise LabkitError("owndata.unknown_agency", agency=agency_id, known=known)
    row = rows.iloc[0].astype(object)
    row["tz"] = schema.TIMEZONES[str(row["tz"])]
    return row


def sample_inventory(folder: PathLike, *, agency_id: str | None = None) -> Path:
    """Write the sample agency's account inventory as a filled-in template (XLSX).

    Stands for the template a trainee fills in Excel: the bundled universe's
    ``accounts`` and ``agencies`` rows of the agency.
    """
    agency = sample_agency(agency_id)
    accounts = data.load("accounts", source=data.BUNDLED)
    agencies = data.load("agencies", source=data.BUNDLED)
    tables = {
        "accounts": accounts[accounts["agency_id"] == agency["agency_id"]],
        "agencies": agencies[agencies["agency_id"] == agency["agency_id"]],
    }
    return inv.write_filled_inventory(tables, Path(folder) / "inventaris_akun.xlsx")


def purge(name: str = DEFAULT_NAME, *, downloads: PathLike | None = None) -> list[Path]:
    """Delete the trainee's dataset ``name`` and, optionally, the downloaded files.

    The downloads hold citizens' comments *before* masking: delete them too
    when the work is done. Only a folder inside the work folder is deleted
    here; files elsewhere (e.g. the Downloads folder) must be deleted by hand.

    Returns
    -------
    list of Path
        What was deleted.

    Raises
    ------
    LabkitError
        ``downloads`` is outside the work folder.
    """
    import shutil

    from labkit import privacy, workspace

    deleted = privacy.purge(name) if name in data.own_datasets() else []
    if downloads is not None:
        target = Path(downloads).resolve()
        root = workspace.work_dir().resolve()
        if root not in target.parents:
            raise LabkitError("owndata.purge_outside", folder=str(target), work=str(root))
        if target.exists():
            shutil.rmtree(target)
            deleted.append(target)
    return deleted


def sample_exports(
    folder: PathLike,
    *,
    agency_id: str | None = None,
    days: int = 90,
    excel: Iterable[str] = ("facebook",),
    comments: int = 150,
) -> pd.DataFrame:
    """Write the files a trainee would download, rendered from the bundled universe.

    Trainees' real exports are never in the repository; notebook 05 and its
    tests import these instead. One fictional agency's accounts are rendered
    with :mod:`labkit.ingest.writers`: each platform's post export (the last
    ``days`` days), daily follower files, and a filled-in comments template.

    Parameters
    ----------
    folder : path-like
        Where to write (created).
    agency_id : str, optional
        Agency of the bundled universe (default: the one with most accounts).
    days : int
        How many days back from the end of the data period.
    excel : iterable of str
        Platforms whose file is written as if opened and saved again in
        Excel with Indonesian settings (``;``, ``1.234``, day-first dates).
    comments : int
        How many comments to copy into the comments template (0: none).

    Returns
    -------
    DataFrame
        One row per file: ``platform``, ``account``, ``layout``, ``file``, ``rows``.
    """
    from labkit.ingest import writers

    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    accounts = data.load("accounts", source=data.BUNDLED)
    agency_id = str(sample_agency(agency_id)["agency_id"])
    acc = accounts[accounts["agency_id"] == agency_id]
    keys = set(zip(acc["platform"].astype(str), acc["account"].astype(str), strict=True))

    def mine(df: pd.DataFrame) -> pd.DataFrame:
        pairs = zip(df["platform"].astype(str), df["account"].astype(str), strict=True)
        return df[[p in keys for p in pairs]]

    posts = mine(data.load("posts", source=data.BUNDLED))
    end = posts["published_at"].max()
    posts = posts[posts["published_at"] > end - pd.Timedelta(days=days)]
    followers = mine(data.load("followers", source=data.BUNDLED))
    first_day = (end - pd.Timedelta(days=days)).tz_localize(None).normalize()
    followers = followers[followers["date"] >= first_day]
    excel = set(excel)
    parts = []
    for platform, group in posts.groupby("platform", observed=True):
        variant = "excel_id" if str(platform) in excel else "plain"
        parts.append(
            writers.write_sample_exports(
                root, group, accounts=acc, followers=followers, variant=variant
            )
        )
    files = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if comments:
        com = mine(data.load("comments", source=data.BUNDLED, mask=False))
        com = com[com["post_id"].isin(set(posts["post_id"]))]
        com = com.sort_values("created_at").head(comments)
        tz = str(acc["tz"].iloc[0])
        path = inv.write_filled_comments(com, root / "komentar_disalin.xlsx", tz=tz)
        files.loc[len(files)] = ["", "", "comments_template", path, len(com)]
    return files


# ---------------------------------------------------------------------------- sections


@dataclass(frozen=True)
class Section:
    """A notebook section and what it needs from a dataset."""

    key: str
    notebook: str
    title_id: str
    title_en: str
    check: Callable[[Callable[[str], pd.DataFrame | None]], str | None]
    """Returns None when the section can run, else the key of the reason."""


def _nonempty(df: pd.DataFrame | None) -> bool:
    return df is not None and len(df) > 0


def _need_posts(get):
    return None if _nonempty(get("posts")) else "owndata.why_no_posts"


def _need_profile(get):
    acc = get("accounts")
    if not _nonempty(acc):
        return "owndata.why_no_accounts"
    return None if _has_inventory(acc) else "owndata.why_no_inventory"


def _need_followers(get):
    fol = get("followers")
    return None if _nonempty(fol) and fol["followers"].notna().any() else "owndata.why_no_followers"


def _need_follower_series(get):
    """Follower jumps show in daily counts or in daily new follows (``account_daily``)."""
    if _need_followers(get) is None:
        return None
    daily = get("account_daily")
    if _nonempty(daily) and daily["metric"].isin(["followers", "follows"]).any():
        return None
    return "owndata.why_no_followers"


def _need_search(get):
    return None if _nonempty(get("search_results")) else "owndata.why_no_search"


def _need_denominator(get):
    posts = get("posts")
    if not _nonempty(posts):
        return "owndata.why_no_posts"
    if posts[["reach", "impressions", "views"]].notna().any(axis=None):
        return None
    return "owndata.why_no_reach"


def _need_follower_counts(get):
    if not _nonempty(get("posts")):
        return "owndata.why_no_posts"
    acc = get("accounts")
    if _need_followers(get) is None or (_nonempty(acc) and acc["followers"].notna().any()):
        return None
    return "owndata.why_no_followers"


def _need_times(get):
    posts = get("posts")
    if not _nonempty(posts):
        return "owndata.why_no_posts"
    acc = get("accounts")
    zones = {}
    if _nonempty(acc):
        zones = {
            (str(p), str(a)): schema.TIMEZONES.get(str(z), "Asia/Jakarta")
            for p, a, z in acc[["platform", "account", "tz"]].itertuples(index=False)
        }
    for (p, a), group in posts.groupby(["platform", "account"], observed=True):
        local = group["published_at"].dt.tz_convert(zones.get((str(p), str(a)), "Asia/Jakarta"))
        if (local != local.dt.normalize()).any():
            return None
    return "owndata.why_no_times"


def _need_accessibility(get):
    posts = get("posts")
    if not _nonempty(posts):
        return "owndata.why_no_posts"
    cols = [c for c in ("has_alt_text", "has_captions") if c in posts]
    return None if posts[cols].notna().any(axis=None) else "owndata.why_no_accessibility"


def _need_comments(get):
    return None if _nonempty(get("comments")) else "owndata.why_no_comments"


def _need_replies(get):
    com = get("comments")
    if not _nonempty(com):
        return "owndata.why_no_comments"
    return None if com["replied_at"].notna().any() else "owndata.why_no_replies"


def _always(get):
    return None


SECTIONS: tuple[Section, ...] = (
    Section("audit_profil", "01_audit_akun", "Kelengkapan profil akun", "Profile completeness",
            _need_profile),
    Section("audit_keaktifan", "01_audit_akun", "Keaktifan akun", "Account activity", _need_posts),
    Section("audit_pengikut", "01_audit_akun", "Lonjakan pengikut", "Follower jumps",
            _need_follower_series),
    Section("audit_balasan", "01_audit_akun", "Daya tanggap: komentar yang perlu dijawab",
            "Responsiveness: comments that need a reply", _need_replies),
    Section("audit_akun_palsu", "01_audit_akun", "Perburuan akun palsu", "Impostor hunt",
            _need_search),
    Section("er_jangkauan", "02_analisis_keterlibatan", "Engagement per jangkauan/tayangan",
            "Engagement per reach/views", _need_denominator),
    Section("er_pengikut", "02_analisis_keterlibatan", "Engagement per pengikut",
            "Engagement per follower", _need_follower_counts),
    Section("waktu_unggah", "02_analisis_keterlibatan", "Jam unggah terbaik", "Best posting hours",
            _need_times),
    Section("aksesibilitas", "02_analisis_keterlibatan", "Aksesibilitas (teks alt, takarir)",
            "Accessibility (alt text, captions)", _need_accessibility),
    Section("pemantauan_komentar", "03_monitoring_isu", "Pemantauan isu di komentar",
            "Issue monitoring in comments", _need_comments),
    Section("responsivitas", "03_monitoring_isu", "Kecepatan membalas komentar",
            "Reply speed", _need_replies),
    Section("pernyataan_krisis", "04_respons_krisis", "Menyusun pernyataan krisis",
            "Drafting crisis statements", _always),
)  # fmt: skip


def _getter(source: str | None) -> Callable[[str], pd.DataFrame | None]:
    """Load tables of ``source`` on demand (None where the table is missing), once each."""
    src = source or data.current_source()
    cache: dict[str, pd.DataFrame | None] = {}

    def get(table: str) -> pd.DataFrame | None:
        if table not in cache:
            cache[table] = (
                data.load(table, source=src, mask=False) if data.has_table(table, src) else None
            )
        return cache[table]

    return get


def _status(s: Section, get: Callable[[str], pd.DataFrame | None]) -> dict[str, Any]:
    why = s.check(get)
    return {
        "notebook": s.notebook,
        "section": s.key,
        "title": i18n.label(s.title_id, s.title_en),
        "available": why is None,
        "reason": "" if why is None else i18n.t(why),
    }


def sections_available(source: str | None = None, *, notebook: str | None = None) -> pd.DataFrame:
    """Which notebook sections can run on ``source``, and why not.

    Parameters
    ----------
    source : str, optional
        A dataset name or ``"bundled"``; default: the current source
        (:func:`labkit.data.use`).
    notebook : str, optional
        Only the sections of this notebook (``"01_audit_akun"``).

    Returns
    -------
    DataFrame
        One row per section: ``notebook``, ``section``, ``title``,
        ``available`` (bool) and ``reason`` (what is missing and how to add
        it; empty when the section can run), in the trainee's language.
    """
    get = _getter(source)
    chosen = [s for s in SECTIONS if notebook is None or s.notebook == notebook]
    if not chosen:
        known = ", ".join(dict.fromkeys(s.notebook for s in SECTIONS))
        raise LabkitError("owndata.unknown_notebook", notebook=notebook, known=known)
    return pd.DataFrame([_status(s, get) for s in chosen])


def can_run(section: str, source: str | None = None, *, say: bool = True) -> bool:
    """True if ``section`` can run on ``source``; else print why (when ``say``).

    Notebooks call this before a section that needs data an import may lack,
    so the trainee reads what is missing instead of a traceback. Only the
    tables that section needs are read.
    """
    by_key = {s.key: s for s in SECTIONS}
    if section not in by_key:
        raise LabkitError("owndata.unknown_section", section=section, known=", ".join(by_key))
    row = _status(by_key[section], _getter(source))
    if not row["available"] and say:
        print(i18n.t("owndata.cannot_run", title=row["title"], reason=row["reason"]))
    return bool(row["available"])


def load_or_none(name: str, source: str | None = None) -> pd.DataFrame | None:
    """Table ``name`` of ``source`` (default: the current one), or None if it has none.

    For notebooks that run on imported data: a missing table becomes None,
    which the analysis functions read as "not given" (their items say "cannot
    be scored" and what is needed), instead of an error.
    """
    src = source or data.current_source()
    return data.load(name, source=src) if data.has_table(name, src) else None


def pick_agency(code: str | None = None, source: str | None = None, *, say: bool = True) -> str:
    """The agency to audit: ``code`` if ``source`` has it, else the one with most accounts.

    A trainee's imported dataset usually holds one agency, whose id is made
    from its name (``dinas-kominfo-kota-contoh``); a notebook written for the
    bundled data names ``AG05``. This returns an id that exists in the data
    and, when ``say``, prints which agency is used (and why, if ``code`` was
    not found).

    Raises
    ------
    LabkitError
        ``source`` has no accounts.
    """
    src = source or data.current_source()
    accounts = load_or_none("accounts", src)
    if accounts is None or accounts.empty:
        raise LabkitError("owndata.no_agency", source=src)
    counts = accounts["agency_id"].astype(str).value_counts(sort=False)
    known = list(counts.index)
    agencies = load_or_none("agencies", src)
    names = (
        {} if agencies is None else dict(zip(agencies["agency_id"], agencies["name"], strict=True))
    )
    if code is not None and str(code) in known:
        chosen, key = str(code), "owndata.agency_chosen"
    else:
        chosen = max(known, key=lambda a: (counts[a], -known.index(a)))
        key = "owndata.agency_fallback" if code else "owndata.agency_default"
        if len(known) == 1:
            key += "_only"
    if say:
        print(
            i18n.t(
                key,
                code=str(code),
                agency=chosen,
                name=str(names.get(chosen, chosen)),
                source=src,
                known=", ".join(sorted(known)[:20]),
            )
        )
    return chosen
