"""Layout templates run sandboxed: no attribute escapes, no file access, bounded time and size."""

from __future__ import annotations

import pytest

from briefgen.errors import LayoutError
from briefgen.templating import check_template, render_template

CONTEXT = {"title": "NATO {{ 7*7 }} <b>", "date": "2025-04-04", "marking": "OFFICIAL"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ marking }} · {{ date }}", "OFFICIAL · 2025-04-04"),
        ("{{ title }}", "NATO {{ 7*7 }} <b>"),  # source text is a value, never template code
        ("{{ title | upper }}", "NATO {{ 7*7 }} <B>"),
        ("{% for i in range(3) %}{{ i }}{% endfor %}", "012"),
    ],
)
def test_renders_values_literally(source, expected):
    assert render_template(source, CONTEXT) == expected


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "not allowed|unsafe|invalid|failed"),
        ("{{ title.__class__ }}", "not allowed|unsafe|invalid|failed|undefined"),
        ("{{ cycler.__init__.__globals__ }}", "undefined|invalid|failed|not allowed"),
        ("{% include '/etc/passwd' %}", "invalid|failed"),
        ("{% import 'os' as os %}", "invalid|failed"),
        ("{{ nothing_here }}", "undefined"),
        (
            "{% for i in range(1000) %}{% for j in range(1000) %}"
            "{% for k in range(1000) %}{% endfor %}{% endfor %}{% endfor %}",
            "longer than",
        ),
        ("{% for i in range(1000) %}{{ 'x' * 100 }}{% endfor %}", "longer than"),
        ("{{ 'x' * 10**9 }}", "too large"),
        ("{{ 'x' * 100000 }}", "too large"),
        ("{% if %}", "invalid"),
    ],
)
def test_hostile_templates_give_a_layout_error(source, message):
    with pytest.raises(LayoutError, match=message):
        render_template(source, CONTEXT, where="evil.toml: footer")


def test_error_names_where():
    with pytest.raises(LayoutError, match=r"^evil\.toml: footer: "):
        render_template("{{ missing }}", CONTEXT, where="evil.toml: footer")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ ('a' * 2000) * 2000 }}", "repetition too large"),
        ("{{ 'a' | center(100000000) }}", "No filter named 'center'"),
        ("{{ '%099999999d' | format(1) }}", "No filter named 'format'"),
        ("{{ range(5) | slice(100000000) | list }}", "No filter named 'slice'"),
        ("{{ 'a' | indent(100000000) }}", "No filter named 'indent'"),
        ("{{ '%099999999d' % 1 }}", "% is not allowed"),
        ("{{ '{:>99999999}'.format(1) }}", "format is not allowed"),
        ("{{ 'a'.ljust(100000000) }}", "too large"),
        ("{{ 'a'.zfill(100000000) }}", "too large"),
        ("{{ ('x' * 2000) | replace('', 'y' * 2000) }}", "value too large"),
        ("{{ title | attr('__class__') }}", "No filter named 'attr'"),
        ("{{ range.__globals__ }}", "not allowed"),
        ("{{ lipsum }}", "undefined"),
        ("{{ 2 ** 100 }}", "exponent too large"),
        ("{{ ((2 ** 64) ** 64) ** 64 }}", "exponent too large"),
    ],
)
def test_values_that_grow_without_bound_are_refused(source, message):
    with pytest.raises(LayoutError, match=message):
        render_template(source, CONTEXT)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ title | truncate(8) }}", "NATO..."),
        ("{{ [marking, date] | join(' · ') }}", "OFFICIAL · 2025-04-04"),
        ("{{ marking | lower | replace('o', '0') }}", "0fficial"),
        ("{{ date ~ ' ' ~ 'x' * 3 }}", "2025-04-04 xxx"),
    ],
)
def test_safe_filters_work(source, expected):
    assert render_template(source, CONTEXT) == expected


@pytest.mark.parametrize("source", ["{{ x }", "{% for %}", "{{ 'a' }" * 10, "x" * 2001])
def test_check_template_refuses_invalid_or_long_source(source):
    with pytest.raises(LayoutError, match=r"^memo\.toml: footer\.text: "):
        check_template(source, where="memo.toml: footer.text")


def test_check_template_accepts_a_valid_one():
    check_template("{{ outlet }} · {{ date }}", where="memo.toml: header.subline")


def test_brief_context_holds_plain_bounded_strings():
    import dataclasses

    from briefgen.templating import MAX_CONTEXT, TEMPLATE_NAMES, brief_context

    from .helpers import hostile_brief, seed_brief

    context = brief_context(seed_brief(), layout="memo", marking="OFFICIAL")
    assert set(context) == set(TEMPLATE_NAMES)
    assert context["outlet"] == "Eurasia Review" and context["date"] == "4 April 2025"
    assert context["marking"] == "OFFICIAL" and context["sources"] == "1"
    long = dataclasses.replace(hostile_brief(), title="x" * 50_000)
    context = brief_context(long)
    assert all(isinstance(v, str) and len(v) <= MAX_CONTEXT for v in context.values())
    hostile = brief_context(hostile_brief())
    assert render_template("{{ title }}", hostile) == "AT&T <b says {{ 7*7 }}"
