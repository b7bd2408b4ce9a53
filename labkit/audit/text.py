"""Words and numbers of an audit report, in either language.

Evidence is stored as a catalogue key plus arguments (``msg``/``args``) and
rendered on demand by :func:`render`, so one report reads in Indonesian or
English. Numbers follow the language's convention (Indonesian ``1.234,5``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from labkit import i18n


@contextmanager
def language(lang: str | None):
    """Temporarily switch every message to ``lang`` (None: leave as is)."""
    if lang is None:
        yield i18n.get_language()
        return
    before = i18n.get_language()
    i18n.set_language(lang)
    try:
        yield lang
    finally:
        i18n.set_language(before)


def num_text(x: float, decimals: int, lang: str) -> str:
    """``x`` with ``decimals`` places and the thousands separator of ``lang``."""
    return i18n.number_text(x, decimals, lang)


def pct_text(x: Any, lang: str) -> str:
    """A share (0-1) as a percentage in words (``"-"`` when missing)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    v = 100 * float(x)
    decimals = 0 if abs(v) >= 10 or v == 0 else (1 if abs(v) >= 1 else 3)
    return num_text(v, decimals, lang) + "%"


def _fmt_args(args: Mapping[str, Any], lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in args.items():
        if k.endswith("_pct"):
            out[k] = pct_text(v, lang)
        elif k == "last_date":
            out[k] = "-" if v in (None, "") else pd.Timestamp(v).strftime("%Y-%m-%d")
        elif k == "field_id":
            out["field"] = i18n.t(f"audit.field.{v}", lang=lang)
            out[k] = str(v)
        elif k == "top_type":
            out[k] = i18n.t(f"audit.ctype.{v}", lang=lang)
        elif k == "note":
            out[k] = str(v) if v else i18n.t("audit.no_note", lang=lang)
        elif k == "answer":
            out[k] = i18n.t(f"audit.answer.{v}", lang=lang) if v else "-"
        elif k == "what":
            out[k] = i18n.t(f"audit.what.{v}", lang=lang)
        elif k == "platform":
            out[k] = i18n.t(f"audit.platform.{v}", lang=lang)
        elif isinstance(v, bool):
            out[k] = i18n.t("audit.answer.yes" if v else "audit.answer.no", lang=lang)
        elif isinstance(v, int | np.integer):
            out[k] = num_text(int(v), 0, lang)
        elif isinstance(v, float | np.floating):
            out[k] = "-" if math.isnan(v) else num_text(float(v), 1 if abs(v) < 100 else 0, lang)
        else:
            out[k] = str(v)
    return out


def render(msg: str | None, args: Mapping[str, Any] | None, lang: str | None = None) -> str:
    """The sentence of catalogue key ``msg`` with ``args``, in ``lang``."""
    if not isinstance(msg, str) or not msg:
        return ""
    lang = lang or i18n.get_language()
    params = _fmt_args(args or {}, lang)
    return i18n.t(msg, lang=lang, **{k: params.get(k, "-") for k in _fields(msg, lang)})


@lru_cache(maxsize=512)
def _fields(msg: str, lang: str) -> frozenset[str]:
    return frozenset(i18n.placeholders(i18n.catalog()[msg][lang]))


def status_label(state: str, points: float | None, lang: str | None = None) -> str:  # noqa: D401
    """Words for an item's result: memenuhi / sebagian / tidak memenuhi / cannot be scored..."""
    if state == "scored" and points is not None and not math.isnan(points):
        key = {2: "met", 1: "partial", 0: "not_met"}.get(int(round(points)), "partial")
        return i18n.t(f"audit.status.{key}", lang=lang)
    return i18n.t(f"audit.status.{state}", lang=lang)
