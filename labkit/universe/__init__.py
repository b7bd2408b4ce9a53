"""The bundled fictional universe: agencies, accounts, posts, comments and ground truth.

The universe is generated deterministically from a seed by :func:`generate`
and committed in ``datasets/`` (see ``datasets/README.md``, rendered by
:func:`datasheet`). Regenerate it only deliberately::

    python -m labkit.universe --seed 2026 --scale 1 --out datasets --force

Every agency, place, handle and person in it is fictional.
"""

from __future__ import annotations

from labkit.universe.generate import (
    DEFAULT_SEED,
    TABLES,
    Universe,
    big_but_quiet,
    build,
    engagement_ranking,
    generate,
    write,
)
from labkit.universe.period import END, END_DAY, START, START_DAY

__all__ = [
    "DEFAULT_SEED",
    "END",
    "END_DAY",
    "START",
    "START_DAY",
    "TABLES",
    "Universe",
    "big_but_quiet",
    "build",
    "datasheet",
    "engagement_ranking",
    "generate",
    "write",
]


def datasheet(tables=None, manifest=None) -> str:
    """The datasheet (``datasets/README.md``) as markdown.

    Without arguments it describes the committed bundle in ``datasets/``.
    """
    from labkit.universe import sheet as _ds

    return _ds.render(tables, manifest)
