"""Case review pages (issue 17 item 5), on the case shell: the case's reviews, the officer's review
form and the manager's oversight form. The person comes through the policy; a review of another case,
or one not in the state the form needs, is the same 404 as a CRN that does not exist."""

from typing import Any

from django.urls import reverse

from probation.accounts.policy import Permission
from probation.core.clock import today_uk
from probation.people.shell import CaseFormView, CasePageView
from probation.worklists.case_reviews.forms import CaseReviewForm, OversightForm
from probation.worklists.case_reviews.presenters import reason_text, review_row
from probation.worklists.case_reviews.selectors import case_review_get, case_reviews, may_oversee, may_record
from probation.worklists.case_reviews.services import CASE_REVIEW, case_review_oversee, case_review_record
from probation.worklists.models import CaseReview

SECTION = "case-reviews"


class CaseReviewsView(CasePageView):
    section = SECTION
    view_permission = Permission.CASE_REVIEW_VIEW
    person_details = False
    template_name = "worklists/case_reviews/list.html"
    shown: list[int]

    def page_context(self) -> dict[str, Any]:
        today = today_uk()
        reviews = list(case_reviews(self.person))
        self.shown = [r.pk for r in reviews]
        user = self.request.user
        rows = [
            (
                review_row(review, today=today),
                may_record(user, self.person, review),
                may_oversee(user, self.person, review),
            )
            for review in reviews
        ]
        return {"rows": rows}

    def audit_detail(self) -> dict[str, Any]:
        return {"case_reviews": self.shown}


class _ReviewFormView(CaseFormView):
    section = SECTION
    view_permission = Permission.CASE_REVIEW_VIEW
    person_details = False
    template_name = "worklists/case_reviews/form.html"
    review: CaseReview

    def allowed(self) -> bool:
        raise NotImplementedError

    def may_open(self) -> bool:
        review = case_review_get(self.person, int(self.kwargs["review_id"]))
        if review is None:
            return False
        self.review = review
        return self.allowed()

    def audit_object(self) -> tuple[str, object]:
        return CASE_REVIEW, self.review.pk

    def initial(self) -> dict[str, Any]:
        return {"version": self.review.version}

    @property
    def extra(self) -> dict[str, Any]:
        return {"review": review_row(self.review, today=today_uk()), "reason": reason_text(self.review)}

    def success_url(self) -> str:
        return reverse("worklists:case-reviews", args=[self.person.crn])


class CaseReviewRecordView(_ReviewFormView):
    permission = Permission.CASE_REVIEW_RECORD
    form_class = CaseReviewForm
    title = "Review the case"
    success_message = "Review sent to your manager for oversight"
    page = "case_review_record"

    def allowed(self) -> bool:
        return may_record(self.request.user, self.person, self.review)

    def initial(self) -> dict[str, Any]:
        return super().initial() | {"reviewed_on": today_uk()}

    def save(self, data: dict[str, Any]) -> None:
        case_review_record(
            actor=self.request.user,
            person=self.person,
            review_id=self.review.pk,
            expected_version=data["version"],
            data=data,
            today=today_uk(),
        )


class CaseReviewOversightView(_ReviewFormView):
    permission = Permission.CASE_REVIEW_OVERSEE
    form_class = OversightForm
    title = "Oversee the case review"
    success_message = "Oversight recorded: the review is complete"
    page = "case_review_oversight"

    def allowed(self) -> bool:
        return may_oversee(self.request.user, self.person, self.review)

    def save(self, data: dict[str, Any]) -> None:
        case_review_oversee(
            actor=self.request.user,
            person=self.person,
            review_id=self.review.pk,
            expected_version=data["version"],
            outcome=data["outcome"],
            note=data["note"],
        )
