"""The SCCT advisor: which response strategy fits a crisis (Coombs 2007).

Source: domain brief section 5.1 (Situational Crisis Communication Theory; Wikipedia's
Table 1 summary and the deny/diminish/rebuild grouping). The rules, as the brief states them:

* instructing and adjusting information always come first;
* victim cluster, no crisis history and a neutral or positive reputation: instructing and
  adjusting information are enough;
* diminish for accidental crises, or for victim crises with a history or a poor reputation;
* rebuild for preventable crises, or for accidental crises with a history or a poor reputation;
* deny only for rumours and unwarranted challenges;
* bolstering is a supplement to any strategy, never the response on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from labkit import i18n
from labkit.errors import LabkitError

CLUSTERS = ("victim", "accidental", "preventable")
#: Crisis type -> cluster.
CRISIS_TYPES: dict[str, str] = {
    "natural_disaster": "victim",
    "rumour": "victim",
    "workplace_violence": "victim",
    "malevolence": "victim",
    "challenge": "accidental",
    "technical_error_accident": "accidental",
    "technical_error_harm": "accidental",
    "human_error_accident": "preventable",
    "human_error_harm": "preventable",
    "organisational_misdeed": "preventable",
    "organisational_misdeed_injuries": "preventable",
}
_ALIASES = {
    "rumor": "rumour",
    "tampering": "malevolence",
    "product_tampering": "malevolence",
    "malevolence_tampering": "malevolence",
    "technical_error_product_harm": "technical_error_harm",
    "human_error_product_harm": "human_error_harm",
    "organizational_misdeed": "organisational_misdeed",
    "organisational_misdeed_with_injuries": "organisational_misdeed_injuries",
    "organizational_misdeed_with_injuries": "organisational_misdeed_injuries",
    "organisational_misdeed_without_injuries": "organisational_misdeed",
    "bencana_alam": "natural_disaster",
    "rumor_hoaks": "rumour",
    "hoaks": "rumour",
}
REPUTATIONS = ("positive", "neutral", "negative")
_REPUTATION_ALIASES = {
    "baik": "positive",
    "netral": "neutral",
    "buruk": "negative",
    "poor": "negative",
}
STRATEGIES = ("instructing_adjusting", "deny", "diminish", "rebuild")
TACTICS = {
    "deny": ("attack_accuser", "denial", "scapegoat"),
    "diminish": ("excuse", "justification"),
    "rebuild": ("compensation", "apology"),
    "bolstering": ("reminder", "ingratiation", "victimage"),
}
_RESPONSIBILITY = {"victim": "weak", "accidental": "moderate", "preventable": "strong"}


@dataclass(frozen=True)
class Advice:
    """What SCCT recommends for one crisis, with its reasoning.

    ``strategy`` is the recommended group: ``instructing_adjusting`` (those alone),
    ``deny``, ``diminish`` or ``rebuild``; ``first`` always lists instructing and
    adjusting information; ``supplement`` is bolstering.
    """

    crisis_type: str
    cluster: str
    responsibility: str
    history: bool
    reputation: str
    strategy: str
    tactics: tuple[str, ...]
    first: tuple[str, ...] = ("instructing", "adjusting")
    supplement: tuple[str, ...] = ("bolstering",)
    reasoning: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def explain(self) -> str:
        """The reasoning and warnings as text, in the trainee's language."""
        return "\n".join(("- " + r) for r in self.reasoning + self.warnings)

    def __str__(self) -> str:
        return self.explain()


def _key(value: str) -> str:
    value = re.sub(r"\(.*?\)", "", str(value)).strip().lower()
    return re.sub(r"[^a-z0-9]+", "_", value).strip("_")


def check_crisis_type(crisis_type: str) -> str:
    key = _key(crisis_type)
    key = _ALIASES.get(key, key)
    if key not in CRISIS_TYPES:
        raise LabkitError(
            "crisis.unknown_type", crisis_type=crisis_type, valid=", ".join(CRISIS_TYPES)
        )
    return key


def check_strategy(strategy: str) -> str:
    key = _key(strategy)
    if key not in STRATEGIES and key != "bolstering":
        valid = ", ".join((*STRATEGIES, "bolstering"))
        raise LabkitError("crisis.unknown_strategy", strategy=strategy, valid=valid)
    return key


def advise(
    crisis_type: str,
    *,
    history: bool = False,
    reputation: str = "neutral",
    unwarranted: bool = False,
    chosen: str | None = None,
) -> Advice:
    """Recommend an SCCT response strategy.

    Parameters
    ----------
    crisis_type : str
        One of :data:`CRISIS_TYPES` (spaces, hyphens and a parenthetical note are
        accepted: ``"technical-error accident"``, ``"organisational misdeed (data leak)"``).
    history : bool
        Has the agency had a similar crisis before?
    reputation : str
        Prior reputation: ``positive``, ``neutral`` or ``negative`` (``baik``/``netral``/``buruk``).
    unwarranted : bool
        For a ``challenge``: the stakeholders' claim is unwarranted (deny fits).
    chosen : str, optional
        The strategy the trainee chose; ``deny`` for an accidental or preventable crisis
        (other than an unwarranted challenge) gives a warning.

    Returns
    -------
    Advice
    """
    ctype = check_crisis_type(crisis_type)
    rep = _REPUTATION_ALIASES.get(_key(reputation), _key(reputation))
    if rep not in REPUTATIONS:
        raise LabkitError(
            "crisis.unknown_reputation", reputation=reputation, valid=", ".join(REPUTATIONS)
        )
    cluster = CRISIS_TYPES[ctype]
    intensified = bool(history) or rep == "negative"
    reasons = [
        i18n.t("crisis.advise.cluster", cluster=i18n.t(f"crisis.cluster.{cluster}")),
        i18n.t("crisis.advise.first"),
    ]
    if ctype == "rumour" or (ctype == "challenge" and unwarranted):
        strategy = "deny"
        reasons.append(i18n.t("crisis.advise.deny"))
    elif cluster == "victim":
        if intensified:
            strategy = "diminish"
            reasons.append(i18n.t("crisis.advise.victim_intensified"))
        else:
            strategy = "instructing_adjusting"
            reasons.append(i18n.t("crisis.advise.victim_base"))
    elif cluster == "accidental":
        if intensified:
            strategy = "rebuild"
            reasons.append(i18n.t("crisis.advise.accidental_intensified"))
        else:
            strategy = "diminish"
            reasons.append(i18n.t("crisis.advise.accidental_base"))
    else:
        strategy = "rebuild"
        reasons.append(i18n.t("crisis.advise.preventable"))
    reasons.append(i18n.t("crisis.advise.bolstering"))
    warnings = []
    if chosen is not None:
        pick = check_strategy(chosen)
        if pick == "deny" and strategy != "deny" and cluster != "victim":
            warnings.append(
                i18n.t("crisis.advise.warn_deny", cluster=i18n.t(f"crisis.cluster.{cluster}"))
            )
        elif pick == "bolstering":
            warnings.append(i18n.t("crisis.advise.warn_bolstering"))
        elif pick != strategy:
            warnings.append(i18n.t("crisis.advise.warn_other", chosen=pick, strategy=strategy))
    return Advice(
        crisis_type=ctype,
        cluster=cluster,
        responsibility=_RESPONSIBILITY[cluster],
        history=bool(history),
        reputation=rep,
        strategy=strategy,
        tactics=TACTICS.get(strategy, ()),
        reasoning=tuple(reasons),
        warnings=tuple(warnings),
    )
