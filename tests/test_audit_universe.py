"""The audit's detectors on generated universes: every planted defect found, few false alarms.

Ground truth (truth_*) is read here, in tests, never by labkit.audit.
"""

from __future__ import annotations

import pandas as pd
import pytest

from labkit import data, universe
from labkit.audit import audit
from labkit.monitor import replies as nr

SEEDS = (11, 23, 2026)
PLANTED = (
    "inactive",
    "dormant",
    "missing_bio",
    "missing_link",
    "missing_contact",
    "personal_profile",
    "inconsistent_name",
    "duplicate_account",
)


@pytest.fixture(scope="module", params=SEEDS)
def world(request):
    tables = universe.generate(seed=request.param, scale=1, comments=False)
    report = audit(
        tables["accounts"],
        tables["posts"],
        None,
        search_results=tables["search_results"],
        agencies=tables["agencies"],
    )
    return tables, report


def _pairs(df: pd.DataFrame, a: str, b: str) -> set[tuple[str, str]]:
    return set(zip(df[a].astype(str), df[b].astype(str), strict=True))


def test_every_planted_account_defect_is_found_with_at_most_one_false_alarm(world):
    tables, report = world
    truth = tables["truth_account_defects"]
    found = report.problems()
    false_alarms = []
    for defect in PLANTED:
        want = _pairs(truth.loc[truth["defect"] == defect], "platform", "account")
        got = _pairs(found.loc[found["problem"] == defect], "platform", "account")
        assert want, defect  # the generator planted some
        assert want <= got, (defect, sorted(want - got))  # recall 1.0
        false_alarms += [(defect, x) for x in sorted(got - want)]
    assert len(false_alarms) <= 1, false_alarms


def test_every_planted_impostor_is_found_with_at_most_one_false_alarm(world):
    tables, report = world
    truth = tables["truth_impostors"]
    got = report.impostors()
    want = set(
        zip(truth["platform"].astype(str), truth["candidate"], truth["official"], strict=True)
    )
    found = set(zip(got["platform"].astype(str), got["candidate"], got["official"], strict=True))
    assert want <= found, sorted(want - found)
    assert len(found - want) <= 1, sorted(found - want)
    assert (got["reason"].str.len() > 0).all()


def test_dormant_accounts_say_how_long_they_have_been_silent(world):
    tables, report = world
    inv = report.inventory()
    truth = tables["truth_account_defects"]
    dormant = _pairs(truth.loc[truth["defect"] == "dormant"], "platform", "account")
    rows = inv.loc[
        [pair in dormant for pair in zip(inv["platform"].astype(str), inv["account"], strict=True)]
    ]
    assert len(rows) == len(dormant)
    assert (rows["activity"] == "dorman").all()
    assert (rows["days_since_last_post"] > 90).all()


@pytest.fixture(scope="module")
def comments_world():
    """The bundled universe when it is there, else a generated one (same generator)."""
    if data.has_table("truth_comments"):
        return {name: data.load(name, mask=False) for name in ("comments", "truth_comments")}
    tables = universe.generate(seed=5, scale=1)
    return {name: tables[name] for name in ("comments", "truth_comments")}


def test_needs_reply_rules_agree_with_the_generator_labels(comments_world):
    c = comments_world["comments"].merge(
        comments_world["truth_comments"][["platform", "comment_id", "kind"]],
        on=["platform", "comment_id"],
    )
    flagged = nr.needs_reply(c["text"]).to_numpy()
    asks = c["kind"].isin(["question", "complaint"]).to_numpy()
    # hoaxes (fix the facts) and crisis comments deserve an answer too (USAF triage)
    deserves = c["kind"].isin(["question", "complaint", "hoax", "crisis"]).to_numpy()
    recall = (flagged & asks).sum() / asks.sum()
    precision = (flagged & deserves).sum() / flagged.sum()
    assert recall >= 0.9, recall
    assert precision >= 0.85, precision
    # praise is almost never flagged
    praise = c["kind"].eq("praise").to_numpy()
    assert (flagged & praise).sum() / praise.sum() < 0.05
