"""Errors and warnings that labkit shows to trainees.

Every error raised on bad input is a :class:`LabkitError` (or a subclass);
every warning is a :class:`LabkitWarning`. Their text comes from the message
catalogue (:mod:`labkit.messages`), so it is in the trainee's language and always
says what went wrong and what to do. This module sits below :mod:`labkit.i18n`
(which raises its errors) and imports only :mod:`labkit.messages`.

In a notebook, :func:`install_notebook_handler` (called by ``labkit.start()``)
shows a LabkitError as a short message instead of a long traceback. The cell
still fails, so nbval still catches it, and ``%tb`` prints the full traceback.
"""

from __future__ import annotations

import sys
import warnings
from typing import Any

from labkit import messages


def _render(key: str, params: dict[str, Any]) -> str:
    # A key that is not in the catalogue is an already-rendered text: that is how
    # pickle and pytest-xdist rebuild an error or warning (``cls(*args)``).
    if not params and not messages.has(key):
        return key
    return messages.render(key, messages.current_language(), params)


class LabkitError(Exception):
    """Base of every error labkit raises on bad input.

    Parameters
    ----------
    key : str
        Message id in the catalogue.
    **params
        Values for the message's placeholders; kept on ``.params``.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(_render(key, params))

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        if not messages.has(self.key):
            return str(self)
        return messages.render(self.key, language_code(lang), self.params)


def language_code(lang: str | None) -> str:
    """The language to render in: ``lang`` checked, or the current one if None.

    Raises
    ------
    LabkitError
        If ``lang`` is not a known language code (``"id"``, ``"en"``).
    """
    if lang is None:
        return messages.current_language()
    code = str(lang).strip().lower()
    if code not in messages.LANGUAGES:
        raise LabkitError("i18n.unknown_language", code=lang, known=", ".join(messages.LANGUAGES))
    return code


class DataError(LabkitError):
    """A bundled or saved data file is missing, corrupted or unknown."""


class SchemaError(LabkitError):
    """A table does not have the columns or types its schema requires."""


class ExportReadError(LabkitError):
    """A platform export cannot be read (see :mod:`labkit.ingest`)."""


class LabkitWarning(UserWarning):
    """Base of every warning labkit emits to trainees."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(_render(key, params))


def warn(
    key: str, *, category: type[LabkitWarning] = LabkitWarning, stacklevel: int = 2, **params: Any
) -> None:
    """Emit a :class:`LabkitWarning` built from catalogue message ``key``."""
    warnings.warn(category(key, **params), stacklevel=stacklevel + 1)


def _short_traceback(shell, etype, value, tb, tb_offset=None):
    """IPython custom-exception handler: show a LabkitError as two short lines.

    IPython does not display what a custom handler returns when the error comes
    from running a cell, so the handler sends it itself (an ``error`` message,
    which keeps the cell failed for nbval) and records the exception so that
    ``%tb`` can still print the full traceback.
    """
    sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb
    if hasattr(sys, "last_exc"):
        sys.last_exc = value
    lang = messages.current_language()
    title = messages.render("errors.notebook_title", lang, {})
    hint = messages.render("errors.notebook_hint", lang, {})
    stb = [f"\x1b[1;31m{title}\x1b[0m {value}", f"\x1b[2m{hint}\x1b[0m"]
    shell._showtraceback(etype, value, stb)
    return stb


def ipython_shell() -> Any | None:
    """The running IPython shell, or None outside IPython (plain Python, tests)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    return get_ipython()


def install_notebook_handler() -> bool:
    """Show LabkitErrors as a short message in IPython; return True if installed."""
    shell = ipython_shell()
    if shell is None:
        return False
    shell.set_custom_exc((LabkitError,), _short_traceback)
    return True
