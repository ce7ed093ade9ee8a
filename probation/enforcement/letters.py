"""Letters and court documents rendered from Django templates to PDF with WeasyPrint (ADR 0014).

Templates live under ``enforcement/letters/``; they are plain HTML with print CSS and take only the
values the caller passes. Fonts come from the system (fonts-liberation on Debian), so nothing is
fetched over the network while rendering.
"""

from typing import Any

from django.template.loader import render_to_string
from weasyprint import HTML


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    html = render_to_string(template, context)
    return HTML(string=html, base_url=None).write_pdf()
