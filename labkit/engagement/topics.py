"""Content pillars (topics) of posts from keyword and hashtag rules in ``topics.yaml``.

The rules live in a data file a trainer can extend (:func:`load_rules` reads
another file too). Captions are tagged once per distinct text, with one
regular-expression pass per topic in Arrow's C++ engine (RE2 syntax: ``\b`` is
an ASCII word boundary). The analysis never reads the
universe's ``truth_posts``; the tests score these rules against it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import yaml

from labkit.engagement._common import require

RULES_FILE = Path(__file__).with_name("topics.yaml")


@lru_cache(maxsize=8)
def _read(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def load_rules(path: str | Path | None = None) -> dict:
    """The topic rules (``other`` and ``topics``) from ``path`` (default: the bundled file)."""
    return _read(str(path or RULES_FILE))


def topic_labels(lang: str = "id", path: str | Path | None = None) -> dict[str, str]:
    """Topic id -> label in ``lang`` (the ``other`` topic included)."""
    r = load_rules(path)
    out = {k: v["label"][lang] for k, v in r["topics"].items()}
    out[r["other"]["id"]] = r["other"]["label"][lang]
    return out


def _word(k: str) -> str:
    """A keyword as a pattern matching whole words (``\\b`` only next to word characters)."""
    head = r"\b" if re.match(r"\w", k) else ""
    tail = r"\b" if re.search(r"\w$", k) else ""
    return head + re.escape(k) + tail


@lru_cache(maxsize=8)
def _patterns(path: str) -> tuple[list[str], list[tuple[str | None, str | None]]]:
    """Per topic: one pattern for its keywords and one for its hashtags (RE2 syntax)."""
    r = _read(path)
    topics = list(r["topics"])
    out = []
    for topic in topics:
        spec = r["topics"][topic]
        kws = sorted({str(k).lower() for k in spec.get("keywords") or []}, key=len, reverse=True)
        tags = sorted({str(h).lower().lstrip("#") for h in spec.get("hashtags") or []})
        kw = "|".join(_word(k) for k in kws) or None
        tg = ("#(?:" + "|".join(re.escape(t) for t in tags) + r")\b") if tags else None
        out.append((kw, tg))
    return topics, out


def tag_topics(posts: pd.DataFrame | pd.Series, *, rules: str | Path | None = None) -> pd.Series:
    """The content pillar of each post, from its caption.

    Parameters
    ----------
    posts : DataFrame or Series
        Canonical ``posts`` (its ``text``) or a Series of captions.
    rules : path, optional
        Another rules file in the format of ``labkit/engagement/topics.yaml``.

    Returns
    -------
    Series
        A topic id per post (category dtype, index of ``posts``); ``lainnya``
        (other) where no rule matches or the caption is empty.
    """
    text = posts if isinstance(posts, pd.Series) else None
    if text is None:
        require(posts, "posts", ("text",))
        text = posts["text"]
    path = str(rules or RULES_FILE)
    other = load_rules(path)["other"]["id"]
    topics, patterns = _patterns(path)
    codes, uniq = pd.factorize(text.astype("string").fillna(""), sort=False)
    names = np.array([*topics, other], dtype=object)
    best = np.full(len(uniq), len(topics), dtype="int64")
    if len(uniq) and topics:
        lower = pc.utf8_lower(pa.array(np.asarray(uniq, dtype=object), type=pa.large_string()))
        score = np.zeros((len(uniq), len(topics)))
        for j, (kw, tg) in enumerate(patterns):
            if kw:
                score[:, j] += pc.count_substring_regex(lower, kw).to_numpy(zero_copy_only=False)
            if tg:
                score[:, j] += 2 * pc.count_substring_regex(lower, tg).to_numpy(
                    zero_copy_only=False
                )
        best = np.where(score.max(axis=1) > 0, score.argmax(axis=1), len(topics))
    out = names[best][codes] if len(uniq) else np.full(len(codes), other, dtype=object)
    out[codes < 0] = other
    cats = list(names)
    return pd.Series(pd.Categorical(out, categories=cats), index=text.index, name="topic")
