import logging

from probation.core.logging import RedactPersonalDataFilter, redact


def test_crns_and_query_strings_are_redacted():
    assert (
        redact("Not Found: /cases/X320741/addresses?q=John+Smith")
        == "Not Found: /cases/[CRN]/addresses?[redacted]"
    )


def test_the_filter_rewrites_records_before_handlers_see_them():
    record = logging.LogRecord(
        "django.request", logging.WARNING, "", 0, "Not Found: %s", ("/cases/A123456/",), None
    )

    RedactPersonalDataFilter().filter(record)

    assert record.getMessage() == "Not Found: /cases/[CRN]/"
