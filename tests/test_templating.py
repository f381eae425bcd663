"""Layout templates run sandboxed: no attribute escapes, no file access, bounded time and size."""

from __future__ import annotations

import pytest

from briefgen.errors import LayoutError
from briefgen.templating import render_template

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
