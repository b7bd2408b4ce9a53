"""TikTok Studio specifics: dates written without a year (``"August 31"``).

The year is inferred from the export's range: a date range in the folder or
file name (``TikTok 2025-08-01_2025-08-31``, ``overview_20250801_20250831``) or,
failing that, the file's own date (with a LabkitWarning). A day later in the
year than the range's end belongs to the previous year, so a range that crosses
New Year (``December 30`` ... ``January 2``) gets both years right.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from labkit import errors
from labkit.ingest.parse import MONTHS
from labkit.ingest.report import ImportReport, msg

_NAME_DATE = re.compile(r"(?<!\d)(20\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_MONTH_DAY = r"^(?:[A-Za-z]+,\s+)?(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})$"
_DAY_MONTH = r"^(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3,9})\.?$"


def dates_in_name(text: str) -> list[date]:
    """Calendar dates written in a file or folder name."""
    out = []
    for y, m, d in _NAME_DATE.findall(text):
        try:
            out.append(date(int(y), int(m), int(d)))
        except ValueError:
            continue
    return out


def export_range(label: str) -> tuple[date | None, date | None]:
    """``(start, end)`` of the export range named in ``label`` (path of the file)."""
    found = dates_in_name(label)
    if not found:
        return None, None
    if len(found) == 1:
        return None, found[0]
    return min(found), max(found)


def infer_years(raw, rep: ImportReport) -> pa.Array | None:
    """Year of each row of a year-less date column (None if every date has a year)."""
    lay = raw.layout
    col = raw.col(lay.time_column)
    if col is None:
        return None
    text = pc.utf8_trim_whitespace(col)
    parts = pc.extract_regex(text, _MONTH_DAY)
    parts2 = pc.extract_regex(text, _DAY_MONTH)
    mon = pc.coalesce(pc.struct_field(parts, "mon"), pc.struct_field(parts2, "mon"))
    day = pc.coalesce(pc.struct_field(parts, "d"), pc.struct_field(parts2, "d"))
    if not pc.any(pc.is_valid(mon)).as_py():
        return None
    idx = pc.index_in(pc.utf8_lower(mon), value_set=pa.array(list(MONTHS)))
    month = pc.take(pa.array(list(MONTHS.values()), pa.int64()), idx)
    day = pc.cast(day, pa.int64())
    start, end = export_range(raw.member.label)
    if end is not None:
        basis = msg(
            "ingest.report.basis_name",
            range=f"{start.isoformat()} - {end.isoformat()}" if start else end.isoformat(),
        )
    else:
        stamp = raw.member.mtime.date() if raw.member.mtime else date.today()
        end = stamp
        basis = msg("ingest.report.basis_mtime", date=stamp.isoformat())
        first = pc.index(pc.is_valid(month), True).as_py()
        errors.warn(
            "ingest.year_assumed",
            stacklevel=5,
            file=raw.label,
            value=col[first].as_py(),
            basis=stamp.isoformat(),
        )
    m = pc.fill_null(month, 1).to_numpy(zero_copy_only=False)
    d = pc.fill_null(day, 1).to_numpy(zero_copy_only=False)
    later = (m > end.month) | ((m == end.month) & (d > end.day))
    years = np.where(later, end.year - 1, end.year).astype(np.int64)
    rep.note("ingest.report.year", file=raw.label, basis=basis)
    return pa.array(years, pa.int64())
