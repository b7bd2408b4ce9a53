"""The draft model: templates, autosave with debounce, versions, restore, exports, kill during save."""

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import docx
import pytest

from labkit import workspace
from labkit.crisis import Draft, render, template_fields, template_names
from labkit.errors import LabkitError


@pytest.fixture
def work(tmp_path):
    workspace.set_work_dir(tmp_path)
    yield tmp_path
    workspace.set_work_dir(None)


FIELDS = {
    "waktu": "Senin, 3 Maret 2025 pukul 06.40 WIB",
    "lokasi": "Kota Sukamaju",
    "fakta": "banjir",
    "empati": "Kami turut prihatin.",
    "tindakan": "Tim BPBD sedang mengevakuasi warga.",
    "imbauan": "Hindari Jl. Merdeka.",
    "kontak": "112",
    "pembaruan": "pukul 10.00 WIB",
}


def test_every_template_renders_and_names_missing_fields():
    assert set(template_names()) == {
        "holding",
        "clarification",
        "apology",
        "update",
        "press_release",
    }
    text = render("holding", FIELDS)
    assert "Kota Sukamaju" in text and "{" not in text
    with pytest.raises(LabkitError) as err:
        render("holding", {**FIELDS, "kontak": "", "lokasi": " "})
    assert "kontak" in str(err.value) and "lokasi" in str(err.value)
    for name in template_names():
        filled = render(name, {f: "x" for f in template_fields(name)}, lang="en")
        assert "{" not in filled
    with pytest.raises(LabkitError):
        render("tweet", {})


def test_filled_holding_template_lints_clean(work):
    d = Draft("banjir", template="holding", kind="holding", platform="instagram", debounce=None)
    for k, v in FIELDS.items():
        d.set_field(k, v)
    assert d.text and d.findings == []
    assert d.missing_fields() == []


def test_autosave_is_debounced(work):
    d = Draft("debounce", debounce=0.3)
    d.text = "Kami prihatin"
    d.text = "Kami prihatin atas banjir"
    assert not (work / "drafts" / "debounce.json").exists()  # nothing until a pause
    time.sleep(0.8)
    saved = json.loads((work / "drafts" / "debounce.json").read_text())
    assert saved["text"] == "Kami prihatin atas banjir"
    assert [v["text"] for v in saved["versions"]] == [
        "Kami prihatin atas banjir"
    ]  # a version on a pause


def test_versions_and_restore_survive_reopen(work):
    d = Draft("versi", debounce=0)
    d.text = "satu"
    d.save_version("pertama")
    d.text = "dua"
    d.save_version("kedua")
    d.text = "tiga"
    again = Draft.open("versi")
    assert again.text == "tiga"
    labels = [v.label for v in again.versions]
    assert "pertama" in labels and "kedua" in labels
    first = next(v for v in again.versions if v.label == "pertama")
    assert again.restore(first.number) == "satu"
    assert Draft.open("versi").text == "satu"
    assert any(v.text == "tiga" for v in Draft.open("versi").versions)  # nothing lost by restoring
    with pytest.raises(LabkitError):
        again.restore(999)


def test_exports(work):
    d = Draft(
        "siaran", kind="press_release", platform=None, template="press_release", debounce=None
    )
    fields = {
        "instansi": "Pemerintah Kota Sukamaju",
        "nomor": "045/HUMAS/III/2025",
        "judul": "Bantuan Banjir <b>Disalurkan</b>",
        "tempat": "Sukamaju",
        "tanggal": "5 Maret 2025",
        "isi": "Bantuan disalurkan hari ini.",
        "narahubung": "021-555-0100",
    }
    for k, v in fields.items():
        d.set_field(k, v)
    path = d.export_docx()
    text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    assert "Pemerintah Kota Sukamaju" in text and "045/HUMAS/III/2025" in text
    assert "<b>Disalurkan</b>" in text  # literal, not interpreted
    assert d.export_text("facebook").startswith("SIARAN PERS")
    d.text = "a" * 300
    with pytest.raises(LabkitError) as err:
        d.export_text("x")
    assert "280" in str(err.value)


def test_bad_input(work):
    with pytest.raises(LabkitError):
        Draft("x", platform="myspace")
    with pytest.raises(LabkitError):
        Draft("x", kind="tweet")
    with pytest.raises(LabkitError):
        Draft("///")


CHILD = textwrap.dedent(
    """
    import sys
    from labkit import workspace
    from labkit.crisis import Draft
    workspace.set_work_dir(sys.argv[1])
    d = Draft.open("kill", debounce=None)
    n = len(d.versions)
    while True:
        n += 1
        d.text = f"versi {n} " + ("isi draf " * 20000)
        d.save_version(f"v{n}")
        print(n, flush=True)
    """
)
FRESH = textwrap.dedent(
    """
    import sys, json
    from labkit import workspace
    from labkit.crisis import Draft
    workspace.set_work_dir(sys.argv[1])
    d = Draft.open("kill")
    v = d.versions[-1]
    assert d.text == v.text and v.text.startswith(f"versi {v.number} "), (v.number, d.text[:20])
    print(v.number)
    """
)


def test_kill_during_save_keeps_the_previous_version(tmp_path):
    rng = random.Random(4)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    last = 0
    for _ in range(25):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env
        )
        first = child.stdout.readline()  # at least one save in this run
        assert first.strip(), "child did not start saving"
        time.sleep(rng.uniform(0, 0.15))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        out = subprocess.run(
            [sys.executable, "-c", FRESH, str(tmp_path)], capture_output=True, text=True, env=env
        )
        assert out.returncode == 0, out.stderr
        number = int(out.stdout)
        assert number >= last + 1  # the previous saves are all there
        last = number
    leftovers = list((tmp_path / "drafts").glob(".*.tmp"))
    assert len(leftovers) <= 25  # temp files of killed writes never replace the draft


def test_editing_a_field_keeps_the_hand_edited_text_as_a_version(work):
    d = Draft("isi", template="holding", kind="holding", platform=None, debounce=30)
    for k, v in FIELDS.items():
        d.set_field(k, v)
    edited = d.text + "\nKalimat yang diketik sendiri oleh peserta."
    d.text = edited  # typed by hand, then a field is corrected before any pause
    d.set_field("lokasi", "Kota Sukamaju Barat")
    assert "Sukamaju Barat" in d.text and edited != d.text
    assert any(v.text == edited for v in d.versions)  # the typed sentence is not lost
    versions = len(d.versions)
    d.set_field("lokasi", "Kota Sukamaju Timur")  # re-rendering its own text keeps no version
    assert len(d.versions) == versions
    d.flush()


def test_many_typing_pauses_never_push_out_a_named_version(work, monkeypatch):
    from labkit.crisis import draft as draft_module

    monkeypatch.setattr(draft_module, "MAX_VERSIONS", 5)
    d = Draft("banyak", debounce=0)
    d.text = "untuk pimpinan"
    named = d.save_version("untuk pimpinan")
    for i in range(20):  # every pause while typing keeps an automatic version
        d.text = f"ketikan {i}"
    kept = Draft.open("banyak").versions
    assert len(kept) == 5
    assert named.number in [v.number for v in kept]
    assert kept[-1].text == "ketikan 19"
