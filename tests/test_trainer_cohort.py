"""The exchange copy of saved work, trainee accounts, the cohort view and the anonymous benchmark (issue 13)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from labkit import audit, data, workspace
from labkit.check import progress
from labkit.crisis.draft import Draft
from labkit.errors import LabkitError
from labkit.monitor.labelling import LabelBook, labelling_sample
from labkit.trainer import accounts, cohort

NAMES = ["ani", "budi", "cici", "dedi", "eko"]


@pytest.fixture(scope="module")
def report():
    agencies = data.load("agencies", source=data.BUNDLED)
    return audit.audit(
        data.load("accounts", source=data.BUNDLED),
        data.load("posts", source=data.BUNDLED),
        None,
        agencies=agencies,
        agency=agencies["agency_id"].iloc[0],
    )


@pytest.fixture(scope="module")
def sample():
    return labelling_sample(data.load("comments", source=data.BUNDLED), n=14)


def _as(monkeypatch, tmp_path, name):
    """Work as trainee ``name``: own work folder, the room's exchange folder."""
    monkeypatch.setenv("USER", name)
    monkeypatch.setenv("LOGNAME", name)
    workspace.set_work_dir(tmp_path / "home" / name / "humas-lab-kerja")


@pytest.fixture
def room(monkeypatch, tmp_path, report, sample):
    exchange = tmp_path / "kumpul"
    for name in NAMES:
        (exchange / name).mkdir(parents=True)
    monkeypatch.setenv("LABKIT_EXCHANGE_DIR", str(exchange))
    for k, name in enumerate(NAMES):
        _as(monkeypatch, tmp_path, name)
        progress.record_check("01_audit_akun", "q1", "correct", 42)
        progress.record_check("01_audit_akun", "q2", "incorrect" if k % 2 else "correct", 7)
        report.save("audit_awal")
        book = LabelBook.open(sample, labeller=name)
        for i in range(10):
            book.set(i, sample.at[i, "machine"] if i >= k else "neutral")
        draft = Draft.open("klarifikasi", kind="clarification", platform="x")
        draft.text = "Kami mohon maaf. " * (k + 1)
        draft.flush()
    workspace.set_work_dir(None)
    return exchange


def test_every_json_save_is_copied_to_the_trainees_exchange_folder(room, tmp_path):
    mine = room / "ani"
    assert (mine / "answers" / "01_audit_akun.json").is_file()
    assert (mine / "audit" / "reports" / "audit_awal.json").is_file()
    assert (mine / "pelabelan" / "ani.json").is_file()
    assert (mine / "drafts" / "klarifikasi.json").is_file()
    original = tmp_path / "home" / "ani" / "humas-lab-kerja" / "pelabelan" / "ani.json"
    assert json.loads(original.read_text()) == json.loads(
        (mine / "pelabelan" / "ani.json").read_text()
    )


def test_a_missing_exchange_folder_never_stops_the_save(monkeypatch, tmp_path):
    monkeypatch.setenv("LABKIT_EXCHANGE_DIR", str(tmp_path / "tidak-ada"))
    workspace.set_work_dir(tmp_path / "kerja")
    with pytest.warns(UserWarning, match="salinannya untuk pelatih"):
        path = workspace.save_json("answers/x.json", {"a": 1})
    assert json.loads(path.read_text()) == {"a": 1}
    workspace.set_work_dir(None)


def test_the_cohort_view_gathers_everyone(room):
    room_view = cohort.gather(room)
    assert room_view.trainees == NAMES and not room_view.problems
    overview = room_view.overview().set_index("trainee")
    assert (
        overview.loc["ani", "exercises_correct"] == 2
        and overview.loc["budi", "exercises_correct"] == 1
    )
    assert overview.loc["eko", "labels"] == 10 and overview.loc["cici", "drafts"] == 1
    assert overview["audit_score"].notna().all()
    (room / "fajar").mkdir()  # a trainee who saved nothing yet: counts of 0, no audit score
    late = cohort.gather(room).overview().set_index("trainee").loc["fajar"]
    assert late["drafts"] == 0 and late["labels"] == 0 and pd.isna(late["audit_score"])
    kappa = room_view.machine_agreement().set_index("trainee")
    assert (
        kappa.loc["ani", "kappa"] == 1.0 and kappa.loc["eko", "kappa"] < kappa.loc["budi", "kappa"]
    )
    assert (kappa["n"] == 10).all()
    between = room_view.agreement_between_trainees()
    assert between.loc["ani", "budi"] > between.loc["ani", "eko"]
    findings = room_view.drafts.set_index("trainee")["findings"]
    assert (findings >= 0).all()
    path = room_view.to_xlsx()
    import openpyxl

    sheets = openpyxl.load_workbook(path).sheetnames
    assert len(sheets) >= 6


def test_a_damaged_file_is_named_and_the_rest_gathered(room):
    (room / "budi" / "answers" / "01_audit_akun.json").write_text("{rusak")
    view = cohort.gather(room)
    assert any("budi" in p for p in view.problems)
    assert set(view.progress["trainee"]) == set(NAMES) - {"budi"}


def test_anonymous_benchmark_needs_enough_peers(room, monkeypatch):
    view = cohort.gather(room)
    saved = cohort.publish_benchmark(view, room)
    published = json.loads(saved.read_text())
    assert published == {"audit_scores": sorted(published["audit_scores"])}
    assert not any(name in saved.read_text() for name in NAMES)
    mine = float(view.audits["score"].iloc[0])
    place = cohort.peer_benchmark(mine + 1, room)
    assert place["n"] == 5 and place["below"] == 1.0 and "n = 5" in place["text"]
    small = cohort.Cohort(
        **{**view.__dict__, "audits": view.audits.head(3).assign(trainee=["a", "b", "c"])}
    )
    with pytest.raises(LabkitError, match="mulai 5 peserta"):
        cohort.publish_benchmark(small, room)


def test_without_an_exchange_folder_the_message_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.delenv("LABKIT_EXCHANGE_DIR", raising=False)
    with pytest.raises(LabkitError, match="belum diatur"):
        cohort.gather()
    with pytest.raises(LabkitError, match="tidak ada"):
        cohort.gather(tmp_path / "x")
    (tmp_path / "k").mkdir()
    with pytest.raises(LabkitError, match="belum menerbitkan"):
        cohort.peer_benchmark(50, tmp_path / "k")


# --- accounts -------------------------------------------------------------------------------------


def test_names_are_checked_with_line_and_fix():
    checked = accounts.check_names(
        ["ani", "", "# pelatih di bawah", "Budi Sántoso", "ani", "root", "x", "cici.w"],
        source="peserta.txt",
    )
    assert checked["ok"].tolist() == [True, False, False, False, False, True]
    problems = checked.set_index("line")["problem"]
    assert "peserta.txt, baris 4" in problems[4] and '"budi.santoso"' in problems[4]
    assert "baris 1" in problems[5]  # the duplicate names the first line
    assert "akun sistem" in problems[6]
    assert accounts.suggest_name("  Ölçü  Ümit ") == "olcu.umit"


def test_accounts_are_created_with_private_homes_and_exchange_folders(tmp_path):
    commands = []
    made = accounts.create_accounts(
        ["hl-ani-x1", "hl-budi-x1"], trainers=["hl-pel-x1"], home_base=tmp_path,
        exchange=tmp_path / "kumpul", run=commands.append,
    )  # fmt: skip
    assert made["status"].tolist() == ["dibuat"] * 3
    assert made["role"].tolist() == ["peserta", "peserta", "pelatih"]
    assert [
        "useradd",
        "--create-home",
        "--shell",
        "/bin/bash",
        "--base-dir",
        str(tmp_path),
        "hl-ani-x1",
    ] in commands
    assert ["chmod", "0700", str(tmp_path / "hl-budi-x1")] in commands
    assert ["install", "-d", "-o", "hl-ani-x1", "-g", accounts.TRAINER_GROUP, "-m", "2750",
            str(tmp_path / "kumpul" / "hl-ani-x1")] in commands  # fmt: skip
    assert ["usermod", "--append", "--groups", accounts.TRAINER_GROUP, "hl-pel-x1"] in commands
    with pytest.raises(LabkitError, match="Tidak ada akun yang dibuat"):
        accounts.create_accounts(["ani", "Ani!"], run=commands.append)


def test_the_hub_uses_the_same_name_rule():
    import re
    from pathlib import Path

    config = (
        Path(__file__).resolve().parents[1] / "deploy" / "single-machine" / "jupyterhub_config.py"
    ).read_text()
    assert "USERNAME_PATTERN" in config
    assert pd.Series(["ani.s", "Ani", "../root"]).str.match(accounts.USERNAME_PATTERN).tolist() == [
        True,
        False,
        False,
    ]
    assert re.compile(accounts.USERNAME_PATTERN)


def test_a_trainee_reads_one_sentence_on_or_off_the_hub(room, monkeypatch, tmp_path):
    monkeypatch.delenv("LABKIT_EXCHANGE_DIR", raising=False)
    assert "hanya ada di hub" in cohort.room_comparison(70.0)
    assert "belum menerbitkan" in cohort.room_comparison(70.0, room)
    cohort.publish_benchmark(cohort.gather(room), room)
    assert "n = 5 peserta" in cohort.room_comparison(70.0, room)
