"""The one chart style of Humas Lab: readable on a projector and in a Word report.

Every module that draws a chart uses this module, so every chart a trainee
sees or hands to a leader looks the same and says the same things:

* **Readable.** Large fonts (13 pt text, 16 pt titles) on an 8 x 4.5 inch
  figure, which stays legible on a projector and at full width in a Word page.
* **Indonesian numbers and dates.** ``1.234,5``, ``12,3 %``, ``3 Desember
  2026``, ``Senin`` (English through :func:`labkit.set_language`).
* **Colour-blind safe.** The Okabe-Ito palette (:data:`PALETTE`); groups are
  never told apart by red versus green alone.
* **Honest.** Where a chart compares groups, each group shows its ``n``;
  groups with too few posts to compare (``low_n``) are drawn grey and hatched
  (:data:`LOW_N_COLOR`), never coloured like the rest, and the legend says why.
* **One call to save.** :func:`save` writes PNG and SVG into the work folder
  (``exports/grafik/``); :meth:`labkit.export.Document.figure` embeds a figure
  in a DOCX/HTML report.

Figures are made with :func:`figure` (a :class:`matplotlib.figure.Figure`
that is not registered with pyplot, so widgets redrawing charts never leak
figures); a notebook shows one when it is the last value of a cell.

>>> from labkit import charts
>>> charts.format_number(1234.5, decimals=1, lang="id")
'1.234,5'
>>> charts.format_percent(12.345, lang="id")
'12,3 %'
>>> charts.format_percent(0.123, fraction=True, lang="en")
'12.3%'
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from labkit import i18n, workspace
from labkit.errors import LabkitError

__all__ = [
    "CHARTS_DIR",
    "LOW_N_COLOR",
    "LOW_N_HATCH",
    "PALETTE",
    "STYLE",
    "SavedChart",
    "bar",
    "figure",
    "format_date",
    "format_number",
    "format_percent",
    "heatmap",
    "line",
    "number_formatter",
    "percent_formatter",
    "save",
    "style",
    "to_png",
    "weekday_name",
]

#: Okabe & Ito (2008) colour-blind-safe palette, blue first (the main series).
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
#: Cells with too few observations: grey and hatched, never a palette colour.
LOW_N_COLOR = "#C8C8C8"
LOW_N_HATCH = "///"
#: Sequential colour map for heat maps (perceptually uniform, colour-blind safe).
SEQUENTIAL_CMAP = "viridis"
#: Folder of saved charts inside ``<work dir>/exports/``.
CHARTS_DIR = "grafik"

#: Font sizes and sizes: legible on a projector and at full width in a Word page.
STYLE: dict[str, Any] = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "font.size": 13,
    "axes.titlesize": 16,
    "axes.titleweight": "bold",
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#DDDDDD",
    "svg.fonttype": "none",  # SVG text stays text (searchable, editable)
}


# ---------------------------------------------------------------- formatting


def _lang(lang: str | None) -> str:
    code = lang or i18n.get_language()
    return "id" if code == "id" else "en"


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_number(value: object, decimals: int | None = None, *, lang: str | None = None) -> str:
    """A number for people: ``1.234,5`` in Indonesian, ``1,234.5`` in English.

    Parameters
    ----------
    value : number
        Missing values give ``"-"``; infinities give ``"∞"`` (they should not
        reach a chart: rates with a zero denominator are missing).
    decimals : int, optional
        Decimal places; default 0 for whole numbers and for values of 100 or
        more, 1 from 10 to 100, 2 below 10.
    lang : {"id", "en"}, optional
        Default: the current language.
    """
    if _missing(value):
        return "-"
    x = float(value)  # type: ignore[arg-type]
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if decimals is None:
        if x == round(x) or abs(x) >= 100:
            decimals = 0
        elif abs(x) >= 10:
            decimals = 1
        else:
            decimals = 2
    text = i18n.number_text(x, decimals, _lang(lang))
    if text.startswith("-") and round(x, decimals) == 0:
        text = text[1:]  # no "-0,0"
    return text


def format_percent(
    value: object, decimals: int = 1, *, fraction: bool = False, lang: str | None = None
) -> str:
    """A percentage for people: ``12,3 %`` in Indonesian (PUEBI spacing), ``12.3%`` in English.

    Parameters
    ----------
    value : number
        In percent (``12.3``), or a fraction (``0.123``) with ``fraction=True``.
    decimals : int
        Decimal places (default 1).
    """
    if _missing(value):
        return "-"
    x = float(value) * (100 if fraction else 1)  # type: ignore[arg-type]
    number = format_number(x, decimals, lang=lang)
    return f"{number} %" if _lang(lang) == "id" else f"{number}%"


def format_date(value: object, style: str = "long", *, lang: str | None = None) -> str:
    """A date in words: ``long`` ``3 Desember 2026``, ``short`` ``3 Des``, ``month`` ``Des 2026``.

    Month names come from :data:`labkit.i18n.MONTHS` (English with ``lang="en"``).
    """
    if _missing(value):
        return "-"
    ts = pd.Timestamp(value)  # type: ignore[arg-type]
    months = i18n.MONTHS[_lang(lang)]
    name = months[ts.month - 1]
    if style == "long":
        return f"{ts.day} {name} {ts.year}"
    if style == "short":
        return f"{ts.day} {name[:3]}"
    if style == "month":
        return f"{name[:3]} {ts.year}"
    raise LabkitError("charts.unknown_option", what="style", value=style,
                      known="long, short, month")  # fmt: skip


def weekday_name(day: int, *, short: bool = False, lang: str | None = None) -> str:
    """Name of weekday ``day`` (0 = Monday, as pandas' ``dt.weekday``)."""
    name = i18n.WEEKDAYS[_lang(lang)][int(day) % 7]
    return name[:3] if short else name


def number_formatter(decimals: int | None = None) -> Any:
    """A matplotlib tick formatter writing numbers in the current language."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: format_number(x, decimals))


def percent_formatter(decimals: int = 1) -> Any:
    """A matplotlib tick formatter writing values (in percent) as ``12,3 %``."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: format_percent(x, decimals))


def _date_formatter(style: str = "short") -> Any:
    from matplotlib.dates import num2date
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: format_date(num2date(x), style))


# ---------------------------------------------------------------- figures


def _rc() -> dict[str, Any]:
    from cycler import cycler

    return {**STYLE, "axes.prop_cycle": cycler(color=list(PALETTE))}


def figure(width: float | None = None, height: float | None = None) -> Any:
    """A new, empty figure in the lab's style (not registered with pyplot).

    Returns
    -------
    matplotlib.figure.Figure
        Draw on ``fig.add_subplot()`` inside ``with charts.style():`` or use
        :func:`bar`, :func:`line` or :func:`heatmap`.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    size = STYLE["figure.figsize"]
    with style():
        fig = _figure_class()(figsize=(width or size[0], height or size[1]))
    FigureCanvasAgg(fig)
    return fig


_FIGURE_CLASS: list[type] = []


def _figure_class() -> type:
    """A matplotlib Figure that shows itself as PNG in a notebook (with or without pyplot)."""
    if not _FIGURE_CLASS:
        from matplotlib.figure import Figure

        class LabFigure(Figure):
            """A Figure in the lab's style; the last value of a cell shows it as PNG."""

            def _repr_png_(self) -> bytes:
                return to_png(self, dpi=100)

        _FIGURE_CLASS.append(LabFigure)
    return _FIGURE_CLASS[0]


def style() -> Any:
    """A context manager applying the lab's style (``with charts.style(): ...``)."""
    import matplotlib as mpl

    return mpl.rc_context(_rc())


def _n_label(n: object) -> str:
    return i18n.t("charts.n", n=format_number(n, 0)) if not _missing(n) else ""


def _low_n_legend(fig: Any, min_n: int | None) -> None:
    """The legend of the grey, hatched cells, under the chart (a figure legend)."""
    from matplotlib.patches import Patch

    text = i18n.t("charts.low_n_min", min_n=min_n) if min_n else i18n.t("charts.low_n")
    fig.legend(
        handles=[Patch(facecolor=LOW_N_COLOR, hatch=LOW_N_HATCH, edgecolor="#777777", label=text)],
        loc="lower left",
        bbox_to_anchor=(0.01, 0.01),
        frameon=False,
    )


def _margins(
    fig: Any,
    *,
    labels: Sequence[str] = (),
    top: float = 0.2,
    xlabel: bool = False,
    legend: bool = False,
    right: float = 0.3,
) -> None:
    """Fixed margins (in inches) for the labels, titles (``top``) and legend.

    Cheaper than a layout engine (a widget redraws on every click) and the
    same on every chart.
    """
    w, h = fig.get_size_inches()
    longest = max((len(str(x)) for x in labels), default=0)
    left = min(0.3 + 0.105 * longest, 0.45 * w)
    bottom = 0.5 + (0.35 if xlabel else 0) + (0.4 if legend else 0)
    fig.subplots_adjust(
        left=left / w,
        right=1 - right / w,
        top=max(1 - top / h, 0.5),
        bottom=min(bottom / h, 0.45),
    )


def _title(ax: Any, title: str | None, subtitle: str | None) -> float:
    """Put the title (bold) and subtitle (grey) above the chart, wrapped; return inches used."""
    import textwrap

    fig = ax.figure
    w, h = fig.get_size_inches()
    t_lines = textwrap.wrap(title or "", width=max(int(w * 6.3), 20))
    s_lines = textwrap.wrap(subtitle or "", width=max(int(w * 10), 30))
    if t_lines:
        fig.suptitle("\n".join(t_lines), x=0.01, y=1 - 0.08 / h, ha="left", va="top",
                     fontsize=STYLE["axes.titlesize"], fontweight="bold")  # fmt: skip
    if s_lines:  # at the figure's left edge like the title, so long y labels never push it off
        fig.text(0.01, 1 - (0.14 + 0.3 * len(t_lines)) / h, "\n".join(s_lines), ha="left",
                 va="top", fontsize=11, color="#444444", gid="subtitle")  # fmt: skip
    return 0.15 + 0.3 * len(t_lines) + 0.2 * len(s_lines)


def _check_columns(frame: pd.DataFrame, columns: Sequence[str | None]) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise LabkitError("charts.not_a_table", type=type(frame).__name__)
    missing = [c for c in columns if c is not None and c not in frame.columns]
    if missing:
        raise LabkitError(
            "charts.missing_columns", missing=", ".join(missing), known=", ".join(map(str, frame))
        )


def bar(
    frame: pd.DataFrame,
    label: str,
    value: str,
    *,
    n: str | None = "n",
    low_n: str | None = "low_n",
    lower: str | None = None,
    upper: str | None = None,
    percent: bool = False,
    decimals: int | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    xlabel: str | None = None,
    min_n: int | None = None,
    max_bars: int = 20,
    fig: Any = None,
) -> Any:
    """Horizontal bars comparing groups, each labelled with its value and ``n``.

    Parameters
    ----------
    frame : DataFrame
        One row per group, in the order to draw (top to bottom).
    label, value : str
        Columns with the group's name and its value.
    n : str or None
        Column with the group's number of observations, written beside the bar.
    low_n : str or None
        Boolean column: True for groups with too few observations; drawn grey
        and hatched, never in the palette colour.
    lower, upper : str, optional
        Columns with an interval (e.g. the median's 95 % confidence interval),
        drawn as error bars.
    percent : bool
        Values are percentages (axis and labels as ``12,3 %``).
    min_n : int, optional
        The minimum ``n``, named in the legend.
    max_bars : int
        At most this many groups are drawn (the first ones).
    fig : Figure, optional
        Draw into this figure (cleared first) instead of a new one.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_columns(frame, [label, value, n if n in frame else None, lower, upper])
    data = frame.iloc[:max_bars]
    fig = _fresh(fig, height=min(max(3.0, 1.4 + 0.3 * max(len(data), 1)), 8.0))
    with style():
        ax = fig.add_subplot()
        vals = pd.to_numeric(data[value], errors="coerce").astype(float).to_numpy()
        shown = np.nan_to_num(vals, nan=0.0)
        pos = np.arange(len(data))[::-1]
        lows = (
            data[low_n].fillna(False).astype(bool).to_numpy()
            if low_n and low_n in data
            else np.zeros(len(data), dtype=bool)
        )
        colours = [LOW_N_COLOR if lo else PALETTE[0] for lo in lows]
        bars = ax.barh(pos, shown, color=colours, edgecolor="#777777", linewidth=0.6)
        for patch, lo in zip(bars, lows, strict=True):
            if lo:
                patch.set_hatch(LOW_N_HATCH)
        if lower and upper:
            lo_v = pd.to_numeric(data[lower], errors="coerce").astype(float).to_numpy()
            hi_v = pd.to_numeric(data[upper], errors="coerce").astype(float).to_numpy()
            ok = ~(np.isnan(lo_v) | np.isnan(hi_v) | np.isnan(vals))
            if ok.any():
                err = np.vstack([vals[ok] - lo_v[ok], hi_v[ok] - vals[ok]]).clip(min=0)
                ax.errorbar(vals[ok], pos[ok], xerr=err, fmt="none", ecolor="#333333",
                            elinewidth=1.2, capsize=3)  # fmt: skip
        ax.set_yticks(pos, [str(v) for v in data[label]])
        fmt = (lambda x: format_percent(x, 1 if decimals is None else decimals)) if percent else (
            lambda x: format_number(x, decimals)
        )  # fmt: skip
        ax.xaxis.set_major_formatter(percent_formatter() if percent else number_formatter())
        counts = data[n].tolist() if n and n in data else [None] * len(data)
        ends = shown.copy()
        if lower and upper:
            ends = np.fmax(ends, np.nan_to_num(hi_v, nan=0.0))
        top = float(np.nanmax(np.append(ends, 0.0)))
        for y, v, end, cnt in zip(pos, vals, ends, counts, strict=True):
            text = fmt(v)
            if cnt is not None:
                text += f"  ({_n_label(cnt)})"
            ax.text(max(end, 0) + top * 0.015, y, text, va="center", ha="left", fontsize=11)
        ax.set_xlim(0, top * 1.35 if top > 0 else 1)
        if xlabel:
            ax.set_xlabel(xlabel)
        top = _title(ax, title, subtitle)
        if lows.any():
            _low_n_legend(fig, min_n)
        _margins(fig, labels=[str(v) for v in data[label]], top=top, xlabel=bool(xlabel),
                 legend=bool(lows.any()))  # fmt: skip
    return fig


def line(
    frame: pd.DataFrame,
    x: str,
    y: str,
    *,
    group: str | None = None,
    percent: bool = False,
    title: str | None = None,
    subtitle: str | None = None,
    ylabel: str | None = None,
    marks: Sequence[Any] = (),
    fig: Any = None,
) -> Any:
    """Lines over time (``x`` dates), one per ``group``, with Indonesian date ticks.

    ``marks`` are dates drawn as dotted vertical lines (e.g. a follower jump).
    """
    _check_columns(frame, [x, y, group])
    fig = _fresh(fig)
    with style():
        ax = fig.add_subplot()
        ax.grid(True, axis="y")
        groups = [(None, frame)] if group is None else list(frame.groupby(group, observed=True))
        for i, (name, part) in enumerate(groups):
            xs = pd.to_datetime(part[x])
            if getattr(xs.dt, "tz", None) is not None:
                xs = xs.dt.tz_localize(None)
            ax.plot(xs, pd.to_numeric(part[y], errors="coerce"), color=PALETTE[i % len(PALETTE)],
                    linewidth=2, label=None if name is None else str(name))  # fmt: skip
        for m in marks:
            ts = pd.Timestamp(m)
            ax.axvline(ts.tz_localize(None) if ts.tzinfo else ts, color=PALETTE[5],
                       linestyle=":", linewidth=2)  # fmt: skip
        ax.xaxis.set_major_formatter(_date_formatter("short"))
        ax.yaxis.set_major_formatter(percent_formatter() if percent else number_formatter())
        if ylabel:
            ax.set_ylabel(ylabel)
        if group is not None and len(groups) > 1:
            ax.legend(frameon=False, loc="best")
        top = _title(ax, title, subtitle)
        ticks = [format_number(v) for v in ax.get_yticks()]
        _margins(fig, labels=[t + "   " for t in ticks], top=top)
    return fig


def heatmap(
    frame: pd.DataFrame,
    rows: str,
    cols: str,
    value: str,
    *,
    n: str | None = "n",
    low_n: str | None = "low_n",
    percent: bool = False,
    title: str | None = None,
    subtitle: str | None = None,
    row_labels: dict[Any, str] | None = None,
    min_n: int | None = None,
    fig: Any = None,
) -> Any:
    """A grid (e.g. weekday x hour) coloured by ``value``; low-n cells grey and hatched.

    Each coloured cell shows its value and, below it, ``n`` (up to 14 columns;
    the table beside the chart has them all). Missing cells stay blank.
    """
    _check_columns(frame, [rows, cols, value, n if n in frame else None])
    row_keys = sorted(frame[rows].dropna().unique())
    col_keys = sorted(frame[cols].dropna().unique())
    grid = np.full((len(row_keys), len(col_keys)), np.nan)
    lows = np.zeros_like(grid, dtype=bool)
    counts = np.full_like(grid, np.nan)
    ri = {k: i for i, k in enumerate(row_keys)}
    ci = {k: i for i, k in enumerate(col_keys)}
    for rec in frame.itertuples(index=False):
        r, c = ri.get(getattr(rec, rows)), ci.get(getattr(rec, cols))
        if r is None or c is None:
            continue
        grid[r, c] = float(getattr(rec, value)) if not _missing(getattr(rec, value)) else np.nan
        if n and n in frame:
            counts[r, c] = getattr(rec, n)
        if low_n and low_n in frame:
            lows[r, c] = bool(getattr(rec, low_n))
    fig = _fresh(fig, width=max(8.0, 1.5 + 0.55 * len(col_keys)),
                 height=max(3.0, 1.3 + 0.5 * len(row_keys)))  # fmt: skip
    with style():
        from matplotlib.collections import PatchCollection
        from matplotlib.patches import Rectangle

        ax = fig.add_subplot()
        ax.grid(False)
        shown = np.where(lows, np.nan, grid)
        img = ax.imshow(np.ma.masked_invalid(shown), cmap=SEQUENTIAL_CMAP, aspect="auto")
        cells = [
            Rectangle((c - 0.5, r - 0.5), 1, 1) for r, c in zip(*np.nonzero(lows), strict=True)
        ]
        if cells:  # one collection: cheap to draw however many cells are low
            ax.add_collection(PatchCollection(cells, facecolor=LOW_N_COLOR, hatch=LOW_N_HATCH,
                                              edgecolor="#999999", linewidth=0.6))  # fmt: skip
        for r in range(len(row_keys)):
            for c in range(len(col_keys)):
                if not lows[r, c] and not np.isnan(grid[r, c]) and len(col_keys) <= 14:
                    txt = format_percent(grid[r, c]) if percent else format_number(grid[r, c])
                    if not np.isnan(counts[r, c]):
                        txt += "\n" + _n_label(counts[r, c])
                    bright = img.norm(grid[r, c]) > 0.6  # viridis is light at the top
                    ax.text(c, r, txt, ha="center", va="center", fontsize=9,
                            color="black" if bright else "white")  # fmt: skip
        ax.set_xticks(range(len(col_keys)), [str(k) for k in col_keys])
        labels = [(row_labels or {}).get(k, str(k)) for k in row_keys]
        ax.set_yticks(range(len(row_keys)), labels)
        top = _title(ax, title, subtitle)
        _margins(fig, labels=labels, top=top, legend=bool(lows.any()), right=0.2)
        bar_ = fig.colorbar(img, ax=ax, shrink=0.9, fraction=0.05, pad=0.02)
        bar_.formatter = percent_formatter() if percent else number_formatter()
        bar_.update_ticks()
        if lows.any():
            _low_n_legend(fig, min_n)
    return fig


def _fresh(fig: Any, width: float | None = None, height: float | None = None) -> Any:
    if fig is None:
        return figure(width, height)
    fig.clear()
    if width or height:
        w, h = fig.get_size_inches()
        fig.set_size_inches(width or w, height or h)
    return fig


# ---------------------------------------------------------------- saving


class SavedChart(NamedTuple):
    """Paths of a chart saved by :func:`save`."""

    png: Path
    svg: Path


_NAME = re.compile(r"[^0-9A-Za-z_.-]+")


def to_png(fig: Any, dpi: int = 200) -> bytes:
    """The figure as PNG bytes (for :class:`ipywidgets.Image` or a document)."""
    if not hasattr(fig, "savefig"):
        raise LabkitError("charts.not_a_figure", type=type(fig).__name__)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def save(
    fig: Any, name: str, *, folder: str | os.PathLike[str] | None = None, dpi: int = 200
) -> SavedChart:
    """Save ``fig`` as PNG (for slides and Word) and SVG (for print) with one call.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    name : str
        File name without extension (``"er_per_akun"``); other characters than
        letters, digits, ``_``, ``-`` and ``.`` become ``_``.
    folder : path, optional
        Default ``<work dir>/exports/grafik/``; a relative folder is taken in
        the work folder.
    dpi : int
        Resolution of the PNG (200: sharp on a slide and in a printed page).

    Returns
    -------
    SavedChart
        ``(png, svg)`` paths, both written atomically.
    """
    if not hasattr(fig, "savefig"):
        raise LabkitError("charts.not_a_figure", type=type(fig).__name__)
    stem = _NAME.sub("_", str(name)).strip("_.") or "grafik"
    base = (
        workspace.work_dir() / "exports" / CHARTS_DIR
        if folder is None
        else workspace.resolve(folder)
    )
    svg = io.BytesIO()
    fig.savefig(svg, format="svg")
    try:
        png_path = workspace.save_bytes(base / f"{stem}.png", to_png(fig, dpi))
        svg_path = workspace.save_bytes(base / f"{stem}.svg", svg.getvalue())
    except OSError as exc:
        raise LabkitError("export.cannot_write", path=str(base), reason=str(exc)) from exc
    return SavedChart(png_path, svg_path)


def today_label(lang: str | None = None) -> str:
    """Today's date in words (for chart subtitles: "data per 3 Desember 2026")."""
    return format_date(dt.date.today(), lang=lang)
