"""labkit.engagement: formulas on hand-computed tables, bad input, and properties."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit import engagement as E
from labkit import schema
from labkit.engagement.stats import grouped_median_ci, median_ci_ranks
from labkit.errors import LabkitError, LabkitWarning


def _posts() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "platform": ["facebook", "facebook", "instagram", "instagram"],
            "account": ["a", "a", "b", "b"],
            "post_id": ["1", "2", "3", "4"],
            # 20:00 UTC is 03:00 the next day in WIB; 10:00 UTC is 17:00 WIB
            "published_at": pd.to_datetime(
                ["2026-01-01 20:00", "2026-01-01 10:00", "2026-01-03 01:00", "2026-01-05 01:00"],
                utc=True,
            ),
            "text": ["x", "y", "z", "w"],
            "url": [None] * 4,
            "content_type": ["image", "video", "image", "short_video"],
            "impressions": [None, None, None, None],
            "reach": [400, 0, 100, None],
            "views": [None, None, 50, 60],
            "likes": [10, 0, 3, 1],
            "comments": [5, 0, 1, 1],
            "shares": [5, 0, 0, 0],
            "saves": [None, None, 1, 0],
        }
    )
    return schema.conform(df, "posts", source="test")


def _followers() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "platform": ["facebook", "facebook", "instagram"],
            "account": ["a", "a", "b"],
            "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-01"]),
            "followers": [1000, 2000, 50],
        }
    )
    return schema.conform(df, "followers", source="test")


def _accounts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "platform": ["facebook", "instagram"],
            "account": ["a", "b"],
            "agency_id": ["AG1", "AG2"],
            "followers": [2000, 0],
            "tz": ["WIB", "WIT"],
        }
    )


def test_engagements_sum_only_reported_metrics():
    out = E.engagements(_posts())
    assert out["engagements"].tolist() == [20, 0, 5, 2]
    assert out.attrs["metrics_summed"] == {
        "facebook": ("likes", "comments", "shares"),
        "instagram": ("likes", "comments", "shares", "saves"),
    }
    assert out.attrs["comparable"] is False
    none = _posts().assign(likes=pd.NA, comments=pd.NA, shares=pd.NA, saves=pd.NA)
    assert E.engagements(none)["engagements"].isna().all()  # not 0


def test_rate_by_followers_at_the_posts_local_day():
    r = E.engagement_rate(_posts(), followers=_followers(), accounts=_accounts())
    col = "engagement_rate_by_followers"
    assert r.attrs["denominator"] == "followers" and r.attrs["rate_column"] == col
    # post 1: local day 2026-01-02 -> 2000 followers; post 2: local 2026-01-01 -> 1000
    assert r["followers"].tolist()[:2] == [2000, 1000]
    assert r[col].tolist()[:2] == [pytest.approx(0.01), 0.0]
    # instagram b: series holds only 2026-01-01 -> carried forward
    assert r[col].iloc[2] == pytest.approx(5 / 50)


def test_rate_per_account_is_pooled_and_reach_zero_is_missing():
    r = E.engagement_rate(_posts(), per="account", followers=_followers(), accounts=_accounts())
    a = r.set_index("account")
    assert a.loc["a", "engagement_rate_by_followers"] == pytest.approx(20 / 3000)
    assert a.loc["a", "posts"] == 2 and a.loc["a", "n"] == 2
    per_post = E.engagement_rate(_posts(), denominator="reach")
    v = per_post["engagement_rate_by_reach"].tolist()
    assert v[0] == pytest.approx(20 / 400)
    assert np.isnan(v[1]) and np.isnan(v[3])  # reach 0 and reach missing
    assert not np.isinf(per_post["engagement_rate_by_reach"]).any()


def test_end_of_period_followers_when_no_series_and_zero_gives_missing():
    r = E.engagement_rate(_posts(), accounts=_accounts())
    assert r.attrs["denominator_source"].startswith("accounts.followers")
    assert r["engagement_rate_by_followers"].iloc[0] == pytest.approx(20 / 2000)
    assert r["engagement_rate_by_followers"].iloc[2:].isna().all()  # followers 0


def test_per_day_uses_local_days_and_month_groups():
    d = E.engagement_rate(_posts(), per="day", followers=_followers(), accounts=_accounts())
    a = d[d["account"] == "a"]
    assert [str(x)[:10] for x in a["period"]] == ["2026-01-01", "2026-01-02"]
    m = E.engagement_rate(_posts(), per="month", followers=_followers(), accounts=_accounts())
    assert m.groupby("account")["posts"].sum().to_dict() == {"a": 2, "b": 2}


def test_no_follower_series_warns_and_names_what_works():
    with pytest.warns(LabkitWarning, match="reach, views"):
        r = E.engagement_rate(_posts())
    assert r["engagement_rate_by_followers"].isna().all()


def test_kaushik_rates_growth_share_of_voice():
    c = E.conversation_rate(_posts()).set_index("account")
    assert c.loc["a", "conversation_rate"] == pytest.approx(2.5)
    assert E.amplification_rate(_posts()).set_index("account").loc["a", "amplification_rate"] == 2.5
    assert E.applause_rate(_posts()).set_index("account").loc["b", "applause_rate"] == 2.0
    g = E.audience_growth_rate(_followers()).set_index("account")
    assert g.loc["a", "audience_growth_rate"] == pytest.approx(1.0)
    s = E.share_of_voice(_posts(), accounts=_accounts()).set_index("agency_id")
    assert s.loc["AG1", "share_of_voice"] == pytest.approx(20 / 27)
    assert s["share_of_voice"].sum() == pytest.approx(1.0)


def test_response_stats():
    c = pd.DataFrame(
        {
            "platform": ["x"] * 4,
            "account": ["a"] * 4,
            "created_at": pd.to_datetime(["2026-01-01 10:00"] * 4, utc=True),
            "replied_at": pd.to_datetime(
                ["2026-01-01 10:10", "2026-01-01 10:30", None, "2026-01-01 11:00"], utc=True
            ),
        }
    )
    r = E.response_stats(c).iloc[0]
    assert (r["n"], r["n_replied"]) == (4, 3)
    assert r["response_rate"] == pytest.approx(0.75)
    assert r["median_minutes_to_reply"] == pytest.approx(30)


def test_median_interval_from_order_statistics():
    j, k = median_ci_ranks(np.array([10, 5, 1]))
    assert (j[0], k[0]) == (2, 9)  # known result for n = 10 at 95 %
    assert j[1] == 0 and j[2] == 0  # n < 6: no 95 % interval
    s = grouped_median_ci(np.arange(1, 11, dtype=float), np.zeros(10, dtype=int), 1)
    assert (s["median"][0], s["ci_low"][0], s["ci_high"][0], s["n"][0]) == (5.5, 2, 9, 10)


def test_summary_breakdowns_local_hour_and_low_n():
    s = E.summary(_posts(), "hour", accounts=_accounts(), followers=_followers(), min_n=2)
    # WIB +7: 03 and 17; WIT +9: 10 and 10
    assert s["hour"].tolist() == [3, 10, 17]
    assert s["n"].tolist() == [1, 2, 1]
    assert s["low_n"].tolist() == [True, False, True]
    assert s.attrs["value_column"] == "engagement_rate_by_followers"
    ag = E.summary(_posts(), "agency", accounts=_accounts(), followers=_followers())
    assert set(ag["agency"]) == {"AG1", "AG2"}


@pytest.mark.parametrize(
    ("call", "word"),
    [
        (lambda: E.summary(_posts(), "colour"), "weekday"),
        (lambda: E.summary(_posts(), "account", metric="fans"), "engagement_rate"),
        (lambda: E.engagement_rate(_posts(), denominator="fans"), "impressions"),
        (lambda: E.engagement_rate(_posts(), per="year"), "month"),
        (lambda: E.glossary("nope"), "engagement_rate"),
    ],
)
def test_unknown_names_list_the_valid_ones(call, word):
    with pytest.raises(LabkitError, match=word):
        call()


def test_empty_selection_gives_empty_result_and_message():
    with pytest.warns(LabkitWarning):
        s = E.summary(_posts().iloc[:0], "platform", accounts=_accounts())
    assert s.empty and "n" in s.columns


def test_single_post_account():
    s = E.summary(_posts().iloc[:1], "account", accounts=_accounts(), followers=_followers())
    assert s["n"].tolist() == [1] and s["low_n"].all() and np.isnan(s["ci_low"]).all()


def test_glossary_both_languages():
    g = E.glossary(lang="en")
    assert {"engagements", "engagement_rate", "denominator"} <= set(g["id"])
    for e in E.GLOSSARY.values():
        assert (
            e["term"]["id"] and e["term"]["en"] and e["definition"]["id"] and e["definition"]["en"]
        )


def test_sector_comparison_refuses_other_denominators():
    p, a, f = _posts(), _accounts(), _followers()
    out = E.compare_sector(a, p, f, denominator="followers")
    hoot = out[out["source"].str.startswith("Hootsuite")]
    assert not hoot["comparable"].any() and hoot["ratio"].isna().all()
    assert hoot["note"].str.contains("Tidak sebanding").all()
    rival = out[out["source"].str.startswith("Quid") & (out["platform"] == "facebook")]
    assert rival["comparable"].all() and rival["ratio"].notna().all()


# ---------------------------------------------------------------------------- properties

_rows = st.lists(
    st.tuples(
        st.sampled_from(["facebook", "instagram", "x"]),
        st.sampled_from(["a", "b", "c"]),
        st.integers(0, 500),
        st.one_of(st.none(), st.integers(0, 50)),
        st.one_of(st.none(), st.integers(0, 2000)),
        st.integers(0, 23),
    ),
    min_size=1,
    max_size=40,
)


def _frame(rows) -> pd.DataFrame:
    n = len(rows)
    return pd.DataFrame(
        {
            "platform": [r[0] for r in rows],
            "account": [r[1] for r in rows],
            "post_id": [str(i) for i in range(n)],
            "published_at": pd.Timestamp("2026-01-01", tz="UTC")
            + pd.to_timedelta([r[5] for r in rows], unit="h"),
            "content_type": ["image"] * n,
            "likes": pd.array([r[2] for r in rows], dtype="Int64"),
            "comments": pd.array([r[3] for r in rows], dtype="Int64"),
            "reach": pd.array([r[4] for r in rows], dtype="Int64"),
        }
    )


@settings(max_examples=60, deadline=None)
@given(_rows, st.randoms(use_true_random=False))
def test_rates_unchanged_by_row_order_and_never_infinite(rows, rnd):
    df = _frame(rows)
    shuffled = df.sample(frac=1, random_state=rnd.randint(0, 10**6))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LabkitWarning)
        a = E.engagement_rate(df, denominator="reach", per="account")
        b = E.engagement_rate(shuffled, denominator="reach", per="account")
        s1 = E.summary(df, "account", metric="engagement_rate", denominator="reach")
        s2 = E.summary(shuffled, "account", metric="engagement_rate", denominator="reach")
    pd.testing.assert_frame_equal(a, b, check_exact=False)
    pd.testing.assert_frame_equal(
        s1.sort_values("account").reset_index(drop=True),
        s2.sort_values("account").reset_index(drop=True),
    )
    assert not np.isinf(a["engagement_rate_by_reach"].to_numpy(dtype=float)).any()
    assert not np.isinf(s1[["median", "ci_low", "ci_high"]].to_numpy(dtype=float)).any()


@settings(max_examples=60, deadline=None)
@given(_rows)
def test_counts_are_additive_over_groups(rows):
    df = _frame(rows)
    by_platform = E.summary(df, "platform", metric="engagements").set_index("platform")
    crossed = E.summary(df, ["platform", "hour"], metric="engagements")
    assert by_platform["n"].sum() == len(df)
    assert crossed.groupby("platform")["n"].sum().to_dict() == by_platform["n"].to_dict()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LabkitWarning)  # all-missing reach warns; not tested here
        acc = E.engagement_rate(df, denominator="reach", per="account")
    assert acc["posts"].sum() == len(df)


def test_imported_shape_no_series_no_topic_no_zone():
    """Posts as an importer gives them: no follower series, no topic, accounts without tz."""
    posts = _posts()
    accounts = _accounts().drop(columns=["tz", "followers"])
    with pytest.warns(LabkitWarning, match="reach"):
        out = E.summaries(posts, accounts=accounts, min_n=1)
    assert set(out) == set(E.BREAKDOWNS)
    assert out["topic"]["topic"].astype(str).tolist() == ["lainnya"]  # captions match no rule
    assert out["platform"]["n"].sum() == 0  # no denominator: no rate, and n says so
    reach = E.summaries(posts, accounts=accounts, denominator="reach", min_n=1)
    assert reach["platform"]["n"].sum() == 2
    assert reach["platform"].attrs["value_column"] == "engagement_rate_by_reach"


def _series_and_posts():
    days = pd.date_range("2026-01-01", periods=40, freq="D")
    rows, posts = [], []
    for acc in ("bought", "viral"):
        f = 10_000.0
        for i, d in enumerate(days):
            f *= 1.001
            if i == 20:
                f *= 1.15  # a 15 % jump on day 20
            rows.append(("x", acc, d, int(f)))
            likes = 100 if not (acc == "viral" and i == 20) else 3000
            posts.append(("x", acc, f"{acc}{i}", d + pd.Timedelta(hours=3), likes))
    followers = pd.DataFrame(rows, columns=["platform", "account", "date", "followers"])
    p = pd.DataFrame(posts, columns=["platform", "account", "post_id", "published_at", "likes"])
    p["published_at"] = p["published_at"].dt.tz_localize("UTC")
    return followers, p


def test_follower_anomalies_verdicts_on_a_hand_made_series():
    followers, posts = _series_and_posts()
    out = E.follower_anomalies(followers, posts).set_index("account")
    assert list(out.index.sort_values()) == ["bought", "viral"]  # only the two jumps
    assert out.loc["bought", "verdict"] == "bought"
    assert out.loc["viral", "verdict"] == "organic"
    assert str(out.loc["bought", "date"])[:10] == "2026-01-21"
    assert out.loc["viral", "max_post_ratio"] == pytest.approx(30)
    assert out.loc["bought", "jump_pct"] == pytest.approx(0.15 * 1.001 + 0.001, rel=0.02)
    no_posts = E.follower_anomalies(followers)
    assert no_posts["verdict"].isna().all() and len(no_posts) == 2


def test_momentum_sees_a_special_day_of_the_next_year_within_the_window():
    # 2026-12-31 10:00 WIB, one day before New Year's Day 2027 (a public holiday)
    p = _posts().iloc[:1].copy()
    p["published_at"] = pd.to_datetime(["2026-12-31 03:00"], utc=True)
    out = E.momentum(p, _accounts(), metric="engagements", window=1).set_index("kind")
    assert out.loc["around", "n"] == 1 and out.loc["ordinary", "n"] == 0


def test_ranking_flip_with_few_accounts_flags_only_a_real_flip():
    # three accounts: the biggest is the quietest; top=3 must not flag every account
    accounts = pd.DataFrame(
        {
            "platform": ["x", "x", "x"],
            "account": ["besar", "sedang", "kecil"],
            "followers": [100_000, 10_000, 1_000],
        }
    )
    posts = pd.DataFrame(
        {
            "platform": ["x", "x", "x"],
            "account": ["besar", "sedang", "kecil"],
            "published_at": pd.to_datetime(["2026-01-05 03:00"] * 3, utc=True),
            "likes": [100, 200, 100],
        }
    )
    r = E.ranking_flip(accounts, posts, top=3).set_index("account")
    assert r.loc["besar", "flip"] == "big_but_quiet"
    assert r.loc["kecil", "flip"] == "small_but_engaged"
    assert r.loc["sedang", "flip"] == ""


def test_follower_jump_without_ordinary_posts_to_compare_is_not_called_bought():
    followers, posts = _series_and_posts()
    # the viral account posted only on the jump day: no usual engagement to compare with
    only = posts[(posts["account"] == "viral") & (posts["post_id"] == "viral20")]
    out = E.follower_anomalies(followers, only).set_index("account")
    assert pd.isna(out.loc["viral", "verdict"])
    assert "-x" not in out.loc["viral", "explanation"]
    assert pd.isna(out.loc["bought", "verdict"])  # no posts at all
