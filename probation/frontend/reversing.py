"""``reverse()`` for URLs built by the hundred on one page (a row per case, a link per row).

Django's ``reverse`` matches the arguments against the pattern's regular expression and quotes the
result on every call: about 0.05 ms each, which a work list with a few hundred links pays many times
over. ``fast_reverse(name, *args)`` reverses each URL name once with placeholder arguments and then
fills in the real ones, for arguments that need no quoting and that the pattern accepts (an ``int``
position only takes digits); anything else goes through ``reverse`` as before, so the result is
always exactly what ``reverse`` returns (tests/test_reversing.py compares them).

The templates are cached per URL configuration and script prefix (a deployment under a path prefix
sets it per request) and cleared when ``ROOT_URLCONF`` changes (tests that swap URL configurations).
"""

import re
from dataclasses import dataclass

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

# Characters reverse() would leave as they are in a path segment, with no regular expression to fail.
_PLAIN = re.compile(r"[A-Za-z0-9_-]+")
_DIGITS = re.compile(r"[0-9]+")
_SENTINEL = "918273645{}"  # digits, so an <int:…> or <str:…> position accepts it


@dataclass(frozen=True)
class _Template:
    parts: tuple[str, ...]  # the URL split around the arguments
    digits_only: tuple[bool, ...]  # positions whose converter takes only digits


_templates: dict[tuple[str, int, str | None, str, str | None], _Template | None] = {}


@receiver(setting_changed)
def _clear_on_urlconf_change(*, setting: str, **kwargs: object) -> None:
    if setting == "ROOT_URLCONF":
        _templates.clear()


def _build(name: str, count: int, current_app: str | None) -> _Template | None:
    sentinels = [_SENTINEL.format(i) for i in range(count)]
    try:
        url = reverse(name, args=sentinels, current_app=current_app)
    except NoReverseMatch:
        return None
    if not count:  # splitting around no placeholders would split on the empty pattern
        return _Template((url,), ())
    pattern = "(" + "|".join(re.escape(s) for s in sentinels) + ")"
    pieces = re.split(pattern, url)
    # Each placeholder must appear exactly once, in order, for the split to be a template.
    if pieces[1::2] != sentinels:
        return None
    digits_only = []
    for i in range(count):
        probe = [*sentinels[:i], "x", *sentinels[i + 1 :]]
        try:
            reverse(name, args=probe, current_app=current_app)
        except NoReverseMatch:
            digits_only.append(True)
        else:
            digits_only.append(False)
    return _Template(tuple(pieces[0::2]), tuple(digits_only))


def fast_reverse(name: str, *args: object, current_app: str | None = None) -> str:
    """``reverse(name, args=args, current_app=current_app)``, without matching the pattern again for
    plain arguments."""
    key = (name, len(args), get_urlconf(), get_script_prefix(), current_app)
    if key not in _templates:
        _templates[key] = _build(name, len(args), current_app)
    template = _templates[key]
    if template is None:
        return reverse(name, args=args, current_app=current_app)
    texts = []
    for arg, digits_only in zip(args, template.digits_only, strict=True):
        text = str(arg) if isinstance(arg, int | str) and not isinstance(arg, bool) else ""
        if not (_DIGITS if digits_only else _PLAIN).fullmatch(text):
            return reverse(name, args=args, current_app=current_app)
        texts.append(text)
    parts = template.parts
    return parts[0] + "".join(text + part for text, part in zip(texts, parts[1:], strict=True))
