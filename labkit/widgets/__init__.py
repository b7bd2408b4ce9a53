"""Thin ipywidgets views over labkit's pure models.

Each module holds one form or panel; import it where it is used (importing this
package imports no widget module, so ``ipywidgets`` loads only when needed):

* :mod:`labkit.widgets.checklist` — a checklist for items judged by hand
  (yes / partly / no / not applicable, with an evidence note), autosaved to the
  work folder, with a live score.
* :mod:`labkit.widgets.inventory` — the account-inventory form.

Every widget is tested in plain pytest by setting ``.value`` and calling
``.click()``; every control is a standard focusable widget with a visible
label, so each view works with the keyboard alone.
"""
