"""The tabletop view in plain pytest: set values, click buttons, read what a member sees."""

from __future__ import annotations

from labkit.tabletop.exercise import Exercise
from labkit.widgets.tabletop import TabletopView

HOLDING = (
    "Kami mohon maaf atas gangguan sistem antrean daring sejak pagi ini. Tim kami sedang memperbaiki "
    "sistem; warga yang sudah datang tetap dilayani di loket. Informasi terbaru pukul 11.00 WIB."
)


def test_solo_trainee_plays_every_role(tmp_path):
    view = TabletopView(Exercise.create("ep01_antrean", tmp_path / "solo"))
    assert "Menit 0 / 90" in view.header.value
    view.buttons["advance"].click()
    view.buttons["advance"].click()
    view.buttons["advance"].click()
    assert view.state.minute == 15 and "wartawan" in view.feed_html.value
    assert "<script" not in view.feed_html.value
    view.buttons["alert"].click()
    view.drafter.text = HOLDING
    view.strategy.value = "diminish"
    view.buttons["submit"].click()
    assert "dikirim" in view.status.value and view.to_decide.options == ("D6",)
    view.note.value = "Setuju"
    view.buttons["approve"].click()
    assert view.to_publish.options == ("D6",)
    view.buttons["publish"].click()
    assert view.state.drafts["status"].tolist() == ["published"]
    assert "Panel pemantauan" in view.panel_html.value


def test_team_members_see_each_other_and_only_their_buttons(tmp_path):
    folder = tmp_path / "tim"
    Exercise.create("ep02_biaya_ktp", folder, role="facilitator")
    drafter = TabletopView(Exercise.open(folder, member="Ani", role="drafter"))
    approver = TabletopView(Exercise.open(folder, member="Budi", role="approver"))
    assert drafter.buttons["approve"].disabled and not drafter.buttons["submit"].disabled
    assert approver.buttons["submit"].disabled and not approver.buttons["approve"].disabled
    drafter.drafter.text = HOLDING
    drafter.buttons["submit"].click()
    approver.refresh()
    assert len(approver.to_decide.options) == 1
    approver.buttons["return"].click()  # no note yet
    assert "catatan" in approver.status.value
    approver.note.value = "Sebutkan dasar hukum layanan gratis"
    approver.buttons["return"].click()
    drafter.refresh()
    assert drafter.state.drafts["status"].tolist() == ["returned"]
    assert drafter.state.drafts["note"].iloc[0].startswith("Sebutkan")


def test_a_twist_changes_the_advisor_crisis_type(tmp_path):
    view = TabletopView(Exercise.create("ep01_antrean", tmp_path / "twist"))
    assert view.drafter._crisis_type == "technical_error_accident"
    view.exercise.advance(70)
    view.refresh()
    assert view.drafter._crisis_type == "human_error_accident"


def test_monitoring_panel_uses_module_3_on_the_feed(tmp_path):
    import pandas as pd

    from labkit.tabletop.panel import monitoring_panel

    ex = Exercise.create("ep01_antrean", tmp_path / "panel")
    ex.advance(5)
    young = monitoring_panel(ex.state())
    assert young.spike is None and "terlalu pendek" in young.reason  # no baseline yet, said plainly
    ex.advance(30)
    state = ex.state()
    panel = monitoring_panel(state)
    assert panel.spike in (True, False)
    assert panel.n_comments == int((state.feed["type"] == "comment").sum())
    assert int(panel.counts["n"].sum()) == panel.n_comments
    # a burst of comments in the last minutes is flagged
    burst = state.feed.copy()
    extra = burst[burst["type"] == "comment"].head(1)
    burst = pd.concat([burst] + [extra.assign(minute=int(state.minute))] * 25, ignore_index=True)
    assert monitoring_panel(state.__class__(**{**state.__dict__, "feed": burst})).spike is True
