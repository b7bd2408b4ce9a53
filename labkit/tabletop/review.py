"""The after-action review: how the team did against the scenario, as data, DOCX and HTML.

Scored from the exercise log, against what the scenario expected:

* **time to detect**: the minute of the monitor's first alert (or first flag);
* **golden hour**: the minute the first holding statement was published (good: within 60);
* **lint findings at publish**: what the drafting checker still found in each published text;
* **strategy against SCCT**: each draft's chosen strategy against the SCCT advisor's
  recommendation for the crisis type in force when it was written (a twist can change it);
* **injects left unanswered**: expected actions not taken by their deadline;
* **hoaxes left uncorrected**: hoax injects with no clarification published or replied after them.

:meth:`AfterAction.save` writes ``after_action.json`` (fields documented in
docs/tabletop.md, read by the trainer's cohort view), a DOCX and an HTML report with a
timeline chart, under ``tabletop/laporan/`` in the work folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from labkit import charts, i18n, workspace
from labkit.crisis import advise
from labkit.export import Document
from labkit.tabletop.exercise import Exercise, ExerciseState
from labkit.tabletop.scenario import Scenario

GOLDEN_HOUR = 60
REPORT_DIR = ("tabletop", "laporan")
#: Which published draft kinds satisfy which expected action.
SATISFIES = {
    "holding_statement": {"holding"},
    "update": {"update", "holding"},
    "apology": {"apology"},
    "clarify_hoax": {"clarification"},
}


@dataclass(frozen=True)
class AfterAction:
    """The scores of one exercise (see the module's description). Minutes are scenario minutes."""

    scenario_id: str
    team: str
    minutes_played: float
    time_to_detect: float | None
    first_holding: float | None
    within_golden_hour: bool
    published: pd.DataFrame = field(repr=False)
    strategies: pd.DataFrame = field(repr=False)
    unanswered: pd.DataFrame = field(repr=False)
    hoaxes_uncorrected: pd.DataFrame = field(repr=False)
    timeline: pd.DataFrame = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable summary (the JSON the cohort view reads)."""
        return {
            "scenario": self.scenario_id,
            "team": self.team,
            "minutes_played": round(self.minutes_played, 1),
            "time_to_detect": self.time_to_detect,
            "first_holding": self.first_holding,
            "within_golden_hour": self.within_golden_hour,
            "published": int(len(self.published)),
            "findings_at_publish": int(self.published["n_findings"].sum())
            if len(self.published)
            else 0,
            "strategy_matches": int(self.strategies["matches"].sum())
            if len(self.strategies)
            else 0,
            "strategy_total": int(len(self.strategies)),
            "unanswered": int(len(self.unanswered)),
            "hoaxes_uncorrected": int(len(self.hoaxes_uncorrected)),
        }

    def document(self) -> Document:
        """The report as a :class:`labkit.export.Document` (DOCX and HTML)."""
        t = i18n.t
        doc = Document(t("tabletop.review.title", scenario=self.scenario_id, team=self.team))
        doc.paragraph(t("tabletop.review.played", minutes=i18n.number_text(self.minutes_played)))
        doc.heading(t("tabletop.review.h.scores"), 2)
        rows = [
            (t("tabletop.review.detect"), _minutes(self.time_to_detect)),
            (t("tabletop.review.holding"), _minutes(self.first_holding)),
            (t("tabletop.review.golden"), t("tabletop.review.yes") if self.within_golden_hour else t("tabletop.review.no")),
            (t("tabletop.review.unanswered"), str(len(self.unanswered))),
            (t("tabletop.review.hoaxes"), str(len(self.hoaxes_uncorrected))),
        ]  # fmt: skip
        doc.table(
            pd.DataFrame(
                rows, columns=[t("tabletop.review.col.what"), t("tabletop.review.col.value")]
            )
        )
        doc.figure(self.timeline_chart(), caption=t("tabletop.review.chart_caption"))
        if len(self.published):
            doc.heading(t("tabletop.review.h.published"), 2)
            doc.table(
                self.published[["draft_id", "kind", "published_at", "n_findings", "findings"]]
            )
        if len(self.strategies):
            doc.heading(t("tabletop.review.h.strategy"), 2)
            doc.table(self.strategies)
        if len(self.unanswered):
            doc.heading(t("tabletop.review.h.unanswered"), 2)
            doc.table(self.unanswered)
        doc.heading(t("tabletop.review.h.questions"), 2)
        doc.bullets([t(f"tabletop.review.q{i}") for i in range(1, 5)])
        return doc

    def timeline_chart(self) -> Any:
        """Injects and the team's actions on one time axis."""
        fig = charts.figure(height=3.5)
        with charts.style():
            ax = fig.add_subplot()
            lanes = {"inject": 2, "monitor": 1, "team": 0}
            for lane, y in lanes.items():
                part = self.timeline[self.timeline["lane"] == lane]
                ax.scatter(part["minute"], [y] * len(part), s=60, color=charts.PALETTE[y], zorder=3)
                for _, row in part.iterrows():
                    ax.annotate(row["label"], (row["minute"], y), xytext=(0, 8), textcoords="offset points",
                                fontsize=8, rotation=35)  # fmt: skip
            ax.axvline(GOLDEN_HOUR, color=charts.PALETTE[5], linestyle=":", linewidth=2)
            ax.set_yticks(
                list(lanes.values()), [i18n.t(f"tabletop.review.lane.{k}") for k in lanes]
            )
            ax.set_xlabel(i18n.t("tabletop.review.axis"))
            ax.set_ylim(-0.5, 3)
        return fig

    def save(self) -> dict[str, Path]:
        """Write JSON, DOCX and HTML under ``tabletop/laporan/`` in the work folder."""
        stem = f"{self.scenario_id}_{self.team}"
        json_path = workspace.save_json(Path(*REPORT_DIR) / f"{stem}.json", self.to_dict())
        doc = self.document()
        return {
            "json": json_path,
            "docx": doc.to_docx(workspace.path(*REPORT_DIR, f"{stem}.docx")),
            "html": doc.to_html(workspace.path(*REPORT_DIR, f"{stem}.html")),
        }


def _minutes(value: float | None) -> str:
    if value is None:
        return i18n.t("tabletop.review.never")
    return i18n.t("tabletop.review.minute", minute=i18n.number_text(value))


def _crisis_type_at(scenario: Scenario, minute: float) -> str:
    current = scenario.scct_type
    for inject in scenario.injects:
        if inject.type == "twist" and inject.at <= minute:
            current = inject.scct_type
    return current


def review(exercise: Exercise, *, team: str | None = None) -> AfterAction:
    """Score an exercise against its scenario (see the module's description)."""
    return review_state(exercise.scenario, exercise.state(), team=team or exercise.folder.name)


def review_state(scenario: Scenario, state: ExerciseState, *, team: str = "tim") -> AfterAction:
    """Score a state (the same as :func:`review`, for a state already read)."""
    detect = [*state.alerts["minute"].tolist(), *state.flags["minute"].tolist()]
    drafts = state.drafts
    published = drafts[drafts["status"] == "published"].copy()
    published["n_findings"] = published["findings"].map(len)
    holding = published[published["kind"] == "holding"]["published_at"]
    first_holding = float(holding.min()) if len(holding) else None
    strategies = []
    for _, d in drafts[drafts["strategy"].astype(bool)].iterrows():
        crisis_type = _crisis_type_at(scenario, d["submitted_at"])
        recommended = advise(crisis_type).strategy
        strategies.append({"draft_id": d["draft_id"], "crisis_type": crisis_type, "strategy": d["strategy"],
                           "recommended": recommended, "matches": d["strategy"] == recommended})  # fmt: skip
    unanswered, hoaxes = [], []
    for index, inject in enumerate(scenario.injects):
        if not inject.expects:
            continue
        due = inject.at + inject.deadline if inject.deadline is not None else scenario.duration
        done = _done(inject.at, due, index, published, state)
        for action in inject.expects:
            if not done.get(action, False):
                unanswered.append({"inject": index, "type": inject.type, "at": inject.at, "due": due,
                                   "expected": action})  # fmt: skip
        if (
            inject.type == "hoax"
            and not _done(inject.at, scenario.duration, index, published, state)["clarify_hoax"]
        ):
            hoaxes.append(
                {"inject": index, "at": inject.at, "hoax_id": inject.hoax_id, "text": inject.text}
            )
    timeline = _timeline(scenario, state)
    return AfterAction(
        scenario_id=scenario.id,
        team=team,
        minutes_played=state.minute,
        time_to_detect=float(min(detect)) if detect else None,
        first_holding=first_holding,
        within_golden_hour=first_holding is not None and first_holding <= GOLDEN_HOUR,
        published=published.reset_index(drop=True),
        strategies=pd.DataFrame(
            strategies, columns=["draft_id", "crisis_type", "strategy", "recommended", "matches"]
        ),
        unanswered=pd.DataFrame(unanswered, columns=["inject", "type", "at", "due", "expected"]),
        hoaxes_uncorrected=pd.DataFrame(hoaxes, columns=["inject", "at", "hoax_id", "text"]),
        timeline=timeline,
    )


def _done(
    start: float, due: float, index: int, published: pd.DataFrame, state: ExerciseState
) -> dict[str, bool]:
    """Which expected actions were taken between ``start`` and ``due``."""
    window = published[(published["published_at"] >= start) & (published["published_at"] <= due)]
    kinds = set(window["kind"])
    out = {action: bool(kinds & allowed) for action, allowed in SATISFIES.items()}
    feed = state.feed
    items = feed.index[feed["inject"] == index] if len(feed) else []
    replied = state.replies[(state.replies["minute"] >= start) & (state.replies["minute"] <= due)]
    out["reply"] = bool(replied["item"].isin(list(items)).any()) or out["holding_statement"]
    out["clarify_hoax"] = out["clarify_hoax"] or bool(replied["item"].isin(list(items)).any())
    decisions = [e for e in state.events if e.get("action") in ("approve", "return", "alert")
                 and start <= e.get("minute", -1) <= due]  # fmt: skip
    out["escalate"] = bool(decisions)
    return out


def _timeline(scenario: Scenario, state: ExerciseState) -> pd.DataFrame:
    rows = [{"minute": i.at, "lane": "inject", "label": i18n.t(f"tabletop.inject.{i.type}")}
            for i in scenario.injects if i.type != "comments"]  # fmt: skip
    rows += [
        {"minute": m, "lane": "monitor", "label": i18n.t("tabletop.review.alert")}
        for m in state.alerts["minute"]
    ]
    for _, d in state.drafts.iterrows():
        rows.append(
            {
                "minute": d["submitted_at"],
                "lane": "team",
                "label": i18n.t("tabletop.review.submitted", id=d["draft_id"]),
            }
        )
        if d["published_at"] is not None and not pd.isna(d["published_at"]):
            rows.append(
                {
                    "minute": d["published_at"],
                    "lane": "team",
                    "label": i18n.t("tabletop.review.published", id=d["draft_id"]),
                }
            )
    return pd.DataFrame(rows, columns=["minute", "lane", "label"]).sort_values(
        "minute", kind="stable"
    )
