"""Notebook 00's helpers: the setup self-check, the widget probe and the tour."""

from __future__ import annotations

import pandas as pd

from labkit import i18n, selfcheck, tour


def test_check_setup_reports_every_part(monkeypatch, tmp_path):
    from labkit import data

    data.write_bundle(
        {
            "agencies": pd.DataFrame(
                {
                    "agency_id": ["a1"],
                    "name": ["Dinas Kominfo Kota Pelangi"],
                    "short_name": ["kominfo_pelangi"],
                    "kind": ["diskominfo_kota"],
                    "region": ["Kota Pelangi"],
                    "tz": ["WIB"],
                    "website": ["https://pelangikota.go.id"],
                    "official_email": ["humas@pelangikota.go.id"],
                    "official_phone": ["0811-0000-1111"],
                }
            )
        },
        tmp_path / "ds",
        {"seed": 0},
    )
    monkeypatch.setenv("LABKIT_DATA_DIR", str(tmp_path / "ds"))
    report = selfcheck.check_setup()
    assert {"python", "package", "data", "widgets", "work_dir", "language"} <= set(report["check"])
    assert "pandas" in set(report["item"])
    assert report.attrs["all_ok"] is True
    (tmp_path / "ds" / "agencies.parquet").write_bytes(b"rusak")
    broken = selfcheck.check_setup()
    assert broken.attrs["all_ok"] is False
    assert "checksum" in broken.loc[broken["check"] == "data", "detail"].iloc[0]


def test_missing_data_folder_is_a_failed_row_not_an_exception(monkeypatch, tmp_path):
    monkeypatch.setenv("LABKIT_DATA_DIR", str(tmp_path / "nothing"))
    report = selfcheck.check_setup()
    row = report[report["check"] == "data"].iloc[0]
    assert not row["ok"] and "manifest" in row["detail"]


def test_widget_probe_changes_label_on_click():
    box = selfcheck.widget_probe()
    button, label = box.children
    before = label.value
    button.click()
    assert label.value != before and "1" in label.value
    button.click()
    assert "2" in label.value


def test_workshop_map_in_both_languages():
    df = tour.workshop_map()
    assert df["notebook"].iloc[0] == "00_memulai"
    assert {"01_audit_akun", "05_data_instansi_sendiri"} <= set(df["notebook"])
    assert "isi" in df.columns and set(df["status"]) <= {"siap", "menyusul"}
    i18n.set_language("en")
    assert "content" in tour.workshop_map().columns


def test_agency_overview_counts():
    agencies = pd.DataFrame(
        {
            "agency_id": ["a", "b"],
            "name": ["A", "B"],
            "kind": ["bpbd", "rsud"],
            "tz": ["WIB", "WIT"],
        }
    )
    accounts = pd.DataFrame(
        {
            "agency_id": ["a", "a", "b"],
            "platform": ["x", "instagram", "x"],
            "account": ["a_x", "a_ig", "b_x"],
            "followers": pd.array([10, 20, 5], dtype="Int64"),
        }
    )
    posts = pd.DataFrame(
        {"platform": ["x", "x", "x"], "account": ["a_x", "a_x", "b_x"], "post_id": ["1", "2", "3"]}
    )
    out = tour.agency_overview(agencies, accounts, posts)
    assert (
        out.loc["a", "accounts"] == 2
        and out.loc["a", "posts"] == 2
        and out.loc["a", "followers"] == 30
    )
    assert out.loc["a", "platforms"] == "instagram, x"
    assert list(out.index) == ["a", "b"]
