"""A running tabletop exercise: the clock, the team's actions, and the state they add up to.

Everything is an event in the exercise folder's log (:mod:`labkit.tabletop.log`):
the clock (start, pause, resume, speed, a manual step), the monitor's alert and
flags, the drafter's drafts (with their lint findings), the approver's decision, the
spokesperson's publication and replies. :meth:`Exercise.state` replays the log, so
every member's kernel, and a kernel restarted in the middle, sees the same exercise
at the same scenario time.

Solo: one trainee plays every role (``role="all"``), in a folder in their own work
folder. Team: the trainer creates the exercise in a shared folder
(:meth:`Exercise.create` with ``folder=``) and each member opens it with their role
(:meth:`Exercise.open`); each action appears to the others at their next read (the
widgets read every second).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from labkit import workspace
from labkit.crisis import lint
from labkit.errors import LabkitError
from labkit.tabletop.feed import feed
from labkit.tabletop.log import append_event, read_events
from labkit.tabletop.scenario import Scenario, load_scenario, parse_scenario

ROLES = ("monitor", "drafter", "approver", "spokesperson")
#: Who may do what ("all": a solo trainee; "facilitator": the trainer running the clock).
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "clock": ("all", "facilitator"),
    "alert": ("all", "monitor"),
    "flag": ("all", "monitor"),
    "submit": ("all", "drafter"),
    "decide": ("all", "approver"),
    "publish": ("all", "spokesperson"),
    "reply": ("all", "spokesperson", "drafter"),
}
DRAFT_KINDS = ("holding", "clarification", "apology", "update", "press_release")
SCENARIO_FILE = "scenario.yaml"
DEFAULT_SECONDS_PER_MINUTE = 5.0
_TEAM = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class ExerciseState:
    """The exercise as the log says it is now.

    Attributes
    ----------
    minute : float
        Scenario minutes elapsed (0 to the scenario's duration).
    running : bool
        The live clock is running (not paused, not manual).
    finished : bool
        The scenario's end is reached.
    feed : DataFrame
        The items visible so far (see :func:`labkit.tabletop.feed.feed`), newest last.
    drafts : DataFrame
        One row per draft: ``draft_id``, ``member``, ``kind``, ``strategy``, ``platform``,
        ``text``, ``findings`` (lint codes), ``status`` (submitted, approved, returned,
        published), ``submitted_at``, ``decided_at``, ``note``, ``published_at``
        (scenario minutes).
    alerts, flags, replies : DataFrame
        The monitor's alerts and flags and the replies to feed items, with their minute.
    events : list of dict
        The raw log.
    """

    minute: float
    running: bool
    finished: bool
    feed: pd.DataFrame = field(repr=False)
    drafts: pd.DataFrame = field(repr=False)
    alerts: pd.DataFrame = field(repr=False)
    flags: pd.DataFrame = field(repr=False)
    replies: pd.DataFrame = field(repr=False)
    events: list = field(repr=False, default_factory=list)


def clock_minute(events: list[dict], now: float, duration: int) -> tuple[float, bool]:
    """Scenario minutes elapsed at wall time ``now``, and whether the live clock runs."""
    minute, running, since, spm = 0.0, False, 0.0, DEFAULT_SECONDS_PER_MINUTE
    for ev in events:
        action = ev.get("action")
        if action not in ("start", "pause", "resume", "speed", "advance"):
            continue
        t = float(ev["t"])
        if running:
            minute += (t - since) / spm
            since = t
        if action in ("start", "resume"):
            running, since = True, t
            spm = float(ev.get("seconds_per_minute", spm))
        elif action == "pause":
            running = False
        elif action == "speed":
            spm = float(ev["seconds_per_minute"])
        elif action == "advance":
            minute += float(ev["minutes"])
    if running:
        minute += (now - since) / spm
    return min(minute, float(duration)), running and minute < duration


class Exercise:
    """One tabletop exercise in a folder (see the module's description).

    Parameters
    ----------
    folder : path
        The exercise folder (holds ``scenario.yaml`` and ``events.jsonl``).
    member : str
        Who acts through this object (shown to the team).
    role : str
        ``"all"`` (solo), one of :data:`ROLES`, or ``"facilitator"``.
    clock : callable, optional
        Wall time in seconds (tests pass a fake one).
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        member: str = "peserta",
        role: str = "all",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folder = Path(folder)
        if not (self.folder / SCENARIO_FILE).is_file():
            raise LabkitError("tabletop.exercise.not_found", folder=str(self.folder))
        if role not in ROLES + ("all", "facilitator"):
            raise LabkitError(
                "tabletop.exercise.bad_role", role=role, valid=", ".join(ROLES + ("all",))
            )
        self.member, self.role, self._now = member, role, clock
        text = (self.folder / SCENARIO_FILE).read_text(encoding="utf-8")
        self.scenario: Scenario = parse_scenario(text, str(self.folder / SCENARIO_FILE))
        self._feed: pd.DataFrame | None = None

    # ------------------------------------------------------------------ creating and opening

    @classmethod
    def create(
        cls,
        scenario: str | Scenario,
        folder: str | os.PathLike[str] | None = None,
        *,
        team: str = "solo",
        member: str = "peserta",
        role: str = "all",
        clock: Callable[[], float] = time.time,
    ) -> Exercise:
        """Create an exercise (or open it if the folder already holds one).

        Parameters
        ----------
        scenario : a bundled scenario's name, a path, or a Scenario
        folder : path, optional
            Default ``<work folder>/tabletop/<team>``; for a team, a folder all members
            can write (the trainer creates it: docs/tabletop.md).
        team : str
            The exercise's name when ``folder`` is not given.
        """
        if folder is None:
            folder = workspace.path(
                "tabletop", _TEAM.sub("_", team) or "solo", SCENARIO_FILE
            ).parent
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        if not (target / SCENARIO_FILE).is_file():
            chosen = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
            source = Path(chosen.path) if chosen.path else None
            if source is not None and source.is_file():
                text = source.read_text(encoding="utf-8")
            else:
                from importlib import resources

                text = (
                    resources.files("labkit.tabletop")
                    .joinpath("scenarios", Path(chosen.path).name)
                    .read_text("utf-8")
                )
            tmp = target / (SCENARIO_FILE + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, target / SCENARIO_FILE)
            append_event(
                target, {"action": "created", "member": member, "scenario": chosen.id, "t": clock()}
            )
        return cls(target, member=member, role=role, clock=clock)

    @classmethod
    def open(
        cls,
        folder: str | os.PathLike[str],
        *,
        member: str,
        role: str,
        clock: Callable[[], float] = time.time,
    ) -> Exercise:
        """Join an existing exercise as ``member`` with ``role``."""
        exercise = cls(folder, member=member, role=role, clock=clock)
        exercise._log("joined")
        return exercise

    # ------------------------------------------------------------------ log and clock

    def _log(self, action: str, **payload: Any) -> dict:
        events = read_events(self.folder)
        now = self._now()
        minute, _ = clock_minute(events, now, self.scenario.duration)
        event = {
            "action": action,
            "member": self.member,
            "role": self.role,
            "minute": round(minute, 2),
            "t": now,
        }
        return append_event(self.folder, {**event, **payload})

    def _allowed(self, what: str) -> None:
        if self.role not in PERMISSIONS[what]:
            raise LabkitError(
                "tabletop.exercise.not_your_role",
                role=self.role,
                action=what,
                roles=", ".join(r for r in PERMISSIONS[what] if r != "all"),
            )

    def minute(self) -> float:
        """Scenario minutes elapsed now."""
        return clock_minute(read_events(self.folder), self._now(), self.scenario.duration)[0]

    def start(self, seconds_per_minute: float = DEFAULT_SECONDS_PER_MINUTE) -> None:
        """Start (or restart after a pause) the live clock: one scenario minute per ``seconds_per_minute``."""
        self._allowed("clock")
        if seconds_per_minute <= 0:
            raise LabkitError("tabletop.exercise.bad_speed", value=seconds_per_minute)
        self._log("start", seconds_per_minute=float(seconds_per_minute))

    def pause(self) -> None:
        """Stop the live clock (the team discusses; nothing new appears)."""
        self._allowed("clock")
        self._log("pause")

    def resume(self) -> None:
        """Run the live clock again."""
        self._allowed("clock")
        self._log("resume")

    def set_speed(self, seconds_per_minute: float) -> None:
        """Change how many real seconds one scenario minute takes."""
        self._allowed("clock")
        if seconds_per_minute <= 0:
            raise LabkitError("tabletop.exercise.bad_speed", value=seconds_per_minute)
        self._log("speed", seconds_per_minute=float(seconds_per_minute))

    def advance(self, minutes: float) -> float:
        """Move the scenario clock forward by hand (a lesson's steps); returns the new minute."""
        self._allowed("clock")
        if minutes < 0:
            raise LabkitError("tabletop.exercise.bad_speed", value=minutes)
        self._log("advance", minutes=float(minutes))
        return self.minute()

    # ------------------------------------------------------------------ the team's actions

    def alert(self, note: str = "") -> dict:
        """The monitor raises the alarm: an issue is rising (time to detect)."""
        self._allowed("alert")
        return self._log("alert", note=str(note))

    def flag(self, item: int, label: str) -> dict:
        """The monitor marks a feed item (``needs_reply``, ``hoax``, ``media``...)."""
        self._allowed("flag")
        return self._log("flag", item=int(item), label=str(label))

    def submit_draft(
        self,
        text: str,
        *,
        kind: str = "holding",
        strategy: str | None = None,
        platform: str | None = None,
    ) -> str:
        """The drafter submits a statement for approval; returns its id (``D<seq>``).

        Lint findings are computed and kept with it, for the after-action review.
        """
        self._allowed("submit")
        if kind not in DRAFT_KINDS:
            raise LabkitError("tabletop.exercise.bad_kind", kind=kind, valid=", ".join(DRAFT_KINDS))
        if not str(text or "").strip():
            raise LabkitError("tabletop.exercise.empty_draft")
        where = platform or self.scenario.platforms[0]
        findings = [f.code for f in lint(str(text), platform=where, kind=kind)]
        event = self._log(
            "submit",
            text=str(text),
            kind=kind,
            strategy=strategy or "",
            platform=where,
            findings=findings,
        )
        return f"D{event['seq']}"

    def approve(self, draft_id: str, note: str = "") -> None:
        """The approver (pimpinan) approves a submitted draft."""
        self._decide(draft_id, "approve", note)

    def return_draft(self, draft_id: str, note: str) -> None:
        """The approver returns a draft to the drafter with a note."""
        if not str(note or "").strip():
            raise LabkitError("tabletop.exercise.note_needed")
        self._decide(draft_id, "return", note)

    def _decide(self, draft_id: str, decision: str, note: str) -> None:
        self._allowed("decide")
        drafts = self.state().drafts
        row = drafts[drafts["draft_id"] == draft_id]
        if row.empty:
            raise LabkitError("tabletop.exercise.no_draft", draft_id=draft_id)
        if row["status"].iloc[0] != "submitted":
            raise LabkitError(
                "tabletop.exercise.already_decided", draft_id=draft_id, status=row["status"].iloc[0]
            )
        self._log(decision, draft_id=draft_id, note=str(note))

    def publish(self, draft_id: str) -> None:
        """The spokesperson publishes an approved draft (the scenario minute is recorded)."""
        self._allowed("publish")
        drafts = self.state().drafts
        row = drafts[drafts["draft_id"] == draft_id]
        if row.empty:
            raise LabkitError("tabletop.exercise.no_draft", draft_id=draft_id)
        if row["status"].iloc[0] != "approved":
            raise LabkitError(
                "tabletop.exercise.not_approved", draft_id=draft_id, status=row["status"].iloc[0]
            )
        self._log("publish", draft_id=draft_id)

    def reply(self, item: int, text: str) -> dict:
        """Reply to a feed item (a citizen, a journalist) with ``text``."""
        self._allowed("reply")
        if not str(text or "").strip():
            raise LabkitError("tabletop.exercise.empty_draft")
        return self._log("reply", item=int(item), text=str(text))

    # ------------------------------------------------------------------ state

    def full_feed(self) -> pd.DataFrame:
        """Every item of the scenario (visible or not yet), computed once per object."""
        if self._feed is None:
            self._feed = feed(self.scenario)
        return self._feed

    def state(self) -> ExerciseState:
        """Replay the log: what the team sees and has done, now."""
        events = read_events(self.folder)
        minute, running = clock_minute(events, self._now(), self.scenario.duration)
        items = self.full_feed()
        drafts: dict[str, dict] = {}
        alerts, flags, replies = [], [], []
        for ev in events:
            action = ev.get("action")
            if action == "submit":
                drafts[f"D{ev['seq']}"] = {
                    "draft_id": f"D{ev['seq']}", "member": ev.get("member"), "kind": ev["kind"],
                    "strategy": ev.get("strategy", ""), "platform": ev.get("platform"), "text": ev["text"],
                    "findings": tuple(ev.get("findings", ())), "status": "submitted",
                    "submitted_at": ev["minute"], "decided_at": None, "note": "", "published_at": None,
                }  # fmt: skip
            elif action in ("approve", "return") and ev.get("draft_id") in drafts:
                d = drafts[ev["draft_id"]]
                d.update(status="approved" if action == "approve" else "returned",
                         decided_at=ev["minute"], note=ev.get("note", ""))  # fmt: skip
            elif action == "publish" and ev.get("draft_id") in drafts:
                drafts[ev["draft_id"]].update(status="published", published_at=ev["minute"])
            elif action == "alert":
                alerts.append(
                    {"minute": ev["minute"], "member": ev.get("member"), "note": ev.get("note", "")}
                )
            elif action == "flag":
                flags.append({"minute": ev["minute"], "item": ev["item"], "label": ev["label"]})
            elif action == "reply":
                replies.append({"minute": ev["minute"], "item": ev["item"], "text": ev["text"]})
        draft_cols = ["draft_id", "member", "kind", "strategy", "platform", "text", "findings", "status",
                      "submitted_at", "decided_at", "note", "published_at"]  # fmt: skip
        return ExerciseState(
            minute=minute,
            running=running,
            finished=minute >= self.scenario.duration,
            feed=items[items["minute"] <= minute],
            drafts=pd.DataFrame(list(drafts.values()), columns=draft_cols),
            alerts=pd.DataFrame(alerts, columns=["minute", "member", "note"]),
            flags=pd.DataFrame(flags, columns=["minute", "item", "label"]),
            replies=pd.DataFrame(replies, columns=["minute", "item", "text"]),
            events=events,
        )
