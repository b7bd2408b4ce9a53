"""The monthly social-media performance report for the leader.

Audit score and its change against the month before (module 1, audited as of each
month's end), engagement by account with the denominator named and n (module 2), the
best and worst posts, follower growth with abnormal jumps, the response rate to
comments, and plan against actual (module 6) when a plan is given. A month without data
gives a report that says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from labkit import data, i18n
from labkit.errors import LabkitError
from labkit.export import Document
from labkit.plan.plan import agency_accounts


@dataclass(frozen=True)
class MonthlyReport:
    """The figures of one agency's month (each table names its denominator in ``attrs``)."""

    agency_id: str
    agency_name: str
    month: pd.Period
    n_posts: int
    audit_score: float | None
    audit_change: float | None
    engagement: pd.DataFrame = field(repr=False)
    best_posts: pd.DataFrame = field(repr=False)
    worst_posts: pd.DataFrame = field(repr=False)
    followers: pd.DataFrame = field(repr=False)
    follower_jumps: pd.DataFrame = field(repr=False)
    responses: pd.DataFrame = field(repr=False)
    plan_vs_actual: pd.DataFrame = field(repr=False)

    def engagement_chart(self) -> Any:
        """Median engagement per follower by account, with the 95 % interval and n (the lab's chart style)."""
        from labkit import charts

        return charts.bar(
            self.engagement, "account", "median", lower="ci_low", upper="ci_high",
            title=i18n.t("report.monthly.h.engagement"), xlabel=i18n.t("report.monthly.axis"),
        )  # fmt: skip

    def document(self) -> Document:
        """The report as a :class:`labkit.export.Document` (DOCX/HTML)."""
        t = i18n.t
        month_name = self.month.strftime("%m/%Y")
        doc = Document(t("report.monthly.title", month=month_name), self.agency_name)
        if not self.n_posts:
            doc.paragraph(t("report.monthly.no_data", month=month_name))
            return doc
        doc.heading(t("report.monthly.h.audit"), 2)
        if self.audit_score is None:
            doc.paragraph(t("report.monthly.no_audit"))
        else:
            change = "-" if self.audit_change is None else i18n.number_text(self.audit_change, 1)
            doc.paragraph(
                t(
                    "report.monthly.audit",
                    score=i18n.number_text(self.audit_score, 1),
                    change=change,
                )
            )
        doc.heading(t("report.monthly.h.engagement"), 2)
        doc.paragraph(t("report.monthly.denominator"))
        doc.figure(
            self.engagement_chart(),
            caption=t("report.monthly.chart_caption"),
            alt=t("report.monthly.chart_alt", n=self.n_posts),
        )
        doc.table(self.engagement, caption=t("report.monthly.n_posts", n=self.n_posts))
        doc.heading(t("report.monthly.h.best"), 2)
        doc.table(self.best_posts)
        doc.heading(t("report.monthly.h.worst"), 2)
        doc.table(self.worst_posts)
        doc.heading(t("report.monthly.h.followers"), 2)
        doc.table(self.followers)
        if len(self.follower_jumps):
            doc.paragraph(t("report.monthly.jumps"))
            doc.table(self.follower_jumps)
        doc.heading(t("report.monthly.h.responses"), 2)
        doc.paragraph(t("report.monthly.responses_note"))
        doc.table(self.responses)
        if len(self.plan_vs_actual):
            doc.heading(t("report.monthly.h.plan"), 2)
            doc.table(self.plan_vs_actual)
        return doc


def _month(value: object) -> pd.Period:
    try:
        return pd.Period(str(value)[:7], freq="M")
    except (ValueError, TypeError):
        raise LabkitError("report.monthly.bad_month", month=repr(value)) from None


def _audit_score(agency_id: str, accounts, posts, comments, agencies, as_of) -> float | None:
    from labkit import audit

    mine_posts = posts[pd.to_datetime(posts["published_at"], utc=True) <= as_of]
    if mine_posts.empty:
        return None
    report = audit.audit(
        accounts, mine_posts, comments, agencies=agencies, agency=agency_id, as_of=as_of
    )
    scores = report.agency_scores()
    return float(scores["score"].iloc[0]) if len(scores) and "score" in scores else None


def _own_rows(table: pd.DataFrame, keys: set) -> pd.DataFrame:
    """The rows of ``table`` whose (platform, account) is in ``keys``."""
    own = [k in keys for k in zip(table["platform"].astype(str), table["account"], strict=True)]
    return table[own].reset_index(drop=True)


def monthly_report(
    agency_id: str,
    month: object,
    *,
    plan: Any = None,
    with_audit: bool = True,
) -> MonthlyReport:
    """One agency's month of social media, for the leader.

    Parameters
    ----------
    agency_id : str
    month : "YYYY-MM" (or a date in the month)
    plan : ContentPlan, optional
        Module 6's plan for the month: planned against published posts per platform.
    with_audit : bool
        Audit the month's end and the month before (a few seconds).
    """
    from labkit import engagement

    period = _month(month)
    accounts, followers, agencies = (
        data.load("accounts"),
        data.load("followers"),
        data.load("agencies"),
    )
    mine = agency_accounts(accounts, agency_id)
    names = dict(zip(agencies["agency_id"], agencies["name"], strict=True))
    keys = set(zip(mine["platform"], mine["account"], strict=True))
    # only this agency's rows are read (a ministry's year of posts and comments is large)
    own = {"account": sorted(mine["account"].astype(str).unique())}
    posts = _own_rows(data.load("posts", where=own), keys)
    comments = _own_rows(data.load("comments", where=own), keys)
    published = pd.to_datetime(posts["published_at"], utc=True)
    in_month = (
        published.dt.tz_convert("Asia/Jakarta").dt.tz_localize(None).dt.to_period("M") == period
    )
    month_posts = posts[in_month]
    empty = pd.DataFrame()
    if month_posts.empty:
        return MonthlyReport(agency_id, names.get(agency_id, agency_id), period, 0, None, None,
                             empty, empty, empty, empty, empty, empty, empty)  # fmt: skip
    end = (period.end_time.tz_localize("Asia/Jakarta")).tz_convert("UTC")
    before = ((period - 1).end_time.tz_localize("Asia/Jakarta")).tz_convert("UTC")
    score = change = None
    if with_audit:
        score = _audit_score(agency_id, mine, posts, comments, agencies, end)
        previous = _audit_score(agency_id, mine, posts, comments, agencies, before)
        change = None if score is None or previous is None else score - previous
    rates = engagement.summary(month_posts, "account", accounts=mine, followers=followers)
    rates = rates[["account", "n", "median", "ci_low", "ci_high", "low_n"]].copy()
    for col in ("median", "ci_low", "ci_high"):
        rates[col] = (rates[col] * 100).round(2)
    values, _ = engagement.metric_values(month_posts, "engagement_rate", denominator="followers",
                                         followers=followers, accounts=mine)  # fmt: skip
    ranked = month_posts.assign(er_pct=(pd.Series(values, index=month_posts.index) * 100).round(2))
    ranked = ranked.dropna(subset=["er_pct"]).sort_values("er_pct", ascending=False)
    cols = ["platform", "account", "published_at", "text", "er_pct"]
    best, worst = (
        ranked[cols].head(3).reset_index(drop=True),
        ranked[cols].tail(3).iloc[::-1].reset_index(drop=True),
    )
    for frame in (best, worst):
        frame["published_at"] = (
            pd.to_datetime(frame["published_at"], utc=True).dt.tz_convert("Asia/Jakarta").dt.date
        )
        frame["text"] = frame["text"].astype(str).str.slice(0, 120)
    fol = followers[
        [k in keys for k in zip(followers["platform"], followers["account"], strict=True)]
    ]
    fol_dates = pd.to_datetime(fol["date"]).dt.to_period("M")
    fol_month = fol[fol_dates == period].sort_values("date")
    growth = (
        fol_month.groupby(["platform", "account"])["followers"].agg(["first", "last"]).reset_index()
    )
    growth["change"] = growth["last"] - growth["first"]
    growth["change_pct"] = (growth["change"] / growth["first"] * 100).round(2)
    jumps = engagement.follower_anomalies(fol, posts, accounts=mine)
    jumps = (
        jumps[pd.to_datetime(jumps["date"]).dt.to_period("M") == period] if len(jumps) else jumps
    )
    month_comments = comments[comments["account"].isin(mine["account"])]
    created = (
        pd.to_datetime(month_comments["created_at"], utc=True)
        .dt.tz_convert("Asia/Jakarta")
        .dt.tz_localize(None)
        .dt.to_period("M")
    )
    responses = engagement.response_stats(month_comments[created == period])
    responses["response_rate"] = (responses["response_rate"] * 100).round(1)
    plan_vs = pd.DataFrame()
    if plan is not None and len(plan.posts):
        planned = plan.posts.groupby("platform").size().rename("planned")
        actual = month_posts.groupby("platform").size().rename("published")
        plan_vs = pd.concat([planned, actual], axis=1).fillna(0).astype(int).reset_index()
    return MonthlyReport(agency_id, names.get(agency_id, agency_id), period, len(month_posts), score, change,
                         rates, best, worst, growth, jumps, responses, plan_vs)  # fmt: skip
