"""The calendar of dates that matter to Indonesian government communication, for any year.

One owner for every date the lab knows:

* public holidays and joint leave (*cuti bersama*) from the ``holidays`` package
  (``holidays.Indonesia``, categories ``public`` and ``government``);
* commemoration days that are not holidays (Hari Pers Nasional, Hari Kebangkitan
  Nasional, Hari Pahlawan, Hari Ibu, Hari Antikorupsi Sedunia, HUT Korpri...), dated in
  ``calendar.yaml`` with the source of each and the project's confidence in it;
* the Ramadan period (estimated: the 30 days before Idulfitri from ``holidays``; the
  real start is set each year by the government's *sidang isbat*) and the Lebaran period
  (Idulfitri with its cuti bersama);
* the agency's own days (anniversary, sector days) from ``hari_instansi.yaml`` in the
  work folder.

Module 2's momentum analysis, the universe generator and module 6's content plan read
their dates here.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

import holidays
import pandas as pd
import yaml

from labkit import workspace
from labkit.errors import LabkitError

#: A trainer's or trainee's own days, in the work folder.
AGENCY_DAYS_FILE = "hari_instansi.yaml"
KINDS = ("holiday", "cuti_bersama", "commemoration", "ramadan", "agency")
TONES = ("celebration", "solemn", "mourning")
COLUMNS = ["date", "name", "kind", "tone", "source", "confidence", "greeted"]
#: Days of Ramadan before Idulfitri (an estimate; the sidang isbat decides).
RAMADAN_DAYS = 30
HOLIDAYS_SOURCE = "holidays (python-holidays), Indonesia"


def _check_days(raw: object, name: str) -> list[dict]:
    entries = raw.get("days") if isinstance(raw, dict) else raw
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise LabkitError("calendar.bad_file", file=name)
    out = []
    for i, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not entry.get("date") or not entry.get("name"):
            raise LabkitError("calendar.bad_entry", file=name, n=i)
        tone = entry.get("tone", "celebration")
        if tone not in TONES:
            raise LabkitError(
                "calendar.bad_tone", file=name, n=i, tone=tone, valid=", ".join(TONES)
            )
        out.append(
            {
                "date": str(entry["date"]),
                "name": str(entry["name"]),
                "tone": tone,
                "source": str(entry.get("source", "")),
                "confidence": str(entry.get("confidence", "")),
                "greeted": bool(entry.get("greeted", False)),
            }
        )
    return out


@cache
def _package_days() -> tuple[dict, ...]:
    text = resources.files("labkit").joinpath("calendar.yaml").read_text("utf-8")
    return tuple(_check_days(yaml.safe_load(text), "calendar.yaml"))


def commemoration_days(*, greeted_only: bool = False) -> dict[str, str]:
    """Commemoration days that are not holidays: ``{"MM-DD": name}``.

    Parameters
    ----------
    greeted_only : bool
        Only the days agencies commonly greet (the list the bundled universe was
        generated with, and module 2's momentum uses).
    """
    return {d["date"]: d["name"] for d in _package_days() if d["greeted"] or not greeted_only}


def _dated(entry: dict, year: int) -> pd.Timestamp | None:
    text = entry["date"]
    try:
        if len(text) == 5:  # MM-DD: every year
            return pd.Timestamp(f"{year}-{text}")
        day = pd.Timestamp(text)
        return day if day.year == year else None
    except ValueError:
        return None


def _agency_days() -> list[dict]:
    name = str(workspace.resolve(AGENCY_DAYS_FILE))
    return _check_days(workspace.load_yaml(AGENCY_DAYS_FILE), name)


def calendar(years: int | Iterable[int]) -> pd.DataFrame:
    """Every date that matters in ``years``.

    Returns
    -------
    DataFrame sorted by date: ``date`` (Timestamp, no time zone), ``name``, ``kind`` (one
    of :data:`KINDS`), ``tone``, ``source``, ``confidence``, ``greeted``. The Ramadan
    period is one row per day (``kind`` ``ramadan``).

    Raises
    ------
    LabkitError
        If the agency's own file in the work folder is broken (file and entry named).
    """
    years = sorted({int(years)} if isinstance(years, int) else {int(y) for y in years})
    if not years:
        raise LabkitError("calendar.no_years")
    rows: list[dict] = []
    official = holidays.Indonesia(years=years, language="id", categories=("public", "government"))
    public = holidays.Indonesia(years=years, language="id")
    for day, name in sorted(official.items()):
        kind = "holiday" if day in public else "cuti_bersama"
        rows.append({"date": pd.Timestamp(day), "name": name, "kind": kind, "tone": "celebration",
                     "source": HOLIDAYS_SOURCE, "confidence": "high", "greeted": kind == "holiday"})  # fmt: skip
        if name == "Hari Raya Idul Fitri":
            for back in range(RAMADAN_DAYS, 0, -1):
                rows.append({"date": pd.Timestamp(day) - pd.Timedelta(days=back),
                             "name": "Ramadan (perkiraan)", "kind": "ramadan", "tone": "solemn",
                             "source": "perkiraan: 30 hari sebelum Idulfitri (sidang isbat menetapkan)",
                             "confidence": "low", "greeted": False})  # fmt: skip
    for kind, entries in (("commemoration", _package_days()), ("agency", _agency_days())):
        for entry in entries:
            for year in years:
                day = _dated(entry, year)
                if day is not None:
                    rows.append({**entry, "date": day, "kind": kind})
    out = pd.DataFrame(rows, columns=COLUMNS)
    out = out[out["date"].dt.year.isin(years)]
    return out.sort_values(["date", "kind"], kind="stable").reset_index(drop=True)


def days_in(start: object, end: object) -> pd.DataFrame:
    """The calendar between ``start`` and ``end`` (inclusive), Ramadan days folded into one row."""
    lo, hi = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    if hi < lo:
        raise LabkitError("calendar.bad_period", start=str(lo.date()), end=str(hi.date()))
    full = calendar(range(lo.year, hi.year + 1))
    cal = full[(full["date"] >= lo) & (full["date"] <= hi)]
    rest = cal[cal["kind"] != "ramadan"]
    whole = full[full["kind"] == "ramadan"]
    for year in sorted(set(cal.loc[cal["kind"] == "ramadan", "date"].dt.year)):
        days = whole[whole["date"].dt.year == year]
        first, last = days["date"].min(), days["date"].max()
        row = days.iloc[[0]].assign(
            date=max(first, lo), name=f"Ramadan (perkiraan {first.date()} s.d. {last.date()})"
        )
        rest = pd.concat([rest, row])
    return rest.sort_values("date", kind="stable").reset_index(drop=True)
