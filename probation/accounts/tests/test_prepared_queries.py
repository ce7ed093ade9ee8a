"""PreparedQuery gives exactly what its queryset gives, from SQL built once (issue 10 performance)."""

import pytest
from django.contrib.sessions.models import Session

from probation.accounts.models import User
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.core.prepared import PreparedQuery

pytestmark = pytest.mark.django_db

user_with_staff: PreparedQuery[User] = PreparedQuery(
    lambda user_id: User.objects.select_related("staff__team__pdu").filter(pk=user_id), user_id=0
)


def _fields(obj: object) -> dict[str, object]:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}  # type: ignore[attr-defined]


def test_same_objects_as_the_queryset_with_related_objects():
    user = UserFactory(staff=StaffFactory())
    for _ in range(2):  # compiled, then from the cache
        (prepared,) = user_with_staff(user_id=user.pk)
        expected = User.objects.select_related("staff__team__pdu").get(pk=user.pk)
        assert _fields(prepared) == _fields(expected)
        assert _fields(prepared.staff) == _fields(expected.staff)
        assert _fields(prepared.staff.team) == _fields(expected.staff.team)
        assert _fields(prepared.staff.team.pdu) == _fields(expected.staff.team.pdu)
        assert not prepared._state.adding
        assert prepared._state.db == "default"


def test_one_query_and_related_objects_cost_none(django_assert_num_queries):
    user = UserFactory(staff=StaffFactory())
    user_with_staff(user_id=user.pk)
    with django_assert_num_queries(1):
        (prepared,) = user_with_staff(user_id=user.pk)
        assert prepared.staff.team.pdu.name


def test_missing_related_object_and_missing_row():
    user = UserFactory(staff=None)
    (prepared,) = user_with_staff(user_id=user.pk)
    assert prepared.staff is None
    assert user_with_staff(user_id=user.pk + 1000) == []


def test_string_parameters():
    by_name = PreparedQuery(lambda username: User.objects.filter(username=username), username="")
    user = UserFactory(username="o'connor; drop")
    assert [u.pk for u in by_name(username="o'connor; drop")] == [user.pk]
    assert by_name(username="nobody") == []


def test_a_transformed_parameter_is_built_each_time():
    """icontains wraps its value in %…%: the placeholder is not among the compiled parameters, so the
    query is built from the queryset on each call, with the same result."""
    containing = PreparedQuery(lambda text: User.objects.filter(username__icontains=text), text="")
    user = UserFactory(username="findme-123")
    assert [u.pk for u in containing(text="dme-1")] == [user.pk]
    assert containing(text="absent") == []


def test_deferred_fields_load_on_access():
    only = PreparedQuery(lambda key: Session.objects.filter(session_key=key).only("expire_date"), key="")
    user = UserFactory()
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store["who"] = user.pk
    store.create()
    assert store.session_key
    (session,) = only(key=store.session_key)
    assert session.expire_date == Session.objects.get(pk=store.session_key).expire_date
    assert session.get_decoded() == {"who": user.pk}


def test_wrong_parameters_are_refused():
    with pytest.raises(TypeError):
        user_with_staff(pk=1)


def test_lists_values_and_dates():
    """A list parameter compiles once per length; values_list rows and date parameters come back as the
    queryset gives them."""
    import datetime as dt

    users = [UserFactory() for _ in range(3)]
    joined = PreparedQuery(
        lambda ids, since: (
            User.objects.filter(pk__in=ids, date_joined__date__gte=since)
            .order_by("pk")
            .values_list("pk", "username")
        ),
        ids=[0],
        since=dt.date.min,
    )
    ids = [u.pk for u in users]
    today = dt.date.today()
    for chosen in (ids, ids[:2], ids[1:], [ids[0]], []):
        expected = list(
            User.objects.filter(pk__in=chosen, date_joined__date__gte=today)
            .order_by("pk")
            .values_list("pk", "username")
        )
        assert joined(ids=chosen, since=today) == expected
    assert joined(ids=ids, since=today + dt.timedelta(days=400)) == []


def test_a_value_read_from_the_clock_is_never_kept():
    """The builder must depend only on its parameters; one that reads the clock gives different SQL
    parameters on each build, so it is built each time (and so stays right)."""
    import datetime as dt

    from django.utils import timezone

    recent = PreparedQuery(
        lambda username: User.objects.filter(username=username, date_joined__lte=timezone.now()),
        username="",
    )
    user = UserFactory(username="clock")
    assert [u.pk for u in recent(username="clock")] == [user.pk]
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() + dt.timedelta(seconds=1))
    assert [u.pk for u in recent(username="clock")] == []
    import time

    time.sleep(1.1)
    assert [u.pk for u in recent(username="clock")] == [user.pk]
    assert all(compiled is None for compiled in recent._compiled.values())


def test_prefetches_run_as_usual(django_assert_num_queries):
    from django.db.models import Prefetch

    from probation.accounts.models import Staff, Team

    first = StaffFactory()
    StaffFactory(team=first.team)
    with_staff = PreparedQuery(
        lambda team_id: Team.objects.filter(pk=team_id).prefetch_related(
            Prefetch("staff", queryset=Staff.objects.order_by("code"))
        ),
        team_id=0,
    )
    with_staff(team_id=first.team_id)
    with django_assert_num_queries(2):
        (team,) = with_staff(team_id=first.team_id)
        codes = [s.code for s in team.staff.all()]
    assert codes == sorted(Staff.objects.filter(team=first.team).values_list("code", flat=True))
    assert len(codes) == 2


def test_parameters_of_one_type_never_share_a_placeholder():
    """Two ints and a list of ints: each value lands where its own parameter was (a placeholder shared
    between parameters once put one user's id where another parameter's belonged)."""
    from django.db.models import Q

    users = [UserFactory() for _ in range(4)]
    either = PreparedQuery(
        lambda first, second, ids: User.objects.filter(Q(pk=first) | Q(pk=second) | Q(pk__in=ids)).order_by(
            "pk"
        ),
        first=0,
        second=0,
        ids=[0],
    )
    a, b, c, d = (u.pk for u in users)
    for first, second, ids in ((a, b, [c]), (b, c, [d]), (d, d, [a, b]), (c, a, [b, d])):
        expected = [
            u.pk for u in User.objects.filter(Q(pk=first) | Q(pk=second) | Q(pk__in=ids)).order_by("pk")
        ]
        assert [u.pk for u in either(first=first, second=second, ids=ids)] == expected
    assert all(compiled is not None for compiled in either._compiled.values())


def test_a_date_read_from_the_clock_is_the_new_day_s_after_midnight(monkeypatch):
    """A date from the clock is the same in both builds, so the build check cannot see it; the SQL is
    compiled afresh each day, so such a date is never yesterday's."""
    import datetime as dt

    from probation.core import prepared as module

    day = [dt.date(2026, 12, 3)]
    monkeypatch.setattr(module, "_days", lambda: (day[0], day[0]))
    joined_today = PreparedQuery(
        lambda username: User.objects.filter(username=username, date_joined__date=day[0]), username=""
    )
    user = UserFactory(username="midnight", date_joined=dt.datetime(2026, 12, 4, 9, tzinfo=dt.UTC))
    assert joined_today(username="midnight") == []

    day[0] = dt.date(2026, 12, 4)

    assert [u.pk for u in joined_today(username="midnight")] == [user.pk]
