"""Platform facts: text limits, how each platform counts characters, formats.

The one owner of "a platform's text limit" (guide principle 8): the crisis
drafter and the content planner both read :data:`labkit/platforms.yaml` through
this module. Each limit records the date it was checked and whether it is
verified; :func:`limits_table` shows them.

X counts text by weight (twitter-text configuration v3): code points in the
ranges below weigh 1, every other code point 2, an emoji sequence 2, and every
URL 23, against a limit of 280. Other platforms count Unicode code points.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import pandas as pd
import yaml

from labkit.errors import LabkitError

#: twitter-text config v3: ``ranges`` of weight 100; every other code point weighs 200 (scale 100).
X_LIGHT_RANGES: tuple[tuple[int, int], ...] = (
    (0, 4351),
    (8192, 8205),
    (8208, 8223),
    (8242, 8247),
)
X_URL_WEIGHT = 23
X_EMOJI_WEIGHT = 2

_URL = re.compile(
    r"(?i)\b(?:https?://[^\s<>\"]+|www\.[^\s<>\"]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.id|co\.id|ac\.id|or\.id|id|com|net|org|info|gov|ly|me|io)(?:/[^\s<>\"]*)?)"
)
# An emoji sequence: a pictographic code point with modifiers, variation selectors and ZWJ joins,
# or a pair of regional indicators (a flag), or a keycap.
_EMOJI = re.compile(
    r"(?:[\U0001F1E6-\U0001F1FF]{2})"
    r"|(?:[#*0-9]\uFE0F?\u20E3)"
    r"|(?:[\u2600-\u27BF\U0001F000-\U0001FAFF\u2B00-\u2BFF\u2300-\u23FF](?:\uFE0F|[\U0001F3FB-\U0001F3FF])*"
    r"(?:\u200D[\u2600-\u27BF\U0001F000-\U0001FAFF\u2640\u2642\u2695\u2708\u2764](?:\uFE0F|[\U0001F3FB-\U0001F3FF])*)*)"
)


@dataclass(frozen=True)
class FieldLimit:
    """One platform field's limit (``limit`` None: no known limit)."""

    platform: str
    field: str
    limit: int | None
    counting: str
    checked: date
    verified: bool
    source: str
    note: str = ""


@cache
def _table() -> dict:
    text = resources.files("labkit").joinpath("platforms.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def names() -> list[str]:
    """The platforms the lab knows, in table order."""
    return list(_table())


def check_platform(platform: str) -> str:
    """Return ``platform`` normalised, or raise a LabkitError listing the valid ones."""
    key = str(platform).strip().lower()
    if key == "twitter":
        key = "x"
    if key not in _table():
        raise LabkitError("platforms.unknown", platform=platform, valid=", ".join(names()))
    return key


def limit(platform: str, field: str = "post") -> FieldLimit:
    """The limit of ``field`` (``post``, ``bio``, ``title``...) on ``platform``."""
    key = check_platform(platform)
    spec = _table()[key]
    fields = spec["fields"]
    if field not in fields:
        raise LabkitError(
            "platforms.unknown_field", platform=key, field=field, valid=", ".join(fields)
        )
    f = fields[field]
    checked = f["checked"]
    if not isinstance(checked, date):
        checked = date.fromisoformat(str(checked))
    return FieldLimit(
        key,
        field,
        f["limit"],
        spec["counting"],
        checked,
        bool(f["verified"]),
        f.get("source", ""),
        f.get("note", ""),
    )


def formats(platform: str) -> list[str]:
    """Content formats of ``platform``."""
    return list(_table()[check_platform(platform)].get("formats", []))


def limits_table() -> pd.DataFrame:
    """Every field limit, with counting rule, date checked and verification status."""
    rows = [limit(p, f).__dict__ for p in names() for f in _table()[p]["fields"]]
    return pd.DataFrame(rows)


def _x_weight(ch: str) -> int:
    cp = ord(ch)
    for lo, hi in X_LIGHT_RANGES:
        if lo <= cp <= hi:
            return 1
    return 2


def x_weighted_length(text: str) -> int:
    """Length of ``text`` as X counts it (twitter-text v3 weighting).

    The text is NFC-normalised; each URL counts 23, each emoji sequence 2,
    code points in the light ranges 1 and all others (CJK, most non-Latin
    scripts above U+10FF) 2.
    """
    text = unicodedata.normalize("NFC", text)
    total = 0
    pos = 0
    for m in _URL.finditer(text):
        total += _plain_x(text[pos : m.start()]) + X_URL_WEIGHT
        pos = m.end()
    return total + _plain_x(text[pos:])


def _plain_x(text: str) -> int:
    total = 0
    pos = 0
    for m in _EMOJI.finditer(text):
        total += sum(_x_weight(c) for c in text[pos : m.start()]) + X_EMOJI_WEIGHT
        pos = m.end()
    return total + sum(_x_weight(c) for c in text[pos:])


def count(text: str, platform: str) -> int:
    """Length of ``text`` counted the way ``platform`` counts it."""
    key = check_platform(platform)
    if _table()[key]["counting"] == "weighted_x":
        return x_weighted_length(text)
    return len(text)


def over_limit_at(text: str, platform: str, field: str = "post") -> int | None:
    """Index in ``text`` where it goes over the limit, or None if it fits (or has no limit)."""
    lim = limit(platform, field)
    if lim.limit is None or count(text, platform) <= lim.limit:
        return None
    if lim.counting != "weighted_x":
        return lim.limit
    return _x_over_at(text, lim.limit)


def _x_over_at(text: str, limit: int) -> int:
    """Index of the first character (or URL/emoji) that takes ``text`` over ``limit``, in one pass."""
    total = 0
    pos = 0
    for m in _URL.finditer(text):
        at, total = _plain_over_at(text, pos, m.start(), total, limit)
        if at is not None:
            return at
        total += X_URL_WEIGHT
        if total > limit:
            return m.start()
        pos = m.end()
    at, total = _plain_over_at(text, pos, len(text), total, limit)
    return len(text) if at is None else at


def _plain_over_at(
    text: str, start: int, end: int, total: int, limit: int
) -> tuple[int | None, int]:
    pos = start
    for m in _EMOJI.finditer(text, start, end):
        for i in range(pos, m.start()):
            total += _x_weight(text[i])
            if total > limit:
                return i, total
        total += X_EMOJI_WEIGHT
        if total > limit:
            return m.start(), total
        pos = m.end()
    for i in range(pos, end):
        total += _x_weight(text[i])
        if total > limit:
            return i, total
    return None, total
