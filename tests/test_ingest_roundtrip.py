"""Round trip: canonical tables -> export files (writers) -> canonical tables (readers).

For every post layout and every variant (as delivered, Indonesian headers,
re-saved by Excel in an Indonesian locale, .xlsx), reading what was written must
give back the canonical table, on the columns the layout carries. Daily layouts
likewise. Hypothesis examples are bounded so the file stays fast.
"""

from __future__ import annotations

import string
import warnings
from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from labkit import data, ingest, schema
from labkit.ingest import layouts as L
from labkit.ingest import writers as W

POST_LAYOUTS = [lay.name for lay in L.POST_LAYOUTS]
DAILY_LAYOUTS = [lay.name for lay in L.DAILY_LAYOUTS]
SETTINGS = settings(
    max_examples=4,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # no shrinking: keeps failures fast
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Caption text as trainees write it: Indonesian, punctuation that breaks naive CSV
# (quotes, commas, semicolons, line breaks), accents, emoji and "math-bold" letters.
TEXT_ALPHABET = string.ascii_letters + string.digits + " ,;.:!?\"'#@/()-\néüñ🙏𝐁𝐚𝐫𝐮"


def _clean_text(t: str) -> str | None:
    """Cells are trimmed and '-', 'N/A' mean empty in exports: generate what survives."""
    t = t.strip()
    return t if t and t not in ("-", "--", "N/A", "n/a") else None


texts = st.one_of(st.none(), st.text(TEXT_ALPHABET, min_size=1, max_size=60).map(_clean_text))
counts = st.one_of(st.none(), st.integers(0, 5_000_000))


@st.composite
def post_tables(draw, layout: str) -> tuple[pd.DataFrame, str]:
    """A canonical posts table of one account, on the layout's platform."""
    lay = L.layout(layout)
    n = draw(st.integers(1, 6))
    if lay.platform == "youtube":
        ids = st.from_regex(r"[A-Za-z0-9_-]{11}", fullmatch=True)
    else:
        # real ids: random digits (ids ending in 00 look like Excel-rounded ones: tested by the readers)
        ids = st.from_regex(r"[1-9][0-9]{12,16}[1-9][0-9]", fullmatch=True)
    post_ids = draw(st.lists(ids, min_size=n, max_size=n, unique=True))
    base = datetime(2024, 1, 1, tzinfo=UTC)
    seconds = draw(st.lists(st.integers(0, 3 * 365 * 86400), min_size=n, max_size=n))
    types = sorted(set(lay.content_types.values())) or [lay.content_type or "video"]
    account = draw(st.from_regex(r"[a-z][a-z0-9_]{2,14}", fullmatch=True))
    rows = []
    for i in range(n):
        rows.append(
            {
                "platform": lay.platform,
                "account": account,
                "post_id": post_ids[i],
                "published_at": base + timedelta(seconds=seconds[i]),
                "text": draw(texts),
                "content_type": draw(st.sampled_from(types)),
                "url": draw(st.sampled_from([None, f"https://contoh.go.id/p/{post_ids[i]}"])),
                **{c: draw(counts) for c in L.POST_COUNTS},
            }
        )
    df = pd.DataFrame(rows).reindex(columns=schema.POSTS.names)
    tz = draw(st.sampled_from(sorted(schema.TIMEZONES.values())))
    return schema.conform(df, "posts"), tz


def _read_back(path, account: str, tz: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the reader warns about what it assumed; tested elsewhere
        return ingest.read_export(path, account=account, tz=tz)


def _compare(got: pd.DataFrame, expected: pd.DataFrame, layout: str) -> None:
    cols = list(dict.fromkeys(["platform", "account", "post_id", "published_at",
                               *W.carried_columns(layout)]))  # fmt: skip
    left = got[cols].sort_values("post_id").reset_index(drop=True)
    right = expected[cols].sort_values("post_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right)


@pytest.mark.parametrize("variant", W.VARIANTS)
@pytest.mark.parametrize("layout", POST_LAYOUTS)
def test_post_layouts_roundtrip(tmp_path_factory, layout, variant):
    @SETTINGS
    @given(case=post_tables(layout), columns=st.sampled_from([32, 33, 34]))
    def check(case, columns):
        posts, tz = case
        folder = tmp_path_factory.mktemp("export")
        account = str(posts["account"].iloc[0])
        extra = {"columns": columns} if layout == "meta_fb_posts" else {}
        path = W.write_export(posts, layout, folder, variant=variant, tz=tz, **extra)
        got = _read_back(path, account, tz)
        schema.validate(got, "posts")
        _compare(got, W.expected_roundtrip(posts, layout, variant=variant, tz=tz), layout)

    check()


def test_expected_roundtrip_says_what_each_layout_loses():
    posts = schema.conform(
        pd.DataFrame(
            {
                "platform": ["x"],
                "account": ["humas"],
                "post_id": ["1234567890123456789"],
                "published_at": [pd.Timestamp("2026-03-05 02:15:33", tz="UTC")],
                "text": ["Info layanan 🙏"],
                "reach": [900],
                "impressions": [1200],
                "likes": [10],
            }
        ).reindex(columns=schema.POSTS.names),
        "posts",
    )
    assert "reach" not in W.carried_columns("x_content")
    content = W.expected_roundtrip(posts, "x_content", tz="WIB")
    assert pd.isna(content["reach"].iloc[0]) and content["impressions"].iloc[0] == 1200
    # the current X export holds the local day only: midnight WIB = 17:00 UTC the day before
    assert content["published_at"].iloc[0] == pd.Timestamp("2026-03-04 17:00", tz="UTC")
    classic = W.expected_roundtrip(posts, "x_classic", variant="excel_id")
    assert classic["published_at"].iloc[0] == pd.Timestamp("2026-03-05 02:15", tz="UTC")
    assert classic["text"].iloc[0] == "Info layanan ?"  # Windows-1252 has no emoji


def test_excel_variant_is_what_excel_writes(tmp_path):
    posts = schema.conform(
        pd.DataFrame(
            {
                "platform": ["facebook"],
                "account": ["humas"],
                "post_id": ["1220000000000001"],
                "published_at": [pd.Timestamp("2026-03-13 14:05", tz="UTC")],
                "text": ["Jadwal; layanan"],
                "content_type": ["image"],
                "reach": [12400],
                "likes": [1234567],
            }
        ).reindex(columns=schema.POSTS.names),
        "posts",
    )
    plain = W.write_export(posts, "meta_fb_posts", tmp_path / "a.csv", tz="WIB")
    raw = plain.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, as Meta delivers
    text = raw.decode("utf-8-sig")
    assert '"12,400"' in text and "03/13/2026 21:05" in text and ",Lifetime," in text
    assert len(text.splitlines()[0].split(",")) == 34  # 33 columns, one header holds a comma
    excel = W.write_export(posts, "meta_fb_posts", tmp_path / "b.csv", variant="excel_id")
    text = excel.read_bytes().decode("cp1252")
    assert ";12.400;" in text and "13/03/2026 21:05" in text and '"Jadwal; layanan"' in text
    assert text.splitlines()[0].count(";") == 32 and "\r\n" in text
    ind = W.write_export(posts, "meta_fb_posts", tmp_path / "c.csv", variant="id_headers")
    assert ind.read_text(encoding="utf-8-sig").startswith("ID Postingan,")
    book = W.write_export(posts, "meta_fb_posts", tmp_path / "d.csv", variant="xlsx")
    assert book.suffix == ".xlsx"
    cells = pd.read_excel(book, dtype=object)
    assert cells["Post ID"].iloc[0] == "1220000000000001"  # ids stay text
    assert cells["Reach"].iloc[0] == 12400


def test_youtube_folder_and_zip(tmp_path):
    posts = schema.conform(
        pd.DataFrame(
            {
                "platform": "youtube",
                "account": "kanal_humas",
                "post_id": ["-abcDEF1234", "Zyx98765432"],
                "published_at": pd.to_datetime(["2026-09-12 03:00", "2026-09-20 10:00"], utc=True),
                "text": ["Video 1", "Video 2"],
                "views": [100, 50],
                "likes": [3, 4],
            }
        ).reindex(columns=schema.POSTS.names),
        "posts",
    )
    zipped = W.write_export(posts, "youtube_table", tmp_path, display_name="Kanal Humas")
    assert zipped.is_dir() and zipped.name == "Content 2026-09-12_2026-09-20 Kanal Humas"
    table = (zipped / "Table data.csv").read_text(encoding="utf-8").splitlines()
    assert table[1].startswith("Total,") and table[2].startswith(" -abcDEF1234,")
    archive = W.write_export(posts, "youtube_table", tmp_path / "yt.zip")
    found = ingest.read_exports(archive, account="kanal_humas")
    got = found.posts.sort_values("post_id").reset_index(drop=True)
    assert got["post_id"].tolist() == ["-abcDEF1234", "Zyx98765432"]
    assert got["views"].tolist() == [100, 50]
    chart = found.daily["youtube_videos"]
    assert chart.groupby("post_id")["views"].sum().to_dict() == {
        "-abcDEF1234": 100,
        "Zyx98765432": 50,
    }
    assert found.daily["youtube"]["views"].sum() == 150


@st.composite
def daily_tables(draw, layout: str) -> pd.DataFrame:
    lay = L.layout(layout)
    n = draw(st.integers(1, 8))
    # TikTok dates carry no year: it comes from the range in the folder name
    start = pd.Timestamp("2025-12-20") + pd.Timedelta(days=draw(st.integers(0, 30)))
    frame = {"date": pd.date_range(start, periods=n, freq="D")}
    if "post_id" in lay.mapping.values():  # YouTube chart data: one row per video and day
        frame["post_id"] = draw(st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_-]{10}", fullmatch=True))
    for export_col, m in lay.mapping.items():
        if m in ("date", "post_id"):
            continue
        name = "follows" if m == "{metric}" else m
        signed = export_col in lay.float_columns and "Difference" in export_col
        low = -5000 if signed else 0
        if export_col in lay.float_columns and not signed:
            values = st.one_of(st.none(), st.integers(0, 10_000).map(lambda v: v / 100))
        else:
            values = st.one_of(st.none(), st.integers(low, 2_000_000))
        frame[name] = draw(st.lists(values, min_size=n, max_size=n))
    return pd.DataFrame(frame)


@pytest.mark.parametrize("variant", W.VARIANTS)
@pytest.mark.parametrize("layout", DAILY_LAYOUTS)
def test_daily_layouts_roundtrip(tmp_path_factory, layout, variant):
    lay = L.layout(layout)

    @SETTINGS
    @given(frame=daily_tables(layout))
    def check(frame):
        start, end = frame["date"].min(), frame["date"].max()
        folder = (
            tmp_path_factory.mktemp("d")
            / f"{lay.platform or 'meta'} {start:%Y-%m-%d}_{end:%Y-%m-%d}"
        )
        folder.mkdir()
        if lay.name in ("youtube_chart", "youtube_totals") and variant == "xlsx":
            return  # Studio's chart files are read by name as CSV; only Table data is re-saved
        metric = "Instagram follows" if layout == "meta_daily" else None
        path = W.write_export(frame, layout, folder, variant=variant, metric=metric)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # the folder, not the file: its name holds the range that gives TikTok's year
            got = ingest.read_export(
                path.parent, account="humas", platform=lay.platform or "instagram"
            )
        cols = [c for c in frame.columns if c in got.columns]
        assert set(frame.columns) - {"date"} <= set(got.columns)
        left = got[cols].sort_values("date").reset_index(drop=True)
        right = frame[cols].reset_index(drop=True)
        for c in cols:
            if c == "date":
                assert left[c].dt.normalize().tolist() == right[c].tolist()
            elif c == "post_id":
                assert left[c].astype(str).tolist() == right[c].tolist()
            else:
                want = right[c].astype("Float64")
                pd.testing.assert_series_equal(left[c].astype("Float64"), want, check_names=False)

    check()


def test_followers_become_daily_files():
    followers = schema.conform(
        pd.DataFrame(
            {
                "platform": "tiktok",
                "account": "humas",
                "date": pd.date_range("2026-08-30", periods=4),
                "followers": [100, 120, 1500, 1499],
            }
        ),
        "followers",
    )
    tt = W.daily_from_followers(followers, "tiktok_followers")
    assert tt["followers"].tolist() == [100, 120, 1500, 1499]
    assert tt["followers_change"].tolist()[1:] == [20, 1380, -1]
    meta = W.daily_from_followers(followers, "meta_daily")
    assert list(meta.columns) == ["date", "follows"]
    assert meta["follows"].tolist()[1:] == [20, 1380, 0]  # new follows are never negative


def test_writer_rejects_tables_it_cannot_render(tmp_path):
    posts = schema.conform(
        pd.DataFrame(
            {
                "platform": ["x", "instagram"],
                "account": ["a", "b"],
                "post_id": ["1", "2"],
                "published_at": pd.to_datetime(["2026-01-01", "2026-01-02"], utc=True),
            }
        ).reindex(columns=schema.POSTS.names),
        "posts",
    )
    with pytest.raises(W.WriterError) as err:
        W.write_export(posts, "x_content", tmp_path)
    assert err.value.key == "writers.wrong_platform"
    with pytest.raises(W.WriterError):
        W.write_export(posts[posts["platform"] == "x"], "x_content", tmp_path, variant="ods")
    with pytest.raises(W.WriterError):
        W.write_export(posts, "no_such_layout", tmp_path)


@pytest.fixture(scope="module")
def universe_slice():
    """A few accounts of the bundled universe (needs datasets/; generated by other helpers)."""
    posts = data.load("posts", source=data.BUNDLED, mask=False)
    accounts = data.load("accounts", source=data.BUNDLED)
    return posts, accounts


@pytest.mark.parametrize("variant", ["plain", "excel_id"])
def test_bundled_universe_slice_roundtrips(tmp_path, universe_slice, variant):
    posts, accounts = universe_slice
    tz_of = {
        (str(p), str(a)): schema.TIMEZONES[str(z)]
        for p, a, z in accounts[["platform", "account", "tz"]].itertuples(index=False)
    }
    for layout in POST_LAYOUTS:
        lay = L.layout(layout)
        mine = posts[posts["platform"] == lay.platform]
        account = mine["account"].value_counts().index[0]
        sample = mine[mine["account"] == account].sort_values("published_at").tail(40)
        tz = tz_of.get((lay.platform, str(account)), "Asia/Jakarta")
        path = W.write_export(sample, layout, tmp_path / layout, variant=variant, tz=tz)
        got = _read_back(path, str(account), tz)
        _compare(got, W.expected_roundtrip(sample, layout, variant=variant, tz=tz), layout)


def test_bundled_follower_series_roundtrips(tmp_path):
    followers = data.load("followers", source=data.BUNDLED)
    tiktok = followers[followers["platform"] == "tiktok"]
    account = tiktok["account"].value_counts().index[0]
    series = tiktok[tiktok["account"] == account].sort_values("date").tail(60)
    start, end = series["date"].min(), series["date"].max()
    folder = tmp_path / f"tiktok {start:%Y-%m-%d}_{end:%Y-%m-%d}"  # the range gives the year
    daily = W.daily_from_followers(series, "tiktok_followers")
    path = W.write_export(daily, "tiktok_followers", folder)
    got = ingest.read_export(path.parent, account=str(account))  # the folder names the range
    assert got["date"].tolist() == series["date"].tolist()
    assert got["followers"].tolist() == series["followers"].tolist()
