"""The tabletop exercise: clock, roles, the shared log, two processes on one exercise."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from labkit.errors import LabkitError
from labkit.tabletop.exercise import Exercise, clock_minute
from labkit.tabletop.log import LOG_NAME, append_event, read_events

HOLDING = (
    "Kami mohon maaf atas gangguan sistem antrean daring Kantor Imigrasi Kota Pelangi sejak pagi ini. "
    "Tim kami sedang memperbaiki sistem; warga yang sudah datang tetap dilayani di loket. "
    "Informasi terbaru kami sampaikan pukul 11.00 WIB di akun ini. Pertanyaan: pengaduan@kanim.example"
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_live_clock_pause_speed_and_manual_steps(tmp_path):
    clock = FakeClock()
    ex = Exercise.create("ep01_antrean", tmp_path / "latihan", clock=clock)
    ex.start(seconds_per_minute=5)
    clock.now += 50
    assert ex.minute() == pytest.approx(10)
    ex.pause()
    clock.now += 500
    assert ex.minute() == pytest.approx(10)
    ex.set_speed(1)
    ex.resume()
    clock.now += 10
    assert ex.minute() == pytest.approx(20)
    ex.pause()
    assert ex.advance(30) == pytest.approx(50)
    assert ex.advance(500) == 90  # never past the end
    assert ex.state().finished


def test_solo_flow_and_the_feed_grows_with_time(tmp_path):
    clock = FakeClock()
    ex = Exercise.create("ep01_antrean", tmp_path / "solo", clock=clock)
    assert len(ex.state().feed) <= 2
    ex.advance(16)
    seen = ex.state().feed
    assert (seen["minute"] <= 16).all() and "journalist" in set(seen["type"])
    ex.alert("lonjakan aduan antrean")
    draft = ex.submit_draft(HOLDING, kind="holding", strategy="instructing_adjusting")
    with pytest.raises(LabkitError, match="belum disetujui"):
        ex.publish(draft)
    ex.return_draft(draft, "Tambahkan jam pembaruan yang pasti")
    with pytest.raises(LabkitError, match="sudah diputuskan"):
        ex.approve(draft)
    second = ex.submit_draft(HOLDING + " Pembaruan berikutnya pukul 11.00 WIB.")
    ex.approve(second)
    ex.advance(4)
    ex.publish(second)
    drafts = ex.state().drafts.set_index("draft_id")
    assert drafts.loc[draft, "status"] == "returned" and drafts.loc[second, "status"] == "published"
    assert drafts.loc[second, "published_at"] == pytest.approx(20)
    assert isinstance(drafts.loc[second, "findings"], tuple)


def test_roles_are_enforced_with_a_clear_message(tmp_path):
    Exercise.create("ep02_biaya_ktp", tmp_path / "tim", role="facilitator")
    drafter = Exercise.open(tmp_path / "tim", member="Ani", role="drafter")
    approver = Exercise.open(tmp_path / "tim", member="Budi", role="approver")
    draft = drafter.submit_draft(HOLDING)
    with pytest.raises(LabkitError, match="approver"):
        drafter.approve(draft)
    with pytest.raises(LabkitError, match="spokesperson"):
        approver.publish(draft)
    with pytest.raises(LabkitError, match="facilitator"):
        drafter.advance(5)
    with pytest.raises(LabkitError, match="Peran"):
        Exercise.open(tmp_path / "tim", member="X", role="wartawan")
    with pytest.raises(LabkitError, match="belum ada latihan"):
        Exercise(tmp_path / "kosong")


def test_resume_after_a_restart_at_the_same_scenario_time(tmp_path):
    ex = Exercise.create("ep03_data_bocor", tmp_path / "r")
    ex.advance(37)
    ex.submit_draft(HOLDING)
    again = Exercise(tmp_path / "r")  # a new kernel opening the same folder
    assert again.minute() == pytest.approx(37)
    assert len(again.state().drafts) == 1


MEMBER = textwrap.dedent(
    """
    import sys, time
    from labkit.tabletop.exercise import Exercise
    folder, role = sys.argv[1], sys.argv[2]
    ex = Exercise.open(folder, member=role, role=role)
    deadline = time.time() + 20
    if role == "drafter":
        draft = ex.submit_draft(sys.argv[3])
        while time.time() < deadline:
            rows = ex.state().drafts
            if (rows["status"] == "approved").any():
                print("SEEN_APPROVAL", time.time(), flush=True)
                break
            time.sleep(0.2)
    else:
        while time.time() < deadline:
            rows = ex.state().drafts
            if len(rows):
                print("SEEN_DRAFT", time.time(), flush=True)
                ex.approve(rows["draft_id"].iloc[0], "Setuju")
                break
            time.sleep(0.2)
    """
)


def test_two_kernels_share_one_exercise(tmp_path):
    folder = tmp_path / "bersama"
    Exercise.create("ep01_antrean", folder, role="facilitator").full_feed()
    script = tmp_path / "member.py"
    script.write_text(MEMBER, "utf-8")
    env = {**os.environ}
    approver = subprocess.Popen([sys.executable, str(script), str(folder), "approver"],
                                stdout=subprocess.PIPE, text=True, env=env)  # fmt: skip
    time.sleep(1.0)
    started = time.time()
    drafter = subprocess.run([sys.executable, str(script), str(folder), "drafter", HOLDING],
                             capture_output=True, text=True, env=env, timeout=60)  # fmt: skip
    out_approver, _ = approver.communicate(timeout=60)
    assert "SEEN_DRAFT" in out_approver, out_approver
    assert "SEEN_APPROVAL" in drafter.stdout, drafter.stderr
    seen = float(drafter.stdout.split("SEEN_APPROVAL")[1].split()[0])
    assert seen - started < 30  # both interpreters started and imported labkit
    events = read_events(folder)
    actions = [e["action"] for e in events]
    assert actions.count("submit") == 1 and actions.count("approve") == 1
    approved_at = next(e["t"] for e in events if e["action"] == "approve")
    assert seen - approved_at < 2.0  # the other member sees the approval within two seconds


def test_simultaneous_saves_lose_nothing(tmp_path):
    folder = tmp_path / "serentak"
    folder.mkdir()
    code = (
        "import sys\nfrom labkit.tabletop.log import append_event\n"
        "for i in range(200): append_event(sys.argv[1], {'action': 'flag', 'who': sys.argv[2], 'i': i})\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(folder), name]) for name in "abcd"]
    for p in procs:
        assert p.wait(timeout=120) == 0
    events = read_events(folder)
    assert len(events) == 800
    assert [e["seq"] for e in events] == list(range(1, 801))
    for name in "abcd":
        assert [e["i"] for e in events if e["who"] == name] == list(range(200))


def test_a_kill_during_save_loses_nothing_saved_before(tmp_path):
    folder = tmp_path / "bunuh"
    folder.mkdir()
    code = (
        "import sys\nfrom labkit.tabletop.log import append_event\n"
        "i = 0\nwhile True:\n    append_event(sys.argv[1], {'action': 'flag', 'i': i, 'pad': 'x' * 5000}); i += 1\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(folder)])
    time.sleep(2.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open(folder / LOG_NAME, "ab") as fh:  # as if the kill came mid-line
        fh.write(b'{"seq": 99999, "action": "fl')
    events = read_events(folder)
    assert len(events) > 5 and [e["i"] for e in events] == list(range(len(events)))
    after = append_event(folder, {"action": "flag", "i": len(events)})
    assert after["seq"] == len(events) + 1
    assert [e["i"] for e in read_events(folder)] == list(range(len(events) + 1))
    assert (folder / LOG_NAME).read_bytes().endswith(b"\n")
    assert json.loads((folder / LOG_NAME).read_text().splitlines()[-1])["i"] == len(events)


def test_clock_minute_ignores_other_events():
    events = [{"action": "start", "t": 0, "seconds_per_minute": 2}, {"action": "flag", "t": 5}]
    assert clock_minute(events, now=20, duration=90) == (10.0, True)
    assert clock_minute([], now=20, duration=90) == (0.0, False)


def test_folder_that_vanished_is_explained(tmp_path):
    with pytest.raises(LabkitError, match="tidak ada"):
        append_event(Path(tmp_path / "hilang"), {"action": "flag"})
