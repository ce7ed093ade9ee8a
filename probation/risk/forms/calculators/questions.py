"""The wording of every predictor input, shared by all the calculators that ask it.

Labels and hints follow /work/shared/domain/predictors.md (common definitions and each predictor's
inputs). `what` names the answer in an error message ("Select a gender", "Enter the total number of
sanctions"); it defaults to the label.
"""

from dataclasses import dataclass

from probation.rules.predictors import Awareness, Gender, Motivation, ProblemLevel


@dataclass(frozen=True)
class Question:
    label: str
    hint: str = ""
    what: str = ""


# Answers as staff read them; the stored values are the predictors' own (predictors.md § OGP scores).
CHOICE_LABELS: dict[type, dict[str, str]] = {
    Gender: {"male": "Male", "female": "Female"},
    ProblemLevel: {"none": "No problems", "some": "Some problems", "significant": "Significant problems"},
    Motivation: {"full": "Full motivation", "partial": "Partial motivation", "none": "No motivation"},
    Awareness: {"yes": "Yes", "sometimes": "Sometimes", "no": "No"},
}
YES_NO = (("yes", "Yes"), ("no", "No"))
NOT_KNOWN = ("", "Not known")

_SANCTIONS = "Count convictions, cautions, reprimands and warnings."
_PROBLEMS = "the level of problems with "

QUESTIONS: dict[str, Question] = {
    # About the person
    "gender": Question(
        "Gender", "The published predictors have coefficients for males and females only.", "a gender"
    ),
    "date_of_birth": Question("Date of birth", "For example, 27 3 1985"),
    # Conviction and dates
    "date_of_current_conviction": Question(
        "Date of current conviction", "The conviction being sentenced or assessed. For example, 14 6 2024"
    ),
    "start_of_follow_up": Question(
        "Start of follow-up",
        "The date reoffending is predicted from: the sentence date for a community sentence, or the "
        "release date (or expected release date) for custody. For example, 14 6 2024",
    ),
    "assessment_date": Question("Assessment date", "Usually today. For example, 14 6 2024"),
    "current_offence_code": Question(
        "Current offence code",
        "The Home Office offence code: the 3-digit offence category then the 2-digit sub-category, "
        "for example 02801",
        "the current offence code",
    ),
    # Criminal history
    "total_sanctions": Question(
        "Total sanctions",
        "All convictions, cautions, reprimands and warnings, including the current one.",
        "the total number of sanctions",
    ),
    "violent_sanctions": Question(
        "Violent sanctions",
        "How many of the total sanctions were for violent offences.",
        "the number of violent sanctions",
    ),
    "age_at_first_sanction": Question(
        "Age at first sanction",
        "Age in years at the first conviction, caution, reprimand or warning.",
        "the age at first sanction",
    ),
    # OGP
    "ogrs3_two_year_percent": Question(
        "OGRS3 2-year score",
        "The percentage, a whole number from 1 to 99. Use the OGRS3 calculator if you do not have it.",
        "the OGRS3 2-year score",
    ),
    "no_fixed_abode_or_transient": Question(
        "Do they have no fixed abode, or live in transient accommodation?",
        what="whether they have no fixed abode or transient accommodation",
    ),
    "unemployed": Question("Are they unemployed?", what="whether they are unemployed"),
    "regular_activities_encourage_offending": Question(
        "Do their regular activities encourage offending?",
        what=_PROBLEMS + "regular activities",
    ),
    "current_drug_misuse": Question("Current drug misuse", what=_PROBLEMS + "current drug misuse"),
    "motivation_to_tackle_drug_misuse": Question(
        "Motivation to tackle drug misuse", what="the motivation to tackle drug misuse"
    ),
    "problem_solving": Question("Problem-solving skills", what=_PROBLEMS + "problem-solving skills"),
    "awareness_of_consequences": Question(
        "Are they aware of the consequences of their actions?", what="the awareness of consequences"
    ),
    "understands_other_peoples_views": Question(
        "Understanding of other people’s views", what=_PROBLEMS + "understanding other people’s views"
    ),
    "pro_criminal_attitudes": Question("Pro-criminal attitudes", what=_PROBLEMS + "pro-criminal attitudes"),
    # OVP
    "does_not_recognise_impact_of_offending": Question(
        "Do they fail to recognise the impact of their offending on others?",
        what="whether they recognise the impact of their offending",
    ),
    "current_alcohol_use": Question("Current alcohol use", what=_PROBLEMS + "current alcohol use"),
    "binge_drinking": Question("Binge drinking", what=_PROBLEMS + "binge drinking"),
    "in_psychiatric_treatment": Question(
        "Are they currently in psychiatric treatment?", what="whether they are in psychiatric treatment"
    ),
    "temper_control": Question("Temper control", what=_PROBLEMS + "temper control"),
    # OSP
    "sexual_offence_history": Question(
        "Do they have a sexual offence history?",
        "OSP does not apply to females or to anyone with no sexual offence history.",
        "whether they have a sexual offence history",
    ),
    "contact_adult_sanctions": Question("Contact sexual sanctions against adults", _SANCTIONS),
    "contact_child_sanctions": Question("Contact sexual sanctions against children", _SANCTIONS),
    "non_contact_sanctions": Question(
        "Non-contact sexual sanctions", "Do not include indecent-image offences. " + _SANCTIONS
    ),
    "indecent_image_sanctions": Question("Indecent-image sanctions", _SANCTIONS),
    "last_sexual_sanction_date": Question("Date of last sexual sanction", "For example, 14 6 2019"),
    "most_recent_offence_date": Question("Date of most recent offence", "For example, 14 6 2019"),
    "most_recent_sexual_offence_date": Question(
        "Date of most recent sexual offence", "For example, 14 6 2019"
    ),
    "current_offence_against_stranger": Question(
        "Was the current offence against a stranger?", what="whether the offence was against a stranger"
    ),
    "in_custody": Question("Are they in custody?", what="whether they are in custody"),
    # SNSV dynamic items
    "weapon_in_offence": Question(
        "Was a weapon carried or used in the current offence?", what="whether a weapon was involved"
    ),
    "accommodation_suitability": Question(
        "Suitability of accommodation", what=_PROBLEMS + "accommodation suitability"
    ),
    "relationship_with_partner": Question(
        "Relationship with partner", what=_PROBLEMS + "the relationship with a partner"
    ),
    "current_drinking": Question("Current drinking", what=_PROBLEMS + "current drinking"),
    "impulsivity": Question("Impulsivity", what=_PROBLEMS + "impulsivity"),
    "domestic_abuse_perpetrator_against_partner": Question(
        "Have they perpetrated domestic abuse against a partner?",
        what="whether they have perpetrated domestic abuse against a partner",
    ),
    "previous_homicide": Question("Homicide"),
    "previous_wounding_or_gbh": Question("Wounding or grievous bodily harm (GBH)"),
    "previous_kidnapping": Question("Kidnapping"),
    "previous_firearms": Question("Firearms offences"),
    "previous_robbery": Question("Robbery"),
    "previous_aggravated_burglary": Question("Aggravated burglary"),
    "previous_weapon": Question("Weapon offences"),
    "previous_criminal_damage": Question("Criminal damage"),
    "previous_arson": Question("Arson"),
}
