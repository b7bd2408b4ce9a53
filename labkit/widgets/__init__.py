"""Thin ipywidgets views over labkit's pure models.

Each module holds one form or panel; import it where it is used (importing this
package imports no widget module, so ``ipywidgets`` loads only when a view is
made):

* :mod:`labkit.widgets.checklist` — :class:`~labkit.widgets.checklist.ChecklistView`,
  a checklist for items judged by hand over :class:`labkit.checklist.ChecklistModel`.
* :mod:`labkit.widgets.audit` — :class:`~labkit.widgets.audit.AuditChecklist`, the
  audit's manual items with a live score (:func:`audit_checklist`).
* :mod:`labkit.widgets.inventory` — the account-inventory form.

Every view is an :class:`ipywidgets.VBox`, so it can sit inside a ``VBox`` or a
``Tab``, and exposes what a lesson needs as documented properties and methods
(``daftar.score``, ``formulir.set_account(...)``): a notebook never reaches into
a sub-widget. Every view is tested in plain pytest by setting ``.value`` and
calling ``.click()``; every control is a standard focusable widget with a
visible label, so each view works with the keyboard alone.
"""

from __future__ import annotations

from typing import Any

__all__ = ["audit_checklist", "checklist_widget"]


def audit_checklist(report: Any, **kwargs: Any):
    """The checklist view of an audit report's manual items.

    See :class:`labkit.widgets.audit.AuditChecklist` (``agency=``, ``control=``).

    >>> daftar = widgets.audit_checklist(laporan)     # doctest: +SKIP
    """
    from labkit.widgets.audit import AuditChecklist

    return AuditChecklist(report, **kwargs)


#: The name notebooks used before (``labkit.audit.checklist_widget``).
checklist_widget = audit_checklist
