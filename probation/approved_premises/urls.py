from django.urls import path

from probation.approved_premises.views import applications, assessments, estate, matching, national, stays

app_name = "approved_premises"

PREMISES = "approved-premises/premises/<int:premises_id>"
CASE = "cases/<str:crn>/approved-premises"
APPLICATION = f"{CASE}/applications/<int:application_id>"
PLACEMENT = f"{CASE}/placements/<int:placement_id>"

urlpatterns = [
    # The estate (issue 16 item 1).
    path("approved-premises/premises/", estate.PremisesListView.as_view(), name="premises-list"),
    path(PREMISES, estate.PremisesDetailView.as_view(), name="premises-detail"),
    path(
        f"{PREMISES}/out-of-service/new",
        estate.OutOfServiceCreateView.as_view(),
        name="out-of-service-create",
    ),
    path(
        f"{PREMISES}/out-of-service/<int:record_id>/cancel",
        estate.OutOfServiceCancelView.as_view(),
        name="out-of-service-cancel",
    ),
    # Applying (item 2).
    path(f"{CASE}/", applications.ApplicationsCaseView.as_view(), name="case"),
    path(f"{CASE}/applications/new", applications.ApplicationStartView.as_view(), name="application-start"),
    path(APPLICATION, applications.ApplicationView.as_view(), name="application"),
    path(
        f"{APPLICATION}/autosave", applications.ApplicationAutosaveView.as_view(), name="application-autosave"
    ),
    path(
        f"{APPLICATION}/information/<int:request_id>/answer",
        applications.InformationAnswerView.as_view(),
        name="information-answer",
    ),
    # Assessing (item 3).
    path("approved-premises/assessments/", assessments.AssessmentListView.as_view(), name="assessment-list"),
    path(f"{APPLICATION}/assess", assessments.AssessView.as_view(), name="assess"),
    path(
        f"{APPLICATION}/assess/information",
        assessments.AssessInformationView.as_view(),
        name="assess-information",
    ),
    # Matching and booking (item 4).
    path("approved-premises/placements/", matching.PlacementListView.as_view(), name="placement-list"),
    path(f"{PLACEMENT}/match", matching.MatchView.as_view(), name="match"),
    path(f"{PLACEMENT}/book", matching.BookView.as_view(), name="book"),
    # The national view (item 7).
    path("approved-premises/national/", national.NationalView.as_view(), name="national"),
    path("approved-premises/national.csv", national.NationalCsvView.as_view(), name="national-csv"),
    # Running the premises (item 5).
    path(f"{PREMISES}/today", stays.PremisesTodayView.as_view(), name="premises-today"),
    path(f"{PREMISES}/bookings/<int:booking_id>", stays.BookingView.as_view(), name="booking"),
    # The night's sign-in register (item 6).
    path(f"{PREMISES}/tonight", stays.TonightView.as_view(), name="premises-tonight"),
]
