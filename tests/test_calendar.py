"""The calendar of dates that matter (labkit.calendar)."""

from __future__ import annotations

import holidays
import pandas as pd
import pytest

from labkit import calendar
from labkit.errors import LabkitError


@pytest.mark.parametrize("year", [2026, 2027])
def test_every_holiday_and_joint_leave_of_the_holidays_package_is_there(year):
    cal = calendar.calendar(year)
    official = holidays.Indonesia(years=year, language="id", categories=("public", "government"))
    public = holidays.Indonesia(years=year, language="id")
    for day, name in official.items():
        row = cal[(cal["date"] == pd.Timestamp(day)) & (cal["name"] == name)]
        assert len(row) == 1, (day, name)
        assert row["kind"].iloc[0] == ("holiday" if day in public else "cuti_bersama")
    assert (cal["date"].dt.year == year).all()


@pytest.mark.parametrize("year", [2026, 2027])
def test_commemoration_days_are_dated_every_year_with_their_source(year):
    cal = calendar.calendar(year).set_index("name")
    for name, md in [("Hari Pers Nasional", "02-09"), ("Hari Kebangkitan Nasional", "05-20"),
                     ("Hari Pahlawan", "11-10"), ("Hari Ibu", "12-22"), ("Hari Antikorupsi Sedunia", "12-09"),
                     ("HUT Korpri", "11-29"), ("Hari Kesaktian Pancasila", "10-01")]:  # fmt: skip
        assert cal.loc[name, "date"] == pd.Timestamp(f"{year}-{md}")
        assert cal.loc[name, "source"] and cal.loc[name, "confidence"] in {"high", "medium", "low"}
    assert cal.loc["Hari Peringatan Korban G30S", "tone"] == "mourning"


def test_ramadan_is_the_estimated_month_before_idulfitri():
    cal = calendar.calendar(2026)
    lebaran = cal.loc[cal["name"] == "Hari Raya Idul Fitri", "date"].iloc[0]
    ramadan = cal[cal["kind"] == "ramadan"]["date"]
    assert len(ramadan) == calendar.RAMADAN_DAYS and ramadan.max() == lebaran - pd.Timedelta(days=1)
    folded = calendar.days_in("2026-03-01", "2026-03-31")
    assert (folded["kind"] == "ramadan").sum() == 1
    assert "2026-02-19" in folded.loc[folded["kind"] == "ramadan", "name"].iloc[0]


def test_greeted_days_are_the_universe_list():
    greeted = calendar.commemoration_days(greeted_only=True)
    assert "02-09" not in greeted and greeted["11-10"] == "Hari Pahlawan"
    assert len(calendar.commemoration_days()) > len(greeted)


def test_agency_days_from_the_work_folder(work):
    (work / calendar.AGENCY_DAYS_FILE).write_text(
        "days:\n  - {date: '01-26', name: Hari Bhakti Imigrasi, source: Kemenkumham}\n"
        "  - {date: '2026-07-15', name: HUT Kanim Kota Pelangi ke-50}\n",
        "utf-8",
    )
    cal = calendar.calendar([2026, 2027])
    agency = cal[cal["kind"] == "agency"]
    assert agency["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-01-26",
        "2026-07-15",
        "2027-01-26",
    ]


def test_broken_agency_file_is_explained(work):
    (work / calendar.AGENCY_DAYS_FILE).write_text("days:\n  - {name: Tanpa tanggal}\n", "utf-8")
    with pytest.raises(LabkitError, match="entri ke-1"):
        calendar.calendar(2026)
    with pytest.raises(LabkitError, match="Tukar"):
        calendar.days_in("2026-05-01", "2026-04-01")
