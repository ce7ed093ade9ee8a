from django.urls import path

from probation.risk.views import registrations as views

urlpatterns = [
    path("cases/<str:crn>/registrations", views.RegistrationListView.as_view(), name="registration-list"),
    path("cases/<str:crn>/registrations/new", views.RegistrationAddView.as_view(), name="registration-add"),
    path(
        "cases/<str:crn>/registrations/new/<str:register_type>",
        views.RegistrationAddDetailsView.as_view(),
        name="registration-add-details",
    ),
    path(
        "cases/<str:crn>/registrations/<int:registration_id>",
        views.RegistrationDetailView.as_view(),
        name="registration-detail",
    ),
    path(
        "cases/<str:crn>/registrations/<int:registration_id>/review",
        views.RegistrationReviewView.as_view(),
        name="registration-review",
    ),
    path(
        "cases/<str:crn>/registrations/<int:registration_id>/edit",
        views.RegistrationUpdateView.as_view(),
        name="registration-update",
    ),
    path(
        "cases/<str:crn>/registrations/<int:registration_id>/deregister",
        views.RegistrationDeregisterView.as_view(),
        name="registration-deregister",
    ),
    path("risk/reviews-due", views.RegistrationReviewsDueView.as_view(), name="registration-reviews-due"),
]
