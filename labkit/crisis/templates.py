"""Statement templates as data (``templates.yaml``), filled from named fields."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

import yaml

from labkit import i18n
from labkit.errors import LabkitError


@cache
def _templates() -> dict:
    text = resources.files("labkit.crisis").joinpath("templates.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def template_names() -> list[str]:
    """``holding``, ``clarification``, ``apology``, ``update``, ``press_release``."""
    return list(_templates())


def _get(name: str) -> dict:
    if name not in _templates():
        raise LabkitError("crisis.unknown_template", name=name, valid=", ".join(template_names()))
    return _templates()[name]


def template_fields(name: str) -> list[str]:
    """The named fields of template ``name``, in order."""
    return list(_get(name)["fields"])


def template_kind(name: str) -> str:
    """The lint kind of template ``name``."""
    return _get(name)["kind"]


def render(name: str, fields: Mapping[str, object], *, lang: str | None = None) -> str:
    """Fill template ``name`` from ``fields``.

    A missing or blank field raises a LabkitError naming every missing field.
    """
    spec = _get(name)
    missing = [f for f in spec["fields"] if not str(fields.get(f, "") or "").strip()]
    if missing:
        raise LabkitError("crisis.missing_fields", name=name, fields=", ".join(missing))
    lang = lang or i18n.get_language()
    text = spec.get(lang) or spec["id"]
    values = {f: str(fields[f]).strip() for f in spec["fields"]}
    return text.format(**values).strip()
