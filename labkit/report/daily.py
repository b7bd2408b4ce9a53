"""Laporan Isu Harian: the day's issues for the leader, from module 3's daily summary."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from labkit import i18n
from labkit.export import Document
from labkit.monitor.daily import DailySummary


def _shares(table: pd.DataFrame, label: str) -> pd.DataFrame:
    out = table.reset_index().rename(columns={table.index.name or "index": label})
    out["share"] = (out["share"] * 100).round(1)
    return out.rename(
        columns={
            "n": i18n.label("n", "n"),
            "share": i18n.label("% dari komentar hari itu", "% of the day's comments"),
        }
    )


def _hourly_chart(summary: DailySummary):
    from labkit import charts

    frame = summary.hourly.reset_index()
    frame.columns = ["hour", "n"]
    frame["hour"] = frame["hour"].astype(str).str.zfill(2) + ".00"
    frame["low_n"] = False
    return charts.bar(frame, "hour", "n", n=None, low_n=None, max_bars=24,
                      title=i18n.t("report.daily.chart_title"), xlabel=i18n.t("report.daily.axis"))  # fmt: skip


def daily_issue_report(
    summary: DailySummary,
    *,
    agency_name: str = "",
    actions_taken: Sequence[str] = (),
    recommendations: Sequence[str] = (),
) -> Document:
    """The daily issue report (Laporan Isu Harian) as a :class:`labkit.export.Document`.

    Parameters
    ----------
    summary : DailySummary
        From :func:`labkit.monitor.daily_summary`.
    agency_name : str
    actions_taken, recommendations : lists of str
        What the team did and recommends (the recommendations default to who the severity
        level says to tell).

    Sections: summary, today's issues (risen words), volume and sentiment (with n and the
    denominator), the comments needing a reply, hoaxes circulating with their clarification,
    alerts, actions taken and recommended, and what could not be computed.
    """
    t = i18n.t
    doc = Document(t("report.daily.title"), agency_name or None, date=summary.day)
    doc.heading(t("report.daily.h.summary"), 2)
    if summary.n_comments:
        doc.paragraph(t("report.daily.volume", n=i18n.number_text(summary.n_comments),
                        mean=i18n.number_text(summary.n_week_mean, 1)))  # fmt: skip
    if summary.severity is not None:
        doc.paragraph(t("report.daily.severity", level=summary.severity.level, name=summary.severity.name,
                        notify=", ".join(summary.severity.notify),
                        reasons="; ".join(summary.severity.reasons) or "-"))  # fmt: skip
    doc.heading(t("report.daily.h.issues"), 2)
    if len(summary.rising_terms):
        terms = summary.rising_terms.reset_index()[["term", "n_rise", "n_before", "z"]]
        doc.table(terms.round({"z": 1}), caption=t("report.daily.terms_caption"))
    else:
        doc.paragraph(t("report.daily.no_terms"))
    doc.heading(t("report.daily.h.volume"), 2)
    if len(summary.hourly):
        doc.figure(_hourly_chart(summary), caption=t("report.daily.chart_caption"),
                   alt=t("report.daily.chart_alt", n=summary.n_comments))  # fmt: skip
    if summary.n_comments:
        doc.table(
            _shares(summary.labels, i18n.label("label", "label")),
            caption=t("report.daily.denominator", n=summary.n_comments),
        )
        doc.table(_shares(summary.sentiments, i18n.label("sentimen", "sentiment")))
    doc.heading(t("report.daily.h.top"), 2)
    if len(summary.top_comments):
        cols = [
            c
            for c in ("created_at", "platform", "text", "label", "likes")
            if c in summary.top_comments
        ]
        top = summary.top_comments[cols].copy()
        if "created_at" in top:
            top["created_at"] = (
                pd.to_datetime(top["created_at"], utc=True)
                .dt.tz_convert(summary.tz)
                .dt.strftime("%H:%M")
            )
        doc.table(top)
    else:
        doc.paragraph(t("report.daily.none"))
    doc.heading(t("report.daily.h.hoaxes"), 2)
    if len(summary.hoaxes):
        doc.table(summary.hoaxes[["hoax_id", "judul", "n", "klarifikasi", "tautan"]])
    else:
        doc.paragraph(t("report.daily.no_hoaxes"))
    doc.heading(t("report.daily.h.alerts"), 2)
    if len(summary.alerts):
        alerts = summary.alerts.copy()
        for col in ("start", "end"):
            alerts[col] = (
                pd.to_datetime(alerts[col], utc=True).dt.tz_convert(summary.tz).dt.strftime("%H:%M")
            )
        if "channel" in alerts:
            alerts["channel"] = [t(f"report.daily.channel.{c}") for c in alerts["channel"]]
        shown = [c for c in ("start", "end", "peak_count", "channel", "words") if c in alerts]
        doc.table(
            alerts[shown].rename(columns={c: t(f"report.daily.col.{c}") for c in shown}),
            t("report.daily.alerts_caption"),
        )
    else:
        doc.paragraph(t("report.daily.no_alerts"))
    doc.heading(t("report.daily.h.actions"), 2)
    doc.bullets(list(actions_taken) or [t("report.daily.no_actions")])
    doc.heading(t("report.daily.h.recommend"), 2)
    recommended = list(recommendations)
    if not recommended and summary.severity is not None:
        recommended = [t("report.daily.tell", who=", ".join(summary.severity.notify))]
    doc.bullets(recommended or ["-"])
    if summary.missing:
        doc.heading(t("report.daily.h.missing"), 2)
        doc.bullets([t(key) for key in summary.missing])
    return doc
