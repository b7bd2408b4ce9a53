"""Schema conformance and the data loader's contract (checksums, sources, errors)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from labkit import data, schema
from labkit.errors import DataError, LabkitError, SchemaError


def _posts(n: int = 3) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "platform": ["instagram"] * n,
            "account": ["humas_kotapelangi"] * n,
            "post_id": [str(17_900_000_000_000_000 + i) for i in range(n)],
            "published_at": pd.date_range(
                "2026-01-01 09:00", periods=n, freq="D", tz="Asia/Jakarta"
            ),
            "text": [f"Info layanan {i}" for i in range(n)],
            "content_type": ["image"] * n,
            "url": [f"https://instagram.example/p/{i}" for i in range(n)],
            "impressions": [None] * n,
            "reach": [100 + i for i in range(n)],
            "views": [None] * n,
            "likes": [10] * n,
            "comments": [1] * n,
            "shares": [0] * n,
            "saves": [2] * n,
        }
    )


def test_conform_types_and_converts_to_utc():
    df = schema.conform(_posts(), "posts")
    schema.validate(df, "posts")
    assert str(df["published_at"].dt.tz) == "UTC"
    assert df["published_at"].iloc[0] == pd.Timestamp("2026-01-01 02:00", tz="UTC")
    assert df["impressions"].isna().all() and str(df["impressions"].dtype) == "Int64"
    assert isinstance(df["post_id"].dtype, pd.StringDtype)
    assert df["has_alt_text"].isna().all()  # optional column added as missing


def test_conform_names_missing_column():
    with pytest.raises(SchemaError) as info:
        schema.conform(_posts().drop(columns=["likes"]), "posts", source="ekspor.csv")
    assert "likes" in str(info.value) and "ekspor.csv" in str(info.value)


def test_conform_rejects_unknown_category_value():
    bad = _posts()
    bad.loc[1, "platform"] = "myspace"
    with pytest.raises(SchemaError) as info:
        schema.conform(bad, "posts")
    assert "myspace" in str(info.value) and "facebook" in str(info.value)


def test_conform_rejects_naive_timestamps_and_null_keys():
    naive = _posts()
    naive["published_at"] = naive["published_at"].dt.tz_localize(None)
    with pytest.raises(SchemaError):
        schema.conform(naive, "posts")
    nokey = _posts()
    nokey.loc[2, "post_id"] = None
    with pytest.raises(SchemaError) as info:
        schema.conform(nokey, "posts")
    # the third row (index 2): rows are counted from 1 in every message (issue 7)
    assert "post_id" in str(info.value) and "3" in str(info.value)
    assert info.value.params["row"] == 3


def test_validate_catches_wrong_dtype_and_empty_is_valid():
    df = schema.conform(_posts(), "posts")
    df["likes"] = df["likes"].astype("float64")
    with pytest.raises(SchemaError, match="likes"):
        schema.validate(df, "posts")
    for name in schema.TABLES:
        schema.validate(schema.empty(name), name)


def test_unknown_table_lists_known_ones():
    with pytest.raises(LabkitError) as info:
        schema.table("postingan")
    assert "postingan" in str(info.value) and "posts" in str(info.value)


@pytest.fixture
def bundle(tmp_path, monkeypatch):
    folder = tmp_path / "datasets"
    data.write_bundle({"posts": _posts()}, folder, {"seed": 1})
    monkeypatch.setenv("LABKIT_DATA_DIR", str(folder))
    return folder


def test_load_from_bundle_is_typed_and_verified(bundle):
    df = data.load("posts")
    schema.validate(df, "posts")
    assert len(df) == 3 and df.attrs["source"] == "bundled"
    assert data.verify()["ok"].all()
    manifest = json.loads((bundle / "manifest.json").read_text())
    assert manifest["files"]["posts"]["rows"] == 3


def test_checksum_mismatch_and_missing_file_are_clear(bundle):
    path = bundle / "posts.parquet"
    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(DataError) as info:
        data.load("posts")
    assert "checksum" in str(info.value) and "git checkout -- datasets" in str(info.value)
    assert not data.verify()["ok"].all()
    path.unlink()
    with pytest.raises(DataError) as info:
        data.load("posts")
    assert str(path) in str(info.value)


def test_unknown_table_and_table_absent_from_bundle(bundle):
    with pytest.raises(SchemaError):
        data.load("tidak_ada")
    with pytest.raises(DataError) as info:
        data.load("followers")
    assert "followers" in str(info.value)


def test_missing_manifest_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("LABKIT_DATA_DIR", str(tmp_path / "kosong"))
    with pytest.raises(DataError) as info:
        data.load("posts")
    assert "LABKIT_DATA_DIR" in str(info.value)


def test_own_dataset_as_source(bundle):
    own = _posts(2)
    own["account"] = "dinas_saya"
    data.save_dataset("instansi_saya", {"posts": own})
    assert data.own_datasets() == ["instansi_saya"]
    data.use("instansi_saya")
    assert data.current_source() == "instansi_saya"
    import labkit

    assert labkit.status()["data_dir"] == str(data.own_data_dir("instansi_saya"))
    loaded = data.load("posts")
    assert list(loaded["account"]) == ["dinas_saya", "dinas_saya"]
    with pytest.raises(DataError) as info:
        data.load("followers")
    assert "notebook 05" in str(info.value)
    data.use(None)
    assert len(data.load("posts")) == 3


def test_use_unknown_dataset_and_bad_names():
    with pytest.raises(DataError) as info:
        data.use("belum_ada")
    assert "belum_ada" in str(info.value)
    for bad in ["", "../x", "bundled"]:
        with pytest.raises(DataError):
            data.save_dataset(bad, {"posts": _posts()})


def test_source_from_environment_until_use_is_called(bundle, monkeypatch):
    own = _posts(1)
    data.save_dataset("dari_env", {"posts": own})
    monkeypatch.setattr(data, "_source", None)
    monkeypatch.setenv("LABKIT_SOURCE", "dari_env")
    assert data.current_source() == "dari_env"
    assert len(data.load("posts")) == 1
    data.use(None)  # an explicit choice wins over the environment
    assert data.current_source() == "bundled" and len(data.load("posts")) == 3


def test_use_accepts_only_saved_dataset_names():
    data.save_dataset("ada", {"posts": _posts(1)})
    for bad in ["..", ".", "tidak_ada"]:
        with pytest.raises(DataError):
            data.use(bad)
    assert data.use("ada") == "ada"


def test_unknown_source_in_environment_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(data, "_source", None)
    monkeypatch.setenv("LABKIT_SOURCE", "..")
    with pytest.raises(DataError) as info:
        data.current_source()
    assert "notebook 05" in str(info.value)
