"""The arithmetic of docs/audit.md, on a tiny rubric whose scores are worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.audit import audit, load_rubric
from labkit.audit.rubric import PRINCIPLES

T = {"id": "teks", "en": "text"}


def _item(iid, dim, weight, principles, level="agency"):
    return {
        "id": iid,
        "dimension": dim,
        "level": level,
        "text": {"id": f"butir {iid}", "en": f"item {iid}"},
        "scoring": {"method": "manual"},
        "weight": weight,
        "action": {"id": "tindakan", "en": "action"},
        "basis": {"principles": principles, "sources": ["s1"]},
    }


def _rubric(tmp_path, items, dims=(("d1", 60), ("d2", 40))):
    data = {
        "rubric": "mini",
        "version": "1",
        "principles": {p: T for p in PRINCIPLES},
        "sources": {"s1": {"citation": "Sumber uji", "confidence": "low"}},
        "dimensions": [
            {"id": d, "name": {"id": d.upper(), "en": d.upper()}, "weight": w} for d, w in dims
        ],
        "items": items,
    }
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_rubric(path)


ACCOUNTS = pd.DataFrame(
    {"platform": ["instagram", "x"], "account": ["akun_x", "akun_y"], "agency_id": ["AG1", "AG1"]}
)
AS_OF = pd.Timestamp("2025-06-30", tz="UTC")


def _answers(**answers):
    rows = []
    for key, ans in answers.items():
        if "__" in key:
            item, handle = key.split("__")
            plat = dict(zip(ACCOUNTS["account"], ACCOUNTS["platform"], strict=True))[handle]
            rows.append(("AG1", plat, handle, item, ans, "bukti"))
        else:
            rows.append(("AG1", None, None, key, ans, "bukti"))
    return pd.DataFrame(
        rows, columns=["agency_id", "platform", "account", "item_id", "answer", "note"]
    )


@pytest.fixture
def mini(tmp_path):
    return _rubric(
        tmp_path,
        [
            _item("M1", "d1", 75, ["kredibel"]),
            _item("M2", "d1", 25, ["kredibel", "responsif"]),
            _item("M3", "d2", 100, ["responsif"]),
        ],
    )


def _scores(report):
    dims = report.dimension_scores().set_index("dimension")["score"].to_dict()
    prin = report.principle_scores().set_index("principle")["score"].to_dict()
    overall = report.agency_scores().iloc[0]
    return dims, prin, overall


def test_item_scale_dimension_overall_and_principles(mini):
    r = audit(
        ACCOUNTS, rubric=mini, as_of=AS_OF, checklist=_answers(M1="ya", M2="tidak", M3="sebagian")
    )
    assert r.items.set_index("item_id")["points"].to_dict() == {"M1": 2.0, "M2": 0.0, "M3": 1.0}
    dims, prin, overall = _scores(r)
    # dimension: weighted mean of item scores (points / 2)
    assert dims["d1"] == pytest.approx(100 * (75 * 1.0 + 25 * 0.0) / 100)
    assert dims["d2"] == pytest.approx(50)
    # overall: weighted mean of dimensions
    assert overall["score"] == pytest.approx((60 * 75 + 40 * 50) / 100)
    assert overall["coverage"] == pytest.approx(1.0)
    # principles: M2 serves two principles and gives each half of its global weight (15 / 2)
    assert prin["kredibel"] == pytest.approx(100 * (45 * 1.0 + 7.5 * 0.0) / (45 + 7.5))
    assert prin["responsif"] == pytest.approx(100 * (7.5 * 0.0 + 40 * 0.5) / (7.5 + 40))
    assert math.isnan(prin["integritas"])  # no item serves it: no score, not zero
    # the principles, weighted by their shares of weight, give back the overall score
    w = {"kredibel": 52.5, "responsif": 47.5}
    assert sum(w[p] * prin[p] for p in w) / sum(w.values()) == pytest.approx(overall["score"])


@pytest.mark.parametrize(("m1", "expected_d1"), [("ya", 100.0), ("tidak", 0.0)])
def test_an_item_that_cannot_be_scored_leaves_the_denominator(mini, m1, expected_d1):
    # M2 is not assessed: it counts neither as 0 (d1 would be 75 / 0) nor as full marks (100 / 25)
    r = audit(ACCOUNTS, rubric=mini, as_of=AS_OF, checklist=_answers(M1=m1, M3="ya"))
    dims, prin, overall = _scores(r)
    assert dims["d1"] == pytest.approx(expected_d1)
    assert overall["coverage"] == pytest.approx((45 + 40) / 100)
    assert overall["items_scored"] == 2 and overall["items"] == 3
    assert prin["kredibel"] == pytest.approx(expected_d1)  # only M1 is left for kredibel
    un = r.unscored()
    assert list(un["item_id"]) == ["M2"]
    assert un["needed"].iloc[0]  # what would be needed is said
    assert r.items.set_index("item_id").loc["M2", "state"] == "not_assessed"


def test_not_applicable_also_leaves_the_denominator(mini):
    r = audit(
        ACCOUNTS,
        rubric=mini,
        as_of=AS_OF,
        checklist=_answers(M1="ya", M2="tidak berlaku", M3="tidak"),
    )
    dims, _, overall = _scores(r)
    assert dims["d1"] == pytest.approx(100)
    assert overall["score"] == pytest.approx((60 * 100 + 40 * 0) / 100)
    assert r.items.set_index("item_id").loc["M2", "state"] == "not_applicable"


def test_a_dimension_without_any_scored_item_leaves_the_overall_denominator(mini):
    r = audit(ACCOUNTS, rubric=mini, as_of=AS_OF, checklist=_answers(M1="ya", M2="ya"))
    dims, _, overall = _scores(r)
    assert math.isnan(dims["d2"])
    assert overall["score"] == pytest.approx(100)  # only d1: 60 * 100 / 60
    assert overall["coverage"] == pytest.approx(0.6)


def test_nothing_scored_gives_no_score_at_all(mini):
    r = audit(ACCOUNTS, rubric=mini, as_of=AS_OF)
    _, _, overall = _scores(r)
    assert math.isnan(overall["score"]) and overall["coverage"] == 0


def test_account_items_per_account_and_averaged_for_the_agency(tmp_path):
    rubric = _rubric(
        tmp_path,
        [
            _item("A1", "d1", 50, ["kredibel"], level="account"),
            _item("M1", "d1", 50, ["responsif"]),
        ],
        dims=(("d1", 100),),
    )
    r = audit(
        ACCOUNTS,
        rubric=rubric,
        as_of=AS_OF,
        checklist=_answers(A1__akun_x="ya", A1__akun_y="tidak", M1="ya"),
    )
    acc = r.account_scores().set_index("account")["score"].to_dict()
    assert acc == {"akun_x": pytest.approx(100), "akun_y": pytest.approx(0)}
    items = r.item_scores().set_index("item_id")
    assert items.loc["A1", "score"] == pytest.approx(0.5)  # mean over the two accounts
    assert items.loc["A1", "failing"] == 1
    assert r.agency_scores().iloc[0]["score"] == pytest.approx((50 * 0.5 + 50 * 1.0) / 100 * 100)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["ya", "sebagian", "tidak"]), min_size=3, max_size=3))
def test_all_scored_overall_equals_global_weighted_mean(tmp_path_factory, answers):
    rubric = _rubric(
        tmp_path_factory.mktemp("r"),
        [
            _item("M1", "d1", 75, ["kredibel", "integritas", "profesional"]),
            _item("M2", "d1", 25, ["kredibel", "responsif"]),
            _item("M3", "d2", 100, ["responsif", "keterwakilan"]),
        ],
    )
    r = audit(
        ACCOUNTS,
        rubric=rubric,
        as_of=AS_OF,
        checklist=_answers(**dict(zip(["M1", "M2", "M3"], answers, strict=True))),
    )
    pts = {"ya": 1.0, "sebagian": 0.5, "tidak": 0.0}
    g = {"M1": 45, "M2": 15, "M3": 40}
    expected = sum(g[i] * pts[a] for i, a in zip(g, answers, strict=True))
    overall = r.agency_scores().iloc[0]["score"]
    assert overall == pytest.approx(expected)
    prin = r.principle_scores()
    assert (prin["score"] * prin["weight"]).sum() / prin["weight"].sum() == pytest.approx(expected)
    assert prin["weight"].sum() == pytest.approx(100)  # every item's weight is split, never doubled
