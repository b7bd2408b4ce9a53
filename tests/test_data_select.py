"""``data.load(columns=..., where=...)``: read only what an analysis needs, with the same answers."""

from __future__ import annotations

import pandas as pd
import pytest

from labkit import data, privacy
from labkit.errors import SchemaError

ACCOUNT = "kanim_kotapelangi"


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))


@pytest.mark.parametrize("mask", [True, False])
def test_rows_of_one_account_equal_the_full_table_filtered(mask):
    full = data.load("comments", mask=mask)
    mine = data.load("comments", mask=mask, where={"account": ACCOUNT})
    _same(mine, full[full["account"] == ACCOUNT])
    assert mine.attrs["masked"] is mask
    assert 0 < len(mine) < len(full)


def test_a_masked_selection_is_masked_the_same_way_as_the_whole_table():
    full = data.load("comments")  # builds the masked cache
    again = data.load("comments", where={"account": ACCOUNT}, columns=["author", "text"])
    _same(again, full.loc[full["account"] == ACCOUNT, ["author", "text"]])
    # the citizens' handles are pseudonyms, as in every masked load
    assert not again["author"].isin(data.load("comments", mask=False)["author"]).all()


def test_handles_are_compared_as_the_table_stores_them():
    _same(
        data.load("comments", where={"account": "@Kanim_KotaPelangi"}),
        data.load("comments", where={"account": ACCOUNT}),
    )


def test_several_values_and_several_columns_combine():
    full = data.load("posts")
    two = full["account"].drop_duplicates().head(2).tolist()
    platform = str(full.loc[full["account"] == two[0], "platform"].iloc[0])
    got = data.load("posts", where={"account": two, "platform": platform})
    want = full[full["account"].isin(two) & (full["platform"] == platform)]
    _same(got, want)
    assert got["account"].nunique() >= 1


def test_columns_come_in_the_order_asked_with_their_canonical_types():
    got = data.load("comments", columns=["replied_at", "account"], mask=False)
    assert list(got.columns) == ["replied_at", "account"]
    full = data.load("comments", mask=False)
    _same(got, full[["replied_at", "account"]])


def test_an_optional_column_missing_from_the_file_comes_back_empty(tmp_path):
    slim = data.load("posts").drop(columns=["has_alt_text", "has_captions"])
    path = tmp_path / "posts.parquet"
    slim.to_parquet(path, index=False)
    got = data.read_table(path, "posts", columns=["account", "has_captions"])
    assert list(got.columns) == ["account", "has_captions"]
    assert got["has_captions"].isna().all() and len(got) == len(slim)


def test_no_matching_row_gives_an_empty_table_with_the_columns():
    got = data.load("comments", where={"account": "tidak_ada"}, columns=["account", "text"])
    assert got.empty and list(got.columns) == ["account", "text"]


@pytest.mark.parametrize("kw", [{"columns": ["txet"]}, {"where": {"acount": ACCOUNT}}])
def test_an_unknown_column_names_the_table_and_its_columns(kw):
    with pytest.raises(SchemaError) as err:
        data.load("comments", **kw)
    message = str(err.value)
    assert "comments" in message and "comment_id" in message  # the columns there are


def test_a_work_folder_that_cannot_hold_the_cache_still_gives_masked_rows(monkeypatch):
    from labkit import workspace

    def refuse(*args, **kwargs):
        raise OSError("read-only")

    monkeypatch.setattr(workspace, "save_table_parts", refuse)
    got = data.load("comments", where={"account": ACCOUNT}, columns=["author"])
    assert got.attrs["masked"] is True
    masked = privacy.mask_comments(data.load("comments", mask=False))
    _same(got, masked.loc[masked["account"] == ACCOUNT, ["author"]])


def test_a_bad_row_met_while_masking_piece_by_piece_is_named_by_its_row_in_the_file(
    tmp_path, monkeypatch
):
    frame = data.load("comments", mask=False).head(5).astype({"comment_id": "object"})
    frame.loc[3, "comment_id"] = None  # the 4th row of the file
    path = tmp_path / "comments.parquet"
    frame.to_parquet(path, index=False)
    monkeypatch.setattr(data, "MASK_ROWS", 2)  # pieces of 2 rows: the bad one is in the 2nd piece
    with pytest.raises(SchemaError) as err:
        list(data._masked_parts(path, "comments", privacy.official_allowlist(None, None)))
    assert err.value.params["row"] == 4 and err.value.params["column"] == "comment_id"
