"""Helpers for notebooks that run on any source: a table or None, the agency to audit.

A notebook written for the bundled universe also runs on the trainee's
imported dataset: :func:`load_or_none` turns a missing table into None (the
analysis functions then say what is needed), :func:`pick_agency` finds an
agency that exists in the data.
"""

from __future__ import annotations

import pandas as pd

from labkit import data, i18n
from labkit.errors import LabkitError


def load_or_none(name: str, source: str | None = None) -> pd.DataFrame | None:
    """Table ``name`` of ``source`` (default: the current one), or None if it has none.

    For notebooks that run on imported data: a missing table becomes None,
    which the analysis functions read as "not given" (their items say "cannot
    be scored" and what is needed), instead of an error.
    """
    src = source or data.current_source()
    return data.load(name, source=src) if data.has_table(name, src) else None


def pick_agency(code: str | None = None, source: str | None = None, *, say: bool = True) -> str:
    """The agency to audit: ``code`` if ``source`` has it, else the one with most accounts.

    A trainee's imported dataset usually holds one agency, whose id is made
    from its name (``dinas-kominfo-kota-contoh``); a notebook written for the
    bundled data names ``AG05``. This returns an id that exists in the data
    and, when ``say``, prints which agency is used (and why, if ``code`` was
    not found).

    Raises
    ------
    LabkitError
        ``source`` has no accounts.
    """
    src = source or data.current_source()
    accounts = load_or_none("accounts", src)
    if accounts is None or accounts.empty:
        raise LabkitError("owndata.no_agency", source=src)
    counts = accounts["agency_id"].astype(str).value_counts(sort=False)
    known = list(counts.index)
    agencies = load_or_none("agencies", src)
    names = (
        {} if agencies is None else dict(zip(agencies["agency_id"], agencies["name"], strict=True))
    )
    if code is not None and str(code) in known:
        chosen, key = str(code), "owndata.agency_chosen"
    else:
        chosen = max(known, key=lambda a: (counts[a], -known.index(a)))
        key = "owndata.agency_fallback" if code else "owndata.agency_default"
        if len(known) == 1:
            key += "_only"
    if say:
        print(
            i18n.t(
                key,
                code=str(code),
                agency=chosen,
                name=str(names.get(chosen, chosen)),
                source=src,
                known=", ".join(sorted(known)[:20]),
            )
        )
    return chosen


i18n.register(
    {
        "owndata.no_agency": {
            "id": "Data '{source}' belum berisi akun, jadi belum ada instansi yang dapat diaudit. Impor data atau isi inventaris akun di notebook 05.",
            "en": "Data '{source}' hold no accounts yet, so there is no agency to audit. Import data or fill in the account inventory in notebook 05.",
        },
        "owndata.agency_chosen": {
            "id": "Instansi yang diaudit: {name} ({agency}).",
            "en": "Agency audited: {name} ({agency}).",
        },
        "owndata.agency_fallback": {
            "id": "Kode instansi '{code}' tidak ada di data '{source}'. Yang diaudit: {name} ({agency}), instansi dengan akun terbanyak. Kode yang ada: {known}.",
            "en": "Agency code '{code}' is not in data '{source}'. Auditing {name} ({agency}), the agency with most accounts. Codes present: {known}.",
        },
        "owndata.agency_fallback_only": {
            "id": "Kode instansi '{code}' tidak ada di data '{source}'. Yang diaudit: {name} ({agency}), satu-satunya instansi di data ini.",
            "en": "Agency code '{code}' is not in data '{source}'. Auditing {name} ({agency}), the only agency in these data.",
        },
        "owndata.agency_default_only": {
            "id": "Yang diaudit: {name} ({agency}), satu-satunya instansi di data '{source}'.",
            "en": "Auditing {name} ({agency}), the only agency in data '{source}'.",
        },
        "owndata.agency_default": {
            "id": "Yang diaudit: {name} ({agency}), instansi dengan akun terbanyak di data '{source}'. Kode yang ada: {known}.",
            "en": "Auditing {name} ({agency}), the agency with most accounts in data '{source}'. Codes present: {known}.",
        },
    }
)
