"""Where the apps above custody plug in (they register in their ``AppConfig.ready``; custody imports
none of them — pyproject importlinter: victims | approved_premises -> custody).

- ``on_release_change``: called on commit when a prisoner's release date or licence changes, with
  ``person_id``, ``custody_id``, ``release_date`` (a date or None) and ``what`` ("release_date"): the
  victims app tells the victim liaison officer (victims.md), approved premises moves a booking.
- ``vlo_told``: answers, for many people at once, whether the VLO has been told of the release
  (``(person_ids, today) -> set of person ids told``). With none registered the releases list says
  "not known" rather than "missing".
- The approved-premises referral link on the prisoner's page is a panel slot (probation.core.panels):
  ``AP_REFERRAL_SLOT``, built with ``person`` and ``custody``.
- The victims' requests for licence conditions on the licence page are a panel slot too:
  ``VICTIM_REQUESTS_SLOT``, built with ``request``, ``person`` and ``custody``. The panel shows each
  request (what is asked, never the victim's name or address) and whether the COM included or declined
  it, with the reason; the COM decides in the victims app (VICTIM_REPRESENTATION_DECIDE). Its template,
  ``custody/licence/_victim_requests.html``, takes ``rows`` (kind, request, status, reason, decide_url).
"""

import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from django.db import transaction

AP_REFERRAL_SLOT = "custody-ap-referral"
VICTIM_REQUESTS_SLOT = "custody-licence-victim-requests"

ReleaseListener = Callable[..., None]
VloToldProvider = Callable[[Iterable[int], dt.date], set[int]]

_release_listeners: list[ReleaseListener] = []
_vlo_told: list[VloToldProvider] = []


def register_release_listener(listener: ReleaseListener) -> ReleaseListener:
    if listener not in _release_listeners:
        _release_listeners.append(listener)
    return listener


def register_vlo_told(provider: VloToldProvider) -> VloToldProvider:
    if provider not in _vlo_told:
        _vlo_told.append(provider)
    return provider


def unregister_all() -> None:
    """For tests only."""
    _release_listeners.clear()
    _vlo_told.clear()


def release_changed(**change: Any) -> None:
    """Tell every listener after the transaction commits (nothing is told of a change rolled back)."""
    for listener in list(_release_listeners):
        transaction.on_commit(partial(listener, **change))


def vlo_told(person_ids: Iterable[int], today: dt.date) -> set[int] | None:
    """The people whose VLO has been told; None when no app answers (not known)."""
    if not _vlo_told:
        return None
    ids = list(person_ids)
    told: set[int] = set()
    for provider in _vlo_told:
        told |= provider(ids, today)
    return told
