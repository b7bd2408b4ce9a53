"""Search results per agency: official accounts, sibling units, impostors and decoys.

A trainee looking for impostors searches each platform for an agency's name.
The results hold:

* the agency's own official accounts (and any duplicate account);
* the official accounts of *sibling* agencies with similar handles
  (``dinkes_kotapelangi`` beside ``humas_kotapelangi``), listed under their own
  agency: hard negatives, since they are real;
* planted **impostors** copying an official handle in one of four styles
  (``truth_impostors``): separators, added words, digits, visual confusables;
* **decoys**: fan, news and community accounts that use the place name but do
  not imitate any official handle.

Every impostor reduces to its official handle when separators, added words,
digits and confusables are undone; no decoy does.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from labkit import schema
from labkit.universe.accounts import Roster
from labkit.universe.agencies import slug

STYLES = ("separator", "added_word", "digits", "confusable")
N_PER_STYLE = 3
#: Characters each platform allows in a handle, and the longest handle.
ALLOWED = {
    "facebook": "abcdefghijklmnopqrstuvwxyz0123456789.",
    "instagram": "abcdefghijklmnopqrstuvwxyz0123456789._",
    "x": "abcdefghijklmnopqrstuvwxyz0123456789_",
    "tiktok": "abcdefghijklmnopqrstuvwxyz0123456789._",
    "youtube": "abcdefghijklmnopqrstuvwxyz0123456789._-",
}
MAX_LEN = {"facebook": 50, "instagram": 30, "x": 15, "tiktok": 24, "youtube": 30}
ADDED = ("official", "resmi", "id", "info")
CONFUSE = (("m", "rn"), ("l", "1"), ("o", "0"), ("l", "i"), ("w", "vv"))
DECOY_PATTERNS = (
    ("info{p}", "Info {P}"),
    ("{p}terkini", "{P} Terkini"),
    ("explore{p}", "Explore {P}"),
    ("{p}_hits", "{P} Hits"),
    ("warga{p}", "Warga {P} Bersatu"),
    ("kuliner{p}", "Kuliner {P}"),
    ("{p}update", "{P} Update"),
    ("berita{p}", "Berita {P}"),
    ("lensa{p}", "Lensa {P}"),
    ("seputar{p}", "Seputar {P}"),
    ("{p}hariini", "{P} Hari Ini"),
    ("pesona{p}", "Pesona {P}"),
)


def valid(handle: str, platform: str) -> bool:
    """True if ``handle`` is allowed on ``platform`` (characters and length)."""
    ok = set(ALLOWED[platform])
    return (
        3 <= len(handle) <= MAX_LEN[platform]
        and all(ch in ok for ch in handle)
        and handle[0] not in "._-"
        and handle[-1] != "."
    )


def skeleton(handle: str) -> str:
    """The handle with separators, digits, added words and confusables undone."""
    h = re.sub(r"[._\-]", "", handle.lower())
    h = re.sub(r"\d+$", "", h)
    for w in ADDED:
        if h.startswith(w) and len(h) > len(w) + 3:
            h = h[len(w) :]
        if h.endswith(w) and len(h) > len(w) + 3:
            h = h[: -len(w)]
    for a, b in (("rn", "m"), ("vv", "w")):
        h = h.replace(a, b)
    return h.translate(str.maketrans({"0": "o", "1": "l", "i": "l"}))


def _variants(handle: str, platform: str, style: str, rng: np.random.Generator) -> list[str]:
    """Candidate impostor handles of one style, in a random order."""
    out: list[str] = []
    if style == "separator":
        for sep in ("_", "."):
            if sep in handle:
                out.append(handle.replace(sep, ""))
                out += [handle.replace(sep, o) for o in ("_", ".") if o != sep]
                out.append(handle.replace(sep, sep + sep))
        out += [handle + "_", "_" + handle]
    elif style == "added_word":
        for w in ADDED:
            out += [
                f"{handle}_{w}",
                f"{handle}{w}",
                f"{handle}.{w}",
                f"{w}{handle}",
                f"{w}_{handle}",
            ]
    elif style == "digits":
        out += [handle + d for d in ("1", "2", "01", "24", "2026", "id1")[:5]]
    else:
        for a, b in CONFUSE:
            pos = [m.start() for m in re.finditer(a, handle)]
            for k in pos:
                out.append(handle[:k] + b + handle[k + len(a) :])
    out = [h for h in dict.fromkeys(out) if h != handle]
    return [out[k] for k in rng.permutation(len(out))]


def build(
    roster: Roster, followers: np.ndarray, rng: np.random.Generator
) -> dict[str, pd.DataFrame]:
    """Search results and the impostor ground truth of one replica.

    Parameters
    ----------
    roster : Roster
        The replica's accounts.
    followers : ndarray
        Followers of each roster account at the end of the period.
    rng : numpy Generator
        Source of every choice.
    """
    acc = roster.accounts
    agencies = roster.agencies
    ag_index = {a.agency_id: i for i, a in enumerate(agencies)}
    rows = []
    for i, r in acc.iterrows():
        rows.append(
            {
                "platform": r["platform"],
                "account": r["account"],
                "display_name": r["display_name"],
                "query_agency_id": r["agency_id"],
                "followers": int(followers[i]),
                "created_at": r["created_at"],
                "verified": bool(r["verified"]),
            }
        )
    taken = {(r["platform"], r["account"]) for r in rows}
    skel_official = {(r["platform"], skeleton(r["account"])) for r in rows}

    # impostors imitate a main account whose unit has no duplicate on that platform
    dup_keys = {
        (r.platform, r.agency_id)
        for r in roster.defects.itertuples()
        if r.defect == "duplicate_account"
    }
    eligible = [
        i
        for i, r in acc.iterrows()
        if (r["platform"], r["agency_id"]) not in dup_keys and r["platform"] != "youtube"
    ]
    truth = []
    end = pd.Timestamp("2026-09-30", tz="UTC")
    for style in STYLES:
        made = 0
        for k in rng.permutation(len(eligible)):
            if made == N_PER_STYLE:
                break
            i = eligible[k]
            r = acc.loc[i]
            plat, handle = r["platform"], r["account"]
            for cand in _variants(handle, plat, style, rng):
                if not valid(cand, plat) or (plat, cand) in taken:
                    continue
                if skeleton(cand) != skeleton(handle):
                    continue
                a = agencies[ag_index[r["agency_id"]]]
                name = a.display_name
                if style == "confusable" and rng.random() < 0.6:
                    name = name.replace("l", "I", 1) if "l" in name else name.replace("m", "rn", 1)
                elif rng.random() < 0.4:
                    name = f"{name} {rng.choice(['Official', 'Resmi', '(Official)'])}"
                rows.append(
                    {
                        "platform": plat,
                        "account": cand,
                        "display_name": name,
                        "query_agency_id": r["agency_id"],
                        "followers": int(np.round(rng.lognormal(5.5, 1.2))),
                        "created_at": end - pd.Timedelta(days=int(rng.integers(20, 700))),
                        "verified": False,
                    }
                )
                taken.add((plat, cand))
                truth.append(
                    {"platform": plat, "candidate": cand, "official": handle, "style": style}
                )
                made += 1
                break

    # decoys: fan / news / community accounts using the place name
    for a in agencies:
        if a.region == "Nasional":
            continue
        place = a.place
        pslug = slug(place)
        for k in rng.permutation(len(DECOY_PATTERNS))[:2]:
            pat, disp = DECOY_PATTERNS[k]
            plat = a.platforms[int(rng.integers(0, len(a.platforms)))]
            handle = pat.format(p=pslug)
            if len(handle) > MAX_LEN[plat]:
                handle = pat.format(p=pslug[: MAX_LEN[plat] - len(pat) + 3])
            if not valid(handle, plat) or (plat, handle) in taken:
                continue
            if (plat, skeleton(handle)) in skel_official:
                continue
            rows.append(
                {
                    "platform": plat,
                    "account": handle,
                    "display_name": disp.format(P=place),
                    "query_agency_id": a.agency_id,
                    "followers": int(np.round(rng.lognormal(8.5, 1.2))),
                    "created_at": end - pd.Timedelta(days=int(rng.integers(300, 4000))),
                    "verified": bool(rng.random() < 0.05),
                }
            )
            taken.add((plat, handle))
    results = pd.DataFrame(rows, columns=schema.table("search_results").names)
    results = results.sort_values(["query_agency_id", "platform", "account"], kind="stable")
    return {
        "search_results": results.reset_index(drop=True),
        "truth_impostors": pd.DataFrame(truth, columns=schema.table("truth_impostors").names),
    }
