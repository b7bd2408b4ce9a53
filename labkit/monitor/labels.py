"""Triage and sentiment of the same comments in one pass: the texts are normalised once.

``triage(comments)`` and ``sentiment(comments)`` each normalise the texts; a report, the
daily summary or a ministry's year of comments needs both, so :func:`label_comments`
normalises each distinct text once (:func:`labkit.monitor.text.normalized`), runs both
rule sets on the distinct texts and spreads the results back to the rows. The columns are
the same as the two functions' (the sentiment's reason is ``sentiment_reason``), value for
value.
"""

from __future__ import annotations

import pandas as pd

from labkit.errors import LabkitError
from labkit.monitor import text

# by name: ``labkit.monitor.triage`` and ``.sentiment`` are the functions, not the modules
from labkit.monitor.sentiment import decide as decide_sentiment
from labkit.monitor.sentiment import rules_frame as sentiment_frame
from labkit.monitor.sentiment import sentiment
from labkit.monitor.triage import METHODS, texts_of, triage, with_columns
from labkit.monitor.triage import decide as decide_triage
from labkit.monitor.triage import rules_frame as triage_frame

#: The columns :func:`label_comments` adds, in order.
COLUMNS: tuple[str, ...] = (
    "label",
    "needs_reply",
    "reason",
    "sentiment",
    "score",
    "sentiment_reason",
)


def label_comments(comments: pd.DataFrame | pd.Series, *, method: str = "rules") -> pd.DataFrame:
    """Triage and sentiment of each comment, the texts normalised once for both.

    Parameters
    ----------
    comments : DataFrame with a ``text`` column, or Series of texts
    method : {"rules", "model"}
        The transparent rules (default) or the small statistical model, for both.

    Returns
    -------
    DataFrame
        The input's columns (a Series becomes ``text``), then ``label``, ``needs_reply``
        and ``reason`` as :func:`~labkit.monitor.triage.triage` gives them, and
        ``sentiment``, ``score`` and ``sentiment_reason`` as
        :func:`~labkit.monitor.sentiment.sentiment` gives ``sentiment``, ``score`` and
        ``reason``; the input's index.

    Raises
    ------
    LabkitError
        For an unknown method or a table without ``text``.

    Examples
    --------
    >>> out = label_comments(pd.Series(["Kapan paspor saya jadi?", "Mantap, pelayanannya cepat"]))
    >>> out[["label", "sentiment"]].to_numpy().tolist()
    [['question', 'neutral'], ['praise', 'positive']]
    """
    if method not in METHODS:
        raise LabkitError("monitor.triage.bad_method", method=method, valid=", ".join(METHODS))
    raw = texts_of(comments)
    if method == "rules":
        normalized = text.normalized(raw)
        tasks = [
            lambda: triage_frame(normalized, *decide_triage(normalized)),
            lambda: sentiment_frame(normalized, *decide_sentiment(normalized)),
        ]
        if len(normalized.raw) < text.PARALLEL_FROM:
            kind, mood = (task() for task in tasks)
        else:  # the two rule sets side by side, on two threads
            kind, mood = text.in_parallel(tasks)
    else:
        kind = triage(raw, method=method)
        mood = sentiment(raw, method=method)
    both = pd.concat(
        [
            kind[["label", "needs_reply", "reason"]],
            mood.rename(columns={"reason": "sentiment_reason"}),
        ],
        axis=1,
    )
    return with_columns(comments, raw, both[list(COLUMNS)])
