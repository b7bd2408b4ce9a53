"""The layout constants (shared with the writers) are consistent with themselves,
with the canonical schema and with the alias table."""

from __future__ import annotations

from datetime import datetime

import pytest

from labkit import schema
from labkit.ingest import layouts
from labkit.ingest.detect import detect
from labkit.ingest.layouts import LAYOUTS, POSTS, normalize_header

ALL = list(LAYOUTS.values())
POST_COLUMNS = set(schema.table("posts").names)


@pytest.mark.parametrize("lay", ALL, ids=lambda lay: lay.name)
def test_layout_is_self_consistent(lay):
    known = set(lay.columns) | set(lay.optional)
    assert set(lay.required) <= known
    assert set(lay.signature) <= set(lay.required) | set(lay.columns)
    assert set(lay.mapping) <= known
    assert lay.time_column in lay.columns
    assert lay.matches_name(lay.file_example), lay.file_example
    assert lay.confidence in ("high", "medium", "low")
    assert len(set(lay.columns)) == len(lay.columns)
    if lay.level == POSTS:
        assert set(lay.mapping.values()) <= POST_COLUMNS
        assert lay.id_column or "url" in lay.mapping.values()
        assert lay.mapping[lay.time_column] == "published_at"
    else:
        assert lay.mapping[lay.time_column] == "date"
    for value in lay.content_types.values():
        assert value in schema.CONTENT_TYPES
    if lay.content_type:
        assert lay.content_type in schema.CONTENT_TYPES
    if lay.platform is not None:
        assert lay.platform in schema.PLATFORMS


@pytest.mark.parametrize("lay", ALL, ids=lambda lay: lay.name)
def test_time_format_writes_and_reads(lay):
    when = datetime(2026, 7, 14, 9, 30)
    text = when.strftime(lay.time_format.replace(" %z", " +0000"))
    assert text  # every format renders
    if "%Y" in lay.time_format and "%z" not in lay.time_format:
        back = datetime.strptime(text, lay.time_format)
        assert back.date() == when.date()


@pytest.mark.parametrize("lay", ALL, ids=lambda lay: lay.name)
def test_english_and_translated_headers_are_recognised(lay):
    for header in (list(lay.columns), layouts.translated_header(lay, "id")):
        det = detect(header, lay.file_example)
        assert det is not None and det.layout.name == lay.name, header
        assert [det.names[i] for i in range(len(lay.columns))] == list(lay.columns)


def test_translated_header_differs_and_is_flagged():
    header = layouts.translated_header(layouts.META_FB_POSTS, "id")
    assert (
        header[0] == "ID Postingan"
        and header[layouts.META_FB_POSTS.columns.index("Reactions")] == "Reaksi"
    )
    det = detect(header, "ekspor.csv")
    assert det.translated
    assert not detect(list(layouts.META_FB_POSTS.columns), "ekspor.csv").translated


def test_aliases_only_target_known_columns():
    table = layouts._alias_table()
    for section, entries in table.items():
        if section == "common":
            continue
        lay = layouts.layout(section)
        known = {normalize_header(c) for c in (*lay.columns, *lay.optional)}
        for alias, target in entries.items():
            assert normalize_header(target) in known, (section, alias, target)


def test_canonical_mapping_matches_the_brief():
    fb, x, yt = layouts.META_FB_POSTS, layouts.X_CLASSIC, layouts.YOUTUBE_TABLE
    assert fb.mapping["Reactions"] == "likes"
    assert x.mapping["retweets"] == "shares" and x.mapping["replies"] == "comments"
    assert layouts.X_CONTENT.mapping["Reposts"] == "shares"
    assert layouts.X_CONTENT.mapping["Bookmarks"] == "saves"
    assert "Shares" not in layouts.X_CONTENT.mapping  # X's own 'Shares' are not reposts
    assert yt.mapping["Comments added"] == "comments"
    assert fb.source_of("text") == ("Title", "Description")
    assert len(fb.columns) == 33 and fb.time_format == "%m/%d/%Y %H:%M"
    assert len(x.columns) == 40 and x.time_has_offset


def test_old_layout_names_keep_working():
    assert layouts.layout("youtube_studio") is layouts.YOUTUBE_TABLE
    with pytest.raises(KeyError):
        layouts.layout("myspace")


def test_normalize_header():
    assert (
        normalize_header('\ufeff "Reactions,  comments and Shares" ')
        == "reactions, comments and shares"
    )
