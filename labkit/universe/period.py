"""The calendar of the universe: 12 months of local days, holidays and observances."""

from __future__ import annotations

from functools import lru_cache

import holidays
import numpy as np
import pandas as pd

from labkit import schema
from labkit.engagement.momentum import commemoration_days

#: First and last local day of the data period (inclusive).
START_DAY = pd.Timestamp("2025-10-01")
END_DAY = pd.Timestamp("2026-09-30")
#: The period as instants: from 2025-10-01 00:00 WIB up to (not including) 2026-10-01 00:00 WIB.
START = pd.Timestamp("2025-10-01 00:00", tz="Asia/Jakarta").tz_convert("UTC")
END = pd.Timestamp("2026-10-01 00:00", tz="Asia/Jakarta").tz_convert("UTC")

#: UTC offset (hours) of each Indonesian time zone (no daylight saving).
TZ_OFFSET = schema.TZ_OFFSET_HOURS

# Public holidays renamed the way agencies write greetings.
_GREETING = {
    "Tahun Baru Masehi": "Tahun Baru 2026",
    "Hari Raya Idul Fitri": "Hari Raya Idulfitri 1447 H",
    "Hari Raya Idul Adha": "Hari Raya Iduladha 1447 H",
    "Hari Kemerdekaan Republik Indonesia": "HUT ke-81 Republik Indonesia",
    "Tahun Baru Islam": "Tahun Baru Islam 1448 H",
    "Tahun Baru Imlek": "Tahun Baru Imlek 2577 Kongzili",
    "Hari Suci Nyepi": "Hari Suci Nyepi Tahun Baru Saka 1948",
    "Hari Raya Waisak": "Hari Raya Waisak 2570 BE",
    "Kebangkitan Yesus Kristus": "Hari Raya Paskah",
}


@lru_cache(maxsize=1)
def days() -> pd.DatetimeIndex:
    """Every local day of the period (365 days)."""
    return pd.date_range(START_DAY, END_DAY, freq="D")


@lru_cache(maxsize=1)
def public_holidays() -> dict[pd.Timestamp, str]:
    """Indonesian public holidays in the period (``holidays.Indonesia``, Indonesian names)."""
    cal = holidays.Indonesia(years=range(START_DAY.year, END_DAY.year + 1), language="id")
    return {
        pd.Timestamp(d): name
        for d, name in sorted(cal.items())
        if START_DAY <= pd.Timestamp(d) <= END_DAY
    }


@lru_cache(maxsize=1)
def observances() -> dict[pd.Timestamp, str]:
    """Days agencies greet (public holidays and national days), with the greeting name."""
    out = {}
    for md, name in commemoration_days().items():  # one list: labkit/calendar.yaml
        for year in range(START_DAY.year, END_DAY.year + 1):
            day = pd.Timestamp(f"{year}-{md}")
            if START_DAY <= day <= END_DAY:
                out[day] = name
    for d, name in public_holidays().items():
        if name.startswith("Hari kedua"):
            continue
        out[d] = _GREETING.get(name, name)
    return dict(sorted(out.items()))


@lru_cache(maxsize=1)
def lebaran() -> pd.Timestamp:
    """First day of Idulfitri in the period (from ``holidays.Indonesia``)."""
    for d, name in public_holidays().items():
        if name == "Hari Raya Idul Fitri":
            return d
    raise RuntimeError("no Idul Fitri in the period")  # pragma: no cover


def _frozen(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)
    return a


@lru_cache(maxsize=1)
def day_flags() -> dict[str, np.ndarray]:
    """Per local day: weekday (0=Monday), holiday flag, observance flag and month (read-only)."""
    d = days()
    return {
        "weekday": _frozen(d.day_of_week.to_numpy()),
        "holiday": _frozen(d.isin(list(public_holidays()))),
        "observance": _frozen(d.isin(list(observances()))),
        "month": _frozen(d.month.to_numpy()),
    }


@lru_cache(maxsize=4)
def nearest_observance(window: int = 3) -> np.ndarray:
    """Per local day: the observance within ``window`` days (or "" when none).

    In August every day points to Independence Day (the month of 'Bulan Kemerdekaan').
    """
    d = days()
    obs = observances()
    out = np.full(len(d), "", dtype=object)
    keys = list(obs)
    for i, day in enumerate(d):
        best, gap = "", window + 1
        for k in keys:
            g = abs((k - day).days)
            if g < gap:
                best, gap = obs[k], g
        out[i] = best
        if day.month == 8 and not best:
            out[i] = obs.get(pd.Timestamp(f"{day.year}-08-17"), "")
    return _frozen(out)
