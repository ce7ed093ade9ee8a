"""Queries run on every request whose SQL never changes, only their parameters: built once a process.

Django builds a query's SQL from the queryset on every evaluation (resolving fields and joins,
quoting, compiling the select list and the ordering): about 1–2 ms of Python for a query with a few
joins, which is most of what reading the signed-in user costs, on every page, and most of what the
case overview's panels cost. ``PreparedQuery`` builds the queryset with placeholder values for its
parameters, keeps the compiled SQL and the compiler's row layout, and for each call substitutes the
real values and produces the rows exactly as the queryset would (Django's own iterable: model
instances with their ``select_related`` objects, ``values_list`` tuples; ``prefetch_related`` then
runs as usual). The statement still goes through the connection's cursor, so query logging,
``django_assert_num_queries`` and the test runner see it.

Safe by construction: the queryset is built and compiled twice with two different sets of
placeholders, and kept only if the SQL is the same and the compiled parameters differ exactly where
the placeholders are. A value the builder derives from a parameter (``icontains`` wraps it in
``%…%``, ``now - 1 day``) or reads from elsewhere (the clock) shows up as a difference that is not a
placeholder, and then the query is simply built each time as before. Parameters may be ``int``,
``str``, ``date``, aware ``datetime`` or a list of one of those; a list of another length is another
compiled query. (SQLite's adapters turn dates into text, so on SQLite such queries are built each
time; PostgreSQL passes them as they are.) ``tests/test_prepared_queries.py`` compares the results.
"""

import copy
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.core.signals import setting_changed
from django.db import connections
from django.db.models import Model, Prefetch, QuerySet, prefetch_related_objects
from django.db.models.sql.compiler import SQLCompiler
from django.dispatch import receiver
from django.utils import timezone

from probation.core.clock import today_uk

M = TypeVar("M")
Value = int | str | dt.date | dt.datetime
Param = Value | Sequence[Value]

_UNSET = object()


_MAX_LIST = 1_000  # a list parameter longer than this is built each time


def _sentinel(example: Value, variant: int, parameter: int, index: int) -> Value:
    """A value no real parameter has (ids are positive, and no record is dated between the years 1001
    and 1900), and that no other placeholder of the same build or of the other build has."""
    serial = variant * 100 * _MAX_LIST + parameter * _MAX_LIST + index
    if isinstance(example, bool):
        raise TypeError("A PreparedQuery parameter cannot be a bool")
    if isinstance(example, int):
        return -918_273_645_000 - serial
    if isinstance(example, str):
        return f"\x1fprepared:{serial}\x1f"
    if isinstance(example, dt.datetime):
        return dt.datetime(1001, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=serial)
    if isinstance(example, dt.date):
        return dt.date(1001, 1, 1) + dt.timedelta(days=serial)
    raise TypeError(f"A PreparedQuery parameter cannot be a {type(example).__name__}")


@dataclass(frozen=True)
class _Compiled:
    queryset: QuerySet[Any]
    compiler: SQLCompiler
    sql: str
    params: tuple[Any, ...]
    positions: tuple[tuple[str, int | None, tuple[int, ...]], ...]  # (name, list index, positions)


_all: list["PreparedQuery[Any]"] = []


@receiver(setting_changed)
def _clear_on_database_change(*, setting: str, **kwargs: object) -> None:
    if setting == "DATABASES":
        for prepared in _all:
            prepared.clear()


class PreparedQuery(Generic[M]):
    """``build(**parameters)`` returns the queryset (it must depend on nothing but its parameters);
    ``prepared(name=value, ...)`` runs it and returns its rows as a list. ``sample`` gives each
    parameter's type by example: ``user_id=0``, ``key=""``, ``ids=[0]`` (a list of ints)."""

    def __init__(self, build: Callable[..., QuerySet[Any]], **sample: Param) -> None:
        self._build = build
        self._sample: dict[str, tuple[Value, bool]] = {
            name: (value[0], True) if isinstance(value, list | tuple) else (value, False)  # type: ignore[misc]
            for name, value in sample.items()
        }
        self._compiled: dict[tuple[object, ...], _Compiled | None] = {}
        self._day: object = None
        _all.append(self)

    def clear(self) -> None:
        self._compiled.clear()

    def __call__(self, *, using: str = "default", **params: Param) -> list[M]:
        if params.keys() != self._sample.keys():
            raise TypeError(f"Expected the parameters {sorted(self._sample)}, got {sorted(params)}")
        shape = tuple(len(v) if self._sample[n][1] else None for n, v in params.items())  # type: ignore[arg-type]
        # Compiled afresh each day (UTC and London dates both checked): a date a builder reads from
        # the clock is the same in both builds, so the check below cannot see it; a daily key keeps
        # such a date right even so (a time of day differs between the builds and is caught there).
        key = (using, _days(), *sorted(zip(params, shape, strict=True)))
        if self._compiled and key[1] != self._day:
            self._compiled.clear()
        self._day = key[1]
        compiled = self._compiled.get(key, _UNSET)
        if compiled is _UNSET:
            compiled = self._compiled[key] = self._compile(using, dict(zip(params, shape, strict=True)))
        if compiled is None:
            return list(self._build(**params).using(using))
        assert isinstance(compiled, _Compiled)  # for mypy
        values = list(compiled.params)
        for name, index, positions in compiled.positions:
            value = params[name] if index is None else params[name][index]  # type: ignore[index]
            for position in positions:
                values[position] = value
        return _run(compiled, tuple(values), using)

    def _placeholders(self, shape: dict[str, int | None], variant: int) -> dict[str, Param]:
        return {
            name: (
                _sentinel(example, variant, number, 0)
                if shape[name] is None
                else [_sentinel(example, variant, number, i) for i in range(shape[name] or 0)]
            )
            for number, (name, (example, _)) in enumerate(self._sample.items())
        }

    def _compile_one(
        self, using: str, placeholders: dict[str, Param]
    ) -> tuple[QuerySet[Any], SQLCompiler, str, tuple[Any, ...]] | None:
        try:
            queryset = self._build(**placeholders).using(using)
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
        except (EmptyResultSet, FullResultSet):  # an empty list: Django's own way handles it
            return None
        except (ArithmeticError, ValueError, LookupError):
            # A builder that computes with its parameters (dates a number of working days away) may
            # refuse a placeholder: build it each time; the real values then raise if they are wrong.
            return None
        return queryset, compiler, sql, tuple(params)

    def _compile(self, using: str, shape: dict[str, int | None]) -> _Compiled | None:
        if len(self._sample) > 99 or any((length or 0) > _MAX_LIST for length in shape.values()):
            return None
        first, second = self._placeholders(shape, 1), self._placeholders(shape, 2)
        a, b = self._compile_one(using, first), self._compile_one(using, second)
        if a is None or b is None or a[2] != b[2] or len(a[3]) != len(b[3]):
            return None
        queryset, compiler, sql, params = a
        positions = []
        found: set[int] = set()
        for name in self._sample:
            placed: list[tuple[int | None, Any, Any]] = (
                [(None, first[name], second[name])]
                if shape[name] is None
                else [
                    (i, x, y)
                    for i, (x, y) in enumerate(zip(first[name], second[name], strict=True))  # type: ignore[arg-type]
                ]
            )
            for index, x, y in placed:
                at = tuple(i for i, p in enumerate(params) if type(p) is type(x) and p == x)
                if at != tuple(i for i, p in enumerate(b[3]) if type(p) is type(y) and p == y):
                    return None
                # Not found at all: unused, or only transformed (then the check below finds it changed).
                if found.intersection(at):
                    return None  # two placeholders in one place: never expected, never guessed at
                positions.append((name, index, at))
                found.update(at)
        if any(params[i] != b[3][i] for i in range(len(params)) if i not in found):
            return None  # something else changed between the two builds (a derived value, the clock)
        if queryset._known_related_objects or _prefetches(queryset) != _prefetches(b[0]):  # type: ignore[attr-defined]
            return None  # a related manager's instance, or prefetches that depend on the parameters
        return _Compiled(queryset, compiler, sql, params, tuple(positions))


def _days() -> tuple[dt.date, dt.date]:
    """Today in UTC and in London (either may be what a builder reads)."""
    return timezone.now().date(), today_uk()


def _prefetches(queryset: QuerySet[Any]) -> list[str]:
    """The prefetches' lookups and SQL, to compare two builds: they must not depend on the parameters."""
    described = []
    for lookup in queryset._prefetch_related_lookups:  # type: ignore[attr-defined]
        if isinstance(lookup, Prefetch):
            inner = lookup.queryset
            described.append(f"{lookup.prefetch_to} {inner.query if inner is not None else ''}")
        else:
            described.append(str(lookup))
    return described


def _run(compiled: _Compiled, params: tuple[Any, ...], using: str) -> list[Any]:
    """Django's own iterable over the queryset, given a compiler whose SQL is already built."""
    compiler = copy.copy(compiled.compiler)  # a copy a call: threads each have their own connection
    compiler.connection = connections[using]
    compiler.as_sql = lambda *args, **kwargs: (compiled.sql, params)  # type: ignore[method-assign]
    query = copy.copy(compiled.queryset.query)
    query.get_compiler = lambda *args, **kwargs: compiler  # type: ignore[method-assign]
    queryset = compiled.queryset
    shallow = object.__new__(type(queryset))
    shallow.__dict__.update(queryset.__dict__)
    shallow._query = query  # type: ignore[attr-defined]
    rows: list[Any] = list(queryset._iterable_class(shallow))  # type: ignore[call-overload]
    if queryset._prefetch_related_lookups and rows and isinstance(rows[0], Model):  # type: ignore[attr-defined]
        prefetch_related_objects(rows, *queryset._prefetch_related_lookups)  # type: ignore[attr-defined]
    return rows
