"""Templates in layouts (header, footer, subject lines), rendered in a sandbox.

Layout files are user-supplied, so their templates run in jinja2's ``ImmutableSandboxedEnvironment``
with ``StrictUndefined``, no loader (no file access, no includes), autoescaping off (the renderers
escape for their own format), and a time and size budget checked while the template runs: on every
attribute access, call, filter and loop step. Only ``SAFE_FILTERS`` exist; numbers given to filters
and methods are bounded, and so are the values they make, repetition, exponents; ``%`` formatting
and ``str.format`` are refused (their widths build huge strings). Source text only ever enters as
*values* of the context (``brief_context``), never as template code.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .errors import LayoutError

if TYPE_CHECKING:
    from .model import Brief

__all__ = ["TEMPLATE_NAMES", "brief_context", "check_template", "render_template"]

MAX_OUTPUT = 2_000
MAX_SOURCE = 2_000
#: Largest number a filter or method may take (a width, a count) and largest value it may make.
MAX_NUMBER = 2_000
MAX_VALUE = 20_000
#: Longest value of ``brief_context``.
MAX_CONTEXT = 1_000
#: Filters a template may use; the others can build huge values from small numbers
#: (``center``, ``indent``, ``format``, ``slice`` ...) or are of no use in a header line.
SAFE_FILTERS = (
    "abs", "capitalize", "count", "default", "d", "first", "float", "int", "join", "last",
    "length", "list", "lower", "max", "min", "replace", "reverse", "round", "sort", "string",
    "sum", "title", "trim", "truncate", "unique", "upper", "wordcount",
)  # fmt: skip


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple, dict, set)) else 0


def _guard(deadline: float, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Raise when time is up or a numeric argument or a value given is over its bound."""
    _check(deadline)
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise ValueError(f"number {value} too large (at most {MAX_NUMBER})")
        if _size(value) > MAX_VALUE:
            raise ValueError(f"value too large ({_size(value)} items)")


def _bounded(result: Any) -> Any:
    if _size(result) > MAX_VALUE:
        raise ValueError(f"value too large ({_size(result)} items)")
    return result


def _environment(deadline: float) -> Any:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class _Budgeted(ImmutableSandboxedEnvironment):  # type: ignore[misc]
        intercepted_binops = frozenset(["*", "**", "%", "+"])

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _check(deadline)
            if operator == "**" and (
                abs(right) > 64
                or isinstance(left, int)
                and isinstance(right, int)
                and left.bit_length() * abs(right) > 4096
            ):
                raise ValueError("exponent too large")
            if operator == "%" and isinstance(left, str):
                raise ValueError("string formatting with % is not allowed; use ~")
            if operator == "*" and any(isinstance(v, (str, list, tuple)) for v in (left, right)):
                seq, n = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
                if isinstance(n, int) and (n > MAX_NUMBER or len(seq) * n > MAX_VALUE):
                    raise ValueError("repetition too large")
            return _bounded(super().call_binop(context, operator, left, right))

        def getattr(self, obj: Any, attribute: str) -> Any:
            _check(deadline)
            return super().getattr(obj, attribute)

        def call(self, context: Any, obj: Any, *args: Any, **kwargs: Any) -> Any:
            if getattr(obj, "__name__", None) in ("format", "format_map"):
                raise ValueError("str.format is not allowed; use ~")
            if obj is not bounded_range:
                _guard(deadline, args, kwargs)
            return _bounded(super().call(context, obj, *args, **kwargs))

    from jinja2 import StrictUndefined

    env = _Budgeted(undefined=StrictUndefined, autoescape=False, loader=None)

    def bounded_range(*args: int) -> Iterator[int]:
        for i in range(*args)[:1000]:
            _check(deadline)
            yield i

    def guarded(f: Any) -> Any:
        passes = hasattr(f, "jinja_pass_arg")  # then the environment or context comes first

        def run(*args: Any, **kwargs: Any) -> Any:
            value, rest = (args[1], args[2:]) if passes else (args[0], args[1:])
            _guard(deadline, rest, kwargs)
            _bounded(value)
            return _bounded(f(*args, **kwargs))

        if passes:
            run.jinja_pass_arg = f.jinja_pass_arg  # type: ignore[attr-defined]
        return run

    env.filters = {name: guarded(env.filters[name]) for name in SAFE_FILTERS}
    env.globals = {"range": bounded_range}
    return env


def _check(deadline: float) -> None:
    if time.monotonic() > deadline:
        raise TimeoutError


#: The names a layout template may use, all plain strings.
TEMPLATE_NAMES = (
    "title",
    "subject",
    "date",
    "outlet",
    "author",
    "prepared_by",
    "marking",
    "generated",
    "layout",
    "sources",
)


def brief_context(brief: Brief, *, layout: str = "", marking: str | None = None) -> dict[str, str]:
    """Return the values a layout template sees for ``brief``: ``TEMPLATE_NAMES``, all strings.

    ``date`` is the source's date and ``generated`` the generation date, both as "4 April 2025";
    ``outlet`` and ``author`` are the first source's; ``prepared_by`` is the briefing's author
    (``Brief.author``, the analyst); ``sources`` is how many there are;
    ``marking`` is the brief's, else ``marking``. A missing value is "".
    """
    from .layout.text import clean, format_date
    from .renderers.common import generated_on

    first = brief.sources[0] if brief.sources else None
    values = {
        "title": clean(brief.title),
        "subject": clean(brief.subject),
        "date": format_date(brief.date),
        "outlet": clean(first.outlet) if first else "",
        "author": clean(first.author) if first else "",
        "prepared_by": clean(brief.author),
        "marking": clean(brief.marking or marking),
        "generated": format_date(generated_on().date().isoformat()),
        "layout": clean(layout),
        "sources": str(len(brief.sources)),
    }
    # a header line needs no more; a hostile source cannot push a value past the budgets
    return {
        k: v if len(v) <= MAX_CONTEXT else v[: MAX_CONTEXT - 1] + "…" for k, v in values.items()
    }


def check_template(source: str, *, where: str = "template") -> None:
    """Raise ``LayoutError`` naming ``where`` when ``source`` is too long or not a valid template.

    Compiling only: names and budgets are checked when it is rendered.
    """
    from jinja2 import TemplateError

    if len(source) > MAX_SOURCE:
        raise LayoutError(f"{where}: template longer than {MAX_SOURCE} characters")
    try:
        _environment(time.monotonic() + 1.0).parse(source)
    except TemplateError as exc:
        raise LayoutError(f"{where}: invalid template ({exc})") from None


def render_template(
    source: str, context: Mapping[str, Any], *, where: str = "template", seconds: float = 0.5
) -> str:
    """Return ``source`` rendered with ``context`` in the sandbox.

    Raises ``LayoutError`` naming ``where`` (e.g. "memo.toml: footer") when the template is invalid,
    uses an undefined name, touches an unsafe attribute, or exceeds the time or size budget.
    """
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError

    if len(source) > MAX_SOURCE:
        raise LayoutError(f"{where}: template longer than {MAX_SOURCE} characters")
    deadline = time.monotonic() + seconds
    try:
        template = _environment(deadline).from_string(source)
        out: list[str] = []
        size = 0
        for chunk in template.generate(**context):
            _check(deadline)
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise LayoutError(f"{where}: template output longer than {MAX_OUTPUT} characters")
            out.append(chunk)
    except TimeoutError:
        raise LayoutError(f"{where}: template took longer than {seconds:g} s") from None
    except SecurityError as exc:
        raise LayoutError(f"{where}: template not allowed ({exc})") from None
    except TemplateError as exc:
        raise LayoutError(f"{where}: invalid template ({exc})") from None
    except (TypeError, ValueError, ArithmeticError, AttributeError, KeyError, IndexError) as exc:
        raise LayoutError(f"{where}: template failed ({type(exc).__name__}: {exc})") from None
    return "".join(out)
