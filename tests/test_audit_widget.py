"""The audit checklist widget: tick, see the score move, find the answers after a restart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest
from _audit_data import AS_OF, account, accounts, world

from labkit import workspace
from labkit.audit import audit, load_answers
from labkit.audit import checklist as cl
from labkit.widgets.audit import AuditChecklist

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


@pytest.fixture
def report():
    acc, p, c = world()
    return audit(acc, p, c, as_of=AS_OF)


def test_one_checklist_per_account_and_one_for_the_agency(report):
    ui = AuditChecklist(report)
    labels = [label for label, _ in ui.scope.options]
    assert len(labels) == 1 + 3
    assert labels[0].startswith("Instansi")
    assert any("@humas_kota" in x for x in labels)
    agency_items = {it.id for it in report.rubric.manual_items if it.level == "agency"}
    account_items = {it.id for it in report.rubric.manual_items if it.level == "account"}
    assert set(ui.view().state_widgets) == agency_items
    ui.scope.value = cl.scope_name("AG1", "instagram", "humas_kota")
    assert set(ui.view().state_widgets) == account_items
    assert ui.holder.children == (ui.view().widget,)
    # keyboard-usable: only standard focusable controls
    assert isinstance(ui.scope, w.Dropdown)
    assert all(isinstance(x, w.ToggleButtons) for x in ui.view().state_widgets.values())
    assert all(isinstance(x, w.Textarea) for x in ui.view().note_widgets.values())


def test_handles_that_slug_alike_keep_separate_checklist_files():
    acc = accounts(
        account("instagram", "humas.kota", unit="Humas"),
        account("instagram", "humas_kota", unit="PPID", display_name="PPID Kota Contoh"),
    )
    ui = AuditChecklist(audit(acc, as_of=AS_OF))
    names = [name for _, name in ui.scope.options]
    assert len(set(names)) == len(names) == 3
    # a handle whose slug loses nothing keeps its old file name (saved answers stay valid)
    assert cl.scope_name("AG1", "instagram", "humas_kota") == "audit_ag1_instagram_humas_kota"
    assert cl.scope_name("AG1") == "audit_ag1_instansi"
    dotted = cl.scope_name("AG1", "instagram", "humas.kota")
    assert dotted.startswith("audit_ag1_instagram_humas_kota_") and len(dotted) == 30 + 9
    ui.model("AG1", "instagram", "humas.kota").set("ID-08", state="no", note="logo lama")
    got = ui.report().items.query("item_id == 'ID-08'").set_index("account")
    assert got.loc["humas.kota", "points"] == 0.0 and got.loc["humas.kota", "note"] == "logo lama"
    assert got.loc["humas_kota", "state"] == "not_assessed"
    assert workspace.resolve(f"audit/{dotted}.json").is_file()


def test_score_and_chart_update_as_items_are_ticked(report):
    ui = AuditChecklist(report)
    before_label = ui.score_label.value
    before = ui.principle_values
    view = ui.view()
    for state in view.state_widgets.values():
        state.value = "yes"
    view.note_widgets["GOV-01"].value = "SK Kadis No. 12/2025"
    after = ui.principle_values
    assert ui.score_label.value != before_label
    assert after["profesional"] > (before["profesional"] or 0)
    rep = ui.report()
    gov = rep.items.query("item_id == 'GOV-01'").iloc[0]
    assert gov["points"] == 2.0 and gov["note"] == "SK Kadis No. 12/2025"
    # un-ticking brings the score back
    for state in view.state_widgets.values():
        state.value = "unanswered"
    assert ui.principle_values == before


def test_answers_are_saved_to_the_work_folder_at_once(report):
    ui = AuditChecklist(report)
    ui.scope.value = cl.scope_name("AG1", "x", "humaskota_x")
    ui.view().state_widgets["ID-08"].value = "no"
    ui.view().note_widgets["ID-08"].value = "logo lama 2015"
    saved = workspace.load_json(f"audit/{cl.scope_name('AG1', 'x', 'humaskota_x')}.json")
    assert saved["answers"]["ID-08"]["state"] == "no"
    assert saved["answers"]["ID-08"]["note"] == "logo lama 2015"
    # the same answers feed audit(checklist=...)
    answers = load_answers(report.accounts, report.rubric)
    row = answers.query("item_id == 'ID-08' and account == 'humaskota_x'").iloc[0]
    assert row["answer"] == "no"
    acc, p, c = world()
    again = audit(acc, p, c, as_of=AS_OF, checklist=ui)
    assert (
        again.items.query("item_id == 'ID-08' and account == 'humaskota_x'")["points"].iloc[0]
        == 0.0
    )


def test_export_button_writes_the_reports_with_the_answers(report):
    import docx

    ui = AuditChecklist(report)
    ui.view().state_widgets["GOV-01"].value = "no"
    ui.view().note_widgets["GOV-01"].value = "belum ada SOP"
    ui.export_button.click()
    exports = workspace.work_dir() / "exports"
    files = sorted(p.suffix for p in exports.iterdir())
    assert files == [".docx", ".html", ".xlsx"]
    assert "Tersimpan" in ui.status.value
    doc = docx.Document(str(next(exports.glob("*.docx"))))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any("belum ada SOP" in c for c in cells)  # the manual answer is in the findings


def test_store_answers_from_a_table_shows_in_the_widget(report):
    table = pd.DataFrame(
        {
            "agency_id": ["AG1"],
            "item_id": ["KRS-01"],
            "answer": ["sebagian"],
            "note": ["templat banjir saja"],
        }
    )
    assert cl.store_answers(table, report.accounts, report.rubric) == 1
    ui = AuditChecklist(report)
    assert ui.view().state_widgets["KRS-01"].value == "partial"
    assert ui.view().note_widgets["KRS-01"].value == "templat banjir saja"


def test_answers_survive_a_kernel_restart(report, tmp_path):
    ui = AuditChecklist(report)
    ui.view().state_widgets["GOV-02"].value = "yes"
    ui.view().note_widgets["GOV-02"].value = "SK tim 2025"
    ui.scope.value = cl.scope_name("AG1", "facebook", "humaskota")
    ui.view().state_widgets["CON-02"].value = "partial"
    ui.close()
    script = textwrap.dedent(
        """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        from _audit_data import AS_OF, world
        from labkit.audit import audit
        from labkit.widgets.audit import AuditChecklist
        acc, p, c = world()
        ui = AuditChecklist(audit(acc, p, c, as_of=AS_OF))
        gov = ui.view().state_widgets["GOV-02"].value, ui.view().note_widgets["GOV-02"].value
        ui.scope.value = "audit_ag1_facebook_humaskota"
        con = ui.view().state_widgets["CON-02"].value
        rep = ui.report()
        sel = rep.items.query("item_id == 'GOV-02' or (item_id == 'CON-02' and account == 'humaskota')")
        pts = sel.set_index("item_id")["points"].to_dict()
        print(json.dumps({"gov": gov, "con": con, "points": pts}))
        """
    )
    env = {**os.environ, "LABKIT_WORK_DIR": str(workspace.work_dir()), "MPLBACKEND": "Agg"}
    out = subprocess.run(
        [sys.executable, "-c", script, str(TESTS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["gov"] == ["yes", "SK tim 2025"]
    assert got["con"] == "partial"
    assert got["points"] == {"GOV-02": 2.0, "CON-02": 1.0}


def test_view_is_a_vbox_with_a_score_property(report):
    from labkit import widgets

    ui = widgets.audit_checklist(report)
    assert isinstance(ui, AuditChecklist) and isinstance(ui, w.VBox)
    assert widgets.checklist_widget is widgets.audit_checklist
    box = w.VBox([ui])
    assert box.children[0] is ui
    before = ui.score
    assert before.text() in ui.score_label.value
    assert repr(before) == before.text() and before.who
    ui.model("AG1").set("GOV-01", state="yes", note="SK Kadis")
    after = ui.score
    assert after.text() in ui.score_label.value
    assert after.items_scored == before.items_scored + 1
    assert after.value is not None and after._repr_html_().startswith("<b>")


def test_audit_package_imports_no_widgets():
    code = (
        "import sys, labkit.audit\n"
        "bad = [m for m in sys.modules if m.startswith(('ipywidgets', 'labkit.widgets'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_model_reads_a_typed_handle_as_the_checklist_table_does(report):
    ui = AuditChecklist(report)
    assert ui.model("AG1", "instagram", "@Humas_Kota ") is ui.model(
        "AG1", "instagram", "humas_kota"
    )


def test_store_answers_names_a_row_whose_account_is_not_in_the_inventory(report):
    table = pd.DataFrame(
        {
            "agency_id": ["AG1", "AG1"],
            "platform": ["instagram", "instagram"],
            "account": ["humas_kota", "humas_kot"],
            "item_id": ["ID-08", "ID-08"],
            "answer": ["ya", "tidak"],
        }
    )
    with pytest.raises(cl.ChecklistError) as err:
        cl.store_answers(table, report.accounts, report.rubric)
    assert err.value.key == "audit.checklist_unknown_scope" and err.value.params["row"] == 2
    assert load_answers(report.accounts, report.rubric)["answer"].isna().all()  # nothing written
