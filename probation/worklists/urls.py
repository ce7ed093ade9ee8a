from django.urls import path

from probation.worklists.case_reviews import views as case_reviews
from probation.worklists.decisions import views as decisions
from probation.worklists.views import lists

app_name = "worklists"

urlpatterns = [
    path("work", lists.MyWorkView.as_view(), name="mine"),
    path("work/team", lists.TeamWorkView.as_view(), name="team"),
    path("work/decisions", decisions.DecisionsView.as_view(), name="decisions"),
    path("work/unallocated", decisions.UnallocatedView.as_view(), name="unallocated"),
    path("work/team/<str:staff_code>", lists.OfficerWorkView.as_view(), name="officer"),
    # Periodic case reviews (issue 17 item 5).
    path("cases/<str:crn>/reviews", case_reviews.CaseReviewsView.as_view(), name="case-reviews"),
    path(
        "cases/<str:crn>/reviews/<int:review_id>/record",
        case_reviews.CaseReviewRecordView.as_view(),
        name="case-review-record",
    ),
    path(
        "cases/<str:crn>/reviews/<int:review_id>/oversight",
        case_reviews.CaseReviewOversightView.as_view(),
        name="case-review-oversight",
    ),
]
