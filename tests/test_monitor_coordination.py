"""Copy-paste rings (labkit.monitor.coordination)."""

from __future__ import annotations

import pandas as pd
import pytest

from labkit import data
from labkit.errors import LabkitError
from labkit.monitor import coordinated_accounts, near_duplicates

RING = "Program ini bukti nyata pemerintah hadir untuk rakyat. Mantap Dinas Kota Pelangi!"


def _comments(rows):
    t0 = pd.Timestamp("2026-05-01 08:00", tz="UTC")
    return pd.DataFrame(
        [
            {
                "comment_id": f"c{i}",
                "post_id": post,
                "author": author,
                "created_at": t0 + pd.Timedelta(minutes=minute),
                "text": text,
            }
            for i, (post, author, minute, text) in enumerate(rows)
        ]
    )


def _variants(n, post="p1", start=0, step=1, prefix="bot"):
    tweaks = ["", " 👍", "!!", " 🔥🔥", "..", " mantapp"]
    return [
        (
            post,
            f"{prefix}{k}",
            start + k * step,
            RING.replace("Mantap", "MANTAP" if k % 2 else "Mantap") + tweaks[k % 6],
        )
        for k in range(n)
    ]


def test_a_ring_of_lightly_varied_copies_is_one_cluster():
    found = near_duplicates(
        _comments(_variants(10) + [("p1", "warga", 3, "Kapan jalan diperbaiki?")])
    )
    assert found["cluster_id"].nunique() == 1
    assert set(found["author"]) == {f"bot{k}" for k in range(10)}
    assert (found["similarity"] >= 85).all()


def test_people_writing_alike_over_hours_are_not_a_ring():
    slow = _variants(10, step=45, prefix="warga")  # one every 45 minutes
    assert near_duplicates(_comments(slow)).empty


def test_too_few_accounts_or_too_short_texts_are_not_a_ring():
    same_author = [("p1", "satu", k, RING + "!" * k) for k in range(10)]
    short = [("p1", f"a{k}", k, "terima kasih infonya") for k in range(10)]
    assert near_duplicates(_comments(same_author)).empty
    assert near_duplicates(_comments(short)).empty


def test_accounts_must_recur_across_campaigns():
    rows = _variants(9, post="p1") + _variants(9, post="p2", start=600)
    rows.append(("p1", "kebetulan", 4, RING + " setuju"))  # a citizen caught once
    accounts = coordinated_accounts(_comments(rows))
    assert "kebetulan" not in accounts.index
    assert accounts.loc["bot0", "clusters"] == 2


def test_missing_columns_are_named():
    with pytest.raises(LabkitError, match="author"):
        near_duplicates(
            pd.DataFrame({"text": ["x"], "comment_id": ["1"], "created_at": [0], "post_id": [1]})
        )


def test_planted_ring_of_the_bundled_universe_is_found():
    comments = data.load("comments")  # masked, as trainees see it
    truth = data.load("truth_comments")  # ground truth: only tests and checks read it
    ring = set(truth.loc[truth["bot_ring"], "comment_id"])
    found = near_duplicates(comments)
    got = set(found["comment_id"])
    precision, recall = len(got & ring) / len(got), len(got & ring) / len(ring)
    print(f"comments: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.9 and recall >= 0.9
    ring_authors = set(comments.loc[comments["comment_id"].isin(ring), "author"])
    accounts = set(coordinated_accounts(comments, clusters=found).index)
    a_precision = len(accounts & ring_authors) / len(accounts)
    a_recall = len(accounts & ring_authors) / len(ring_authors)
    print(f"accounts: precision {a_precision:.3f}, recall {a_recall:.3f}")
    assert a_precision >= 0.9 and a_recall >= 0.9
