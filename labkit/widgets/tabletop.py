"""The tabletop view: the feed, the monitoring panel, drafting, approval and publishing.

A thin view over :class:`labkit.tabletop.Exercise` (all logic and all saving are in the
model: every button appends an event to the exercise's shared log). What a member sees
depends on their role; a solo trainee (``role="all"``) sees everything. The drafting
part is module 4's drafter (:class:`labkit.widgets.drafter.DrafterView`) with its lint
findings and the SCCT advisor for the crisis type in force.

:meth:`TabletopView.refresh` re-reads the log; :meth:`TabletopView.poll` does so every
second in the background, so the team's actions appear within two seconds. Text from
the scenario and from citizens is shown escaped (inert), never as HTML.
"""

from __future__ import annotations

import html
import threading
from typing import Any

import ipywidgets as w
import pandas as pd

from labkit import i18n
from labkit.crisis.advise import STRATEGIES
from labkit.errors import LabkitError
from labkit.tabletop.exercise import Exercise, ExerciseState
from labkit.tabletop.log import LOG_NAME
from labkit.tabletop.panel import monitoring_panel
from labkit.widgets.drafter import DrafterView

__all__ = ["TabletopView"]

#: Feed items shown (newest first).
SHOWN_ITEMS = 12


def _can(exercise: Exercise, what: str) -> bool:
    from labkit.tabletop.exercise import PERMISSIONS

    return exercise.role in PERMISSIONS[what]


class TabletopView(w.VBox):
    """One member's screen of a tabletop exercise (an :class:`ipywidgets.VBox`).

    Parameters
    ----------
    exercise : Exercise

    Attributes
    ----------
    buttons : dict of str to Button
        ``start``, ``pause``, ``advance``, ``alert``, ``submit``, ``approve``, ``return``,
        ``publish`` (those the role may use are enabled).
    drafter : DrafterView
    state : ExerciseState
        What is shown now.
    """

    def __init__(self, exercise: Exercise, **kwargs: Any) -> None:
        self.exercise = exercise
        label = i18n.label
        self.header = w.HTML()
        self.feed_html = w.HTML()
        self.panel_html = w.HTML()
        self.status = w.HTML()
        self.buttons = {
            "start": w.Button(description=label("Mulai / lanjut", "Start / resume"), icon="play"),
            "pause": w.Button(description=label("Jeda", "Pause"), icon="pause"),
            "advance": w.Button(
                description=label("Maju 5 menit", "Forward 5 minutes"), icon="forward"
            ),
            "alert": w.Button(description=label("Bunyikan alarm", "Raise the alarm"), icon="bell"),
            "submit": w.Button(
                description=label("Kirim ke pimpinan", "Send to the leader"), icon="send"
            ),
            "approve": w.Button(description=label("Setujui", "Approve"), icon="check"),
            "return": w.Button(description=label("Kembalikan", "Return"), icon="undo"),
            "publish": w.Button(description=label("Unggah", "Publish"), icon="upload"),
        }
        self.strategy = w.Dropdown(
            options=[("-", "")] + [(s, s) for s in STRATEGIES],
            description=label("Strategi", "Strategy"),
        )
        self.to_decide = w.Dropdown(description=label("Draf masuk", "Incoming draft"))
        self.note = w.Textarea(description=label("Catatan", "Note"), layout=w.Layout(width="100%"))
        self.to_publish = w.Dropdown(description=label("Draf disetujui", "Approved draft"))
        self.drafter = DrafterView(
            f"tabletop_{exercise.folder.name}_{exercise.member}",
            kind="holding",
            platform=exercise.scenario.platforms[0],
            crisis_type=exercise.scenario.scct_type,
            debounce=None,
        )
        allowed = {
            "start": "clock", "pause": "clock", "advance": "clock", "alert": "alert",
            "submit": "submit", "approve": "decide", "return": "decide", "publish": "publish",
        }  # fmt: skip
        for name, button in self.buttons.items():
            button.disabled = not _can(exercise, allowed[name])
            button.on_click(self._handler(name))
        sections = [
            self.header,
            w.HBox([self.buttons["start"], self.buttons["pause"], self.buttons["advance"]]),
        ]
        sections += [self.feed_html, self.panel_html, self.buttons["alert"]]
        if _can(exercise, "submit"):
            sections += [self.drafter, w.HBox([self.strategy, self.buttons["submit"]])]
        if _can(exercise, "decide"):
            sections += [
                self.to_decide,
                self.note,
                w.HBox([self.buttons["approve"], self.buttons["return"]]),
            ]
        if _can(exercise, "publish"):
            sections += [w.HBox([self.to_publish, self.buttons["publish"]])]
        sections.append(self.status)
        super().__init__(sections, **kwargs)
        self._stop = threading.Event()
        self._seen = -1
        self.refresh()

    # ------------------------------------------------------------------ actions

    def _handler(self, name: str):
        def act(_button: Any) -> None:
            try:
                said = self._act(name)
                self.status.value = f"<p>{html.escape(said)}</p>"
            except LabkitError as err:
                self.status.value = f"<p style='color:#b00020'>{html.escape(str(err))}</p>"
            self.refresh()

        return act

    def _act(self, name: str) -> str:
        ex = self.exercise
        if name == "start":
            ex.resume() if any(
                e.get("action") == "start" for e in self.state.events
            ) else ex.start()
            return i18n.label("Jam skenario berjalan.", "The scenario clock runs.")
        if name == "pause":
            ex.pause()
            return i18n.label("Jam skenario dijeda.", "The scenario clock is paused.")
        if name == "advance":
            ex.advance(5)
            return i18n.label("Maju 5 menit.", "Forward 5 minutes.")
        if name == "alert":
            ex.alert()
            return i18n.label(
                "Alarm dibunyikan: tim diberi tahu.", "Alarm raised: the team is told."
            )
        if name == "submit":
            draft_id = ex.submit_draft(
                self.drafter.text, kind=self.drafter.draft.kind, strategy=self.strategy.value or None,
                platform=self.drafter.draft.platform,
            )  # fmt: skip
            return i18n.label(
                f"Draf {draft_id} dikirim ke pimpinan.", f"Draft {draft_id} sent to the leader."
            )
        if name == "approve":
            ex.approve(self.to_decide.value or "", self.note.value)
            return i18n.label("Draf disetujui.", "Draft approved.")
        if name == "return":
            ex.return_draft(self.to_decide.value or "", self.note.value)
            return i18n.label("Draf dikembalikan dengan catatan.", "Draft returned with a note.")
        ex.publish(self.to_publish.value or "")
        return i18n.label(
            "Diunggah; menit skenario dicatat.", "Published; the scenario minute is recorded."
        )

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        """Re-read the exercise log and redraw."""
        self.state = state = self.exercise.state()
        scenario = self.exercise.scenario
        role = i18n.t(f"tabletop.role.{self.exercise.role}")
        self.header.value = (
            f"<h3>{html.escape(scenario.title)}</h3><p><b>{i18n.label('Menit', 'Minute')} "
            f"{state.minute:.0f} / {scenario.duration}</b> · {html.escape(self.exercise.member)} ({html.escape(role)})"
            + (" · ⏸" if not state.running and not state.finished else "")
            + (" · " + i18n.label("selesai", "finished") if state.finished else "")
            + "</p>"
        )
        self.feed_html.value = self._feed_html(state)
        self.panel_html.value = self._panel_html(state)
        drafts = state.drafts
        waiting = drafts[drafts["status"] == "submitted"]["draft_id"].tolist()
        approved = drafts[drafts["status"] == "approved"]["draft_id"].tolist()
        for choice, ids in ((self.to_decide, waiting), (self.to_publish, approved)):
            keep = choice.value if choice.value in ids else None
            choice.options = ids
            choice.value = keep or (ids[0] if ids else None)
        crisis_type = scenario.scct_type
        for inject in scenario.injects:
            if inject.type == "twist" and inject.at <= state.minute:
                crisis_type = inject.scct_type
        if self.drafter._crisis_type != crisis_type:
            self.drafter._crisis_type = crisis_type
            self.drafter.refresh()

    def _feed_html(self, state: ExerciseState) -> str:
        items = state.feed.tail(SHOWN_ITEMS).iloc[::-1]
        rows = []
        for _, item in items.iterrows():
            kind = i18n.t(f"tabletop.inject.{item['type']}")
            who = item["source"] if item["type"] != "comment" else item["author"]
            due = (
                ""
                if pd.isna(item["due"])
                else f" · {i18n.label('tenggat menit', 'due at minute')} {item['due']}"
            )
            rows.append(
                f"<li><b>{item['minute']}′ {html.escape(kind)}</b> · {html.escape(str(who or ''))}{due}"
                f"<br>{html.escape(str(item['text']))}</li>"
            )
        return f"<h4>{i18n.label('Linimasa', 'Feed')}</h4><ul>{''.join(rows)}</ul>"

    def _panel_html(self, state: ExerciseState) -> str:
        panel = monitoring_panel(state)
        counts = ", ".join(
            f"{html.escape(str(k))} {int(v)}" for k, v in panel.counts["n"].items() if v
        )
        if panel.spike is None:
            spike = i18n.label(
                "belum cukup data untuk garis dasar", "not enough data for a baseline yet"
            )
        else:
            spike = (
                f"<b>{i18n.label('LONJAKAN', 'SPIKE')}</b>"
                if panel.spike
                else i18n.label("tidak ada lonjakan", "no spike")
            )
        drafts = state.drafts
        status = ", ".join(
            f"{d} {s}" for d, s in zip(drafts["draft_id"], drafts["status"], strict=True)
        )
        return (
            f"<h4>{i18n.label('Panel pemantauan', 'Monitoring panel')}</h4>"
            f"<p>{i18n.label('Komentar sejauh ini', 'Comments so far')}: {panel.n_comments} ({counts or '-'}); "
            f"{i18n.label('10 menit terakhir', 'last 10 minutes')}: {panel.last_10_minutes} · {spike}</p>"
            f"<p>{i18n.label('Alarm tim', 'Team alerts')}: {len(state.alerts)} · "
            f"{i18n.label('Draf', 'Drafts')}: {html.escape(status) or '-'}</p>"
        )

    def poll(self, interval: float = 1.0) -> None:
        """Refresh in the background whenever the shared log grows (until :meth:`stop`)."""

        def loop() -> None:
            path = self.exercise.folder / LOG_NAME
            while not self._stop.wait(interval):
                size = path.stat().st_size if path.exists() else 0
                if size != self._seen or self.state.running:
                    self._seen = size
                    self.refresh()

        threading.Thread(target=loop, daemon=True).start()

    def stop(self) -> None:
        """Stop background refreshing."""
        self._stop.set()
