"""Triage rules (labkit.monitor.triage): labels, needs_reply and reasons."""

from __future__ import annotations

import importlib

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from labkit.errors import LabkitError
from labkit.monitor import LABELS, triage

rules = importlib.import_module("labkit.monitor.triage")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Kapan paspor saya jadi?", "question"),
        ("gmn min daftarnya", "question"),
        ("Antrean lama bangettt, kecewaaa", "complaint"),
        ("Mantap, terima kasih infonya!", "praise"),
        ("dasar pejabat goblok makan gaji buta", "troll"),
        ("katanya vaksin ada chip nya, sebarkan!", "hoax"),
        ("s l o t gacor, cek bio", "spam"),
        ("𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin hari ini", "spam"),
        ("hadir", "neutral"),
    ],
)
def test_each_label_has_a_rule(text, label):
    out = triage(pd.Series([text]))
    assert out["label"].iloc[0] == label
    assert out["needs_reply"].iloc[0] == (label in {"question", "complaint", "hoax"})
    assert out["reason"].iloc[0]  # every decision says why


def test_reason_names_the_words_that_decided():
    out = triage(pd.Series(["promo pengikut murah, cek bio"]))
    assert "(ditandai oleh: promo)" in out["reason"].iloc[0]  # the first word that matched


@pytest.mark.parametrize(
    "hostile", [None, "", "😡😡😡", "x" * 10_000, "<img src=x onerror=alert(1)>", "مرحبا 你好"]
)
def test_bad_input_gets_a_label_not_an_exception(hostile):
    out = triage(pd.Series([hostile], dtype=object))
    assert out["label"].iloc[0] in LABELS


def test_a_comments_table_keeps_its_columns_and_index():
    table = pd.DataFrame(
        {"comment_id": ["a", "b"], "text": ["kapan buka?", "mantap"]}, index=[10, 20]
    )
    out = triage(table)
    assert out.index.tolist() == [10, 20]
    assert list(out.columns[:2]) == ["comment_id", "text"]
    assert out["label"].tolist() == ["question", "praise"]


def test_errors_say_what_to_do():
    with pytest.raises(LabkitError, match="text"):
        triage(pd.DataFrame({"isi": ["halo"]}))
    with pytest.raises(LabkitError, match="rules"):
        triage(pd.Series(["halo"]), method="tebak")


def test_every_word_list_entry_is_a_valid_expression():
    for name, words in rules.word_lists().items():
        for w in words:
            assert isinstance(w, str), f"{name}: {w!r} is not text (quote it in triage.yaml)"
            pc.match_substring_regex(pa.array(["x"]), f"(?:{w})")  # raises if invalid


def test_counts_name_their_denominator():
    out = triage(pd.Series(["kapan?", "mantap", "hadir", "kapan buka?"]))
    n = rules.counts(out)
    assert n.attrs["total"] == 4
    assert n.loc["question", "n"] == 2 and n.loc["question", "share"] == 0.5
