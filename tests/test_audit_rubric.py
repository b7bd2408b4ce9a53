"""The rubric as data: the default rubric's content and the loader's checks."""

from __future__ import annotations

import re

import pytest
import yaml

from labkit import i18n
from labkit.audit import RubricError, load_rubric
from labkit.audit.items import RULES
from labkit.audit.rubric import DEFAULT_PATH, PRINCIPLES, parse_rubric

REQUIRED_DIMENSIONS = {
    "identity",
    "inventory",
    "governance",
    "content",
    "cadence",
    "responsiveness",
    "engagement",
    "accessibility",
    "brand",
    "privacy",
    "crisis",
}


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))


def test_default_rubric_size_and_dimensions():
    r = load_rubric()
    assert len(r.items) >= 30
    assert len(r.auto_items) >= 12
    assert len(r.dimensions) >= 10
    assert {d.id for d in r.dimensions} >= REQUIRED_DIMENSIONS
    assert set(r.principles) == set(PRINCIPLES)


def test_every_item_is_complete_and_bilingual():
    r = load_rubric()
    for it in r.items:
        for field in (it.text, it.action):
            assert field["id"].strip() and field["en"].strip() and field["id"] != field["en"], it.id
        assert it.principles and set(it.principles) <= set(PRINCIPLES), it.id
        assert it.sources and all(s in r.sources for s in it.sources), it.id
        # each item names a source besides Permenpan RB 83/2012 or is one of its reconstructed duties
        assert it.weight > 0
        assert it.method in ("auto", "manual")
        if it.method == "auto":
            assert it.rule in RULES
            assert it.level == "account"
        # how it is scored, in both languages, with its thresholds
        for lang in ("id", "en"):
            assert r.how_scored(it, lang)
    # the thresholds named in the task are parameters
    inv = [it for it in r.auto_items if it.rule == "last_post"][0]
    assert inv.params == {"inactive_days": 30, "dormant_days": 90}
    assert "30" in r.how_scored(inv, "id") and "90" in r.how_scored(inv, "id")


def test_every_principle_is_served_and_items_name_other_sources():
    r = load_rubric()
    served = {p for it in r.items for p in it.principles}
    assert served == set(PRINCIPLES)
    assert sum(1 for it in r.items if set(it.sources) - {"permenpan83"}) >= len(r.items) - 2


def test_uncertainty_is_carried_and_no_article_numbers_are_invented(raw):
    r = load_rubric()
    p83 = r.sources["permenpan83"]
    assert p83.confidence == "medium-low"
    assert "belum diperiksa" in p83.note["id"] and "not checked" in p83.note["en"]
    assert "nomor pasal" in p83.note["id"].lower()
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    # no "Pasal 12" / "Psl. 3" / "article 5" anywhere
    assert not re.search(r"\b(pasal|psl\.?|article)\s*\d", text, re.IGNORECASE)
    assert r.sources["uu14_2008"].confidence == "medium"
    assert "ingatan" in r.sources["uu14_2008"].note["id"]
    # the reply-time item says no numeric target was verified
    res = [it for it in r.items if it.rule == "response_time"][0]
    assert "terverifikasi" in res.notes["id"]


def test_weights_add_up():
    r = load_rubric()
    assert sum(d.weight for d in r.dimensions) == pytest.approx(100)
    for d in r.dimensions:
        assert sum(it.weight for it in r.items if it.dimension == d.id) == pytest.approx(100)
    assert sum(r.global_weight(it) for it in r.items) == pytest.approx(100)


def test_to_frame_lists_every_item_in_both_languages():
    r = load_rubric()
    for lang in ("id", "en"):
        frame = r.to_frame(lang)
        assert len(frame) == len(r.items)
        assert frame["how_scored"].str.len().min() > 10
    assert r.to_frame("en")["method"].iloc[0] == "automatic from data"


def test_trainer_rubric_file_is_loaded(tmp_path, raw):
    mine = dict(raw)
    mine["rubric"] = "rubrik-pelatih"
    path = tmp_path / "rubrik.yaml"
    path.write_text(yaml.safe_dump(mine, allow_unicode=True), encoding="utf-8")
    assert load_rubric(path).name == "rubrik-pelatih"
    assert load_rubric(str(path)).path.endswith("rubrik.yaml")


def _broken(raw, change) -> dict:
    data = yaml.safe_load(yaml.safe_dump(raw))
    change(data)
    return data


def _item(data, item_id):
    return [it for it in data["items"] if it["id"] == item_id][0]


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        (
            lambda d: _item(d, "ID-01")["scoring"].update(rule="centang_biru"),
            "audit.rubric_unknown_rule",
            ["centang_biru", "ID-01"],
        ),
        (lambda d: d["dimensions"][0].update(weight=20), "audit.rubric_dimension_weights", ["108"]),
        (
            lambda d: _item(d, "ID-01").update(weight=30),
            "audit.rubric_item_weights",
            ["identity", "110"],
        ),
        (lambda d: _item(d, "ID-01").update(weight=0), "audit.rubric_bad_weight", ["ID-01"]),
        (
            lambda d: _item(d, "INV-01")["scoring"]["params"].update(tidur=3),
            "audit.rubric_bad_param",
            ["tidur"],
        ),
        (
            lambda d: _item(d, "INV-01")["scoring"]["params"].update(inactive_days=120),
            "audit.rubric_bad_param",
            ["inactive_days"],
        ),
        (
            lambda d: _item(d, "RES-01")["scoring"]["params"].update(full_rate=1.5),
            "audit.rubric_bad_param",
            ["full_rate"],
        ),
        (
            lambda d: _item(d, "ID-01")["basis"].update(principles=["akuntabel"]),
            "audit.rubric_unknown_principle",
            ["akuntabel"],
        ),
        (
            lambda d: _item(d, "ID-01")["basis"].update(sources=["buku_saku"]),
            "audit.rubric_unknown_source",
            ["buku_saku"],
        ),
        (lambda d: _item(d, "ID-01")["text"].pop("en"), "audit.rubric_texts", ["en"]),
        (lambda d: _item(d, "ID-02").update(id="ID-01"), "audit.rubric_duplicate_id", ["ID-01"]),
        (
            lambda d: _item(d, "ID-01").update(dimension="keuangan"),
            "audit.rubric_bad_value",
            ["keuangan"],
        ),
        (
            lambda d: _item(d, "GOV-01").update(level="provinsi"),
            "audit.rubric_bad_value",
            ["provinsi"],
        ),
        (lambda d: d.pop("items"), "audit.rubric_missing_key", ["items"]),
        (lambda d: _item(d, "ID-01").pop("action"), "audit.rubric_missing_field", ["action"]),
    ],
)
def test_bad_rubric_is_refused_with_a_clear_message(raw, change, key, words):
    with pytest.raises(RubricError) as info:
        parse_rubric(_broken(raw, change), source="rubrik_saya.yaml")
    assert info.value.key == key
    message = str(info.value)
    assert "rubrik_saya.yaml" in message
    for w in words:
        assert w in message
    # the message exists in English too
    assert info.value.message("en") != info.value.message("id")


def test_unreadable_and_missing_files(tmp_path):
    bad = tmp_path / "rusak.yaml"
    bad.write_text("rubric: [tidak ditutup\n", encoding="utf-8")
    with pytest.raises(RubricError) as info:
        load_rubric(bad)
    assert info.value.key == "audit.rubric_unreadable"
    with pytest.raises(RubricError) as info:
        load_rubric(tmp_path / "tidak_ada.yaml")
    assert info.value.key == "audit.rubric_missing_file"


def test_rubric_errors_follow_the_language(raw):
    i18n.set_language("en")
    with pytest.raises(RubricError) as info:
        parse_rubric(_broken(raw, lambda d: d["dimensions"][0].update(weight=1)), source="x.yaml")
    assert "add up to" in str(info.value)
