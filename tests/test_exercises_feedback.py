"""Every problem of notebooks 00, 01 and 05 rejects a plausible wrong answer with helpful feedback.

learntools' ``assert_check_failed`` style (:mod:`labkit.check.testing`): each
case names a mistake a trainee makes and words the feedback must contain. A
meta-test makes sure no problem (or part) is left without a case, and that
each solution is stated once: in the tagged cell of the solution notebook,
which nbval runs in strict mode (so the solution passes its own check).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from labkit import audit, data, owndata, privacy, workspace
from labkit.check import Status, solutions
from labkit.check.testing import assert_check_failed, assert_check_passed
from labkit.exercises import load, validate

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ("00_memulai", "01_audit_akun", "05_data_instansi_sendiri")
DATASET = "instansi_saya"


# ----------------------------------------------------------------------------- 00


@pytest.fixture(scope="module")
def bundled():
    return {
        name: data.load(name, source=data.BUNDLED) for name in ("agencies", "accounts", "posts")
    }


def _wrong_00(t):
    agencies, posts = t["agencies"], t["posts"]
    ex = load("00_memulai")
    zone = agencies.loc[agencies["kind"] == "bpbd", "tz"].iloc[0]
    other_zone = next(z for z in ("WIB", "WITA", "WIT") if z != zone)
    counts = posts["platform"].value_counts()
    return {
        "q1": (ex.q1, len(agencies) + 1, ["hitungan", "terlalu banyak", "dua kali"]),
        "q2": (ex.q2, other_zone, ["teks", repr(other_zone)]),
        "q3": (ex.q3, str(counts.idxmin()), ["teks", "belum sesuai"]),
        "q4": (ex.q4, None, None),  # reflection: nothing is graded (tested below)
        "q5": (ex.q5, "akun palsu", ["satu kalimat", "tanda kutip"]),
    }


def test_00_wrong_answers_are_rejected_with_fitting_feedback(bundled):
    for label, (problem, answer, words) in _wrong_00(bundled).items():
        if words is None:
            assert problem.evaluate(answer).status is Status.RECORDED, label
            continue
        assert_check_failed(problem, answer, *words)


def test_00_a_count_of_agencies_is_not_a_matter_of_denominators(bundled):
    ex = load("00_memulai")
    for wrong in (len(bundled["agencies"]) - 2, len(bundled["agencies"]) + 3):
        result = assert_check_failed(ex.q1, wrong, "hitungan")
        assert "penyebut" not in result.plain("id") and "denominator" not in result.plain("en")
    assert_check_failed(ex.q1, len(bundled["agencies"]) - 2, "terlalu sedikit", "terlewat")


def test_00_right_answers_pass(bundled):
    ex = load("00_memulai")
    agencies, posts = bundled["agencies"], bundled["posts"]
    assert_check_passed(ex.q1, len(agencies))
    zone = agencies.loc[agencies["kind"] == "bpbd", "tz"].iloc[0]
    assert_check_passed(ex.q2, f" {zone.lower()} ")  # case and spaces are forgiven
    assert_check_passed(ex.q3, posts["platform"].value_counts().idxmax())
    assert_check_passed(ex.q5, "Saya ingin menemukan akun palsu.")


# ----------------------------------------------------------------------------- 01


@pytest.fixture(scope="module")
def audited(bundled):
    posts, accounts = bundled["posts"], bundled["accounts"]
    comments = data.load("comments", source=data.BUNDLED)
    report = audit.audit(
        accounts,
        posts,
        comments,
        search_results=data.load("search_results", source=data.BUNDLED),
        agencies=bundled["agencies"],
    )
    last = posts.groupby(["platform", "account"], observed=True)["published_at"].max()
    days = (report.as_of - last).dt.days
    counts = accounts.groupby(["agency_id", "platform"], observed=True).size()
    crowded = set(counts[counts > 1].index)
    group = accounts.set_index(["agency_id", "platform"]).loc[sorted(crowded)]
    return {
        "report": report,
        "last": last,
        "days": days,
        "counts": counts,
        "crowded": crowded,
        "group": group,
    }


def _pairs(df, column="account"):
    return set(zip(df["platform"].astype(str), df[column].astype(str), strict=True))


def _wrong_01(t, a):
    ex = load("01_audit_akun")
    posts, accounts, days, group = t["posts"], t["accounts"], a["days"], a["group"]
    first = posts.groupby(["platform", "account"], observed=True)["published_at"].min()
    by_handle = posts.groupby("account", observed=True)["published_at"].max()
    most = group.groupby(level=[0, 1])["followers"].transform("max")
    kept = group[group["followers"] == most]
    impostors = a["report"].impostors()
    return {
        # groups by handle only: same handle on two platforms merges
        "q1.a": [
            (ex.q1.a, by_handle, ["groupby", "kolom yang tepat"]),
            (ex.q1.a, first, ["paling awal", ".max()"]),
        ],
        # days counted from today's date instead of the audit date
        "q1.b": [(ex.q1.b, days + 30, ["bergeser 30 hari", "tanggal audit"])],
        # counts the inactive accounts as dormant
        "q1.c": [(ex.q1.c, set(days[days > 30].index), ["tidak aktif", "lebih dari 90 hari"])],
        "q2.a": [(ex.q2.a, accounts.groupby("agency_id").size(), ["groupby", "kolom yang tepat"])],
        "q2.b": [(ex.q2.b, set(a["counts"][a["counts"] > 2].index), ["belum termasuk"])],
        # closes both accounts, or the bigger one
        "q2.c": [
            (
                ex.q2.c,
                set(zip(group.index.get_level_values("platform"), group["account"], strict=True)),
                ["kedua akun", "pertahankan satu"],
            ),
            (
                ex.q2.c,
                set(zip(kept.index.get_level_values("platform"), kept["account"], strict=True)),
                ["pengikutnya terbanyak"],
            ),
        ],
        "q3": [
            (ex.q3, "Terima kasih atas informasinya.", ["tidak perlu dijawab", "pertanyaan"]),
            (ex.q3, 42, ["teks", "tanda kutip"]),
        ],
        # the official accounts instead of the impostors
        "q4": [(ex.q4, _pairs(impostors, "official"), ["tidak seharusnya ada"])],
        "q5": [],  # reflection
    }


def test_01_wrong_answers_are_rejected_with_fitting_feedback(bundled, audited):
    for label, cases in _wrong_01(bundled, audited).items():
        for problem, answer, words in cases:
            assert problem.label == label
            assert_check_failed(problem, answer, *words)


def test_01_right_answers_pass_and_the_parent_reports_progress(bundled, audited):
    ex = load("01_audit_akun")
    assert_check_passed(ex.q1.a, audited["last"])
    assert_check_passed(ex.q1.b, audited["days"])
    assert_check_passed(ex.q1.c, set(audited["days"][audited["days"] > 90].index))
    assert ex.q1.check().status is Status.UNANSWERED  # nothing recorded yet
    ex.q1.a.check(audited["last"])
    ex.q1.b.check(audited["days"])
    progress = ex.q1.check()
    assert progress.status is Status.UNANSWERED and "2 dari 3" in progress.plain("id")
    assert "q1.c" in progress.plain("id")
    ex.q1.c.check(set(audited["days"][audited["days"] > 90].index))
    assert ex.q1.check().status is Status.CORRECT
    assert_check_passed(ex.q2.a, audited["counts"])
    assert_check_passed(ex.q2.b, audited["crowded"])
    assert_check_passed(ex.q3, "Kapan loket buka?")
    assert_check_passed(ex.q4, _pairs(audited["report"].impostors(), "candidate"))


def test_01_dormant_agrees_with_ground_truth_and_the_audit(bundled, audited):
    truth = data.load("truth_account_defects", source=data.BUNDLED)
    dormant = _pairs(truth[truth["defect"] == "dormant"])
    days = audited["days"]
    assert set(days[days > 90].index) == dormant
    inventory = audited["report"].inventory().set_index(["platform", "account"])
    assert (inventory["days_since_last_post"].reindex(days.index) == days).all()


# ----------------------------------------------------------------------------- 05


@pytest.fixture
def own(tmp_path):
    agency = owndata.sample_agency()
    folder = tmp_path / "unduhan"
    owndata.sample_exports(folder, agency_id=agency["agency_id"], comments=20)
    owndata.import_own_data(folder, name=DATASET, tz=agency["tz"])
    return agency


def _wrong_05():
    ex = load("05_data_instansi_sendiri")
    posts = data.load("posts", source=DATASET)
    sections = owndata.sections_available(DATASET)
    blocked = set(sections.loc[~sections["available"], "section"])
    sample = ex_module().komentar_untuk_dibagikan()
    allow = privacy.official_allowlist(
        data.load("accounts", source=DATASET), data.load("agencies", source=DATASET)
    )
    found = privacy.find_pii(sample, columns=["text"], allow=allow)
    with_pii = set(sample.loc[found["row"], "comment_id"])
    accounts = data.load("accounts", source=DATASET)
    return {
        # a fraction instead of a percentage; posts with reach 0 instead of present
        "q1": [
            (ex.q1, posts["reach"].notna().mean(), ["100 kali"]),
            (ex.q1, posts["reach"].notna().sum(), ["pembilang", "penyebut"]),
        ],
        # the sections that *can* run
        "q2": [(ex.q2, set(sections["section"]) - blocked, ["tidak seharusnya ada"])],
        # the accounts table before the form added bio/link/contact
        "q3": [
            (ex.q3, accounts, ["bio, tautan dan kontak"]),
            (ex.q3, "accounts", ["muat tabel akun"]),
        ],
        # every comment with an @, official handle included
        "q4": [
            (ex.q4, set(found["row"].astype(int)), ["nomor baris", "comment_id"]),
            (ex.q4, set(list(with_pii)[:2]), ["lebih dari satu"]),
        ],
        "q5": [],
    }


def ex_module():
    from labkit.exercises import ex05

    return ex05


def test_05_wrong_answers_are_rejected_with_fitting_feedback(own):
    for label, cases in _wrong_05().items():
        for problem, answer, words in cases:
            assert problem.label == label
            assert_check_failed(problem, answer, *words)


def test_05_right_answers_pass(own):
    ex = load("05_data_instansi_sendiri")
    posts = data.load("posts", source=DATASET)
    assert_check_passed(ex.q1, posts["reach"].notna().mean() * 100)
    sections = owndata.sections_available(DATASET)
    assert_check_passed(ex.q2, set(sections.loc[~sections["available"], "section"]))


# ----------------------------------------------------------------------------- coverage


def test_every_problem_and_part_has_a_wrong_answer_case(bundled, audited, own):
    cases = {
        "00_memulai": _wrong_00(bundled),
        "01_audit_akun": _wrong_01(bundled, audited),
        "05_data_instansi_sendiri": _wrong_05(),
    }
    for notebook in NOTEBOOKS:
        exercises = load(notebook)
        assert set(cases[notebook]) == set(exercises.problem_labels()), notebook
        for label, problem in exercises.all_problems().items():
            if problem.kind != "thought":
                assert cases[notebook][label], f"{notebook}:{label} has no wrong-answer case"


def _solution_cells(notebook):
    nb = json.loads((ROOT / "notebooks" / "solutions" / f"{notebook}.ipynb").read_text("utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_each_solution_is_stated_once_in_its_tagged_solution_cell(notebook):
    exercises = load(notebook)
    assert validate(exercises) == []
    for label, problem in exercises.all_problems().items():
        assert not problem.solution_code, f"{notebook}:{label}: solution= duplicates the notebook"
        cells = solutions.solution_cells(notebook, label)
        if problem.kind == "thought" and not cells:
            assert problem.solution_text is not None
            continue
        assert len(cells) == 1, f"{notebook}:{label}: {len(cells)} cells check it"
        text, tags = cells[0]
        assert "solution" in tags, f"{notebook}:{label}: its cell is not tagged 'solution'"
        shown = problem.worked_solution()
        assert shown and f"{label}.check(" not in shown and "# jawaban" not in shown
        assert all(line in text for line in shown.splitlines())


def test_solution_view_shows_the_notebook_cell(bundled):
    ex = load("01_audit_akun")
    view = ex.q1.a.solution()
    assert 'groupby(["platform", "account"])' in view.plain("id")
    whole = ex.q1.solution()
    assert "# q1.a" in whole.plain("id") and "# q1.c" in whole.plain("id")
    assert workspace.path("answers").exists()


def test_solution_lookup_without_notebooks_says_there_is_none(monkeypatch, tmp_path):
    monkeypatch.setenv(solutions.NOTEBOOKS_ENV, str(tmp_path))
    assert solutions.solution_code("01_audit_akun", "q1.a", root=tmp_path) is None
    assert solutions.solution_code(None, "q1") is None


def test_own_data_feedback_says_what_the_check_compares_with(own):
    ex = load("01_audit_akun")
    data.use(DATASET)
    posts = data.load("posts")
    last = posts.groupby(["platform", "account"], observed=True)["published_at"].max()
    note = assert_check_passed(ex.q1.a, last).plain("id")
    assert "bukan dengan hasil audit" in note  # derived: a real check, and it says so
    report = audit.audit(data.load("accounts"), posts, None)
    assert isinstance(report.inventory(), pd.DataFrame)
