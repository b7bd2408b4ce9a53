"""Checks on a content plan: findings a planner can act on, never exceptions.

* ``pillar_mix``: each pillar's share of the planned posts against its target (off by
  more than 10 points), and pillars that are not in the plan;
* ``platform``/``format``: a platform the agency has no account on, or a format the
  platform does not have (:mod:`labkit.platforms`, the one table of platform facts);
* ``outside_period``: a post dated outside the plan's period;
* ``gap``/``cluster``: four or more days in a row without a post; more than three posts
  on one platform on one day;
* ``mourning``/``holiday``: a post on a day of mourning (flags at half-mast: no
  celebratory content), a post on a holiday or joint-leave day (who publishes it?);
* accessibility: ``alt_text`` (images without alternative text), ``video_captions``
  (videos without captions), ``hashtag_case`` (multi-word hashtags not in CamelCase),
  ``long_sentence`` (sentences over 25 words), ``too_long`` (over the platform's limit);
* ``narrative``: a post sharing no key term with the central narrative (*narasi tunggal*,
  Inpres 9/2015) the trainer provides; :func:`narrative_alignment` shows the shared terms
  and the similarity of every post, so the judgement stays the planner's.
"""

from __future__ import annotations

import re

import pandas as pd

from labkit import i18n, platforms
from labkit.plan.plan import ContentPlan

COLUMNS = ["code", "severity", "date", "platform", "pillar", "message"]
MIX_TOLERANCE = 0.10
GAP_DAYS = 4
MAX_PER_DAY = 3
MAX_SENTENCE_WORDS = 25
_VISUAL = {"image", "carousel", "photo", "story"}
_VIDEO = {"video", "reel", "short"}
_HASHTAG = re.compile(r"#(\w+)")


def _finding(code: str, severity: str, row: pd.Series | None = None, **params: object) -> dict:
    date = row["date"] if row is not None else pd.NaT
    return {
        "code": code,
        "severity": severity,
        "date": pd.Timestamp(date).date() if pd.notna(date) else None,
        "platform": row["platform"] if row is not None else "",
        "pillar": row["pillar"] if row is not None else "",
        "message": i18n.t(f"plan.check.{code}", **params),
    }


def key_terms(text: str) -> set[str]:
    """The content words of a text (normalised, stopwords and short words dropped)."""
    from labkit.monitor import tokens

    return {w for w in tokens(text, drop_stopwords=True) if len(w) > 3 and not w.isdigit()}


def narrative_alignment(plan: ContentPlan, narrative: str | None = None) -> pd.DataFrame:
    """Per planned post: the key terms it shares with the narrative, and their Jaccard similarity."""
    central = key_terms(narrative if narrative is not None else plan.narrative)
    rows = []
    for _, post in plan.posts.iterrows():
        own = key_terms(post["caption"])
        shared = sorted(own & central)
        union = own | central
        rows.append({"date": pd.Timestamp(post["date"]).date(), "platform": post["platform"],
                     "shared_terms": ", ".join(shared), "similarity": len(shared) / len(union) if union else 0.0})  # fmt: skip
    return pd.DataFrame(rows, columns=["date", "platform", "shared_terms", "similarity"])


def check_plan(plan: ContentPlan, *, narrative: str | None = None) -> pd.DataFrame:
    """Every finding on the plan (see the module's description), most serious first."""
    posts = plan.posts.copy()
    found: list[dict] = []
    if posts.empty:
        return pd.DataFrame([_finding("empty", "warning")], columns=COLUMNS)
    posts["date"] = pd.to_datetime(posts["date"])
    lo, hi = pd.Timestamp(plan.start), pd.Timestamp(plan.end)
    # pillars
    shares = posts["pillar"].value_counts(normalize=True)
    for pillar, target in plan.pillars.items():
        actual = float(shares.get(pillar, 0.0))
        if abs(actual - target) > MIX_TOLERANCE:
            found.append(_finding("pillar_mix", "warning", None, pillar=pillar,
                                  actual=round(actual * 100), target=round(target * 100), n=len(posts)))  # fmt: skip
    known = set(platforms.names())
    days = plan.important_days()
    by_day = {d: g for d, g in days.groupby("date")}
    for _, post in posts.iterrows():
        if post["pillar"] not in plan.pillars:
            found.append(_finding("unknown_pillar", "error", post, valid=", ".join(plan.pillars)))
        if post["platform"] not in known:
            found.append(
                _finding("unknown_platform", "error", post, valid=", ".join(sorted(known)))
            )
            continue
        if plan.channels and post["platform"] not in plan.channels:
            found.append(_finding("no_account", "warning", post))
        if post["format"] and post["format"] not in platforms.formats(post["platform"]):
            found.append(_finding("format", "error", post, fmt=post["format"],
                                  valid=", ".join(platforms.formats(post["platform"]))))  # fmt: skip
        if not lo <= post["date"] <= hi:
            found.append(_finding("outside_period", "error", post, start=plan.start, end=plan.end))
        for _, day in by_day.get(post["date"], pd.DataFrame()).iterrows():
            if day["tone"] == "mourning":
                found.append(_finding("mourning", "error", post, day=day["name"]))
            elif day["kind"] in ("holiday", "cuti_bersama") and post["pillar"] != "Hari penting":
                found.append(_finding("holiday", "suggestion", post, day=day["name"]))
        fmt = str(post["format"])
        if fmt in _VISUAL and not str(post["alt_text"]).strip():
            found.append(_finding("alt_text", "warning", post))
        if fmt in _VIDEO and not bool(post["has_captions"]):
            found.append(_finding("video_captions", "warning", post))
        caption = str(post["caption"])
        for tag in _HASHTAG.findall(caption):
            if len(tag) >= 12 and (tag.islower() or tag.isupper()):
                found.append(_finding("hashtag_case", "suggestion", post, tag=tag))
        for sentence in re.split(r"(?<=[.!?])\s+", caption):
            if len(sentence.split()) > MAX_SENTENCE_WORDS:
                found.append(_finding("long_sentence", "suggestion", post, n=len(sentence.split()),
                                      limit=MAX_SENTENCE_WORDS))  # fmt: skip
                break
        if caption and platforms.over_limit_at(caption, post["platform"]) is not None:
            found.append(
                _finding("too_long", "error", post, limit=platforms.limit(post["platform"]).limit)
            )
    # gaps and clusters over the period
    planned_days = set(posts["date"].dt.normalize())
    run, run_start = 0, None
    for day in pd.date_range(lo, hi, freq="D"):
        if day in planned_days:
            if run >= GAP_DAYS:
                found.append(_finding("gap", "warning", None, start=run_start.date(), days=run))
            run = 0
        else:
            run_start = day if run == 0 else run_start
            run += 1
    if run >= GAP_DAYS:
        found.append(_finding("gap", "warning", None, start=run_start.date(), days=run))
    per_day = posts.groupby([posts["date"].dt.normalize(), "platform"]).size()
    for (day, platform), n in per_day[per_day > MAX_PER_DAY].items():
        found.append(
            _finding(
                "cluster",
                "warning",
                pd.Series({"date": day, "platform": platform, "pillar": ""}),
                n=n,
            )
        )
    text = narrative if narrative is not None else plan.narrative
    if text and text.strip():
        aligned = narrative_alignment(plan, text)
        for (_, post), (_, a) in zip(posts.iterrows(), aligned.iterrows(), strict=True):
            if not a["shared_terms"]:
                found.append(_finding("narrative", "suggestion", post))
    order = {"error": 0, "warning": 1, "suggestion": 2}
    out = pd.DataFrame(found, columns=COLUMNS)
    return out.sort_values("severity", key=lambda s: s.map(order), kind="stable").reset_index(
        drop=True
    )
