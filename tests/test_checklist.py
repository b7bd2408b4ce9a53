"""labkit.checklist: one model, one state set, one point scale, one answer vocabulary."""

from __future__ import annotations

import os
import time

import pandas as pd
import pytest

from labkit import checklist, values, workspace
from labkit.audit import checklist as audit_cl
from labkit.checklist import ChecklistError, ChecklistModel, parse_answer

ITEMS = [{"id": "bio", "text": "Bio", "group": "A"}, {"id": "sop", "text": "SOP", "group": "B"}]


def test_one_owner_for_the_model_the_error_and_the_scale():
    from labkit.widgets import checklist as view_module

    assert view_module.ChecklistModel is ChecklistModel
    assert view_module.ChecklistError is ChecklistError is audit_cl.ChecklistError
    assert view_module.STATES == checklist.STATES
    assert audit_cl.ANSWERS == checklist.ANSWERS == checklist.STATES[:4]
    assert audit_cl.POINTS is checklist.POINTS
    assert checklist.POINTS == {"yes": 2.0, "partial": 1.0, "no": 0.0}


def test_the_pure_module_imports_no_widgets():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(checklist))
    names = [
        n.module if isinstance(n, ast.ImportFrom) else a.name
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for a in (n.names if isinstance(n, ast.Import) else [n])
    ]
    assert not [m for m in names if m and ("ipywidgets" in m or "labkit.widgets" in m)]


@pytest.mark.parametrize(
    ("typed", "state"),
    [
        ("Ya", "yes"),
        ("sudah", "yes"),  # from labkit.values.YES_WORDS
        ("TIDAK", "no"),
        ("tidak ada", "no"),  # from labkit.values.NO_WORDS
        ("sebagian", "partial"),
        ("1", "partial"),  # points, not "1 = yes"
        ("2", "yes"),
        ("0", "no"),
        ("-", "not_applicable"),
        ("Tidak berlaku", "not_applicable"),
        ("belum", "unanswered"),
        ("", "unanswered"),
        (None, "unanswered"),
    ],
)
def test_parse_answer_builds_on_the_shared_yes_no_words(typed, state):
    assert parse_answer(typed) == state


def test_every_yes_and_no_word_is_an_answer():
    own = set(checklist.ANSWER_WORDS)
    for word in values.YES_WORDS - own:
        assert parse_answer(word) == "yes"
    for word in values.NO_WORDS - own:
        assert parse_answer(word) == "no"


def test_unknown_answer_names_the_words_to_use():
    with pytest.raises(ChecklistError, match="sebagian"):
        parse_answer("mungkin")


def test_audit_table_reads_the_same_vocabulary():
    table = pd.DataFrame(
        {
            "agency_id": ["AG1"] * 3,
            "item_id": ["GOV-01", "GOV-02", "SEC-01"],
            "answer": ["sudah", "1", "belum"],
            "account": ["@Humas_Kota", None, None],
        }
    )
    out = audit_cl.normalize(table)
    assert out["answer"].tolist()[:2] == ["yes", "partial"]
    assert pd.isna(out["answer"].iloc[2])
    assert out["account"].iloc[0] == values.normalize_handle("@Humas_Kota")


def test_stale_temporaries_are_cleaned_when_a_model_loads():
    model = ChecklistModel(ITEMS, name="uji_sisa")
    model.set("bio", "yes")
    folder = workspace.resolve(model.path).parent
    stale = folder / ".uji_sisa.json.abcd1234.tmp"
    fresh = folder / ".uji_sisa.json.efgh5678.tmp"
    stale.write_text("{")
    fresh.write_text("{")
    old = time.time() - workspace.STALE_AFTER - 60
    os.utime(stale, (old, old))
    again = ChecklistModel(ITEMS, name="uji_sisa")
    assert again.state("bio") == "yes"
    assert not stale.exists()
    assert fresh.exists()  # a save that may still be running elsewhere is left alone


def test_score_reads_as_one_line():
    model = ChecklistModel(ITEMS, name="uji_repr")
    model.set("bio", "partial")
    score = model.score()
    assert (
        repr(score)
        == score.text()
        == ("Skor: 50 dari 100 (1 dari 2 butir dinilai; 0 tidak berlaku, tidak dihitung)")
    )
    assert score._repr_html_() == f"<b>{score.text()}</b>"
