"""Module 6: plan content (the content plan, its checks, its exports).

* :mod:`~labkit.plan.smart` -- is an objective SMART? (findings, not exceptions);
* :mod:`~labkit.plan.plan` -- :class:`ContentPlan`, :func:`build_plan` pre-filled from the
  agency's accounts, module 2's best times and module 1's audit findings; XLSX and iCalendar;
* :mod:`~labkit.plan.checks` -- pillar mix, gaps and clusters, mourning and holiday
  conflicts, accessibility, platform limits, alignment with the central narrative.

The dates come from :mod:`labkit.calendar`; the reports for leaders are :mod:`labkit.report`.
"""

from labkit.plan.checks import check_plan, key_terms, narrative_alignment
from labkit.plan.plan import DEFAULT_PILLARS, ContentPlan, build_plan, read_ics, suggested_slots
from labkit.plan.smart import SmartCheck, check_objective

__all__ = [
    "DEFAULT_PILLARS",
    "ContentPlan",
    "SmartCheck",
    "build_plan",
    "check_objective",
    "check_plan",
    "key_terms",
    "narrative_alignment",
    "read_ics",
    "suggested_slots",
]
