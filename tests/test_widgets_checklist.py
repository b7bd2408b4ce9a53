"""Tests of labkit.checklist (the pure model, autosave/reload) and its view labkit.widgets.checklist."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ipywidgets as w
import openpyxl
import pandas as pd
import pytest

from labkit import i18n, workspace
from labkit.checklist import (
    STATES,
    ChecklistError,
    ChecklistModel,
    Item,
    Score,
    default_score,
)
from labkit.errors import LabkitWarning
from labkit.widgets.checklist import ChecklistView

ITEMS = [
    {"id": "bio", "text": "Bio menyebut nama instansi <resmi>", "group": "Identitas"},
    {"id": "link", "text": "Ada tautan ke situs .go.id", "group": "Identitas", "weight": 3},
    {"id": "sop", "text": "Ada SOP tertulis", "group": "Tata kelola", "help": "Minta dokumennya"},
    {"id": "2fa", "text": "Verifikasi dua langkah aktif", "group": "Tata kelola"},
]


def _model(**kw) -> ChecklistModel:
    return ChecklistModel(ITEMS, name="uji_identitas", **kw)


def _saved(model: ChecklistModel) -> dict:
    return json.loads(workspace.resolve(model.path).read_text(encoding="utf-8"))


# ---------------------------------------------------------------- model


def test_new_model_is_unanswered_and_scores_nothing():
    model = _model()
    frame = model.to_frame()
    assert list(frame.columns) == ["id", "group", "text", "weight", "state", "note", "updated_at"]
    assert frame["state"].tolist() == ["unanswered"] * 4
    score = model.score()
    assert score.value is None and score.answered == 0 and score.total == 4
    assert score.text() == "Skor: belum ada (0 dari 4 butir dinilai)"
    assert not workspace.resolve(model.path).exists()  # nothing written before a change


def test_default_score_is_weighted_and_leaves_na_out_of_the_denominator():
    model = _model()
    model.set("bio", "yes")  # weight 1 -> 1
    model.set("link", "partial")  # weight 3 -> 1.5
    model.set("sop", "no")  # weight 1 -> 0
    model.set("2fa", "not_applicable")
    score = model.score()
    assert score.points == pytest.approx(2.5)
    assert score.max_points == pytest.approx(5.0)
    assert score.value == pytest.approx(50.0)
    assert score.by_group == {"Identitas": pytest.approx(62.5), "Tata kelola": pytest.approx(0.0)}
    assert (score.answered, score.not_applicable, score.unanswered) == (3, 1, 0)
    assert score.text() == (
        "Skor: 50 dari 100 (3 dari 4 butir dinilai; 1 tidak berlaku, tidak dihitung)"
    )
    i18n.set_language("en")
    assert score.text().startswith("Score: 50 out of 100 (3 of 4 items judged")


def test_every_change_is_saved_atomically_with_note_and_time():
    model = _model()
    model.set("sop", "yes", note="SK Kadis No. 12/2024, map arsip humas")
    saved = _saved(model)
    assert saved["checklist"] == "uji_identitas"
    assert saved["answers"]["sop"]["state"] == "yes"
    assert saved["answers"]["sop"]["note"] == "SK Kadis No. 12/2024, map arsip humas"
    assert saved["answers"]["sop"]["updated_at"]
    assert saved["answers"]["bio"]["state"] == "unanswered"
    folder = workspace.resolve(model.path).parent
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_reload_on_construction_and_orphans_are_kept():
    first = _model()
    first.set("bio", "partial", note="logo lama")
    # the definition changes: 'bio' is dropped, a new item comes in
    changed = ChecklistModel([ITEMS[1], {"id": "baru", "text": "Butir baru"}], name="uji_identitas")
    assert changed.state("baru") == "unanswered"
    changed.set("link", "yes")
    saved = _saved(changed)
    assert saved["answers"]["bio"]["note"] == "logo lama"  # not lost
    again = _model()
    assert (again.state("bio"), again.note("bio"), again.state("link")) == (
        "partial",
        "logo lama",
        "yes",
    )


def test_custom_scorer_callback():
    def strict(frame: pd.DataFrame) -> float | None:
        judged = frame[frame["state"].isin(["yes", "partial", "no"])]
        return None if judged.empty else 100.0 * (judged["state"] == "yes").mean()

    model = _model(scorer=strict)
    assert model.score().value is None
    model.set("bio", "yes")
    model.set("link", "partial")
    score = model.score()
    assert isinstance(score, Score)
    assert score.value == pytest.approx(50.0)  # partial earns nothing here
    assert score.answered == 2


def test_observers_and_reset():
    model = _model()
    seen: list[str] = []
    model.observe(lambda m, item_id: seen.append(f"{item_id}:{m.state(item_id)}"))
    model.set("bio", "yes")
    model.set("bio", "yes")  # no change, no notification
    model.reset()
    assert seen == ["bio:yes", "bio:unanswered"]
    assert _saved(model)["answers"]["bio"]["state"] == "unanswered"


def test_autosave_off_writes_only_on_save():
    model = _model(autosave=False)
    model.set("bio", "yes")
    assert not workspace.resolve(model.path).exists()
    model.save()
    assert _saved(model)["answers"]["bio"]["state"] == "yes"


@pytest.mark.parametrize(
    ("items", "match"),
    [
        ([], "tidak berisi butir"),
        ([{"id": "a", "text": "x"}, {"id": "a", "text": "y"}], "lebih dari sekali"),
        ([{"text": "tanpa id"}], "Butir ke-1"),
        ([{"id": "a", "text": "x", "weight": 0}], "Bobot butir 'a'"),
        ([{"id": "a", "text": "x", "weight": "berat"}], "Bobot butir 'a' adalah berat"),
        ([42], "Butir ke-1"),
    ],
)
def test_bad_definitions_are_clear_errors(items, match):
    with pytest.raises(ChecklistError, match=match):
        ChecklistModel(items, name="salah")


def test_bad_calls_are_clear_errors():
    model = _model()
    with pytest.raises(ChecklistError, match="Tidak ada butir dengan id 'x'"):
        model.set("x", "yes")
    with pytest.raises(ChecklistError, match="tidak dikenal"):
        model.set("bio", "mungkin")


def test_unknown_saved_state_warns_and_keeps_the_note():
    workspace.save_json(
        "audit/uji_identitas.json",
        {"answers": {"bio": {"state": "maybe", "note": "catatan penting"}}},
    )
    with pytest.warns(LabkitWarning, match="maybe"):
        model = _model()
    assert model.state("bio") == "unanswered"
    assert model.note("bio") == "catatan penting"


def test_items_from_objects_pairs_and_frame():
    a = ChecklistModel([Item("a", "A"), ("b", "B")], name="campur")
    assert [i.id for i in a.items] == ["a", "b"]
    b = ChecklistModel(pd.DataFrame(ITEMS), name="dari_tabel")
    assert b.item("link").weight == 3.0 and b.item("sop").help == "Minta dokumennya"
    assert default_score(b.to_frame()).total == 4


def test_to_xlsx_for_leaders():
    model = _model()
    model.set("bio", "yes", note='=HYPERLINK("http://x")')
    path = model.to_xlsx()
    assert path == workspace.work_dir() / "exports" / "uji_identitas.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Daftar periksa"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Kelompok", "Butir", "Penilaian", "Bukti / catatan"]
    assert ws["C2"].value == "Ya" and ws["C3"].value == "Belum"
    assert ws["D2"].value == '\'=HYPERLINK("http://x")' and ws["D2"].data_type == "s"
    assert wb["Skor"]["B2"].value == 100


# ---------------------------------------------------------------- view


def test_view_builds_keyboard_usable_widgets_in_item_order():
    view = ChecklistView(_model(), title="Audit identitas")
    assert list(view.state_widgets) == ["bio", "link", "sop", "2fa"]
    toggle = view.state_widgets["bio"]
    assert isinstance(toggle, w.ToggleButtons)
    assert [label for label, _ in toggle.options] == [
        "Ya",
        "Sebagian",
        "Tidak",
        "Tidak berlaku",
        "Belum",
    ]
    assert [v for _, v in toggle.options] == list(STATES)
    assert isinstance(view.note_widgets["bio"], w.Textarea)
    # the item text is escaped, not rendered as HTML
    html_texts = [c.value for c in _walk(view.widget) if isinstance(c, w.HTML)]
    assert any("&lt;resmi&gt;" in t for t in html_texts)
    assert not any("<resmi>" in t for t in html_texts)
    # controls appear in item order (Tab follows the document order)
    controls = [c for c in _walk(view.widget) if isinstance(c, w.ToggleButtons | w.Textarea)]
    expected = []
    for item_id in ["bio", "link", "sop", "2fa"]:
        expected += [view.state_widgets[item_id], view.note_widgets[item_id]]
    assert controls == expected


def test_note_is_saved_on_blur_not_on_every_keystroke():
    # each saved note rebuilds the score (and an audit report listening to the model):
    # the browser sends the note when the box loses focus or on Enter, not per keystroke
    model = _model()
    view = ChecklistView(model)
    assert all(note.continuous_update is False for note in view.note_widgets.values())
    view.note_widgets["sop"].value = "SOP draf"  # what the browser sends on blur
    assert model.note("sop") == "SOP draf" and _saved(model)["answers"]["sop"]["note"] == "SOP draf"


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_ticking_updates_model_file_score_and_bars():
    model = _model()
    view = ChecklistView(model)
    assert view.score_label.value == "<b>Skor: belum ada (0 dari 4 butir dinilai)</b>"
    view.state_widgets["bio"].value = "yes"
    view.state_widgets["link"].value = "no"
    view.note_widgets["link"].value = "tautan ke situs lama (mati)"
    assert model.state("bio") == "yes" and model.state("link") == "no"
    assert model.note("link") == "tautan ke situs lama (mati)"
    saved = _saved(model)
    assert saved["answers"]["link"] == {
        "text": ITEMS[1]["text"],
        "state": "no",
        "note": "tautan ke situs lama (mati)",
        "updated_at": saved["answers"]["link"]["updated_at"],
    }
    assert "Skor: 25 dari 100 (2 dari 4 butir dinilai" in view.score_label.value
    assert view.bars["Identitas"].value == pytest.approx(25.0)
    assert view.bar_labels["Identitas"].value == "25%"
    assert view.bars["Tata kelola"].value == 0.0 and view.bar_labels["Tata kelola"].value == "-"
    view.state_widgets["sop"].value = "not_applicable"
    assert "1 tidak berlaku" in view.score_label.value


def test_model_changes_show_in_every_view():
    model = _model()
    a, b = ChecklistView(model), ChecklistView(model, control="dropdown")
    assert isinstance(b.state_widgets["bio"], w.Dropdown)
    a.state_widgets["sop"].value = "partial"
    assert b.state_widgets["sop"].value == "partial"
    model.set("2fa", "yes", note="aktif sejak Mei")
    assert a.state_widgets["2fa"].value == "yes"
    assert b.note_widgets["2fa"].value == "aktif sejak Mei"
    b.close()
    model.set("2fa", "no")
    assert a.state_widgets["2fa"].value == "no"


def test_view_starts_from_saved_state():
    _model().set("link", "partial", note="hanya di Instagram")
    view = ChecklistView(_model())
    assert view.state_widgets["link"].value == "partial"
    assert view.note_widgets["link"].value == "hanya di Instagram"
    assert "1 dari 4 butir dinilai" in view.score_label.value


def test_export_button_click_writes_excel():
    view = ChecklistView(_model())
    view.state_widgets["bio"].value = "yes"
    view.export_button.click()
    path = workspace.work_dir() / "exports" / "uji_identitas.xlsx"
    assert path.exists()
    assert str(path) in view.status.value
    assert openpyxl.load_workbook(path)["Daftar periksa"]["C2"].value == "Ya"


def test_view_labels_in_english():
    i18n.set_language("en")
    view = ChecklistView(_model())
    labels = [label for label, _ in view.state_widgets["bio"].options]
    assert labels == ["Yes", "Partly", "No", "Not applicable", "Not yet"]
    assert view.export_button.description == "Save as Excel"


def test_saved_state_survives_a_fresh_process():
    model = _model()
    view = ChecklistView(model)
    view.state_widgets["sop"].value = "yes"
    view.note_widgets["sop"].value = "SOP 2024 ada di map humas"
    view.state_widgets["2fa"].value = "not_applicable"
    code = (
        "import json, sys\n"
        "from labkit.checklist import ChecklistModel\n"
        f"m = ChecklistModel({ITEMS!r}, name='uji_identitas')\n"
        "f = m.to_frame()\n"
        "print(json.dumps({'states': dict(zip(f['id'], f['state'])),"
        " 'note': m.note('sop'), 'score': m.score().value}))\n"
    )
    env = {**os.environ, "LABKIT_WORK_DIR": str(workspace.work_dir())}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["states"] == {
        "bio": "unanswered",
        "link": "unanswered",
        "sop": "yes",
        "2fa": "not_applicable",
    }
    assert got["note"] == "SOP 2024 ada di map humas"
    assert got["score"] == pytest.approx(100.0)


def test_view_is_a_vbox_that_sits_in_a_tab_and_shows_its_score():
    model = _model()
    view = ChecklistView(model)
    assert isinstance(view, w.VBox) and view.widget is view
    tab = w.Tab(children=[view])
    box = w.VBox([view])
    assert tab.children[0] is view and box.children[0] is view
    assert view.score.value is None
    view.state_widgets["bio"].value = "yes"
    assert view.score.value == pytest.approx(100.0)
    assert view.score.text() in view.score_label.value
    view.close()
