"""labkit.data's lifecycle: the masked-comments cache, purge, and stale temporaries of killed saves."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from labkit import data, owndata, privacy, schema, workspace
from labkit.errors import LabkitError


def full(rows, table: str) -> pd.DataFrame:
    """A canonical table from rows that give only some columns."""
    return schema.conform(pd.DataFrame(rows).reindex(columns=schema.table(table).names), table)


TEXTS = [
    "Min, NIK saya 3201234567890001 belum terdaftar",
    "Hubungi WA 0812-3456-7890 ya",
    "Info lengkap di humas@sukamaju.go.id atau 021-555-0101",
    "cc @budi_santoso tolong dicek",
    "Terima kasih, sudah dibalas @humas_sukamaju",
]


def _comments(texts=TEXTS, authors=None) -> pd.DataFrame:
    n = len(texts)
    return full(
        {
            "platform": "instagram",
            "account": "humas_sukamaju",
            "post_id": "p1",
            "comment_id": [f"c{i}" for i in range(n)],
            "created_at": pd.date_range("2026-03-01", periods=n, freq="h", tz="UTC"),
            "author": authors or [f"warga_asli_{i}" for i in range(n - 1)] + ["humas_sukamaju"],
            "text": texts,
        },
        "comments",
    )


def _accounts(handles=("humas_sukamaju",)) -> pd.DataFrame:
    return full(
        [{"platform": "instagram", "account": h, "agency_id": "ag1", "tz": "WIB"} for h in handles],
        "accounts",
    )


def _dataset(name: str = "instansi_saya", **tables) -> None:
    tables.setdefault("comments", _comments())
    tables.setdefault("accounts", _accounts())
    data.save_dataset(name, tables)


def _cache_files(source: str = "instansi_saya") -> list[Path]:
    folder = data.cache_dir(source)
    return sorted(folder.glob("comments.*.parquet")) if folder.is_dir() else []


def _fresh_mask(name: str = "instansi_saya") -> pd.DataFrame:
    """What masking computes now, bypassing the cache (the oracle of every cache test)."""
    raw = data.load("comments", source=name, mask=False)
    accounts = data.load("accounts", source=name)
    return privacy.mask_comments(raw, allow=privacy.official_allowlist(accounts, None))


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))


# ---------------------------------------------------------------------------- masked cache


def test_second_masked_load_comes_from_the_cache_and_equals_the_first(monkeypatch):
    _dataset()
    first = data.load("comments", source="instansi_saya")
    assert first.attrs["masked"] is True
    assert "[NIK]" in first["text"].iloc[0] and "warga_asli_0" not in set(first["author"])
    files = _cache_files()
    assert len(files) == 1 and files[0].parent == workspace.work_dir() / "cache" / "instansi_saya"

    def no_masking(*args, **kwargs):
        raise AssertionError("a cached load must not mask again")

    monkeypatch.setattr(privacy, "mask_comments", no_masking)
    second = data.load("comments", source="instansi_saya")
    _same(second, first)
    assert second.dtypes.equals(first.dtypes)
    assert second.attrs == first.attrs


def test_cache_is_rebuilt_when_the_source_changes():
    _dataset()
    first = data.load("comments", source="instansi_saya")
    old = _cache_files()
    _dataset(comments=_comments(TEXTS[:3] + ["email saya rina.w@gmail.com", "oke"]))
    second = data.load("comments", source="instansi_saya")
    assert "[EMAIL]" in second["text"].iloc[3]
    assert not second["text"].equals(first["text"])
    _same(second, _fresh_mask())
    assert len(_cache_files()) == 1 and _cache_files() != old  # the stale key is gone


def test_cache_is_rebuilt_when_the_masking_settings_change(monkeypatch):
    _dataset()
    first = data.load("comments", source="instansi_saya")
    # another pseudonym salt: other pseudonyms
    monkeypatch.setenv("LABKIT_PSEUDONYM_SALT", "a-hub-wide-salt-for-this-cohort")
    salted = data.load("comments", source="instansi_saya")
    assert set(salted["author"]) != set(first["author"])
    _same(salted, _fresh_mask())
    # another allowlist: a handle the agency owns now stays visible
    _dataset(accounts=_accounts(("humas_sukamaju", "budi_santoso")))
    allowed = data.load("comments", source="instansi_saya")
    assert "@budi_santoso" in allowed["text"].iloc[3]
    assert "@budi_santoso" not in salted["text"].iloc[3]
    _same(allowed, _fresh_mask())
    # back to the first settings: the first result again
    monkeypatch.delenv("LABKIT_PSEUDONYM_SALT")
    _dataset()
    _same(data.load("comments", source="instansi_saya"), first)


def test_cache_obeys_the_masking_switch():
    _dataset()
    masked = data.load("comments", source="instansi_saya")
    assert _cache_files()
    with pytest.warns(Warning):
        privacy.set_masking(False)
    with pytest.warns(Warning):
        plain = data.load("comments", source="instansi_saya")
    assert plain.attrs["masked"] is False
    assert "3201234567890001" in plain["text"].iloc[0]  # never the cached masked table
    # masking off never writes a cache either
    for f in _cache_files():
        f.unlink()
    with pytest.warns(Warning):
        data.load("comments", source="instansi_saya")
    assert _cache_files() == []
    privacy.set_masking(True)
    again = data.load("comments", source="instansi_saya")
    _same(again, masked)  # never unmasked while masking is on
    assert "3201234567890001" not in " ".join(again["text"])


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(monkeypatch):
    _dataset()
    first = data.load("comments", source="instansi_saya")
    [cached] = _cache_files()
    cached.write_bytes(b"PAR1 this is not parquet")
    second = data.load("comments", source="instansi_saya")
    _same(second, first)
    [rebuilt] = _cache_files()
    assert rebuilt == cached and rebuilt.read_bytes()[:4] == b"PAR1" and rebuilt.stat().st_size > 30
    monkeypatch.setattr(privacy, "mask_comments", lambda *a, **k: pytest.fail("not cached"))
    _same(data.load("comments", source="instansi_saya"), first)


def test_bundled_cache_is_keyed_by_the_manifest_checksum(tmp_path, monkeypatch):
    bundle = tmp_path / "bundle"
    agencies = full([{"agency_id": "ag1", "name": "Dinas", "tz": "WIB"}], "agencies")
    data.write_bundle(
        {"comments": _comments(), "accounts": _accounts(), "agencies": agencies}, bundle, {}
    )
    monkeypatch.setenv("LABKIT_DATA_DIR", str(bundle))
    first = data.load("comments", source=data.BUNDLED)
    assert len(_cache_files(data.BUNDLED)) == 1
    key = _cache_files(data.BUNDLED)[0].name
    data.write_bundle(
        {"comments": _comments(TEXTS[::-1]), "accounts": _accounts(), "agencies": agencies},
        bundle,
        {},
    )
    second = data.load("comments", source=data.BUNDLED)
    assert list(second["text"]) != list(first["text"])
    assert [f.name for f in _cache_files(data.BUNDLED)] != [key]


# ---------------------------------------------------------------------------- purge


def test_purge_removes_the_dataset_and_its_cache():
    _dataset()
    _dataset("latihan")
    data.load("comments", source="instansi_saya")
    data.load("comments", source="latihan")
    data.load("comments", source=data.BUNDLED)
    deleted = data.purge("instansi_saya")
    assert data.cache_dir("instansi_saya") in deleted
    assert not data.cache_dir("instansi_saya").exists()
    assert _cache_files("latihan")  # another dataset's cache stays
    deleted = data.purge()
    assert not data.cache_dir().exists() and data.own_datasets() == []
    assert data.cache_dir() in deleted


def test_owndata_purge_delegates_and_deletes_downloads_inside_the_work_folder(tmp_path):
    _dataset()
    data.load("comments", source="instansi_saya")
    downloads = workspace.work_dir() / "unduhan"
    downloads.mkdir()
    (downloads / "komentar.csv").write_text("mentah", encoding="utf-8")
    outside = tmp_path / "Downloads"
    outside.mkdir()
    with pytest.raises(LabkitError) as err:
        owndata.purge("instansi_saya", downloads=outside)
    assert err.value.key == "data.purge_outside"
    assert data.own_datasets() == ["instansi_saya"]  # refused: nothing was deleted
    deleted = owndata.purge("instansi_saya", downloads=downloads)
    assert set(deleted) == {
        workspace.work_dir() / "data" / "instansi_saya",
        data.cache_dir("instansi_saya"),
        downloads.resolve(),
    }
    assert not downloads.exists() and outside.exists()
    assert owndata.purge("instansi_saya") == []  # nothing left is not an error here
    with pytest.raises(LabkitError):
        data.purge("instansi_saya")  # ... but is for data.purge, which names what exists


def test_cli_purge_uses_data_purge(capsys):
    from labkit import cli

    _dataset()
    assert cli.main(["purge", "instansi_saya"]) == 0
    assert "instansi_saya" in capsys.readouterr().out and data.own_datasets() == []
    assert cli.main(["purge", "tidak_ada"]) == 2


def test_privacy_imports_nothing_of_the_lab_but_foundation_modules():
    # run in a fresh interpreter: which labkit modules does importing labkit.privacy load?
    code = "import sys, labkit.privacy; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {m for m in out.stdout.split() if m.startswith("labkit.")}
    allowed = {
        "labkit.i18n",
        "labkit.errors",
        "labkit.values",
        "labkit.workspace",
        "labkit.messages",
    }
    assert {m for m in loaded if not m.startswith("labkit.privacy")} <= allowed
    assert not hasattr(privacy, "purge")


# ---------------------------------------------------------------------------- stale temporaries


KILLED_SAVE = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from labkit import workspace

    def slow(tmp):
        tmp.write_bytes(b"half a file")
        print(tmp, flush=True)
        time.sleep(60)  # killed here, mid-write

    workspace._atomic_write(Path(sys.argv[1]), slow, history=False)
    """
)


def test_a_killed_save_leaves_a_temporary_that_a_later_load_removes():
    target = workspace.work_dir() / "data" / "instansi_saya" / "comments.parquet"
    _dataset()
    before = target.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_SAVE, str(target)], stdout=subprocess.PIPE, text=True
    )
    tmp = Path(proc.stdout.readline().strip())
    proc.kill()
    proc.wait()
    proc.stdout.close()
    assert tmp.exists() and tmp.parent == target.parent
    assert workspace.TEMP_NAME.match(tmp.name)
    assert target.read_bytes() == before  # the real file was never touched
    # a fresh temporary may belong to a save still running in another kernel: kept
    assert workspace.clean_stale_temporaries(target.parent) == []
    old = time.time() - workspace.STALE_AFTER - 60
    os.utime(tmp, (old, old))
    data._cleaned.clear()  # a new kernel: its first load cleans the folder
    data.load("accounts", source="instansi_saya")
    assert not tmp.exists()
    assert target.read_bytes() == before
    assert len(data.load("comments", source="instansi_saya")) == len(TEXTS)


def test_clean_stale_temporaries_touches_only_old_workspace_temporaries():
    folder = workspace.work_dir() / "audit"
    folder.mkdir()
    old = time.time() - 7200
    names = {
        ".checklist.json.k3x_9ab2.tmp": True,  # a workspace temporary: removed
        ".checklist.json.abc.tmp": False,  # random part not 8 characters
        "notes.tmp": False,  # the trainee's own file
        "checklist.json": False,
        ".checklist.json.k3x_9ab2.tmp.bak": False,
    }
    for name in names:
        (folder / name).write_text("x", encoding="utf-8")
        os.utime(folder / name, (old, old))
    (folder / ".sub.json.abcdefgh.tmp").mkdir()  # a folder is never removed
    removed = workspace.clean_stale_temporaries("audit", older_than=3600)
    assert [p.name for p in removed] == [n for n, gone in names.items() if gone]
    assert all((folder / n).exists() != gone for n, gone in names.items())
    from datetime import timedelta

    (folder / ".a.json.abcdefgh.tmp").write_text("x", encoding="utf-8")
    assert workspace.clean_stale_temporaries(folder, older_than=timedelta(hours=1)) == []
    assert workspace.clean_stale_temporaries(folder, older_than=0)[0].name == ".a.json.abcdefgh.tmp"
    assert workspace.clean_stale_temporaries(folder / "nowhere") == []


def test_purge_of_the_dataset_named_by_labkit_source_does_not_fail(monkeypatch):
    _dataset()
    monkeypatch.setattr(data, "_source", None)
    monkeypatch.setenv("LABKIT_SOURCE", "instansi_saya")
    deleted = data.purge("instansi_saya")
    assert data.own_data_dir("instansi_saya") in deleted
    assert data.current_source() == data.BUNDLED


def test_cache_is_rebuilt_when_the_handle_rules_change(monkeypatch, tmp_path):
    from labkit import values

    before = data._masking_rules_digest()
    changed = tmp_path / "values.py"
    changed.write_text(Path(values.__file__).read_text(encoding="utf-8") + "\n# changed\n")
    monkeypatch.setattr(values, "__file__", str(changed))
    data._masking_rules_digest.cache_clear()
    try:
        assert data._masking_rules_digest() != before
    finally:
        data._masking_rules_digest.cache_clear()


def test_a_folder_given_as_source_is_refused_and_nothing_outside_is_touched(tmp_path):
    outside = tmp_path / "Downloads"
    outside.mkdir()
    _comments().to_parquet(outside / "comments.parquet")
    keep = outside / "comments.2025.parquet"
    keep.write_bytes(b"a trainee's own file")
    with pytest.raises(LabkitError) as err:
        data.load("comments", source=str(outside))
    assert err.value.key == "data.unknown_source"
    assert keep.exists() and sorted(p.name for p in outside.iterdir()) == [
        "comments.2025.parquet",
        "comments.parquet",
    ]
