"""Original Indonesian text resources for the fictional universe's comments.

Everything here was written for Humas Lab (MIT, like the rest of the package):
the slang map, the templates, the name parts for handles and the crisis
scenarios. Nothing is copied from kamus-alay, InSet or any other lexicon
without an open licence (see ``docs/universe-comments.md``).

The lists are data: one YAML file per group beside this module (``slang.yaml``,
``topics.yaml``, ``templates.yaml``, ``crises.yaml``...), each mapping the Python
names below to their values. YAML lists are read as tuples and ``!!set`` as
frozensets, so the names keep the types and order they had as Python literals and
the generated universe stays byte-identical. Edit a list in its YAML file; a name
that is missing from, or extra in, the files is an error at import.

Templates
---------
Templates are lower-case Indonesian sentences with ``{slot}`` placeholders.
Slots come in two kinds:

* *word slots* (``VOCAB_SLOTS``): filled from the word lists below (per topic
  where the list depends on the post's topic); they follow the comment's
  casing.
* *raw slots* (``RAW_SLOTS``): numbers, contacts and codes generated per
  comment (money, clock times, dates, queue and booking numbers, the agency's
  official contacts, emergency numbers). They are never re-cased. They are the
  *hard negatives* of the privacy exercises: they look like personal data but
  must not be masked.

The colloquial forms the generator writes are exactly those listed in
:data:`SLANG`, :data:`PARTICLES`, :data:`ADDRESS_FORMS` and the laughter and
elongation patterns; :func:`labkit.universe.comments.colloquial_mask` detects
them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from labkit.i18n import MONTHS, WEEKDAYS

_DIR = Path(__file__).resolve().parent


def _frozen(value: Any) -> Any:
    """Lists -> tuples and sets -> frozensets, recursively (the literals' own types)."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, set):
        return frozenset(value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


def _read() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = {}
    for path in sorted(_DIR.glob("*.yaml")):
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
        if not isinstance(content, dict):
            raise ValueError(f"{path}: must map list names to values")
        for name, value in content.items():
            if name in data:
                raise ValueError(f"{path}: {name} is defined in two lexicon files")
            data[name] = _frozen(value)
    return data


_DATA = _read()


def _take(name: str) -> Any:
    try:
        return _DATA.pop(name)
    except KeyError:
        raise ValueError(f"{_DIR}: no lexicon file defines {name}") from None


# Slang map: standard form -> colloquial spellings (original list for Humas Lab) (slang.yaml)
SLANG: dict[str, tuple[str, ...]] = _take("SLANG")
#: Particles, interjections and slang words written as they are.
PARTICLES: tuple[str, ...] = _take("PARTICLES")
#: Colloquial ways of addressing the admin or other people.
ADDRESS_FORMS: tuple[str, ...] = _take("ADDRESS_FORMS")
#: Words people stretch for emphasis ("lamaaa", "tolonggg", "minnn"); only these are elongated.
ELONGATABLE: frozenset[str] = _take("ELONGATABLE")
#: Colloquial spellings that are also ordinary standard words; the detector ignores them.
STANDARD_WORDS: frozenset[str] = _take("STANDARD_WORDS")

# Topics: keywords recognised in a post's text and the words comments use about it (topics.yaml)
#: topic -> keywords (lower case) that mark a post as being about the topic.
TOPIC_KEYWORDS: dict[str, tuple[str, ...]] = _take("TOPIC_KEYWORDS")
#: Topic used when a post matches no keyword, by agency kind.
KIND_DEFAULT_TOPIC: dict[str, str] = _take("KIND_DEFAULT_TOPIC")
GENERIC_TOPIC: str = _take("GENERIC_TOPIC")
#: Topic-dependent word slots. ``umum`` is the fallback of every topic.
TOPIC_VOCAB: dict[str, dict[str, tuple[str, ...]]] = _take("TOPIC_VOCAB")
#: Topic-independent word slots.
GLOBAL_VOCAB: dict[str, tuple[str, ...]] = _take("GLOBAL_VOCAB")

# Fictional locality names: prefix + suffix ("Mekarsari", "Sindangjaya"...) (places.yaml)
#: Fictional locality names: prefix + suffix ("Mekarsari", "Sindangjaya"...).
PLACE_PREFIXES: tuple[str, ...] = _take("PLACE_PREFIXES")
PLACE_SUFFIXES: tuple[str, ...] = _take("PLACE_SUFFIXES")
PLACE_KINDS: tuple[str, ...] = _take("PLACE_KINDS")

# Comment pieces by kind (pieces.yaml)
KINDS: tuple[str, ...] = _take("KINDS")
#: Openers by kind (written with their trailing space or comma).
GREETINGS: dict[str, tuple[str, ...]] = _take("GREETINGS")
#: Endings by kind (with their own punctuation).
CLOSERS: dict[str, tuple[str, ...]] = _take("CLOSERS")
#: Emoji sometimes appended after the closer.
EMOJI: tuple[str, ...] = _take("EMOJI")
#: Second sentences joined to a first one (kept short).
SEPARATORS: tuple[str, ...] = _take("SEPARATORS")

# Templates: kind -> topic -> list of templates. "umum" templates fit any post. (templates.yaml)
#: Templates: kind -> topic -> list of templates. "umum" templates fit any post.
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = _take("TEMPLATES")
#: Tails: an optional second clause that says where the writer is from, who else is
#: concerned, or what they wish (most carry a slot, so they vary a lot).
TAILS: dict[str, tuple[str, ...]] = _take("TAILS")
#: Exact short reactions (the only exact duplicates the generator leaves on purpose).
REACTIONS: tuple[str, ...] = _take("REACTIONS")
#: Suffixes used to make an accidental exact copy unique (a real person adds one).
DEDUP_SUFFIXES: tuple[str, ...] = _take("DEDUP_SUFFIXES")

# Personal data (all fake) and hard negatives (personal_data.yaml)
#: Clauses that carry one planted personal-data value; ``{v}`` is the value.
PII_CLAUSES: dict[str, tuple[str, ...]] = _take("PII_CLAUSES")
#: Where a handle mention goes: the whole clause before the comment (a reply) or after it.
MOBILE_PREFIXES: tuple[str, ...] = _take("MOBILE_PREFIXES")
EMAIL_DOMAINS: tuple[str, ...] = _take("EMAIL_DOMAINS")
EMERGENCY_NUMBERS: tuple[str, ...] = _take("EMERGENCY_NUMBERS")
#: Hard-negative clauses appended to some comments (slots are raw values).
HARD_NEGATIVE_CLAUSES: tuple[str, ...] = _take("HARD_NEGATIVE_CLAUSES")
MONEY_AMOUNTS: tuple[int, ...] = _take("MONEY_AMOUNTS")
MONTHS_SHORT_ID: tuple[str, ...] = _take("MONTHS_SHORT_ID")
MONTHS_ID: tuple[str, ...] = MONTHS["id"]
DAYS_ID: tuple[str, ...] = WEEKDAYS["id"]

# Citizens' handles (fictional) (handles.yaml)
#: Common Indonesian given names and nicknames (generic words, no real person).
GIVEN_NAMES: tuple[str, ...] = _take("GIVEN_NAMES")
#: Family-style words used in handles ("bunda_ayu", "kang.asep").
HANDLE_PREFIXES: tuple[str, ...] = _take("HANDLE_PREFIXES")
#: Hobby and everyday words used in handles ("kopi_senja21").
HANDLE_WORDS: tuple[str, ...] = _take("HANDLE_WORDS")

# The coordinated copy-paste ring (ring.yaml)
#: Name-like words for the bot ring's sock-puppet handles.
BOT_SURNAMES: tuple[str, ...] = _take("BOT_SURNAMES")
#: Base messages of the ring's campaigns ({agency} and {tag} filled per campaign).
BOT_MESSAGES: tuple[str, ...] = _take("BOT_MESSAGES")
BOT_TAGS: tuple[str, ...] = _take("BOT_TAGS")
#: Word swaps the ring's copies use so that no two copies are identical.
BOT_SWAPS: dict[str, tuple[str, ...]] = _take("BOT_SWAPS")

# Crisis scenarios (SCCT types after Coombs 2007; see domain brief section 5.1) (crises.yaml)
#: scenario -> definition. ``keywords`` mark the episode's comments (every template
#: carries at least one of them); ``kinds`` are the agency kinds that suit it, best first.
CRISES: dict[str, dict] = _take("CRISES")

if _DATA:
    raise ValueError(
        f"{_DIR}: lexicon names that labkit.universe.lexicon does not know: {sorted(_DATA)}"
    )
