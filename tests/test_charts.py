"""labkit.charts: Indonesian numbers and dates, the palette, low-n marks, saving, embedding."""

from __future__ import annotations

import datetime as dt
import zipfile

import docx
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from labkit import charts, i18n, workspace
from labkit.errors import LabkitError
from labkit.export import Document


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "expected"),
    [
        (1234.5, 1, "id", "1.234,5"),
        (1234.5, 1, "en", "1,234.5"),
        (1234567, None, "id", "1.234.567"),
        (0.0456, None, "id", "0,05"),
        (12.25, None, "id", "12,2"),  # 1 decimal from 10 to 100 (half to even)
        (-0.001, 1, "id", "0,0"),  # never "-0,0"
        (None, None, "id", "-"),
        (float("nan"), 2, "id", "-"),
        (pd.NA, 2, "en", "-"),
    ],
)
def test_format_number(value, decimals, lang, expected):
    assert charts.format_number(value, decimals, lang=lang) == expected


def test_format_percent_in_both_languages_and_from_fractions():
    assert charts.format_percent(12.345, lang="id") == "12,3 %"
    assert charts.format_percent(12.345, lang="en") == "12.3%"
    assert charts.format_percent(0.123, fraction=True, lang="id") == "12,3 %"
    assert charts.format_percent(1234.5, 0, lang="id") == "1.234 %"
    assert charts.format_percent(None) == "-"


def test_numbers_follow_the_language_switch():
    assert charts.format_number(1234.5, 1) == "1.234,5"
    i18n.set_language("en")
    assert charts.format_number(1234.5, 1) == "1,234.5"
    assert charts.format_date(dt.date(2026, 8, 17)) == "17 August 2026"
    assert charts.weekday_name(0) == "Monday"


def test_dates_use_the_lab_month_and_weekday_names():
    day = pd.Timestamp("2026-08-17")
    assert charts.format_date(day) == "17 Agustus 2026"
    assert charts.format_date(day, "short") == "17 Agu"
    assert charts.format_date(day, "month") == "Agu 2026"
    assert charts.format_date(day, "short", lang="en") == "17 Aug"
    assert [charts.weekday_name(d) for d in range(7)] == list(i18n.WEEKDAYS["id"])
    assert charts.weekday_name(4, short=True) == "Jum"
    with pytest.raises(LabkitError, match="long, short, month"):
        charts.format_date(day, "panjang")


def test_tick_formatters_write_indonesian_numbers():
    assert charts.number_formatter(1)(1234.5, 0) == "1.234,5"
    assert charts.percent_formatter()(2.5, 0) == "2,5 %"


def test_palette_is_okabe_ito_and_low_n_is_not_in_it():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                 "#000000"}  # fmt: skip
    assert set(charts.PALETTE) == okabe_ito
    assert charts.LOW_N_COLOR.upper() not in okabe_ito


def _groups() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "akun": ["a", "b", "c"],
            "median": [1.5, 2.25, 30.0],
            "lower": [1.0, 1.0, 20.0],
            "upper": [2.0, 4.0, 40.0],
            "n": [100, 4, 1234],
            "low_n": [False, True, False],
        }
    )


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_bar_shows_n_and_marks_low_n_groups_grey_and_hatched():
    fig = charts.bar(_groups(), "akun", "median", lower="lower", upper="upper", percent=True,
                     title="ER", min_n=10)  # fmt: skip
    ax = fig.axes[0]
    bars = ax.patches[:3]
    assert [b.get_width() for b in bars] == [1.5, 2.25, 30.0]
    colours = [to_hex(b.get_facecolor()).upper() for b in bars]
    assert colours[1] == charts.LOW_N_COLOR.upper() and bars[1].get_hatch() == charts.LOW_N_HATCH
    assert colours[0] == colours[2] == charts.PALETTE[0] and not bars[0].get_hatch()
    texts = _texts(fig)
    assert "1,5 %  (n = 100)" in texts and "30,0 %  (n = 1.234)" in texts
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["n < 10: terlalu sedikit untuk dibandingkan"]
    assert ax.get_xticklabels()  # Indonesian percent ticks
    fig.canvas.draw()
    assert any(t.get_text().endswith(" %") for t in ax.get_xticklabels())


def test_bar_without_low_n_has_no_legend_and_missing_values_do_not_break_it():
    df = _groups().assign(low_n=False)
    df.loc[0, "median"] = np.nan
    fig = charts.bar(df, "akun", "median")
    assert fig.axes[0].get_legend() is None and not fig.legends
    assert "-  (n = 100)" in _texts(fig)


def test_heatmap_greys_out_low_n_cells():
    grid = pd.DataFrame(
        {
            "hari": [0, 0, 1, 1],
            "jam": [9, 10, 9, 10],
            "median": [1.0, 2.0, 3.0, 4.0],
            "n": [5, 20, 30, 40],
            "low_n": [True, False, False, False],
        }  # fmt: skip
    )
    fig = charts.heatmap(grid, "hari", "jam", "median", row_labels={0: "Senin", 1: "Selasa"},
                         min_n=10)  # fmt: skip
    ax = fig.axes[0]
    image = ax.get_images()[0].get_array()
    assert np.ma.is_masked(image[0, 0]) and image[1, 1] == 4.0  # the low-n cell is not coloured
    (cells,) = [c for c in ax.collections if c.get_hatch() == charts.LOW_N_HATCH]
    assert len(cells.get_paths()) == 1
    assert to_hex(cells.get_facecolor()[0]).upper() == charts.LOW_N_COLOR
    assert tuple(cells.get_paths()[0].get_extents().bounds) == (-0.5, -0.5, 1.0, 1.0)
    assert "2\nn = 20" in _texts(fig)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Senin", "Selasa"]


def test_line_has_indonesian_date_ticks():
    df = pd.DataFrame({"tanggal": pd.date_range("2026-01-01", periods=90), "y": range(90)})
    fig = charts.line(df, "tanggal", "y", marks=["2026-02-01"])
    fig.canvas.draw()
    labels = " ".join(t.get_text() for t in fig.axes[0].get_xticklabels())
    assert "Feb" in labels or "Mar" in labels
    assert "Jan" in labels and "Okt" not in labels


def test_bad_chart_input_is_a_clear_error():
    with pytest.raises(LabkitError, match="Kolom untuk grafik tidak ada: nilai"):
        charts.bar(_groups(), "akun", "nilai")
    with pytest.raises(LabkitError, match="bukan list"):
        charts.bar([1, 2], "akun", "median")
    with pytest.raises(LabkitError, match="bukan grafik matplotlib"):
        charts.save("bukan", "x")


def test_save_writes_png_and_svg_into_the_work_folder():
    fig = charts.bar(_groups(), "akun", "median")
    saved = charts.save(fig, "ER per akun: Juli/2026")
    folder = workspace.work_dir() / "exports" / charts.CHARTS_DIR
    assert saved.png == folder / "ER_per_akun_Juli_2026.png"
    assert saved.svg == folder / "ER_per_akun_Juli_2026.svg"
    assert saved.png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = saved.svg.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "n = 1.234" in svg  # text stays text in the SVG
    again = charts.save(fig, "lain", folder="laporan/grafik")
    assert again.png == workspace.work_dir() / "laporan" / "grafik" / "lain.png"


def test_a_chart_embeds_in_a_docx_that_reads_back_with_the_image():
    fig = charts.bar(_groups(), "akun", "median", percent=True, title="ER per akun")
    path = (
        Document("Ringkasan keterlibatan")
        .paragraph("Grafik di bawah ini.")
        .figure(fig, "ER per akun", alt="Median ER per akun dengan n")
        .to_docx("ringkasan")
    )
    d = docx.Document(str(path))
    assert len(d.inline_shapes) == 1
    assert any(p.text == "Gambar 1. ER per akun" for p in d.paragraphs)
    with zipfile.ZipFile(path) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert media and z.read(media[0])[:4] == b"\x89PNG"
    assert charts.to_png(fig)[:4] == b"\x89PNG"


def test_a_figure_shows_itself_as_png_in_a_notebook_without_pyplot():
    fig = charts.bar(_groups(), "akun", "median")
    assert fig._repr_png_()[:4] == b"\x89PNG"


def test_title_and_subtitle_stay_inside_the_figure_with_long_labels():
    frame = pd.DataFrame(
        {
            "label": ["instagram/humas_kotapelangi_resmi_sekali", "x/humas"],
            "value": [0.02, 0.01],
            "n": [500, 400],
            "low_n": [False, False],
        }
    )
    subtitle = "AG05 · 1 Oktober 2025 – 30 September 2026 · garis: selang kepercayaan 95 % median"
    fig = charts.bar(frame, "label", "value", title="Judul", subtitle=subtitle)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    texts = [t for t in fig.texts if t.get_gid() == "subtitle"]
    assert len(texts) == 1 and "selang" in texts[0].get_text()
    for text in [*texts, fig._suptitle]:
        extent = text.get_window_extent(renderer)
        assert box.x0 <= extent.x0 and extent.x1 <= box.x1, text.get_text()
