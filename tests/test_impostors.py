"""Tests of labkit.impostors: every look-alike style, hard negatives, the platform join."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from labkit import i18n
from labkit.errors import LabkitError, SchemaError
from labkit.impostors import COLUMNS, RULES, find_impostors, find_impostors_in

OFFICIAL = [
    "humas_kotabogor",
    "diskominfo_kab_sukamaju",
    "diskominfo_kota_sukamaju",
    "dinkes.kotabogor",
    "kodim0618",
    "pemkot_ternate",
    "humas_kota_blitar",
    "bpbd_prov_sulawesi",
]


def _one(candidate: str, official=OFFICIAL) -> pd.Series:
    found = find_impostors(official, [candidate])
    assert len(found) == 1, f"{candidate!r} not flagged: {found}"
    return found.iloc[0]


@pytest.mark.parametrize(
    ("candidate", "official", "rule", "words"),
    [
        # separators
        ("humas.kotabogor", "humas_kotabogor", "separator", ["pemisah berbeda"]),
        ("humaskotabogor", "humas_kotabogor", "separator", ["pemisah berbeda"]),
        ("dinkes_kotabogor", "dinkes.kotabogor", "separator", ["pemisah berbeda"]),
        # added words, as a separate part or glued, before or after
        ("humas_kotabogor_official", "humas_kotabogor", "added_word", ["'official'"]),
        ("humas_kotabogor_resmi", "humas_kotabogor", "added_word", ["'resmi'"]),
        ("info.humas_kotabogor", "humas_kotabogor", "added_word", ["'info'"]),
        ("humas_kotabogorasli", "humas_kotabogor", "added_word", ["'asli'"]),
        ("realhumas_kotabogor", "humas_kotabogor", "added_word", ["'real'"]),
        ("humas_kotabogor_update", "humas_kotabogor", "added_word", ["'update'"]),
        ("humas_kotabogor_id", "humas_kotabogor", "added_word", ["'id'"]),
        # digits at either end
        ("humas_kotabogor1", "humas_kotabogor", "digits", ["'1'"]),
        ("humas_kotabogor_2024", "humas_kotabogor", "digits", ["'2024'"]),
        ("99humas_kotabogor", "humas_kotabogor", "digits", ["'99'"]),
        # visual confusables
        ("hurnas_kotabogor", "humas_kotabogor", "confusable", ["rn/m"]),
        ("humas_kotab0gor", "humas_kotabogor", "confusable", ["0/o"]),
        ("humas_kota_b1itar", "humas_kota_blitar", "confusable", ["1/l"]),
        ("humas_kota_bIitar", "humas_kota_blitar", "confusable", ["i/l"]),
        ("humas_kotabogor".replace("s", "5"), "humas_kotabogor", "confusable", ["5/s"]),
        ("pemkot_temate", "pemkot_ternate", "confusable", ["m/rn"]),
        ("bpbd_prov_suIawesi", "bpbd_prov_sulawesi", "confusable", ["i/l"]),
        # one-letter typos (fuzzy stage)
        ("hmuas_kotabogor", "humas_kotabogor", "spelling", ["ditukar", "mu/um"]),
        ("humas_kotabogorr", "humas_kotabogor", "spelling", ["'r' disisipkan"]),
        ("humas_kotabgor", "humas_kotabogor", "spelling", ["'o' dihilangkan"]),
    ],
)
def test_each_style_is_flagged_with_a_named_reason(candidate, official, rule, words):
    row = _one(candidate)
    assert row["candidate"] == candidate
    assert row["official"] == official
    assert rule in row["rule"].split("+")
    for word in words:
        assert word in row["reason"]
    # the reason names both handles, as the trainee would read them
    assert f"({candidate} vs {official})" in row["reason"]


def test_reason_example_from_the_brief():
    row = _one("humas.kota", official=["humas_kota"])
    assert row["reason"] == "pemisah berbeda (humas.kota vs humas_kota)"
    assert row["score"] == 100.0
    assert row["rule"] == "separator"


def test_combined_styles_name_every_rule():
    row = _one("hurnas.k0tabogor_resmi2")
    assert row["official"] == "humas_kotabogor"
    assert row["rule"] == "separator+added_word+digits+confusable"
    for word in ("pemisah berbeda", "'resmi'", "'2'", "rn/m", "0/o"):
        assert word in row["reason"]


def test_reason_follows_the_language_switch():
    i18n.set_language("en")
    row = _one("humas_kotabogor_resmi")
    assert row["reason"] == "added word 'resmi' (humas_kotabogor_resmi vs humas_kotabogor)"
    row = _one("humas.kotabogor")
    assert row["reason"].startswith("different separators")


@pytest.mark.parametrize(
    "candidate",
    [
        "humas_kotabogor",  # the official itself
        "HUMAS_KOTABOGOR",  # case-insensitive
        "@humas_kotabogor",  # '@' stripped
        " @Humas_KotaBogor ",
        "diskominfo_kab_sukamaju",  # itself official, although near another official
        "diskominfo_kota_sukamaju",
    ],
)
def test_official_handles_are_never_flagged(candidate):
    assert find_impostors(OFFICIAL, [candidate]).empty


@pytest.mark.parametrize(
    "candidate",
    [
        # the same unit in another city
        "humas_kota_cianjur",
        # a different unit in the same city (a unit word differs)
        "dinkes_kotasukamaju",
        "dukcapil_kotabogor",
        # the same unit at another level (kab / kota / prov)
        "diskominfo_prov_sukamaju",
        "dinkes.kabbogor",
        # another numbered unit
        "kodim0619",
        "kodim0817",
        # another city: a substituted letter is a different name, not a typo
        "humas_kotabogar",
        "pemkot_ternati",
        # unrelated citizens and media
        "sari_wulandari88",
        "budi.santoso",
        "kabar_bogor_terkini",
    ],
)
def test_hard_negatives_are_not_flagged(candidate):
    assert find_impostors(OFFICIAL, [candidate]).empty, candidate


def test_plain_fuzzy_score_would_rank_real_units_above_impostors():
    """The reason rules come first: fuzz.ratio alone gets the order wrong."""
    real_unit = ("diskominfo_kab_sukamaju", "diskominfo_kota_sukamaju")
    impostor = ("humas_kotabogor_official", "humas_kotabogor")
    assert fuzz.ratio(*real_unit) > fuzz.ratio(*impostor)
    officials = [real_unit[1], impostor[1]]
    found = find_impostors(officials, [real_unit[0], impostor[0]])
    assert found["candidate"].tolist() == [impostor[0]]


def test_one_row_per_candidate_sorted_and_typed():
    candidates = [
        "humas_kotabogor_resmi",
        "HUMAS_KOTABOGOR_RESMI",
        "@humas_kotabogor_resmi",
        "hmuas_kotabogor",
        "humas.kotabogor",
        "sari_wulandari88",
        None,
        float("nan"),
        "",
    ]
    found = find_impostors(OFFICIAL, candidates)
    assert list(found.columns) == list(COLUMNS)
    assert found["candidate"].tolist() == [
        "humas.kotabogor",
        "humas_kotabogor_resmi",
        "hmuas_kotabogor",
    ]
    assert found["score"].is_monotonic_decreasing
    assert found["score"].iloc[-1] < 100
    assert isinstance(found["candidate"].dtype, pd.StringDtype)
    assert found["score"].dtype == "float64"
    assert set("+".join(found["rule"]).split("+")) <= set(RULES)


def test_empty_inputs_give_empty_typed_result():
    for officials, candidates in (([], ["x_official"]), (["humas_kota"], []), ([None], [None])):
        found = find_impostors(officials, candidates)
        assert found.empty
        assert list(found.columns) == list(COLUMNS)


def test_threshold_and_fuzzy_switch_control_only_the_spelling_stage():
    candidates = ["hmuas_kotabogor", "humas_kotabogor_resmi"]
    assert len(find_impostors(OFFICIAL, candidates)) == 2
    strict = find_impostors(OFFICIAL, candidates, threshold=99)
    assert strict["candidate"].tolist() == ["humas_kotabogor_resmi"]
    assert find_impostors(OFFICIAL, candidates, fuzzy=False)["rule"].tolist() == ["added_word"]


def test_custom_decoy_words():
    assert find_impostors(["humas_kota"], ["humas_kota_mantap"]).empty
    found = find_impostors(["humas_kota"], ["humas_kota_mantap"], decoy_words=["mantap"])
    assert found["rule"].tolist() == ["added_word"]


def test_a_whole_table_instead_of_handles_is_a_clear_error():
    with pytest.raises(LabkitError) as err:
        find_impostors(pd.DataFrame({"account": ["humas_kota"]}), ["humas.kota"])
    assert "official_handles" in str(err.value) and "['account']" in str(err.value)


handle_part = st.text(alphabet="abcdefghjkmnoprstuwyz", min_size=3, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(handle_part, min_size=1, max_size=3), min_size=1, max_size=6))
def test_property_officials_are_never_flagged_and_a_resmi_copy_always_is(parts):
    officials = sorted({"_".join(p) for p in parts})
    variants = officials + [o.upper() for o in officials] + ["@" + o for o in officials]
    assert find_impostors(officials, variants).empty
    copy = officials[0] + "_resmi"
    found = find_impostors(officials, [copy])
    assert found["candidate"].tolist() == [copy]
    assert "added_word" in found["rule"].iloc[0]


# ---- platform-aware variant ----


def _accounts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "platform": ["instagram", "instagram", "x"],
            "account": ["humas_kotabogor", "dinkes.kotabogor", "humaskotabogor"],
            "agency_id": ["ag01", "ag02", "ag01"],
        }
    )


def _results() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "platform": ["instagram", "instagram", "instagram", "x", "x", "tiktok"],
            "account": [
                "humas_kotabogor",  # official
                "humaskotabogor",  # impostor on instagram (official handle on x)
                "dinkes_kotabogor_resmi",
                "humaskotabogor",  # official on x
                "humaskotab0gor",
                "humas_kotabogor_official",  # no official tiktok account listed
            ],
            "display_name": ["Humas", "Humas Kota", "Dinkes", "Humas", "Humas", "Humas"],
            "followers": pd.array([1000, 12, 30, 900, 5, 7], dtype="Int64"),
            "query_agency_id": ["ag01", "ag01", "ag02", "ag01", "ag01", "ag01"],
        }
    )


def test_find_impostors_in_joins_on_platform_and_carries_columns():
    found = find_impostors_in(_accounts(), _results())
    assert list(found.columns[:7]) == ["platform", *COLUMNS, "agency_id"]
    assert {"display_name", "followers", "query_agency_id"} <= set(found.columns)
    got = {(r.platform, r.candidate, r.official, r.agency_id) for r in found.itertuples()}
    assert got == {
        ("instagram", "humaskotabogor", "humas_kotabogor", "ag01"),
        ("instagram", "dinkes_kotabogor_resmi", "dinkes.kotabogor", "ag02"),
        ("x", "humaskotab0gor", "humaskotabogor", "ag01"),
    }
    row = found[found["candidate"] == "humaskotab0gor"].iloc[0]
    assert row["followers"] == 5


def test_find_impostors_in_with_nothing_found_keeps_the_columns():
    res = _results().iloc[[0, 3]]
    found = find_impostors_in(_accounts(), res)
    assert found.empty
    assert list(found.columns) == [
        "platform",
        *COLUMNS,
        "agency_id",
        "display_name",
        "followers",
        "query_agency_id",
    ]


def test_find_impostors_in_names_a_missing_column():
    with pytest.raises(SchemaError) as err:
        find_impostors_in(_accounts().drop(columns="platform"), _results())
    assert "platform" in str(err.value) and "accounts" in str(err.value)


# ---- the bundled universe: planted impostors of every style ----


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_universe_impostors_found_with_at_most_one_false_alarm(seed):
    from labkit.universe.generate import generate

    tables = generate(seed, 1, comments=False)
    accounts, results = tables["accounts"], tables["search_results"]
    truth = tables["truth_impostors"]
    assert set(truth["style"]) == {"separator", "added_word", "digits", "confusable"}

    found = find_impostors_in(accounts, results)
    got = {(str(r.platform), r.candidate): r for r in found.itertuples()}
    planted = {(str(r.platform), r.candidate): r for r in truth.itertuples()}
    assert set(planted) <= set(got), f"missed: {set(planted) - set(got)}"  # recall 1.0
    assert len(set(got) - set(planted)) <= 1, f"false alarms: {set(got) - set(planted)}"
    for key, want in planted.items():
        assert got[key].official == want.official
        assert want.style in got[key].rule.split("+")
    # the search also lists sibling units' real accounts (hard negatives): none is flagged
    real = set(zip(accounts["platform"].astype(str), accounts["account"], strict=True))
    assert not real & set(got)

    # Without the platform join, a candidate equal to an official handle on *another*
    # platform counts as official and is not flagged; that is the only difference.
    flat = set(find_impostors(accounts["account"], results["account"])["candidate"])
    missed_flat = {c for _, c in planted} - flat
    assert missed_flat <= set(accounts["account"])
