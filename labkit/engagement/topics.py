"""Content pillars (topics) of posts from keyword and hashtag rules in ``topics.yaml``.

The rules live in a data file a trainer can extend (:func:`load_rules` reads
another file too). Captions are tagged once per distinct text, so a million
posts with repeated captions stay fast. The analysis never reads the
universe's ``truth_posts``; the tests score these rules against it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
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


@lru_cache(maxsize=8)
def _matcher(path: str) -> tuple[re.Pattern, dict[str, list[tuple[int, float]]], list[str]]:
    """One regex for every keyword and hashtag, and what each match counts for."""
    r = _read(path)
    topics = list(r["topics"])
    weight: dict[str, list[tuple[int, float]]] = {}
    for j, topic in enumerate(topics):
        spec = r["topics"][topic]
        for k in spec.get("keywords", []) or []:
            weight.setdefault(str(k).lower(), []).append((j, 1.0))
        for h in spec.get("hashtags", []) or []:
            weight.setdefault("#" + str(h).lower().lstrip("#"), []).append((j, 2.0))
    words = sorted(weight, key=len, reverse=True)  # longest first: "hari kerja" before "hari"
    alt = "|".join(re.escape(w) for w in words)
    pattern = r"(?<![\w#])(?:" + alt + r")(?![\w])" if words else r"(?!x)x"
    return re.compile(pattern), weight, topics


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
    pattern, weight, topics = _matcher(path)
    codes, uniq = pd.factorize(text.astype("string").fillna("").str.lower(), sort=False)
    names = np.array([*topics, other], dtype=object)
    best = np.full(len(uniq), len(topics), dtype="int64")
    score = np.zeros(len(topics))
    for i, caption in enumerate(uniq):
        score[:] = 0
        for m in pattern.findall(caption):
            for j, w in weight[m]:
                score[j] += w
        if score.any():
            best[i] = int(score.argmax())
    out = names[best][codes] if len(uniq) else np.full(len(codes), other, dtype=object)
    out[codes < 0] = other
    cats = list(names)
    return pd.Series(pd.Categorical(out, categories=cats), index=text.index, name="topic")
