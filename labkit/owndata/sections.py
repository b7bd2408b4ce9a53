"""Which notebook sections can run on a data source, and why not.

The sections are data: ``labkit/sections.yaml`` (beside ``workshop.yaml``) lists
each section a notebook guards with :func:`can_run`, its notebook, its title and
what it ``needs``. The requirement checks are code, named in :data:`NEEDS`; each
takes a table getter and returns None when met, else the message key of what is
missing and how to add it. Adding a section is a data-only change; a new kind of
requirement is one function here plus its entry in :data:`NEEDS`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from labkit import data, i18n, schema
from labkit.errors import LabkitError
from labkit.owndata.reconcile import has_inventory

#: The sections file, beside ``workshop.yaml``.
SECTIONS_FILE = Path(__file__).resolve().parent.parent / "sections.yaml"

#: ``get(table, columns)``: those columns of a table of the source, or None where it is missing.
Getter = Callable[[str, list[str]], pd.DataFrame | None]


@dataclass(frozen=True)
class Section:
    """A notebook section and what it needs from a dataset."""

    key: str
    notebook: str
    title_id: str
    title_en: str
    needs: tuple[str, ...] = ()

    def check(self, get: Getter) -> str | None:
        """None when the section can run, else the message key of the first unmet need."""
        for need in self.needs:
            why = NEEDS[need](get)
            if why is not None:
                return why
        return None


# ---------------------------------------------------------------------------- requirement checks


def _nonempty(df: pd.DataFrame | None) -> bool:
    return df is not None and len(df) > 0


def _need_posts(get):
    return None if _nonempty(get("posts", ["post_id"])) else "owndata.why_no_posts"


def _need_profile(get):
    acc = get("accounts", None)
    if not _nonempty(acc):
        return "owndata.why_no_accounts"
    return None if has_inventory(acc) else "owndata.why_no_inventory"


def _need_followers(get):
    fol = get("followers", ["followers"])
    return None if _nonempty(fol) and fol["followers"].notna().any() else "owndata.why_no_followers"


def _need_follower_series(get):
    """Follower jumps show in daily counts or in daily new follows (``account_daily``)."""
    if _need_followers(get) is None:
        return None
    daily = get("account_daily", ["metric"])
    if _nonempty(daily) and daily["metric"].isin(["followers", "follows"]).any():
        return None
    return "owndata.why_no_followers"


def _need_search(get):
    return None if _nonempty(get("search_results", None)) else "owndata.why_no_search"


def _need_denominator(get):
    posts = get("posts", ["reach", "impressions", "views"])
    if not _nonempty(posts):
        return "owndata.why_no_posts"
    if posts[["reach", "impressions", "views"]].notna().any(axis=None):
        return None
    return "owndata.why_no_reach"


def _need_follower_counts(get):
    if not _nonempty(get("posts", ["post_id"])):
        return "owndata.why_no_posts"
    acc = get("accounts", None)
    if _need_followers(get) is None or (_nonempty(acc) and acc["followers"].notna().any()):
        return None
    return "owndata.why_no_followers"


def _need_times(get):
    posts = get("posts", ["platform", "account", "published_at"])
    if not _nonempty(posts):
        return "owndata.why_no_posts"
    acc = get("accounts", None)
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
    posts = get("posts", ["has_alt_text", "has_captions"])
    if not _nonempty(posts):
        return "owndata.why_no_posts"
    cols = [c for c in ("has_alt_text", "has_captions") if c in posts]
    return None if posts[cols].notna().any(axis=None) else "owndata.why_no_accessibility"


def _need_comments(get):
    return None if _nonempty(get("comments", ["comment_id"])) else "owndata.why_no_comments"


def _need_replies(get):
    com = get("comments", ["replied_at"])
    if not _nonempty(com):
        return "owndata.why_no_comments"
    return None if com["replied_at"].notna().any() else "owndata.why_no_replies"


#: Requirement checks by the name ``sections.yaml`` uses in ``needs``.
NEEDS: dict[str, Callable[[Getter], str | None]] = {
    "posts": _need_posts,
    "profile": _need_profile,
    "followers": _need_followers,
    "follower_series": _need_follower_series,
    "follower_counts": _need_follower_counts,
    "denominator": _need_denominator,
    "posting_times": _need_times,
    "accessibility": _need_accessibility,
    "search_results": _need_search,
    "comments": _need_comments,
    "reply_times": _need_replies,
}


# ---------------------------------------------------------------------------- the sections file


def read_sections(path: str | Path | None = None) -> tuple[Section, ...]:
    """Read and check a sections file (default: :data:`SECTIONS_FILE`).

    Raises
    ------
    ValueError
        An entry lacks a field, repeats a key, or names a need that is not in
        :data:`NEEDS` (a mistake of whoever edited the file, named precisely).
    """
    import yaml

    path = SECTIONS_FILE if path is None else path
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    out: list[Section] = []
    for i, entry in enumerate(raw.get("sections") or [], 1):
        where = f"{path}, section {i}"
        missing = [f for f in ("key", "notebook", "title", "needs") if f not in (entry or {})]
        if missing:
            raise ValueError(f"{where}: missing {', '.join(missing)}")
        title = entry["title"] or {}
        if not (isinstance(title, dict) and title.get("id") and title.get("en")):
            raise ValueError(f"{where} ({entry['key']}): title needs both 'id' and 'en'")
        if not isinstance(entry["needs"], list | None):
            raise ValueError(f"{where} ({entry['key']}): needs is a list, e.g. [posts]")
        needs = tuple(entry["needs"] or ())
        unknown = [n for n in needs if n not in NEEDS]
        if unknown:
            raise ValueError(
                f"{where} ({entry['key']}): unknown need {', '.join(map(str, unknown))}; "
                f"known: {', '.join(NEEDS)}"
            )
        if any(s.key == entry["key"] for s in out):
            raise ValueError(f"{where}: key {entry['key']!r} is listed twice")
        out.append(
            Section(
                key=str(entry["key"]),
                notebook=str(entry["notebook"]),
                title_id=str(title["id"]),
                title_en=str(title["en"]),
                needs=needs,
            )
        )
    return tuple(out)


@functools.cache
def all_sections() -> tuple[Section, ...]:
    """The sections of ``labkit/sections.yaml`` (read once per process)."""
    return read_sections()


# ---------------------------------------------------------------------------- status


def _getter(source: str | None) -> Getter:
    """Read columns of tables of ``source`` on demand (None where the table is missing).

    Only the columns a check looks at are read (``None``: all of them; the small
    tables), each set once: checking what a notebook can run costs little memory even
    on a year of a ministry's comments.
    """
    src = source or data.current_source()
    cache: dict[tuple[str, tuple[str, ...] | None], pd.DataFrame | None] = {}

    def get(table: str, columns: list[str] | None) -> pd.DataFrame | None:
        key = (table, None if columns is None else tuple(columns))
        if key not in cache:
            cache[key] = (
                data.load(table, source=src, mask=False, columns=columns)
                if data.has_table(table, src)
                else None
            )
        return cache[key]

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
    chosen = [s for s in all_sections() if notebook is None or s.notebook == notebook]
    if not chosen:
        known = ", ".join(dict.fromkeys(s.notebook for s in all_sections()))
        raise LabkitError("owndata.unknown_notebook", notebook=notebook, known=known)
    return pd.DataFrame([_status(s, get) for s in chosen])


def can_run(section: str, source: str | None = None, *, say: bool = True) -> bool:
    """True if ``section`` can run on ``source``; else print why (when ``say``).

    Notebooks call this before a section that needs data an import may lack,
    so the trainee reads what is missing instead of a traceback. Only the
    tables that section needs are read.
    """
    by_key = {s.key: s for s in all_sections()}
    if section not in by_key:
        raise LabkitError("owndata.unknown_section", section=section, known=", ".join(by_key))
    row = _status(by_key[section], _getter(source))
    if not row["available"] and say:
        print(i18n.t("owndata.cannot_run", title=row["title"], reason=row["reason"]))
    return bool(row["available"])


def requirements(source: str | None = None, needs: Iterable[str] | None = None) -> pd.DataFrame:
    """Which data requirements ``source`` meets, and what to add for the others.

    Parameters
    ----------
    source : str, optional
        A dataset name or ``"bundled"``; default: the current source.
    needs : iterable of str, optional
        Requirement names of :data:`NEEDS` (default: all of them).

    Returns
    -------
    DataFrame
        One row per requirement: ``need``, ``available`` (bool) and ``reason``
        (empty when met), in the trainee's language.
    """
    chosen = list(NEEDS if needs is None else needs)
    unknown = [n for n in chosen if n not in NEEDS]
    if unknown:
        raise LabkitError("owndata.unknown_need", need=", ".join(unknown), known=", ".join(NEEDS))
    get = _getter(source)
    rows = []
    for need in chosen:
        why = NEEDS[need](get)
        rows.append(
            {"need": need, "available": why is None, "reason": "" if why is None else i18n.t(why)}
        )
    return pd.DataFrame(rows, columns=["need", "available", "reason"])
