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

from labkit import i18n
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

i18n.register(
    {
        "privacy.masking_off": {
            "id": "Penyamaran data pribadi NONAKTIF (dimatikan pelatih): komentar warga tampil apa adanya, termasuk NIK, nomor HP, e-mail dan akun. Jangan menyalin atau membagikan data ini. Aktifkan lagi dengan labkit.privacy.set_masking(True).",
            "en": "Personal-data masking is OFF (turned off by the trainer): citizens' comments are shown as they are, including NIK, phone numbers, e-mails and handles. Do not copy or share these data. Turn it back on with labkit.privacy.set_masking(True).",
        },
        "privacy.status_on": {
            "id": "Penyamaran data pribadi: AKTIF",
            "en": "Personal-data masking: ON",
        },
        "privacy.status_off": {
            "id": "Penyamaran data pribadi: NONAKTIF (dimatikan pelatih)",
            "en": "Personal-data masking: OFF (turned off by the trainer)",
        },
        "privacy.unknown_column": {
            "id": "Kolom {column} tidak ada di tabel. Kolom yang ada: {known}.",
            "en": "Column {column} is not in the table. Existing columns: {known}.",
        },
        "privacy.bad_salt": {
            "id": "Berkas kunci pseudonim '{path}' rusak atau kosong. Jangan dihapus sembarangan: tanpa berkas ini nama samaran warga berubah. Pulihkan berkasnya dari cadangan, atau tanyakan pelatih.",
            "en": "The pseudonym key file '{path}' is damaged or empty. Do not just delete it: without it citizens' pseudonyms change. Restore it from a backup, or ask your trainer.",
        },
    }
)
