"""Untrusted text (citizens' comments, claims, account names, draft text) stays inert everywhere.

Hostile texts from tests/fixtures/hostile_texts.yaml are injected into widgets, HTML and DOCX
exports, XLSX and CSV files: each is shown as text, never a live tag; never a spreadsheet formula;
never a broken Word file. The browser test (tests/browser/test_untrusted_in_browser.py) checks that
no payload runs in JupyterLab.
"""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
import yaml

from labkit import export, monitor
from labkit.widgets.drafter import DrafterView

HOSTILE = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "hostile_texts.yaml").read_text("utf-8")
)
ALL = [t for group in HOSTILE.values() for t in group]
DANGEROUS_TAGS = {"script", "img", "svg", "iframe", "style", "details", "object", "embed"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.live: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_TAGS:
            self.live.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or "javascript:" in (value or "").lower():
                self.live.append(f"{tag} {name}={value}")


def _live_markup(html: str) -> list[str]:
    """Live tags, event handlers and javascript: links in ``html`` (escaped text is fine)."""
    parser = _Tags()
    parser.feed(html)
    return parser.live


@pytest.mark.parametrize("text", ALL)
def test_drafter_shows_claims_and_drafts_as_text(text):
    view = DrafterView("hostile", claim=text, debounce=None)
    view.text = text
    for html in (
        view.claim_html.value,
        view.preview.value,
        view.findings_html.value,
        view.counter.value,
    ):
        assert not _live_markup(html), html


def test_html_export_escapes_every_cell_and_paragraph(work):
    table = pd.DataFrame({"author": ALL, "text": ALL})
    doc = export.Document("Uji <b>judul</b>")
    doc.paragraph(HOSTILE["html"][0])
    doc.bullets(HOSTILE["markdown"])
    doc.table(table)
    html = doc.render_html()
    assert _live_markup(html.split("<body", 1)[1]) == []  # the head holds only our own style
    for text in HOSTILE["html"]:
        assert text not in html  # the raw payload never appears unescaped
    assert "&lt;script&gt;" in html


def test_xlsx_never_holds_a_formula(work):
    table = pd.DataFrame({"text": ALL, "n": range(len(ALL))})
    path = export.write_xlsx({"uji": table}, work / "uji.xlsx")
    sheet = openpyxl.load_workbook(path).active
    for row in sheet.iter_rows(min_row=2, max_col=1):
        cell = row[0]
        assert cell.data_type != "f", cell.value
        assert not str(cell.value or "").startswith(("=", "+", "-", "@", "\t", "＝")), cell.value


def test_csv_never_starts_a_cell_with_a_formula_character(work):
    path = export.write_csv(pd.DataFrame({"text": ALL}), work / "uji.csv")
    rows = list(csv.reader(path.read_text("utf-8-sig").splitlines()))
    for (value,) in rows[1:]:
        assert not value.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "＝")), value


def test_docx_opens_and_keeps_the_text(work):
    doc = export.Document("Uji")
    for text in ALL:
        doc.paragraph(text)
    doc.table(pd.DataFrame({"text": ALL}))
    path = doc.to_docx(work / "uji.docx")
    document = docx.Document(path)
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert "<script>window.__pwned=1</script>" in paragraphs  # shown as text, intact
    assert "=HYPERLINK" in paragraphs


def test_triage_and_hoax_matching_take_hostile_comments(work):
    comments = pd.DataFrame({"comment_id": [str(i) for i in range(len(ALL))], "text": ALL})
    assert len(monitor.triage(comments)) == len(ALL)
    assert len(monitor.sentiment(comments["text"])) == len(ALL)
    monitor.match_hoaxes(comments)  # no exception


def test_tabletop_feed_and_dashboard_table_show_hostile_text_inert(tmp_path, work):
    from labkit.tabletop import Exercise
    from labkit.tabletop.scenario import parse_scenario
    from labkit.widgets.tabletop import TabletopView

    injects = "".join(
        f"  - at: {i}\n    type: comment\n    author: {json.dumps(t)}\n    text: {json.dumps(t)}\n"
        for i, t in enumerate(ALL)
    )
    text = (
        "id: hostil\ntitle: Uji\nagency_id: AG05\naccount: akun\nplatforms: [x]\nscct_type: rumour\n"
        f"duration: {len(ALL) + 5}\nbriefing: uji\ninjects:\n{injects}"
    )
    scenario_file = tmp_path / "hostil.yaml"
    scenario_file.write_text(text, "utf-8")
    parse_scenario(text)
    view = TabletopView(Exercise.create(scenario_file, tmp_path / "latihan"))
    view.exercise.advance(len(ALL))
    view.refresh()
    assert "__pwned" in view.feed_html.value  # the payloads are there, as text
    assert _live_markup(view.feed_html.value) == [] and _live_markup(view.panel_html.value) == []
    table = pd.DataFrame({"akun": ALL, "komentar": ALL}).to_html(escape=True)
    assert _live_markup(table) == []
