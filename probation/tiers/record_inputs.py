"""How stored sentence, requirement, breach and recall records become tiering inputs.

The one mapping from this system's records to ``probation.rules.tiering`` inputs, used by both the
single recalculation and the national bulk recalculation (through ``selectors.tier_inputs_build``),
so the two cannot disagree. Sources are tiering.md § Inputs and § Change level, and enforcement.md.

Sentences (tiering.md § Inputs "sentences": each current or past sentence, its termination date,
whether it is custodial, and its requirements):

- every ``Sentence`` of the person is passed, current and past; ``terminated_on`` is the termination
  date, so a sentence with none is current and any terminated sentence is ignored by the rule
  (tiering.md § Change 1 reads only *current* sentences);
- *custodial*: a custodial sentence and post-sentence supervision (the supervision period of a short
  custodial sentence, managed as part of that custodial sentence) are custodial. A community order
  is not, and neither is a suspended sentence order: its custodial term is suspended and it is
  served in the community under its requirements, so it gives a mandate only through them;
- *requirements*: the sentence's requirements that have not been terminated (``terminated_on`` is
  empty): a requirement that was completed or removed by the court no longer asks anything of the
  person. Each is passed with its main category and whether the category is *restrictive*
  (enforcement.md § Community order requirements: curfew, exclusion, prohibited activity, foreign
  travel prohibition, alcohol abstinence and monitoring, electronic monitoring — the one list in
  ``probation.rules.sentences.requirements.RESTRICTIVE_REQUIREMENTS``);
- *main category*: tiering.md names categories by their national codes only where it needs one:
  ``W`` unpaid work and ``W1`` order extended, which never give a mandate. Unpaid work is passed as
  ``W``; every other requirement as its type (e.g. ``rehabilitation_activity``), which tiering only
  compares with ``W``/``W1``. This system records no "order extended" requirement, so ``W1`` never
  arises.

Previous enforcement activity (tiering.md § Inputs: "any breach or recall process with an outcome was
referred in the last 365 days"), worked out by ``tiering.has_previous_enforcement_activity``:

- a *breach* is referred on ``initiated_on``; it has an outcome once it is concluded
  (``is_breach_concluded``: a court outcome — proven with any disposal, or not proven — or
  withdrawn; enforcement.md § Breach). A breach still initiated or with its pack at court has none;
- a *recall* is referred on ``started_on``; it has an outcome once a senior PO has decided it, recall
  or no recall (enforcement.md § Licences and recall), i.e. its status is past awaiting decision.
  A recall being considered or awaiting the decision has none.

The window is measured to the UK date of the calculation, so a breach or recall drops out of the
tier 365 days after it was referred even if nothing else changes: the nightly bulk recalculation
picks that up.
"""

import datetime as dt
from collections.abc import Iterable

from probation.rules import tiering
from probation.rules.enforcement.breach import is_breach_concluded
from probation.rules.enforcement.transitions import BreachStatus, RecallStatus
from probation.rules.sentences.requirements import RESTRICTIVE_REQUIREMENTS, RequirementType
from probation.rules.tiering.enforcement import ENFORCEMENT_WINDOW_DAYS
from probation.sentences.models.choices import SentenceType

CUSTODIAL_TYPES = frozenset({SentenceType.CUSTODIAL, SentenceType.POST_SENTENCE_SUPERVISION})
UNPAID_WORK_CATEGORY = "W"  # tiering.md § Change 1
# Statuses with an outcome (see the module docstring).
BREACH_OUTCOMES = frozenset(s.value for s in BreachStatus if is_breach_concluded(s))
RECALL_OUTCOMES = frozenset(
    s.value for s in RecallStatus if s not in (RecallStatus.CONSIDERING, RecallStatus.AWAITING_DECISION)
)

# (sentence id, sentence date, sentence type, termination date): what tiering reads from a sentence.
SentenceFacts = tuple[int, dt.date, str, dt.date | None]
SENTENCE_FIELDS = ("id", "sentence_date", "type", "terminated_on")
# (sentence id, requirement type) of a requirement that has not been terminated.
RequirementFacts = tuple[int, str]


def tier_requirement(requirement_type: str) -> tiering.Requirement:
    category = UNPAID_WORK_CATEGORY if requirement_type == RequirementType.UNPAID_WORK else requirement_type
    return tiering.Requirement(
        main_category=category, restrictive=requirement_type in RESTRICTIVE_REQUIREMENTS
    )


def tier_sentences(
    sentences: Iterable[SentenceFacts], requirements: Iterable[RequirementFacts]
) -> tuple[tiering.Sentence, ...]:
    """Sentences oldest first, each with its requirements sorted, so equal records give equal inputs."""
    by_sentence: dict[int, list[str]] = {}
    for sentence_id, requirement_type in requirements:
        by_sentence.setdefault(sentence_id, []).append(requirement_type)
    return tuple(
        tiering.Sentence(
            custodial=sentence_type in CUSTODIAL_TYPES,
            requirements=tuple(tier_requirement(t) for t in sorted(by_sentence.get(sentence_id, ()))),
            termination_date=terminated_on,
        )
        for sentence_id, _, sentence_type, terminated_on in sorted(sentences, key=lambda s: (s[1], s[0]))
    )


def breach_process(initiated_on: dt.date, status: str) -> tiering.EnforcementProcess:
    return tiering.EnforcementProcess(
        kind=tiering.EnforcementKind.BREACH,
        referral_date=initiated_on,
        outcome=status if status in BREACH_OUTCOMES else None,
    )


def recall_process(started_on: dt.date, status: str) -> tiering.EnforcementProcess:
    return tiering.EnforcementProcess(
        kind=tiering.EnforcementKind.RECALL,
        referral_date=started_on,
        outcome=status if status in RECALL_OUTCOMES else None,
    )


def enforcement_window(on: dt.date) -> tuple[dt.date, dt.date]:
    """The referral dates that count on ``on``: the same inclusive window as
    ``tiering.has_previous_enforcement_activity`` (the bulk path filters with it in SQL)."""
    return on - dt.timedelta(days=ENFORCEMENT_WINDOW_DAYS), on
