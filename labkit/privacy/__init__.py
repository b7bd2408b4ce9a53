"""Citizens' personal data, masked by default (UU PDP 27/2022).

>>> from labkit import privacy
>>> privacy.redact("NIK 3201234567890001, WA 0812-3456-7890, cc @budi_s")
'NIK [NIK], WA [TELEPON], cc [AKUN]'
>>> privacy.status()
'Penyamaran data pribadi: AKTIF'

* :func:`redact` / :func:`redact_series`: replace NIK/KK numbers, mobile numbers,
  e-mails and @handles with ``[NIK]``, ``[TELEPON]``, ``[EMAIL]``, ``[AKUN]``;
  the agency's own contacts (``keep_*``) stay.
* :func:`mask_comments`: what :func:`labkit.data.load` does to ``comments``:
  redacted text, pseudonymised authors (``warga_...``), agency replies kept.
* :func:`official_allowlist`: the agency's handles, numbers and e-mails.
* :func:`find_pii`: which rows and columns hold personal data.
* :func:`masking_enabled`, :func:`set_masking`, :func:`status`: the trainer's switch.

See ``docs/privacy.md`` for the rules and their limits.
"""

from __future__ import annotations

from labkit.privacy.detect import (
    NEGATIVE_CUES,
    PLACEHOLDERS,
    POSITIVE_CUES,
    TYPES,
    Allowlist,
    Span,
    find_spans,
    normalize_email,
    normalize_handle,
    normalize_number,
    redact,
    redact_series,
    redact_with,
)
from labkit.privacy.masking import masking_enabled, set_masking, status
from labkit.privacy.tables import (
    PrivacyError,
    find_pii,
    mask_comments,
    official_allowlist,
    preview,
    pseudonym,
    pseudonymise,
)

__all__ = [
    "NEGATIVE_CUES",
    "PLACEHOLDERS",
    "POSITIVE_CUES",
    "TYPES",
    "Allowlist",
    "PrivacyError",
    "Span",
    "find_pii",
    "find_spans",
    "mask_comments",
    "masking_enabled",
    "normalize_email",
    "normalize_handle",
    "normalize_number",
    "official_allowlist",
    "preview",
    "pseudonym",
    "pseudonymise",
    "redact",
    "redact_series",
    "redact_with",
    "set_masking",
    "status",
]
