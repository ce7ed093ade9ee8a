"""Queries run on every request whose SQL never changes, only their parameters: built once a process.

Django builds a query's SQL from the queryset on every evaluation (resolving fields and joins,
quoting, compiling the select list): about 1–1.5 ms of Python for a query with a few joins, which is
most of what reading the signed-in user costs, on every page. ``PreparedQuery`` builds the queryset
once with placeholder values for its parameters, keeps the compiled SQL and the compiler's row
layout, and for each call substitutes the real values and builds the model instances (with their
``select_related`` objects) exactly as the queryset would have. The statement still goes through the
connection's cursor, so query logging, ``django_assert_num_queries`` and the test runner see it.

Only integer and string parameters that reach the SQL unchanged can be placeholders. If a
placeholder is not found among the compiled parameters exactly as given (a lookup that transforms
its value), or the queryset prefetches, the query is simply built each time as before: the result
is always what the queryset returns (tests/test_prepared.py compares them).
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.signals import setting_changed
from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators  # type: ignore[attr-defined]
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.constants import MULTI
from django.dispatch import receiver

M = TypeVar("M", bound=Model)

_INT_SENTINEL = -918_273_645_000  # no real id or count is this
_STR_SENTINEL = "\x1fprepared:{}\x1f"


@dataclass(frozen=True)
class _Compiled:
    compiler: SQLCompiler
    sql: str
    params: tuple[Any, ...]
    positions: dict[str, tuple[int, ...]]  # parameter name -> its positions in ``params``


_all: list["PreparedQuery[Any]"] = []


@receiver(setting_changed)
def _clear_on_database_change(*, setting: str, **kwargs: object) -> None:
    if setting == "DATABASES":
        for prepared in _all:
            prepared.clear()


class PreparedQuery(Generic[M]):
    """``build(**placeholders)`` returns the queryset; ``prepared(name=value, ...)`` runs it with the
    real values and returns its model instances as a list. ``sample`` gives each parameter's type
    by example (an ``int`` or a ``str``)."""

    def __init__(self, build: Callable[..., QuerySet[M]], **sample: int | str) -> None:
        self._build = build
        self._sentinels: dict[str, int | str] = {
            name: (_INT_SENTINEL - i if isinstance(value, int) else _STR_SENTINEL.format(name))
            for i, (name, value) in enumerate(sample.items())
        }
        self._compiled: dict[str, _Compiled | None] = {}
        _all.append(self)

    def clear(self) -> None:
        self._compiled.clear()

    def __call__(self, *, using: str = "default", **params: int | str) -> list[M]:
        if params.keys() != self._sentinels.keys():
            raise TypeError(f"Expected the parameters {sorted(self._sentinels)}, got {sorted(params)}")
        if using not in self._compiled:
            self._compiled[using] = self._compile(using)
        compiled = self._compiled[using]
        if compiled is None:
            return list(self._build(**params).using(using))
        values = list(compiled.params)
        for name, positions in compiled.positions.items():
            for position in positions:
                values[position] = params[name]
        return _model_rows(compiled, tuple(values), using)

    def _compile(self, using: str) -> _Compiled | None:
        queryset = self._build(**self._sentinels).using(using)
        if queryset._prefetch_related_lookups or queryset._iterable_class is not ModelIterable:  # type: ignore[attr-defined]
            return None
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        if compiler.annotation_col_map or queryset.query.extra_select:
            return None  # annotated rows: not what ``_model_rows`` builds
        positions = {
            name: tuple(i for i, p in enumerate(params) if type(p) is type(s) and p == s)
            for name, s in self._sentinels.items()
        }
        if not all(positions.values()):
            return None
        return _Compiled(compiler, sql, tuple(params), positions)


def _model_rows(compiled: _Compiled, params: tuple[Any, ...], using: str) -> list[Any]:
    """What Django's ``ModelIterable`` does with a compiler's rows, from the SQL compiled once."""
    compiler = copy.copy(compiled.compiler)  # a copy a call: threads each have their own connection
    compiler.connection = connections[using]
    compiler.as_sql = lambda *args, **kwargs: (compiled.sql, params)  # type: ignore[method-assign]
    results = compiler.execute_sql(MULTI)
    select, klass_info = compiler.select, compiler.klass_info
    assert klass_info is not None  # a model query always has one
    model_cls = klass_info["model"]
    fields = klass_info["select_fields"]
    start, end = fields[0], fields[-1] + 1
    init_list = [f[0].target.attname for f in select[start:end]]
    populators = get_related_populators(klass_info, select, using)
    rows = []
    for row in compiler.results_iter(results):
        obj = model_cls.from_db(using, init_list, row[start:end])
        for populator in populators:
            populator.populate(row, obj)
        rows.append(obj)
    return rows
