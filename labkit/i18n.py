"""Trainee-facing text in Bahasa Indonesia (default) and English.

Every message a trainee can see lives in a catalogue keyed by a dotted id
(``"data.missing_file"``). Each module registers its own messages with
:func:`register`; :func:`t` renders one in the current language.

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
import string
from collections.abc import Mapping

LANGUAGES: tuple[str, ...] = ("id", "en")
DEFAULT_LANGUAGE = "id"

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

_CATALOG: dict[str, dict[str, str]] = {}
_current: str | None = None


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    """Add messages to the catalogue.

    Parameters
    ----------
    messages : mapping
        ``{key: {"id": text, "en": text}}``. Both languages are required and
        must use the same ``{placeholders}``.

    Raises
    ------
    ValueError
        If a language is missing or the placeholders differ (a programming
        error, caught by the test suite, never a trainee's).
    """
    for key, texts in messages.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"message {key!r} lacks languages {missing}")
        fields = {lang: placeholders(texts[lang]) for lang in LANGUAGES}
        if len({frozenset(v) for v in fields.values()}) != 1:
            raise ValueError(f"message {key!r} has different placeholders per language: {fields}")
        existing = _CATALOG.get(key)
        if existing is not None and existing != dict(texts):
            raise ValueError(f"message {key!r} is registered twice with different texts")
        _CATALOG[key] = dict(texts)


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{placeholders}`` in ``text``."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def has(key: str) -> bool:
    """True if a message is registered under ``key``."""
    return key in _CATALOG


def catalog() -> dict[str, dict[str, str]]:
    """Return a copy of the whole message catalogue."""
    return {k: dict(v) for k, v in _CATALOG.items()}


def get_language() -> str:
    """Return the current language code (``"id"`` or ``"en"``)."""
    if _current is not None:
        return _current
    env = os.environ.get("LABKIT_LANG", "").strip().lower()
    if env and env not in LANGUAGES:
        _warn_bad_env(env)
        return DEFAULT_LANGUAGE
    return env or DEFAULT_LANGUAGE


_warned_env: set[str] = set()


def _warn_bad_env(code: str) -> None:
    """Say once per code that ``LABKIT_LANG`` is unknown (the default is used)."""
    if code in _warned_env:
        return
    _warned_env.add(code)
    from labkit.errors import warn

    warn("i18n.unknown_env_language", code=code, known=", ".join(LANGUAGES), stacklevel=3)


def set_language(lang: str | None) -> str:
    """Switch every trainee-facing text to ``lang`` (``"id"`` or ``"en"``).

    ``None`` returns to the ``LABKIT_LANG`` environment variable or the default.

    Raises
    ------
    LabkitError
        If ``lang`` is not a known language code.
    """
    global _current
    if lang is None:
        _current = None
        return get_language()
    code = str(lang).strip().lower()
    if code not in LANGUAGES:
        from labkit.errors import LabkitError

        raise LabkitError("i18n.unknown_language", code=lang, known=", ".join(LANGUAGES))
    _current = code
    return code


def t(key: str, *, lang: str | None = None, **params: object) -> str:
    """Render message ``key`` in ``lang`` (default: the current language)."""
    texts = _CATALOG.get(key)
    if texts is None:
        raise KeyError(f"no message registered under {key!r}")
    code = get_language() if lang is None else str(lang).strip().lower()
    if code not in LANGUAGES:
        from labkit.errors import LabkitError

        raise LabkitError("i18n.unknown_language", code=lang, known=", ".join(LANGUAGES))
    text = texts[code]
    return text.format(**params) if params or placeholders(text) else text


def label(id_text: str, en_text: str) -> str:
    """Pick between an inline Indonesian and English text (for short UI labels)."""
    return id_text if get_language() == "id" else en_text


register(
    {
        "i18n.unknown_env_language": {
            "id": "LABKIT_LANG='{code}' tidak dikenal; bahasa Indonesia dipakai. Gunakan salah satu: {known}.",
            "en": "LABKIT_LANG='{code}' is unknown; Indonesian is used. Use one of: {known}.",
        },
        "i18n.unknown_language": {
            "id": "Kode bahasa '{code}' tidak dikenal. Gunakan salah satu: {known}.",
            "en": "Unknown language code '{code}'. Use one of: {known}.",
        },
    }
)
