"""Sample files: what a trainee would download, rendered from the bundled universe.

Trainees' real exports are never in the repository; notebook 05 and its tests
import these instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from labkit import data, i18n, schema
from labkit.errors import LabkitError
from labkit.ingest import inventory as inv

PathLike = str | os.PathLike[str]


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


i18n.register(
    {
        "owndata.unknown_agency": {
            "id": "Instansi '{agency}' tidak ada di data contoh. Yang ada: {known}.",
            "en": "Agency '{agency}' is not in the sample data. Known: {known}.",
        },
    }
)
