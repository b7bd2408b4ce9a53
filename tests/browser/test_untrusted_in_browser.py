"""Hostile texts rendered in JupyterLab and in an opened HTML export: no payload runs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import yaml

from labkit import export

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile_texts.yaml"


def _texts() -> list[str]:
    return [t for group in yaml.safe_load(FIXTURE.read_text("utf-8")).values() for t in group]


def test_hostile_texts_in_widgets_and_tables_run_nothing(lab, lab_server):
    root = lab_server[3]
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import yaml, pandas as pd\n"
            "import labkit\n"
            "from labkit.widgets.drafter import DrafterView\n"
            "from labkit.widgets.tabletop import TabletopView\n"
            "labkit.start()\n"
            f"teks = [t for g in yaml.safe_load(open({str(FIXTURE)!r}, encoding='utf-8')).values() for t in g]"
        ),
        nbformat.v4.new_code_cell("DrafterView('hostil', claim='\\n'.join(teks), debounce=None)"),
        nbformat.v4.new_code_cell("pd.DataFrame({'author': teks, 'text': teks})"),
        nbformat.v4.new_code_cell("print('\\n'.join(teks))"),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nbformat.write(nb, root / "notebooks" / "uji_hostil.ipynb")
    lab.open("uji_hostil")
    lab.run_all()
    lab.shot("teks_hostil")
    assert lab.error_outputs() == []
    assert lab.page.evaluate("() => window.__pwned === undefined")
    panel = lab.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").inner_text()
    assert (
        "<script>window.__pwned=1</script>" in panel
    )  # shown as text, in the widget and the output


def test_an_opened_html_export_runs_nothing(lab, lab_server):
    url, token, _work, root = lab_server
    texts = _texts()
    doc = export.Document("Laporan uji")
    for text in texts:
        doc.paragraph(text)
    doc.table(pd.DataFrame({"akun": texts, "komentar": texts}))
    doc.to_html(root / "laporan_hostil.html")
    lab.page.goto(f"{url}/files/laporan_hostil.html?token={token}", wait_until="load")
    lab.page.wait_for_timeout(1000)
    lab.shot("ekspor_html")
    assert lab.page.evaluate("() => window.__pwned === undefined")
    assert "<script>window.__pwned=1</script>" in lab.page.inner_text("body")  # shown as text
