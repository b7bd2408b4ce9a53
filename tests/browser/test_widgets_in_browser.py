"""The main widgets used as a trainee uses them: mouse, keyboard, reload, kernel restart, exports."""

from __future__ import annotations

import re
import time
from pathlib import Path

NAMELESS = re.compile(
    r"^\s*- (textbox|combobox|checkbox|slider|button|spinbutton)(:|\s*$)", re.MULTILINE
)
OUTPUT = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output"


def _files(work: Path, pattern: str) -> list[Path]:
    return sorted(work.rglob(pattern))


def _contains(work: Path, text: str) -> bool:
    return any(text in p.read_text("utf-8", errors="ignore") for p in work.rglob("*.json"))


def _eventually(check, seconds: float = 15) -> bool:
    """Poll ``check()`` every half second until it is true or ``seconds`` pass; its last value."""
    deadline = time.time() + seconds
    while not check() and time.time() < deadline:
        time.sleep(0.5)
    return bool(check())


def _unnamed_controls(snapshot: str) -> list[str]:
    return [m.group(0).strip() for m in NAMELESS.finditer(snapshot)]


def test_audit_checklist_tick_type_reload_restart(lab, lab_server):
    work = lab_server[2]
    lab.open("01_audit_akun")
    lab.run_all()
    page = lab.page
    checklist = page.locator(f"{OUTPUT} .widget-vbox").first
    assert _unnamed_controls(checklist.aria_snapshot()) == []  # every control has a visible label
    evidence = "SK Tim Pengelola No. 12/2026 (uji peramban)"
    box = checklist.get_by_role("textbox", name="Bukti").nth(
        2
    )  # an item the lesson itself leaves alone
    box.click()
    page.keyboard.type(evidence)
    page.keyboard.press("Tab")  # saved when the box loses focus
    checklist.get_by_role("button", name="Sebagian").nth(2).click()
    lab.wait_kernel_idle()
    lab.shot("dicentang")
    assert _eventually(lambda: _contains(work, evidence)), (
        "the evidence was not saved to the work folder"
    )
    page.reload()
    lab.page.wait_for_selector(".jp-Notebook", timeout=60_000)
    lab.wait_kernel_idle()
    lab.restart_kernel()
    lab.run_all()
    again = page.locator(f"{OUTPUT} .widget-vbox").first.get_by_role("textbox", name="Bukti").nth(2)
    assert again.input_value() == evidence
    lab.shot("setelah_restart")
    button = page.locator(f"{OUTPUT} .widget-vbox").first.get_by_role(
        "button", name=re.compile("Ekspor laporan")
    )
    button.click()
    row = button.locator("xpath=..")
    _eventually(lambda: ".docx" in row.inner_text(), 60)  # the export audits and writes three files
    said = row.inner_text()
    import docx

    paths = [Path(p) for p in re.findall(r"(/[^\s,]+\.(?:docx|xlsx|html))", said)]
    assert {p.suffix for p in paths} == {".docx", ".xlsx", ".html"}, said
    for path in paths:
        assert path.is_file() and path.is_relative_to(work)
    docx_path = next(p for p in paths if p.suffix == ".docx")
    assert "audit" in " ".join(p.text for p in docx.Document(docx_path).paragraphs).lower()


def test_checklist_by_keyboard_alone(lab, lab_server):
    work = lab_server[2]
    lab.open("01_audit_akun")
    lab.run_all()
    page = lab.page
    checklist = page.locator(f"{OUTPUT} .widget-vbox").first
    checklist.get_by_role("textbox", name="Bukti").nth(3).focus()
    page.keyboard.press("Shift+Tab")  # back to the item's answer buttons
    page.keyboard.press("Tab")  # and forward into the evidence box again
    note = "Diisi dengan papan ketik saja"
    page.keyboard.type(note)
    page.keyboard.press("Tab")
    lab.wait_kernel_idle()
    assert _eventually(lambda: _contains(work, note))


def test_dashboard_every_selector_and_both_exports(lab, lab_server):
    work = lab_server[2]
    lab.open("02_analisis_keterlibatan")
    lab.run_all()
    page = lab.page
    dash = page.locator(f"{OUTPUT} .widget-vbox").first
    assert _unnamed_controls(dash.aria_snapshot()) == []
    chart = dash.locator("img").first
    seen = {chart.get_attribute("src")}
    for name in ("Platform", "Akun", "Ukuran", "Penyebut", "Rincian", "Instansi"):
        select = dash.get_by_role("combobox", name=name, exact=True)
        assert select.count() == 1, f"no selector named {name}"
        options = select.locator("option").all_inner_texts()
        assert len(options) >= 2, name
        select.select_option(index=1 if select.input_value() != options[1] else 0)
        lab.wait_kernel_idle()
        seen.add(chart.get_attribute("src"))
        lab.shot(f"pilih_{name}")
    for name, day in (("Dari", "2026-04-01"), ("Sampai", "2026-08-31")):
        picker = dash.locator(".widget-datepicker", has_text=name).locator("input[type=date]")
        assert picker.count() == 1, f"no date picker named {name}"
        picker.fill(day)
        picker.dispatch_event("change")
        lab.wait_kernel_idle()
        seen.add(chart.get_attribute("src"))
    # keyboard alone: focus a selector and move with the arrow key
    metric = dash.get_by_role("combobox", name="Ukuran", exact=True)
    metric.focus()
    page.keyboard.press("ArrowDown")
    lab.wait_kernel_idle()
    seen.add(chart.get_attribute("src"))
    assert len(seen) >= 5, "the chart did not change when selectors changed"
    before = set(_files(work, "*.xlsx")) | set(_files(work, "*.png"))
    for button in dash.get_by_role("button").all():
        button.click()
        lab.wait_kernel_idle()
    exported = (set(_files(work, "*.xlsx")) | set(_files(work, "*.png"))) - before
    assert any(p.suffix == ".xlsx" for p in exported) and any(p.suffix == ".png" for p in exported)
    import openpyxl

    for path in exported:
        if path.suffix == ".xlsx":
            assert openpyxl.load_workbook(path).active.max_row > 1  # it opens and holds the table
        else:
            assert path.read_bytes()[:4] == b"\x89PNG"


def test_drafter_typing_lint_versions_and_keyboard(lab, lab_server):
    lab.open("04_respons_krisis")
    lab.run_all()
    page = lab.page
    import docx

    for path in _files(lab_server[2], "*.docx"):  # every file the lesson exported opens
        assert docx.Document(path).paragraphs
    drafter = page.get_by_role("textbox", name="Draf").first
    box = drafter.locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]")
    assert _unnamed_controls(box.aria_snapshot()) == []
    original = drafter.input_value()
    # keyboard only: focus the platform selector, Tab into the draft, type
    box.get_by_role("combobox", name="Platform").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("Kami menduga ada sabotase. Pelakunya pasti orang dalam!")
    lab.wait_kernel_idle()
    time.sleep(1.0)
    text = box.inner_text()
    assert "Tidak ada temuan" not in text, "lint findings did not update while typing"
    lab.shot("temuan")
    box.get_by_role("button", name=re.compile("Simpan versi")).click()
    lab.wait_kernel_idle()
    drafter.fill("Teks sementara untuk diganti.")
    lab.wait_kernel_idle()
    versions = box.get_by_role("combobox", name="Versi")
    versions.select_option(index=0)
    box.get_by_role("button", name=re.compile("Pulihkan")).click()
    lab.wait_kernel_idle()
    assert drafter.input_value() in {
        original,
        "Kami menduga ada sabotase. Pelakunya pasti orang dalam!",
    }
    assert drafter.input_value() != "Teks sementara untuk diganti."
    lab.shot("dipulihkan")


def test_replay_sliders_and_tabletop_buttons(lab):
    page = lab.page
    lab.open("03_monitoring_isu")
    lab.run_all()
    replay = page.locator(f"{OUTPUT}", has_text="Putar ulang sampai").last
    snapshot = replay.aria_snapshot()
    # ipywidgets' sliders carry no accessible name; each has its visible label right before it
    for label in ("Metode", "Ambang (threshold)", "Komentar minimum per jam", "Putar ulang sampai"):
        assert label in snapshot
    assert [c for c in _unnamed_controls(snapshot) if not c.startswith("- slider")] == []
    summary = replay.get_by_role("paragraph").first
    before = summary.inner_text()
    replay.get_by_role("slider").first.focus()  # the threshold
    for _ in range(10):  # keyboard alone: raise the threshold
        page.keyboard.press("ArrowRight")
    lab.wait_kernel_idle()
    assert _eventually(lambda: summary.inner_text() != before), (
        "the scores did not follow the threshold"
    )
    # the word signal's checkbox, by keyboard: the chart is redrawn without it
    box = replay.get_by_role("checkbox", name="Tambah sinyal kata")
    assert box.is_checked()
    chart = replay.get_by_role("img").first
    drawn = chart.get_attribute("src")
    box.focus()
    page.keyboard.press("Space")
    lab.wait_kernel_idle()
    assert not box.is_checked()
    assert _eventually(lambda: chart.get_attribute("src") != drawn), "the chart did not follow"
    lab.shot("replay")
    lab.open("07_simulasi_krisis")
    lab.run_all()
    view = page.locator(f"{OUTPUT}", has_text="Panel pemantauan").last
    assert _unnamed_controls(view.aria_snapshot()) == []
    header = view.locator("h3").first.locator("xpath=..")
    minute_before = header.inner_text()
    view.get_by_role("button", name=re.compile("Maju 5 menit")).click()
    lab.wait_kernel_idle()
    assert _eventually(lambda: header.inner_text() != minute_before)
    lab.shot("tabletop")
