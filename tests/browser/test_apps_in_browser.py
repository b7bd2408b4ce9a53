"""App pages (Voilà): the checklist, the dashboard and the drafter open with no code and work."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from labdriver import _free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    """Voilà serving notebooks/aplikasi on 127.0.0.1 with an empty work folder; yields (url, work)."""
    work = tmp_path_factory.mktemp("voila-kerja")
    port = _free_port()
    env = {**os.environ, "LABKIT_WORK_DIR": str(work), "MPLBACKEND": "Agg", "LABKIT_LANG": "id"}
    process = subprocess.Popen(
        [sys.executable, "-m", "voila", str(ROOT / "notebooks" / "aplikasi"), "--no-browser",
         f"--port={port}", "--Voila.ip=127.0.0.1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.5)
    yield url, work
    process.terminate()
    process.wait()


def _open(browser, url: str):
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.goto(url, timeout=180_000)
    page.wait_for_selector(".widget-vbox", timeout=180_000)
    return context, page


def _eventually(check, seconds: float = 20) -> bool:
    deadline = time.time() + seconds
    while not check() and time.time() < deadline:
        time.sleep(0.5)
    return bool(check())


def _saved(work: Path, pattern: str, text: str) -> bool:
    return any(text in p.read_text("utf-8", "ignore") for p in work.rglob(pattern))


def test_the_audit_checklist_app_shows_no_code_and_saves(browser, voila):
    url, work = voila
    context, page = _open(browser, f"{url}/voila/render/daftar_periksa_audit.ipynb")
    try:
        assert page.get_by_role("heading", name="Daftar periksa audit akun").is_visible()
        assert page.locator(".jp-InputArea, .cm-editor, .CodeMirror").count() == 0  # no code shown
        assert "apps.audit_checklist_app" not in page.content()
        evidence = "SK Tim Pengelola No. 7/2026 (uji aplikasi)"
        box = page.get_by_role("textbox", name="Bukti").first
        box.click()
        page.keyboard.type(evidence)
        page.keyboard.press("Tab")
        page.get_by_role("button", name="Sebagian").first.click()
        assert _eventually(lambda: _saved(work, "*.json", evidence)), "the app page did not save"
    finally:
        context.close()


def test_the_dashboard_and_drafter_apps_open_and_answer(browser, voila):
    url, work = voila
    context, page = _open(browser, f"{url}/voila/render/dasbor_keterlibatan.ipynb")
    try:
        assert page.get_by_role("heading", name="Dasbor keterlibatan").is_visible()
        assert page.locator(".jp-InputArea, .cm-editor").count() == 0
        assert page.locator("img").count() >= 1  # the chart
    finally:
        context.close()
    context, page = _open(browser, f"{url}/voila/render/penyusun_draf.ipynb")
    try:
        assert page.get_by_role("heading", name="Penyusun pernyataan krisis").is_visible()
        text = page.locator("textarea").first
        text.click()
        page.keyboard.type("Hubungi 0812-3456-7890 untuk info. Kami mohon maaf.")
        page.keyboard.press("Tab")
        assert _eventually(lambda: _saved(work, "drafts/*.json", "mohon maaf")), (
            "the draft was not saved"
        )
    finally:
        context.close()
