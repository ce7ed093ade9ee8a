"""The PAROM1 as a PDF for the Parole Board's dossier, rendered with WeasyPrint (ADR 0014).

Disclosure safety by construction (ADR 0033, 0046): the dossier is disclosed to the prisoner, so the
PDF reads only the report's disclosable sections (``DISCLOSABLE``, which does not name the annex), the
prisoner's identity and the author. It never reads victim records, MAPPA minutes, contact notes or the
non-disclosable annex, which goes to the Board separately with a non-disclosure request.
"""

import datetime as dt
from typing import Any

from django.template.loader import render_to_string
from weasyprint import HTML

from probation.core.clock import today_uk
from probation.parole.models import ParoleReview
from probation.rules.parole.report import POM_VIEW_LABELS, RECOMMENDATION_LABELS, PomView, Recommendation

# (heading, field) in the PAROM1's order. The annex is deliberately absent.
DISCLOSABLE: tuple[tuple[str, str], ...] = (
    ("Sentence and key dates", "sentence_details"),
    ("Contact with the prisoner", "contact_with_prisoner"),
    ("Risk of serious harm: at sentence and since", "rosh_history"),
    ("Victims: impact of the offence", "victim_impact"),
    ("Interventions", "interventions"),
    ("Sentence plan", "sentence_plan"),
    ("MAPPA", "mappa"),
    ("Current risk and RoSH analysis", "current_risk"),
    ("Risk management plan", "risk_management_plan"),
    ("Resettlement and supervision plan", "release_plan"),
)


def _label(labels: dict[Any, str], value: str, enum: Any) -> str:
    return labels[enum(value)] if value in set(enum) else ""


def parom1_pdf_context(*, review: ParoleReview, prisoner: dict[str, Any]) -> dict[str, Any]:
    """Only the report's own disclosable fields, the prisoner's identity and the signatory."""
    signer = review.signed_by or review.author
    return {
        "draft": not review.is_signed,
        "prisoner": prisoner,
        "target_on": review.target_on,
        "sections": [(heading, getattr(review, field)) for heading, field in DISCLOSABLE],
        "vlo_contacted_on": review.vlo_contacted_on,
        "victims_in_scheme": review.get_victims_in_scheme_display(),
        "vps": review.get_vps_display(),
        "recommendation": _label(RECOMMENDATION_LABELS, review.recommendation, Recommendation),
        "recommendation_reasons": review.recommendation_reasons,
        "pom_view": _label(POM_VIEW_LABELS, review.pom_view, PomView),
        "pom_difference": review.pom_difference,
        "next_steps": review.next_steps,
        "hearing_needs": review.hearing_needs,
        "sources": review.sources,
        "signature": {
            "name": str(signer),
            "grade": signer.staff.get_grade_display() if signer.staff is not None else "",
            "date": review.signed_at.date() if review.signed_at else None,
        },
        "today": today_uk(),
    }


def prisoner_identity(
    *, name: str, date_of_birth: dt.date, crn: str, pnc: str, prison: str
) -> dict[str, Any]:
    return {"name": name, "date_of_birth": date_of_birth, "crn": crn, "pnc": pnc, "prison": prison}


def render_parom1_pdf(context: dict[str, Any]) -> bytes:
    html = render_to_string("parole/parom1_pdf.html", context)
    return HTML(string=html, base_url=None).write_pdf()
