"""The feed of a scenario: every inject, and the comments it brings, at its scenario minute."""

from __future__ import annotations

import numpy as np
import pandas as pd

from labkit import data
from labkit.tabletop.scenario import Scenario

COLUMNS = ["minute", "inject", "type", "source", "author", "text", "expects", "due", "hoax_id"]


def _comments(scenario: Scenario, index: int, comments: pd.DataFrame) -> pd.DataFrame:
    inject = scenario.injects[index]
    when = pd.to_datetime(comments["created_at"], utc=True)
    lo = scenario.starts_at + pd.Timedelta(minutes=inject.start)
    hi = scenario.starts_at + pd.Timedelta(minutes=inject.end)
    mine = comments[(comments["account"] == scenario.account) & (when >= lo) & (when < hi)]
    mine = mine.sort_values("created_at")
    if inject.limit and len(mine) > inject.limit:  # evenly spread, deterministic
        mine = mine.iloc[np.linspace(0, len(mine) - 1, inject.limit).round().astype(int)]
    offset = (pd.to_datetime(mine["created_at"], utc=True) - lo) / pd.Timedelta(minutes=1)
    minute = inject.at + (offset * inject.over / (inject.end - inject.start)).round().astype(int)
    return pd.DataFrame(
        {
            "minute": minute.to_numpy(),
            "inject": index,
            "type": "comment",
            "source": mine["platform"].to_numpy() if "platform" in mine else "",
            "author": mine["author"].to_numpy(),
            "text": mine["text"].to_numpy(),
            "expects": [()] * len(mine),
            "due": pd.NA,
            "hoax_id": "",
            "comment_id": mine["comment_id"].to_numpy(),
        }
    )


def feed(scenario: Scenario, comments: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every item the team will see, in scenario order.

    Parameters
    ----------
    scenario : Scenario
    comments : comments table, optional
        Where ``comments`` injects take their comments (default: ``data.load("comments")``,
        masked as trainees see it).

    Returns
    -------
    DataFrame with ``minute`` (scenario minute), ``inject`` (index in the scenario),
    ``type``, ``source``, ``author``, ``text``, ``expects`` (tuple), ``due`` (scenario
    minute by which the expected actions are due, or NA), ``hoax_id`` and, for comments
    from the data, ``comment_id``.
    """
    parts = []
    table = None
    for i, inject in enumerate(scenario.injects):
        if inject.type == "comments":
            if table is None:
                table = data.load("comments") if comments is None else comments
            parts.append(_comments(scenario, i, table))
            continue
        parts.append(
            pd.DataFrame(
                [
                    {
                        "minute": inject.at,
                        "inject": i,
                        "type": inject.type,
                        "source": inject.source,
                        "author": inject.author,
                        "text": inject.text,
                        "expects": inject.expects,
                        "due": inject.at + inject.deadline
                        if inject.deadline is not None
                        else pd.NA,
                        "hoax_id": inject.hoax_id,
                        "comment_id": "",
                    }
                ]
            )
        )
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS)
    out["due"] = out["due"].astype("Int64")
    return out.sort_values(["minute", "inject"], kind="stable").reset_index(drop=True)
