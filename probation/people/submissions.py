"""Once-only "add" forms (issue 9 item 7): the form carries a one-time key made when it is shown.
The POST that saves records the key in the same transaction; any later POST with it (a double-click,
a resend after a slow response) redirects to where the first one went and saves nothing. The unique
(actor, key) constraint settles two POSTs that race: the loser's whole transaction rolls back."""

import uuid
from typing import Any

from django import forms
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect

from probation.accounts.http import AuthenticatedHttpRequest
from probation.core.errors import ConflictError
from probation.frontend.forms import GovukForm
from probation.people.models import FormSubmission
from probation.people.shell import CaseFormView

SUBMISSION_FIELD = "submission_key"


class OnceOnlySubmissionMixin(CaseFormView):
    """Put first in a CaseFormView subclass's bases: ``class XAddView(OnceOnlySubmissionMixin,
    XFormView)``. It wraps ``post`` and ``show``, so the view's own ``get_form`` and ``save`` stay."""

    def form_context(self, form: GovukForm, conflict: ConflictError | None = None) -> dict[str, Any]:
        """Every showing of the form (the first GET and a re-shown invalid POST) carries a new key."""
        form.fields[SUBMISSION_FIELD] = forms.UUIDField(
            widget=forms.HiddenInput, required=False, initial=uuid.uuid4
        )
        return super().form_context(form, conflict)

    def _submission_key(self) -> uuid.UUID | None:
        try:
            return uuid.UUID(self.request.POST.get(SUBMISSION_FIELD, ""))
        except ValueError:
            return None

    def _earlier(self, key: uuid.UUID) -> HttpResponse | None:
        earlier = FormSubmission.objects.filter(actor=self.request.user, key=key).first()
        return redirect(earlier.redirect_to) if earlier else None

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = self._submission_key()
        if key is None:
            return super().post(request, *args, **kwargs)
        if (earlier := self._earlier(key)) is not None:
            return earlier
        try:
            with transaction.atomic():
                response = super().post(request, *args, **kwargs)
                if isinstance(response, HttpResponseRedirect):  # saved
                    FormSubmission.objects.create(
                        actor=request.user, key=key, redirect_to=response["Location"]
                    )
        except IntegrityError:
            if (earlier := self._earlier(key)) is None:
                raise
            return earlier
        return response
