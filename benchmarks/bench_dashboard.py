"""Benchmark: the engagement dashboard's update after a change, at bundled-data size.

Target: from the start of a selector's callback until the new chart (PNG of the
lab-styled figure) and the new table are set, at most 300 ms at the 95th
percentile. The dashboard is built over the bundled universe (41,850 posts,
47 accounts); a fixed cycle of changes touches every selector (agency,
platform, account, start, end, metric, denominator, breakdown) through the
widgets' ``.value``, as a trainee's clicks do, and comes back to where it
started, so each round is the same work.

The reference, timed in the same run on the same machine, is a bare
matplotlib render of the same charts (the same bars or grid, default style,
no labels, no table) saved as PNG at the same resolution: the ratio says how
much the dashboard adds to drawing the chart itself.

Run::

    python -m benchmarks.bench_dashboard            # 5 rounds of 20 changes
    python -m benchmarks.bench_dashboard --rounds 10
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import time

import numpy as np

from benchmarks.harness import Result, measure, report

TARGET_P95 = 0.300
ACCOUNT = "instagram/humas_kotapelangi"
START, END = dt.date(2026, 3, 1), dt.date(2026, 6, 30)


def _cycle(first: dt.date, last: dt.date) -> list[tuple[str, object]]:
    """20 changes touching every selector, ending where they started."""
    return [
        ("agency", "AG05"),
        ("platform", "instagram"),
        ("account", ACCOUNT),
        ("breakdown", "weekday_hour"),
        ("metric", "likes"),
        ("denominator", "reach"),
        ("start", START),
        ("end", END),
        ("breakdown", "hour"),
        ("denominator", "none"),
        ("metric", "engagements"),
        ("account", "*"),
        ("platform", "*"),
        ("start", first),
        ("end", last),
        ("agency", "*"),
        ("breakdown", "content_type"),
        ("denominator", "followers"),
        ("breakdown", "weekday"),
        ("breakdown", "account"),
    ]


def _quantiles(times: list[float]) -> dict:
    arr = np.asarray(times)
    return {
        "count": len(times),
        "p50": float(np.percentile(arr, 50)),
        "p95": float(np.percentile(arr, 95)),
        "max": float(arr.max()),
    }


def _updates(rounds: int) -> dict:
    """Drive the widget; return the update times (callback start to chart and table set)."""
    import matplotlib

    matplotlib.use("Agg")
    from labkit.widgets.dashboard import Dashboard

    t0 = time.perf_counter()
    dash = Dashboard.from_data("bundled")
    build = time.perf_counter() - t0
    model = dash.model
    changes = _cycle(model.first_day, model.last_day)
    times: list[float] = []
    per: dict[str, list[float]] = {}
    dash.controls["agency"].value = "AG01"  # warm-up (fonts, caches): not counted
    dash.controls["agency"].value = "*"
    for _ in range(rounds):
        for name, value in changes:
            dash.controls[name].value = value
            assert dash.filters[name] == value, (name, value, dash.filters)
            times.append(dash.last_update_seconds)
            per.setdefault(name, []).append(dash.last_update_seconds)
    return {
        **_quantiles(times),
        "build_seconds": round(build, 3),
        "posts": len(model.frame),
        "per_selector_p95": {k: round(float(np.percentile(v, 95)), 4) for k, v in per.items()},
    }


def _bare(rounds: int) -> dict:
    """The same charts drawn with bare matplotlib (no style, labels or table) and saved as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from labkit.dashboard import DashboardModel
    from labkit.widgets.dashboard import SCREEN_DPI

    model = DashboardModel.from_data("bundled")
    charts_data = []
    for name, value in _cycle(model.first_day, model.last_day):
        view = model.set(**{name: value})
        charts_data.append((view.kind, view.chart_data.copy()))
    times = []
    for _ in range(rounds + 1):
        for kind, frame in charts_data:
            start = time.perf_counter()
            fig = Figure(figsize=(8, max(3.0, 1.2 + 0.42 * max(len(frame), 1))))
            FigureCanvasAgg(fig)
            ax = fig.add_subplot()
            if kind == "heatmap":
                keys = frame["key"].to_numpy()
                grid = np.full((7, 24), np.nan)
                grid[keys // 100, keys % 100] = frame["median"].to_numpy()
                ax.imshow(grid, aspect="auto")
            else:
                ax.barh(np.arange(len(frame)), frame["median"].fillna(0).to_numpy())
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=SCREEN_DPI)
            times.append(time.perf_counter() - start)
    return _quantiles(times[len(charts_data) :])  # the first round warms up


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    ref_run = measure("bare matplotlib render (ref)", "benchmarks.bench_dashboard:_bare",
                      args.rounds, repeat=1)  # fmt: skip
    run = measure("dashboard updates", "benchmarks.bench_dashboard:_updates", args.rounds,
                  repeat=1)  # fmt: skip
    d, r = run.detail, ref_run.detail
    ref = Result("bare matplotlib render p95 (reference)", r["p95"], ref_run.peak_mib, r["count"],
                 r)  # fmt: skip
    res = Result(
        f"dashboard update p95 ({d['count']} changes, {d['posts']} posts)",
        d["p95"],
        run.peak_mib,
        d["count"],
        d,
    ).with_target(seconds=TARGET_P95, ref=ref)
    report("dashboard", [ref, res])
    print(
        f"update p50 {d['p50'] * 1000:.0f} ms, p95 {d['p95'] * 1000:.0f} ms, "
        f"max {d['max'] * 1000:.0f} ms; bare render p95 {r['p95'] * 1000:.0f} ms; "
        f"ratio {res.ratio:.2f}; per selector p95 (s): {d['per_selector_p95']}"
    )
    return 0 if res.met else 1


if __name__ == "__main__":
    sys.exit(main())
