"""Tabletop scenario files: the bundled ones load; broken ones are explained with file and line."""

from __future__ import annotations

import pytest

from labkit.errors import LabkitError
from labkit.tabletop.scenario import INJECT_TYPES, load_scenario, parse_scenario, scenario_names

GOOD = """\
id: uji
title: Uji
agency_id: AG05
account: akun_uji
platforms: [instagram]
scct_type: rumour
duration: 30
briefing: Sesuatu terjadi.
injects:
  - at: 0
    type: comment
    text: Halo?
  - at: 10
    type: journalist
    source: Pers
    text: Benarkah?
    expects: [holding_statement]
    deadline: 20
"""


def test_bundled_scenarios_load_and_cover_the_three_episodes():
    names = scenario_names()
    assert names == ["ep01_antrean", "ep02_biaya_ktp", "ep03_data_bocor"]
    for name in names:
        scenario = load_scenario(name)
        assert scenario.injects[0].at == 0 and scenario.duration >= scenario.injects[-1].at
        assert {i.type for i in scenario.injects} >= {"comments", "leader"}
        assert any(i.expects for i in scenario.injects)
    assert {i.episode for n in names for i in load_scenario(n).injects if i.episode} == {
        "EP01",
        "EP02",
        "EP03",
    }


def test_a_minimal_scenario_parses_and_sorts_injects():
    text = GOOD.replace("  - at: 0\n", "  - at: 25\n")
    scenario = parse_scenario(text)
    assert [i.at for i in scenario.injects] == [10, 25]
    assert (
        scenario.injects[0].expects == ("holding_statement",) and scenario.injects[0].deadline == 20
    )
    assert scenario.injects[0].line == 13


@pytest.mark.parametrize(
    ("broken", "line", "words"),
    [
        (GOOD.replace("  - at: 10\n", "  - at: 45\n"), 13, "setelah skenario berakhir"),
        (GOOD.replace("type: journalist", "type: telepon"), 14, "telepon"),
        (GOOD.replace("    source: Pers\n", ""), 13, '"source"'),
        (GOOD.replace("title: Uji\n", ""), 1, '"title"'),
        (GOOD.replace("platforms: [instagram]", "platforms: [instagram"), 5, "YAML"),
        (GOOD.replace("scct_type: rumour", "scct_type: gosip"), 6, "gosip"),
        (GOOD.replace("[holding_statement]", "[tweet]"), 17, "tweet"),
        (GOOD.replace("    deadline: 20\n", "    tenggat: 20\n"), 13, "tenggat"),
    ],
)
def test_broken_scenarios_name_the_line_and_the_fix(broken, line, words):
    with pytest.raises(LabkitError) as err:
        parse_scenario(broken, "saya.yaml")
    message = str(err.value)
    assert "saya.yaml" in message and f"baris {line}" in message and words in message


def test_unknown_scenario_name_lists_the_available_ones(tmp_path):
    with pytest.raises(LabkitError, match="ep01_antrean"):
        load_scenario("tidak_ada")
    path = tmp_path / "milik_saya.yaml"
    path.write_text(GOOD, "utf-8")
    assert load_scenario(path).id == "uji"


def test_every_inject_type_is_documented_in_the_template():
    from importlib import resources

    template = (
        resources.files("labkit.tabletop").joinpath("scenarios", "_templat.yaml").read_text("utf-8")
    )
    assert parse_scenario(template).id == "skenario_saya"
    for kind in INJECT_TYPES:
        assert kind in template


def test_feed_brings_masked_comments_of_the_real_episode_at_scenario_minutes():
    from labkit.tabletop.feed import feed

    scenario = load_scenario("ep01_antrean")
    items = feed(scenario)
    assert items["minute"].is_monotonic_increasing
    assert items["minute"].max() <= scenario.duration
    comments = items[items["type"] == "comment"]
    assert 30 <= len(comments) <= 55  # two comments injects, limits 25 and 30
    assert comments["author"].str.startswith("warga_").all()  # masked as trainees see it
    journalist = items[items["type"] == "journalist"].iloc[0]
    assert journalist["minute"] == 15 and journalist["due"] == 60
    assert "holding_statement" in journalist["expects"]


def test_comments_injects_need_the_start_time():
    text = GOOD.replace(
        "  - at: 0\n    type: comment\n    text: Halo?\n",
        "  - at: 0\n    type: comments\n    episode: EP01\n    from: 0\n    to: 60\n    over: 10\n",
    )
    with pytest.raises(LabkitError, match="starts_at"):
        parse_scenario(text)
    assert parse_scenario("starts_at: 2026-09-02T00:56:00Z\n" + text).starts_at.hour == 0
