"""The layout of an audit report, built on :class:`labkit.export.Document`.

:func:`for_leaders` is the document saved as Word or a web page
(``report.to_docx()``, ``report.to_html()``); :func:`overview` is the short
version a notebook shows for ``report`` (``report._repr_html_``). Both are
:class:`~labkit.export.Document` objects, so text is escaped the same way in
every output. The functions read a report through its public methods only.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from labkit import i18n
from labkit.audit.text import language, num_text, pct_text
from labkit.export import Document


def summary_line(report: Any, row: Any, findings: int, lang: str) -> str:
    """One sentence on an agency: score, coverage, items scored, findings, rows not scored.

    ``row`` is the agency's row of ``report.agency_scores()`` (a Series or a
    named tuple).
    """
    get = row.__getitem__ if isinstance(row, pd.Series) else lambda k: getattr(row, k)
    score = get("score")
    return i18n.t(
        "audit.summary.agency",
        lang=lang,
        agency=report.agency_name(get("agency_id")),
        score="-" if pd.isna(score) else num_text(score, 0, lang),
        coverage=pct_text(get("coverage"), lang),
        scored=int(get("items_scored")),
        items=int(get("items")),
        findings=int(findings),
        cannot=int(get("rows_cannot")),
        not_assessed=int(get("rows_not_assessed")),
    )


def overview(report: Any, lang: str | None = None) -> Document:
    """Per agency: the summary sentence and the score per principle (the notebook view)."""
    lang = lang or i18n.get_language()
    with language(lang):
        doc = Document(i18n.t("audit.doc.title"), subtitle=report.as_of_text(), note="")
        scores = report.agency_scores(lang)
        counts = report.findings(lang=lang)["agency_id"].value_counts()
        prin = report.principle_scores("agency")
        for r in scores.itertuples():
            doc.heading(report.agency_name(r.agency_id), level=2)
            doc.paragraph(summary_line(report, r, counts.get(r.agency_id, 0), lang))
            doc.table(
                _principle_table(prin.loc[prin["agency_id"] == r.agency_id], lang), decimals=0
            )
    return doc


def _principle_table(prin: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            i18n.t("audit.col.principle"): prin["principle"].str.capitalize(),
            i18n.t("audit.col.score"): prin["score"].round(0),
            i18n.t("audit.col.coverage"): [pct_text(c, lang) for c in prin["coverage"]],
            i18n.t("audit.col.items_scored"): [
                f"{int(a)}/{int(b)}"
                for a, b in zip(prin["items_scored"], prin["items"], strict=True)
            ],
        }
    )


def for_leaders(report: Any, agency: str | None = None, lang: str = "id") -> Document:
    """The report for leaders: scorecard, chart, findings, items not scored, method.

    Parameters
    ----------
    report : AuditReport
    agency : str, optional
        Only this agency (default: every agency of the report, one section each).
    lang : {"id", "en"}
    """
    with language(lang):
        ags = [agency] if agency else report.agencies
        subtitle = "; ".join(report.agency_name(a) for a in ags)
        doc = Document(i18n.t("audit.doc.title"), subtitle=subtitle)
        doc.paragraph(report.as_of_text())
        doc.paragraph(report.rubric.notes.get(lang, ""))
        for ag in ags:
            if len(ags) > 1:
                doc.heading(report.agency_name(ag), level=1)
            _agency_section(report, doc, ag, lang)
        doc.heading(i18n.t("audit.doc.method"), level=1)
        doc.paragraph(i18n.t("audit.doc.method_text"))
    return doc


def _agency_section(report: Any, doc: Document, ag: str, lang: str) -> None:
    scores = report.agency_scores(lang)
    r = scores.loc[scores["agency_id"] == ag].iloc[0]
    doc.heading(i18n.t("audit.doc.scorecard"), level=2)
    doc.paragraph(summary_line(report, r, len(report.findings(ag, lang)), lang))
    fig = report.plot_principles(ag, lang=lang)
    prin = report.principle_scores("agency")
    prin = prin.loc[prin["agency_id"] == ag]
    alt = "; ".join(
        f"{p}: {'-' if pd.isna(s) else round(s)}"
        for p, s in zip(prin["principle"], prin["score"], strict=True)
    )
    doc.figure(fig, i18n.t("audit.doc.fig_principles"), alt=alt)
    doc.table(_principle_table(prin, lang), i18n.t("audit.doc.tab_principles"), decimals=0)
    dims = report.dimension_scores("agency", lang)
    dims = dims.loc[dims["agency_id"] == ag]
    doc.table(
        pd.DataFrame(
            {
                i18n.t("audit.col.dimension"): dims["name"],
                i18n.t("audit.col.weight"): dims["weight"].round(0),
                i18n.t("audit.col.score"): dims["score"].round(0),
                i18n.t("audit.col.coverage"): [pct_text(c, lang) for c in dims["coverage"]],
            }
        ),
        i18n.t("audit.doc.tab_dimensions"),
        decimals=0,
    )
    acc = report.account_scores()
    acc = acc.loc[acc["agency_id"] == ag]
    doc.table(
        pd.DataFrame(
            {
                i18n.t("audit.col.platform"): [
                    i18n.t(f"audit.platform.{p}") for p in acc["platform"]
                ],
                i18n.t("audit.col.account"): "@" + acc["account"].astype(str),
                i18n.t("audit.col.score"): acc["score"].round(0),
                i18n.t("audit.col.coverage"): [pct_text(c, lang) for c in acc["coverage"]],
            }
        ),
        i18n.t("audit.doc.tab_accounts"),
        decimals=0,
    )
    doc.heading(i18n.t("audit.doc.findings"), level=2)
    fnd = report.findings(ag, lang)
    if fnd.empty:
        doc.paragraph(i18n.t("audit.doc.no_findings"))
    else:
        doc.table(
            pd.DataFrame(
                {
                    i18n.t("audit.col.item"): fnd["item_id"] + " " + fnd["item"],
                    i18n.t("audit.col.finding"): fnd["finding"],
                    i18n.t("audit.col.action"): fnd["action"],
                }
            ),
            i18n.t("audit.doc.tab_findings"),
            max_rows=None,
        )
    un = report.unscored(ag, lang)
    if len(un):
        doc.heading(i18n.t("audit.doc.unscored"), level=2)
        doc.paragraph(i18n.t("audit.doc.unscored_text"))
        grouped = (
            un.assign(
                scope=np.where(
                    un["account"].notna(),
                    "@" + un["account"].fillna(""),
                    i18n.t("audit.scope.agency"),
                )
            )
            .groupby(["item_id", "item", "status", "needed"], sort=False)["scope"]
            .agg(lambda s: ", ".join(s))
            .reset_index()
        )
        doc.table(
            pd.DataFrame(
                {
                    i18n.t("audit.col.item"): grouped["item_id"] + " " + grouped["item"],
                    i18n.t("audit.col.status"): grouped["status"],
                    i18n.t("audit.col.scope"): grouped["scope"],
                    i18n.t("audit.col.needed"): grouped["needed"],
                }
            ),
            i18n.t("audit.doc.tab_unscored"),
            max_rows=None,
        )
