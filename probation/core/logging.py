"""Keep personal data out of application logs.

Request paths carry CRNs and query strings carry search terms (names, dates of birth); both are
redacted before any handler sees the record. So is the secret in a diary-feed link's path, which is
a credential (issue 9 item 7).
"""

import logging
import re

# URLs accept a CRN in either case (person_get upper-cases it), so a lower-case one is still a CRN.
CRN_PATTERN = re.compile(r"\b[A-Z][0-9]{6}\b", re.IGNORECASE)
QUERY_PATTERN = re.compile(r"\?[^\s\"']*")
FEED_TOKEN_PATTERN = re.compile(r"/diary/[^/\s\"'?]+\.ics")


def redact(text: str) -> str:
    text = FEED_TOKEN_PATTERN.sub("/diary/[token].ics", text)
    return QUERY_PATTERN.sub("?[redacted]", CRN_PATTERN.sub("[CRN]", text))


class RedactPersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = redact(message)
        record.args = ()
        return True
