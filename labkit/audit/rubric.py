"""The audit rubric as data: load, check and describe it.

The default rubric is ``rubric.yaml`` beside this module. A trainer can copy it,
edit it and load their own file::

    >>> from labkit.audit import load_rubric
    >>> rubric = load_rubric()                       # the default
    >>> mine = load_rubric("rubrik_saya.yaml")       # doctest: +SKIP

Loading checks everything a scorer relies on and raises :class:`RubricError`
(a :class:`~labkit.errors.LabkitError`) naming the item and the fix: an unknown
scoring rule or parameter, a principle, source or dimension that is not
declared, texts missing a language, or weights that do not add up (dimension
weights total 100; item weights inside each dimension total 100).

See ``docs/audit.md`` for the arithmetic.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from labkit import i18n
from labkit.errors import LabkitError

DEFAULT_PATH = Path(__file__).with_name("rubric.yaml")
PRINCIPLES = ("kredibel", "integritas", "profesional", "responsif", "terintegrasi", "keterwakilan")
LEVELS = ("account", "agency")
METHODS = ("auto", "manual")
CONFIDENCE = ("high", "medium", "medium-low", "low", "unverified")
WEIGHT_TOTAL = 100.0
_TOL = 1e-6
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RubricError(LabkitError):
    """A rubric file cannot be used as it is."""


@dataclass(frozen=True)
class Source:
    """A source an item is based on, with how sure we are of it."""

    id: str
    citation: str
    confidence: str
    note: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Dimension:
    """A group of items with a weight in the overall score."""

    id: str
    name: Mapping[str, str]
    weight: float


@dataclass(frozen=True)
class Item:
    """One rubric item.

    Attributes
    ----------
    id, dimension, level : str
        ``level`` is ``"account"`` (scored per account) or ``"agency"``.
    method : str
        ``"auto"`` (scored from data by ``rule`` with ``params``) or ``"manual"``.
    weight : float
        Weight inside its dimension (the dimension's items total 100).
    principles, sources : tuple of str
        The Permenpan RB 83/2012 principles it serves and its other sources.
    """

    id: str
    dimension: str
    level: str
    text: Mapping[str, str]
    method: str
    rule: str | None
    params: Mapping[str, Any]
    weight: float
    action: Mapping[str, str]
    principles: tuple[str, ...]
    sources: tuple[str, ...]
    notes: Mapping[str, str] = field(default_factory=dict)
    evidence: Mapping[str, str] = field(default_factory=dict)

    def label(self, lang: str | None = None) -> str:
        """The item's text in ``lang`` (default: the current language)."""
        return self.text[lang or i18n.get_language()]


@dataclass(frozen=True)
class Rubric:
    """A checked rubric: principles, sources, dimensions and items."""

    name: str
    version: str
    title: Mapping[str, str]
    notes: Mapping[str, str]
    max_points: int
    principles: Mapping[str, Mapping[str, str]]
    sources: Mapping[str, Source]
    dimensions: tuple[Dimension, ...]
    items: tuple[Item, ...]
    path: str = ""

    def item(self, item_id: str) -> Item:
        """The item with id ``item_id`` (KeyError if none)."""
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def dimension(self, dim_id: str) -> Dimension:
        """The dimension with id ``dim_id`` (KeyError if none)."""
        for d in self.dimensions:
            if d.id == dim_id:
                return d
        raise KeyError(dim_id)

    @property
    def auto_items(self) -> tuple[Item, ...]:
        return tuple(it for it in self.items if it.method == "auto")

    @property
    def manual_items(self) -> tuple[Item, ...]:
        return tuple(it for it in self.items if it.method == "manual")

    def global_weight(self, item: Item) -> float:
        """The item's share of the whole rubric, in percent (dimension weight x item weight / 100)."""
        return self.dimension(item.dimension).weight * item.weight / WEIGHT_TOTAL

    def how_scored(self, item: Item, lang: str | None = None) -> str:
        """How ``item`` is scored, in words, with its thresholds."""
        from labkit.audit import items as rules

        if item.method == "manual":
            hint = item.evidence.get(lang or i18n.get_language(), "")
            return i18n.t("audit.how.manual", lang=lang, evidence=hint or "-")
        return rules.RULES[item.rule].describe(item.params, lang=lang)

    def to_frame(self, lang: str | None = None) -> pd.DataFrame:
        """One row per item: text, dimension, level, how scored, weights, basis, action."""
        lang = lang or i18n.get_language()
        rows = []
        for it in self.items:
            dim = self.dimension(it.dimension)
            rows.append(
                {
                    "item_id": it.id,
                    "dimension_id": dim.id,
                    "dimension": dim.name[lang],
                    "item": it.text[lang],
                    "level": i18n.t(f"audit.level.{it.level}", lang=lang),
                    "method": i18n.t(f"audit.method.{it.method}", lang=lang),
                    "how_scored": self.how_scored(it, lang),
                    "weight": it.weight,
                    "dimension_weight": dim.weight,
                    "global_weight": round(self.global_weight(it), 4),
                    "principles": ", ".join(it.principles),
                    "sources": "; ".join(self.sources[s].citation for s in it.sources),
                    "confidence": ", ".join(
                        sorted(
                            {
                                i18n.t(f"audit.confidence.{self.sources[s].confidence}", lang=lang)
                                for s in it.sources
                            }
                        )
                    ),
                    "action": it.action[lang],
                    "notes": it.notes.get(lang, ""),
                }
            )
        return pd.DataFrame(rows)


# ---------------------------------------------------------------------------- loading


def load_rubric(path: str | os.PathLike[str] | None = None) -> Rubric:
    """Load and check a rubric file (default: the rubric bundled with labkit).

    Parameters
    ----------
    path : path-like, optional
        A YAML file with the layout of ``labkit/audit/rubric.yaml``.

    Returns
    -------
    Rubric

    Raises
    ------
    RubricError
        If the file is missing or unreadable, or any check fails; the message
        names the file, the item or dimension, and the fix.
    """
    p = Path(path).expanduser() if path is not None else DEFAULT_PATH
    if not p.is_file():
        raise RubricError("audit.rubric_missing_file", path=str(p))
    stat = p.stat()
    return _load_cached(str(p.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int, size: int) -> Rubric:
    """Parse a rubric file once per version of the file."""
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RubricError("audit.rubric_unreadable", path=path, reason=str(exc)[:300]) from exc
    return parse_rubric(raw, source=path)


def parse_rubric(raw: Any, *, source: str = "-") -> Rubric:
    """Check a rubric already read from YAML (a mapping) and build a :class:`Rubric`."""
    if not isinstance(raw, Mapping):
        raise RubricError("audit.rubric_not_mapping", path=source)
    for key in ("rubric", "principles", "sources", "dimensions", "items"):
        if key not in raw:
            raise RubricError("audit.rubric_missing_key", path=source, section=key)

    principles = raw["principles"]
    if not isinstance(principles, Mapping):
        raise RubricError("audit.rubric_not_mapping", path=f"{source}: principles")
    unknown = [p for p in principles if p not in PRINCIPLES]
    if unknown:
        raise RubricError(
            "audit.rubric_unknown_principle",
            path=source,
            where="principles",
            principle=", ".join(map(str, unknown)),
            known=", ".join(PRINCIPLES),
        )
    for pid, texts in principles.items():
        _texts(texts, source, f"principles.{pid}")

    sources: dict[str, Source] = {}
    if not isinstance(raw["sources"], Mapping):
        raise RubricError("audit.rubric_not_mapping", path=f"{source}: sources")
    for sid, s in raw["sources"].items():
        where = f"sources.{sid}"
        if not isinstance(s, Mapping) or not s.get("citation"):
            raise RubricError(
                "audit.rubric_missing_field", path=source, where=where, field="citation"
            )
        conf = str(s.get("confidence", "unverified"))
        if conf not in CONFIDENCE:
            raise RubricError(
                "audit.rubric_bad_value",
                path=source,
                where=where,
                field="confidence",
                value=conf,
                allowed=", ".join(CONFIDENCE),
            )
        note = _texts(s["note"], source, f"{where}.note") if "note" in s else {}
        sources[str(sid)] = Source(str(sid), str(s["citation"]), conf, note)

    dims: list[Dimension] = []
    seen: set[str] = set()
    for i, d in enumerate(raw["dimensions"] or []):
        where = f"dimensions[{i}]"
        if not isinstance(d, Mapping) or "id" not in d:
            raise RubricError("audit.rubric_missing_field", path=source, where=where, field="id")
        did = str(d["id"])
        where = f"dimensions.{did}"
        if did in seen:
            raise RubricError("audit.rubric_duplicate_id", path=source, id=did)
        seen.add(did)
        for key in ("name", "weight"):
            if key not in d:
                raise RubricError("audit.rubric_missing_field", path=source, where=where, field=key)
        dims.append(
            Dimension(did, _texts(d["name"], source, f"{where}.name"), _weight(d, source, where))
        )
    if not dims:
        raise RubricError("audit.rubric_missing_key", path=source, section="dimensions")
    total = sum(d.weight for d in dims)
    if abs(total - WEIGHT_TOTAL) > _TOL:
        raise RubricError(
            "audit.rubric_dimension_weights",
            path=source,
            total=_fmt(total),
            weights=", ".join(f"{d.id}={_fmt(d.weight)}" for d in dims),
        )
    dim_ids = [d.id for d in dims]

    items = [
        _item(raw_item, i, source, dim_ids, sources)
        for i, raw_item in enumerate(raw["items"] or [])
    ]
    ids = [it.id for it in items]
    dupes = sorted({x for x in ids if ids.count(x) > 1})
    if dupes:
        raise RubricError("audit.rubric_duplicate_id", path=source, id=", ".join(dupes))
    for d in dims:
        members = [it for it in items if it.dimension == d.id]
        if not members:
            raise RubricError("audit.rubric_empty_dimension", path=source, dimension=d.id)
        total = sum(it.weight for it in members)
        if abs(total - WEIGHT_TOTAL) > _TOL:
            raise RubricError(
                "audit.rubric_item_weights",
                path=source,
                dimension=d.id,
                total=_fmt(total),
                weights=", ".join(f"{it.id}={_fmt(it.weight)}" for it in members),
            )

    scale = raw.get("scale") or {}
    max_points = scale.get("max_points", 2) if isinstance(scale, Mapping) else 2
    if max_points != 2:
        raise RubricError(
            "audit.rubric_bad_value",
            path=source,
            where="scale",
            field="max_points",
            value=str(max_points),
            allowed="2",
        )
    title = _texts(raw["title"], source, "title") if "title" in raw else {"id": "", "en": ""}
    notes = _texts(raw["notes"], source, "notes") if "notes" in raw else {"id": "", "en": ""}
    return Rubric(
        name=str(raw["rubric"]),
        version=str(raw.get("version", "")),
        title=title,
        notes=notes,
        max_points=int(max_points),
        principles={str(k): dict(v) for k, v in principles.items()},
        sources=sources,
        dimensions=tuple(dims),
        items=tuple(items),
        path=source,
    )


def _item(raw: Any, i: int, source: str, dim_ids: list[str], sources: Mapping[str, Source]) -> Item:
    from labkit.audit import items as rules

    where = f"items[{i}]"
    if not isinstance(raw, Mapping) or "id" not in raw:
        raise RubricError("audit.rubric_missing_field", path=source, where=where, field="id")
    iid = str(raw["id"])
    where = f"item {iid}"
    for key in ("dimension", "text", "scoring", "weight", "action", "basis"):
        if key not in raw:
            raise RubricError("audit.rubric_missing_field", path=source, where=where, field=key)
    dim = str(raw["dimension"])
    if dim not in dim_ids:
        raise RubricError(
            "audit.rubric_bad_value",
            path=source,
            where=where,
            field="dimension",
            value=dim,
            allowed=", ".join(dim_ids),
        )
    level = str(raw.get("level", "account"))
    if level not in LEVELS:
        raise RubricError(
            "audit.rubric_bad_value",
            path=source,
            where=where,
            field="level",
            value=level,
            allowed=", ".join(LEVELS),
        )
    scoring = raw["scoring"]
    if not isinstance(scoring, Mapping) or "method" not in scoring:
        raise RubricError(
            "audit.rubric_missing_field", path=source, where=where, field="scoring.method"
        )
    method = str(scoring["method"])
    if method not in METHODS:
        raise RubricError(
            "audit.rubric_bad_value",
            path=source,
            where=where,
            field="scoring.method",
            value=method,
            allowed=", ".join(METHODS),
        )
    rule: str | None = None
    params: dict[str, Any] = {}
    if method == "auto":
        rule = str(scoring.get("rule", ""))
        if rule not in rules.RULES:
            raise RubricError(
                "audit.rubric_unknown_rule",
                path=source,
                item=iid,
                rule=rule or "-",
                known=", ".join(sorted(rules.RULES)),
            )
        if level != "account":
            raise RubricError(
                "audit.rubric_bad_value",
                path=source,
                where=where,
                field="level",
                value=level,
                allowed="account",
            )
        given = scoring.get("params") or {}
        if not isinstance(given, Mapping):
            raise RubricError("audit.rubric_not_mapping", path=f"{source}: {where} params")
        try:
            params = rules.RULES[rule].check_params(given)
        except ValueError as exc:
            raise RubricError(
                "audit.rubric_bad_param", path=source, item=iid, rule=rule, reason=str(exc)
            ) from None
    elif "rule" in scoring:
        raise RubricError(
            "audit.rubric_bad_value",
            path=source,
            where=where,
            field="scoring.method",
            value="manual",
            allowed="auto (an item with a rule is scored automatically)",
        )
    evidence = (
        _texts(scoring["evidence"], source, f"{where}.evidence") if "evidence" in scoring else {}
    )

    basis = raw["basis"]
    if not isinstance(basis, Mapping):
        raise RubricError(
            "audit.rubric_missing_field", path=source, where=where, field="basis.principles"
        )
    prins = tuple(str(p) for p in (basis.get("principles") or ()))
    if not prins:
        raise RubricError(
            "audit.rubric_missing_field", path=source, where=where, field="basis.principles"
        )
    bad = [p for p in prins if p not in PRINCIPLES]
    if bad:
        raise RubricError(
            "audit.rubric_unknown_principle",
            path=source,
            where=where,
            principle=", ".join(bad),
            known=", ".join(PRINCIPLES),
        )
    if len(set(prins)) != len(prins):
        raise RubricError("audit.rubric_duplicate_id", path=source, id=f"{iid}: {', '.join(prins)}")
    srcs = tuple(str(s) for s in (basis.get("sources") or ()))
    if not srcs:
        raise RubricError(
            "audit.rubric_missing_field", path=source, where=where, field="basis.sources"
        )
    bad = [s for s in srcs if s not in sources]
    if bad:
        raise RubricError(
            "audit.rubric_unknown_source",
            path=source,
            item=iid,
            source_id=", ".join(bad),
            known=", ".join(sources),
        )
    return Item(
        id=iid,
        dimension=dim,
        level=level,
        text=_texts(raw["text"], source, f"{where}.text"),
        method=method,
        rule=rule,
        params=params,
        weight=_weight(raw, source, where),
        action=_texts(raw["action"], source, f"{where}.action"),
        principles=prins,
        sources=srcs,
        notes=_texts(raw["notes"], source, f"{where}.notes") if "notes" in raw else {},
        evidence=evidence,
    )


def _texts(value: Any, source: str, where: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise RubricError(
            "audit.rubric_texts", path=source, where=where, langs=", ".join(i18n.LANGUAGES)
        )
    missing = [lang for lang in i18n.LANGUAGES if not str(value.get(lang) or "").strip()]
    if missing:
        raise RubricError("audit.rubric_texts", path=source, where=where, langs=", ".join(missing))
    return {lang: str(value[lang]).strip() for lang in i18n.LANGUAGES}


def _weight(raw: Mapping, source: str, where: str) -> float:
    value = raw["weight"]
    try:
        w = float(value)
    except (TypeError, ValueError):
        w = float("nan")
    if isinstance(value, bool) or not math.isfinite(w) or w <= 0:
        raise RubricError("audit.rubric_bad_weight", path=source, where=where, value=str(value))
    return w


def _fmt(x: float) -> str:
    return f"{x:g}"
