"""The catalogue of trainee-facing messages, read from the data files beside this module.

Every message lives in ``labkit/messages/<prefix>.yaml``, where ``<prefix>`` is the
first dotted segment of its key (``audit.no_posts`` is in ``audit.yaml``)::

    audit.no_posts:
      id: Belum ada unggahan dari {account}.
      en: No posts from {account} yet.

A file is read the first time one of its keys is asked for (:func:`lookup`,
:func:`has`), so importing labkit reads no message file, and a notebook that
only audits never reads the importers' messages. :func:`catalog` reads them all.

This module is the bottom of the package: it imports nothing of labkit's.
:mod:`labkit.i18n` is the public face (``t()``, ``set_language()``), and
:mod:`labkit.errors` renders its errors through :func:`render`. Trainers (and
tests) may add messages at run time with :func:`register`.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("id", "en")
DEFAULT_LANGUAGE = "id"

#: Folder of the message files (one ``<prefix>.yaml`` per key prefix).
DATA_DIR = Path(__file__).resolve().parent

_PREFIX = re.compile(r"^[a-z][a-z0-9_]*$")
_CATALOG: dict[str, dict[str, str]] = {}
_REGISTERED: dict[str, dict[str, str]] = {}  # added by register(), not from a file
_loaded: set[str] = set()  # prefixes whose file has been read
_files: dict[str, Path] | None = None
_current: str | None = None  # set through labkit.i18n.set_language


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{placeholders}`` in ``text``."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def prefix_of(key: str) -> str:
    """The file a key belongs to: its first dotted segment (``"audit"`` for ``"audit.x"``)."""
    return key.split(".", 1)[0]


def check_message(key: object, texts: object, where: str = "") -> dict[str, str]:
    """Check one catalogue entry and return it as a plain dict.

    Raises
    ------
    ValueError
        If a language is missing or unknown, a text is not a non-empty string,
        or the placeholders differ between languages. ``where`` (a file name)
        starts the message.
    """
    if not isinstance(key, str) or not key:
        raise ValueError(f"{where}message key {key!r} is not a text")
    if not isinstance(texts, Mapping):
        raise ValueError(f"{where}message {key!r} must map languages to texts, got {texts!r}")
    missing = [lang for lang in LANGUAGES if lang not in texts]
    if missing:
        raise ValueError(f"{where}message {key!r} lacks languages {missing}")
    unknown = sorted(str(lang) for lang in texts if lang not in LANGUAGES)
    if unknown:
        raise ValueError(f"{where}message {key!r} has unknown languages {unknown}")
    for lang in LANGUAGES:
        if not isinstance(texts[lang], str) or not texts[lang].strip():
            raise ValueError(f"{where}message {key!r} has no {lang!r} text (got {texts[lang]!r})")
    fields = {lang: placeholders(texts[lang]) for lang in LANGUAGES}
    if len({frozenset(v) for v in fields.values()}) != 1:
        raise ValueError(
            f"{where}message {key!r} has different placeholders per language: {fields}"
        )
    return {lang: texts[lang] for lang in LANGUAGES}


def read_file(path: str | os.PathLike) -> dict[str, dict[str, str]]:
    """Read and check one message file; every problem names the file and the key.

    Raises
    ------
    ValueError
        If the file is not valid YAML, not a mapping, holds a key of another
        prefix, or an entry fails :func:`check_message`.
    """
    import yaml

    path = Path(path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (safe loader)
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: must map message keys to {{id: ..., en: ...}}")
    prefix = path.stem
    out = {}
    for key, texts in data.items():
        if not isinstance(key, str) or prefix_of(key) != prefix:
            raise ValueError(
                f"{path}: key {key!r} does not start with '{prefix}.' (the file's name)"
            )
        out[key] = check_message(key, texts, where=f"{path}: ")
    return out


def files() -> dict[str, Path]:
    """The message files, by prefix."""
    global _files
    if _files is None:
        _files = {p.stem: p for p in sorted(DATA_DIR.glob("*.yaml")) if _PREFIX.match(p.stem)}
    return _files


def _load(prefix: str) -> None:
    if prefix in _loaded:
        return
    path = files().get(prefix)
    if path is None:
        return
    entries = read_file(path)  # a bad file raises at every attempt, never half-loads
    for key, texts in entries.items():
        registered = _REGISTERED.get(key)
        if registered is not None and registered != texts:
            raise ValueError(f"{path}: message {key!r} was also registered with other texts")
    for key, texts in entries.items():
        _CATALOG.setdefault(key, texts)
    _loaded.add(prefix)


def load_all() -> None:
    """Read every message file now (the test of the whole catalogue does this)."""
    for prefix in files():
        _load(prefix)


def lookup(key: str) -> dict[str, str] | None:
    """The texts of ``key`` by language, or None; reads the key's file the first time."""
    texts = _CATALOG.get(key)
    if texts is None:
        _load(prefix_of(key))
        texts = _CATALOG.get(key)
    return texts


def has(key: str) -> bool:
    """True if a message exists under ``key``."""
    return lookup(key) is not None


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    """Add messages at run time (tests, trainers' extensions); labkit's own are in files.

    Raises
    ------
    ValueError
        If a language is missing or the placeholders differ, or the key exists
        with other texts (a programming error, caught by the test suite).
    """
    for key, texts in messages.items():
        entry = check_message(key, texts)
        existing = lookup(key)
        if existing is not None and existing != entry:
            raise ValueError(f"message {key!r} is registered twice with different texts")
        _REGISTERED[key] = entry
        _CATALOG[key] = entry


def registered() -> dict[str, dict[str, str]]:
    """The messages added with :func:`register` (none from labkit's own modules)."""
    return {k: dict(v) for k, v in _REGISTERED.items()}


def catalog() -> dict[str, dict[str, str]]:
    """Return a copy of the whole catalogue (reads every file)."""
    load_all()
    return {k: dict(v) for k, v in _CATALOG.items()}


def current_language() -> str:
    """The language set by ``set_language``, else a known ``LABKIT_LANG``, else the default.

    :func:`labkit.i18n.get_language` is the public version: it also warns
    about an unknown ``LABKIT_LANG``.
    """
    if _current is not None:
        return _current
    env = os.environ.get("LABKIT_LANG", "").strip().lower()
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


def set_current_language(code: str | None) -> None:
    """Set the current language; ``code`` is checked by :func:`labkit.i18n.set_language`."""
    global _current
    _current = code


def render(key: str, lang: str, params: Mapping[str, Any]) -> str:
    """Message ``key`` in the (already checked) language ``lang``, filled with ``params``.

    Raises
    ------
    KeyError
        If no message exists under ``key``.
    """
    texts = lookup(key)
    if texts is None:
        raise KeyError(f"no message registered under {key!r}")
    text = texts[lang]
    return text.format(**params) if params or placeholders(text) else text
