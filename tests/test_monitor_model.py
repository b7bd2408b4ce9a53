"""The statistical model beside the rules (labkit.monitor.model)."""

from __future__ import annotations

import pandas as pd
import pytest

from labkit.errors import LabkitError
from labkit.monitor import evaluate, model, sentiment, triage


@pytest.fixture(scope="module")
def held_out():
    return model.training_data(held_out=True, n=6000, random_state=1)


def test_trained_on_other_agencies_than_it_is_measured_on(held_out):
    train = model.training_data()
    assert set(train["agency_id"]).isdisjoint(model.HELD_OUT_AGENCIES)
    assert set(held_out["agency_id"]) <= set(model.HELD_OUT_AGENCIES)
    assert set(train["label"].dropna()) == {
        "question",
        "complaint",
        "praise",
        "hoax",
        "troll",
        "neutral",
        "spam",
    }


def test_the_model_beats_the_rules_on_held_out_bundled_comments(held_out):
    by_model = triage(held_out["text"], method="model")
    by_rules = triage(held_out["text"])
    f1_model = evaluate(held_out["label"], by_model["label"].astype(str)).macro_f1
    f1_rules = evaluate(held_out["label"], by_rules["label"].astype(str)).macro_f1
    print(
        f"bundled held-out agencies (optimistic): model macro-F1 {f1_model:.3f}, rules {f1_rules:.3f}"
    )
    assert f1_model > f1_rules and f1_model >= 0.75
    mood = sentiment(held_out["text"], method="model")
    assert evaluate(held_out["sentiment"], mood["sentiment"].astype(str)).macro_f1 >= 0.75


def test_reasons_name_the_telling_words_and_the_index_is_kept():
    texts = pd.Series(
        ["kapan paspor saya jadi?", "katanya ktp sekarang bayar, sebarkan!"], index=[7, 9]
    )
    out = triage(texts, method="model")
    assert out.index.tolist() == [7, 9] and out["label"].tolist()[0] == "question"
    assert out["reason"].str.startswith("Model:").all() and "kapan" in out["reason"].iloc[0]
    assert len(triage(pd.Series([], dtype=object), method="model")) == 0


def test_unknown_task_is_explained():
    with pytest.raises(LabkitError, match="triage"):
        model.fitted("ramalan")
