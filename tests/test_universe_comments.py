"""Tests of the comment generator of the fictional universe (labkit.universe.comments).

Inputs are hand-made agencies/accounts/posts tables: a small world for the
behaviour checks and a world at scale 1 (40,000 posts over 65 accounts) for the
statistics the datasheet reports.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from rapidfuzz import fuzz, utils

from labkit import schema
from labkit.errors import SchemaError
from labkit.universe import comments as C
from labkit.universe import lexicon as lx

START = pd.Timestamp("2025-10-01 00:00", tz="Asia/Jakarta").tz_convert("UTC")
END = pd.Timestamp("2026-10-01 00:00", tz="Asia/Jakarta").tz_convert("UTC")
PLATFORMS = ("instagram", "facebook", "x", "tiktok", "youtube")
AGENCY_KINDS = (
    "kantor_imigrasi",
    "dinas_dukcapil",
    "rsud",
    "dinas_kesehatan",
    "bpbd",
    "diskominfo_kota",
    "diskominfo_provinsi",
    "kanwil",
    "lembaga",
    "diskominfo_kabupaten",
    "kementerian_unit",
    "rsud",
    "dinas_dukcapil",
)
CAPTIONS = {
    "kantor_imigrasi": (
        "Layanan paspor hari ini dibuka pukul 08.00",
        "Kuota antrean paspor ditambah",
        "Paspor elektronik kini tersedia di kantor imigrasi",
    ),
    "dinas_dukcapil": (
        "Perekaman KTP-el di kecamatan",
        "Cetak KK dan akta kelahiran gratis",
        "Aktivasi IKD di mal pelayanan publik",
    ),
    "rsud": ("Jadwal poli anak minggu ini", "Donor darah di RSUD", "Layanan BPJS di rumah sakit"),
    "dinas_kesehatan": ("Imunisasi di posyandu", "Waspada DBD", "Cegah stunting sejak dini"),
    "bpbd": ("Siaga banjir di wilayah selatan", "Peringatan dini cuaca ekstrem", "Simulasi gempa"),
}
GENERIC = (
    "Selamat Hari Pahlawan 🇮🇩",
    "Kegiatan apel pagi bersama pimpinan",
    "[HOAKS] Pesan berantai soal bantuan",
    "Lowongan PPPK dibuka",
    "Festival wisata pantai akhir pekan",
)


def make_world(n_posts: int, n_agencies: int = 13, seed: int = 0, *, minimal: bool = False):
    """Hand-made agencies, accounts (one per platform) and posts over the data period."""
    rng = np.random.default_rng(seed)
    ag = []
    for i in range(n_agencies):
        ag.append(
            {
                "agency_id": f"AG{i:02d}",
                "name": f"Instansi Fiktif {i}",
                "short_name": f"Inst{i}",
                "kind": AGENCY_KINDS[i % len(AGENCY_KINDS)],
                "region": f"Kota Fiktif {i}",
                "tz": ("WIB", "WITA", "WIT")[i % 3],
                "website": f"https://inst{i}.go.id",
                "official_email": None if minimal else f"humas@inst{i}.go.id",
                "official_phone": None if minimal else f"0811-0000-{i:04d}",
            }
        )
    agencies = schema.conform(pd.DataFrame(ag), "agencies")
    acc = []
    for a in ag:
        for p in PLATFORMS:
            acc.append(
                {
                    "platform": p,
                    "account": f"{a['short_name'].lower()}_{p[:2]}",
                    "agency_id": a["agency_id"],
                    "unit": "Humas",
                    "display_name": a["name"],
                    "bio": "",
                    "link": None,
                    "contact": None,
                    "verified": True,
                    "profile_type": "page",
                    "created_at": pd.Timestamp("2018-01-01", tz="UTC"),
                    "followers": int(rng.lognormal(9, 1.2)),
                    "tz": a["tz"],
                }
            )
    accounts = schema.conform(pd.DataFrame(acc), "accounts")
    weight = accounts["followers"].to_numpy(float) ** 0.5
    ai = rng.choice(len(accounts), size=n_posts, p=weight / weight.sum())
    t = START.value + (rng.random(n_posts) * (END.value - START.value - 3600e9)).astype(np.int64)
    t = t // 10**9 * 10**9
    kind_of = dict(zip(agencies["agency_id"], agencies["kind"].astype(str), strict=True))
    kinds = [kind_of[a] for a in accounts["agency_id"].to_numpy()[ai]]
    pick = rng.integers(0, 100, n_posts)
    texts = [
        CAPTIONS[k][j % 3] if k in CAPTIONS and j % 5 else GENERIC[j % 5]
        for k, j in zip(kinds, pick, strict=True)
    ]
    posts = pd.DataFrame(
        {
            "platform": accounts["platform"].to_numpy()[ai],
            "account": accounts["account"].to_numpy()[ai],
            "post_id": [f"P{i:07d}" for i in range(n_posts)],
            "published_at": pd.to_datetime(t, utc=True),
            "text": texts,
            "comments": rng.negative_binomial(0.8, 0.1, n_posts),
            "content_type": "image",
            **{c: None for c in ("url", "impressions", "reach", "views", "likes", "shares")},
            "saves": None,
        }
    )
    if minimal:
        posts = posts.drop(columns=["text", "comments"])
        accounts = accounts[["platform", "account", "agency_id"]]
        agencies = agencies[["agency_id", "official_phone", "official_email"]]
        return agencies, accounts, posts
    return agencies, accounts, schema.conform(posts, "posts")


def _generate(world, seed: int = 7):
    agencies, accounts, posts = world
    return C.generate_comments(
        agencies, accounts, posts, rng=np.random.default_rng(seed), start=START, end=END
    )


@pytest.fixture(scope="module")
def small():
    world = make_world(1500, n_agencies=6, seed=3)
    return world, _generate(world)


@pytest.fixture(scope="module")
def scale1():
    world = make_world(40_000, n_agencies=13, seed=11)
    out = _generate(world, seed=2025)
    return world, out, C.comment_stats(out["comments"], out["truth_comments"])


def _rx(texts, pattern: str) -> np.ndarray:
    """Rows matching ``pattern`` (RE2, fast on 200,000 texts)."""
    arr = pa.array(pd.Series(texts).astype(object).to_numpy(), type=pa.large_string())
    return pc.match_substring_regex(arr, pattern).to_numpy(zero_copy_only=False).astype(bool)


def _nonpii_text(comments, truth):
    """Comment texts with the planted personal data cut out."""
    text = comments["text"].astype(str).to_numpy().copy()
    values = truth["pii_values"].astype(str).to_numpy()
    for i in np.flatnonzero(values != ""):
        for v in values[i].split("|"):
            text[i] = text[i].replace(v, " ")
    return text


# ---------------------------------------------------------------------------------- schema


def test_tables_conform_to_schema(small):
    _, out = small
    for name in ("comments", "truth_comments", "truth_crises"):
        schema.validate(out[name], name)
    c, t = out["comments"], out["truth_comments"]
    assert len(c) == len(t) > 0
    assert not c.duplicated(["platform", "comment_id"]).any()
    assert (c["platform"].to_numpy() == t["platform"].to_numpy()).all()
    assert (c["comment_id"].to_numpy() == t["comment_id"].to_numpy()).all()
    assert set(t["kind"].unique()) <= set(C.KINDS)
    assert c["author"].notna().all() and c["text"].notna().all()
    assert (c["likes"] >= 0).all()


def test_comment_ids_look_like_the_platforms_and_rows_are_ordered(small):
    _, out = small
    c = out["comments"]
    digits = {"facebook": 16, "instagram": 17, "x": 19, "tiktok": 19}
    for platform, group in c.groupby("platform", observed=True):
        ids = group["comment_id"]
        if platform == "youtube":
            assert ids.str.fullmatch(r"Ugx[A-Za-z0-9_-]{20}4AaABAg").all()
        else:
            assert ids.str.fullmatch(rf"\d{{{digits[platform]}}}").all(), platform
            # ids grow with time
            by_time = group.sort_values(["created_at", "comment_id"])["comment_id"].astype(int)
            assert by_time.is_monotonic_increasing
    # platform (schema order), account A-Z, time
    keys = c[["platform", "account", "created_at"]]
    assert keys.equals(keys.sort_values(["platform", "account", "created_at"], kind="stable"))


def test_comment_tables_stay_small_on_disk(scale1):
    """The bundled universe has a size budget; comments are most of it."""
    _, out, _ = scale1
    size = 0
    for name in ("comments", "truth_comments"):
        buf = io.BytesIO()
        out[name].to_parquet(buf, index=False, compression="zstd", compression_level=12)
        size += buf.tell()
    assert size < 9_500_000


def test_comments_belong_to_existing_posts_after_publication(small):
    (_, _, posts), out = small
    c = out["comments"]
    merged = c.merge(posts, on=["platform", "post_id"], how="left", suffixes=("", "_post"))
    assert merged["published_at"].notna().all()
    assert (merged["account"] == merged["account_post"]).all()
    assert (merged["created_at"] > merged["published_at"]).all()
    assert (c["created_at"] < END).all()
    r = c["replied_at"].dropna()
    assert (r > c.loc[r.index, "created_at"]).all() and (r < END).all()


def test_comments_come_mostly_within_hours(small):
    (_, _, posts), out = small
    c, t = out["comments"], out["truth_comments"]
    base = c[(t["kind"] != "bot").to_numpy() & t["episode_id"].isna().to_numpy()]
    merged = base.merge(posts[["platform", "post_id", "published_at"]], on=["platform", "post_id"])
    hours = (merged["created_at"] - merged["published_at"]).dt.total_seconds() / 3600
    assert hours.median() < 6
    assert (hours < 24).mean() > 0.7
    assert (hours > 24 * 7).mean() > 0.01  # a long tail exists


def test_same_seed_same_tables_other_seed_differs():
    world = make_world(300, n_agencies=5, seed=5)
    a, b, other = _generate(world, 1), _generate(world, 1), _generate(world, 2)
    for name in ("comments", "truth_comments", "truth_crises"):
        pd.testing.assert_frame_equal(a[name], b[name])
    assert not a["comments"]["text"].equals(other["comments"]["text"])
    # the seed places the episodes
    assert not a["truth_crises"]["onset_at"].equals(other["truth_crises"]["onset_at"])


def test_minimal_inputs_still_work():
    agencies, accounts, posts = make_world(400, n_agencies=5, seed=9, minimal=True)
    out = C.generate_comments(
        agencies, accounts, posts, rng=np.random.default_rng(0), start=START, end=END
    )
    schema.validate(out["comments"], "comments")
    assert len(out["comments"]) > 1000
    assert len(out["truth_crises"]) >= 2


def test_empty_posts_give_empty_tables():
    agencies, accounts, posts = make_world(50, n_agencies=3)
    out = C.generate_comments(
        agencies, accounts, posts.iloc[:0], rng=np.random.default_rng(0), start=START, end=END
    )
    for name in ("comments", "truth_comments", "truth_crises"):
        schema.validate(out[name], name)
        assert len(out[name]) == 0


def test_bad_inputs_raise_schema_errors():
    agencies, accounts, posts = make_world(50, n_agencies=3)
    rng = np.random.default_rng(0)
    with pytest.raises(SchemaError):
        C.generate_comments(
            agencies, accounts, posts.drop(columns=["post_id"]), rng=rng, start=START, end=END
        )
    stranger = posts.copy()
    stranger.loc[0, "account"] = "akun_tak_dikenal"
    with pytest.raises(SchemaError):
        C.generate_comments(agencies, accounts, stranger, rng=rng, start=START, end=END)
    with pytest.raises(SchemaError):
        C.generate_comments(
            agencies, accounts, posts, rng=rng, start=START.tz_localize(None), end=END
        )


# ---------------------------------------------------------------------------- statistics


def test_volume_at_scale_one(scale1):
    (_, accounts, posts), out, stats = scale1
    n = len(out["comments"])
    assert len(posts) == 40_000 and len(accounts) == 65
    assert n >= 200_000
    assert 5.0 <= n / len(posts) <= 7.0
    assert stats["n_comments"] == n


def test_duplicates_and_distinct_texts_at_scale_one(scale1):
    _, out, stats = scale1
    c, t = out["comments"], out["truth_comments"]
    outside = c.loc[~t["bot_ring"].to_numpy(), "text"]
    # recomputed here: rows whose text equals another row's text
    dup_share = outside.duplicated(keep=False).mean()
    assert dup_share <= 0.02
    assert stats["dup_share_outside_ring"] == pytest.approx(dup_share)
    assert stats["n_distinct_texts"] == c["text"].nunique() >= 20_000


def test_colloquial_share_and_labels(scale1):
    _, out, stats = scale1
    c, t = out["comments"], out["truth_comments"]
    assert stats["colloquial_share"] >= 0.15
    # the label is the lexicon's detector applied outside the planted personal data
    assert (t["colloquial"].to_numpy() == C.colloquial_mask(_nonpii_text(c, t))).all()
    low = c["text"].str.lower()
    for form in ("gk", "ga", "nggak", "udh", "bgt", "yg", "min", "kak", "wkwk", "dong", "makasih"):
        assert _rx(low, rf"\b{form}\b").sum() > 20, form
    triple = "|".join(ch * 3 for ch in "abcdefghijklmnopqrstuvwxyz")
    assert _rx(low, triple).sum() > 1000  # elongations


def test_colloquial_mask_examples():
    texts = [
        "udh nunggu lamaaa bgt",
        "Terima kasih atas informasinya.",
        "min, kapan buka?",
        "wkwkwk",
        "Pelayanan sangat baik dan cepat",
        "Aku lagi di kantor",  # standard words that double as slang do not count
        "GK BISA DIBUKA",
        "Bapak dan ibu sekalian",
    ]
    got = C.colloquial_mask(texts)
    assert got.tolist() == [True, False, True, True, False, False, True, False]


def test_kinds_are_all_present_with_plausible_shares(scale1):
    _, _, stats = scale1
    share = stats["kind_share"]
    assert set(share) == set(C.KINDS)
    for k in ("question", "complaint", "praise", "neutral"):
        assert 0.1 <= share[k] <= 0.35, k
    for k in ("troll", "bot", "hoax", "crisis"):
        assert 0.0005 <= share[k] <= 0.1, k


def test_authors_are_a_stable_power_law_population(scale1):
    (_, accounts, _), out, stats = scale1
    c = out["comments"]
    per_author = c["author"].value_counts()
    assert stats["n_authors"] == len(per_author)
    assert len(per_author) < len(c) / 3
    assert stats["top1pct_author_share"] >= 0.08
    assert (per_author >= 10).sum() > 500  # regulars
    assert (per_author == 1).sum() > 1000  # one-off commenters
    assert c["author"].str.fullmatch(r"[a-z0-9._]{3,40}").all()
    assert not set(c["author"]) & set(accounts["account"])
    # regulars come back to the same agency's accounts, across platforms
    top = per_author.index[0]
    assert c.loc[c["author"] == top, "platform"].nunique() >= 2


def test_comments_follow_the_post_topic(scale1):
    (_, _, posts), out, _ = scale1
    c = out["comments"].merge(posts[["platform", "post_id", "text"]], on=["platform", "post_id"])
    about_passports = c["text_y"].str.contains("paspor", case=False)
    mentions = c["text_x"].str.contains("paspor", case=False)
    assert mentions[about_passports].mean() > 10 * mentions[~about_passports].mean()
    assert mentions[about_passports].mean() > 0.1


def test_infer_topics():
    texts = [
        "Layanan paspor elektronik dibuka",
        "Perekaman KTP-el dan cetak KK",
        "Siaga banjir, warga diminta waspada",
        "Rapat koordinasi",
        "Apa kabar warga?",
        None,
    ]
    kinds = ["kantor_imigrasi", "dinas_dukcapil", "bpbd", "lembaga", "rsud", "bpbd"]
    got = C.infer_topics(texts, kinds).tolist()
    assert got == ["paspor", "adminduk", "bencana", "acara", "kesehatan", "bencana"]
    assert C.infer_topics(["Apa kabar"]).tolist() == ["umum"]


# ------------------------------------------------------------------------------ bot ring


def test_bot_ring_posts_near_duplicates_in_short_windows(scale1):
    (_, _, posts), out, stats = scale1
    c, t = out["comments"], out["truth_comments"]
    ring = c[t["bot_ring"].to_numpy()]
    assert (t.loc[t["bot_ring"], "kind"] == "bot").all()
    assert 20 <= ring["author"].nunique() <= 50
    assert stats["ring_authors"] == ring["author"].nunique()
    assert not ring["text"].duplicated().any()  # never exact copies
    assert stats["ring_near_dup_share"] >= 0.95
    # each post the ring hits gets many copies within half an hour
    per_post = ring.groupby(["platform", "post_id"])["created_at"].agg(["size", "min", "max"])
    hit = per_post[per_post["size"] >= 5]
    assert len(hit) >= 20
    assert ((hit["max"] - hit["min"]) <= pd.Timedelta(minutes=31)).all()
    # copies on one post are near-duplicates of each other
    sample = ring.set_index(["platform", "post_id"]).loc[hit.index[0], "text"].tolist()
    ratios = [
        fuzz.ratio(a, b, processor=utils.default_process)
        for i, a in enumerate(sample)
        for b in sample[i + 1 :]
    ]
    assert min(ratios) >= 70 and np.mean(ratios) >= 85
    # the same authors come back on several posts
    assert (ring.groupby("author")["post_id"].nunique() >= 3).mean() > 0.8


# ----------------------------------------------------------------------------- privacy

NIK_RE = re.compile(r"^\d{16}$")
PHONE_RE = re.compile(r"^(?:\+62 ?|62-?|\(0|0)8\d{2}\)?(?:[ .-]?\d{3,5}){2,3}$")
EMAIL_RE = re.compile(r"^[a-z0-9._]+@(?:gmail|yahoo|ymail|outlook|hotmail)\.(?:com|co\.id)$")
HANDLE_RE = re.compile(r"^@[a-z0-9._]+$")


def test_planted_personal_data_is_recorded_exactly(scale1):
    (agencies, accounts, _), out, stats = scale1
    c, t = out["comments"], out["truth_comments"]
    has = (t["pii"] != "").to_numpy()
    assert 0.01 <= has.mean() <= 0.03
    assert stats["pii_share"] == pytest.approx(has.mean())
    assert (t["pii_values"][~has] == "").all()
    assert not t.loc[t["bot_ring"], "pii"].ne("").any()
    official = set(agencies["official_phone"]) | set(agencies["official_email"])
    official_handles = {"@" + a for a in accounts["account"]}
    authors = set(c["author"])
    shapes = set()
    for text, types, values in zip(
        c["text"][has], t["pii"][has], t["pii_values"][has], strict=True
    ):
        types, values = types.split("|"), values.split("|")
        assert len(types) == len(values)
        for kind, v in zip(types, values, strict=True):
            assert v in text
            assert v not in official and v not in official_handles
            if kind == "nik":
                assert NIK_RE.match(re.sub(r"[ .-]", "", v)), v
                assert v[:2] in ("10", "20", "30", "40", "50", "60", "70", "80", "90")
            elif kind == "phone":
                assert PHONE_RE.match(v), v
                shapes.add(re.sub(r"\d+", "9", v))
            elif kind == "email":
                assert EMAIL_RE.match(v), v
            else:
                assert kind == "handle" and HANDLE_RE.match(v), v
                assert v[1:] not in {h[1:] for h in official_handles}
    counts = stats["pii_type_counts"]
    assert min(counts.values()) >= 100
    assert len(shapes) >= 8  # 08xx-xxxx-xxxx, +62 8xx xxxx xxxx, (08xx) xxxx-xxxx...
    niks = "|".join(t.loc[t["pii"].str.contains("nik"), "pii_values"])
    assert re.search(r"\b\d{4} \d{4} \d{4} \d{4}\b", niks)  # grouped NIK forms
    mentioned = {v[1:] for vals in t["pii_values"][has] for v in vals.split("|") if v[0] == "@"}
    assert len(mentioned & authors) > 0.5 * len(mentioned)  # mentions of real commenters


def test_no_unrecorded_personal_data(scale1):
    (agencies, _, _), out, _ = scale1
    c, t = out["comments"], out["truth_comments"]
    text = pd.Series(_nonpii_text(c, t))
    for official in agencies["official_phone"]:
        text = text.str.replace(official, " ", regex=False)
    nik = _rx(text, r"\d{4}[ .-]?\d{4}[ .-]?\d{4}[ .-]?\d{4}")
    phone = _rx(text, r"(?:\+62|\b62|\b0)[ -]?\(?8\d{2}\)?(?:[ .-]?\d){6,}")
    email = _rx(text, r"@(?:gmail|yahoo|ymail|outlook|hotmail)\.")
    assert not nik.any() and not phone.any() and not email.any()


def test_hard_negatives_are_planted(scale1):
    (agencies, accounts, _), out, stats = scale1
    text = out["comments"]["text"]
    hn = stats["hard_negative_counts"]
    for key in ("money", "clock", "date", "queue_or_code", "emergency", "call_centre"):
        assert hn[key] >= 500, key
    assert _rx(text, r"\bRp ?\d{1,3}(?:\.\d{3})+").sum() > 200
    assert _rx(text, r"\b\d+ ?rb\b").sum() > 100
    assert _rx(text, r"\b(?:jam|pukul) \d").sum() > 200
    for col, n_min in (("official_phone", 30), ("official_email", 30)):
        hits = sum(text.str.contains(v, regex=False).sum() for v in agencies[col])
        assert hits >= n_min * len(agencies), col
    handles = "|".join(re.escape("@" + h) for h in accounts["account"])
    assert _rx(text, rf"(?:{handles})\b").sum() >= 300


# ------------------------------------------------------------------------------- crises


def _daily(c, tz="Asia/Jakarta"):
    return c["created_at"].dt.tz_convert(tz).dt.floor("D").value_counts()


def test_crisis_episodes_are_planted_with_ground_truth(scale1):
    (agencies, accounts, _), out, stats = scale1
    cr = out["truth_crises"]
    assert len(cr) >= 2
    by_type = dict(zip(cr["scct_type"], cr["scct_cluster"].astype(str), strict=True))
    assert by_type["technical-error accident"] == "accidental"
    assert by_type["rumour"] == "victim"
    kind_of = dict(zip(agencies["agency_id"], agencies["kind"].astype(str), strict=True))
    outage = cr[cr["scct_type"] == "technical-error accident"].iloc[0]
    assert kind_of[outage["agency_id"]] in ("kantor_imigrasi", "dinas_dukcapil")
    assert cr["agency_id"].nunique() == len(cr)
    for _, ep in cr.iterrows():
        assert START < ep["onset_at"] <= ep["peak_at"] < ep["end_at"] < END
        owner = accounts[
            (accounts["platform"] == ep["platform"]) & (accounts["account"] == ep["account"])
        ]
        assert owner["agency_id"].tolist() == [ep["agency_id"]]
        assert ep["cause"] and ep["keywords"]
        assert stats["episode_comments"][ep["episode_id"]] >= 300


def test_crisis_episodes_spike_in_volume_and_negativity(scale1):
    (_, accounts, _), out, _ = scale1
    c, t, cr = out["comments"], out["truth_comments"], out["truth_crises"]
    keys = zip(accounts["platform"], accounts["account"], strict=True)
    agency_of = dict(zip(keys, accounts["agency_id"], strict=True))
    negative = t["kind"].isin(C.NEGATIVE_KINDS).to_numpy()
    for _, ep in cr.iterrows():
        mine = t["episode_id"].eq(ep["episode_id"]).fillna(False).to_numpy(bool)
        ec = c[mine]
        assert ((ec["created_at"] >= ep["onset_at"]) & (ec["created_at"] <= ep["end_at"])).all()
        agencies_hit = {
            agency_of[(p, a)] for p, a in zip(ec["platform"], ec["account"], strict=True)
        }
        assert agencies_hit == {ep["agency_id"]}
        keywords = ep["keywords"].split("|")
        low = ec["text"].str.lower()
        has_kw = np.zeros(len(ec), dtype=bool)
        for k in keywords:
            has_kw |= low.str.contains(k, regex=False).to_numpy()
        assert has_kw.all(), ec["text"][~has_kw].head().tolist()

        on = ((c["platform"] == ep["platform"]) & (c["account"] == ep["account"])).to_numpy(bool)
        daily = _daily(c[on])
        peak_day = daily.max()
        assert peak_day >= 5 * daily.median(), (peak_day, daily.median())
        assert daily.idxmax() <= ep["peak_at"].tz_convert("Asia/Jakarta") + pd.Timedelta("1D")
        hourly = c.loc[on, "created_at"].dt.floor("h").value_counts()
        assert hourly.max() >= 10 * (on.sum() / (365 * 24))
        assert hourly.idxmax() == ep["peak_at"]
        window = (
            on
            & (c["created_at"] >= ep["onset_at"]).to_numpy()
            & (c["created_at"] <= ep["end_at"]).to_numpy()
        )
        assert negative[window].mean() >= negative[on & ~window].mean() + 0.3


# ------------------------------------------------------------------------------ replies


def test_replies_differ_by_kind_and_account_and_keep_office_hours(scale1):
    (_, accounts, _), out, stats = scale1
    c, t = out["comments"], out["truth_comments"]
    rate = stats["reply_rate_by_kind"]
    assert rate["question"] > rate["praise"] > rate["neutral"] > rate["troll"]
    assert rate["complaint"] > rate["praise"] and rate["bot"] == 0
    minutes = stats["median_reply_minutes_by_kind"]
    assert minutes["question"] < minutes["praise"] and minutes["complaint"] < minutes["neutral"]
    q = c[(t["kind"] == "question").to_numpy()]
    by_acc = q.groupby(["platform", "account"])["replied_at"].apply(lambda s: s.notna().mean())
    assert by_acc.max() >= 0.5 and by_acc.min() <= 0.05
    tz = dict(zip(accounts["account"], accounts["tz"].astype(str), strict=True))
    replied = c[c["replied_at"].notna()]
    local = [
        ts.tz_convert(schema.TIMEZONES[tz[a]])
        for ts, a in zip(replied["replied_at"], replied["account"], strict=True)
    ]
    office = np.mean([x.weekday() < 5 and 8 <= x.hour < 16 for x in local])
    assert office >= 0.7


# ------------------------------------------------------------------------------ helpers


def test_every_template_renders_and_crisis_templates_carry_keywords():
    bank = C._bank().pools
    assert bank
    slots_known = set(lx.GLOBAL_VOCAB) | {"svc", "place", "issue", "good", "kel", "agency"}
    slots_known |= {"epsvc", "fee", "money", "clock", "clock2", "date", "queue", "booking"}
    slots_known |= {"regno", "ticket", "cc", "emg", "offphone", "offemail", "offhandle", "v"}
    for templates in bank.values():
        for tpl in templates:
            assert set(tpl.slots) <= slots_known, tpl.slots
    for spec in lx.CRISES.values():
        for tpl in spec["templates"]:
            assert any(k in tpl for k in spec["keywords"]), tpl
    for slang, forms in lx.SLANG.items():
        assert forms and all(f and f == f.lower() and f != slang for f in forms), slang


def test_sync_post_comment_counts(small):
    (_, _, posts), out = small
    synced = C.sync_post_comment_counts(posts, out["comments"])
    counts = out["comments"].groupby("post_id").size()
    got = synced.set_index("post_id")["comments"]
    assert (got.loc[counts.index] >= counts).all()
    assert (synced["comments"] >= posts["comments"]).all()
    no_rows = posts.drop(columns=["comments"])
    assert C.sync_post_comment_counts(no_rows, out["comments"])["comments"].sum() == len(
        out["comments"]
    )
