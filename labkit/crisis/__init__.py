"""Module 4: crisis responses and hoax clarifications.

Pure models, no widgets (the drafter in :mod:`labkit.widgets.drafter` and the
tabletop rehearsal drive them):

* :func:`advise` -- the SCCT advisor (Coombs 2007);
* :func:`lint` -- checks a draft statement, returning :class:`Finding` objects;
* :mod:`labkit.crisis.templates` -- statement templates filled from named fields;
* :class:`Draft` -- a draft with fields, autosave and a version history.
"""

from labkit.crisis.advise import CLUSTERS, CRISIS_TYPES, Advice, advise
from labkit.crisis.draft import Draft, Version
from labkit.crisis.lint import KINDS, Finding, applicable_codes, codes_table, lint
from labkit.crisis.templates import render, template_fields, template_names

__all__ = [
    "CLUSTERS",
    "CRISIS_TYPES",
    "KINDS",
    "Advice",
    "Draft",
    "Finding",
    "Version",
    "advise",
    "applicable_codes",
    "codes_table",
    "lint",
    "render",
    "template_fields",
    "template_names",
]
