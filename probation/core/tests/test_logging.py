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
