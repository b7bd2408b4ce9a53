"""Number and date parsing of labkit.ingest (property-based with hypothesis)."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labkit.errors import ExportReadError, LabkitWarning
from labkit.ingest import parse
from labkit.ingest.parse import Where, parse_counts, parse_floats, parse_times

W = Where("uji.csv", "Jumlah")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def counts(values: list[str | None], **kw) -> list[int | None]:
    return parse_counts(pa.array(values, pa.string()), W, **kw).to_pylist()


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


# ---------------------------------------------------------------------- counts


@FAST
@given(
    st.lists(st.integers(0, 10**15), min_size=1, max_size=30),
    st.sampled_from(["", ",", ".", " ", "\u00a0"]),
)
def test_counts_round_trip_in_every_thousands_style(values, sep):
    texts = [str(v) if sep == "" else grouped(v, sep) for v in values]
    assert counts(texts) == values


@FAST
@given(
    st.lists(st.integers(0, 10**9), min_size=1, max_size=20), st.sampled_from([".00", ",00", ".0"])
)
def test_counts_with_excel_decimal_zeros(values, suffix):
    sep = "," if suffix.startswith(".") else "."
    texts = [grouped(v, sep) + suffix for v in values]
    assert counts(texts) == values


@FAST
@given(st.lists(st.one_of(st.none(), st.integers(0, 10**6)), min_size=1, max_size=20))
def test_empty_cells_are_missing_not_zero(values):
    texts = [None if v is None else f"{v:,}" for v in values]
    assert counts(texts) == values


def test_blank_placeholders_are_missing():
    assert counts(["", " ", "-", "--", "12"]) == [None, None, None, None, 12]


@FAST
@given(st.integers(1, 10**9), st.integers(0, 20))
def test_negative_counts_raise_naming_the_row(value, pos):
    texts = ["1"] * pos + [f"-{value:,}"]
    with pytest.raises(ExportReadError) as info:
        counts(texts)
    assert info.value.key == "ingest.negative_count"
    assert info.value.params["row"] == pos + 2
    assert counts(texts, signed=True)[-1] == -value


@FAST
@given(
    st.text(alphabet="abcxyzAB!?/ ", min_size=1, max_size=8).filter(
        lambda t: t.strip() not in ("", "-", "--")
    ),
    st.integers(0, 10),
)
def test_text_in_a_count_column_raises(text, pos):
    texts = ["5"] * pos + [text]
    with pytest.raises(ExportReadError) as info:
        counts(texts)
    assert info.value.key == "ingest.not_a_number"
    assert info.value.params["row"] == pos + 2
    assert info.value.params["column"] == "Jumlah"


@pytest.mark.parametrize(
    "bad", ["1,23", "12,3456", "1.5", "1,234.5", "12 34", "1.2.3", "0x10", "1e5"]
)
def test_values_that_are_not_whole_counts(bad):
    with pytest.raises(ExportReadError) as info:
        counts(["10", bad])
    assert info.value.key == "ingest.not_a_number"
    assert info.value.params["value"] == bad


def test_rows_named_as_a_spreadsheet_shows_them():
    import numpy as np

    where = Where("f.csv", "Reach", np.array([4, 5, 9]))
    with pytest.raises(ExportReadError) as info:
        parse_counts(pa.array(["1", "2", "x"]), where)
    assert info.value.params["row"] == 9


# ---------------------------------------------------------------------- decimals


@FAST
@given(
    st.lists(
        st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
        min_size=1,
        max_size=20,
    )
)
def test_decimals_with_dot_or_comma(values):
    floats = [float(v) for v in values]
    dot = [f"{v:,.2f}" for v in floats]
    comma = [f"{v:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") for v in floats]
    got_dot = parse_floats(pa.array(dot), W, decimal=".").to_pylist()
    got_comma = parse_floats(pa.array(comma), W, decimal=",").to_pylist()
    assert got_dot == pytest.approx(floats)
    assert got_comma == pytest.approx(floats)


def test_decimal_mark_is_judged_from_the_values():
    assert parse.guess_decimal(pa.array(["0,5", "12,25"])) == ","
    assert parse.guess_decimal(pa.array(["0.5", "1,234.5"])) == "."
    assert parse.guess_decimal(pa.array(["1,234"]), default=",") == ","  # cannot tell


def test_percentages_and_durations():
    got = parse_floats(pa.array(["12.5%", "1:02:03", "1h 5m 30s", "9.5s", None]), W).to_pylist()
    assert got == [12.5, 3723.0, 3930.0, 9.5, None]


# ---------------------------------------------------------------------- times

MINUTES = st.datetimes(min_value=datetime(2005, 1, 1), max_value=datetime(2035, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0)
)
ZONES = st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"])


def expected(values: list[datetime], tz: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(v).tz_localize(tz).tz_convert("UTC") for v in values]


def times(texts, **kw):
    arr = pa.array(texts, pa.string())
    res = parse_times(arr, W, **kw)
    return res, list(pd.Series(res.values.to_pandas()))


@FAST
@given(st.lists(MINUTES, min_size=1, max_size=25), ZONES)
def test_meta_month_first_times_round_trip(values, tz):
    res, got = times(
        [v.strftime("%m/%d/%Y %H:%M") for v in values], tz=tz, formats=["%m/%d/%Y %H:%M"]
    )
    assert got == expected(values, tz)


@FAST
@given(
    st.lists(MINUTES, min_size=1, max_size=25),
    ZONES,
    st.sampled_from(["%d/%m/%Y %H:%M", "%d/%m/%Y %H.%M", "%d-%m-%Y %H:%M"]),
)
def test_excel_day_first_times_round_trip_when_a_day_settles_it(values, tz, fmt):
    values = [*values, datetime(2026, 7, 14, 9, 30)]  # day 14: settles day-first
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabkitWarning)
        res, got = times([v.strftime(fmt) for v in values], tz=tz, excel_hint=True)
    assert got == expected(values, tz)
    assert res.dayfirst is True and res.order == parse.ORDER_DATA


@FAST
@given(st.lists(MINUTES.filter(lambda d: d.day <= 12), min_size=1, max_size=10))
def test_ambiguous_excel_dates_are_never_read_silently(values):
    texts = [v.strftime("%d/%m/%Y %H:%M") for v in values]
    with pytest.warns(LabkitWarning) as rec:
        res, got = times(texts, tz="Asia/Jakarta", excel_hint=True)
    assert any(w.message.key == "ingest.dayfirst_assumed" for w in rec)
    assert "dayfirst=" in str(rec[0].message)
    assert res.order == parse.ORDER_ASSUMED and got == expected(values, "Asia/Jakarta")


@FAST
@given(st.lists(MINUTES.filter(lambda d: d.day <= 12), min_size=1, max_size=10))
def test_untouched_layout_order_is_used_without_warning(values):
    texts = [v.strftime("%m/%d/%Y %H:%M") for v in values]
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabkitWarning)
        res, got = times(texts, tz="Asia/Jakarta", formats=["%m/%d/%Y %H:%M"])
    assert got == expected(values, "Asia/Jakarta")
    assert res.order == parse.ORDER_LAYOUT and res.dayfirst is False


@FAST
@given(st.lists(MINUTES, min_size=1, max_size=10), st.booleans())
def test_dayfirst_argument_is_obeyed(values, dayfirst):
    fmt = "%d/%m/%Y %H:%M" if dayfirst else "%m/%d/%Y %H:%M"
    res, got = times([v.strftime(fmt) for v in values], tz="Asia/Jakarta", dayfirst=dayfirst)
    assert got == expected(values, "Asia/Jakarta")


@FAST
@given(st.lists(MINUTES, min_size=1, max_size=10), st.integers(-12, 14))
def test_times_with_an_offset_keep_it(values, hours):
    sign = "+" if hours >= 0 else "-"
    off = f"{sign}{abs(hours):02d}00"
    texts = [v.strftime("%Y-%m-%d %H:%M ") + off for v in values]
    res, got = times(texts, tz="Asia/Jayapura")
    want = [pd.Timestamp(v, tz="UTC") - timedelta(hours=hours) for v in values]
    assert got == want and res.with_offset == len(values)


@FAST
@given(
    st.lists(
        st.dates(min_value=datetime(2005, 1, 1).date(), max_value=datetime(2035, 12, 31).date()),
        min_size=1,
        max_size=10,
    )
)
def test_text_month_dates(values):
    x_fmt = [f"{d:%a}, {d:%b} {d.day}, {d.year}" for d in values]  # X: Tue, Jul 14, 2026
    yt_fmt = [f"{d:%b} {d.day}, {d.year}" for d in values]  # YouTube: Sep 26, 2026
    want = [pd.Timestamp(d) for d in values]
    for texts in (x_fmt, yt_fmt):
        res, got = times(texts, tz="Asia/Jakarta", dates=True)
        assert got == want and res.date_only


def test_indonesian_month_names():
    _, got = times(["14 Agustus 2025", "Selasa, 14 Okt 2025 10.00", "3 Mei 2024"], tz="UTC")
    assert got == [
        pd.Timestamp("2025-08-14", tz="UTC"),
        pd.Timestamp("2025-10-14 10:00", tz="UTC"),
        pd.Timestamp("2024-05-03", tz="UTC"),
    ]


def test_two_digit_years_and_12_hour_clock():
    _, got = times(["11/10/25 9:05 PM", "11/10/25 12:30 AM"], tz="UTC", formats=["%m/%d/%Y %H:%M"])
    assert got == [
        pd.Timestamp("2025-11-10 21:05", tz="UTC"),
        pd.Timestamp("2025-11-10 00:30", tz="UTC"),
    ]


@pytest.mark.parametrize("bad", ["02/30/2025 10:00", "04/31/2025 10:00", "02/29/2025 10:00"])
def test_impossible_days_are_rejected_not_rolled_over(bad):
    with pytest.raises(ExportReadError) as info:
        times(["01/05/2025 10:00", bad], tz="UTC", formats=["%m/%d/%Y %H:%M"])
    assert info.value.key == "ingest.bad_date" and info.value.params["row"] == 3


def test_leap_day_is_fine():
    _, got = times(["02/29/2024 10:00"], tz="UTC", formats=["%m/%d/%Y %H:%M"])
    assert got == [pd.Timestamp("2024-02-29 10:00", tz="UTC")]


def test_year_less_dates_need_a_year():
    with pytest.raises(ExportReadError):
        times(["August 31"], tz="UTC", dates=True)
    _, got = times(["August 31", "September 1"], tz="UTC", dates=True, year=2025)
    assert got == [pd.Timestamp("2025-08-31"), pd.Timestamp("2025-09-01")]


@pytest.mark.parametrize("big", ["99999999999999999999999", "9,223,372,036,854,775,808"])
def test_counts_beyond_int64_raise_a_labkit_error(big):
    with pytest.raises(ExportReadError) as info:
        counts(["10", "12,400", big])
    assert info.value.key == "ingest.count_too_large"
    assert info.value.params["row"] == 4 and info.value.params["column"] == "Jumlah"


def test_oversized_count_in_a_real_export_names_file_and_row(tmp_path):
    from labkit.ingest import read_export
    from labkit.ingest.writers import write_export

    posts = pd.DataFrame(
        {
            "platform": ["facebook"] * 2,
            "account": ["humas_kotapelangi"] * 2,
            "post_id": ["123456789012345_1", "123456789012345_2"],
            "published_at": pd.to_datetime(["2026-01-05 09:00", "2026-01-06 10:00"]).tz_localize(
                "Asia/Jakarta"
            ),
            "text": ["Info layanan", "Jadwal vaksinasi"],
            "content_type": ["image", "image"],
            "url": ["https://facebook.example/1", "https://facebook.example/2"],
            "impressions": [None, None],
            "reach": [100, 200],
            "views": [150, 250],
            "likes": [10, 20],
            "comments": [1, 2],
            "shares": [0, 1],
            "saves": [None, None],
        }
    )
    path = write_export(posts, "meta_fb_posts", tmp_path / "posts.csv")
    text = path.read_text(encoding="utf-8-sig").replace('"200"', '"99999999999999999999999"')
    text = text.replace(",200,", ",99999999999999999999999,")
    path.write_text(text, encoding="utf-8-sig")
    with pytest.raises(ExportReadError) as info:
        read_export(path)
    assert info.value.key == "ingest.count_too_large"
    assert "posts.csv" in str(info.value)


@pytest.mark.parametrize("bad", ["1e999", "-1e999", "12,5x", "abc"])
def test_floats_that_are_not_finite_numbers_raise(bad):
    with pytest.raises(ExportReadError) as info:
        parse_floats(pa.array(["1.5", bad]), Where("f.csv", "Rata-rata"), decimal=".")
    assert info.value.key == "ingest.not_a_decimal"
    assert "bukan angka" in str(info.value)
