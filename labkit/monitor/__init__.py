"""Module 3: monitor issues and catch a crisis early, with every number inspectable.

Pure functions, DataFrames in and DataFrames out; no widgets (the replay and
labelling views live in :mod:`labkit.widgets`). One job per module:

* :mod:`~labkit.monitor.text` -- normalisation of social-media Indonesian (NFKC,
  case, stretched letters, number-for-letter, spaced-out words, the colloquial map);
* :mod:`~labkit.monitor.replies` -- which comments need a reply (questions and
  complaints): the one owner of the rule the audit's response-rate items use;
* :mod:`~labkit.monitor.triage` -- ``triage(comments)``: label, needs_reply, reason;
* :mod:`~labkit.monitor.sentiment` -- ``sentiment(texts)``: negative/neutral/positive;
* :mod:`~labkit.monitor.labels` -- ``label_comments(comments)``: both in one pass, the
  texts normalised once;
* :mod:`~labkit.monitor.model` -- the small statistical model trained offline at first use
  from the bundled universe's labelled comments (the second approach beside the rules);
* :mod:`~labkit.monitor.evaluate` -- labelled sets, precision/recall/macro-F1,
  confusion matrices, Cohen's kappa and its interval, agreement between labellers;
* :mod:`~labkit.monitor.labelling` -- a trainee labels a sample by hand (saved as it
  is made) to compare with the machine and, on a hub, with the room;
* :mod:`~labkit.monitor.query` -- Boolean queries (``banjir AND (jalan OR tol)``),
  explained matches, volume per hour or day;
* :mod:`~labkit.monitor.spikes` -- ``detect_spikes`` (z-score, EWMA, Poisson) and
  ``backtest`` against known onsets;
* :mod:`~labkit.monitor.bursts` -- ``word_bursts``: a word suddenly filling the complaints;
* :mod:`~labkit.monitor.watch` -- ``watch``: volume spikes and word bursts in one hourly
  table (the default early warning);
* :mod:`~labkit.monitor.replay` -- replaying a stream with cached detection (the replay widget's model);
* :mod:`~labkit.monitor.rise` -- "why did it rise?": rising terms, posts, accounts;
* :mod:`~labkit.monitor.coordination` -- near-duplicate comments from different
  accounts close in time (copy-paste rings);
* :mod:`~labkit.monitor.hoaxes` -- the fictional archive of known hoaxes, fuzzy matching;
* :mod:`~labkit.monitor.severity` -- severity level 1-4 and who is told;
* :mod:`~labkit.monitor.daily` -- the day's summary behind the daily issue report.

The names below are imported on first use, so ``import labkit.monitor`` stays light
(scikit-learn is imported only when the model is used); the modules named like their
function (``_SAME_NAME``) are imported with the package.
"""

from __future__ import annotations

import importlib
from typing import Any

# Public name -> submodule that owns it.
_EXPORTS: dict[str, str] = {
    # text
    "normalize": "text",
    "normalize_texts": "text",
    "tokens": "text",
    "colloquial_map": "text",
    # triage and sentiment
    "LABELS": "triage",
    "triage": "triage",
    "counts": "triage",
    "needs_reply": "replies",
    "SENTIMENTS": "sentiment",
    "sentiment": "sentiment",
    "label_comments": "labels",
    # evaluation
    "labelled_comments": "evaluate",
    "evaluate": "evaluate",
    "cohen_kappa": "evaluate",
    "agreement": "evaluate",
    "agreement_matrix": "evaluate",
    "labelling_sample": "labelling",
    "LabelBook": "labelling",
    # queries, spikes, why
    "parse_query": "query",
    "query": "query",
    "volume": "query",
    "detect_spikes": "spikes",
    "alerts": "spikes",
    "backtest": "spikes",
    "word_bursts": "bursts",
    "watch": "watch",
    "issue_mask": "watch",
    "ISSUE_LABELS": "triage",
    "why_it_rose": "rise",
    "Replay": "replay",
    # coordination, hoaxes, severity
    "near_duplicates": "coordination",
    "near_duplicates_by_account": "coordination",
    "coordinated_accounts": "coordination",
    "hoax_archive": "hoaxes",
    "match_hoaxes": "hoaxes",
    "assess_severity": "severity",
    "escalation_rules": "severity",
    "measure_signals": "severity",
    # the day's summary
    "DailySummary": "daily",
    "daily_summary": "daily",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'labkit.monitor' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"labkit.monitor.{module}"), name)
    globals()[name] = value
    return value


# Submodules named like the function they own (``triage.triage``) are imported now: the
# import system sets ``labkit.monitor.triage`` to the *module* when it first loads it, so a
# lazy import could leave the module where the function belongs. Add such a module here.
_SAME_NAME: tuple[str, ...] = ("triage", "sentiment", "query", "evaluate", "watch")
for _name in _SAME_NAME:
    globals()[_name] = getattr(importlib.import_module(f"labkit.monitor.{_name}"), _name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
