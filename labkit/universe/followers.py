"""Daily follower series with planted bought and organic-viral jumps.

Organic growth is a small daily rate with noise (never more than 0.4 % a day);
a planted jump adds 6-25 % of the followers in one day. Bought followers are
kept apart from the real ones: they never engage, so the engagement of the
account stays flat after a bought jump while the follower count rises. A viral
jump adds real followers on the day of a viral post (see :mod:`.posts`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from labkit import schema
from labkit.universe import period
from labkit.universe.accounts import Roster

#: Bounds of the organic daily growth rate (fraction of followers per day).
DAILY_MIN, DAILY_MAX = -0.002, 0.004
NOISE = 0.00035


@dataclass
class Series:
    """Followers of every account of a replica, day by day."""

    total: np.ndarray  # (n_accounts, n_days) int64 followers at the end of each day
    real: np.ndarray  # (n_accounts, n_days) float: followers who can engage (not bought)
    table: pd.DataFrame  # canonical followers table
    truth: pd.DataFrame  # truth_follower_jumps


def build(roster: Roster, rng: np.random.Generator) -> Series:
    """Simulate the daily followers of every account of ``roster``."""
    p = roster.params
    n, d = len(p), len(period.days())
    days_idx = np.arange(d)
    # organic rate: account growth x weekly wobble + noise; accounts that stopped posting decline
    g = p["growth"].to_numpy()[:, None] * (1 + 0.3 * np.sin(2 * np.pi * days_idx / 7.0))[None, :]
    g = g + rng.normal(0, NOISE, size=(n, d))
    stopped = days_idx[None, :] > p["last_day"].to_numpy()[:, None]
    g = np.where(stopped, -0.0002 + rng.normal(0, NOISE / 3, size=(n, d)), g)
    g = np.clip(g, DAILY_MIN, DAILY_MAX)
    g[:, 0] = 0.0
    jumps = roster.jumps
    viral_factor = np.ones((n, d))
    for j in jumps.itertuples():
        if j.kind == "viral":
            viral_factor[j.row, j.day] = 1 + j.frac
    real = p["f0"].to_numpy()[:, None] * np.cumprod((1 + g) * viral_factor, axis=1)
    bought = np.zeros((n, d))
    for j in jumps.itertuples():
        if j.kind == "bought":
            gain = j.frac * (real[j.row, j.day - 1] + bought[j.row, j.day - 1])
            # bought followers are slowly purged by the platform (0.05 % a day)
            bought[j.row, j.day :] += gain * 0.9995 ** np.arange(d - j.day)
    total = real + bought
    # the 'big but quiet' account: the largest audience of the universe
    bq = roster.big_quiet
    others = np.delete(total[:, -1], bq)
    factor = max(1.0, 1.3 * others.max() / total[bq, -1])
    real[bq] *= factor
    bought[bq] *= factor
    total = np.round(real + bought).astype(np.int64)

    acc = roster.accounts
    table = pd.DataFrame(
        {
            "platform": np.repeat(acc["platform"].to_numpy(), d),
            "account": np.repeat(acc["account"].to_numpy(), d),
            "date": np.tile(period.days().to_numpy(), n),
            "followers": total.ravel(),
        }
    )
    truth = pd.DataFrame(
        {
            "platform": acc["platform"].to_numpy()[jumps["row"].to_numpy()],
            "account": acc["account"].to_numpy()[jumps["row"].to_numpy()],
            "date": period.days().to_numpy()[jumps["day"].to_numpy()],
            "kind": jumps["kind"].to_numpy(),
            "gain": [
                int(total[r, t] - total[r, t - 1])
                for r, t in zip(jumps["row"], jumps["day"], strict=True)
            ],
        },
        columns=schema.table("truth_follower_jumps").names,
    )
    return Series(total=total, real=real, table=table, truth=truth)
