"""fast_reverse gives exactly what reverse gives, for every kind of argument (issue 10 performance)."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

from probation.frontend.reversing import fast_reverse


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("people:case-overview", ["A123456"]),
        ("contacts:outcome", ["A123456", 42]),
        ("contacts:outcome", ["A123456", "42"]),
        ("enforcement:breach-pack", ["X000001", 7, 9]),
        ("people:case-overview", ["has space"]),  # quoted by reverse
        ("people:case-overview", ["o'connor&co"]),
        ("worklists:mine", []),
        ("home", []),
    ],
)
def test_same_as_reverse(name: str, args: list[object]) -> None:
    assert fast_reverse(name, *args) == reverse(name, args=args)
    assert fast_reverse(name, *args) == reverse(name, args=args)  # cached template


def test_refuses_what_reverse_refuses() -> None:
    with pytest.raises(NoReverseMatch):
        reverse("contacts:outcome", args=["A123456", "not-a-number"])
    with pytest.raises(NoReverseMatch):
        fast_reverse("contacts:outcome", "A123456", "not-a-number")
    with pytest.raises(NoReverseMatch):
        fast_reverse("contacts:outcome", "A123456", -1)
    with pytest.raises(NoReverseMatch):
        fast_reverse("no-such-url")


def test_script_prefix_is_respected() -> None:
    fast_reverse("people:case-overview", "A123456")  # cached without a prefix
    set_script_prefix("/probation/")
    try:
        assert fast_reverse("people:case-overview", "A123456") == "/probation/cases/A123456/"
    finally:
        set_script_prefix("/")
    assert fast_reverse("people:case-overview", "A123456") == "/cases/A123456/"


def test_cleared_when_the_url_configuration_changes() -> None:
    assert fast_reverse("home") == "/"
    with override_settings(ROOT_URLCONF="probation.frontend.tests.urls_elsewhere"):
        assert fast_reverse("home") == "/elsewhere/"
    assert fast_reverse("home") == "/"


def test_urls_without_arguments_are_reversed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The navigation's URLs take no arguments: they too come from the template after the first call
    (splitting around no placeholders once made every one of them go through reverse again)."""
    from probation.frontend import reversing

    assert fast_reverse("worklists:mine") == reverse("worklists:mine")
    calls: list[str] = []

    def counting_reverse(name: str, **kwargs: object) -> str:
        calls.append(name)
        return reverse(name, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reversing, "reverse", counting_reverse)
    assert fast_reverse("worklists:mine") == reverse("worklists:mine")
    assert calls == []
