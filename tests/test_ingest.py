"""labkit.ingest: reading each platform's exports into the canonical tables."""

from __future__ import annotations

import csv
import io
import os
import shutil
import warnings
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from labkit import i18n, ingest, schema
from labkit.errors import ExportReadError, LabkitWarning
from labkit.ingest import convert

FIX = Path(__file__).parent / "fixtures" / "ingest"
FB33 = FIX / "Nov-01-2025_Jan-31-2026_2035041197114989.csv"
IG = FIX / "Oct-01-2025_Nov-30-2025_17841400000000001.csv"
X_CLASSIC = FIX / "tweet_activity_metrics_humaskotacontoh_20240301_20240401_en.csv"
X_CONTENT = FIX / "account_analytics_content_2026-06-15_2026-07-16.csv"
X_OVERVIEW = FIX / "account_overview_analytics_2026-06-15_2026-07-16.csv"
YT_NAME = "Content 2026-09-12_2026-10-01 Humas Kota Contoh"
TIKTOK = FIX / "TikTok 2025-12-01_2026-01-02"


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def read_quiet(path, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabkitWarning)  # none expected
        return ingest.read_export(path, **kw)


# ---------------------------------------------------------------------- Facebook


def test_facebook_post_export_reads_into_canonical_posts():
    df = read_quiet(FB33)
    schema.validate(df, "posts")
    assert list(df["post_id"]) == [
        "122158463829471234",
        "122158463829471301",
        "122158463829471377",
        "122158463829471402",
        "122158463829471455",
    ]
    assert set(df["platform"]) == {"facebook"}
    assert set(df["account"]) == {"kotacontoh"}  # from the permalinks
    # 11/10/2025 21:00 is month-first, read in WIB (UTC+7)
    assert df.loc[0, "published_at"] == utc("2025-11-10 14:00")
    assert df.loc[1, "published_at"] == utc("2025-11-13 01:15")
    assert list(df["content_type"]) == ["image", "video", "short_video", "link", "image"]
    assert list(df["views"].astype("object").fillna(-1)) == [12400, 1234567, 8001, -1, 2000]
    assert df.loc[1, "reach"] == 1002003
    assert list(df["likes"]) == [321, 2345, 88, 10, 99]  # Reactions
    assert list(df["comments"]) == [45, 210, 7, 0, 4]
    assert list(df["shares"]) == [12, 1050, 3, 2, 1]
    assert df["impressions"].isna().all() and df["saves"].isna().all()
    # the caption is the longer of Title and Description
    assert df.loc[1, "text"] == "Simulasi evakuasi gempa di SDN 3 Kota Contoh"
    assert df.loc[2, "text"].startswith("Pengumuman penting: kantor tutup")
    assert df.loc[0, "text"].endswith("\nKecamatan Utara, Senin-Rabu.")
    assert df.loc[3, "text"] == "Waspada hoaks \u201cbantuan tunai\u201d - cek tautan resmi, ya!"


def test_facebook_attrs_record_platform_format_sources_and_report():
    df = read_quiet(FB33)
    assert df.attrs["platform"] == "facebook"
    assert df.attrs["layout"] == "meta_fb_posts"
    assert df.attrs["sources"] == [FB33.name]
    assert df.attrs["skipped"] == []
    rep = ingest.report_of(df)
    assert rep.tz_assumed and rep.files[0]["rows"] == 5
    text_id = ingest.report(df, lang="id")
    text_en = ingest.report(df, lang="en")
    assert text_id.startswith("Laporan impor") and text_en.startswith("Import report")
    assert "WIB" in text_id and "Asia/Makassar" in text_id and "WITA" in text_en
    assert "impressions, saves" in text_en  # not reported, left empty


def test_explicit_time_zone_is_used_and_not_reported_as_assumed():
    df = read_quiet(FB33, tz="Asia/Makassar")
    assert df.loc[0, "published_at"] == utc("2025-11-10 13:00")
    rep = ingest.report_of(df)
    assert not rep.tz_assumed
    assert "Asia/Makassar" in ingest.report(df, lang="en")
    assert "assumed" not in ingest.report(df, lang="en").split("\n")[2]
    # an abbreviation works too
    assert read_quiet(FB33, tz="WIT").loc[0, "published_at"] == utc("2025-11-10 12:00")


def test_column_count_order_case_bom_and_line_endings_do_not_matter():
    base = read_quiet(FB33)
    for name in ("fb_posts_32cols.csv", "fb_posts_34cols_shuffled.csv"):
        df = read_quiet(FIX / name)
        n = len(df)
        pd.testing.assert_frame_equal(df, base.iloc[:n].reset_index(drop=True), check_like=False)


def test_trailing_blank_lines_are_ignored_and_reported():
    df = read_quiet(FIX / "fb_posts_32cols.csv")
    assert len(df) == 3
    assert "3 baris kosong" in ingest.report(df, lang="id") or "kosong" in ingest.report(df)


def test_account_argument_wins_and_a_difference_is_reported():
    df = read_quiet(FB33, account="@DiskominfoKotaContoh")
    assert set(df["account"]) == {"diskominfokotacontoh"}
    assert "kotacontoh" in ingest.report(df, lang="en")


def test_excel_indonesian_round_trip_reads_the_same_posts():
    base = read_quiet(FB33)
    df = read_quiet(FIX / "fb_posts_excel_id.csv")
    cols = ["post_id", "published_at", "content_type", "views", "reach", "likes", "comments"]
    pd.testing.assert_frame_equal(df[cols], base[cols])
    text = ingest.report(df, lang="en")
    assert "went through Excel" in text and "';' separator" in text
    assert "Indonesian column headers" in text and "Windows-1252" in text
    assert "day first" in text  # settled by 13/11/2025


def test_excel_day_first_that_cannot_be_settled_warns_and_names_dayfirst():
    path = FIX / "fb_posts_excel_id_ambiguous.csv"
    with pytest.warns(LabkitWarning, match="dayfirst=False") as rec:
        df = ingest.read_export(path)
    assert any(w.message.key == "ingest.dayfirst_assumed" for w in rec)
    assert df.loc[0, "published_at"] == utc("2025-11-10 14:00")  # 10/11/2025 read day first
    # forcing the order: no warning, and the other reading
    other = read_quiet(path, dayfirst=False)
    assert other.loc[0, "published_at"] == utc("2025-10-11 14:00")
    assert read_quiet(path, dayfirst=True)["published_at"].equals(df["published_at"])


def test_xlsx_with_indonesian_headers_and_real_dates():
    base = read_quiet(FB33)
    df = read_quiet(FIX / "fb_posts_id.xlsx")
    cols = ["post_id", "published_at", "text", "content_type", "views", "likes", "shares"]
    pd.testing.assert_frame_equal(df[cols], base[cols])
    assert "Ekspor" in ingest.report(df, lang="en")  # the sheet read


def test_xlsx_where_excel_swapped_day_and_month_is_repaired_and_reported():
    base = read_quiet(FB33)
    df = read_quiet(FIX / "fb_posts_excel_swapped.xlsx")
    assert list(df["published_at"]) == list(base["published_at"])
    assert "swapped back" in ingest.report(df, lang="en")


def test_header_only_export_gives_an_empty_canonical_table():
    df = read_quiet(FIX / "fb_header_only.csv")
    assert len(df) == 0
    schema.validate(df, "posts")
    assert "no data rows" in ingest.report(df, lang="en")


def test_renamed_xlsx_is_read_as_excel(tmp_path):
    target = tmp_path / "ekspor_facebook.csv"
    shutil.copy(FIX / "fb_posts_id.xlsx", target)
    df = read_quiet(target)
    assert len(df) == 5
    assert "really an Excel workbook" in ingest.report(df, lang="en")


def test_excel_unicode_text_and_sep_line_variants(tmp_path):
    """Excel's 'Unicode Text' (UTF-16, tabs) and a CSV starting with a 'sep=;' line."""
    rows = list(csv.reader(io.StringIO(X_CONTENT.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\r\n").writerows(rows)
    utf16 = tmp_path / "x_konten.txt"
    utf16.write_bytes(out.getvalue().encode("utf-16"))
    base = read_quiet(X_CONTENT)
    pd.testing.assert_frame_equal(read_quiet(utf16), base)
    out = io.StringIO()
    out.write("sep=;\r\n")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    sep = tmp_path / "x_konten_sep.csv"
    sep.write_text(out.getvalue(), encoding="utf-8")
    pd.testing.assert_frame_equal(read_quiet(sep), base)


def test_big_files_convert_columns_in_parallel_with_the_same_result(monkeypatch):
    sequential = read_quiet(FB33)
    monkeypatch.setattr(convert, "PARALLEL_ROWS", 1)
    parallel = read_quiet(FB33)
    pd.testing.assert_frame_equal(parallel, sequential)


# ---------------------------------------------------------------------- Instagram


def test_instagram_post_export():
    df = read_quiet(IG)
    assert list(df["content_type"]) == ["short_video", "image", "carousel"]
    assert set(df["account"]) == {"kotacontoh"}  # Account username
    assert list(df["saves"]) == [250, 31, 90]
    assert list(df["shares"]) == [310, 8, 40]
    assert df.loc[0, "views"] == 25300 and pd.isna(df.loc[1, "views"])
    assert df.loc[0, "published_at"] == utc("2025-10-05 12:00")
    assert df["impressions"].isna().all()


def test_older_instagram_export_with_impressions_and_other_order():
    df = read_quiet(FIX / "ig_posts_old_impressions.csv")
    assert list(df["impressions"]) == [30000, 4000, 5500]
    assert list(df["post_id"]) == list(read_quiet(IG)["post_id"])


# ---------------------------------------------------------------------- Meta daily


def test_meta_page_daily_folder_joins_metrics_by_date():
    df = read_quiet(FIX / "fb_page_daily")
    assert list(df.columns) == ["platform", "account", "date", "follows", "views", "visits"]
    assert set(df["platform"]) == {"facebook"}  # 'Views' names no platform: its siblings do
    assert list(df["date"]) == list(pd.to_datetime(["2025-08-01", "2025-08-02", "2025-08-03"]))
    assert list(df["follows"]) == [20, 35, 18]
    assert list(df["visits"]) == [1200, 1530, 990]
    assert df["account"].isna().all()
    assert df.attrs["level"] == "daily"
    text = ingest.report(df, lang="en")
    assert "Audience.csv" in text and "demographics" in text


def test_instagram_daily_file_names_its_platform():
    df = read_quiet(FIX / "ig_reach_daily.csv")
    assert set(df["platform"]) == {"instagram"}
    assert list(df["reach"]) == [5000, 6100, 4800]


def test_meta_daily_without_platform_warns_unless_given():
    path = FIX / "meta_daily_no_platform.csv"
    with pytest.warns(LabkitWarning, match="platform="):
        df = ingest.read_export(path)
    assert set(df["platform"]) == {"facebook"}
    df = read_quiet(path, platform="instagram")
    assert set(df["platform"]) == {"instagram"}


# ---------------------------------------------------------------------- X


def test_x_classic_times_keep_their_utc_offset_and_metrics_map():
    df = read_quiet(X_CLASSIC, tz="Asia/Makassar")
    assert df.loc[0, "published_at"] == utc("2024-03-15 18:42")  # '+0000' kept, tz unused
    assert list(df["shares"]) == [5, 2, 88]  # retweets
    assert list(df["comments"]) == [3, 1, 45]  # replies
    assert list(df["likes"]) == [21, 11, 402]
    assert list(df["impressions"]) == [1523, 980, 15020]
    assert df["saves"].isna().all()
    assert set(df["account"]) == {"humaskotacontoh"}
    assert df.loc[0, "post_id"] == "1768712345678901234"
    assert "own UTC offset" in ingest.report(df, lang="en")


def test_x_content_export_day_only_bookmarks_reposts_and_long_ids():
    df = read_quiet(X_CONTENT)
    assert list(df["post_id"]) == [
        "1944512345678901234",
        "1944812345678901299",
        "1945212345678901377",
    ]
    assert df.loc[0, "published_at"] == utc("2026-07-13 17:00")  # Tue, Jul 14, 2026 00:00 WIB
    assert list(df["saves"]) == [5, 27, 11]  # Bookmarks
    assert list(df["shares"]) == [10, 54, 23]  # Reposts, not X's own 'Shares'
    assert list(df["comments"]) == [3, 18, 7]  # Replies
    assert "only the day" in ingest.report(df, lang="en")


def test_x_export_without_links_needs_the_account(tmp_path):
    rows = list(csv.reader(io.StringIO(X_CONTENT.read_text(encoding="utf-8"))))
    for r in rows[1:]:
        r[3] = ""  # no 'Post Link': the export then names no account
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path = tmp_path / X_CONTENT.name
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(ExportReadError) as exc:
        ingest.read_export(path)
    assert exc.value.key == "ingest.account_needed"
    for lang in ("id", "en"):
        msg = exc.value.message(lang)
        assert path.name in msg and "account='humaskotacontoh'" in msg
    df = read_quiet(path, account="humaskotacontoh")
    assert set(df["account"]) == {"humaskotacontoh"}


def test_x_overview_is_a_daily_table():
    df = read_quiet(X_OVERVIEW)
    assert list(df.columns[:3]) == ["platform", "account", "date"]
    assert list(df["impressions"]) == [3200, 7100]
    assert list(df["shares"]) == [14, 55]  # Reposts
    assert list(df["share_actions"]) == [2, 6]  # X's own 'Shares'
    assert list(df["saves"]) == [4, 9]
    assert df.loc[0, "date"] == pd.Timestamp("2026-07-14")


# ---------------------------------------------------------------------- YouTube


@pytest.mark.parametrize("source", [YT_NAME, f"{YT_NAME}.zip"])
def test_youtube_studio_folder_or_zip(source):
    df = read_quiet(FIX / source)
    assert list(df["post_id"]) == ["aB3dE5fG7hI", "-x1Y2z3AbcD"]  # Total row dropped, space gone
    assert list(df["views"]) == [10200, 5030]
    assert list(df["comments"]) == [70, 25]  # Comments added
    assert list(df["impressions"]) == [150000, 90000]
    assert df.loc[0, "url"] == "https://www.youtube.com/watch?v=aB3dE5fG7hI"
    assert df.loc[0, "published_at"] == utc("2026-09-25 17:00")  # Sep 26, 2026 00:00 WIB
    assert set(df["content_type"]) == {"video"}
    assert set(df["account"]) == {"humas kota contoh"}  # channel name from the folder
    text = ingest.report(df, lang="en")
    assert "'Total' row (row 2)" in text and "read_exports()" in text


def test_youtube_daily_tables_via_read_exports():
    found = ingest.read_exports(FIX / YT_NAME)
    assert len(found.posts) == 2
    assert set(found.daily) == {"youtube", "youtube_videos"}
    totals = found.daily["youtube"]
    assert list(totals["views"]) == [4220, 3050]
    videos = found.daily["youtube_videos"]
    assert list(videos.columns) == ["platform", "account", "date", "post_id", "views"]
    assert len(videos) == 3


# ---------------------------------------------------------------------- TikTok


def test_tiktok_folder_dates_cross_the_new_year():
    found = ingest.read_exports(TIKTOK)
    daily = found.daily["tiktok"]
    assert list(daily["date"]) == list(
        pd.to_datetime(["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"])
    )
    assert list(daily["views"]) == [1200, 2500, 3100, 900]
    assert list(daily["followers"]) == [10450, 10447, 10510, 10512]
    assert list(daily["followers_change"]) == [12, -3, 63, 2]
    assert list(daily["viewers"].astype("object").fillna(-1)) == [1000, 2100, -1, -1]
    text = found.report.text("en")
    assert "2025-12-01 - 2026-01-02" in text  # year basis: the folder's range
    assert "FollowerGender.csv" in text


def test_tiktok_content_export_ids_from_links():
    df = read_quiet(TIKTOK / "Content.csv", account="kotacontoh")
    assert list(df["post_id"]) == ["7312345678901234567", "7312345678901239999"]
    assert list(df["views"]) == [25000, 4100]
    assert list(df["saves"]) == [80, 9]  # Add to favorites
    assert set(df["content_type"]) == {"short_video"}


@pytest.mark.parametrize(("stamp", "year"), [("2026-03-10", 2026), ("2026-02-01", 2025)])
def test_tiktok_year_from_the_file_date_warns(tmp_path, stamp, year):
    target = tmp_path / "Overview.csv"
    shutil.copy(FIX / "tiktok_lone" / "Overview.csv", target)
    t = datetime.fromisoformat(stamp).timestamp()
    os.utime(target, (t, t))
    with pytest.warns(LabkitWarning, match=stamp):
        df = ingest.read_export(target)
    assert df.loc[0, "date"] == pd.Timestamp(f"{year}-03-03")


# ---------------------------------------------------------------------- folders


def test_read_exports_dedupes_by_later_export_date(tmp_path):
    shutil.copy(X_CONTENT, tmp_path / X_CONTENT.name)
    shutil.copytree(FIX / "x_later", tmp_path / "x_later")
    found = ingest.read_exports(tmp_path)
    posts = found.posts.set_index("post_id")
    assert len(posts) == 3
    # the two posts in both exports carry the later export's totals
    assert posts.loc["1944512345678901234", "impressions"] == 2000
    assert posts.loc["1944812345678901299", "impressions"] == 10800
    assert posts.loc["1945212345678901377", "impressions"] == 2300
    dups = found.report.duplicates
    assert len(dups) == 2 and {d["by"] for d in dups} == {"export_date"}
    first = next(d for d in dups if d["post_id"] == "1944512345678901234")
    assert first["kept"]["impressions"] == 2000 and first["other"]["impressions"] == 1000
    text = found.report.text("en")
    assert "impressions=2000" in text and "impressions=1000" in text


def test_read_exports_without_export_dates_keeps_larger_totals(tmp_path):
    text = FB33.read_text(encoding="utf-8-sig")
    (tmp_path / "a.csv").write_text(text, encoding="utf-8-sig")
    (tmp_path / "b.csv").write_text(text.replace(",321,45,", ",400,45,"), encoding="utf-8-sig")
    found = ingest.read_exports(tmp_path)
    posts = found.posts.set_index("post_id")
    assert len(posts) == 5
    assert posts.loc["122158463829471234", "likes"] == 400
    dup = next(d for d in found.report.duplicates if d["post_id"] == "122158463829471234")
    assert dup["by"] == "totals" and dup["kept_file"].endswith("b.csv")
    assert dup["other"]["likes"] == 321


def test_read_exports_mixed_folder_skips_what_is_not_an_export(tmp_path):
    shutil.copy(FB33, tmp_path / FB33.name)
    shutil.copy(IG, tmp_path / IG.name)
    shutil.copytree(TIKTOK, tmp_path / TIKTOK.name)
    shutil.copy(FIX / f"{YT_NAME}.zip", tmp_path / f"{YT_NAME}.zip")
    shutil.copy(FIX / "bad_not_export.csv", tmp_path / "anggaran.csv")
    (tmp_path / "catatan.txt").write_text("bukan ekspor", encoding="utf-8")
    (tmp_path / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.warns(LabkitWarning):
        found = ingest.read_exports(tmp_path, tz="Asia/Jakarta")
    counts = found.posts.groupby("platform", observed=True).size().to_dict()
    assert counts == {"facebook": 5, "instagram": 3, "tiktok": 2, "youtube": 2}
    assert set(found.daily) == {"tiktok", "youtube", "youtube_videos"}
    skipped = {s["file"].rsplit("/", 1)[-1] for s in found.report.skipped}
    assert {"anggaran.csv", "catatan.txt", "foto.png"} <= skipped
    assert found.posts.attrs["skipped"]
    assert not found.report.tz_assumed
    schema.validate(found.posts, "posts")


def test_same_post_twice_in_one_export_is_kept_once(tmp_path):
    rows = list(csv.reader(io.StringIO(FB33.read_text(encoding="utf-8-sig"))))
    again = list(rows[1])
    again[rows[0].index("Reactions")] = "500"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([*rows, again])
    path = tmp_path / "dobel.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    df = read_quiet(path)
    assert len(df) == 5 and df["post_id"].is_unique
    assert df.set_index("post_id").loc["122158463829471234", "likes"] == 500
    dup = ingest.report_of(df).duplicates
    assert len(dup) == 1 and dup[0]["other"]["likes"] == 321
    assert "likes=321" in ingest.report(df, lang="en")


def test_a_known_file_labkit_does_not_read():
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(TIKTOK / "FollowerGender.csv")
    assert info.value.key == "ingest.ignored_file"
    for lang in ("id", "en"):
        assert "FollowerGender.csv" in info.value.message(lang)


def test_language_switch_changes_the_report():
    df = read_quiet(FB33)
    i18n.set_language("en")
    assert ingest.report(df).startswith("Import report")
    i18n.set_language("id")
    assert str(ingest.report_of(df)).startswith("Laporan impor")
