"""labkit.ingest on bad input: every failure is an ExportReadError that names the
file, the row and column where known, what is wrong and what to do, in both
languages; rows are never dropped silently."""

from __future__ import annotations

import csv
import io
import re
import shutil
import warnings
from pathlib import Path

import pytest

from labkit import ingest
from labkit.errors import ExportReadError, LabkitError, LabkitWarning

FIX = Path(__file__).parent / "fixtures" / "ingest"

# what each language's message must contain to tell the trainee what to do
FIX_WORDS = {
    "download": {"id": "Unduh ulang", "en": "Download"},
    "fix_cell": {"id": "perbaiki", "en": "fix"},
    "no_excel": {"id": "TANPA membukanya di Excel", "en": "WITHOUT opening it in Excel"},
    "split": {"id": "read_exports()", "en": "read_exports()"},
    "formats": {"id": "Format yang dikenali", "en": "Known formats"},
    "path": {"id": "Periksa nama", "en": "Check its name"},
    "dayfirst": {"id": "dayfirst=", "en": "dayfirst="},
}


def expect_error(path, key, *, file, row=None, column=None, fix, **kw) -> ExportReadError:
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(path, **kw)
    exc = info.value
    assert isinstance(exc, LabkitError)
    assert exc.key == key
    for lang in ("id", "en"):
        text = exc.message(lang)
        assert file in text, (lang, text)
        if row is not None:
            assert re.search(rf"\b{row}\b", text), (lang, text)
        if column is not None:
            assert f"'{column}'" in text, (lang, text)
        assert FIX_WORDS[fix][lang].lower() in text.lower(), (lang, text)
    return exc


def test_empty_file():
    expect_error(FIX / "bad_empty.csv", "ingest.empty_file", file="bad_empty.csv", fix="download")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "kosong.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n\r\n  \r\n")
    expect_error(path, "ingest.empty_file", file="kosong.csv", fix="download")


def test_image_renamed_csv():
    exc = expect_error(
        FIX / "bad_image.csv", "ingest.binary_file", file="bad_image.csv", fix="download"
    )
    assert "PNG" in exc.message("id") and "PNG" in exc.message("en")


def test_old_xls_renamed_csv(tmp_path):
    path = tmp_path / "ekspor.csv"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(path)
    assert info.value.key == "ingest.old_excel"
    assert ".xlsx" in info.value.message("id") and ".xlsx" in info.value.message("en")


def test_csv_that_is_no_known_export_lists_the_formats():
    exc = expect_error(
        FIX / "bad_not_export.csv",
        "ingest.unknown_format",
        file="bad_not_export.csv",
        fix="formats",
    )
    for lang in ("id", "en"):
        text = exc.message(lang)
        assert "Kegiatan" in text  # the header it saw
        assert "Facebook post export" in text and "TikTok Studio" in text
        assert "aliases.yaml" in text


def test_truncated_last_row_is_skipped_with_a_warning_naming_it():
    with pytest.warns(LabkitWarning) as rec:
        df = ingest.read_export(FIX / "bad_truncated.csv")
    assert len(df) == 3
    w = next(w.message for w in rec if w.message.key == "ingest.truncated_row")
    for lang in ("id", "en"):
        from labkit import i18n

        text = i18n.t(w.key, lang=lang, **w.params)
        assert "bad_truncated.csv" in text and re.search(r"\b5\b", text)
        assert {"id": "unduh ulang", "en": "download again"}[lang] in text
    assert df.attrs["skipped"][0]["row"] == 5
    assert "5" in ingest.report(df, lang="en").split("could not be read")[0].splitlines()[-1]


def test_broken_row_in_the_middle_raises_naming_it():
    expect_error(
        FIX / "bad_row_middle.csv",
        "ingest.bad_rows",
        file="bad_row_middle.csv",
        row=3,
        fix="download",
    )


def test_text_in_a_numeric_column():
    expect_error(
        FIX / "bad_text_in_number.csv",
        "ingest.not_a_number",
        file="bad_text_in_number.csv",
        row=3,
        column="Reactions",
        fix="fix_cell",
    )


def test_negative_count():
    exc = expect_error(
        FIX / "bad_negative.csv",
        "ingest.negative_count",
        file="bad_negative.csv",
        row=4,
        column="Comments",
        fix="fix_cell",
    )
    assert "-4" in exc.message("en")


def test_ids_turned_into_scientific_notation_by_excel():
    exc = expect_error(
        FIX / "bad_ids_lost.csv",
        "ingest.ids_lost",
        file="bad_ids_lost.csv",
        row=2,
        column="Post ID",
        fix="no_excel",
    )
    assert "1.22158E+17" in exc.message("id")


def test_ids_typed_as_numbers_in_xlsx():
    expect_error(
        FIX / "fb_posts_ids_as_numbers.xlsx",
        "ingest.ids_lost",
        file="fb_posts_ids_as_numbers.xlsx",
        row=2,
        column="Post ID",
        fix="no_excel",
    )


def test_ids_rounded_to_trailing_zeros(tmp_path):
    text = (FIX / "Nov-01-2025_Jan-31-2026_2035041197114989.csv").read_text(encoding="utf-8-sig")
    for tail in ("471234", "471301", "471377", "471402", "471455"):
        text = text.replace(f"12215846382947{tail[-4:]}", "1221584638294700")
    path = tmp_path / "rounded.csv"
    path.write_text(text, encoding="utf-8-sig")
    expect_error(
        path, "ingest.ids_lost", file="rounded.csv", row=2, column="Post ID", fix="no_excel"
    )


def test_second_header_row_in_the_middle():
    expect_error(
        FIX / "bad_two_headers.csv",
        "ingest.repeated_header",
        file="bad_two_headers.csv",
        row=4,
        fix="split",
    )


def test_folder_with_nothing_recognisable(tmp_path):
    (tmp_path / "catatan.txt").write_text("rapat humas", encoding="utf-8")
    shutil.copy(FIX / "bad_not_export.csv", tmp_path / "anggaran.csv")
    for reader in (ingest.read_export, ingest.read_exports):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LabkitWarning)
            with pytest.raises(ExportReadError) as info:
                reader(tmp_path)
        exc = info.value
        assert exc.key == "ingest.folder_nothing"
        for lang in ("id", "en"):
            text = exc.message(lang)
            assert str(tmp_path) in text and "anggaran.csv" in text
            assert FIX_WORDS["formats"][lang] in text


def test_empty_folder(tmp_path):
    with pytest.raises(ExportReadError) as info:
        ingest.read_exports(tmp_path)
    assert info.value.key == "ingest.folder_nothing"


def test_path_that_does_not_exist(tmp_path):
    missing = tmp_path / "tidak_ada.csv"
    for reader in (ingest.read_export, ingest.read_exports):
        with pytest.raises(ExportReadError) as info:
            reader(missing)
        assert info.value.key == "ingest.not_found"
        for lang in ("id", "en"):
            text = info.value.message(lang)
            assert "tidak_ada.csv" in text and FIX_WORDS["path"][lang] in text


def test_damaged_zip(tmp_path):
    path = tmp_path / "Content 2026-09-12_2026-10-01 Kanal.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(path)
    assert info.value.key == "ingest.bad_zip"
    assert path.name in info.value.message("en")


def test_damaged_xlsx(tmp_path):
    good = (FIX / "fb_posts_id.xlsx").read_bytes()
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(good[:600])
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(path)
    assert info.value.key in ("ingest.bad_xlsx", "ingest.bad_zip", "ingest.binary_file")
    assert "rusak.xlsx" in info.value.message("id")


def test_missing_required_column(tmp_path):
    lines = (FIX / "fb_posts_32cols.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].replace("publish time", "jam")
    path = tmp_path / "tanpa_waktu.csv"
    path.write_text("\n".join([header, *lines[1:]]), encoding="utf-8")
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(path)
    assert info.value.key == "ingest.missing_columns"
    for lang in ("id", "en"):
        assert "Publish time" in info.value.message(lang)
        assert "tanpa_waktu.csv" in info.value.message(lang)


def _fb_with_times(tmp_path, times: list[str], *, sep=",") -> Path:
    src = (FIX / "Nov-01-2025_Jan-31-2026_2035041197114989.csv").read_text(encoding="utf-8-sig")
    originals = ["11/10/2025 21:00", "11/13/2025 08:15", "12/01/2025 07:00", "12/24/2025 19:30"]
    originals.append("01/02/2026 06:05")
    for old, new in zip(originals, times, strict=False):
        src = src.replace(old, new)
    path = tmp_path / "waktu.csv"
    path.write_text(src, encoding="utf-8-sig")
    return path


def test_unreadable_date(tmp_path):
    path = _fb_with_times(tmp_path, ["11/10/2025 21:00", "kemarin sore"])
    expect_error(
        path,
        "ingest.bad_date",
        file="waktu.csv",
        row=3,
        column="Publish time",
        fix="download",
    )


def test_impossible_date(tmp_path):
    path = _fb_with_times(tmp_path, ["02/30/2025 21:00"])
    expect_error(
        path,
        "ingest.bad_date",
        file="waktu.csv",
        row=2,
        column="Publish time",
        fix="download",
    )


def test_dates_in_both_orders_in_one_file(tmp_path):
    path = _fb_with_times(tmp_path, ["13/10/2025 21:00", "10/14/2025 08:15"])
    exc = expect_error(
        path, "ingest.mixed_date_order", file="waktu.csv", column="Publish time", fix="download"
    )
    assert "13/10/2025" in exc.message("en") and "10/14/2025" in exc.message("en")


def test_dayfirst_contradicted_by_the_data(tmp_path):
    path = _fb_with_times(tmp_path, ["11/13/2025 21:00"])
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(path, dayfirst=True)
    assert info.value.key == "ingest.bad_date"
    assert "11/13/2025" in info.value.message("id")


def test_bad_arguments():
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(FIX / "bad_empty.csv", platform="myspace")
    assert info.value.key == "ingest.bad_platform"
    assert "facebook" in info.value.message("en")
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(FIX / "bad_empty.csv", tz="Mars/Olympus")
    assert info.value.key == "ingest.bad_tz"
    assert "Asia/Makassar" in info.value.message("id")


def test_non_utf8_text_far_into_the_file_is_still_read(tmp_path):
    """Windows-1252 bytes after the sniffed head: the reader switches, it does not fail."""
    src = (FIX / "fb_posts_32cols.csv").read_text(encoding="utf-8")
    header, *rows = list(csv.reader(io.StringIO(src)))
    rows = [r for r in rows if r]
    filler = []
    for i in range(900):
        r = list(rows[0])
        r[0] = f"9{i:017d}"
        r[4] = "Jadwal pelayanan KTP keliling"
        filler.append(r)
    last = list(rows[1])
    last[3] = "Simulasi \u201cevakuasi\u201d gempa"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *filler, last])
    path = tmp_path / "panjang.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))
    assert path.stat().st_size > 70_000
    df = ingest.read_export(path)
    assert len(df) == 901
    assert df["text"].iloc[-1] == "Simulasi \u201cevakuasi\u201d gempa"
    assert "Windows-1252" in ingest.report(df, lang="en")


def test_text_in_no_known_encoding(tmp_path):
    src = (FIX / "fb_posts_32cols.csv").read_bytes()
    path = tmp_path / "rusak_kode.csv"
    path.write_bytes(src.replace(b"Kecamatan", b"Kec\x81\x8d\x90matan"))
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(path)
    assert info.value.key == "ingest.bad_encoding"
    for lang in ("id", "en"):
        assert "rusak_kode.csv" in info.value.message(lang)
        assert "CSV UTF-8" in info.value.message(lang)


def test_no_other_exception_type_on_garbage(tmp_path):
    """Random junk in .csv files: always a LabkitError, never a pandas/csv error."""
    junk = [
        b'"unterminated,quote\n1,2\n',
        b"a;b\n1;2;3;4\n",
        b"\xff\xfe\x00",
        b"Post ID,Publish time\n",
        b",,,\n,,,\n",
        b"<html><body>Ekspor gagal</body></html>",
        b"Post ID,Page ID,Publish time,Permalink,Post type,Reactions,Comments\n"
        b"1,2,not a date,x,Photos,1,1\n",
    ]
    for i, data in enumerate(junk):
        path = tmp_path / f"junk{i}.csv"
        path.write_bytes(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LabkitWarning)
            try:
                ingest.read_export(path)
            except LabkitError:
                pass


@pytest.mark.parametrize(
    ("name", "key", "row"),
    [
        ("bad_text_in_number.csv", "ingest.not_a_number", 3),
        ("bad_ids_lost.csv", "ingest.ids_lost", 2),
        ("bad_negative.csv", "ingest.negative_count", 4),
    ],
)
def test_threaded_conversion_raises_the_same_errors(monkeypatch, name, key, row):
    from labkit.ingest import convert

    monkeypatch.setattr(convert, "PARALLEL_ROWS", 1)
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(FIX / name)
    assert info.value.key == key and info.value.params["row"] == row
