"""Module 1: audit an agency's social media accounts against a rubric.

>>> from labkit import audit, data
>>> report = audit.audit(data.load("accounts"), data.load("posts"), data.load("comments"),
...                      search_results=data.load("search_results"),
...                      agencies=data.load("agencies"), agency="AG05")   # doctest: +SKIP
>>> report.agency_scores()          # doctest: +SKIP
>>> report.findings()               # doctest: +SKIP
>>> report.to_docx()                # doctest: +SKIP

Pieces:

* :mod:`~labkit.audit.rubric` — the rubric as data (``rubric.yaml``), its loader
  and checks (:func:`load_rubric`);
* :mod:`~labkit.audit.items` — the automatic scorers;
* which comments need a reply is decided by :mod:`labkit.monitor.replies`, the one
  owner of that rule (:func:`classify` and :func:`explain` are re-exported here);
* :mod:`~labkit.audit.checklist` — answers to the manual items;
* :mod:`~labkit.audit.engine` — :func:`audit` (checks the inputs, runs the items);
* :mod:`~labkit.audit.scoring` — the arithmetic (item points to scores);
* :mod:`~labkit.audit.report` — :class:`AuditReport`, comparisons, exports;
* :mod:`~labkit.audit.text` — evidence and numbers in words, in either language;
* :mod:`~labkit.audit.document` — the report's layout on :class:`labkit.export.Document`;
* :mod:`~labkit.audit.store` — saving and reading reports in the work folder;

The checklist view is :func:`labkit.widgets.audit_checklist` (this package
imports no widget module).
"""

from __future__ import annotations

from labkit.audit.checklist import load_answers, store_answers
from labkit.audit.checklist import template as checklist_template
from labkit.audit.engine import AuditInputError, audit
from labkit.audit.report import AuditReport, Comparison, compare
from labkit.audit.rubric import Rubric, RubricError, load_rubric
from labkit.monitor.replies import classify, explain

__all__ = [
    "AuditInputError",
    "AuditReport",
    "Comparison",
    "Rubric",
    "RubricError",
    "audit",
    "checklist_template",
    "classify",
    "compare",
    "explain",
    "load_answers",
    "load_rubric",
    "store_answers",
]
