"""The rules' outputs stay what they were: triage and sentiment against outputs recorded from main.

``tests/fixtures/monitor_outputs.csv`` holds a few hundred bundled comments (every label x
sentiment pair, the texts that take normalisation's Python steps, hostile texts) with the
label, needs_reply, reason, sentiment, score and reason that ``main`` gave before the
speed-up of issue 10; ``monitor_counts.csv`` the label x sentiment x needs_reply counts over
all bundled comments. Both were written by ``tests/fixtures/record_monitor_outputs.py``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from labkit import data, monitor
from labkit.errors import LabkitError
from labkit.monitor.labels import COLUMNS

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def recorded() -> pd.DataFrame:
    return pd.read_csv(
        FIXTURES / "monitor_outputs.csv", dtype={"text": object}, keep_default_na=False
    )


def _assert_same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    for column in want.columns.drop("text"):
        differ = got[column].to_numpy() != want[column].to_numpy()
        rows = want.loc[differ, ["text", column]].assign(now=got.loc[differ, column].to_numpy())
        assert not differ.any(), f"{column} changed on {int(differ.sum())} rows:\n{rows.head(10)}"


def _outputs(texts: pd.Series) -> pd.DataFrame:
    tr = monitor.triage(texts)
    se = monitor.sentiment(texts)
    return pd.DataFrame(
        {
            "label": tr["label"].astype(str),
            "needs_reply": tr["needs_reply"],
            "reason": tr["reason"],
            "sentiment": se["sentiment"].astype(str),
            "score": se["score"],
            "sentiment_reason": se["reason"],
        },
        index=texts.index,
    )


@pytest.mark.parametrize("dtype", [object, "str"])
def test_recorded_rows_keep_their_outputs(recorded, dtype):
    # object columns are deduplicated by pandas, str (Arrow) columns in Arrow
    assert len(recorded) > 300 and recorded["label"].nunique() == 7
    _assert_same(_outputs(recorded["text"].astype(dtype)), recorded)


def test_the_threaded_path_gives_the_same_outputs(recorded, monkeypatch):
    from labkit.monitor import text

    monkeypatch.setattr(text, "PARALLEL_FROM", 50)  # the recorded rows, split over two threads
    assert len(recorded) >= 2 * text.PARALLEL_FROM
    both = monitor.label_comments(recorded["text"])
    _assert_same(both.drop(columns="text").astype({"label": str, "sentiment": str}), recorded)
    assert monitor.normalize_texts(recorded["text"]).tolist() == [
        text.normalize(t) for t in recorded["text"]
    ]


def test_repeated_and_shuffled_texts_give_the_same_outputs(recorded):
    # each text's outputs depend on the text alone, not on its neighbours or repeats
    shuffled = recorded.sample(frac=1, random_state=1)
    twice = pd.concat([shuffled, shuffled.iloc[::3]], ignore_index=True)
    _assert_same(_outputs(twice["text"]), twice)


def test_counts_over_all_bundled_comments_are_unchanged():
    want = pd.read_csv(FIXTURES / "monitor_counts.csv")
    texts = data.load("comments", source="bundled")["text"]
    got = _outputs(texts).groupby(["label", "sentiment", "needs_reply"]).size()
    got = got.rename("n").reset_index()
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_label_comments_gives_both_in_one_pass(recorded):
    both = monitor.label_comments(recorded["text"])
    assert list(both.columns) == ["text", *COLUMNS]
    got = both.drop(columns="text").astype({"label": str, "sentiment": str})
    _assert_same(got, recorded)
    # the same columns, value for value and dtype for dtype, as the two functions give
    kind, mood = monitor.triage(recorded["text"]), monitor.sentiment(recorded["text"])
    pd.testing.assert_frame_equal(
        both[["label", "needs_reply", "reason"]], kind.drop(columns="text")
    )
    pd.testing.assert_frame_equal(
        both[["sentiment", "score", "sentiment_reason"]],
        mood.rename(columns={"reason": "sentiment_reason"}),
    )


def test_label_comments_keeps_the_table_and_names_bad_input():
    table = pd.DataFrame(
        {"comment_id": ["a", "b", "c"], "text": ["kapan buka?", None, "mantap, cepat"]},
        index=[10, 20, 30],
    )
    out = monitor.label_comments(table)
    assert out.index.tolist() == [10, 20, 30]
    assert list(out.columns[:2]) == ["comment_id", "text"]
    assert out["label"].tolist() == ["question", "neutral", "praise"]
    assert out["sentiment"].tolist() == ["neutral", "neutral", "positive"]
    assert "comment_id" in table.columns and "label" not in table.columns  # input untouched
    with pytest.raises(LabkitError, match="text"):
        monitor.label_comments(pd.DataFrame({"isi": ["halo"]}))
    with pytest.raises(LabkitError, match="rules"):
        monitor.label_comments(table, method="tebak")


def test_label_comments_with_the_model_matches_the_two_functions():
    texts = pd.Series(["Kapan paspor saya jadi?", "mantap, cepat sekali", "antre 3 jam, kecewa"])
    both = monitor.label_comments(texts, method="model")
    kind = monitor.triage(texts, method="model")
    mood = monitor.sentiment(texts, method="model")
    assert both["label"].tolist() == kind["label"].tolist()
    assert both["reason"].tolist() == kind["reason"].tolist()
    assert both["sentiment"].tolist() == mood["sentiment"].tolist()
    assert both["score"].tolist() == mood["score"].tolist()
