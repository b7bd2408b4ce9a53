"""Import a folder of platform exports and filled-in templates as the trainee's dataset.

:func:`import_own_data` reads the folder with :mod:`labkit.ingest`, reconciles
accounts (:mod:`labkit.owndata.reconcile`), masks citizens' personal data and
saves the canonical tables with :func:`labkit.data.save_dataset`;
:func:`save_inventory` merges an inventory (form or template) into a dataset.
"""

from __future__ import annotations

import html
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from labkit import data, i18n, schema
from labkit.errors import LabkitError
from labkit.ingest import inventory as inv
from labkit.owndata.reconcile import (
    _accounts_seen,
    build_accounts,
    daily_metrics,
    followers_from_daily,
    has_inventory,
    link_comment_posts,
    reconcile_accounts,
)
from labkit.owndata.sections import sections_available

PathLike = str | os.PathLike[str]
DEFAULT_NAME = "instansi_saya"
TEMPLATE_SUFFIXES = (".xlsx", ".csv")


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
    return i18n.t(key) if key in i18n.catalog() else i18n.t("owndata.fix_other")


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
    if not inv_tables and not has_inventory(existing[0]):
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


def _existing(name: str, table: str) -> pd.DataFrame | None:
    if name in data.own_datasets() and data.has_table(table, name):
        return data.load(table, source=name, mask=False)
    return None


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


i18n.register(
    {
        "owndata.no_folder": {
            "id": "Folder '{folder}' tidak ditemukan. Periksa nama foldernya, lalu taruh berkas unduhan dari platform di sana.",
            "en": "Folder '{folder}' was not found. Check its name, then put the files downloaded from the platforms in it.",
        },
        "owndata.nothing_read": {
            "id": "Tidak ada berkas ekspor atau templat yang terbaca di '{folder}'. Lihat panduan unduh per platform di notebook 05.",
            "en": "No export file or template could be read in '{folder}'. See the per-platform download guide in notebook 05.",
        },
        "owndata.summary_head": {
            "id": "Dataset '{dataset}' tersimpan di {folder}",
            "en": "Dataset '{dataset}' saved in {folder}",
        },
        "owndata.summary_table": {
            "id": "tabel {table}: {rows} baris",
            "en": "table {table}: {rows} rows",
        },
        "owndata.summary_masked": {
            "id": "{n} komentar memuat data pribadi warga (NIK, telepon, e-mail, akun) yang sudah disamarkan sebelum disimpan; nama penulis diganti nama samaran (warga_...)",
            "en": "{n} comments held citizens' personal data (NIK, phone, e-mail, handles), masked before saving; authors were replaced by pseudonyms (warga_...)",
        },
        "owndata.summary_missing": {
            "id": "belum ada {table}: {fix}",
            "en": "no {table} yet: {fix}",
        },
        "owndata.summary_skipped": {
            "id": "berkas {file} dilewati: {note}",
            "en": "file {file} skipped: {note}",
        },
        "owndata.note_renamed": {
            "id": "akun {platform} '{old}' (nama Halaman/kanal di ekspor) dicocokkan dengan akun '{new}' di inventaris",
            "en": "{platform} account '{old}' (Page/channel name in the export) matched to account '{new}' of the inventory",
        },
        "owndata.summary_sections": {
            "id": "{n} bagian notebook belum bisa dijalankan dengan data ini; lihat owndata.sections_available()",
            "en": "{n} notebook sections cannot run on these data yet; see owndata.sections_available()",
        },
        "owndata.fix_inventory": {
            "id": "isi inventaris akun (templat atau formulir) agar audit profil bisa berjalan",
            "en": "fill in the account inventory (template or form) so the profile audit can run",
        },
        "owndata.fix_accounts": {
            "id": "impor minimal satu ekspor atau isi inventaris akun",
            "en": "import at least one export or fill in the account inventory",
        },
        "owndata.fix_posts": {
            "id": "unduh ekspor per unggahan (Meta Business Suite, X, YouTube Studio, TikTok Studio)",
            "en": "download a per-post export (Meta Business Suite, X, YouTube Studio, TikTok Studio)",
        },
        "owndata.fix_followers": {
            "id": "unduh ekspor pengikut harian (Meta: Follows; TikTok: FollowerHistory)",
            "en": "download the daily follower export (Meta: Follows; TikTok: FollowerHistory)",
        },
        "owndata.fix_comments": {
            "id": "salin komentar ke templat komentar (write_comments_template) lalu impor ulang",
            "en": "copy comments into the comments template (write_comments_template) and import again",
        },
        "owndata.fix_other": {
            "id": "lihat panduan di notebook 05",
            "en": "see the guide in notebook 05",
        },
    }
)
