"""Templates in layouts (header, footer, subject lines), rendered in a sandbox.

Layout files are user-supplied, so their templates run in jinja2's ``ImmutableSandboxedEnvironment``
with ``StrictUndefined``, no loader (no file access, no includes), autoescaping off (the renderers
escape for their own format), and a time and size budget checked while the template runs.
Source text only ever enters as *values* of the context, never as template code.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import Any

from .errors import LayoutError

__all__ = ["render_template"]

MAX_OUTPUT = 2_000
MAX_SOURCE = 2_000


def _environment(deadline: float) -> Any:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class _Budgeted(ImmutableSandboxedEnvironment):  # type: ignore[misc]
        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _check(deadline)
            if operator == "**" and abs(right) > 64:
                raise ValueError("exponent too large")
            if operator == "*" and any(isinstance(v, (str, list, tuple)) for v in (left, right)):
                n = right if isinstance(left, (str, list, tuple)) else left
                if isinstance(n, int) and n > MAX_OUTPUT:
                    raise ValueError("repetition too large")
            return super().call_binop(context, operator, left, right)

        def getattr(self, obj: Any, attribute: str) -> Any:
            _check(deadline)
            return super().getattr(obj, attribute)

        def call(self, context: Any, obj: Any, *args: Any, **kwargs: Any) -> Any:
            _check(deadline)
            return super().call(context, obj, *args, **kwargs)

    from jinja2 import StrictUndefined

    env = _Budgeted(undefined=StrictUndefined, autoescape=False, loader=None)

    def bounded_range(*args: int) -> Iterator[int]:
        for i in range(*args)[:1000]:
            _check(deadline)
            yield i

    env.globals = {"range": bounded_range}
    return env


def _check(deadline: float) -> None:
    if time.monotonic() > deadline:
        raise TimeoutError


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
