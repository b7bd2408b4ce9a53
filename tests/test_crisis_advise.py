"""SCCT advisor against the guidelines as the domain brief (section 5.1) states them, case by case."""

import pytest

from labkit import data, i18n
from labkit.crisis import CRISIS_TYPES, advise
from labkit.errors import LabkitError

# (crisis type, history, reputation, cluster, recommended strategy)
CASES = [
    ("natural_disaster", False, "neutral", "victim", "instructing_adjusting"),
    ("natural_disaster", False, "positive", "victim", "instructing_adjusting"),
    ("natural_disaster", True, "neutral", "victim", "diminish"),
    ("natural_disaster", False, "negative", "victim", "diminish"),
    ("workplace_violence", False, "positive", "victim", "instructing_adjusting"),
    ("workplace_violence", True, "positive", "victim", "diminish"),
    ("malevolence", False, "neutral", "victim", "instructing_adjusting"),
    ("malevolence", True, "negative", "victim", "diminish"),
    ("rumour", False, "neutral", "victim", "deny"),
    ("rumour", True, "negative", "victim", "deny"),
    ("rumour", False, "positive", "victim", "deny"),
    ("challenge", False, "neutral", "accidental", "diminish"),
    ("challenge", True, "neutral", "accidental", "rebuild"),
    ("technical_error_accident", False, "neutral", "accidental", "diminish"),
    ("technical_error_accident", False, "positive", "accidental", "diminish"),
    ("technical_error_accident", True, "neutral", "accidental", "rebuild"),
    ("technical_error_accident", False, "negative", "accidental", "rebuild"),
    ("technical_error_harm", False, "positive", "accidental", "diminish"),
    ("technical_error_harm", True, "negative", "accidental", "rebuild"),
    ("human_error_accident", False, "positive", "preventable", "rebuild"),
    ("human_error_accident", True, "negative", "preventable", "rebuild"),
    ("human_error_harm", False, "neutral", "preventable", "rebuild"),
    ("organisational_misdeed", False, "positive", "preventable", "rebuild"),
    ("organisational_misdeed", True, "neutral", "preventable", "rebuild"),
    ("organisational_misdeed_injuries", False, "negative", "preventable", "rebuild"),
    ("organisational_misdeed_injuries", False, "positive", "preventable", "rebuild"),
]


@pytest.mark.parametrize(("ctype", "history", "reputation", "cluster", "strategy"), CASES)
def test_scct_guidelines(ctype, history, reputation, cluster, strategy):
    a = advise(ctype, history=history, reputation=reputation)
    assert (a.cluster, a.strategy) == (cluster, strategy)
    assert a.first == ("instructing", "adjusting")  # always first
    assert a.supplement == ("bolstering",)  # a supplement only
    assert len(a.reasoning) >= 3 and not a.warnings


def test_cases_cover_every_type():
    assert len(CASES) >= 24
    assert {c[0] for c in CASES} == set(CRISIS_TYPES)


def test_unwarranted_challenge_may_be_denied():
    assert advise("challenge", unwarranted=True).strategy == "deny"
    assert not advise("challenge", unwarranted=True, chosen="deny").warnings


@pytest.mark.parametrize(
    "ctype", ["technical_error_accident", "human_error_harm", "organisational_misdeed"]
)
def test_deny_for_accidental_or_preventable_is_warned(ctype):
    a = advise(ctype, chosen="deny")
    assert a.warnings and "deny" in a.warnings[0]


def test_deny_for_rumour_is_not_warned_and_bolstering_alone_is():
    assert not advise("rumour", chosen="deny").warnings
    assert advise("natural_disaster", chosen="bolstering").warnings


def test_reasoning_in_both_languages():
    i18n.set_language("en")
    try:
        en = advise("human_error_harm").explain()
    finally:
        i18n.set_language("id")
    idn = advise("human_error_harm").explain()
    assert "rebuild" in en and "preventable" in en
    assert "dapat dicegah" in idn


def test_bundled_episode_types_are_understood():
    truth = data.load("truth_crises")  # tests may read ground truth
    for _, row in truth.iterrows():
        assert advise(row["scct_type"]).cluster == row["scct_cluster"]


def test_aliases_and_bad_input():
    assert advise("Technical-error accident").crisis_type == "technical_error_accident"
    assert advise("rumor").crisis_type == "rumour"
    assert advise("natural_disaster", reputation="buruk").strategy == "diminish"
    with pytest.raises(LabkitError) as err:
        advise("alien invasion")
    assert "natural_disaster" in str(err.value)
    with pytest.raises(LabkitError):
        advise("rumour", reputation="great")
    with pytest.raises(LabkitError):
        advise("rumour", chosen="ignore")
