"""Daily follower counts from daily gains and a known total (imported Meta/X daily files)."""

from __future__ import annotations

import pandas as pd

from labkit import i18n
from labkit.owndata.reconcile import followers_from_daily, followers_from_gains

DAYS = pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"])


def _gains(account=None, **cols) -> pd.DataFrame:
    return pd.DataFrame({"platform": "facebook", "account": account, "date": DAYS, **cols})


def _known(total=1000) -> pd.DataFrame:
    return pd.DataFrame({"platform": ["facebook"], "account": ["humas_kota"], "followers": [total]})


def test_counts_are_added_back_from_the_total_at_the_end_of_the_last_day():
    built, note = followers_from_gains(_gains(follows=[10, 20, 5, 1]), "facebook", None, _known())
    assert list(built["followers"]) == [974, 994, 999, 1000]
    assert set(built["account"]) == {"humas_kota"}
    assert "1.000" in note and "2026-01-04" in note and "berhenti mengikuti" in note


def test_unfollows_are_added_back_when_the_file_reports_them():
    table = _gains(follows=[10, 20, 5, 1], unfollows=[0, 4, 2, 0])
    built, note = followers_from_gains(table, "facebook", None, _known())
    # after 01-03: +1; after 01-02: +1 + (5-2); after 01-01: +4 + (20-4)
    assert list(built["followers"]) == [980, 996, 999, 1000]
    assert "tidak melaporkan" not in note


def test_without_a_known_total_gains_are_reported_not_guessed():
    known = _known().assign(followers=[None])
    built, note = followers_from_gains(
        _gains("humas_kota", follows=[1, 2, 3, 4]), "facebook", None, known
    )
    assert built is None
    assert note == i18n.t("owndata.note_gains_only", platform="facebook")


def test_followers_from_daily_uses_the_rebuilt_counts():
    daily = {"meta_daily": _gains(follows=[10, 20, 5, 1])}
    fol, notes = followers_from_daily(daily, None, _known(500))
    assert list(fol["followers"]) == [474, 494, 499, 500]
    assert str(fol["followers"].dtype) == "Int64"
    assert len(notes) == 1
