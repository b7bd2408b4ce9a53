"""The small statistical model beside the rules: word and character n-grams, logistic regression.

Trained offline, at first use, in a few seconds, from two sources of labelled comments the
project ships:

* the hand-written training split (``labelled_comments("train")``, 600 comments), weighted
  :data:`TRAIN_WEIGHT` times, because it is written like real citizens write;
* a balanced sample (:data:`PER_CLASS` per class) of the bundled universe's comments with
  the generator's own labels (``truth_comments.kind``, read here only to *train*, never by
  the rules), mapped to the triage labels (a copy-paste bot is spam; a crisis comment is a
  complaint) and to sentiments (praise positive; complaints, crises, trolls and hoaxes
  negative; questions and neutral remarks neutral).

Features (scikit-learn ``FeatureUnion``): TF-IDF of word 1-2-grams and of character 2-5-grams
within words (``char_wb``: they still see ``gacorbb`` or ``jualfollowers`` after
normalisation), both on the normalised text (:mod:`labkit.monitor.text`). No download, ever.
The fitted models are kept in the process. The choices (sample size, weight, features) were
made by 5-fold cross-validation on the training split; the held-out split
(``labelled_comments("eval")``) only measures (docs/monitoring.md).

``reason`` names the model's most telling *words* for its choice: the word features'
contributions to the chosen class (character n-grams also count in the decision, but a
trainee cannot read them).
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
#: Bundled comments per class used for training (a balanced sample keeps first use to seconds).
PER_CLASS = 500
#: Weight of each hand-written training comment against one bundled comment.
TRAIN_WEIGHT = 10.0
#: Agencies held out of training, so the bundled figure is measured on comments the model never saw.
HELD_OUT_AGENCIES = ("AG09", "AG10", "AG11", "AG12")
TASKS = ("triage", "sentiment")


def training_data(
    *, held_out: bool = False, n: int | None = None, random_state: int = 0
) -> pd.DataFrame:
    """The bundled comments with their training labels (``text``, ``label``, ``sentiment``, ``agency_id``).

    ``held_out=True`` gives the held-out agencies' comments instead (for measuring);
    ``n`` a random sample of that many of them (``random_state`` fixes which). The
    labels are read first and the texts only of the comments kept, so a sample costs
    little memory.
    """
    frame = _labels(held_out)
    if n is not None:
        frame = frame.sample(min(n, len(frame)), random_state=random_state)
    return _with_text(frame)


def _labels(held_out: bool) -> pd.DataFrame:
    """Every bundled comment's labels, without its text (the training or held-out agencies)."""
    from labkit import data

    comments = data.load(
        "comments", source=data.BUNDLED, columns=["comment_id", "platform", "account"]
    )
    truth = data.load("truth_comments", source=data.BUNDLED, columns=["comment_id", "kind"])
    accounts = data.load(
        "accounts", source=data.BUNDLED, columns=["platform", "account", "agency_id"]
    ).drop_duplicates()
    frame = comments.merge(truth, on="comment_id").merge(
        accounts, on=["platform", "account"], how="left"
    )
    frame["label"] = frame["kind"].map(KIND_TO_LABEL)
    frame["sentiment"] = frame["kind"].map(KIND_TO_SENTIMENT)
    keep = frame["agency_id"].isin(HELD_OUT_AGENCIES)
    return frame[keep if held_out else ~keep].reset_index(drop=True)


def _with_text(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (rows of :func:`_labels`) with each comment's text, in the same order."""
    from labkit import data

    texts = data.load(
        "comments",
        source=data.BUNDLED,
        columns=["comment_id", "text"],
        where={"comment_id": frame["comment_id"].astype(str).tolist()},
    ).drop_duplicates("comment_id")
    out = frame.merge(texts, on="comment_id", how="left", validate="many_to_one")
    columns = ["comment_id", "platform", "account", "text", "kind", "agency_id"]
    return out[columns + ["label", "sentiment"]].reset_index(drop=True)


def _features():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    words = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"(?u)[^\s]+"
    )
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
    return FeatureUnion([("words", words), ("chars", chars)])


def training_set(task: str) -> pd.DataFrame:
    """What :func:`fitted` learns from: ``text``, the task's label column, ``weight``, ``source``.

    The balanced sample of bundled comments (``source`` ``"bundled"``, weight 1) and the
    hand-written training split (``"train"``, weight :data:`TRAIN_WEIGHT`).
    """
    from labkit.monitor.evaluate import labelled_comments

    column = "label" if task == "triage" else "sentiment"
    shuffled = _labels(held_out=False).sample(frac=1.0, random_state=0)
    bundled = _with_text(shuffled.groupby(column, sort=False).head(PER_CLASS))[["text", column]]
    written = labelled_comments("train")[["text", column]]
    return pd.concat(
        [
            bundled.assign(weight=1.0, source="bundled"),
            written.assign(weight=TRAIN_WEIGHT, source="train"),
        ],
        ignore_index=True,
    )


@cache
def fitted(task: str):
    """The fitted pipeline for ``task`` (``triage`` or ``sentiment``), trained once per process."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    if task not in TASKS:
        raise LabkitError("monitor.model.bad_task", task=task, valid=", ".join(TASKS))
    column = "label" if task == "triage" else "sentiment"
    frame = training_set(task)
    model = Pipeline(
        [
            ("features", _features()),
            ("classifier", LogisticRegression(max_iter=2000, C=4.0, class_weight="balanced")),
        ]
    )
    model.fit(
        text.normalize_texts(frame["text"]),
        frame[column],
        classifier__sample_weight=frame["weight"].to_numpy(),
    )
    for _name, vectorizer in model.named_steps["features"].transformer_list:
        vectorizer.stop_words_ = (
            None  # the terms pruned by min_df: only kept for inspection (memory)
        )
    return model


def _reasons(
    model, norm: pd.Series, predicted: np.ndarray, confidence: np.ndarray, task: str
) -> list[str]:
    words = model.named_steps["features"].transformer_list[0][1]
    classifier = model.named_steps["classifier"]
    matrix = words.transform(norm).tocsr()
    vocabulary = np.asarray(words.get_feature_names_out())
    # the word features come first in the union: their weights are the first columns
    coef = classifier.coef_[:, : len(vocabulary)]
    classes = list(classifier.classes_)
    out = []
    for i, label in enumerate(predicted):
        row = matrix.getrow(i)
        weights = coef[classes.index(label)] if len(classes) > 2 else coef[0]
        contributions = row.data * weights[row.indices]
        order = np.argsort(contributions)[::-1][:3]
        top = row.indices[order[contributions[order] > 0]]
        shown = ", ".join(vocabulary[top]) if len(top) else "-"
        out.append(
            i18n.t(
                "monitor.model.reason",
                label=label,
                confidence=round(float(confidence[i]) * 100),
                words=shown,
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
