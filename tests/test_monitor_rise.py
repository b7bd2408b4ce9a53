"""Why did it rise? (labkit.monitor.rise)"""

from __future__ import annotations

import pandas as pd
import pytest

from labkit import data
from labkit.errors import LabkitError
from labkit.monitor import why_it_rose

rise_module = __import__("labkit.monitor.rise", fromlist=["log_odds"])


def test_log_odds_ranks_risen_words_and_shrinks_rare_ones():
    rise = pd.Series({"banjir": 50, "jalan": 10, "langka": 2, "terima": 20})
    before = pd.Series({"banjir": 1, "jalan": 10, "terima": 80})
    out = rise_module.log_odds(rise, before)
    assert out.index[0] == "banjir"
    assert out.loc["banjir", "z"] > out.loc["langka", "z"] > 0  # seen twice: shrunk
    assert out.loc["terima", "z"] < 0
    assert out.loc["banjir", "n_rise"] == 50 and out.loc["langka", "n_before"] == 0


def test_bundled_episodes_show_their_own_keywords_on_top():
    comments = data.load("comments")
    crises = data.load("truth_crises")  # ground truth: only tests and checks read it
    for _, ep in crises.iterrows():
        mine = comments[comments["account"] == ep["account"]]
        found = why_it_rose(mine, window=(ep["onset_at"], ep["onset_at"] + pd.Timedelta("12h")))
        keywords = {w for k in ep["keywords"].split("|") for w in k.split()}
        assert set(found.terms.index[:5]) & keywords, ep["episode_id"]
        assert found.posts["share"].sum() == pytest.approx(1.0)
        assert found.n_rise == found.posts["n"].sum()


def test_coordinated_share_counts_the_ring():
    t0 = pd.Timestamp("2026-05-01", tz="UTC")
    comments = pd.DataFrame(
        {
            "created_at": [t0 + pd.Timedelta(hours=h) for h in (1, 2, 3, 4)],
            "text": ["banjir lagi", "banjir parah", "mantap", "banjir"],
            "post_id": ["p"] * 4,
            "account": ["a"] * 4,
            "author": ["bot1", "bot2", "warga", "warga2"],
        }
    )
    found = why_it_rose(
        comments, window=(t0, t0 + pd.Timedelta("1D")), coordinated={"bot1", "bot2"}
    )
    assert found.coordinated_share == 0.5 and found.n_before == 0


def test_bad_periods_are_explained():
    comments = data.load("comments").head(50)
    with pytest.raises(LabkitError, match="pasangan"):
        why_it_rose(comments, window="2026-09-02")
    with pytest.raises(LabkitError, match="Tidak ada komentar"):
        why_it_rose(comments, window=("1990-01-01", "1990-01-02"))
