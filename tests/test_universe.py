"""Tests of the fictional universe generator and the committed bundle in ``datasets/``.

The planted ground truth must be exact (detectors elsewhere are graded against
it with recall 1.0), so every planted defect is checked against the data with
a direct computation, on several seeds, and the accounts not planted are
checked to be clean.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from labkit import data, schema
from labkit.universe import build as build_universe
from labkit.universe import period, search, sheet
from labkit.universe.__main__ import main as cli_main
from labkit.universe.generate import TABLES, big_but_quiet, engagement_ranking

SEEDS = (2026, 7, 11)
MAX_BYTES = 12_000_000


@pytest.fixture(scope="module")
def universe():
    """The workshop universe as generated now (seed 2026, scale 1, with comments)."""
    return build_universe(2026, 1)


@pytest.fixture(scope="module")
def other_seeds():
    """Universes of the other test seeds, without the (slow) comment tables."""
    return {s: build_universe(s, 1, comments=False) for s in SEEDS[1:]}


@pytest.fixture(scope="module")
def all_seeds(universe, other_seeds):
    return {2026: universe, **other_seeds}


@pytest.fixture(scope="module")
def committed():
    return sheet.load_committed()


# --------------------------------------------------------------------------- helpers


def _local_days(posts: pd.DataFrame, accounts: pd.DataFrame) -> pd.Series:
    tz = accounts.set_index(["platform", "account"])["tz"].astype(str)
    key = pd.MultiIndex.from_arrays([posts["platform"].astype(str), posts["account"].astype(str)])
    offset = pd.Series(tz.reindex(key).to_numpy()).map(period.TZ_OFFSET).to_numpy()
    local = posts["published_at"].dt.tz_localize(None) + pd.to_timedelta(offset, unit="h")
    return local.dt.normalize()


def _activity(u) -> pd.DataFrame:
    """Per account: days from the last post to the end, and the longest gap between posts."""
    posts, accounts = u.tables["posts"], u.tables["accounts"]
    day = _local_days(posts, accounts)
    df = pd.DataFrame(
        {
            "platform": posts["platform"].astype(str),
            "account": posts["account"].astype(str),
            "day": day,
        }
    )
    rows = []
    for (p, a), g in df.groupby(["platform", "account"]):
        d = np.sort(g["day"].unique())
        edges = np.concatenate(
            [[np.datetime64(period.START_DAY)], d, [np.datetime64(period.END_DAY)]]
        )
        gaps = np.diff(edges).astype("timedelta64[D]").astype(int)
        rows.append(
            {
                "platform": p,
                "account": a,
                "since_last": int(
                    (np.datetime64(period.END_DAY) - d[-1]).astype("timedelta64[D]").astype(int)
                ),
                "max_gap": int(gaps.max()),
            }
        )
    return pd.DataFrame(rows)


def _truth(u, defect: str) -> set[tuple[str, str]]:
    d = u.tables["truth_account_defects"]
    d = d[d["defect"] == defect]
    return set(zip(d["platform"].astype(str), d["account"].astype(str), strict=True))


def _keys(df: pd.DataFrame) -> set[tuple[str, str]]:
    return set(zip(df["platform"].astype(str), df["account"].astype(str), strict=True))


def _assert_same(left: pd.DataFrame, right: pd.DataFrame, name: str) -> None:
    """assert_frame_equal, after a fast vectorised check (the full one only to explain a failure)."""
    same = (
        list(left.columns) == list(right.columns)
        and (left.dtypes == right.dtypes).all()
        and left.index.equals(right.index)
        and left.equals(right)
    )
    if not same:
        assert_frame_equal(left, right, obj=name)


def _missing(s: pd.Series) -> pd.Series:
    return s.isna() | (s.fillna("").str.strip() == "")


# --------------------------------------------------------------------------- determinism & bundle


def test_generated_tables_are_canonical(universe):
    assert list(universe.tables) == list(TABLES)
    for name, df in universe.tables.items():
        schema.validate(df, name)
        key = list(schema.table(name).key)
        assert not df.duplicated(key).any(), name


def test_same_seed_same_tables_as_committed(universe, committed):
    tables, manifest = committed
    assert manifest["generator"]["seed"] == 2026 and manifest["generator"]["scale"] == 1
    assert set(tables) == set(universe.tables)
    for name, df in universe.tables.items():
        _assert_same(df, tables[name], name)


def test_generation_is_deterministic(other_seeds):
    again = build_universe(7, 1, comments=False)
    for name, df in other_seeds[7].tables.items():
        _assert_same(df, again.tables[name], name)


def test_committed_bundle_matches_manifest():
    folder = data.data_dir()
    status = data.verify(folder)
    assert status["ok"].all(), status[~status["ok"]]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["files"]) == set(TABLES)
    for name, entry in manifest["files"].items():
        df = data.load(name, mask=False) if name == "comments" else data.load(name)
        schema.validate(df, name)
        assert len(df) == entry["rows"], name
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert total <= MAX_BYTES


def test_scale_multiplies_agencies_and_accounts_and_keeps_replica_zero(other_seeds):
    one = other_seeds[7].tables
    two = build_universe(7, 2, comments=False).tables
    assert len(two["agencies"]) == 2 * len(one["agencies"])
    assert len(two["accounts"]) == 2 * len(one["accounts"])
    assert 1.8 < len(two["posts"]) / len(one["posts"]) < 2.2
    # replica 0 of a larger universe is the workshop universe itself
    for name in ("agencies", "accounts", "posts", "followers", "truth_account_defects"):
        part = two[name].iloc[: len(one[name])].reset_index(drop=True)
        _assert_same(part, one[name], name)
    assert not two["accounts"].duplicated(["platform", "account"]).any()
    # each clone keeps its template's rhythm: similar posts per account, same habits
    acc = two["accounts"].drop_duplicates(["agency_id", "platform"]).copy()
    acc["template"] = acc["agency_id"].str[-2:]
    acc["replica"] = np.where(acc["agency_id"].str.len() > 4, 1, 0)
    stopped = {
        k[1]
        for k in _keys(
            two["truth_account_defects"][
                two["truth_account_defects"]["defect"].isin(["inactive", "dormant"])
            ]
        )
    }
    n_posts = two["posts"].groupby(["platform", "account"], observed=True).size()
    acc["posts"] = [n_posts.get(k, 0) for k in zip(acc["platform"], acc["account"], strict=True)]
    pivot = (
        acc[~acc["account"].isin(stopped)]
        .pivot_table(
            index=["template", "platform"], columns="replica", values="posts", observed=True
        )
        .dropna()
    )
    ratio = pivot[1] / pivot[0]
    assert len(ratio) >= 30 and ratio.between(0.7, 1.4).all()


def test_cli_refuses_to_overwrite_and_writes_a_bundle(tmp_path, capsys):
    out = tmp_path / "bundle"
    assert cli_main(["--seed", "7", "--out", str(out), "--no-comments", "--no-readme"]) == 0
    status = data.verify(out)
    assert status["ok"].all() and len(status) == len(TABLES) - 3
    assert cli_main(["--seed", "7", "--out", str(out), "--no-comments"]) == 2
    assert "--force" in capsys.readouterr().err


# --------------------------------------------------------------------------- agencies and accounts


def test_agencies_are_fictional_and_varied(universe):
    ag = universe.tables["agencies"]
    assert len(ag) >= 12
    assert ag["kind"].nunique() >= 10
    assert set(ag["tz"].astype(str)) == {"WIB", "WITA", "WIT"}
    assert ag["website"].str.match(r"^https://[a-z0-9.\-]+\.go\.id$").all()
    assert ag["official_email"].str.match(r"^[a-z.]+@[a-z0-9.\-]+\.go\.id$").all()
    assert ag["official_email"].str.startswith("humas@").all()
    assert ag["official_phone"].str.match(r"^0811-0000-\d{4}$").all()


def test_accounts_per_agency_and_handles(all_seeds):
    for u in all_seeds.values():
        acc = u.tables["accounts"]
        main = acc.drop_duplicates(["agency_id", "platform"])
        per_agency = main.groupby("agency_id").size()
        assert per_agency.between(3, 6).all()
        assert (acc["account"] == acc["account"].str.lower()).all()
        assert not acc["account"].str.contains("@").any()
        for p, h in _keys(acc):
            assert search.valid(h, p), (p, h)
        x = acc[acc["platform"] == "x"]
        assert (x["account"].str.len() <= 15).all()
        assert not acc.loc[acc["platform"] == "facebook", "account"].str.contains("_").any()


def test_sibling_units_are_real_accounts(universe):
    keys = _keys(universe.tables["accounts"])
    for pair in (
        (("instagram", "humas_kotapelangi"), ("instagram", "dinkes_kotapelangi")),
        (("instagram", "diskominfo_kabsukamaju"), ("instagram", "diskominfo_kotasukamaju")),
        (("instagram", "dukcapil_telukmutiara"), ("instagram", "rsud_telukmutiara")),
    ):
        assert set(pair) <= keys


# --------------------------------------------------------------------------- planted audit defects


@pytest.mark.parametrize("seed", SEEDS)
def test_activity_defects_are_exact(all_seeds, seed):
    u = all_seeds[seed]
    act = _activity(u)
    inactive, dormant = _truth(u, "inactive"), _truth(u, "dormant")
    assert len(inactive) >= 3 and len(dormant) >= 3
    assert _keys(act) == _keys(u.tables["accounts"])  # every account posted
    for r in act.itertuples():
        k = (r.platform, r.account)
        if k in inactive:
            assert 30 <= r.since_last <= 89, r
        elif k in dormant:
            assert r.since_last >= 90, r
        else:
            assert r.since_last < 30 and r.max_gap < 30, r
    # the detail states the exact day count
    d = u.tables["truth_account_defects"]
    for r in d[d["defect"].isin(["inactive", "dormant"])].itertuples():
        got = act[(act["platform"] == r.platform) & (act["account"] == r.account)][
            "since_last"
        ].item()
        assert f"last post {got} days" in r.detail


@pytest.mark.parametrize("seed", SEEDS)
def test_profile_defects_are_exact(all_seeds, seed):
    u = all_seeds[seed]
    acc = u.tables["accounts"]
    keys = list(zip(acc["platform"].astype(str), acc["account"].astype(str), strict=True))
    for col in ("bio", "link", "contact"):
        planted = _truth(u, f"missing_{col}")
        assert len(planted) >= 3
        found = {k for k, m in zip(keys, _missing(acc[col]), strict=True) if m}
        assert found == planted, col
    personal = {
        k for k, t in zip(keys, acc["profile_type"].astype(str), strict=True) if t == "personal"
    }
    assert personal == _truth(u, "personal_profile") and len(personal) >= 3
    assert all(p == "facebook" for p, _ in personal)
    # inconsistent names: the display name that differs from the rest of its agency and unit
    odd = set()
    for _, g in acc.groupby(["agency_id", "unit"]):
        mode = g["display_name"].mode()
        assert len(mode) == 1
        odd |= _keys(g[g["display_name"] != mode.iloc[0]])
    assert odd == _truth(u, "inconsistent_name") and len(odd) >= 3
    # duplicates: two accounts of the same agency on the same platform
    size = acc.groupby(["agency_id", "platform"], observed=True)["account"].transform("size")
    assert _keys(acc[size > 1]) == _truth(u, "duplicate_account")
    assert len(_truth(u, "duplicate_account")) >= 6


def test_different_seeds_place_defects_differently(all_seeds):
    placed = {
        s: set(
            zip(
                u.tables["truth_account_defects"]["defect"],
                u.tables["truth_account_defects"]["account"],
                strict=True,
            )
        )
        for s, u in all_seeds.items()
    }
    assert placed[2026] != placed[7] != placed[11] and placed[2026] != placed[11]
    for defect in ("inactive", "dormant", "missing_bio", "personal_profile"):
        sets = [_truth(u, defect) for u in all_seeds.values()]
        assert len({frozenset(s) for s in sets}) > 1, defect


# --------------------------------------------------------------------------- impostors


@pytest.mark.parametrize("seed", SEEDS)
def test_impostors_and_decoys(all_seeds, seed):
    u = all_seeds[seed]
    sr, imp, acc = u.tables["search_results"], u.tables["truth_impostors"], u.tables["accounts"]
    official = _keys(acc)
    results = _keys(sr)
    assert official <= results  # officials (siblings included) are in the search results
    assert imp["style"].value_counts().reindex(list(search.STYLES)).ge(3).all()
    for r in imp.itertuples():
        assert (r.platform, r.candidate) in results
        assert (r.platform, r.candidate) not in official
        assert (r.platform, r.official) in official
        assert search.skeleton(r.candidate) == search.skeleton(r.official)
        assert search.valid(r.candidate, r.platform)
        if r.style == "digits":
            assert r.candidate.startswith(r.official) and r.candidate[len(r.official) :].isdigit()
        elif r.style == "added_word":
            assert any(w in r.candidate.replace(r.official, "") for w in search.ADDED)
        elif r.style == "separator":
            assert r.candidate.replace("_", "").replace(".", "") == r.official.replace(
                "_", ""
            ).replace(".", "")
        else:
            assert len(r.candidate) in (len(r.official), len(r.official) + 1)
    impostors = set(zip(imp["platform"], imp["candidate"], strict=True))
    decoys = results - official - impostors
    assert len(decoys) >= 10
    skel = {(p, search.skeleton(h)) for p, h in official}
    assert not any((p, search.skeleton(h)) in skel for p, h in decoys)
    imp_rows = sr[[k in impostors for k in zip(sr["platform"], sr["account"], strict=True)]]
    assert not imp_rows["verified"].any()


# --------------------------------------------------------------------------- followers


@pytest.mark.parametrize("seed", SEEDS)
def test_follower_series_and_jumps(all_seeds, seed):
    u = all_seeds[seed]
    f, acc, posts = u.tables["followers"], u.tables["accounts"], u.tables["posts"]
    jumps = u.tables["truth_follower_jumps"]
    assert (jumps["kind"] == "bought").sum() >= 3
    assert (jumps["kind"] == "viral").sum() > (jumps["kind"] == "bought").sum()
    f = f.sort_values(["platform", "account", "date"])
    assert f.groupby(["platform", "account"], observed=True).size().eq(len(period.days())).all()
    last = f.groupby(["platform", "account"], observed=True).tail(1)
    merged = acc.merge(last, on=["platform", "account"], suffixes=("", "_series"))
    assert len(merged) == len(acc)
    assert (merged["followers"] == merged["followers_series"]).all()
    prev = f.groupby(["platform", "account"], observed=True)["followers"].shift()
    rel = (f["followers"] - prev) / prev
    jump_key = set(
        zip(jumps["platform"].astype(str), jumps["account"].astype(str), jumps["date"], strict=True)
    )
    is_jump = np.array(
        [
            k in jump_key
            for k in zip(
                f["platform"].astype(str), f["account"].astype(str), f["date"], strict=True
            )
        ]
    )
    assert rel[is_jump].min() >= 0.05
    assert rel[~is_jump].abs().max() < 0.01
    # engagement on the day: flat for bought followers, a spike for viral ones
    day = _local_days(posts, acc)
    eng = posts[["likes", "comments", "shares", "saves"]].fillna(0).sum(axis=1).astype(float)
    per_post = pd.DataFrame(
        {
            "platform": posts["platform"].astype(str),
            "account": posts["account"].astype(str),
            "day": day,
            "e": eng,
        }
    )
    for j in jumps.itertuples():
        mine = per_post[(per_post["platform"] == j.platform) & (per_post["account"] == j.account)]
        before = mine[(mine["day"] < j.date) & (mine["day"] >= j.date - pd.Timedelta(days=28))]
        baseline = before["e"].median()
        daily_before = before["e"].sum() / 28
        that_day = mine.loc[mine["day"] == j.date, "e"]
        if j.kind == "bought":
            assert that_day.sum() <= 2 * daily_before, j
        else:
            assert that_day.max() >= 5 * baseline, j
            assert that_day.sum() >= 5 * daily_before, j


# --------------------------------------------------------------------------- posts


def test_posts_shape_and_platform_rules(universe):
    posts = universe.tables["posts"]
    assert len(posts) >= 40_000
    assert posts["published_at"].min() >= period.START
    assert posts["published_at"].max() < period.END
    allowed = {
        "instagram": {"image", "carousel", "short_video"},
        "tiktok": {"short_video"},
        "youtube": {"video", "short_video", "live"},
        "x": {"text", "image", "link"},
        "facebook": {"image", "carousel", "video", "short_video", "link", "text"},
    }
    for p, types in allowed.items():
        got = set(posts.loc[posts["platform"] == p, "content_type"].astype(str))
        assert got == types, p
    na = posts.groupby("platform", observed=True)[["impressions", "reach", "views", "saves"]].agg(
        lambda s: s.isna().all()
    )
    assert na.loc["x", "reach"] and na.loc["x", "views"] and not na.loc["x", "impressions"]
    assert na.loc["facebook", "saves"] and na.loc["youtube", "saves"]
    assert na.loc["instagram", "impressions"] and not na.loc["instagram", "reach"]
    for m in ("likes", "comments", "shares"):
        assert posts[m].notna().all()
    image = posts["content_type"].isin(["image", "carousel"])
    video = posts["content_type"].isin(["video", "short_video", "live"])
    assert (posts["has_alt_text"].notna() == image).all()
    assert (posts["has_captions"].notna() == video).all()
    assert posts["post_id"].is_unique and posts["url"].str.startswith("https://").all()
    assert posts["text"].nunique() / len(posts) >= 0.9
    assert (posts["text"].str.len() > 10).all()
    x = posts[posts["platform"] == "x"]
    assert (x["text"].str.len() <= 280).all()


def test_posts_topics_and_captions(universe):
    posts, tp = universe.tables["posts"], universe.tables["truth_posts"]
    assert (tp["post_id"].to_numpy() == posts["post_id"].to_numpy()).all()
    assert tp["topic"].nunique() >= 15
    text = posts["text"]
    hoaks = tp["topic"] == "hoaks"
    assert text[hoaks].str.contains(r"\[(?:HOAKS|DISINFORMASI)\]").mean() > 0.3
    day = _local_days(posts, universe.tables["accounts"])
    assert text[day == pd.Timestamp("2026-08-17")].str.contains("HUT ke-81").any()
    assert text[day == pd.Timestamp("2025-11-10")].str.contains("Hari Pahlawan").any()
    ramadan = tp["topic"] == "ramadan_lebaran"
    assert day[ramadan].between(pd.Timestamp("2026-02-10"), pd.Timestamp("2026-04-05")).all()


def test_posting_rhythm(universe):
    posts, acc = universe.tables["posts"], universe.tables["accounts"]
    day = _local_days(posts, acc)
    per_day = day.value_counts().reindex(period.days(), fill_value=0)
    wd = per_day.index.day_of_week
    hol = per_day.index.isin(list(period.public_holidays()))
    working = per_day[(wd < 5) & ~hol].mean()
    assert per_day[wd >= 5].mean() < 0.5 * working
    assert per_day[hol].mean() < 0.7 * working
    tz = acc.set_index(["platform", "account"])["tz"].astype(str)
    key = pd.MultiIndex.from_arrays([posts["platform"].astype(str), posts["account"].astype(str)])
    hours = (
        posts["published_at"].dt.hour.to_numpy()
        + pd.Series(tz.reindex(key).to_numpy()).map(period.TZ_OFFSET).to_numpy()
    ) % 24
    assert ((hours >= 7) & (hours < 17)).mean() > 0.55
    assert (hours < 5).mean() < 0.01


def test_engagement_rate_falls_with_followers(all_seeds):
    for u in all_seeds.values():
        r = engagement_ranking(u.tables["accounts"], u.tables["posts"])
        for p in ("instagram", "facebook", "x"):
            g = r[r["platform"] == p]
            assert g[["followers", "er"]].corr(method="spearman").iloc[0, 1] < -0.3, p


@pytest.mark.parametrize("seed", SEEDS)
def test_big_but_quiet_account(all_seeds, seed):
    u = all_seeds[seed]
    both = big_but_quiet(u.tables["accounts"], u.tables["posts"])
    planted = u.meta["big_but_quiet"]
    pairs = set(zip(both["platform"], both["account"], strict=True))
    assert (planted["platform"], planted["account"]) in pairs
    ranks = engagement_ranking(u.tables["accounts"], u.tables["posts"]).set_index(
        ["platform", "account"]
    )
    mine = ranks.loc[(planted["platform"], planted["account"])]
    assert mine["rank_followers"] == 1 and mine["rank_er"] == 1
    jumps = u.tables["truth_follower_jumps"]
    assert ((jumps["account"] == planted["account"]) & (jumps["kind"] == "bought")).any()


def test_post_comment_metric_covers_comment_rows(universe):
    posts, comments = universe.tables["posts"], universe.tables["comments"]
    rows = comments.groupby(["platform", "post_id"], observed=True).size()
    metric = posts.set_index(["platform", "post_id"])["comments"]
    assert rows.index.isin(metric.index).all()
    assert (metric.reindex(rows.index).to_numpy() >= rows.to_numpy()).all()


# --------------------------------------------------------------------------- datasheet


def test_committed_datasheet_is_rendered_from_schema_and_data(committed):
    readme = (data.data_dir() / "README.md").read_text(encoding="utf-8")
    assert sheet.columns_markdown() in readme
    tables, manifest = committed
    assert readme == sheet.render(tables, manifest)
    for needle in (
        "CC0",
        "fiktif",
        "python -m labkit.universe",
        "comment duplicate rate",
        "near-duplicate within the ring",
    ):
        assert needle in readme


def test_trainee_imports_do_not_load_the_generator():
    """The generator (and its word lists) stays out of a trainee's import path."""
    import subprocess
    import sys

    code = (
        "import sys, labkit, labkit.data, labkit.audit\n"
        "print(sorted(m for m in sys.modules if m.startswith('labkit.universe')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
