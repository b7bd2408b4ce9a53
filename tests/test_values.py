"""One grammar per value, one coercion gate: labkit.values and schema.conform.

The same table of examples is read by every reader of counts (the scalar
grammar, its Arrow form, the importers, the coercion gate and the templates),
and a bad cell is named by the same row through every entry point.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from labkit import i18n, ingest, schema, values
from labkit.audit.engine import prepare_accounts
from labkit.audit.rubric import load_rubric
from labkit.errors import ExportReadError, SchemaError
from labkit.ingest import inventory as inv
from labkit.ingest.parse import Where, parse_counts

FIX = Path(__file__).parent / "fixtures" / "ingest"

# ---------------------------------------------------------------------- the count grammar

#: (text, count) read the same by every reader of counts
COUNTS = [
    ("0", 0),
    ("12400", 12400),
    ("12,400", 12400),
    ("12.400", 12400),
    ("12 400", 12400),
    ("12\u00a0400", 12400),
    ("1,234,567", 1234567),
    ("1.234.567", 1234567),
    ("12400.00", 12400),
    ("12.400,00", 12400),
    ("12,400.00", 12400),
    ("12400,0", 12400),
    (" 77 ", 77),
    ("12,4 rb", 12400),
    ("12,4rb", 12400),
    ("12 ribu", 12000),
    ("1.2K", 1200),
    ("1,2k", 1200),
    ("3 jt", 3000000),
    ("2,5 juta", 2500000),
    ("1.5M", 1500000),
    ("７５", 75),  # full-width digits (NFKC)
]
#: (text, fix key) refused by every reader
NOT_COUNTS = [
    ("1,23", "values.fix_count"),
    ("12,3456", "values.fix_count"),
    ("1.5", "values.fix_count"),
    ("1,234.5", "values.fix_count"),
    ("12 34", "values.fix_count"),
    ("1.2.3", "values.fix_count"),
    ("1.234,567", "values.fix_count"),
    ("0x10", "values.fix_count"),
    ("1e5", "values.fix_count"),
    ("banyak", "values.fix_count"),
    ("rb", "values.fix_count"),
    ("-4", "values.fix_negative_count"),
    ("-1,234", "values.fix_negative_count"),
    ("99999999999999999999", "values.fix_count_too_large"),
]
INGEST_KEYS = {
    "values.fix_count": "ingest.not_a_number",
    "values.fix_negative_count": "ingest.negative_count",
    "values.fix_count_too_large": "ingest.count_too_large",
}


@pytest.mark.parametrize(("text", "want"), COUNTS)
def test_every_reader_reads_a_count_the_same(text, want):
    assert values.parse_count(text) == want
    assert values.count_array(pa.array(["5", text])).to_pylist() == [5, want]
    assert parse_counts(pa.array([text]), Where("f.csv", "Reach")).to_pylist() == [want]
    assert values.parse_counts(pd.Series(["5", text, None])).tolist() == [5, want, pd.NA]
    acc = _accounts(followers=["5", text, None])
    assert schema.conform(acc, "accounts")["followers"].tolist() == [5, want, pd.NA]


@pytest.mark.parametrize(("text", "fix"), NOT_COUNTS)
def test_every_reader_refuses_the_same_text_and_names_the_row(text, fix):
    with pytest.raises(values.ValueParseError) as info:
        values.parse_count(text)
    assert info.value.fix == fix
    with pytest.raises(values.ValueParseError) as info:
        values.count_array(pa.array(["5", "6", text]))
    assert (info.value.fix, info.value.index) == (fix, 2)
    with pytest.raises(ExportReadError) as info:
        parse_counts(pa.array(["5", "6", text]), Where("f.csv", "Reach"))
    assert info.value.key == INGEST_KEYS[fix] and info.value.params["row"] == 4  # header: row 1
    with pytest.raises(SchemaError) as info:
        schema.conform(_accounts(followers=["5", "6", text]), "accounts")
    assert info.value.key == "schema.bad_value" and info.value.params["row"] == 3
    assert info.value.params["fix"] == i18n.t(fix)


def test_signed_counts_and_blank_marks():
    assert values.parse_count("-1,234", signed=True) == -1234
    assert values.count_array(pa.array(["-1,234", "+5", "\u22123"]), signed=True).to_pylist() == [
        -1234,
        5,
        -3,
    ]
    assert values.count_array(pa.array(["", "-", "--", "N/A", None, "1"])).to_pylist() == [
        None,
        None,
        None,
        None,
        None,
        1,
    ]


def test_whole_floats_are_counts_and_fractions_name_their_row():
    got = schema.conform(_accounts(followers=[1.0, float("nan"), 3.0]), "accounts")
    assert got["followers"].tolist() == [1, pd.NA, 3]
    with pytest.raises(SchemaError) as info:
        schema.conform(_accounts(followers=[1.0, 2.5, 3.0]), "accounts")
    assert info.value.params["row"] == 2 and info.value.params["value"] == "2.5"
    with pytest.raises(SchemaError) as info:
        schema.conform(_accounts(followers=[1, 2, -3]), "accounts")
    assert info.value.params["row"] == 3
    assert info.value.params["fix"] == i18n.t("values.fix_negative_count")


# ---------------------------------------------------------------------- yes / no and handles


@pytest.mark.parametrize("word", sorted(values.YES_WORDS | values.NO_WORDS))
def test_one_yes_no_vocabulary_for_the_gate_and_the_templates(word):
    want = word in values.YES_WORDS
    assert values.parse_bool(word.upper()) is want
    got = schema.conform(_accounts(verified=["ya", f" {word} ", None]), "accounts")
    assert got["verified"].tolist() == [True, want, pd.NA]
    rows = [_form_row(verified=word)]
    assert inv.inventory_from_rows(rows, source="form")["accounts"]["verified"].tolist() == [want]


def test_conform_normalises_every_handle_column():
    acc = schema.conform(_accounts(account=[" @Humas_Kota ", "@@DINKES", "ｂｐｂｄ"]), "accounts")
    assert acc["account"].tolist() == ["humas_kota", "dinkes", "bpbd"]
    com = schema.conform(
        pd.DataFrame(
            {
                "platform": ["x"],
                "account": ["@Humas_Kota"],
                "post_id": ["1"],
                "comment_id": ["c1"],
                "author": [" @Warga_A"],
                "created_at": pd.to_datetime(["2026-01-01"], utc=True),
                "text": ["halo"],
            }
        ),
        "comments",
    )
    assert com[["account", "author"]].iloc[0].tolist() == ["humas_kota", "warga_a"]
    handles = [c.name for t in schema.TABLES.values() for c in t.columns if c.kind == "handle"]
    assert {"account", "author", "candidate", "official"} <= set(handles)


def test_handle_owners_are_one_function():
    from labkit import impostors, privacy
    from labkit.ingest import convert

    for f in (impostors.normalize_handle, privacy.normalize_handle, convert.clean_account):
        assert f is values.normalize_handle
    assert values.normalize_handles(pd.Series(["@A", None])).tolist() == ["a", pd.NA]


# ---------------------------------------------------------------------- one row, every entry point


@pytest.mark.parametrize(
    ("column", "bad", "key"),
    [
        ("verified", "mungkin", "schema.bad_value"),
        ("followers", "banyak", "schema.bad_value"),
        ("account", "@", "schema.null_in_key"),
    ],
)
def test_a_bad_cell_is_named_by_the_same_row_everywhere(tmp_path, column, bad, key):
    good = {"verified": "ya", "followers": "12,4 rb", "account": "a"}
    cells = [f"{good[column]}{i}" if column == "account" else good[column] for i in range(4)]
    cells[2] = bad
    frame = _accounts(**{column: cells})
    # the coercion gate: position in the table, from 1
    with pytest.raises(SchemaError) as info:
        schema.conform(frame, "accounts")
    assert info.value.key == key and info.value.params["row"] == 3
    assert info.value.params["column"] == column
    # the audit calls the gate: the same row
    with pytest.raises(SchemaError) as info:
        prepare_accounts(frame, load_rubric())
    assert info.value.params["row"] == 3 and info.value.params["column"] == column
    # the inventory form (rows typed in the form, first row = 1): the same row
    rows = [_form_row(**{"account": f"a{i}", column: frame[column].iloc[i]}) for i in range(4)]
    with pytest.raises(inv.TemplateError) as info:
        inv.inventory_from_rows(rows, source="form")
    assert info.value.params["row"] == 3
    # a template file: the spreadsheet row (its header is row 1), so one more
    path = tmp_path / "akun.csv"
    pd.DataFrame(
        [{f.header("id"): r.get(f.column, "") for f in inv.ACCOUNT_FIELDS} for r in rows]
    ).to_csv(path, index=False)
    with pytest.raises(inv.TemplateError) as info:
        inv.read_inventory(path)
    assert info.value.params["row"] == 4


# ---------------------------------------------------------------------- templates from the schema


def test_template_fields_take_types_meanings_and_vocabularies_from_the_schema():
    for fields in (inv.ACCOUNT_FIELDS, inv.AGENCY_FIELDS, inv.COMMENT_FIELDS, inv.SEARCH_FIELDS):
        for f in fields:
            col = f.schema_column
            if f.column in ("agency", "query_agency"):  # names from which ids are made
                assert col is None and f.kind == "text"
                continue
            assert col is not None and f.type == col.type and f.meaning == col.meaning
            assert f.allowed == col.values
    kinds = {f.column: f.kind for f in inv.ACCOUNT_FIELDS}
    assert kinds["verified"] == "bool" and kinds["followers"] == "count"
    assert kinds["account"] == "handle" and kinds["platform"] == "platform"
    assert set(inv.PLATFORM_LABELS) == set(schema.PLATFORMS)
    assert {inv.parse_platform(v) for v in inv.PLATFORM_LABELS.values()} == set(schema.PLATFORMS)


def test_csv_template_is_sniffed_like_an_export(tmp_path):
    path = tmp_path / "akun.csv"
    text = "sep=;\nPlatform;Akun;Instansi;Pengikut\nIG;@Humas;Dinas A;12,4 rb\n"
    path.write_bytes(text.encode("utf-16"))
    acc = inv.read_inventory(path)["accounts"]
    assert acc[["account", "followers"]].iloc[0].tolist() == ["humas", 12400]
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    with pytest.raises(inv.TemplateError) as info:
        inv.read_inventory(empty)
    assert "kosong.csv" in str(info.value)


# ---------------------------------------------------------------------- a column given twice


def test_a_column_given_twice_is_an_error_naming_it_and_both_positions():
    with pytest.raises(ExportReadError) as info:
        ingest.read_export(FIX / "bad_duplicate_column.csv", account="kotacontoh")
    exc = info.value
    assert exc.key == "ingest.duplicate_column"
    assert exc.params["column"] == "Reach" and exc.params["file"] == "bad_duplicate_column.csv"
    assert (exc.params["first"], exc.params["second"]) == (17, 34)
    for lang, word in (("id", "Hapus salah satunya"), ("en", "Delete one of them")):
        text = exc.message(lang)
        assert "'Reach'" in text and "17" in text and "34" in text and word in text


# ---------------------------------------------------------------------- helpers


def _accounts(n: int = 3, **columns) -> pd.DataFrame:
    n = max([n, *(len(v) for v in columns.values() if v is not None)])
    base = {
        "platform": ["instagram"] * n,
        "account": [f"akun{i}" for i in range(n)],
        "agency_id": ["dinas-a"] * n,
        "tz": ["WIB"] * n,
    }
    base.update({k: v for k, v in columns.items() if v is not None})
    return pd.DataFrame(base).reindex(columns=schema.ACCOUNTS.names)


def _form_row(**cells) -> dict:
    row = {"platform": "Instagram", "account": "humas", "agency": "Dinas A"}
    row.update({k: v for k, v in cells.items() if v is not None})
    return row


def test_the_schema_gate_reads_blank_marks_as_missing_like_the_importers():
    cells = ["12", "-", "--", "\u2013", "N/A", "n/a", " - ", None]
    want = values.count_array(pa.array(cells)).to_pylist()
    got = values.parse_counts(pd.Series(cells, dtype=object)).tolist()
    assert [None if v is pd.NA else v for v in got] == want == [12] + [None] * 7


@pytest.mark.parametrize("mark", ["-", "N/A", "\u2013"])
def test_the_inventory_reads_a_count_blank_mark_as_missing_like_the_importers(mark):
    got = inv.inventory_from_rows([_form_row(followers=mark)], source="form")["accounts"]
    assert got["followers"].isna().all()
