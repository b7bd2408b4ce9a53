"""Severity of an issue (level 1-4) and who is told, from signals a trainee can check.

Scale (``volume_ratio``), velocity (``peak_per_hour``), sentiment (``negative_share``),
channel (``platforms``), actors (``media``), a known hoax and a threat to safety give a
level; the rules are data (``severity.yaml``), which a trainer can replace with the
agency's own escalation list (``eskalasi.yaml`` in the work folder).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
import yaml

from labkit import i18n, workspace
from labkit.errors import LabkitError

#: Name of a trainer's escalation rules, in the work folder.
USER_RULES_FILE = "eskalasi.yaml"
SIGNALS = (
    "volume_ratio", "peak_per_hour", "negative_share", "platforms", "media", "known_hoax", "safety",
)  # fmt: skip


def _check_rules(raw: Any, name: str) -> dict:
    levels = raw.get("levels") if isinstance(raw, dict) else None
    if not isinstance(levels, dict) or not levels:
        raise LabkitError("monitor.severity.no_levels", file=name)
    for level, spec in levels.items():
        if not isinstance(level, int) or not isinstance(spec, dict):
            raise LabkitError("monitor.severity.bad_level", file=name, level=level)
        for key in ("name", "notify", "when"):
            if key not in spec:
                raise LabkitError("monitor.severity.missing", file=name, level=level, field=key)
        for cond in spec["when"] or []:
            if cond.get("signal") not in SIGNALS or not ({"at_least", "is"} & set(cond)):
                raise LabkitError(
                    "monitor.severity.bad_condition",
                    file=name,
                    level=level,
                    condition=repr(cond),
                    signals=", ".join(SIGNALS),
                )
    return raw


@cache
def _package_rules() -> dict:
    raw = yaml.safe_load(
        resources.files("labkit.monitor").joinpath("severity.yaml").read_text("utf-8")
    )
    return _check_rules(raw, "severity.yaml")


def escalation_rules() -> dict:
    """The escalation rules: the trainer's ``eskalasi.yaml`` if present, else the project's.

    Raises
    ------
    LabkitError
        If the trainer's file is broken (file, line or level and the fix are named).
    """
    raw = workspace.load_yaml(USER_RULES_FILE)
    if raw is None:
        return _package_rules()
    return _check_rules(raw, str(workspace.resolve(USER_RULES_FILE)))


@dataclass(frozen=True)
class Severity:
    """A severity level with who to tell and why.

    Attributes
    ----------
    level : int
        1 (monitor) to 4 (crisis).
    name : str
        The level's name in the trainee's language.
    notify : list of str
        Who is told.
    reasons : list of str
        The conditions that held, in the trainee's language.
    signals : dict
        The signals used.
    """

    level: int
    name: str
    notify: list[str]
    reasons: list[str]
    signals: dict = field(repr=False)


def _holds(cond: dict, value: Any) -> bool:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return False
    if "is" in cond:
        return bool(value) is bool(cond["is"])
    return float(value) >= float(cond["at_least"])


def assess_severity(signals: dict[str, Any]) -> Severity:
    """The level of an issue from its signals.

    Parameters
    ----------
    signals : dict
        Any of :data:`SIGNALS`; missing signals never raise a level.

    Raises
    ------
    LabkitError
        For a signal name that is not known (a typo would silently count as missing).
    """
    unknown = sorted(set(signals) - set(SIGNALS))
    if unknown:
        raise LabkitError(
            "monitor.severity.unknown_signal", names=", ".join(unknown), valid=", ".join(SIGNALS)
        )
    rules = escalation_rules()["levels"]
    lang = i18n.get_language()
    best, reasons = min(rules), []
    for level in sorted(rules):
        held = [c for c in rules[level]["when"] or [] if _holds(c, signals.get(c["signal"]))]
        if held:
            best = level
            reasons = [
                i18n.t(
                    "monitor.severity.reason",
                    signal=i18n.t(f"monitor.severity.signal.{c['signal']}"),
                    value=signals[c["signal"]],
                    rule=c.get("at_least", c.get("is")),
                )
                for c in held
            ]
    spec = rules[best]
    name = (
        spec["name"].get(lang, spec["name"].get("id"))
        if isinstance(spec["name"], dict)
        else spec["name"]
    )
    return Severity(best, str(name), list(spec["notify"]), reasons, dict(signals))


def measure_signals(
    comments: pd.DataFrame,
    window: tuple,
    *,
    negative: pd.Series | None = None,
    baseline_days: int = 28,
) -> dict[str, Any]:
    """Scale, velocity, sentiment and channel of the comments in ``window``.

    Parameters
    ----------
    comments : comments table (``created_at``, ``platform``)
    window : (start, end)
    negative : boolean Series aligned with ``comments``, optional
        Which comments are negative (for example ``sentiment(...)["sentiment"] == "negative"``).
    baseline_days : int
        The usual volume is the mean over this many days before the window.

    Returns
    -------
    dict with ``volume_ratio``, ``peak_per_hour``, ``negative_share`` (if ``negative`` is
    given) and ``platforms``; ``media``, ``known_hoax`` and ``safety`` are for the
    trainee to judge (or ``match_hoaxes``) and are not set here.
    """
    lo, hi = (pd.Timestamp(t) for t in window)
    lo = lo.tz_localize("UTC") if lo.tzinfo is None else lo
    hi = hi.tz_localize("UTC") if hi.tzinfo is None else hi
    when = pd.to_datetime(comments["created_at"], utc=True)
    inside = (when >= lo) & (when < hi)
    before = (when >= lo - pd.Timedelta(days=baseline_days)) & (when < lo)
    span = (hi - lo) / pd.Timedelta(days=baseline_days)
    usual = before.sum() * span
    out: dict[str, Any] = {
        "volume_ratio": round(float(inside.sum() / usual), 1) if usual > 0 else float("inf"),
        "peak_per_hour": int(when[inside].dt.floor("h").value_counts().max())
        if inside.any()
        else 0,
        "platforms": int(comments.loc[inside, "platform"].nunique())
        if "platform" in comments
        else 1,
    }
    if negative is not None:
        out["negative_share"] = round(float(negative[inside].mean()), 2) if inside.any() else 0.0
    return out
