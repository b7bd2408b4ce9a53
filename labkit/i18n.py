"""Trainee-facing text in Bahasa Indonesia (default) and English.

Every message a trainee can see lives in a catalogue keyed by a dotted id
(``"data.missing_file"``), kept as data in ``labkit/messages/<prefix>.yaml``
and read the first time a key of that prefix is asked for (see
:mod:`labkit.messages` and ``docs/messages.md``). :func:`t` renders one in the
current language; :func:`register` adds messages at run time (tests, trainers'
extensions).

The language is chosen, in order, by :func:`set_language`, the ``LABKIT_LANG``
environment variable, and the default ``"id"``.

Examples
--------
>>> from labkit import i18n
>>> i18n.register({"demo.hello": {"id": "Halo, {name}!", "en": "Hello, {name}!"}})
>>> i18n.t("demo.hello", name="Sari", lang="en")
'Hello, Sari!'
"""

from __future__ import annotations

import os

from labkit import errors, messages
from labkit.messages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    catalog,
    has,
    placeholders,
    register,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "MONTHS",
    "WEEKDAYS",
    "catalog",
    "get_language",
    "has",
    "label",
    "placeholders",
    "register",
    "set_language",
    "t",
    "texts",
]

#: Month and weekday names, for dates written out for people (reports, captions).
MONTHS: dict[str, tuple[str, ...]] = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def get_language() -> str:
    """Return the current language code (``"id"`` or ``"en"``)."""
    env = os.environ.get("LABKIT_LANG", "").strip().lower()
    if messages._current is None and env and env not in LANGUAGES:
        _warn_bad_env(env)
    return messages.current_language()


_warned_env: set[str] = set()


def _warn_bad_env(code: str) -> None:
    """Say once per code that ``LABKIT_LANG`` is unknown (the default is used)."""
    if code in _warned_env:
        return
    _warned_env.add(code)
    errors.warn("i18n.unknown_env_language", code=code, known=", ".join(LANGUAGES), stacklevel=3)


def set_language(lang: str | None) -> str:
    """Switch every trainee-facing text to ``lang`` (``"id"`` or ``"en"``).

    ``None`` returns to the ``LABKIT_LANG`` environment variable or the default.

    Raises
    ------
    LabkitError
        If ``lang`` is not a known language code.
    """
    if lang is None:
        messages.set_current_language(None)
        return get_language()
    code = errors.language_code(lang)
    messages.set_current_language(code)
    return code


def t(key: str, *, lang: str | None = None, **params: object) -> str:
    """Render message ``key`` in ``lang`` (default: the current language).

    Raises
    ------
    KeyError
        If no message exists under ``key`` (a programming error).
    LabkitError
        If ``lang`` is not a known language code.
    """
    if not messages.has(key):
        raise KeyError(f"no message registered under {key!r}")
    code = get_language() if lang is None else errors.language_code(lang)
    return messages.render(key, code, params)


def texts(key: str) -> dict[str, str]:
    """The texts of message ``key`` by language code.

    Raises
    ------
    KeyError
        If no message exists under ``key``.
    """
    found = messages.lookup(key)
    if found is None:
        raise KeyError(f"no message registered under {key!r}")
    return dict(found)


def number_text(x: float | int, decimals: int = 0, lang: str | None = None) -> str:
    """``x`` with ``decimals`` places, grouped as people write it: ``1.234,5`` (id), ``1,234.5`` (en).

    The lab's one digit-grouping convention; charts, exports and reports build on it.
    """
    exact = isinstance(x, int) and not isinstance(x, bool) and decimals == 0
    text = f"{x:,}" if exact else f"{x:,.{decimals}f}"  # large counts stay exact
    if (lang or get_language()) == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def label(id_text: str, en_text: str) -> str:
    """Pick between an inline Indonesian and English text (for short UI labels)."""
    return id_text if get_language() == "id" else en_text
