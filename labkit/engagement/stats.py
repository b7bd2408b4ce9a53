"""Distribution-free intervals for a median, from order statistics (no resampling).

For ``n`` values sorted ascending, the interval ``[x_(j), x_(k)]`` covers the
population median with probability ``P(j <= B < k)``, ``B ~ Binomial(n, 1/2)``.
:func:`median_ci_ranks` chooses ``j, k`` symmetric with coverage at least
``level`` (exact binomial up to n = 1,000, normal approximation above).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

EXACT_UP_TO = 1000


@lru_cache(maxsize=8)
def _exact_table(level: float) -> np.ndarray:
    """Lower rank ``j`` (1-based; 0 = no interval) for every n in 0..EXACT_UP_TO."""
    logfact = np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, EXACT_UP_TO + 1)))])
    alpha = (1 - level) / 2
    out = np.zeros(EXACT_UP_TO + 1, dtype="int64")
    for n in range(1, EXACT_UP_TO + 1):
        i = np.arange(n + 1)
        cdf = np.cumsum(np.exp(logfact[n] - logfact[i] - logfact[n - i] - n * math.log(2)))
        # number of ranks j-1 with P(B <= j-1) <= alpha
        out[n] = int(np.searchsorted(cdf, alpha * (1 + 1e-12), side="right"))
    return out


def median_ci_ranks(n: np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """1-based ranks ``(j, k)`` of the order statistics bounding the median's interval.

    A rank of 0 means the interval cannot reach ``level`` at that ``n`` (too few values).
    """
    n = np.asarray(n, dtype="int64")
    j = np.zeros(len(n), dtype="int64")
    k = np.zeros(len(n), dtype="int64")
    small = (n > 0) & (n <= EXACT_UP_TO)
    table = _exact_table(float(level))
    j[small] = table[n[small]]
    k[small] = np.where(j[small] > 0, n[small] + 1 - j[small], 0)
    big = n > EXACT_UP_TO
    if big.any():
        z = _z(level)
        nb = n[big].astype("float64")
        jb = np.floor(nb / 2 - z * np.sqrt(nb) / 2).astype("int64")
        j[big] = np.maximum(jb, 1)
        k[big] = n[big] + 1 - j[big]
    return j, k


@lru_cache(maxsize=16)
def _z(level: float) -> float:
    # inverse normal by bisection on erf (no scipy needed)
    target = 1 - (1 - level) / 2
    lo, hi = 0.0, 10.0
    for _ in range(80):
        mid = (lo + hi) / 2
        if 0.5 * (1 + math.erf(mid / math.sqrt(2))) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def value_order(values: np.ndarray) -> np.ndarray:
    """Positions of the non-missing ``values`` in ascending order (reusable across groupings)."""
    values = np.asarray(values, dtype="float64")
    ok = np.flatnonzero(~np.isnan(values))
    return ok[np.argsort(values[ok])]  # ties need no order: only values are read


def grouped_median_ci(
    values: np.ndarray,
    codes: np.ndarray,
    n_groups: int,
    level: float = 0.95,
    order: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Per group: ``n``, ``median``, ``ci_low``, ``ci_high`` of ``values`` (NaN ignored).

    ``codes`` are group numbers 0..n_groups-1 (negative: not in any group).
    One sort of the values and one stable sort of the codes, so it scales to
    millions of rows.
    """
    values = np.asarray(values, dtype="float64")
    codes = np.asarray(codes)
    if order is None:
        order = value_order(values)
    c_sorted = codes[order]
    if len(c_sorted) and c_sorted.min() < 0:
        keep = c_sorted >= 0
        order, c_sorted = order[keep], c_sorted[keep]
    small = c_sorted.astype(np.int16 if n_groups < 32000 else np.int64)
    by_group = order[np.argsort(small, kind="stable")]
    vs = values[by_group]
    c = c_sorted
    n = np.bincount(c, minlength=n_groups).astype("int64")
    start = np.concatenate([[0], np.cumsum(n)[:-1]])
    med = np.full(n_groups, np.nan)
    lo = np.full(n_groups, np.nan)
    hi = np.full(n_groups, np.nan)
    has = n > 0
    if has.any():
        s, m = start[has], n[has]
        med[has] = (vs[s + (m - 1) // 2] + vs[s + m // 2]) / 2
        j, k = median_ci_ranks(n, level)
        can = has & (j > 0)
        lo[can] = vs[start[can] + j[can] - 1]
        hi[can] = vs[start[can] + k[can] - 1]
    return {"n": n, "median": med, "ci_low": lo, "ci_high": hi}
