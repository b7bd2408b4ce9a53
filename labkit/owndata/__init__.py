"""The trainee's own data as a data source: import, summarise, check what can run.

One call imports a folder of platform exports (plus the filled-in account
inventory, comments and search-results templates, if present), masks citizens'
personal data, and saves the canonical tables as a dataset in the work folder::

    >>> from labkit import owndata, data
    >>> summary = owndata.import_own_data("unduhan/", name="instansi_saya")  # doctest: +SKIP
    >>> summary                                        # what was read, what is missing
    >>> data.use("instansi_saya")                      # later notebooks read it
    >>> owndata.sections_available()                   # which sections can run on it

Where the data live: ``<work folder>/data/<name>/<table>.parquet`` (see
:mod:`labkit.workspace`), never inside the git checkout. Delete them with
:func:`purge` when the workshop ends.

One job per module:

* :mod:`~labkit.owndata.importing`: :func:`import_own_data`, :func:`save_inventory`;
* :mod:`~labkit.owndata.reconcile`: account names, daily tables, accounts and agencies;
* :mod:`~labkit.owndata.guides`: :func:`download_guide` (data: ``platform_guides.yaml``);
* :mod:`~labkit.owndata.samples`: :func:`sample_exports`, :func:`sample_inventory`;
* :mod:`~labkit.owndata.sections`: :func:`sections_available`, :func:`can_run`
  (data: ``labkit/sections.yaml``);
* :mod:`~labkit.owndata.notebooks`: :func:`load_or_none`, :func:`pick_agency`.
"""

from __future__ import annotations

import os
from pathlib import Path

from labkit import data
from labkit.owndata.guides import GUIDES_FILE, Guide, Guides, download_guide
from labkit.owndata.importing import (
    DEFAULT_NAME,
    EXPORT_TABLES,
    FILE_COLUMNS,
    TEMPLATE_KINDS,
    ImportSummary,
    find_templates,
    import_own_data,
    save_inventory,
)
from labkit.owndata.notebooks import load_or_none, pick_agency
from labkit.owndata.reconcile import (
    PLACEHOLDER_AGENCY,
    PROFILE_COLUMNS,
    build_accounts,
    daily_metrics,
    followers_from_daily,
    has_inventory,
    link_comment_posts,
    reconcile_accounts,
)
from labkit.owndata.samples import sample_agency, sample_exports, sample_inventory
from labkit.owndata.sections import (
    NEEDS,
    SECTIONS_FILE,
    Section,
    all_sections,
    can_run,
    read_sections,
    requirements,
    sections_available,
)

__all__ = [
    "DEFAULT_NAME",
    "EXPORT_TABLES",
    "FILE_COLUMNS",
    "GUIDES_FILE",
    "NEEDS",
    "PLACEHOLDER_AGENCY",
    "PROFILE_COLUMNS",
    "SECTIONS_FILE",
    "TEMPLATE_KINDS",
    "Guide",
    "Guides",
    "ImportSummary",
    "Section",
    "build_accounts",
    "can_run",
    "daily_metrics",
    "download_guide",
    "find_templates",
    "followers_from_daily",
    "has_inventory",
    "import_own_data",
    "link_comment_posts",
    "load_or_none",
    "pick_agency",
    "purge",
    "read_sections",
    "reconcile_accounts",
    "requirements",
    "sample_agency",
    "sample_exports",
    "sample_inventory",
    "save_inventory",
    "all_sections",
    "sections_available",
]


def purge(
    name: str = DEFAULT_NAME, *, downloads: str | os.PathLike[str] | None = None
) -> list[Path]:
    """Delete the trainee's dataset ``name`` (and its cache) and, optionally, the downloads.

    The notebooks' name for :func:`labkit.data.purge` (the one owner of deleting
    data): a dataset that does not exist is not an error here, since the
    downloads may still need deleting. The downloads hold citizens' comments
    *before* masking: delete them too when the work is done. Only a folder
    inside the work folder is deleted here; files elsewhere (e.g. the
    Downloads folder) must be deleted by hand.

    Returns
    -------
    list of Path
        What was deleted.

    Raises
    ------
    LabkitError
        ``downloads`` is outside the work folder (then nothing is deleted).
    """
    return data.purge(name, downloads=downloads, missing_ok=True)
