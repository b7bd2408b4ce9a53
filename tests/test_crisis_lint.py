"""lint on the labelled good and bad drafts (tests/data/crisis_drafts.yaml), with per-code precision and recall."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from labkit import crisis, platforms
from labkit.crisis import lint
from labkit.errors import LabkitError

DRAFTS = yaml.safe_load(
    (Path(__file__).parent / "data" / "crisis_drafts.yaml").read_text(encoding="utf-8")
)
#: The fictional agencies' official contacts used in the drafts (not personal data).
OFFICIAL = [
    "0811-0000-1234",
    "0811-0000-2233",
    "0812-0000-5678",
    "0361-555-0123",
    "0967-555-0100",
    "0967-555-0101",
    "halo@dpmptsp.sukamaju.go.id",
    "@DishubSukamaju",
]


def _codes(d):
    return {
        f.code
        for f in lint(d["text"], platform=d["platform"], kind=d["kind"], official_contacts=OFFICIAL)
    }


def test_sets_are_big_enough():
    assert len(DRAFTS["good"]) >= 40 and len(DRAFTS["bad"]) >= 40
    assert {d["kind"] for d in DRAFTS["good"]} == set(crisis.KINDS)


def test_good_drafts_get_no_finding():
    flagged = {d["id"]: sorted(_codes(d)) for d in DRAFTS["good"] if _codes(d)}
    share = 1 - len(flagged) / len(DRAFTS["good"])
    print(
        f"\ngood drafts without findings: {share:.1%} ({len(DRAFTS['good']) - len(flagged)}/{len(DRAFTS['good'])}); flagged: {flagged}"
    )
    assert share >= 0.95, flagged


def test_per_code_precision_and_recall():
    tp, fp, fn = Counter(), Counter(), Counter()
    for d in DRAFTS["good"] + DRAFTS["bad"]:
        want, got = set(d.get("codes", [])), _codes(d)
        for c in got & want:
            tp[c] += 1
        for c in got - want:
            fp[c] += 1
        for c in want - got:
            fn[c] += 1
    codes = sorted(set(tp) | set(fp) | set(fn))
    lines = ["", f"{'code':22} {'n':>3} {'prec':>5} {'recall':>6}"]
    bad = []
    for c in codes:
        precision = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 1.0
        recall = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 1.0
        lines.append(f"{c:22} {tp[c] + fn[c]:>3} {precision:>5.2f} {recall:>6.2f}")
        if precision < 0.9 or recall < 0.8:
            bad.append(c)
    print("\n".join(lines))
    expected_codes = set(crisis.codes_table()["code"])
    assert expected_codes <= set(codes), expected_codes - set(codes)  # every code is exercised
    assert not bad, bad


def test_every_code_in_one_table():
    table = crisis.codes_table().set_index("code")
    assert not table.loc["missing_empathy", "clarification"]
    assert table.loc["missing_hoax_label", "clarification"]
    assert not table.loc["missing_hoax_label", "holding"]
    assert set(table["severity"]) == {"error", "suggestion"}
    assert table.loc["speculation", "severity"] == "suggestion"


def test_honest_unknown_cause_is_not_speculation():
    text = "Penyebab kebakaran belum diketahui dan masih diselidiki."
    assert "speculation" not in {f.code for f in lint(text, kind="holding")}


def test_spans_point_at_the_phrase():
    text = "Kebakaran ini ulah oknum petugas."
    (f,) = [f for f in lint(text, kind="holding") if f.code == "blame"]
    assert "oknum" in text[f.span[0] : f.span[1]]
    assert f.severity == "suggestion"


def test_pii_only_for_private_contacts():
    text = "Hubungi hotline 0811-0000-1234. Pelapor: Ani, 0813-9876-5432, NIK 3201234567890123."
    got = [
        f
        for f in lint(text, kind="holding", official_contacts=["0811-0000-1234"])
        if f.code == "pii"
    ]
    values = {text[a:b] for a, b in (f.span for f in got)}
    assert values == {"0813-9876-5432", "3201234567890123"}


def test_hoax_label_must_be_at_the_start():
    tail = " Pesan itu tidak benar. 1 Mei 2025. Sumber: https://contoh.go.id"
    assert "missing_hoax_label" not in {
        f.code for f in lint("[HOAKS]" + tail, kind="clarification")
    }
    assert "missing_hoax_label" in {
        f.code for f in lint("Tidak benar." + tail, kind="clarification")
    }


def test_too_long_counts_as_x_counts():
    text = "中" * 141
    (f,) = [f for f in lint(text, platform="x", kind="update") if f.code == "too_long"]
    assert f.span == (140, 141)
    assert not [f for f in lint("a" * 141, platform="x", kind="update") if f.code == "too_long"]


def test_zero_width_and_rtl_do_not_hide_words():
    text = "Kami turut pri\u200bhatin. \u202eHubungi 112."
    codes = {f.code for f in lint(text, platform="instagram", kind="apology")}
    assert "missing_empathy" not in codes and "missing_contact" not in codes


def test_empty_draft():
    (f,) = lint("   ", kind="holding")
    assert f.code == "empty"


def test_one_megabyte_paste_is_fast_and_said():
    import time

    text = "Kami prihatin. " * 70_000
    t0 = time.perf_counter()
    codes = {f.code for f in lint(text, platform="facebook", kind="holding")}
    assert time.perf_counter() - t0 < 2.0
    assert "too_big" in codes and "too_long" in codes


def test_html_is_just_text():
    text = "<script>alert(1)</script> no comment"
    codes = {f.code for f in lint(text, kind="holding")}
    assert "no_comment" in codes


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [({"platform": "myspace"}, "instagram"), ({"kind": "tweet"}, "press_release")],
)
def test_unknown_platform_or_kind_lists_valid(kwargs, word):
    with pytest.raises(LabkitError) as err:
        lint("teks", **kwargs)
    assert word in str(err.value)


def test_platform_none_has_no_limit():
    assert not [
        f for f in lint("a" * 100_000, platform=None, kind="press_release") if f.code == "too_long"
    ]
    assert platforms.limit("x").limit == 280
