"""Span-level quality of labkit.privacy on the hand-labelled set tests/data/pii_labelled.jsonl.

The per-type table is printed (see it with ``pytest -rP tests/test_privacy_labelled.py``).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from labkit import privacy

DATA = Path(__file__).parent / "data" / "pii_labelled.jsonl"
HARD_NEGATIVE = (
    "rp_amount",
    "time",
    "date",
    "order_or_va_number",
    "post_id_19",
    "letter_number",
    "emergency_number",
    "agency_hotline_allowlisted",
    "agency_email_allowlisted",
    "agency_handle_allowlisted",
    "version_number",
    "count",
)
MIN_RECALL = 0.98
MIN_PRECISION = 0.95


def _records() -> list[dict]:
    with DATA.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


RECORDS = _records()


def _allow(record: dict) -> privacy.Allowlist:
    a = record.get("allow") or {}
    return privacy.Allowlist.of(a.get("handles", ()), a.get("numbers", ()), a.get("emails", ()))


def _expected_redaction(record: dict) -> str:
    text, out, pos = record["text"], [], 0
    for s in sorted(record["spans"], key=lambda s: s["start"]):
        out.append(text[pos : s["start"]])
        out.append(privacy.PLACEHOLDERS[s["type"]])
        pos = s["end"]
    out.append(text[pos:])
    return "".join(out)


# ---------------------------------------------------------------- the data set itself


def test_labelled_set_is_large_and_mostly_hard():
    assert len(RECORDS) >= 200
    cats = Counter(r["category"] for r in RECORDS)
    hard = sum(cats[c] for c in HARD_NEGATIVE)
    assert hard / len(RECORDS) >= 0.40
    for cat in HARD_NEGATIVE:
        assert cats[cat] >= 8, f"too few records in {cat}"
    assert {s["type"] for r in RECORDS for s in r["spans"]} == set(privacy.TYPES)


def test_labelled_spans_are_consistent():
    for r in RECORDS:
        for s in r["spans"]:
            assert r["text"][s["start"] : s["end"]] == s["value"], r["id"]
            assert s["type"] in privacy.TYPES
        if r["category"] in HARD_NEGATIVE:
            assert r["spans"] == [], r["id"]
        if r["category"].endswith("_allowlisted"):
            assert r.get("allow"), r["id"]


# ---------------------------------------------------------------- precision and recall


def _score() -> tuple[Counter, Counter, Counter, list[str]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    errors = []
    for r in RECORDS:
        gold = {(s["start"], s["end"], s["type"]) for s in r["spans"]}
        pred = {(s.start, s.end, s.type) for s in privacy.find_spans(r["text"], _allow(r))}
        for g in gold & pred:
            tp[g[2]] += 1
        for p in pred - gold:
            fp[p[2]] += 1
            errors.append(f"FP #{r['id']} {r['category']}: {p[2]} {r['text'][p[0] : p[1]]!r}")
        for g in gold - pred:
            fn[g[2]] += 1
            errors.append(f"FN #{r['id']} {r['category']}: {g[2]} {r['text'][g[0] : g[1]]!r}")
    return tp, fp, fn, errors


def test_span_precision_and_recall_per_type():
    tp, fp, fn, errors = _score()
    lines = [
        f"labkit.privacy on {DATA.name}: {len(RECORDS)} texts, exact span match",
        f"{'type':8} {'gold':>5} {'found':>6} {'TP':>4} {'FP':>4} {'FN':>4} {'recall':>7} {'precision':>9}",
    ]
    results = {}
    for kind in (*privacy.TYPES, "all"):
        kinds = privacy.TYPES if kind == "all" else (kind,)
        t = sum(tp[k] for k in kinds)
        f_p = sum(fp[k] for k in kinds)
        f_n = sum(fn[k] for k in kinds)
        recall = t / (t + f_n) if t + f_n else 1.0
        precision = t / (t + f_p) if t + f_p else 1.0
        results[kind] = (recall, precision)
        lines.append(
            f"{kind:8} {t + f_n:5d} {t + f_p:6d} {t:4d} {f_p:4d} {f_n:4d} {recall:7.3f} {precision:9.3f}"
        )
    print("\n".join(lines + errors))
    for kind, (recall, precision) in results.items():
        assert tp[kind] > 0 or kind == "all"
        assert recall >= MIN_RECALL, f"{kind} recall {recall:.3f}\n" + "\n".join(errors)
        assert precision >= MIN_PRECISION, f"{kind} precision {precision:.3f}\n" + "\n".join(errors)


@pytest.mark.parametrize("category", HARD_NEGATIVE)
def test_hard_negatives_stay(category):
    records = [r for r in RECORDS if r["category"] == category]
    changed = [
        (r["id"], r["text"], privacy.redact_with(r["text"], _allow(r)))
        for r in records
        if privacy.redact_with(r["text"], _allow(r)) != r["text"]
    ]
    assert records
    assert changed == []


@pytest.mark.parametrize(
    "category",
    ["agency_hotline_allowlisted", "agency_email_allowlisted", "agency_handle_allowlisted"],
)
def test_allowlisted_texts_are_masked_without_the_allowlist(category):
    # the allowlist is what keeps them: without it the contact is masked ...
    texts = [r["text"] for r in RECORDS if r["category"] == category]
    role = ("humas@", "ppid@", "kominfo@")  # ... except role addresses at .go.id
    if category == "agency_email_allowlisted":
        assert sum(any(w in t.lower() for w in role) for t in texts) >= 4
        texts = [t for t in texts if not any(w in t.lower() for w in role)]
    assert len(texts) >= 4
    kept = [t for t in texts if privacy.redact(t) == t]
    assert kept == []


def test_role_addresses_at_go_id_are_official_without_a_list():
    assert (
        privacy.redact("kirim ke HUMAS@SukamajuKota.go.id") == "kirim ke HUMAS@SukamajuKota.go.id"
    )
    assert privacy.redact("ppid@mekarsarikab.go.id.") == "ppid@mekarsarikab.go.id."
    assert privacy.redact("staf.budi@sukamajukota.go.id") == "[EMAIL]"
    assert privacy.redact("humas@gmail.com") == "[EMAIL]"


def test_redacted_text_matches_the_labels():
    wrong = []
    for r in RECORDS:
        a = r.get("allow") or {}
        got = privacy.redact(
            r["text"],
            keep_handles=a.get("handles", ()),
            keep_numbers=a.get("numbers", ()),
            keep_emails=a.get("emails", ()),
        )
        if got != _expected_redaction(r):
            wrong.append((r["id"], got, _expected_redaction(r)))
    assert wrong == []
