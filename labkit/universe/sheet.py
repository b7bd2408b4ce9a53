"""The datasheet of the bundled universe (``datasets/README.md``), rendered by code.

The column reference comes from :mod:`labkit.schema` and every number from the
tables themselves, so the datasheet cannot drift from the data:
``tests/test_universe.py`` checks that the committed README is exactly what
:func:`render` produces for the committed bundle.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from labkit import engagement, schema
from labkit.universe import captions, period

LICENCE = "CC0 1.0 Universal (public domain dedication)"

_TYPE_NAMES = {
    "string": "text",
    "category": "category",
    "int": "integer (nullable)",
    "float": "float",
    "bool": "boolean (nullable)",
    "timestamp": "timestamp (UTC)",
    "date": "date (local day)",
}


def _md_escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def columns_markdown() -> str:
    """The column reference of every canonical table, as markdown (from :mod:`labkit.schema`)."""
    out = []
    for name, t in schema.TABLES.items():
        out.append(f"### `{name}`{' (ground truth)' if t.ground_truth else ''}\n")
        out.append(f"{t.meaning}. Key: {', '.join(f'`{k}`' for k in t.key)}.\n")
        out.append("| column | type | pandas dtype | unit | meaning |")
        out.append("|---|---|---|---|---|")
        for c in t.columns:
            meaning = c.meaning
            if c.values:
                meaning += f" (one of: {', '.join(c.values)})"
            if not c.nullable:
                meaning += "; never missing"
            if not c.required:
                meaning += "; optional in imports"
            dtype = "category" if c.type == "category" else str(c.dtype())
            out.append(
                f"| `{c.name}` | {_TYPE_NAMES[c.type]} | `{dtype}` | {c.unit or '-'} | {_md_escape(meaning)} |"
            )
        out.append("")
    return "\n".join(out)


def _pct(x: float, digits: int = 1) -> str:
    return f"{100 * x:.{digits}f} %"


def _table(rows: list[tuple], header: tuple[str, ...]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def load_committed(folder: Path | None = None) -> tuple[dict[str, pd.DataFrame], dict]:
    """The committed bundle's tables (unmasked, checksums verified) and manifest."""
    from labkit import data

    folder = folder or data.data_dir()
    manifest = json.loads((folder / data.MANIFEST).read_text(encoding="utf-8"))
    bad = data.verify(folder)
    if not bad["ok"].all():
        raise RuntimeError(
            f"bundle does not match its manifest: {bad[~bad['ok']].to_dict('records')}"
        )
    tables = {
        name: data.read_table(folder / entry["file"], name)
        for name, entry in manifest["files"].items()
    }
    return tables, manifest


def _post_stats(posts: pd.DataFrame, accounts: pd.DataFrame) -> list[tuple]:
    rows = []
    tzmap = accounts.set_index(["platform", "account"])["tz"].astype(str)
    key = pd.MultiIndex.from_arrays([posts["platform"].astype(str), posts["account"].astype(str)])
    tz = tzmap.reindex(key).to_numpy()
    offset = pd.Series(tz).map(period.TZ_OFFSET).to_numpy()
    local = posts["published_at"].dt.tz_localize(None) + pd.to_timedelta(offset, unit="h")
    hour = local.dt.hour.to_numpy()
    dow = local.dt.day_of_week.to_numpy()
    days = local.dt.normalize()
    hol = np.isin(days.to_numpy(), np.array(list(period.public_holidays()), dtype="datetime64[ns]"))
    n_acc_days = len(period.days())
    n_we = int(np.isin(period.days().day_of_week, [5, 6]).sum())
    n_hol = len(period.public_holidays())
    per_day_work = ((dow < 5) & ~hol).sum() / (n_acc_days - n_we - n_hol)
    per_day_we = (dow >= 5).sum() / n_we
    per_day_hol = hol.sum() / max(n_hol, 1)
    rows.append(("posts per working day (all accounts)", f"{per_day_work:.1f}"))
    rows.append(("posts per weekend day", f"{per_day_we:.1f}"))
    rows.append(("posts per public holiday", f"{per_day_hol:.1f}"))
    rows.append(
        (
            "share of posts in office hours (07:00-16:59 local)",
            _pct(((hour >= 7) & (hour < 17)).mean()),
        )
    )
    rows.append(
        (
            "distinct captions / posts",
            f"{posts['text'].nunique():,} / {len(posts):,} ({_pct(posts['text'].nunique() / len(posts))})",
        )
    )
    rows.append(
        (
            "math-bold (NFKC-changing) captions",
            _pct(posts["text"].str.contains("[\U0001d5d4-\U0001d7ff]", regex=True).mean()),
        )
    )
    img = posts["has_alt_text"].notna()
    vid = posts["has_captions"].notna()
    rows.append(
        (
            "images with alt text",
            f"{_pct(posts.loc[img, 'has_alt_text'].astype(bool).mean())} of {int(img.sum()):,}",
        )
    )
    rows.append(
        (
            "videos with captions",
            f"{_pct(posts.loc[vid, 'has_captions'].astype(bool).mean())} of {int(vid.sum()):,}",
        )
    )
    return rows


def render(tables: dict[str, pd.DataFrame] | None = None, manifest: dict | None = None) -> str:
    """Render the datasheet of ``tables`` (default: the committed bundle) as markdown."""
    if tables is None or manifest is None:
        tables, manifest = load_committed()
    gen = manifest.get("generator", {})
    seed, scale = gen.get("seed", "?"), gen.get("scale", "?")
    posts, accounts = tables["posts"], tables["accounts"]
    out: list[str] = []
    w = out.append

    w("# Humas Lab datasets: the fictional universe (datasheet)\n")
    w(
        f"> Generated by `python -m labkit.universe --seed {seed} --scale {scale} --out datasets --force` "
        "(rendered by `labkit.universe.datasheet()`). Do not edit by hand: regenerate.\n"
    )
    w("## What this is\n")
    w(
        "A synthetic, **entirely fictional** year of social-media activity of Indonesian government "
        "agencies, made for the Humas Lab workshops (account audits, engagement, impostors, "
        "comment triage, crisis drills). Every agency, place, handle, web domain, phone number, "
        'citizen and comment is invented; people appear only by title ("Wali Kota Pelangi"), '
        "never by name. Similar names of real places at village level are accidental. "
        "Phone numbers use the unallocated `0811-0000-xxxx` block; web sites and e-mails use "
        "invented `.go.id` domains.\n"
    )
    w(
        "Semua instansi, wilayah, akun, nomor telepon, warga dan komentar dalam data ini **fiktif**. "
        "Data ini dibuat untuk latihan dan tidak menggambarkan instansi mana pun.\n"
    )
    w(
        f"**Licence of the data:** {LICENCE}. The code that generates it is under the project's licence.\n"
    )
    w("## Period and time\n")
    w(
        f"* 12 months of local days, {period.START_DAY.date()} to {period.END_DAY.date()} "
        "(the `followers.date` column and the audit's day counts use each account's local day).\n"
        "* Every timestamp is stored in **UTC** (`published_at`, `created_at`, `replied_at`); agencies "
        "live in WIB (UTC+7), WITA (UTC+8) and WIT (UTC+9), given by `tz`. Post times have minute "
        "precision, as in platform exports.\n"
        "* Public holidays come from `holidays.Indonesia` (Idulfitri "
        f"{period.lebaran().date()}); national days without a holiday (Hari Pahlawan, Hari Sumpah "
        "Pemuda, Hari Ibu...) are greeted too.\n"
    )

    w("## Tables\n")
    rows = []
    for name, entry in manifest["files"].items():
        t = schema.table(name)
        rows.append(
            (
                f"`{name}`",
                f"{entry['rows']:,}",
                f"{entry['bytes'] / 1e6:.2f} MB",
                _md_escape(t.meaning),
            )
        )
    total = sum(e["bytes"] for e in manifest["files"].values())
    w(_table(rows, ("table", "rows", "file size", "meaning")))
    w(
        f"\nTotal: {total / 1e6:.2f} MB of zstd-compressed Parquet. `manifest.json` holds the SHA-256 of "
        "every file; `labkit.data.load()` refuses a file whose checksum does not match.\n"
    )
    w(
        "Tables named `truth_*` are the **ground truth** planted by the generator. They are read only "
        "by tests and exercise checks, never by analysis modules or trainees' notebooks.\n"
    )

    w("## How it was generated\n")
    w(
        "`labkit.universe.generate(seed, scale)` builds everything with numpy from one seed "
        "(independent random streams per part, so the same seed gives the same tables):\n\n"
        "1. **Agencies** — twelve invented agencies of different kinds (ministry unit, kanwil, "
        "immigration office, provincial / regency / city Diskominfo, RSUD, Dinkes, Dukcapil, BPBD, "
        "a tourism authority) in WIB, WITA and WIT, with a `.go.id` web site, `humas@` e-mail and a "
        "WhatsApp number.\n"
        "2. **Accounts** — each agency on 3-5 platforms, handles following each platform's rules "
        "(X: at most 15 characters, Facebook: no underscore). Sibling units share a place name "
        "(`humas_kotapelangi`, `dinkes_kotapelangi`, `kanim_kotapelangi`; "
        "`diskominfo_kabsukamaju` vs `diskominfo_kotasukamaju`): real accounts that look alike. "
        "An account's *profile* (posting rate, weekend habit, hours, follower size, alt-text and "
        "caption habits) depends on the seed and its template only.\n"
        "3. **Audit defects** are placed by the seed on different accounts for different seeds "
        "(table below). Planted day counts are exact: accounts not planted `inactive`/`dormant` post "
        "at least every 11 days up to the last day; planted ones stop 35-80 (inactive) or "
        "100-240 (dormant) local days before the end.\n"
        "4. **Followers** — a daily series per account: small organic growth (never more than 0.4 % a "
        "day) plus planted one-day jumps of 6-25 %: *bought* (engagement stays flat: bought "
        "followers never engage) and *viral* (the same day has a post with 15-30 times the "
        "engagement of a usual day). `accounts.followers` is the last day of the series.\n"
        "5. **Posts** — Poisson counts per account and local day (fewer on Saturdays, Sundays and "
        "public holidays; a slow drift; greeting posts on national and religious days), times "
        "from the account's office-hours habit in local time, content types per platform, topics "
        "by agency kind and season (rainy-season floods, Ramadan and Lebaran, CPNS recruitment, "
        "17 Agustus). Captions are Indonesian, assembled from templates, places, dates, numbers "
        "and hashtags. Engagement grows as `followers ** 0.72`, so the engagement rate falls as "
        "followers grow; metrics a platform does not report are missing (`<NA>`).\n"
        "6. **Search results** — per agency: its official accounts, planted impostors and "
        "fan / news decoys using the place name.\n"
        "7. **Comments** — generated by `labkit.universe.comments` from the posts (citizens' "
        "questions, complaints, praise, trolls, hoaxes, a copy-paste bot ring, crisis episodes, "
        "fake personal data to be masked, the agency's replies). A post's `comments` metric is "
        "at least its number of comment rows (the table is a sample of the comments).\n\n"
        "`scale` > 1 adds replicas of the twelve agencies in other invented regions, each account "
        "keeping its template's rhythm (for benchmarks: scale 25 is about 1,000,000 posts).\n"
    )

    w("## The agencies\n")
    ag = tables["agencies"]
    n_acc = accounts.groupby("agency_id").size()
    plats = accounts.groupby("agency_id")["platform"].agg(
        lambda x: ", ".join(sorted(set(map(str, x))))
    )
    shown = ag.head(24)
    w(
        _table(
            [
                (
                    a.agency_id,
                    a.name,
                    a.kind,
                    a.region,
                    a.tz,
                    int(n_acc.get(a.agency_id, 0)),
                    plats.get(a.agency_id, ""),
                )
                for a in shown.itertuples()
            ],
            ("id", "name", "kind", "region", "tz", "accounts", "platforms"),
        )
    )
    if len(ag) > len(shown):
        w(f"\n... and {len(ag) - len(shown)} more agencies (replicas).")
    w("")

    w("## Metrics reported per platform\n")
    from labkit.universe.posts import REPORTS

    metric_rows = []
    for p in schema.PLATFORMS:
        sub = posts[posts["platform"] == p]
        metric_rows.append(
            (
                p,
                f"{len(sub):,}",
                ", ".join(
                    f"{ct} {int(v):,}" for ct, v in sub["content_type"].value_counts().items() if v
                ),
                ", ".join(REPORTS[p]),
            )
        )
    w(_table(metric_rows, ("platform", "posts", "content types", "metrics reported (others NA)")))
    w("")

    w("## Planted ground truth\n")
    d = tables["truth_account_defects"]
    d = d.assign(where=d["platform"].astype(str) + "/" + d["account"].astype(str))
    counts = d.groupby("defect").agg(
        accounts=("account", "size"), examples=("where", lambda s: ", ".join(sorted(s)[:3]))
    )
    w(
        _table(
            [(f"`{k}`", int(r.accounts), r.examples) for k, r in counts.iterrows()],
            ("defect", "accounts", "e.g."),
        )
    )
    w(
        "\n`duplicate_account` lists both accounts of each pair (the same agency and unit on one "
        "platform). `inconsistent_name` marks the account whose display name differs from the "
        "name its agency uses on its other accounts (compare within `agency_id` and `unit`). "
        "Missing fields are `<NA>` or an empty string.\n"
    )
    imp = tables["truth_impostors"]
    w(
        _table(
            [(f"`{k}`", int(v)) for k, v in imp["style"].value_counts().sort_index().items()],
            ("impostor style", "impostors"),
        )
    )
    sr = tables["search_results"]
    official = pd.MultiIndex.from_frame(accounts[["platform", "account"]].astype(str))
    key = pd.MultiIndex.from_frame(sr[["platform", "account"]].astype(str))
    is_off = key.isin(official)
    is_imp = key.isin(pd.MultiIndex.from_frame(imp[["platform", "candidate"]].astype(str)))
    w(
        f"\n`search_results` has {len(sr)} accounts: {int(is_off.sum())} official, "
        f"{int(is_imp.sum())} impostors and {int((~is_off & ~is_imp).sum())} decoys "
        "(fan, news and community accounts).\n"
    )
    j = tables["truth_follower_jumps"]
    w(
        _table(
            [(f"`{k}`", int(v)) for k, v in j["kind"].value_counts().sort_index().items()],
            ("follower jump", "jumps"),
        )
    )
    w("")
    tp = tables["truth_posts"]["topic"].value_counts()
    w(
        _table(
            [(f"`{k}`", captions.TOPIC_LABELS.get(k, ""), f"{int(v):,}") for k, v in tp.items()],
            ("topic", "about", "posts"),
        )
    )
    w("")
    if "truth_crises" in tables:
        cr = tables["truth_crises"]
        w(
            _table(
                [
                    (
                        r.episode_id,
                        f"{r.platform}/{r.account}",
                        str(r.onset_at)[:16],
                        r.scct_type,
                        r.scct_cluster,
                    )
                    for r in cr.itertuples()
                ],
                ("crisis episode", "first seen on", "onset (UTC)", "SCCT type", "cluster"),
            )
        )
        w("")

    w("## The lesson of module 2: a big audience is not an engaged one\n")
    r = engagement.ranking_flip(accounts, posts, denominator="followers")
    rate = r.attrs["rate_column"]
    both = r[r["flip"] == "big_but_quiet"]
    top = r.head(3)
    w(
        f"Engagement rate as `labkit.engagement` defines it (`{rate}`, per account): "
        "(likes + comments + shares + saves, summing only the metrics the platform reports) / "
        f"(posts x followers); followers: `{r.attrs['denominator_source']}`; "
        "module 2 can also use followers at posting time from the daily `followers` series.\n"
    )
    w(
        _table(
            [
                (
                    f"{x.platform}/{x.account}",
                    f"{int(x.followers):,}",
                    f"{int(x.posts):,}",
                    f"{100 * getattr(x, rate):.4f} %",
                    x.rank_by_followers,
                    x.rank_by_rate,
                )
                for x in top.itertuples()
            ],
            (
                "top 3 by followers",
                "followers",
                "posts",
                "engagement rate",
                "rank by followers",
                f"rank by rate (1 = highest of {len(r)})",
            ),
        )
    )
    names = ", ".join(f"`{x.platform}/{x.account}`" for x in both.itertuples()) or "none"
    planted = gen.get("big_but_quiet", {})
    w(
        f"\nAmong the top three by followers **and** the bottom three by engagement rate: {names} "
        f"(planted: `{planted.get('platform')}/{planted.get('account')}`; it also has a bought-"
        "follower jump).\n"
    )

    w("## Measured statistics\n")
    stats = _post_stats(posts, accounts)
    if "comments" in tables and "truth_comments" in tables:
        from labkit.universe.comments import comment_stats

        cs = comment_stats(tables["comments"], tables["truth_comments"])
        c = tables["comments"]
        stats += [
            ("comments", f"{cs['n_comments']:,} by {cs['n_authors']:,} fictional authors"),
            (
                "distinct comment texts",
                f"{cs['n_distinct_texts']:,} ({_pct(cs['n_distinct_texts'] / max(cs['n_comments'], 1))})",
            ),
            ("comment duplicate rate outside the bot ring", _pct(cs["dup_share_outside_ring"], 2)),
            ("bot-ring comments / authors", f"{cs['ring_comments']:,} / {cs['ring_authors']}"),
            (
                "bot-ring copies: exact duplicates / with a near-duplicate within the ring",
                f"{_pct(cs['dup_share_ring'], 2)} / {_pct(cs['ring_near_dup_share'])}",
            ),
            ("colloquial share (comments with slang forms)", _pct(cs["colloquial_share"])),
            ("comments with planted personal data", _pct(cs["pii_share"], 2)),
            ("comments the agency replied to", _pct(c["replied_at"].notna().mean())),
            (
                "posts with at least one comment row",
                _pct(posts["post_id"].isin(c["post_id"]).mean()),
            ),
        ]
    w(_table(stats, ("measure", "value")))
    w("")

    w("## Columns\n")
    w("Generated from `labkit.schema` (types, units and meanings of every canonical table).\n")
    w(columns_markdown())

    w("## Regenerating\n")
    w(
        "The files are regenerated only deliberately (they are checksummed and tests compare "
        "them with the generator):\n\n"
        "```bash\n"
        f"python -m labkit.universe --seed {seed} --scale {scale} --out datasets --force\n"
        "pytest tests/test_universe.py\n"
        "```\n\n"
        "Bytes may differ between library versions; the tables (compared as DataFrames) do not. "
        "For benchmark data use another folder, e.g. `--scale 25 --out benchmarks/_data/scale25`, "
        "and point `LABKIT_DATA_DIR` at it.\n"
    )
    w("## Limitations\n")
    w(
        "* Metric levels are plausible, not calibrated on real government accounts; benchmarks of "
        "engagement rates in the domain brief are of medium confidence.\n"
        "* Platform export formats are not reproduced here (the importers' fixtures do that).\n"
        "* The calendar covers one fixed year; Ramadan and Idulfitri follow `holidays.Indonesia`.\n"
    )
    return "\n".join(out).rstrip() + "\n"
