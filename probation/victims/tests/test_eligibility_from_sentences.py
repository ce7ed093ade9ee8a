"""A sentence recorded for a violent or sexual offence with 12 months or more in custody brings the case
into the scheme, on its region's unit list with the first-contact deadline (issue 15 item 1)."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.sentences.services.events import OffenceInput, SentenceInput, event_create
from probation.victims.models import KeyStageTask, SchemeCase
from probation.victims.tests.factories import SchemeCaseFactory, vlo_user

pytestmark = pytest.mark.django_db
D = dt.date


def _sentence(officer_user, case, *, code="02000", months=24, kind="standard_determinate", type_="custodial"):
    return event_create(
        actor=officer_user,
        crn=case.crn,
        conviction_date=D(2026, 10, 1),
        court="Leeds Crown Court",
        main_offence=OffenceInput(code, D(2026, 5, 1)),
        sentence=SentenceInput(
            type=type_,
            sentence_date=D(2026, 10, 5),
            start_date=D(2026, 10, 5),
            custodial_months=months,
            kind=kind,
        ),
    )


def test_a_qualifying_sentence_enters_the_statutory_scheme_with_the_deadline(officer_user, case):
    event = _sentence(officer_user, case)

    found = SchemeCase.objects.get()
    assert (found.person, found.event, found.scheme, found.basis) == (
        case,
        event,
        "statutory",
        "custody_12_months",
    )
    # 40 working days after Monday 5 October 2026 (no bank holiday in between).
    assert found.first_contact_due == D(2026, 11, 30)
    assert found.region == case.pdu.region
    assert list(KeyStageTask.objects.values_list("kind", "event_date")) == [("sentenced", D(2026, 10, 5))]


@pytest.mark.parametrize(
    ("code", "months"),
    [("05300", 36), ("02000", 11)],
    ids=["not-violent-or-sexual", "under-12-months"],
)
def test_a_sentence_that_does_not_qualify_leaves_the_scheme_alone(officer_user, case, code, months):
    _sentence(officer_user, case, code=code, months=months)

    assert not SchemeCase.objects.exists()


def test_the_case_appears_on_its_regions_unit_list_flagged_when_overdue(client, officer_user, case, today):
    _sentence(officer_user, case)
    SchemeCaseFactory(first_contact_due=D(2026, 1, 2), person__pdu=case.pdu)  # long overdue
    vlo = vlo_user(case)
    other_region = vlo_user(SchemeCaseFactory().person)
    client.force_login(vlo)

    response = client.get(reverse("victims:unit"))

    rows = response.context["rows"]
    labels = {row.crn: row.status.label for row in rows}
    assert list(labels.values()) == ["Overdue", "Due"]  # soonest due first
    assert labels[case.crn] == "Due"
    assert "1 case overdue" in response.content.decode()
    client.force_login(other_region)
    assert case.crn not in [row.crn for row in client.get(reverse("victims:unit")).context["rows"]]


def test_the_unit_list_reads_in_a_constant_number_of_queries(client, case, django_assert_max_num_queries):
    vlo = vlo_user(case)
    client.force_login(vlo)
    SchemeCaseFactory(person__pdu=case.pdu)
    with django_assert_max_num_queries(50) as few:
        client.get(reverse("victims:unit"))
    for _ in range(5):
        SchemeCaseFactory(person__pdu=case.pdu, vlo=vlo.staff)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("victims:unit"))

    assert len(response.context["rows"]) == 6
