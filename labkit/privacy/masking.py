"""The trainer's switch: is citizens' personal data masked when comments load?

Masking is on by default. A trainer turns it off explicitly, for one session with
:func:`set_masking` or for a whole hub with ``LABKIT_MASKING=off``; while it is
off every check emits a :class:`~labkit.errors.LabkitWarning`, and
:func:`status` gives the line the notebooks show.
"""

from __future__ import annotations

import os

from labkit import errors, i18n

ENV = "LABKIT_MASKING"
OFF_VALUES = frozenset({"off", "0", "false", "no", "nonaktif", "mati", "tidak"})

_override: bool | None = None


def _env_enabled() -> bool:
    return os.environ.get(ENV, "").strip().lower() not in OFF_VALUES


def _enabled() -> bool:
    return _override if _override is not None else _env_enabled()


def set_masking(enabled: bool | None) -> bool:
    """Turn masking on (``True``) or off (``False``); ``None``: back to ``LABKIT_MASKING``.

    Returns
    -------
    bool
        Whether masking is now on.
    """
    global _override
    _override = None if enabled is None else bool(enabled)
    on = _enabled()
    if not on:
        errors.warn("privacy.masking_off")
    return on


def masking_enabled() -> bool:
    """True unless a trainer turned masking off (a LabkitWarning says so when off)."""
    on = _enabled()
    if not on:
        errors.warn("privacy.masking_off")
    return on


def status() -> str:
    """The masking state in the trainee's language, for the notebooks to show.

    Examples
    --------
    >>> status()
    'Penyamaran data pribadi: AKTIF'
    """
    return i18n.t("privacy.status_on" if _enabled() else "privacy.status_off")
