"""The drafting widget driven in plain pytest: type, lint, autosave, reload, restore, export."""

import docx
import pytest

from labkit import workspace
from labkit.widgets.drafter import DrafterView

GOOD = (
    "Senin, 3 Maret 2025 pukul 06.40 WIB banjir merendam 4 kelurahan di Kota Sukamaju. Kami prihatin. "
    "Tim BPBD sedang mengevakuasi warga; hindari Jl. Merdeka. Darurat: 112. Informasi berikutnya pukul 10.00 WIB."
)


@pytest.fixture
def work(tmp_path):
    workspace.set_work_dir(tmp_path)
    yield tmp_path
    workspace.set_work_dir(None)


def test_type_lint_autosave_reload_restore_export(work):
    v = DrafterView(
        "banjir", kind="holding", platform="x", crisis_type="natural_disaster", debounce=0
    )
    v.editor.value = "Banjir."
    assert {"missing_empathy", "missing_contact"} <= {f.code for f in v.findings}
    assert "missing_empathy" in v.findings_html.value
    v.editor.value = GOOD
    assert v.findings == [] and "Tidak ada temuan" in v.findings_html.value
    assert v.counter.value.endswith(f"{v.draft.count()} / 280</span>")
    assert "instructing_adjusting" in v.advice_html.value
    v.save_button.click()
    again = DrafterView("banjir", debounce=0)  # a kernel restart: a new view reads the saved draft
    assert again.text == GOOD and again.editor.value == GOOD
    again.text = "diubah"
    first = again.draft.versions[0].number
    again.version_choice.value = first
    again.restore_button.click()
    assert again.text == again.draft.versions[0].text
    path = again.export_docx()
    assert again.text in "\n".join(p.text for p in docx.Document(path).paragraphs)
    assert again.export_text("instagram").strip() == again.text.strip()


def test_template_fields_fill_the_editor(work):
    v = DrafterView("tpl", debounce=None)
    v.template_choice.value = "apology"
    assert v.kind_choice.value == "apology"
    for name, box in v.field_inputs.items():
        box.value = f"isi {name}"
    assert "isi instansi" in v.editor.value


def test_text_from_data_is_inert(work):
    v = DrafterView("xss", claim="<script>alert(1)</script><b>viral</b>", debounce=None)
    v.text = "<img src=x onerror=alert(1)>"
    assert "<script>" not in v.claim_html.value and "&lt;script&gt;" in v.claim_html.value
    assert "<img" not in v.preview.value and "&lt;img" in v.preview.value


def test_counter_counts_as_platform_counts(work):
    v = DrafterView("emoji", platform="x", debounce=None)
    v.text = "😀中"
    assert "4 / 280" in v.counter.value
    v.platform_choice.value = "instagram"
    assert "2 / 2200" in v.counter.value
    v.platform_choice.value = "whatsapp"
    assert "belum terverifikasi" in v.counter.value


def test_restore_shows_the_restored_fields(work):
    v = DrafterView("tpl-restore", debounce=None)
    v.template_choice.value = "apology"
    for name, box in v.field_inputs.items():
        box.value = f"lama {name}"
    first = v.save_version("pertama")
    for name, box in v.field_inputs.items():
        box.value = f"baru {name}"
    v.restore(first.number)
    assert {n: b.value for n, b in v.field_inputs.items()} == v.draft.fields
    assert all(b.value.startswith("lama ") for b in v.field_inputs.values())
