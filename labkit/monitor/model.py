"""The small statistical model beside the rules: word n-grams and logistic regression (scikit-learn).

Trained offline, at first use, in seconds, from labelled comments the project ships: the
bundled universe's comments with the generator's own labels (``truth_comments.kind``, read
here only to *train*, never by the rules), mapped to the triage labels (a copy-paste bot
is spam; a crisis comment is a complaint) and to sentiments (praise positive; complaints,
crises, trolls and hoaxes negative; questions and neutral remarks neutral). No download,
ever. The fitted models are kept in the process.

Because the generator's vocabulary is narrow, the model's figures on the bundled comments
are optimistic; the project's hand-written held-out set (``labelled_comments("eval")``) is
the honest yardstick once it exists (docs/monitoring.md).

``reason`` names the model's most telling words for its choice, from the linear weights.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from labkit import i18n
from labkit.errors import LabkitError
from labkit.monitor import text

#: Generator kinds -> triage labels and sentiments.
KIND_TO_LABEL = {
    "question": "question", "complaint": "complaint", "crisis": "complaint", "praise": "praise",
    "hoax": "hoax", "troll": "troll", "neutral": "neutral", "bot": "spam",
}  # fmt: skip
KIND_TO_SENTIMENT = {
    "question": "neutral", "neutral": "neutral", "praise": "positive", "bot": "positive",
    "complaint": "negative", "crisis": "negative", "troll": "negative", "hoax": "negative",
}  # fmt: skip
#: Comments per class used for training (a balanced sample keeps first use to seconds).
PER_CLASS = 4000
#: Agencies held out of training, so the bundled figure is measured on comments the model never saw.
HELD_OUT_AGENCIES = ("AG09", "AG10", "AG11", "AG12")
TASKS = ("triage", "sentiment")


def training_data(*, held_out: bool = False) -> pd.DataFrame:
    """The bundled comments with their training labels (``text``, ``label``, ``sentiment``, ``agency_id``).

    ``held_out=True`` gives the held-out agencies' comments instead (for measuring).
    """
    from labkit import data

    comments = data.load("comments", source=data.BUNDLED)
    truth = data.load("truth_comments", source=data.BUNDLED)
    accounts = data.load("accounts", source=data.BUNDLED)[
        ["platform", "account", "agency_id"]
    ].drop_duplicates()
    frame = comments[["comment_id", "platform", "account", "text"]].merge(
        truth[["comment_id", "kind"]], on="comment_id"
    )
    frame = frame.merge(accounts, on=["platform", "account"], how="left")
    frame["label"] = frame["kind"].map(KIND_TO_LABEL)
    frame["sentiment"] = frame["kind"].map(KIND_TO_SENTIMENT)
    keep = frame["agency_id"].isin(HELD_OUT_AGENCIES)
    return frame[keep if held_out else ~keep].reset_index(drop=True)


@cache
def fitted(task: str):
    """The fitted pipeline for ``task`` (``triage`` or ``sentiment``), trained once per process."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    if task not in TASKS:
        raise LabkitError("monitor.model.bad_task", task=task, valid=", ".join(TASKS))
    column = "label" if task == "triage" else "sentiment"
    frame = training_data()
    shuffled = frame.sample(frac=1.0, random_state=0)
    sample = shuffled.groupby(column, sort=False).head(PER_CLASS)
    model = make_pipeline(
        TfidfVectorizer(
            ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"(?u)[^\s]+"
        ),
        LogisticRegression(max_iter=1000, C=4.0, class_weight="balanced"),
    )
    model.fit(text.normalize_texts(sample["text"]), sample[column])
    return model


def _reasons(
    model, norm: pd.Series, predicted: np.ndarray, confidence: np.ndarray, task: str
) -> list[str]:
    vectorizer, classifier = model.steps[0][1], model.steps[1][1]
    matrix = vectorizer.transform(norm)
    vocabulary = np.asarray(vectorizer.get_feature_names_out())
    classes = list(classifier.classes_)
    out = []
    for i, label in enumerate(predicted):
        row = matrix.getrow(i)
        weights = (
            classifier.coef_[classes.index(label)] if len(classes) > 2 else classifier.coef_[0]
        )
        contributions = row.data * weights[row.indices]
        top = row.indices[np.argsort(contributions)[::-1][:3]]
        words = ", ".join(vocabulary[top]) if len(top) else "-"
        out.append(
            i18n.t(
                "monitor.model.reason",
                label=label,
                confidence=round(float(confidence[i]) * 100),
                words=words,
            )
        )
    return out


def predict(task: str, texts: pd.Series) -> pd.DataFrame:
    """Labels (``triage``) or sentiments (``sentiment``) from the model, with a reason per comment.

    Returns a DataFrame with the input's index: ``label`` (or ``sentiment``), ``score``
    (the model's probability of its choice) and ``reason``.
    """
    model = fitted(task)
    norm = text.normalize_texts(texts)
    if len(norm) == 0:
        column = "label" if task == "triage" else "sentiment"
        return pd.DataFrame({column: [], "score": [], "reason": []}, index=texts.index)
    probabilities = model.predict_proba(norm)
    best = probabilities.argmax(axis=1)
    predicted = model.classes_[best]
    confidence = probabilities[np.arange(len(best)), best]
    reasons = _reasons(model, norm, predicted, confidence, task)
    column = "label" if task == "triage" else "sentiment"
    if task == "sentiment":
        classes = list(model.classes_)
        score = (
            probabilities[:, classes.index("positive")]
            - probabilities[:, classes.index("negative")]
        )
    else:
        score = confidence
    return pd.DataFrame({column: predicted, "score": score, "reason": reasons}, index=texts.index)
