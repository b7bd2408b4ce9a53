"""The official accounts of the fictional agencies, with the audit defects planted in them.

Two random streams are used:

* the **profile** stream, keyed by (seed, agency template, platform): how often
  an account posts, when, its follower size, its habits (alt text, captions,
  emoji, hashtags). It is the same for every replica, so scaling the universe
  keeps each account's rhythm;
* the **plan** stream, keyed by (seed, replica): where the audit defects, the
  duplicate accounts, the follower jumps and the "big but quiet" account go.
  Different seeds place them on different accounts.

The ground truth of every planted defect is exact: an account planted
``dormant`` has no post in its last 90+ days and every account not planted
``inactive``/``dormant`` posts at least every 11 days up to the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from labkit import schema
from labkit.universe import period
from labkit.universe.agencies import Agency

PLATFORMS = schema.PLATFORMS
CONTENT_TYPES = schema.CONTENT_TYPES

#: Posts per working day, by platform (times a tier factor and an account factor).
PLATFORM_RATE = {"facebook": 3.9, "instagram": 3.8, "x": 7.2, "tiktok": 1.75, "youtube": 0.9}
TIER_RATE = {"national": 1.3, "provincial": 1.1, "local": 1.0, "unit": 0.85}
#: Typical followers at the start of the period (Instagram), by tier.
TIER_FOLLOWERS = {"national": 420_000, "provincial": 85_000, "local": 38_000, "unit": 9_000}
PLATFORM_FOLLOWERS = {"facebook": 0.8, "instagram": 1.0, "x": 0.45, "tiktok": 0.6, "youtube": 0.12}
TIER_VERIFIED = {"national": 0.95, "provincial": 0.55, "local": 0.3, "unit": 0.12}
#: Content mix by platform (shares of posts), jittered per account.
CONTENT_MIX = {
    "facebook": {
        "image": 0.45,
        "carousel": 0.05,
        "link": 0.18,
        "video": 0.10,
        "short_video": 0.12,
        "text": 0.10,
    },
    "instagram": {"image": 0.35, "carousel": 0.35, "short_video": 0.30},
    "x": {"text": 0.35, "image": 0.45, "link": 0.20},
    "tiktok": {"short_video": 1.0},
    "youtube": {"video": 0.6, "short_video": 0.3, "live": 0.1},
}
CREATED_YEARS = {
    "facebook": (2011, 2018),
    "instagram": (2014, 2020),
    "x": (2011, 2019),
    "tiktok": (2020, 2023),
    "youtube": (2013, 2021),
}
BIO_LIMIT = {"facebook": 255, "instagram": 150, "x": 160, "tiktok": 80, "youtube": 1000}
MANDATE = {
    "kementerian_unit": "Informasi kebijakan dan layanan publik Kementerian Pelayanan Warga.",
    "kanwil": "Informasi layanan dan kegiatan kantor wilayah.",
    "kantor_imigrasi": "Layanan paspor dan izin tinggal. Tanpa calo, tanpa pungli.",
    "diskominfo_provinsi": "Informasi pembangunan, layanan publik, dan klarifikasi hoaks.",
    "diskominfo_kabupaten": "Informasi pembangunan, layanan publik, dan klarifikasi hoaks.",
    "diskominfo_kota": "Informasi pembangunan, layanan publik, dan klarifikasi hoaks.",
    "rsud": "Informasi layanan rumah sakit. IGD 24 jam.",
    "dinas_kesehatan": "Informasi kesehatan masyarakat dan layanan puskesmas.",
    "dinas_dukcapil": "Layanan administrasi kependudukan gratis.",
    "bpbd": "Informasi kebencanaan dan peringatan dini. Pusdalops 24 jam.",
    "lembaga": "Informasi kawasan wisata, acara, dan layanan pengunjung.",
}

# How many of each planted defect per replica.
N_PERSONAL = 3
N_INCONSISTENT = 3
N_INACTIVE = 3
N_DORMANT = 3
N_MISSING = 3  # each of bio, link, contact
N_DUPLICATE = 3  # pairs: both accounts of a pair are recorded
N_BOUGHT = 3
N_VIRAL = 5

#: Longest run of days without a post for an account not planted inactive/dormant.
MAX_GAP = 10
INACTIVE_DAYS = (35, 80)  # days between the last post and the end (inactive: 30-89)
DORMANT_DAYS = (100, 240)  # dormant: 90 or more


#: Expected posts per replica: posting rates are scaled together so that every
#: replica has about this many posts, whichever accounts were planted inactive.
TARGET_POSTS = 42_000


def _level(params: pd.DataFrame) -> float:
    """Common factor for the posting rates so that a replica has about TARGET_POSTS posts."""
    flags = period.day_flags()
    wd, hol = flags["weekday"], flags["holiday"]
    n_days = len(wd)
    expected = 0.0
    for r in params.itertuples():
        f = np.where(wd == 5, r.sat, np.where(wd == 6, r.sun, 1.0))
        f = np.where(hol, np.minimum(f, 0.3), f)
        active = np.arange(n_days) <= r.last_day
        expected += r.rate * 0.95 * f[active].sum() + r.p_greet * flags["observance"][active].sum()
    return TARGET_POSTS / expected


def _ss(*key: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([int(k) for k in key]))


@dataclass
class Roster:
    """The accounts of one replica and everything planted in them."""

    accounts: pd.DataFrame  # canonical columns (followers filled in later)
    params: pd.DataFrame  # generation parameters, one row per account (same order)
    hour_cdf: np.ndarray  # (n_accounts, 24) cumulative posting-hour distribution
    content_cdf: np.ndarray  # (n_accounts, len(CONTENT_TYPES)) cumulative content mix
    defects: pd.DataFrame  # truth_account_defects rows
    jumps: pd.DataFrame  # planned follower jumps: row (account index), day, kind, frac
    big_quiet: int  # account index of the "top followers, bottom engagement" account
    agencies: list[Agency] = field(default_factory=list)


def _hour_profile(rng: np.random.Generator) -> np.ndarray:
    h = np.arange(24)
    office = rng.uniform(0.62, 0.92)
    m = rng.choice([8, 9, 10])
    a = rng.choice([13, 14, 15])
    w = (
        office
        * (0.55 * np.exp(-0.5 * ((h - m) / 1.2) ** 2) + 0.45 * np.exp(-0.5 * ((h - a) / 1.3) ** 2))
        + (1 - office) * np.exp(-0.5 * ((h - rng.choice([19, 20])) / 1.3) ** 2)
        + 0.01 * ((h >= 6) & (h <= 22))
    )
    w[h < 5] = 0.0
    return w / w.sum()


def _profile(seed: int, template: int, platform: str, agency: Agency) -> dict:
    """The rhythm and habits of one account (same in every replica)."""
    rng = _ss(seed, 101, template, PLATFORMS.index(platform))
    mix = CONTENT_MIX[platform]
    probs = np.zeros(len(CONTENT_TYPES))
    keys = list(mix)
    jitter = rng.dirichlet(np.array([mix[k] for k in keys]) * 40) if len(keys) > 1 else [1.0]
    for k, v in zip(keys, jitter, strict=True):
        probs[CONTENT_TYPES.index(k)] = v
    y0, y1 = CREATED_YEARS[platform]
    created = pd.Timestamp(f"{rng.integers(y0, y1 + 1)}-01-01") + pd.Timedelta(
        days=int(rng.integers(0, 365)), seconds=int(rng.integers(7 * 3600, 17 * 3600))
    )
    return {
        "rate": PLATFORM_RATE[platform] * TIER_RATE[agency.tier] * rng.lognormal(0, 0.22),
        "sat": rng.uniform(0.12, 0.45),
        "sun": rng.uniform(0.06, 0.35),
        "hours": _hour_profile(rng),
        "content": probs,
        "f0": TIER_FOLLOWERS[agency.tier] * PLATFORM_FOLLOWERS[platform] * rng.lognormal(0, 0.35),
        "growth": rng.uniform(0.0002, 0.0011),
        "quality": rng.lognormal(0, 0.3),
        # accessibility habits: most government accounts rarely add alt text or captions
        "p_alt": rng.choice([0.0, 0.03, 0.1, 0.5, 0.9], p=[0.35, 0.3, 0.2, 0.1, 0.05]),
        "p_cap": rng.choice([0.0, 0.05, 0.3, 0.7, 0.95], p=[0.3, 0.3, 0.2, 0.15, 0.05]),
        "p_emoji": rng.choice([0.0, 0.3, 0.8]),
        "p_camel": rng.choice([0.1, 0.5, 0.95]),
        "p_bold": rng.choice([0.0, 0.3], p=[0.8, 0.2])
        if platform in ("facebook", "instagram")
        else 0.0,
        "p_greet": {"facebook": 0.75, "instagram": 0.8, "x": 0.5, "tiktok": 0.3, "youtube": 0.04}[
            platform
        ],
        "verified": bool(rng.random() < TIER_VERIFIED[agency.tier]),
        "created": created.tz_localize("Asia/Jakarta").tz_convert("UTC"),
        "contact_style": int(rng.integers(0, 3)),
    }


def _bio(agency: Agency, platform: str) -> str:
    text = f"Akun resmi {agency.display_name}. {MANDATE[agency.kind]}"
    if platform == "tiktok":
        text = f"Akun resmi {agency.short_name}"
    limit = BIO_LIMIT[platform]
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _contact(agency: Agency, style: int) -> str:
    return (
        f"WA {agency.official_phone}",
        agency.official_email,
        f"Call center {agency.official_phone} / {agency.official_email}",
    )[style]


def _duplicate_handle(handle: str, platform: str) -> str | None:
    """An older second handle of the same unit: the separator dropped or changed."""
    for sep in ("_", "."):
        if sep in handle:
            return handle.replace(sep, "")
    return None


def build(agencies: list[Agency], seed: int, replica: int) -> Roster:
    """Build the accounts of one replica and plant the audit defects.

    Parameters
    ----------
    agencies : list of Agency
        The replica's agencies (:func:`labkit.universe.agencies.build`).
    seed : int
        The universe seed.
    replica : int
        0 for the workshop universe; 1, 2, ... for the copies made by ``scale``.
    """
    rows, prof = [], []
    for ai, a in enumerate(agencies):
        for p in a.platforms:
            pr = _profile(seed, ai, p, a)
            rows.append(
                {
                    "platform": p,
                    "account": a.handles[p],
                    "agency_id": a.agency_id,
                    "unit": a.unit,
                    "display_name": a.display_name,
                    "bio": _bio(a, p),
                    "link": a.website,
                    "contact": _contact(a, pr["contact_style"]),
                    "verified": pr["verified"],
                    "profile_type": "page",
                    "created_at": pr["created"],
                    "followers": pd.NA,
                    "tz": a.tz,
                }
            )
            prof.append({**pr, "agency_idx": ai, "dup_of": -1})

    plan = _ss(seed, 202, replica)
    n_main = len(rows)
    defects: list[dict] = []

    def flag(i: int, defect: str, detail: str) -> None:
        r = rows[i]
        defects.append(
            {
                "platform": r["platform"],
                "account": r["account"],
                "agency_id": r["agency_id"],
                "defect": defect,
                "detail": detail,
            }
        )

    # ---- duplicate accounts: a second, older account of the same unit on a platform
    cand = [
        i
        for i in range(n_main)
        if rows[i]["platform"] in ("facebook", "instagram", "tiktok")
        and _duplicate_handle(rows[i]["account"], rows[i]["platform"])
    ]
    order = plan.permutation(len(cand))
    dup_main, used_ag = [], set()
    for k in order:
        i = cand[k]
        ag = prof[i]["agency_idx"]
        if ag in used_ag:
            continue
        dup_main.append(i)
        used_ag.add(ag)
        if len(dup_main) == N_DUPLICATE:
            break
    for i in dup_main:
        r, pr = rows[i], prof[i]
        handle = _duplicate_handle(r["account"], r["platform"])
        years_back = int(plan.integers(1, 4))
        created = r["created_at"] - pd.DateOffset(years=years_back)
        floor = pd.Timestamp(f"{CREATED_YEARS[r['platform']][0]}-01-01 03:00", tz="UTC")
        if created < floor:
            created = floor + pd.Timedelta(
                days=int(plan.integers(30, 700)), minutes=int(plan.integers(0, 480))
            )
        new = {**r, "account": handle, "created_at": created, "verified": False}
        rows.append(new)
        prof.append(
            {
                **pr,
                "rate": pr["rate"] * plan.uniform(0.2, 0.4),
                "f0": pr["f0"] * plan.uniform(0.05, 0.25),
                "verified": False,
                "dup_of": i,
            }
        )
        j = len(rows) - 1
        flag(i, "duplicate_account", f"same agency and platform as {r['platform']}/{handle}")
        flag(j, "duplicate_account", f"same agency and platform as {r['platform']}/{r['account']}")

    # ---- the 'big but quiet' account (top followers, bottom engagement rate)
    big_cand = [
        i
        for i in range(n_main)
        if agencies[prof[i]["agency_idx"]].tier in ("national", "provincial")
        and rows[i]["platform"] in ("facebook", "instagram")
        and i not in dup_main
    ]
    big_quiet = int(big_cand[plan.integers(0, len(big_cand))])

    # ---- account-level defects on distinct main accounts
    pool = [int(i) for i in plan.permutation(n_main) if i != big_quiet]
    taken: set[int] = set()

    def take(n: int, ok) -> list[int]:
        got = []
        for i in pool:
            if i in taken or not ok(i):
                continue
            got.append(i)
            taken.add(i)
            if len(got) == n:
                break
        return got

    for i in take(N_PERSONAL, lambda i: rows[i]["platform"] == "facebook"):
        rows[i]["profile_type"] = "personal"
        rows[i]["verified"] = False
        flag(i, "personal_profile", "Facebook personal profile instead of a Page")

    inc_agencies: set[int] = set()

    def ok_inc(i: int) -> bool:
        ag = prof[i]["agency_idx"]
        return ag not in inc_agencies and len(agencies[ag].platforms) >= 3

    for _ in range(N_INCONSISTENT):
        got = take(1, ok_inc)
        if not got:
            break
        i = got[0]
        a = agencies[prof[i]["agency_idx"]]
        inc_agencies.add(prof[i]["agency_idx"])
        variant = a.name_variants[int(plan.integers(0, len(a.name_variants)))]
        rows[i]["display_name"] = variant
        flag(i, "inconsistent_name", f"display name '{variant}' instead of '{a.display_name}'")

    last_day = np.full(len(rows), len(period.days()) - 1)
    end = period.END_DAY
    for i in take(N_INACTIVE, lambda i: True):
        k = int(plan.integers(INACTIVE_DAYS[0], INACTIVE_DAYS[1] + 1))
        last_day[i] -= k
        flag(i, "inactive", f"last post {k} days before {end.date()} (local date)")
    for i in take(N_DORMANT, lambda i: True):
        k = int(plan.integers(DORMANT_DAYS[0], DORMANT_DAYS[1] + 1))
        last_day[i] -= k
        flag(i, "dormant", f"last post {k} days before {end.date()} (local date)")
    for col, defect in (
        ("bio", "missing_bio"),
        ("link", "missing_link"),
        ("contact", "missing_contact"),
    ):
        for i in take(N_MISSING, lambda i: True):
            empty = bool(plan.random() < 0.3)
            rows[i][col] = "" if empty else pd.NA
            flag(i, defect, f"{col} {'empty text' if empty else 'missing (NA)'}")

    # ---- follower jumps: bought (flat engagement) and viral (engagement rises too)
    active = [
        i
        for i in range(n_main)
        if last_day[i] == len(period.days()) - 1 and i != big_quiet and i not in dup_main
    ]
    order = [active[k] for k in plan.permutation(len(active))]
    bought = [big_quiet, *order[: N_BOUGHT - 1]]
    viral = order[N_BOUGHT - 1 : N_BOUGHT - 1 + N_VIRAL]
    n_days = len(period.days())
    jumps = []
    for kind, accs in (("bought", bought), ("viral", viral)):
        for i in accs:
            jumps.append(
                {
                    "row": i,
                    "day": int(plan.integers(20, n_days - 25)),
                    "kind": kind,
                    "frac": float(plan.uniform(0.06, 0.25)),
                }
            )

    accounts = pd.DataFrame(rows)
    params = pd.DataFrame(
        [
            {
                k: v
                for k, v in pr.items()
                if k not in ("hours", "content", "created", "verified", "contact_style")
            }
            for pr in prof
        ]
    )
    params["last_day"] = last_day
    params["rate"] *= _level(params)
    params["kind"] = [agencies[a].kind for a in params["agency_idx"]]
    params["tier"] = [agencies[a].tier for a in params["agency_idx"]]
    params["offset"] = [period.TZ_OFFSET[agencies[a].tz] for a in params["agency_idx"]]
    hour_cdf = np.cumsum(np.stack([pr["hours"] for pr in prof]), axis=1)
    content_cdf = np.cumsum(np.stack([pr["content"] for pr in prof]), axis=1)
    truth = pd.DataFrame(defects, columns=schema.table("truth_account_defects").names)
    return Roster(
        accounts=accounts,
        params=params,
        hour_cdf=hour_cdf,
        content_cdf=content_cdf,
        defects=truth,
        jumps=pd.DataFrame(jumps, columns=["row", "day", "kind", "frac"]),
        big_quiet=big_quiet,
        agencies=agencies,
    )
