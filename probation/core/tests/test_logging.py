import logging

import pytest

from probation.core.logging import RedactPersonalDataFilter, redact


def test_crns_and_query_strings_are_redacted():
    assert (
        redact("Not Found: /cases/X320741/addresses?q=John+Smith")
        == "Not Found: /cases/[CRN]/addresses?[redacted]"
    )


@pytest.mark.parametrize("crn", ["x320741", "X320741", "b000001"])
def test_crns_are_redacted_whatever_their_case(crn):
    assert redact(f"Not Found: /cases/{crn}/addresses") == "Not Found: /cases/[CRN]/addresses"


def test_the_filter_rewrites_records_before_handlers_see_them():
    record = logging.LogRecord(
        "django.request", logging.WARNING, "", 0, "Not Found: %s", ("/cases/A123456/",), None
    )

    RedactPersonalDataFilter().filter(record)

    assert record.getMessage() == "Not Found: /cases/[CRN]/"


def test_a_diary_feed_secret_in_the_path_is_redacted():
    secret = "Zk3-_q9xY0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345A"
    logged = redact(f'"GET /diary/{secret}.ics HTTP/1.1" 404')
    assert secret not in logged
    assert logged == '"GET /diary/[token].ics HTTP/1.1" 404'


@pytest.mark.django_db
def test_a_refused_diary_feed_request_logs_no_secret(client, caplog):
    secret = "NotARealLinkButStillASecret0123456789abcdef"
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(f"/diary/{secret}.ics").status_code == 404
    assert caplog.records, "the 404 is logged"
    for record in caplog.records:
        RedactPersonalDataFilter().filter(record)
        assert secret not in record.getMessage()
