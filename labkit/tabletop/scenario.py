"""Tabletop scenarios: a crisis as a timeline of injects, written as YAML a trainer can read.

A scenario names the agency and account, the platforms, the SCCT crisis type, its length
in scenario minutes, a briefing, and a timeline of **injects** at minute offsets:
citizens' comments (written in the file, or taken from a bundled episode of the
universe), a viral post, a news article, a journalist's question, a message from the
leader, a hoax variant, a plot twist (new facts that change the crisis type). An inject
may say what a good response is (``expects``) and by when (``deadline``, minutes after
the inject). See docs/tabletop.md for the format and a trainer's guide.

:func:`load_scenario` validates everything and raises a :class:`LabkitError` naming the
file, the line and the fix: an inject after the end, an unknown inject type, a missing
field, a YAML syntax error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from labkit.crisis import CRISIS_TYPES
from labkit.errors import LabkitError

#: Inject types and the fields each needs (beyond ``at`` and ``type``).
INJECT_TYPES: dict[str, tuple[str, ...]] = {
    "comment": ("text",),
    "comments": ("episode",),
    "viral_post": ("text", "source"),
    "news": ("text", "source"),
    "journalist": ("text", "source"),
    "leader": ("text",),
    "hoax": ("text",),
    "twist": ("text", "scct_type"),
}
#: What a team can be expected to do after an inject.
ACTIONS = ("holding_statement", "update", "clarify_hoax", "reply", "escalate", "apology")
REQUIRED = (
    "id",
    "title",
    "agency_id",
    "account",
    "platforms",
    "scct_type",
    "duration",
    "briefing",
    "injects",
)
OPTIONAL_INJECT = ("expects", "deadline", "from", "to", "over", "limit", "author", "hoax_id")


@dataclass(frozen=True)
class Inject:
    """One event of the timeline.

    Attributes
    ----------
    at : int
        Scenario minute at which it appears.
    type : str
        One of :data:`INJECT_TYPES`.
    text, source, author : str
        What it says and who says it (empty where not given).
    expects : tuple of str
        Actions of :data:`ACTIONS` a good team takes after it.
    deadline : int or None
        Minutes after the inject by which they are due.
    scct_type : str
        For a ``twist``: the crisis type the new facts make it.
    episode, start, end, over, limit : for ``comments`` taken from the data: a label
        (the bundled episode's id), the real minutes after the scenario's ``starts_at`` from
        ``start`` to ``end``, spread over ``over`` scenario minutes, at most ``limit`` comments.
    line : int
        Line of the inject in the file (for messages).
    """

    at: int
    type: str
    text: str = ""
    source: str = ""
    author: str = ""
    expects: tuple[str, ...] = ()
    deadline: int | None = None
    scct_type: str = ""
    hoax_id: str = ""
    episode: str = ""
    start: int = 0
    end: int = 0
    over: int = 0
    limit: int = 0
    line: int = 0


@dataclass(frozen=True)
class Scenario:
    """A validated tabletop scenario (see the module's description)."""

    id: str
    title: str
    agency_id: str
    account: str
    platforms: tuple[str, ...]
    scct_type: str
    duration: int
    briefing: str
    injects: tuple[Inject, ...] = field(repr=False)
    starts_at: pd.Timestamp | None = None
    path: str = ""


def _fail(key: str, path: str, line: int, **params: Any) -> LabkitError:
    return LabkitError(key, file=path, line=line, **params)


def _line_of(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                return v
    return None


def _int(value: Any, name: str, path: str, line: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _fail("tabletop.scenario.bad_number", path, line, field=name, value=repr(value))
    return int(value)


def parse_scenario(text: str, path: str = "<teks>") -> Scenario:
    """Validate a scenario given as YAML text (see :func:`load_scenario`)."""
    try:
        raw = yaml.safe_load(text)
        tree = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        raise _fail("tabletop.scenario.bad_yaml", path, getattr(mark, "line", -1) + 1) from None
    if not isinstance(raw, dict):
        raise _fail("tabletop.scenario.not_a_mapping", path, 1)
    for key in REQUIRED:
        if raw.get(key) in (None, "", []):
            raise _fail("tabletop.scenario.missing", path, _line_of(tree), field=key)
    scct = str(raw["scct_type"])
    if scct not in CRISIS_TYPES:
        raise _fail(
            "tabletop.scenario.bad_scct", path, _line_of(_child(tree, "scct_type")),
            value=scct, valid=", ".join(CRISIS_TYPES),
        )  # fmt: skip
    duration = _int(raw["duration"], "duration", path, _line_of(_child(tree, "duration")))
    platforms = raw["platforms"] if isinstance(raw["platforms"], list) else [raw["platforms"]]
    inject_nodes = _child(tree, "injects")
    if not isinstance(raw["injects"], list):
        raise _fail("tabletop.scenario.injects_not_list", path, _line_of(inject_nodes))
    injects = []
    for i, item in enumerate(raw["injects"]):
        node = inject_nodes.value[i] if isinstance(inject_nodes, yaml.SequenceNode) else None
        injects.append(_inject(item, node, path, duration))
    injects.sort(key=lambda j: j.at)
    starts_at = None
    if raw.get("starts_at") is not None:
        try:
            starts_at = pd.Timestamp(raw["starts_at"])
            starts_at = (
                starts_at.tz_localize("UTC")
                if starts_at.tzinfo is None
                else starts_at.tz_convert("UTC")
            )
        except (ValueError, TypeError):
            raise _fail(
                "tabletop.scenario.bad_time", path, _line_of(_child(tree, "starts_at")),
                value=repr(raw["starts_at"]),
            ) from None  # fmt: skip
    elif any(i.type == "comments" for i in injects):
        raise _fail("tabletop.scenario.missing", path, _line_of(tree), field="starts_at")
    return Scenario(
        id=str(raw["id"]), title=str(raw["title"]), agency_id=str(raw["agency_id"]),
        account=str(raw["account"]), platforms=tuple(str(p) for p in platforms), scct_type=scct,
        duration=duration, briefing=str(raw["briefing"]).strip(), injects=tuple(injects),
        starts_at=starts_at, path=path,
    )  # fmt: skip


def _inject(item: Any, node: yaml.Node | None, path: str, duration: int) -> Inject:
    line = _line_of(node)
    if not isinstance(item, dict):
        raise _fail("tabletop.scenario.inject_not_mapping", path, line)
    if "at" not in item:
        raise _fail(
            "tabletop.scenario.inject_missing", path, line, field="at", type=item.get("type", "?")
        )
    at = _int(item["at"], "at", path, _line_of(_child(node, "at")))
    kind = str(item.get("type", ""))
    if kind not in INJECT_TYPES:
        raise _fail(
            "tabletop.scenario.bad_type", path, _line_of(_child(node, "type")) if "type" in item else line,
            value=kind or "-", valid=", ".join(INJECT_TYPES),
        )  # fmt: skip
    if at > duration:
        raise _fail(
            "tabletop.scenario.after_end",
            path,
            _line_of(_child(node, "at")),
            at=at,
            duration=duration,
        )
    for name in INJECT_TYPES[kind]:
        if item.get(name) in (None, ""):
            raise _fail("tabletop.scenario.inject_missing", path, line, field=name, type=kind)
    unknown = sorted(
        set(item) - {"at", "type", "text", "source", "scct_type", "episode"} - set(OPTIONAL_INJECT)
    )
    if unknown:
        raise _fail(
            "tabletop.scenario.unknown_field", path, line, fields=", ".join(unknown), type=kind
        )
    expects = item.get("expects") or []
    expects = [expects] if isinstance(expects, str) else list(expects)
    bad = [a for a in expects if a not in ACTIONS]
    if bad:
        raise _fail(
            "tabletop.scenario.bad_action", path, _line_of(_child(node, "expects")),
            value=", ".join(map(str, bad)), valid=", ".join(ACTIONS),
        )  # fmt: skip
    deadline = item.get("deadline")
    if deadline is not None:
        deadline = _int(deadline, "deadline", path, _line_of(_child(node, "deadline")))
    if kind == "twist" and item["scct_type"] not in CRISIS_TYPES:
        raise _fail(
            "tabletop.scenario.bad_scct", path, _line_of(_child(node, "scct_type")),
            value=item["scct_type"], valid=", ".join(CRISIS_TYPES),
        )  # fmt: skip
    span = {}
    if kind == "comments":
        start = _int(item.get("from", 0), "from", path, line)
        end = _int(item.get("to", 120), "to", path, line)
        if end <= start:
            raise _fail("tabletop.scenario.bad_window", path, line, start=start, end=end)
        over = _int(item.get("over", end - start), "over", path, line)
        if at + over > duration:
            raise _fail("tabletop.scenario.after_end", path, line, at=at + over, duration=duration)
        span = {"episode": str(item["episode"]), "start": start, "end": end, "over": over,
                "limit": _int(item.get("limit", 30), "limit", path, line)}  # fmt: skip
    return Inject(
        at=at, type=kind, text=str(item.get("text", "")).strip(), source=str(item.get("source", "")),
        author=str(item.get("author", "")), expects=tuple(expects), deadline=deadline,
        scct_type=str(item.get("scct_type", "")), hoax_id=str(item.get("hoax_id", "")), line=line, **span,
    )  # fmt: skip


def scenario_names() -> list[str]:
    """The bundled scenarios (file names without ``.yaml``), the blank template excluded."""
    folder = resources.files("labkit.tabletop").joinpath("scenarios")
    return sorted(
        p.name[: -len(".yaml")]
        for p in folder.iterdir()
        if p.name.endswith(".yaml") and not p.name.startswith("_")
    )


def load_scenario(name_or_path: str | Path) -> Scenario:
    """A bundled scenario by name (``"ep01_antrean"``), or a scenario file by path.

    Raises
    ------
    LabkitError
        For an unknown name, or a file that is not a valid scenario (file, line and fix
        named).
    """
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
        return parse_scenario(candidate.read_text(encoding="utf-8"), str(candidate))
    name = str(name_or_path)
    if name not in scenario_names():
        raise LabkitError("tabletop.scenario.unknown", name=name, valid=", ".join(scenario_names()))
    text = (
        resources.files("labkit.tabletop").joinpath("scenarios", f"{name}.yaml").read_text("utf-8")
    )
    return parse_scenario(text, f"{name}.yaml")
