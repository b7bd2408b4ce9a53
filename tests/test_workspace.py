"""The trainee's work folder: atomic, versioned, survives a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from labkit import workspace
from labkit.errors import LabkitError


def test_default_is_in_home_outside_checkout(monkeypatch, tmp_path):
    monkeypatch.delenv("LABKIT_WORK_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    root = workspace.work_dir()
    assert root == tmp_path / "home" / "humas-lab-kerja"
    repo = Path(__file__).resolve().parent.parent
    assert repo not in root.parents


def test_env_and_override(tmp_path):
    assert workspace.work_dir() == Path(os.environ["LABKIT_WORK_DIR"])
    workspace.set_work_dir(tmp_path / "other")
    assert workspace.work_dir() == tmp_path / "other"


def test_json_round_trip_and_history():
    workspace.save_json("drafts/rilis.json", {"v": 1})
    workspace.save_json("drafts/rilis.json", {"v": 2}, history=True)
    workspace.save_json("drafts/rilis.json", {"v": 3}, history=True)
    assert workspace.load_json("drafts/rilis.json") == {"v": 3}
    old = [json.loads(p.read_text()) for p in workspace.history("drafts/rilis.json")]
    assert old == [{"v": 1}, {"v": 2}]
    assert workspace.load_json("drafts/none.json", default=[]) == []


def test_failed_write_leaves_old_file_and_no_temp():
    workspace.save_json("answers/00.json", {"q1": "ok"})

    class Boom:
        def __str__(self):
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        workspace.save_json("answers/00.json", {"q1": Boom()})
    assert workspace.load_json("answers/00.json") == {"q1": "ok"}
    leftovers = [p.name for p in workspace.path("answers", "x").parent.iterdir()]
    assert leftovers == ["00.json"]


def test_corrupt_json_is_reported_not_overwritten():
    target = workspace.path("audit", "checklist.json")
    target.write_text("{not json")
    with pytest.raises(LabkitError) as info:
        workspace.load_json("audit/checklist.json")
    assert str(target) in str(info.value)
    assert target.read_text() == "{not json"


def test_table_round_trip():
    df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    workspace.save_table("data/t.parquet", df)
    pd.testing.assert_frame_equal(pd.read_parquet(workspace.resolve("data/t.parquet")), df)


def test_survives_a_fresh_process():
    workspace.save_json("drafts/klarifikasi.json", {"teks": "Informasi itu tidak benar."})
    code = "from labkit import workspace; print(workspace.load_json('drafts/klarifikasi.json')['teks'])"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy()
    )
    assert out.stdout.strip() == "Informasi itu tidak benar."


def test_saved_files_follow_the_umask():
    old = os.umask(0o022)
    try:
        path = workspace.save_text("exports/laporan.html", "<p>ok</p>")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_failed_save_with_history_keeps_the_current_file():
    good = pd.DataFrame({"a": [1, 2]})
    workspace.save_table("audit/x.parquet", good, history=True)
    workspace.save_table("audit/x.parquet", good.assign(a=[3, 4]), history=True)

    class Unsaveable(pd.DataFrame):
        def to_parquet(self, *args, **kwargs):
            raise OSError("disk full")

    with pytest.raises(OSError):
        workspace.save_table("audit/x.parquet", Unsaveable({"a": [9]}), history=True)
    current = pd.read_parquet(workspace.resolve("audit/x.parquet"))
    assert list(current["a"]) == [3, 4]
    assert len(workspace.history("audit/x.parquet")) == 1  # only the successful replacement


def test_load_yaml_reads_a_trainer_file_and_names_the_broken_line(work):
    assert workspace.load_yaml("tidak_ada.yaml", default={}) == {}
    (work / "aturan.yaml").write_text("a: 1\nb: [2, 3\nc: 4\n", "utf-8")
    with pytest.raises(LabkitError) as err:
        workspace.load_yaml("aturan.yaml")
    assert "aturan.yaml" in str(err.value) and "baris 2" in str(err.value)
    (work / "aturan.yaml").write_text("a: 1\n", "utf-8")
    assert workspace.load_yaml("aturan.yaml") == {"a": 1}


def test_a_table_saved_in_parts_reads_back_whole_and_atomically():
    import pyarrow.parquet as pq

    parts = [pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), pd.DataFrame({"a": [3], "b": ["z"]})]
    path = workspace.save_table_parts("data/parts.parquet", iter(parts), compression="zstd")
    pd.testing.assert_frame_equal(pd.read_parquet(path), pd.concat(parts, ignore_index=True))
    assert pq.ParquetFile(path).metadata.num_row_groups == 2  # one row group per part

    def broken():
        yield pd.DataFrame({"a": [9], "b": ["q"]})
        raise RuntimeError("the kernel died while masking")

    with pytest.raises(RuntimeError):
        workspace.save_table_parts("data/parts.parquet", broken())
    # the earlier file is intact and no temporary is left behind
    pd.testing.assert_frame_equal(pd.read_parquet(path), pd.concat(parts, ignore_index=True))
    assert [p.name for p in path.parent.iterdir()] == ["parts.parquet"]
    with pytest.raises(ValueError):
        workspace.save_table_parts("data/empty.parquet", iter([]))
