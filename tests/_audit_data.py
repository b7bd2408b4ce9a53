"""Small hand-made tables for the audit tests (known answers, no generator)."""

from __future__ import annotations

import pandas as pd

from labkit import schema

AS_OF = pd.Timestamp("2025-06-30 12:00", tz="UTC")


def account(platform: str, handle: str, agency_id: str = "AG1", **kw) -> dict:
    row = {
        "platform": platform,
        "account": handle,
        "agency_id": agency_id,
        "unit": "Humas",
        "display_name": "Humas Kota Contoh",
        "bio": "Akun resmi Humas Pemerintah Kota Contoh. Info layanan publik.",
        "link": "https://contohkota.go.id",
        "contact": "WA 0811-0000-0001",
        "verified": True,
        "profile_type": "page",
        "created_at": pd.Timestamp("2019-01-01", tz="UTC"),
        "followers": 10_000,
        "tz": "WIB",
    }
    row.update(kw)
    return row


def accounts(*rows: dict) -> pd.DataFrame:
    return schema.conform(pd.DataFrame(list(rows)), "accounts", source="test")


def post(platform: str, handle: str, post_id: str, days_ago: float, **kw) -> dict:
    row = {
        "platform": platform,
        "account": handle,
        "post_id": post_id,
        "published_at": AS_OF - pd.Timedelta(days=days_ago),
        "text": "Info layanan hari ini.",
        "content_type": "image",
        "url": f"https://example.invalid/{post_id}",
        "impressions": None,
        "reach": None,
        "views": None,
        "likes": 10,
        "comments": 0,
        "shares": 0,
        "saves": 0,
    }
    row.update(kw)
    return row


def posts(rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return schema.empty("posts")
    return schema.conform(pd.DataFrame(rows), "posts", source="test")


def comment(
    platform: str,
    handle: str,
    comment_id: str,
    hours_ago: float,
    text: str,
    reply_after_h=None,
    **kw,
) -> dict:
    created = AS_OF - pd.Timedelta(hours=hours_ago)
    row = {
        "platform": platform,
        "account": handle,
        "post_id": "p0",
        "comment_id": comment_id,
        "author": f"warga_{comment_id}",
        "created_at": created,
        "text": text,
        "replied_at": created + pd.Timedelta(hours=reply_after_h)
        if reply_after_h is not None
        else pd.NaT,
    }
    row.update(kw)
    return row


def comments(rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return schema.empty("comments")
    df = pd.DataFrame(rows)
    df["replied_at"] = pd.to_datetime(df["replied_at"], utc=True)
    return schema.conform(df, "comments", source="test")


def daily_posts(
    platform: str, handle: str, n: int, every_days: float = 1.0, start_days_ago: float = 0.5, **kw
) -> list[dict]:
    return [
        post(platform, handle, f"{handle}-{i}", start_days_ago + i * every_days, **kw)
        for i in range(n)
    ]


def world():
    """Three accounts of one agency with one clear problem each, and data to show it."""
    acc = accounts(
        account("instagram", "humas_kota"),
        account("facebook", "humaskota", profile_type="personal", verified=False),
        account("x", "humaskota_x", bio=None, link="https://bit.ly/x", contact=None),
    )
    p = (
        daily_posts("instagram", "humas_kota", 90)
        + daily_posts("facebook", "humaskota", 20, every_days=3, start_days_ago=40)
        + daily_posts("x", "humaskota_x", 10, every_days=5, start_days_ago=120)
    )
    c = [
        comment(
            "instagram", "humas_kota", f"c{i}", 48 + i, "Kapan paspor saya jadi?", reply_after_h=2
        )
        for i in range(8)
    ] + [comment("instagram", "humas_kota", "c9", 60, "Antrean lama banget", reply_after_h=None)]
    return acc, posts(p), comments(c)
