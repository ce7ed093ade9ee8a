from django.urls import path

from probation.people.api import views as api
from probation.people.views import access, case, edit, lists, transfer

app_name = "people"

urlpatterns = [
    path("cases/mine", lists.CaseloadView.as_view(), name="caseload"),
    path("cases/mine/export.csv", lists.CaseloadExportView.as_view(), name="caseload-export"),
    path("cases/shared", lists.SharedCasesView.as_view(), name="shared"),
    path("cases/new", edit.PersonCreateView.as_view(), name="person-create"),
    path("search", lists.SearchView.as_view(), name="search"),
    path("teams/mine", lists.TeamView.as_view(), name="team"),
    path(
        "teams/mine/officers/<str:staff_code>", lists.OfficerCaseloadView.as_view(), name="officer-caseload"
    ),
    path("cases/<str:crn>/", case.CaseOverviewView.as_view(), name="case-overview"),
    path("cases/<str:crn>/addresses", case.CaseAddressesView.as_view(), name="case-addresses"),
    path("cases/<str:crn>/circumstances", case.CaseCircumstancesView.as_view(), name="case-circumstances"),
    path("cases/<str:crn>/allocation", case.CaseAllocationView.as_view(), name="case-allocation"),
    path("cases/<str:crn>/personal-details/edit", edit.PersonEditView.as_view(), name="person-edit"),
    path("cases/<str:crn>/aliases/new", edit.AliasCreateView.as_view(), name="alias-create"),
    path(
        "cases/<str:crn>/aliases/<int:alias_id>/delete", edit.AliasDeleteView.as_view(), name="alias-delete"
    ),
    path("cases/<str:crn>/addresses/new", edit.AddressCreateView.as_view(), name="address-create"),
    path(
        "cases/<str:crn>/addresses/<int:address_id>/edit", edit.AddressEditView.as_view(), name="address-edit"
    ),
    path(
        "cases/<str:crn>/circumstances/new", edit.CircumstanceCreateView.as_view(), name="circumstance-create"
    ),
    path("cases/<str:crn>/disabilities/new", edit.DisabilityCreateView.as_view(), name="disability-create"),
    path("cases/<str:crn>/allocate", edit.AllocateView.as_view(), name="allocate"),
    path("cases/<str:crn>/transfer", transfer.TransferTeamView.as_view(), name="transfer"),
    path(
        "cases/<str:crn>/transfer/<str:team_code>",
        transfer.TransferOfficerView.as_view(),
        name="transfer-officer",
    ),
    path(
        "cases/<str:crn>/supporting-officers",
        edit.SupportingOfficerView.as_view(),
        name="supporting-officers",
    ),
    path("cases/<str:crn>/partner-shares", edit.PartnerShareView.as_view(), name="partner-share"),
    path("limited-access", access.LimitedAccessFindView.as_view(), name="limited-access-find"),
    path("limited-access/<str:crn>", access.LimitedAccessView.as_view(), name="limited-access"),
    path("api/v1/people", api.person_search_api, name="api-search"),
    path("api/v1/people/<str:crn>", api.person_detail, name="api-person"),
]
