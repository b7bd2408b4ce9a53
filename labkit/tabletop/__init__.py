"""Module 7: rehearse a crisis as a team, against the clock (the tabletop exercise).

Pure models, no widgets (the screen is :class:`labkit.widgets.tabletop.TabletopView`):

* :mod:`~labkit.tabletop.scenario` -- the scenario format (YAML, validated with file and line);
* :mod:`~labkit.tabletop.feed` -- injects and the episode's comments at scenario minutes;
* :mod:`~labkit.tabletop.log` -- the exercise's shared, append-only event log (locking);
* :mod:`~labkit.tabletop.exercise` -- the clock, roles and the team's actions;
* :mod:`~labkit.tabletop.panel` -- the monitoring panel (module 3's triage and spike detection);
* :mod:`~labkit.tabletop.review` -- the after-action review (JSON, DOCX, HTML).

It reuses module 3 (triage for the monitoring panel) and module 4 (lint, the SCCT
advisor, the drafter) rather than copying them.
"""

from labkit.tabletop.exercise import ROLES, Exercise, ExerciseState
from labkit.tabletop.feed import feed
from labkit.tabletop.review import AfterAction, review
from labkit.tabletop.scenario import (
    ACTIONS,
    INJECT_TYPES,
    Inject,
    Scenario,
    load_scenario,
    scenario_names,
)

__all__ = [
    "ACTIONS",
    "INJECT_TYPES",
    "ROLES",
    "AfterAction",
    "Exercise",
    "ExerciseState",
    "Inject",
    "Scenario",
    "feed",
    "load_scenario",
    "review",
    "scenario_names",
]
