"""Module 2: analyse engagement honestly.

One definition of engagement for the whole lab (:func:`engagements`: likes +
comments + shares + saves, counting only what the platform reports) and the
rates built on it, each naming its denominator; breakdowns with ``n`` and a
distribution-free interval for the median; topics, best times, momentum, the
ranking flip, bought-follower detection and comparisons with peers and
published sector figures. Pure functions: DataFrames in, DataFrames out.

>>> from labkit import data, engagement
>>> posts, accounts = data.load("posts"), data.load("accounts")     # doctest: +SKIP
>>> engagement.summary(posts, "platform", accounts=accounts,
...                    followers=data.load("followers"))             # doctest: +SKIP
"""

from __future__ import annotations

from labkit.engagement._common import (
    BREAKDOWNS,
    DENOMINATORS,
    ENGAGEMENT_ERRORS,
    ENGAGEMENT_METRICS,
    METRICS,
    PERIODS,
    TZ_OFFSET,
    local_time,
    rate_column,
)
from labkit.engagement.anomalies import VERDICTS, follower_anomalies
from labkit.engagement.compare import (
    TIER_LABELS,
    TIERS,
    account_rates,
    compare_peers,
    compare_sector,
    follower_tier,
    ranking_flip,
    sector_figures,
)
from labkit.engagement.glossary import GLOSSARY, glossary, glossary_terms
from labkit.engagement.momentum import momentum, special_days
from labkit.engagement.rates import (
    amplification_rate,
    applause_rate,
    audience_growth_rate,
    conversation_rate,
    denominator_values,
    engagement_rate,
    engagement_values,
    engagements,
    followers_at_posting,
    metrics_summed,
    safe_rate,
    share_of_voice,
    usable_denominators,
)
from labkit.engagement.responses import response_stats
from labkit.engagement.summary import MIN_N, best_times, metric_values, summaries, summary
from labkit.engagement.topics import load_rules, tag_topics, topic_labels

__all__ = [
    "BREAKDOWNS",
    "DENOMINATORS",
    "ENGAGEMENT_ERRORS",
    "ENGAGEMENT_METRICS",
    "GLOSSARY",
    "METRICS",
    "MIN_N",
    "PERIODS",
    "TIERS",
    "TIER_LABELS",
    "TZ_OFFSET",
    "VERDICTS",
    "account_rates",
    "amplification_rate",
    "applause_rate",
    "audience_growth_rate",
    "best_times",
    "compare_peers",
    "compare_sector",
    "conversation_rate",
    "denominator_values",
    "engagement_rate",
    "engagement_values",
    "engagements",
    "follower_anomalies",
    "follower_tier",
    "followers_at_posting",
    "glossary",
    "glossary_terms",
    "load_rules",
    "local_time",
    "metric_values",
    "metrics_summed",
    "momentum",
    "ranking_flip",
    "rate_column",
    "response_stats",
    "safe_rate",
    "sector_figures",
    "share_of_voice",
    "special_days",
    "summaries",
    "summary",
    "tag_topics",
    "topic_labels",
    "usable_denominators",
]
