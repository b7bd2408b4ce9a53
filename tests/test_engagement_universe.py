"""labkit.engagement scored against the planted ground truth (tests only read ``truth_*``).

The bundled universe and three universes from other seeds (generated once,
cached under ``build/test-universes/``) are used.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from labkit import data
from labkit import engagement as E

SEEDS = (7, 11, 99)
CACHE = Path(__file__).resolve().parent.parent / "build" / "test-universes"
TABLES = ("accounts", "posts", "followers", "truth_follower_jumps", "truth_posts")


def _cached(seed: int) -> dict[str, pd.DataFrame]:
    from labkit.universe import build

    path = CACHE / f"seed{seed}-scale1.pkl"
    if path.exists():
        return pd.read_pickle(path)
    u = build(seed=seed, scale=1, comments=False)
    tables = {k: u.tables[k] for k in TABLES}
    tables["_meta"] = pd.DataFrame([u.meta["big_but_quiet"]])
    CACHE.mkdir(parents=True, exist_ok=True)
    pd.to_pickle(tables, path)
    return tables


@pytest.fixture(scope="session")
def universes() -> dict[object, dict[str, pd.DataFrame]]:
    from labkit.universe import sheet

    tables, manifest = sheet.load_committed()
    bundled = {k: tables[k] for k in TABLES}
    bundled["_meta"] = pd.DataFrame([manifest["generator"]["big_but_quiet"]])
    return {"bundle": bundled, **{s: _cached(s) for s in SEEDS}}


def test_follower_anomalies_match_planted_jumps(universes):
    for name, t in universes.items():
        found = E.follower_anomalies(t["followers"], t["posts"], accounts=t["accounts"])
        truth = t["truth_follower_jumps"].astype({"platform": str, "account": str})
        key = ["platform", "account", "date"]
        m = truth.merge(found[[*key, "verdict"]], on=key, how="left")
        bought = m[m["kind"] == "bought"]
        organic = m[m["kind"] != "bought"]
        called_bought = int((organic["verdict"] == "bought").sum())
        print(
            f"{name}: {len(found)} jumps flagged; bought planted {len(bought)}, "
            f"found bought {int((bought['verdict'] == 'bought').sum())}; "
            f"organic planted {len(organic)}, called bought {called_bought}"
        )
        assert (bought["verdict"] == "bought").all(), (name, bought)
        assert called_bought <= 1, name
        assert found["explanation"].str.len().gt(20).all()


def test_topic_tagging_against_truth(universes):
    t = universes["bundle"]
    tagged = E.tag_topics(t["posts"])
    m = pd.DataFrame(
        {"platform": t["posts"]["platform"], "post_id": t["posts"]["post_id"], "pred": tagged}
    ).merge(t["truth_posts"], on=["platform", "post_id"])
    pred, true = m["pred"].astype(str), m["topic"].astype(str)
    rows = []
    for topic in sorted(true.unique()):
        tp = int(((pred == topic) & (true == topic)).sum())
        precision = tp / max(int((pred == topic).sum()), 1)
        recall = tp / int((true == topic).sum())
        rows.append((topic, precision, recall))
        print(f"{topic:16s} precision {precision:.2f} recall {recall:.2f}")
    accuracy = float((pred == true).mean())
    print(f"accuracy {accuracy:.3f}")
    assert accuracy >= 0.9
    for topic, precision, recall in rows:
        assert precision >= 0.75 and recall >= 0.75, topic


def test_ranking_flip_found(universes):
    for name, t in universes.items():
        planted = t["_meta"].iloc[0]
        for followers in (None, t["followers"]):
            r = E.ranking_flip(t["accounts"], t["posts"], followers)
            flips = r[r["flip"] == "big_but_quiet"]
            assert (planted["platform"], planted["account"]) in set(
                zip(flips["platform"], flips["account"], strict=True)
            ), name


def test_summary_on_bundle_every_breakdown():
    posts, accounts = data.load("posts"), data.load("accounts")
    followers = data.load("followers")
    out = E.summaries(posts, accounts=accounts, followers=followers)
    assert set(out) == set(E.BREAKDOWNS)
    for by, s in out.items():
        assert s["n"].sum() <= len(posts) and (s["n"] >= 0).all(), by
        ok = s["n"] >= 6
        assert (s.loc[ok, "ci_low"] <= s.loc[ok, "median"]).all(), by
        assert (s.loc[ok, "median"] <= s.loc[ok, "ci_high"]).all(), by
    assert sorted(out["hour"]["hour"]) == sorted(set(out["hour"]["hour"]))
    assert set(out["weekday"]["weekday"]) == set(range(7))
    bt = E.best_times(posts, accounts, followers=followers)
    assert "observational" in E.glossary()["id"].tolist() and bt.attrs["caveat"]
    mo = E.momentum(posts, accounts, followers=followers)
    assert mo["kind"].tolist() == ["on", "around", "ordinary"] and (mo["n"] > 0).all()
