"""Word bursts (labkit.monitor.bursts) and the two-signal early warning (labkit.monitor.watch)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from labkit.errors import LabkitError
from labkit.monitor import alerts, bursts, detect_spikes, text, watch, word_bursts

T0 = pd.Timestamp("2026-03-01", tz="UTC")
ORDINARY = ["antrean lama sekali", "petugas tidak ramah", "pelayanan lambat", "sistem error terus"]


def _ordinary(hours: int = 24 * 21, rate: float = 1.0, seed: int = 3) -> pd.DataFrame:
    """Three weeks of ordinary complaints: about one an hour, many authors and posts."""
    rng = np.random.default_rng(seed)
    per_hour = rng.poisson(rate, hours)
    rows = []
    for h, k in enumerate(per_hour):
        for _ in range(k):
            rows.append(
                {
                    "created_at": T0 + pd.Timedelta(hours=h, minutes=int(rng.integers(60))),
                    "text": ORDINARY[int(rng.integers(len(ORDINARY)))],
                    "author": f"warga{int(rng.integers(400))}",
                    "post_id": f"p{h // 24}",
                    "account": "humas_contoh",
                }
            )
    return pd.DataFrame(rows)


def _with(frame, at, texts, authors=None, posts=None, every=20):
    extra = pd.DataFrame(
        {
            "created_at": [at + pd.Timedelta(minutes=every * i) for i in range(len(texts))],
            "text": texts,
            "author": authors or [f"pelapor{i}" for i in range(len(texts))],
            "post_id": posts or [f"q{i % 2}" for i in range(len(texts))],
            "account": "humas_contoh",
        }
    )
    return pd.concat([frame, extra], ignore_index=True).sort_values("created_at", ignore_index=True)


LEAK = [
    "data pribadi warga bocor",
    "kenapa data kami bocor min",
    "data pasien bocor di grup",
    "siapa tanggung jawab data bocor",
    "tolong tutup link, data bocor",
]
ONSET = T0 + pd.Timedelta(days=16, hours=2)


def test_a_slow_issue_is_found_by_its_word_when_volume_stays_quiet():
    comments = _with(_ordinary(), ONSET, LEAK)
    found = word_bursts(comments)
    assert set(found["word"]) >= {"bocor"}
    first = found[found["word"] == "bocor"].iloc[0]
    # the fourth leak comment (an hour after the first) completes the burst: 5 by that hour's end
    assert first["hour"] == ONSET.floor("h") + pd.Timedelta("1h")
    assert first["n"] == 5 and first["n_before"] == 0 and first["authors"] == 5
    assert first["n_window"] >= first["n"]
    # five comments in three hours are too few for a volume alarm ...
    table = watch(comments, pd.Series(True, index=comments.index))
    assert not table["volume_alert"].any()
    # ... but the word rings it, and the alert says why
    (alert,) = alerts(table).itertuples()
    assert alert.channel == "words" and set(alert.words.split(", ")) == {"data", "bocor"}
    assert ONSET <= alert.start <= ONSET + pd.Timedelta("2h")


def test_a_busy_hour_of_ordinary_complaints_is_not_a_word_burst():
    busy = _with(_ordinary(), ONSET, [ORDINARY[i % 4] for i in range(30)], every=2)
    assert word_bursts(busy).empty
    table = watch(busy, pd.Series(True, index=busy.index), method="poisson")
    assert table["volume_alert"].any() and not table["word_alert"].any()
    assert set(alerts(table)["channel"]) == {"volume"}


@pytest.mark.parametrize(
    ("authors", "posts", "why"),
    [
        (["satu_orang"] * 5, None, "one person repeating"),
        (None, ["p_sama"] * 5, "one post's own topic"),
    ],
)
def test_one_author_or_one_post_is_not_an_issue(authors, posts, why):
    comments = _with(_ordinary(), ONSET, LEAK, authors=authors, posts=posts)
    assert word_bursts(comments).empty, why


def test_no_burst_before_a_week_of_history():
    early = T0 + pd.Timedelta(days=3)
    assert word_bursts(_with(_ordinary(), early, LEAK)).empty
    later = word_bursts(_with(_ordinary(), T0 + pd.Timedelta(days=8), LEAK))
    assert "bocor" in set(later["word"])


def test_only_the_counted_comments_count():
    comments = _with(_ordinary(), ONSET, LEAK)
    is_leak = comments["text"].isin(LEAK)
    assert word_bursts(comments, ~is_leak).empty
    assert not word_bursts(comments, pd.Series(True, index=comments.index)).empty


def test_counts_match_a_plain_recount():
    """Every (word, hour) row agrees with counting the comments by hand."""
    comments = _with(_ordinary(hours=24 * 10, rate=0.6, seed=9), T0 + pd.Timedelta(days=8), LEAK)
    loose = {"threshold": 0.0, "min_count": 1, "min_authors": 1, "min_posts": 1}
    found = word_bursts(comments, window=4, baseline=48, **loose)
    assert len(found) > 50
    hours = pd.to_datetime(comments["created_at"], utc=True).dt.floor("h")
    words = text.content_words(comments["text"])
    sample = found.sample(40, random_state=2)
    for row in sample.itertuples():
        win = (hours > row.hour - pd.Timedelta("4h")) & (hours <= row.hour)
        base = (hours > row.hour - pd.Timedelta("52h")) & (hours <= row.hour - pd.Timedelta("4h"))
        holds = comments.index.isin(words[words == row.word].index)
        assert (row.n, row.n_window) == ((win & holds).sum(), win.sum()), row
        assert (row.n_before, row.n_baseline) == ((base & holds).sum(), base.sum()), row
    assert found["hour"].min() >= T0 + pd.Timedelta(hours=bursts.WARM_UP)


def test_parameters_are_recorded_and_checked():
    comments = _with(_ordinary(), ONSET, LEAK)
    found = word_bursts(comments, window=6)
    assert found.attrs["params"] == {**bursts.DEFAULTS, "window": 6}
    with pytest.raises(LabkitError, match="min_count, min_authors"):
        word_bursts(comments, threshhold=3)
    with pytest.raises(LabkitError, match="bilangan bulat jam"):
        word_bursts(comments, window=0)
    with pytest.raises(LabkitError, match="post_id"):
        word_bursts(comments.drop(columns="post_id"))


def test_watch_without_words_is_detect_spikes():
    comments = _with(_ordinary(), ONSET, LEAK)
    issue = pd.Series(True, index=comments.index)
    table = watch(comments, issue, words=False, method="zscore", threshold=5)
    from labkit.monitor import volume

    plain = detect_spikes(volume(comments, issue)["n"], method="zscore", threshold=5)
    assert table["alert"].equals(plain["alert"])
    assert table.attrs["word_params"] is None and not table["word_alert"].any()
    assert list(alerts(table).columns)[-2:] == ["channel", "words"]


def test_an_empty_selection_gives_an_empty_table():
    comments = _ordinary(hours=48)
    none = word_bursts(comments, pd.Series(False, index=comments.index))
    assert none.empty and list(none.columns) == bursts.COLUMNS


def test_the_mask_is_matched_by_index_not_by_position():
    comments = _with(_ordinary(), ONSET, LEAK)
    is_leak = comments["text"].isin(LEAK)
    shuffled = is_leak.sample(frac=1.0, random_state=4)  # same labels, another order
    assert word_bursts(comments, shuffled).equals(word_bursts(comments, is_leak))
    assert word_bursts(comments, ~shuffled).empty


def test_watch_passes_word_parameters_on():
    comments = _with(_ordinary(), ONSET, LEAK)
    issue = pd.Series(True, index=comments.index)
    strict = watch(comments, issue, words={"min_count": 6})  # the leak has five comments
    assert strict.attrs["word_params"]["min_count"] == 6 and not strict["word_alert"].any()
    assert watch(comments, issue)["word_alert"].any()
