"""labkit.check: placeholder, comparisons, problem kinds, hints, progress, strict mode, display."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest

from labkit import i18n, workspace
from labkit.check import (
    Case,
    CheckResult,
    CustomProblem,
    EqualityProblem,
    ExerciseCheckError,
    FunctionProblem,
    Status,
    ThoughtProblem,
    ____,
    feedback,
    is_placeholder,
    notebook_role,
    progress,
    progress_table,
)
from labkit.check.compare import Mismatch
from labkit.errors import LabkitError, LabkitWarning


@pytest.fixture(autouse=True)
def _normal_mode(monkeypatch):
    """Every test starts outside strict mode with no role override."""
    monkeypatch.delenv("LABKIT_CHECK_MODE", raising=False)
    monkeypatch.delenv("LABKIT_NOTEBOOK_ROLE", raising=False)


def keys(result: CheckResult) -> list[str]:
    """Catalogue keys of a result's explanation (robust to wording changes)."""
    detail = result.detail
    if isinstance(detail, Mismatch):
        return [p.key for p in detail.parts]
    return [detail.key] if hasattr(detail, "key") else []


def bound(problem, name="q1", notebook="uji"):
    problem.bind(notebook, name)
    return problem


# ---------------------------------------------------------------- placeholder


def test_placeholder_means_not_answered_in_both_languages():
    q = bound(EqualityProblem(168))
    result = q.evaluate(____)
    assert result.status is Status.UNANSWERED and not result.answered and not result.correct
    assert "Belum dijawab" in result.plain()
    assert "Not answered yet" in result.plain("en")
    assert repr(____) == "____"


def test_placeholder_inside_collections_counts_as_not_answered():
    assert is_placeholder([1, ____]) and is_placeholder({"a": (____,)})
    assert not is_placeholder([1, 2]) and not is_placeholder("____")
    q = EqualityProblem([1, 2])
    assert q.evaluate([1, ____]).status is Status.UNANSWERED


def test_check_without_argument_explains_how_to_pass_the_answer():
    q = bound(EqualityProblem(1), "q7")
    result = q.evaluate()
    assert result.status is Status.UNANSWERED
    assert "q7.check(" in result.message()


# ---------------------------------------------------------------- numbers


def test_numbers_match_within_tolerance_and_say_too_large_or_small():
    assert EqualityProblem(0.3).evaluate(0.1 + 0.2).correct
    assert EqualityProblem(168).evaluate(np.int64(168)).correct
    assert EqualityProblem(168).evaluate(168.0).correct
    assert keys(EqualityProblem(3.4567).evaluate(3.46)) == ["check.number_high"]
    assert EqualityProblem(3.4567, abs_tol=0.01).evaluate(3.46).correct
    assert keys(EqualityProblem(168).evaluate(150)) == ["check.number_low"]
    big = 2**60 + 1
    assert not EqualityProblem(big).evaluate(2**60).correct


def test_number_hints_for_percent_scale_quoted_numbers_and_empty_answers():
    assert keys(EqualityProblem(1.4).evaluate(0.014)) == ["check.percent_scale"]
    assert keys(EqualityProblem(0.014).evaluate(1.4)) == ["check.percent_scale"]
    assert keys(EqualityProblem(168).evaluate("168")) == ["check.number_as_text"]
    assert keys(EqualityProblem(168).evaluate(None)) == ["check.answer_empty"]
    assert keys(EqualityProblem(168).evaluate([168])) == ["check.kind"]
    assert EqualityProblem(float("nan")).evaluate(np.nan).correct
    assert not EqualityProblem(True).evaluate(1).correct


# ---------------------------------------------------------------- texts


def test_text_options_and_near_miss_explanations():
    assert EqualityProblem("Instagram", ignore_case=True).evaluate("instagram").correct
    assert (
        EqualityProblem("Dinas Kesehatan", ignore_whitespace=True)
        .evaluate("  Dinas   Kesehatan ")
        .correct
    )
    assert keys(EqualityProblem("Instagram").evaluate("instagram")) == ["check.text_case"]
    assert keys(EqualityProblem("Dinas Kesehatan").evaluate("Dinas  Kesehatan")) == [
        "check.text_whitespace"
    ]
    assert keys(EqualityProblem("Dinas Kesehatan").evaluate(" dinas kesehatan")) == [
        "check.text_almost"
    ]
    assert keys(EqualityProblem("TikTok").evaluate("YouTube")) == ["check.text_differs"]


# ---------------------------------------------------------------- collections


def test_lists_keep_order_unless_told_otherwise():
    q = EqualityProblem(["ig", "x", "fb"])
    assert q.evaluate(("ig", "x", "fb")).correct
    assert q.evaluate(np.array(["ig", "x", "fb"])).correct
    assert keys(q.evaluate(["x", "ig", "fb"])) == ["check.order_differs"]
    assert keys(q.evaluate(["ig", "x"])) == ["check.length"]
    wrong_item = q.evaluate(["ig", "x", "tt"])
    assert wrong_item.detail.path[0].params == {"n": 3}
    assert "item ke-3" in wrong_item.message()
    assert EqualityProblem(["ig", "x", "fb"], ignore_order=True).evaluate(["fb", "ig", "x"]).correct
    assert keys(q.evaluate({"ig", "x", "fb"})) == ["check.set_for_list"]


def test_sets_report_missing_and_extra_counts_without_revealing_missing_items():
    q = EqualityProblem({"a1", "a2", "a3"})
    assert q.evaluate(["a3", "a1", "a2"]).correct
    assert q.evaluate(pd.Series(["a1", "a2", "a3", "a3"])).correct
    result = q.evaluate({"a1", "zz"})
    assert keys(result) == ["check.items_missing", "check.items_extra"]
    assert result.detail.parts[0].params["count"] == 2
    assert "'zz'" in result.message() and "a2" not in result.message()
    assert (
        EqualityProblem([{"a": 1}, {"b": 2}], ignore_order=True)
        .evaluate([{"b": 2}, {"a": 1}])
        .correct
    )


def test_dicts_name_missing_keys_and_locate_wrong_values():
    q = EqualityProblem({"instagram": 10, "x": 4})
    assert q.evaluate({"x": 4, "instagram": 10}).correct
    assert keys(q.evaluate({"instagram": 10})) == ["check.keys_missing"]
    assert "'x'" in q.evaluate({"instagram": 10}).message()
    nested = q.evaluate({"instagram": 10, "x": 5})
    assert keys(nested) == ["check.number_high"] and "'x'" in nested.message()
    as_series = pd.Series({"instagram": 10, "x": 4})
    assert q.evaluate(as_series).correct


# ---------------------------------------------------------------- pandas


@pytest.fixture
def posts():
    return pd.DataFrame(
        {
            "platform": ["instagram", "x", "instagram", "facebook", "x"],
            "likes": [10, 3, 7, 1, 4],
            "caption": ["a", "b", "c", "d", "e"],
        }
    )


def test_tables_ignore_leftover_index_but_check_columns_rows_and_values(posts):
    q = EqualityProblem(posts[posts.likes > 3])
    assert q.evaluate(posts[posts.likes > 3].reset_index(drop=True)).correct
    assert keys(q.evaluate(posts[posts.likes > 3][["platform", "likes"]])) == [
        "check.columns_missing"
    ]
    assert keys(q.evaluate(posts[posts.likes > 3].assign(extra=1))) == ["check.columns_extra"]
    assert keys(q.evaluate(posts[posts.likes > 4])) == ["check.rows"]
    changed = posts[posts.likes > 3].assign(likes=[10, 7, 5])
    result = q.evaluate(changed)
    assert keys(result) == ["check.column_values"]
    assert result.detail.parts[0].params["count"] == 1
    assert "'likes'" in result.message()
    shuffled = posts[posts.likes > 3].iloc[::-1]
    assert keys(q.evaluate(shuffled)) == ["check.rows_order"]
    assert EqualityProblem(posts[posts.likes > 3], ignore_order=True).evaluate(shuffled).correct


def test_grouped_results_compare_labels_and_accept_as_index_false(posts):
    expected = posts.groupby("platform")["likes"].sum()
    q = EqualityProblem(expected)
    assert q.evaluate(posts.groupby("platform", as_index=False)["likes"].sum()).correct
    assert q.evaluate(expected.to_dict()).correct
    wrong = q.evaluate(posts.groupby("platform")["likes"].mean())
    assert keys(wrong) == ["check.column_values"]
    assert keys(q.evaluate(posts.groupby("caption")["likes"].sum())) == ["check.rows"]
    counts = EqualityProblem(posts.platform.value_counts())
    assert keys(counts.evaluate(posts.groupby("platform").size())) == ["check.rows_order"]
    unordered = EqualityProblem(posts.platform.value_counts(), ignore_order=True)
    assert unordered.evaluate(posts.groupby("platform").size()).correct


def test_expected_callable_is_evaluated_at_each_check():
    truth = {"dormant": ["a1"]}
    calls = []

    def ground_truth():
        calls.append(1)
        return set(truth["dormant"])

    q = EqualityProblem(ground_truth)
    assert calls == []
    assert q.evaluate({"a1"}).correct
    truth["dormant"] = ["a1", "a2"]
    assert not q.evaluate({"a1"}).correct
    assert len(calls) == 2
    assert q.answer_or_expected(____) == {"a1", "a2"}
    assert q.answer_or_expected({"zz"}) == {"zz"}


# ---------------------------------------------------------------- functions


def _er(interaksi, pengikut):
    return interaksi / pengikut * 100


def test_function_problem_runs_cases_and_explains_the_failing_call():
    q = bound(FunctionProblem([(168, 12_000), (0, 500)], reference=_er, hints=["h"]), "q2")
    ok = q.evaluate(_er)
    assert ok.correct and ok.detail.params == {"count": 2}

    def fraction(interaksi, pengikut):
        return interaksi / pengikut

    wrong = q.evaluate(fraction)
    assert keys(wrong) == ["check.function_case", "check.percent_scale"]
    assert "fraction(168, 12000)" in wrong.message()
    assert "q2.hint()" in wrong.message()

    def crashes(interaksi, pengikut):
        return interaksi / 0

    assert "ZeroDivisionError" in q.evaluate(crashes).message()
    assert keys(q.evaluate(42)) == ["check.not_callable"]

    def stub(interaksi, pengikut):
        return ____

    assert q.evaluate(stub).status is Status.UNANSWERED


def test_function_cases_with_kwargs_and_inputs_protected_from_mutation():
    def reference(items, *, top):
        return sorted(items, reverse=True)[:top]

    q = FunctionProblem(
        [Case(([3, 1, 2],), {"top": 2}), Case(([5, 4],), {"top": 1})], reference=reference
    )

    def mutating(items, *, top):
        items.sort(reverse=True)
        return items[:top]

    assert q.evaluate(mutating).correct
    assert q.cases[0].args == ([3, 1, 2],)
    explicit = FunctionProblem([((2, 3), 5), (4, 4)])
    assert explicit.evaluate(lambda a, b=0: a + b).correct
    with pytest.raises(ValueError):
        FunctionProblem([])


# ---------------------------------------------------------------- custom and thought


def test_custom_problem_messages_and_failures():
    def caption_ok(text):
        if "#" not in text:
            return False, {"id": "Tambahkan tagar.", "en": "Add a hashtag."}
        return len(text) <= 280

    q = CustomProblem(caption_ok)
    assert q.evaluate("Imunisasi gratis #KotaSehat").correct
    assert q.evaluate("x" * 300 + "#").status is Status.INCORRECT
    no_tag = q.evaluate("Imunisasi gratis")
    assert no_tag.message() == "Tambahkan tagar." and no_tag.message("en") == "Add a hashtag."
    assert keys(q.evaluate(12)) == ["check.custom_raised"]
    with pytest.raises(TypeError):
        CustomProblem(lambda a: None).evaluate(1)


def test_thought_problem_records_the_written_text_in_full():
    q = bound(ThoughtProblem(solution_text="Pembahasan"), "q4", "refleksi")
    assert q.evaluate().status is Status.RECORDED
    assert q.evaluate(____).status is Status.UNANSWERED
    text = "Akun tidur membingungkan warga. " * 20
    assert q.check(text).status is Status.RECORDED
    saved = progress.load("refleksi")["problems"]["q4"]
    assert saved["last_answer"] == text and saved["attempts"] == 1


# ---------------------------------------------------------------- hints and solutions


def test_hints_by_level_with_navigation_and_progress():
    q = bound(EqualityProblem(1, hints=[{"id": "Satu", "en": "One"}, "Dua"]), "q1", "petunjuk")
    first = q.hint()
    assert first.available and first.level == 1 and first.body() == "Satu"
    assert "q1.hint(2)" in first.plain() and first.body("en") == "One"
    second = q.hint(2)
    assert second.body() == "Dua" and "q1.solution()" in second.plain()
    assert not q.hint(5).available and "2" in q.hint(5).plain()
    q.hint(1)
    assert progress.load("petunjuk")["problems"]["q1"]["hints_seen"] == 2
    assert not bound(EqualityProblem(1), "q9", "petunjuk").hint().available


def test_solution_shows_text_and_code_and_is_recorded():
    q = bound(
        EqualityProblem(168, solution="x = 120 + 48", solution_text="Jumlahkan."), "q1", "sol"
    )
    view = q.solution()
    markdown = view.bundle()["text/markdown"]
    assert "```python\nx = 120 + 48\n```" in markdown and "Jumlahkan." in markdown
    entry = progress.load("sol")["problems"]["q1"]
    assert entry["solution_viewed_at"] is not None
    empty = bound(EqualityProblem(1), "q2", "sol").solution()
    assert "Belum ada jawaban contoh" in empty.plain()
    assert progress.load("sol")["problems"].get("q2") is None


# ---------------------------------------------------------------- progress


def test_progress_file_counts_attempts_and_survives_a_restart():
    q = bound(EqualityProblem(168), "q1", "03_audit")
    q.check(____)
    q.check(160)
    q.check(168)
    q.check(170)
    path = workspace.resolve("answers/03_audit.json")
    saved = json.loads(path.read_text(encoding="utf-8"))
    entry = saved["problems"]["q1"]
    assert entry["attempts"] == 3
    assert entry["correct"] is True and entry["status"] == "incorrect"
    assert entry["last_answer"] == 170
    assert entry["first_correct_at"] <= entry["last_checked_at"]
    # a "restart": new problem objects, same notebook id
    again = bound(EqualityProblem(168), "q1", "03_audit")
    again.check(168)
    assert progress.load("03_audit")["problems"]["q1"]["attempts"] == 4
    table = progress_table("03_audit", ["q1", "q2"])
    assert table.to_dict("records")[1]["attempts"] == 0
    assert table.loc[0, "correct"]


def test_damaged_progress_file_is_kept_and_the_check_still_answers():
    workspace.save_text("answers/rusak.json", "{ not json")
    q = bound(EqualityProblem(1), "q1", "rusak")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = q.check(1)
    assert result.correct
    assert any(isinstance(w.message, LabkitWarning) for w in caught)
    assert workspace.resolve("answers/rusak.json").read_text() == "{ not json"


# ---------------------------------------------------------------- strict mode and roles


def test_strict_solution_role_raises_on_wrong_or_unanswered(monkeypatch):
    monkeypatch.setenv("LABKIT_CHECK_MODE", "strict")
    monkeypatch.setenv("LABKIT_NOTEBOOK_ROLE", "solution")
    q = bound(EqualityProblem(168), "q1", "strict")
    assert q.check(168).correct
    with pytest.raises(ExerciseCheckError) as info:
        q.check(167)
    assert "q1" in str(info.value) and "167" in str(info.value)
    with pytest.raises(ExerciseCheckError):
        q.check(____)
    assert bound(ThoughtProblem(), "q2", "strict").check("teks").status is Status.RECORDED


def test_strict_trainee_role_accepts_only_unanswered(monkeypatch):
    monkeypatch.setenv("LABKIT_CHECK_MODE", "strict")
    monkeypatch.setenv("LABKIT_NOTEBOOK_ROLE", "trainee")
    q = bound(EqualityProblem(168), "q1", "strict")
    assert q.check(____).status is Status.UNANSWERED
    for leaked in (168, 167):
        with pytest.raises(ExerciseCheckError, match="bocor"):
            q.check(leaked)


def test_outside_strict_mode_checks_never_raise(monkeypatch):
    monkeypatch.setenv("LABKIT_NOTEBOOK_ROLE", "solution")
    q = bound(EqualityProblem(168))
    assert q.check(1).status is Status.INCORRECT
    assert q.check(____).status is Status.UNANSWERED


def test_role_comes_from_the_working_folder_unless_overridden(tmp_path, monkeypatch):
    (tmp_path / "solutions").mkdir()
    monkeypatch.chdir(tmp_path / "solutions")
    assert notebook_role() == "solution"
    monkeypatch.chdir(tmp_path)
    assert notebook_role() == "trainee"
    monkeypatch.setenv("LABKIT_NOTEBOOK_ROLE", "Solution")
    assert notebook_role() == "solution"
    monkeypatch.setenv("LABKIT_NOTEBOOK_ROLE", "guru")
    with pytest.raises(LabkitError, match="guru"):
        notebook_role()


# ---------------------------------------------------------------- display


def test_rich_display_escapes_html_and_has_plain_fallback():
    q = bound(CustomProblem(lambda a: (False, "<script>alert(1)</script> pakai `q1.hint()`")))
    bundle = q.evaluate("x").bundle()
    assert set(bundle) == {"text/plain", "text/html", "text/markdown"}
    assert "<script>" not in bundle["text/html"] and "&lt;script&gt;" in bundle["text/html"]
    assert "<code>q1.hint()</code>" in bundle["text/html"]
    assert bundle["text/plain"].startswith("❌ q1: Belum tepat.")
    i18n.set_language("en")
    assert q.evaluate(____).plain().startswith("✏️ q1: Not answered yet.")


def test_feedback_is_shown_once_in_ipython(monkeypatch):
    shown = []
    monkeypatch.setattr(feedback, "_shell", lambda: object())
    monkeypatch.setattr(feedback, "_publish", shown.append)
    q = bound(EqualityProblem(1))
    result = q.check(1)
    assert len(shown) == 1 and "Benar" in shown[0]["text/plain"]
    result._ipython_display_()  # the cell's echo of the returned value: skipped
    assert len(shown) == 1
    result._ipython_display_()  # showing it again later works
    assert len(shown) == 2
    q.hint()
    assert len(shown) == 3


def test_no_display_outside_ipython(monkeypatch):
    monkeypatch.setattr(feedback, "_shell", lambda: None)
    monkeypatch.setattr(feedback, "_publish", lambda bundle: pytest.fail("displayed"))
    assert not bound(EqualityProblem(1)).evaluate(1).show()


# ---------------------------------------------------------------- exercise registry


def test_example_module_registers_its_problems_under_the_notebook_id():
    from labkit import exercises
    from labkit.exercises import example

    exset = exercises.load("contoh")
    assert exset is example.EXERCISES
    assert list(exset) == ["q1", "q2", "q3", "q4", "q5"]
    assert exset.q3 is example.q3 and exset["q1"].label == "q1"
    assert example.q1.evaluate(168).correct
    assert example.q2.evaluate(example.engagement_rate_reference).correct
    assert example.q3.evaluate({"x_dinkes_kota", "tt_dinkes_kota"}).correct
    assert not example.q5.evaluate("Tanpa tagar").correct
    example.q1.check(168)
    table = exset.progress()
    assert list(table["problem"]) == list(exset) and table["correct"].tolist()[0]
    assert "1 dari 5" in exset.summary()


def test_every_exercise_module_is_well_formed():
    from labkit import exercises

    assert "example" in exercises.available()
    sets = exercises.load_all()
    assert "contoh" in sets
    for name in exercises.available():
        assert name == "example" or exercises.MODULE_PATTERN.match(name), name
    problems = [issue for exset in sets.values() for issue in exercises.validate(exset)]
    assert problems == []


def test_registry_rejects_authoring_mistakes():
    from labkit import exercises

    with pytest.raises(LabkitError, match="99_tidak_ada"):
        exercises.load("99_tidak_ada")
    with pytest.raises(ValueError):
        exercises.register("uji-registry", **{"bukan nama": EqualityProblem(1)})
    with pytest.raises(ValueError):
        exercises.register("uji-registry", q1=42)
    shared = EqualityProblem(1)
    try:
        exercises.register("uji-registry", q1=shared)
        with pytest.raises(ValueError, match="already bound"):
            exercises.register("uji-registry-2", q1=shared)
        incomplete = exercises.register("uji-registry-3", q1=EqualityProblem(1))
        assert any("no hints" in issue for issue in exercises.validate(incomplete))
        assert any("no solution" in issue for issue in exercises.validate(incomplete))
    finally:
        for notebook in ("uji-registry", "uji-registry-2", "uji-registry-3"):
            exercises._registered().pop(notebook, None)
