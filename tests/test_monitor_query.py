"""Boolean issue queries (labkit.monitor.query)."""

from __future__ import annotations

import pandas as pd
import pytest

from labkit.errors import LabkitError
from labkit.monitor import parse_query, query

TEXTS = pd.Series(
    [
        "Banjir di jalan tol",
        "latihan banjir",
        "bnjr jln tol parah",  # colloquial spellings
        "gimana banjirnya?",
        'antrean paspor "server down" lagi',
        "server lagi down",
    ]
)


def _matches(q):
    return query(TEXTS, q)["match"].tolist()


def test_and_or_not_with_brackets():
    assert _matches("banjir AND (jalan OR tol) NOT latihan") == [
        True,
        False,
        True,
        False,
        False,
        False,
    ]


def test_indonesian_operators_and_implicit_and():
    assert _matches("banjir DAN jalan BUKAN latihan") == _matches("banjir jalan NOT latihan")


def test_phrase_keeps_word_order_and_wildcard_takes_suffixes():
    assert _matches('"server down"') == [False, False, False, False, True, False]
    assert _matches("banjir*")[:4] == [True, True, True, True]
    assert _matches("banjir")[3] is False  # "banjirnya" needs banjir*


def test_colloquial_variants_match_through_normalisation():
    assert _matches("bagaimana") == [False, False, False, True, False, False]  # gimana
    assert _matches("jalan")[2] is True  # jln


def test_explanation_names_the_terms_found():
    out = query(TEXTS, "banjir AND (jalan OR tol)")
    assert out["explanation"].iloc[0] == "Cocok karena memuat: banjir, jalan, tol"
    assert out["explanation"].iloc[1] == ""


def test_not_precedence_binds_tightest():
    tree = parse_query("a OR b AND NOT c").tree
    assert tree.op == "OR" and tree.items[1].op == "AND" and tree.items[1].items[1].op == "NOT"


@pytest.mark.parametrize(
    ("typed", "position", "fix"),
    [
        ("(banjir AND jalan", 1, 'Tambahkan ")"'),
        ("banjir)", 7, 'Hapus ")"'),
        ("banjir && jalan", 8, "AND/DAN"),
        ("banjir NEAR jalan", 8, "AND/DAN"),
        ("banjir AND", 11, "Tambahkan kata"),
        ('"server down', 1, 'Tambahkan "'),
        ("OR banjir", 1, "kedua sisinya"),
    ],
)
def test_bad_queries_point_at_the_position_and_the_fix(typed, position, fix):
    with pytest.raises(LabkitError) as err:
        parse_query(typed)
    assert f"posisi {position}" in str(err.value) and fix in str(err.value)


def test_empty_query_is_explained():
    with pytest.raises(LabkitError, match="Kueri kosong"):
        parse_query("   ")
