"""The one table of platform facts and X's weighted counting."""

from datetime import date

import pytest

from labkit import platforms
from labkit.errors import LabkitError


def test_table_has_every_platform_with_date_and_status():
    table = platforms.limits_table()
    assert {"x", "instagram", "facebook", "tiktok", "youtube", "threads", "whatsapp"} <= set(
        table["platform"]
    )
    assert table["checked"].map(lambda d: isinstance(d, date)).all()
    posts = table[table["field"] == "post"].set_index("platform")["limit"]
    assert posts["x"] == 280 and posts["instagram"] == 2200 and posts["facebook"] == 63206
    assert posts["tiktok"] == 4000 and posts["youtube"] == 5000 and posts["threads"] == 500
    assert platforms.limit("whatsapp").limit is None
    assert not platforms.limit("whatsapp").verified
    assert not platforms.limit("tiktok").verified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("halo", 4),
        ("é" * 10, 10),  # Latin-1 range weighs 1
        ("中文", 4),  # CJK weighs 2
        ("日本語のテキスト", 16),
        ("😀", 2),
        ("👍🏽", 2),  # emoji + skin tone: one emoji
        ("👨\u200d👩\u200d👧", 2),  # ZWJ family: one emoji
        ("🇮🇩", 2),  # flag
        ("Info https://example.go.id/a/very/long/path/indeed/more", 5 + 23),
        ("lihat www.bpbd-contoh.go.id", 6 + 23),
        ("\u2014", 1),  # em dash in the 8208-8223 range
        ("\u200b", 1),  # zero-width space in 8192-8205
        ("\u202e", 2),  # right-to-left override: outside the light ranges
        ("ĀĀ", 2),
        ("ሀ", 2),  # Ethiopic U+1200 (4608) above 4351
    ],
)
def test_x_weighted_length(text, expected):
    assert platforms.x_weighted_length(text) == expected


def test_count_per_platform():
    text = "Banjir 🌊 https://contoh.go.id"
    assert platforms.count(text, "x") == 7 + 2 + 1 + 23
    assert platforms.count(text, "instagram") == len(text)
    assert platforms.count(text, "Twitter") == platforms.count(text, "x")


def test_over_limit_at():
    assert platforms.over_limit_at("a" * 280, "x") is None
    assert platforms.over_limit_at("a" * 281, "x") == 280
    assert platforms.over_limit_at("中" * 141, "x") == 140
    assert platforms.over_limit_at("a" * 501, "threads") == 500
    assert platforms.over_limit_at("a" * 100_000, "whatsapp") is None


def test_unknown_platform_lists_valid():
    with pytest.raises(LabkitError) as err:
        platforms.count("x", "myspace")
    assert "instagram" in str(err.value) and "myspace" in str(err.value)
    with pytest.raises(LabkitError):
        platforms.limit("x", "caption_long")


def test_over_limit_at_matches_the_smallest_prefix_over_the_limit():
    import random

    rng = random.Random(1)
    pieces = ["a", "é", "中", "😀", "👍🏽", " https://contoh.go.id/x ", "\u200b", "ሀ", " "]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(100, 300)))
        at = platforms.over_limit_at(text, "x")
        if platforms.x_weighted_length(text) <= 280:
            assert at is None
            continue
        assert platforms.x_weighted_length(text[:at]) <= 280 < platforms.x_weighted_length(
            text[: at + 1]
        ) or (
            platforms.x_weighted_length(text[:at]) <= 280
            and platforms.x_weighted_length(text[: at + 25])
            > 280  # a URL or emoji starting at `at`
        )
