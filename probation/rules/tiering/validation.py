"""Checks every input before any rule runs, collecting all problems into one `TieringInputError`.

Only the defaults tiering.md defines are applied (RSR and OGRS missing ⇒ 0; no needs assessment).
Everything else that is missing or malformed is an error, because a wrong tier is worse than none.
"""

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from probation.rules.tiering.errors import InputProblem, TieringInputError
from probation.rules.tiering.inputs import (
    Gender,
    NeedsAssessment,
    NeedSection,
    Registration,
    Requirement,
    Sentence,
    TierInputs,
)
from probation.rules.tiering.tables import (
    ANSWER_SCORES,
    KNOWN_REGISTRATION_CODES,
    MAPPA_LEVELS,
    MAPPA_REGISTRATION_CODE,
    NEED_SECTIONS,
    RSR_MAX_ACCEPTED,
    WOMENS_FACTOR_QUESTIONS,
    QuestionKind,
)

Problems = list[InputProblem]


def validate_inputs(inputs: object) -> TierInputs:
    """Return `inputs` unchanged if valid, else raise `TieringInputError` naming every bad field."""
    if not isinstance(inputs, TierInputs):
        raise TieringInputError([InputProblem("inputs", f"must be TierInputs, got {type(inputs).__name__}")])
    problems: Problems = []
    _check_gender(inputs.gender, problems)
    _check_rsr(inputs.rsr_percentage, problems)
    _check_ogrs(inputs.ogrs_percentage, problems)
    _check_registrations(inputs.registrations, problems)
    _check_sentences(inputs.sentences, problems)
    if not isinstance(inputs.previous_enforcement_activity, bool):
        problems.append(InputProblem("previous_enforcement_activity", "must be true or false"))
    _check_assessment(inputs.needs_assessment, problems)
    if problems:
        raise TieringInputError(problems)
    return inputs


def _is_date(value: object) -> bool:
    # datetime is a subclass of date, but comparing the two raises TypeError — accept dates only.
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _check_gender(gender: object, problems: Problems) -> None:
    allowed = ", ".join(g.value for g in Gender)
    if not isinstance(gender, str) or gender not in {g.value for g in Gender}:
        problems.append(InputProblem("gender", f"must be one of {allowed}, got {gender!r}"))


def _check_rsr(rsr: object, problems: Problems) -> None:
    """tiering.md § Inputs: RSR %; missing ⇒ 0. Values above 99.99 (up to 100) are accepted because
    § Protect level defines them (they score 0); negatives and > 100 are not percentages."""
    if rsr is None:
        return
    if isinstance(rsr, bool) or not isinstance(rsr, Decimal | int):
        problems.append(
            InputProblem(
                "rsr_percentage", f"must be a Decimal or int (not float, to keep 2 d.p. exact), got {rsr!r}"
            )
        )
        return
    value = Decimal(rsr)
    if not value.is_finite() or not Decimal(0) <= value <= RSR_MAX_ACCEPTED:
        problems.append(InputProblem("rsr_percentage", f"must be between 0 and 100, got {rsr}"))


def _check_ogrs(ogrs: object, problems: Problems) -> None:
    """tiering.md § Inputs: latest OGRS 2-year % as an integer; missing ⇒ 0; § Change: 0 … 100."""
    if ogrs is None:
        return
    if isinstance(ogrs, bool) or not isinstance(ogrs, int):
        problems.append(InputProblem("ogrs_percentage", f"must be a whole number, got {ogrs!r}"))
    elif not 0 <= ogrs <= 100:
        problems.append(InputProblem("ogrs_percentage", f"must be between 0 and 100, got {ogrs}"))


def _check_optional_text(value: object, field: str, problems: Problems) -> None:
    if value is not None and not isinstance(value, str):
        problems.append(InputProblem(field, f"must be text or null, got {value!r}"))


def _check_registrations(registrations: object, problems: Problems) -> None:
    if not isinstance(registrations, tuple | list):
        problems.append(InputProblem("registrations", "must be a list of registrations (empty if none)"))
        return
    for index, registration in enumerate(registrations):
        path = f"registrations[{index}]"
        if not isinstance(registration, Registration):
            problems.append(InputProblem(path, f"must be a Registration, got {type(registration).__name__}"))
            continue
        if not isinstance(registration.code, str) or registration.code not in KNOWN_REGISTRATION_CODES:
            problems.append(InputProblem(f"{path}.code", f"unknown registration code {registration.code!r}"))
        if not _is_date(registration.date):
            problems.append(InputProblem(f"{path}.date", f"must be a date, got {registration.date!r}"))
        _check_optional_text(registration.level, f"{path}.level", problems)
        _check_optional_text(registration.category, f"{path}.category", problems)
        # A MAPPA level outside M0–M3 (e.g. the *category* "M4" put in the level) would otherwise be
        # silently ignored and could drop 150 protect points.
        is_mappa = registration.code == MAPPA_REGISTRATION_CODE
        if is_mappa and isinstance(registration.level, str) and registration.level not in MAPPA_LEVELS:
            levels = ", ".join(MAPPA_LEVELS)
            message = f"MAPPA level must be one of {levels} or null, got {registration.level!r}"
            problems.append(InputProblem(f"{path}.level", message))


def _check_sentences(sentences: object, problems: Problems) -> None:
    if not isinstance(sentences, tuple | list):
        problems.append(InputProblem("sentences", "must be a list of sentences (empty if none)"))
        return
    for index, sentence in enumerate(sentences):
        path = f"sentences[{index}]"
        if not isinstance(sentence, Sentence):
            problems.append(InputProblem(path, f"must be a Sentence, got {type(sentence).__name__}"))
            continue
        if not isinstance(sentence.custodial, bool):
            problems.append(InputProblem(f"{path}.custodial", "must be true or false"))
        if sentence.termination_date is not None and not _is_date(sentence.termination_date):
            problems.append(
                InputProblem(
                    f"{path}.termination_date", f"must be a date or null, got {sentence.termination_date!r}"
                )
            )
        _check_requirements(sentence.requirements, path, problems)


def _check_requirements(requirements: object, sentence_path: str, problems: Problems) -> None:
    if not isinstance(requirements, tuple | list):
        problems.append(
            InputProblem(f"{sentence_path}.requirements", "must be a list of requirements (empty if none)")
        )
        return
    for index, requirement in enumerate(requirements):
        path = f"{sentence_path}.requirements[{index}]"
        if not isinstance(requirement, Requirement):
            problems.append(InputProblem(path, f"must be a Requirement, got {type(requirement).__name__}"))
            continue
        if not isinstance(requirement.main_category, str) or not requirement.main_category.strip():
            problems.append(InputProblem(f"{path}.main_category", "must be a non-empty category code"))
        if not isinstance(requirement.restrictive, bool):
            problems.append(InputProblem(f"{path}.restrictive", "must be true or false"))


def _check_answer(answer: object, kind: QuestionKind, path: str, problems: Problems) -> None:
    allowed = ANSWER_SCORES[kind]
    if answer is not None and (not isinstance(answer, str) or answer not in allowed):
        problems.append(InputProblem(path, f"must be one of {', '.join(allowed)} or null, got {answer!r}"))


def _check_assessment(assessment: object, problems: Problems) -> None:
    if assessment is None:
        return
    if not isinstance(assessment, NeedsAssessment):
        problems.append(
            InputProblem(
                "needs_assessment", f"must be a NeedsAssessment or null, got {type(assessment).__name__}"
            )
        )
        return
    for question, kind in WOMENS_FACTOR_QUESTIONS.items():
        _check_answer(getattr(assessment, question), kind, f"needs_assessment.{question}", problems)
    if not isinstance(assessment.answers, Mapping):
        problems.append(InputProblem("needs_assessment.answers", "must map need sections to their answers"))
        return
    for section_key, answers in assessment.answers.items():
        path = f"needs_assessment.answers.{section_key}"
        rule = NEED_SECTIONS[NeedSection(section_key)] if section_key in NEED_SECTIONS else None
        if rule is None:
            sections = ", ".join(NEED_SECTIONS)
            problems.append(
                InputProblem(path, f"unknown need section {section_key!r}; expected one of {sections}")
            )
            continue
        if not isinstance(answers, Mapping):
            problems.append(InputProblem(path, "must map question names to answers"))
            continue
        kinds = dict(rule.questions)
        for question, answer in answers.items():
            if question not in kinds:
                expected = ", ".join(kinds)
                problems.append(
                    InputProblem(
                        f"{path}.{question}", f"unknown question for {rule.title}; expected one of {expected}"
                    )
                )
                continue
            _check_answer(answer, kinds[question], f"{path}.{question}", problems)
