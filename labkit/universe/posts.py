"""Posts of the fictional accounts: when, what, and how much engagement.

Everything is drawn with numpy arrays over all posts of a replica at once:

* **rhythm**: a Poisson count per account and local day, from the account's
  rate, lower on Saturdays, Sundays and public holidays
  (``holidays.Indonesia``), with a slow random drift; greeting posts on
  national and religious days; no run of more than :data:`~.accounts.MAX_GAP`
  days without a post unless the account was planted inactive/dormant;
* **time of day**: the account's habit (office hours in local time, a smaller
  evening peak), converted to UTC;
* **topic**: agency kind x season (rainy season floods, Ramadan, CPNS...);
* **engagement**: proportional to ``followers ** 0.72`` (so the engagement
  rate falls as followers grow), times content type, topic, account quality
  and noise; bought followers never engage; a viral post has 15-30 times the
  engagement of a whole usual day of the account.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from labkit import schema
from labkit.universe import captions, period
from labkit.universe.accounts import MAX_GAP, Roster
from labkit.universe.followers import Series

TOPICS = captions.TOPICS
CONTENT_TYPES = schema.CONTENT_TYPES

#: Engagements per post at 10,000 real followers, as a share of followers.
ER_REF = {"facebook": 0.0030, "instagram": 0.011, "x": 0.0014, "tiktok": 0.03, "youtube": 0.012}
ER_EXPONENT = 0.72  # engagement ~ followers ** 0.72: the rate falls as followers grow
NOISE = 0.6
VIRAL = (15.0, 30.0)  # times the usual post, times the posts per day
QUIET = 0.06  # engagement factor of the 'big but quiet' account

TYPE_MULT = {
    "image": 1.0,
    "carousel": 1.3,
    "video": 1.2,
    "short_video": 1.5,
    "link": 0.5,
    "text": 0.7,
    "live": 0.7,
}
TOPIC_MULT = {
    "paspor": 1.0,
    "vaksinasi": 0.9,
    "kesehatan": 0.9,
    "layanan_rs": 0.9,
    "adminduk": 1.0,
    "bansos": 1.5,
    "jalan_rusak": 1.3,
    "banjir": 1.6,
    "cuaca": 1.1,
    "hari_besar": 1.2,
    "ramadan_lebaran": 1.2,
    "hoaks": 1.3,
    "jam_layanan": 0.8,
    "lowongan": 1.6,
    "kegiatan": 0.6,
    "wisata": 1.3,
    "pengaduan": 0.7,
}
#: Comments are a larger share of engagement on topics that raise questions.
COMMENT_TOPIC = {
    "paspor": 1.6,
    "adminduk": 1.6,
    "bansos": 2.5,
    "jalan_rusak": 2.0,
    "banjir": 1.8,
    "hoaks": 2.5,
    "jam_layanan": 1.5,
    "lowongan": 2.0,
    "pengaduan": 1.8,
    "hari_besar": 0.6,
    "kegiatan": 0.7,
}
#: Share of engagements: likes (reactions), comments, shares, saves.
SPLIT = {
    "facebook": (0.80, 0.08, 0.12, 0.0),
    "instagram": (0.85, 0.04, 0.06, 0.05),
    "x": (0.70, 0.10, 0.15, 0.05),
    "tiktok": (0.85, 0.05, 0.04, 0.06),
    "youtube": (0.90, 0.06, 0.04, 0.0),
}
#: Metrics each platform reports (the others are NA).
REPORTS = {
    "facebook": ("reach", "views", "likes", "comments", "shares"),
    "instagram": ("reach", "views", "likes", "comments", "shares", "saves"),
    "x": ("impressions", "likes", "comments", "shares", "saves"),
    "tiktok": ("views", "likes", "comments", "shares", "saves"),
    "youtube": ("impressions", "views", "likes", "comments", "shares"),
}
METRICS = ("impressions", "reach", "views", "likes", "comments", "shares", "saves")

KIND_TOPICS = {
    "kementerian_unit": {"bansos": 3, "hoaks": 1.8, "lowongan": 2, "kegiatan": 4, "pengaduan": 2,
                         "jam_layanan": 1, "paspor": 0.4, "kesehatan": 0.5},
    "kanwil": {"kegiatan": 4, "jam_layanan": 2, "pengaduan": 2, "lowongan": 1.5, "hoaks": 0.8,
               "bansos": 1, "paspor": 0.8},
    "kantor_imigrasi": {"paspor": 8, "jam_layanan": 3, "hoaks": 0.8, "pengaduan": 2, "kegiatan": 2,
                        "lowongan": 0.3},
    "diskominfo_provinsi": {"kegiatan": 4, "hoaks": 1.8, "bansos": 2, "jalan_rusak": 2, "cuaca": 1,
                            "banjir": 1, "wisata": 1.5, "lowongan": 1, "vaksinasi": 0.5,
                            "pengaduan": 1},
    "diskominfo_kabupaten": {"kegiatan": 4, "jalan_rusak": 2.5, "bansos": 2, "hoaks": 1.2, "banjir": 1,
                             "wisata": 1, "vaksinasi": 0.8, "pengaduan": 1.5, "adminduk": 0.5,
                             "jam_layanan": 1},
    "diskominfo_kota": {"kegiatan": 4, "jalan_rusak": 2.5, "bansos": 2, "hoaks": 1.2, "banjir": 1,
                        "wisata": 1, "vaksinasi": 1, "pengaduan": 1.5, "adminduk": 0.5,
                        "jam_layanan": 1},
    "rsud": {"layanan_rs": 7, "kesehatan": 3, "vaksinasi": 1, "jam_layanan": 2, "lowongan": 0.5,
             "pengaduan": 1, "kegiatan": 1},
    "dinas_kesehatan": {"kesehatan": 6, "vaksinasi": 4, "layanan_rs": 0.5, "hoaks": 1.5,
                        "kegiatan": 1.5, "pengaduan": 0.5},
    "dinas_dukcapil": {"adminduk": 8, "jam_layanan": 3, "hoaks": 1, "pengaduan": 1.5, "kegiatan": 1},
    "bpbd": {"banjir": 5, "cuaca": 5, "kegiatan": 2, "hoaks": 1.5, "jalan_rusak": 0.5,
             "pengaduan": 0.5},
    "lembaga": {"wisata": 7, "kegiatan": 3, "jam_layanan": 1, "hoaks": 0.5, "lowongan": 0.5,
                "cuaca": 0.5},
}  # fmt: skip
SEASONAL_BASE = {"hari_besar": 1.0, "ramadan_lebaran": 1.5}


def topic_weights(kinds: list[str]) -> np.ndarray:
    """(n_kinds, n_topics) base weight of each topic for each agency kind."""
    w = np.zeros((len(kinds), len(TOPICS)))
    for i, k in enumerate(kinds):
        for t, v in {**SEASONAL_BASE, **KIND_TOPICS[k]}.items():
            w[i, TOPICS.index(t)] = v
    return w


def season() -> np.ndarray:
    """(n_days, n_topics) seasonal multiplier of each topic on each local day."""
    days = period.days()
    m = days.month.to_numpy()
    s = np.ones((len(days), len(TOPICS)))

    def col(t):
        return TOPICS.index(t)

    rainy = np.isin(m, [11, 12, 1, 2, 3])
    dry = np.isin(m, [6, 7, 8, 9])
    for t in ("banjir", "cuaca"):
        s[rainy, col(t)] = 2.2
        s[dry, col(t)] = 0.5
    s[np.isin(m, [12, 1, 2, 3]), col("jalan_rusak")] = 1.6
    s[np.isin(m, [12, 1, 2, 3]), col("kesehatan")] = 1.4
    s[np.isin(m, [8, 11]), col("vaksinasi")] = 2.0
    s[np.isin(m, [1, 2, 3]), col("bansos")] = 1.4
    s[np.isin(m, [6, 7]), col("paspor")] = 1.5
    s[np.isin(m, [6, 7, 12]), col("wisata")] = 1.8
    lowongan = s[:, col("lowongan")]
    lowongan[:] = 0.6
    lowongan[(days >= "2026-07-15") & (days <= "2026-09-15")] = 3.0
    leb = period.lebaran()
    ramadan = (days >= leb - pd.Timedelta(days=32)) & (days <= leb + pd.Timedelta(days=10))
    s[:, col("ramadan_lebaran")] = np.where(ramadan, 6.0, 0.0)
    near = period.nearest_observance()
    s[:, col("hari_besar")] = np.where(near != "", np.where(m == 8, 1.5, 0.8), 0.0)
    return s


def _rhythm(roster: Roster, rng: np.random.Generator):
    """Posts per account and local day (regular and greeting posts)."""
    p = roster.params
    n, d = len(p), len(period.days())
    flags = period.day_flags()
    wd = flags["weekday"]
    factor = np.ones((n, d))
    factor[:, wd == 5] = p["sat"].to_numpy()[:, None]
    factor[:, wd == 6] = p["sun"].to_numpy()[:, None]
    factor[:, flags["holiday"]] = np.minimum(factor[:, flags["holiday"]], 0.3)
    # slow drift of activity (campaigns, staff on leave): AR(1) in log space
    z = np.zeros((n, d))
    eps = rng.normal(0, 0.12, size=(n, d))
    for t in range(1, d):
        z[:, t] = 0.92 * z[:, t - 1] + eps[:, t]
    lam = p["rate"].to_numpy()[:, None] * factor * np.exp(z - 0.1)
    counts = rng.poisson(lam)
    greet = (
        flags["observance"][None, :] & (rng.random((n, d)) < p["p_greet"].to_numpy()[:, None])
    ).astype(np.int64)
    last = p["last_day"].to_numpy()
    after = np.arange(d)[None, :] > last[:, None]
    counts[after] = 0
    greet[after] = 0
    # viral days need a post (the viral one); around a bought jump no burst of posts
    rate = p["rate"].to_numpy()
    for j in roster.jumps.itertuples():
        if j.kind == "viral":
            counts[j.row, j.day] = max(counts[j.row, j.day], 1)
        else:
            near = slice(max(j.day - 3, 0), j.day + 4)
            cap = max(1, int(0.8 * rate[j.row]))
            counts[j.row, near] = np.minimum(counts[j.row, near], cap)
    # never more than MAX_GAP days without a post while the account is active
    since = rng.integers(0, 4, size=n)
    for t in range(d):
        total = counts[:, t] + greet[:, t]
        need = (total == 0) & (since >= MAX_GAP) & (t <= last)
        counts[need, t] = 1
        since = np.where((total > 0) | need, 0, since + 1)
    # an account planted inactive / dormant posts on its planted last day, exactly
    rows = np.flatnonzero(last < d - 1)
    stop = last[rows]
    counts[rows, stop] = np.maximum(counts[rows, stop] + greet[rows, stop], 1) - greet[rows, stop]
    return counts, greet


def build(roster: Roster, series: Series, rng: np.random.Generator) -> dict[str, pd.DataFrame]:
    """Generate the posts of one replica.

    Returns
    -------
    dict
        ``posts`` (canonical columns; ids and permalinks are added by
        :func:`assign_ids`) and ``_info`` (per post, in the same order: account
        row, local day, viral and greeting flags, topic).
    """
    p = roster.params
    acc = roster.accounts
    days = period.days()
    n_acc, n_days = len(p), len(days)
    counts, greet = _rhythm(roster, rng)

    total = (counts + greet).ravel()
    cell = np.repeat(np.arange(n_acc * n_days), total)
    n = len(cell)
    row = cell // n_days
    day = cell % n_days
    starts = np.repeat(np.cumsum(total) - total, total)
    rank = np.arange(n) - starts
    is_greet = (rank == 0) & (greet.ravel()[cell] == 1)
    viral_cells = {(j.row * n_days + j.day) for j in roster.jumps.itertuples() if j.kind == "viral"}
    is_viral = np.zeros(n, dtype=bool)
    if viral_cells:
        vc = np.array(sorted(viral_cells))
        last_in_cell = rank == (total[cell] - 1)
        is_viral = np.isin(cell, vc) & last_in_cell
    bought_near = np.zeros(n, dtype=bool)
    for j in roster.jumps.itertuples():
        if j.kind == "bought":
            bought_near |= (row == j.row) & (np.abs(day - j.day) <= 3)

    # ---- time of day (local), then UTC
    u = rng.random(n)
    hour = (u[:, None] > roster.hour_cdf[row]).sum(axis=1)
    hour = np.minimum(hour, 23)
    hour = np.where(is_greet, rng.integers(5, 8, size=n), hour)
    secs = hour * 3600 + 60 * rng.integers(0, 60, size=n)  # minute precision, as in exports
    local = days.to_numpy()[day] + secs.astype("timedelta64[s]")
    utc = local - (p["offset"].to_numpy()[row] * 3600).astype("timedelta64[s]")

    # ---- content type and topic
    u = rng.random(n)
    ctype = (u[:, None] > roster.content_cdf[row]).sum(axis=1)
    ctype = np.minimum(ctype, len(CONTENT_TYPES) - 1)
    kinds = sorted(set(p["kind"]))
    kind_idx = np.array([kinds.index(k) for k in p["kind"]])[row]
    w = topic_weights(kinds)[kind_idx] * season()[day]
    cdf = np.cumsum(w, axis=1)
    u = rng.random(n) * cdf[:, -1]
    topic = (u[:, None] > cdf).sum(axis=1)
    topic = np.where(is_greet, TOPICS.index("hari_besar"), topic)
    near = period.nearest_observance()
    obs = period.observances()
    obs_name = np.array([obs.get(x, "") for x in days], dtype=object)
    greeting = np.where(
        is_greet, obs_name[day], np.where(topic == TOPICS.index("hari_besar"), near[day], "")
    )

    platform = acc["platform"].to_numpy()[row]
    ctype_name = np.array(CONTENT_TYPES, dtype=object)[ctype]
    text = captions.compose(
        rng,
        topic=topic,
        platform=platform,
        content_type=ctype_name,
        agency=p["agency_idx"].to_numpy()[row],
        day=day,
        greeting=greeting,
        emoji=rng.random(n) < p["p_emoji"].to_numpy()[row],
        camel=rng.random(n) < p["p_camel"].to_numpy()[row],
        bold=rng.random(n) < p["p_bold"].to_numpy()[row],
        agencies=roster.agencies,
        days=days,
        tz_label=np.array([a.tz for a in roster.agencies], dtype=object)[
            p["agency_idx"].to_numpy()[row]
        ],
    )

    # ---- engagement
    real = series.real[row, np.maximum(day - 1, 0)]
    topic_name = np.array(TOPICS, dtype=object)[topic]
    plat_idx = _index(platform, schema.PLATFORMS)
    type_idx = _index(ctype_name, CONTENT_TYPES)
    er_ref = np.array([ER_REF[x] for x in schema.PLATFORMS])[plat_idx]
    mean = er_ref * 1e4 * (real / 1e4) ** ER_EXPONENT * p["quality"].to_numpy()[row]
    mult = np.array([TYPE_MULT[x] for x in CONTENT_TYPES])[type_idx]
    mult = mult * np.array([TOPIC_MULT[x] for x in TOPICS])[topic]
    noise = np.exp(np.clip(rng.normal(0, NOISE, size=n), -2.5 * NOISE, 2.5 * NOISE))
    # flat engagement around a bought jump; a viral post is never a dull one
    mult = np.where(
        bought_near, np.minimum(mult, 1.0), np.where(is_viral, np.maximum(mult, 1.0), mult)
    )
    noise = np.where(
        bought_near, np.minimum(noise, 1.0), np.where(is_viral, np.maximum(noise, 1.0), noise)
    )
    mean *= mult * noise
    # a viral post outweighs a whole normal day of the account: x (posts per day)
    boost = rng.uniform(*VIRAL, size=n) * np.maximum(1.0, p["rate"].to_numpy()[row])
    mean = np.where(is_viral, mean * boost, mean)
    mean = np.where(row == roster.big_quiet, mean * QUIET, mean)
    split = np.array([SPLIT[x] for x in schema.PLATFORMS])[plat_idx]
    split[:, 1] *= np.array([COMMENT_TOPIC.get(t, 1.0) for t in TOPICS])[topic]
    split *= np.exp(rng.normal(0, 0.25, size=split.shape))
    eng = rng.poisson(mean[:, None] * split)
    likes, comments, shares, saves = (eng[:, k] for k in range(4))
    eng_total = eng.sum(axis=1)
    lograt = rng.normal(0, 0.45, size=n)
    reach = np.where(
        platform == "facebook",
        eng_total / (0.007 * np.exp(lograt)),
        eng_total / (0.045 * np.exp(lograt)),
    )
    reach = np.maximum(np.round(reach), eng_total).astype(np.int64)
    video = np.isin(ctype_name, ["video", "short_video", "live"])
    views_ratio = rng.uniform(1.3, 2.2, size=n) * np.where(video, 1.6, 1.0)
    views = np.round(reach * views_ratio).astype(np.int64)
    tt_views = np.round(np.maximum(eng_total, 1) / (0.06 * np.exp(lograt))).astype(np.int64)
    yt_views = np.round(np.maximum(eng_total, 1) / (0.035 * np.exp(lograt))).astype(np.int64)
    x_impr = np.round(np.maximum(eng_total, 1) / (0.012 * np.exp(lograt))).astype(np.int64)
    views = np.where(
        platform == "tiktok", tt_views, np.where(platform == "youtube", yt_views, views)
    )
    impressions = np.where(
        platform == "youtube",
        np.round(yt_views / (0.05 * np.exp(rng.normal(0, 0.3, size=n)))).astype(np.int64),
        x_impr,
    )
    values = {
        "impressions": impressions,
        "reach": reach,
        "views": views,
        "likes": likes,
        "comments": comments,
        "shares": shares,
        "saves": saves,
    }
    metrics = {}
    for m in METRICS:
        mask = np.isin(platform, [pl for pl in schema.PLATFORMS if m in REPORTS[pl]])
        metrics[m] = pd.array(np.where(mask, values[m], 0), dtype="Int64")
        metrics[m][~mask] = pd.NA

    image = np.isin(ctype_name, ["image", "carousel"])
    alt = rng.random(n) < p["p_alt"].to_numpy()[row]
    cap = rng.random(n) < p["p_cap"].to_numpy()[row]
    has_alt = pd.array(alt, dtype="boolean")
    has_alt[~image] = pd.NA
    has_cap = pd.array(cap, dtype="boolean")
    has_cap[~video] = pd.NA

    posts = pd.DataFrame(
        {
            "platform": platform,
            "account": acc["account"].to_numpy()[row],
            "post_id": "",
            "published_at": pd.to_datetime(utc).tz_localize("UTC"),
            "text": text,
            "content_type": ctype_name,
            "url": "",
            **metrics,
            "has_alt_text": has_alt,
            "has_captions": has_cap,
        }
    )
    info = pd.DataFrame(
        {"row": row, "day": day, "viral": is_viral, "greeting": is_greet, "topic": topic_name}
    )
    order = np.lexsort((posts["published_at"].to_numpy(), row))
    posts = posts.iloc[order].reset_index(drop=True)
    info = info.iloc[order].reset_index(drop=True)
    return {"posts": posts, "_info": info}


def _index(values: np.ndarray, vocabulary: tuple[str, ...]) -> np.ndarray:
    """Positions of ``values`` in ``vocabulary`` (vectorised)."""
    vocab = np.array(vocabulary, dtype=object)
    order = np.argsort(vocab)
    pos = np.searchsorted(vocab[order], np.asarray(values, dtype=object))
    return order[pos]


# ---- ids and permalinks --------------------------------------------------------------

_B64 = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"))


def _b64(values: np.ndarray, width: int) -> np.ndarray:
    """Encode unsigned 64-bit integers as fixed-width base64url strings (vectorised)."""
    v = values.astype(np.uint64)
    digits = np.empty((len(v), width), dtype="<U1")
    for k in range(width - 1, -1, -1):
        digits[:, k] = _B64[(v & np.uint64(63)).astype(np.int64)]
        v = v >> np.uint64(6)
    return digits.view(f"<U{width}").ravel()


def _unique(make, rand: np.ndarray) -> np.ndarray:
    """Ids ``make(rand)``, with the random part of repeated ids moved on until all differ."""
    rand = rand.copy()
    while True:
        ids = make(rand)
        order = np.argsort(ids, kind="stable")
        s = ids[order]
        dup = np.zeros(len(s), dtype=bool)
        dup[1:] = s[1:] == s[:-1]
        if not dup.any():
            return ids
        rand[order[dup]] = (rand[order[dup]] + 1) % 4096


def assign_ids(posts: pd.DataFrame, replica: int) -> pd.DataFrame:
    """Give every post a platform-style id and permalink.

    Ids follow each platform's shape (X and TikTok ids encode the time, YouTube
    ids are 11 base64 characters) and carry the replica number in some bits, so
    they are unique in a universe of any scale.
    """
    posts = posts.copy()
    ms = posts["published_at"].to_numpy(dtype="datetime64[ns]").astype(np.int64) // 1_000_000
    sec = ms // 1000
    n = len(posts)
    r = np.int64(replica)
    # the sequence part is 0 unless two posts share the same instant (smaller files)
    rand = np.zeros(n, dtype=np.int64)
    plat = posts["platform"].to_numpy()
    acct = posts["account"].to_numpy().astype(object)
    ids = np.empty(n, dtype=object)
    urls = np.empty(n, dtype=object)
    ctype = posts["content_type"].to_numpy()

    m = plat == "x"  # snowflake: ms since 2010-11-04 | worker (replica) | sequence
    t = ms[m]
    v = _unique(lambda q: ((t - 1288834974657) << 22) | (r << 12) | q, rand[m])
    ids[m] = v.astype(str)
    urls[m] = "https://x.com/" + acct[m] + "/status/" + ids[m]
    m = plat == "tiktok"  # seconds | replica | sequence
    t = sec[m]
    v = _unique(lambda q: (t << 32) | (r << 20) | (q << 8), rand[m])
    ids[m] = v.astype(str)
    urls[m] = "https://www.tiktok.com/@" + acct[m] + "/video/" + ids[m]
    m = plat == "instagram"  # ms since 2011-08-24 | shard (replica) | sequence
    t = ms[m]
    v = _unique(lambda q: ((t - 1314220021721) << 23) | (r << 12) | q, rand[m])
    ids[m] = v.astype(str)
    code = _b64(v.astype(np.uint64), 11)
    kind = np.where(ctype[m] == "short_video", "reel", "p").astype(object)
    urls[m] = "https://www.instagram.com/" + kind + "/" + code.astype(object) + "/"
    m = plat == "facebook"
    t = sec[m]
    v = _unique(
        lambda q: 122_000_000_000_000_000 + (((t - 1_700_000_000) << 20) | (r << 12) | q), rand[m]
    )
    ids[m] = v.astype(str)
    urls[m] = "https://www.facebook.com/" + acct[m] + "/posts/" + ids[m]
    m = plat == "youtube"
    t = sec[m]
    v = _unique(lambda q: (t << 24) | (r << 12) | q, rand[m]).astype(np.uint64)
    code = _b64(v * np.uint64(0x9E3779B97F4A7C15), 11)  # odd multiplier: a scrambling bijection
    ids[m] = code.astype(object)
    path = np.where(ctype[m] == "short_video", "shorts/", "watch?v=").astype(object)
    urls[m] = "https://www.youtube.com/" + path + ids[m]
    posts["post_id"] = pd.array(ids, dtype=schema.STRING)
    posts["url"] = pd.array(urls, dtype=schema.STRING)
    return posts
