"""The editable JSON draft: a Plan's kept Brief, written out, validated and read back.

A draft is the Brief's ``to_dict()`` plus the wrapper keys ``"schema": "briefgen/brief"`` and
``"version": 1``, the plan's ``layout`` and ``paper``, and ``dropped`` (what the fit planner left
out). ``briefgen/schema/brief-v1.json`` (JSON Schema 2020-12, shipped in the package) documents it;
``load_draft`` checks a draft against it and names the JSON path of the first problem
(``$.quotes[2].speaker: expected string or null``).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Brief, Plan

__all__ = [
    "DRAFT_SCHEMA",
    "DRAFT_VERSION",
    "Draft",
    "draft_dict",
    "dump_draft",
    "load_draft",
    "parse_draft",
    "schema",
]

DRAFT_SCHEMA = "briefgen/brief"
DRAFT_VERSION = 1
_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Draft:
    """A draft read back: its Brief, and the layout and paper it was planned in (None if unsaid)."""

    brief: Brief
    layout: str | None = None
    paper: str | None = None


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """Return the JSON Schema of the draft, version 1, as shipped in the package."""
    text = resources.files("briefgen").joinpath("schema", "brief-v1.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def draft_dict(plan: Plan) -> dict[str, Any]:
    """Return the draft of ``plan`` as JSON types: its kept Brief, with what was dropped."""
    brief = dataclasses.replace(plan.brief, dropped=plan.dropped, version=DRAFT_VERSION)
    return {
        "schema": DRAFT_SCHEMA,
        **brief.to_dict(),
        "layout": plan.layout,
        "paper": plan.paper,
    }


def dump_draft(plan: Plan) -> bytes:
    """Return the UTF-8 JSON draft of ``plan``, indented for hand editing."""
    text = json.dumps(draft_dict(plan), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def _json_path(parts: Any) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _type_names(expected: Any) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    return " or ".join("a number" if n == "number" else n for n in names)


def _describe(error: Any) -> str:
    """Return a one-line account of a jsonschema ValidationError, led by its JSON path."""
    path = _json_path(error.absolute_path)
    kind = error.validator
    if kind == "type":
        found = type(error.instance).__name__
        found = {
            "NoneType": "null",
            "str": "string",
            "dict": "object",
            "list": "array",
            "int": "integer",
            "float": "number",
            "bool": "boolean",
        }.get(found, found)
        return f"{path}: expected {_type_names(error.validator_value)}, got {found}"
    if kind == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return f"{_json_path([*error.absolute_path, missing[0]])}: missing"
    if kind == "additionalProperties":
        allowed = error.schema.get("properties", {})
        extra = sorted(k for k in error.instance if k not in allowed)
        return f"{_json_path([*error.absolute_path, extra[0]])}: unknown key"
    if kind == "const":
        expected, got = json.dumps(error.validator_value), json.dumps(error.instance)
        return f"{path}: expected {expected}, got {got}"
    if kind == "minLength":
        return f"{path}: must not be empty"
    if kind == "minimum":
        return f"{path}: must be {error.validator_value} or more, not {error.instance}"
    if kind == "anyOf" and error.instance is not None:
        return f"{path}: expected an object or null, got {type(error.instance).__name__}"
    return f"{path}: {error.message}"


_ITEM_BLOCKS = ("bottom_line", "key_points", "quotes", "figures", "events")


def _check_sources(doc: dict[str, Any], name: str) -> None:
    """Raise ``InputError`` when an item names a source the draft does not list."""
    ids = {s["id"] for s in doc.get("sources", [])}
    if not ids:
        return  # a hand-written draft may list no sources: nothing to check against
    for block in _ITEM_BLOCKS:
        for i, item in enumerate(doc.get(block, [])):
            if item.get("source", 0) not in ids:
                raise InputError(
                    f"{name}: {_json_path([block, i, 'source'])}: no source {item['source']} "
                    f"in $.sources (ids: {', '.join(map(str, sorted(ids)))})"
                )


def parse_draft(data: bytes | str, name: str = "<draft>") -> Draft:
    """Return the Draft in ``data`` (JSON text) read from ``name``.

    Raises ``InputError`` naming ``name`` and, for a value that breaks the schema, its JSON path.
    """
    import jsonschema

    try:
        doc = json.loads(data)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from exc
    if not isinstance(doc, dict):
        raise InputError(f"{name}: $: expected a briefgen draft (a JSON object)")
    try:  # JSON may escape a lone surrogate ("\\ud800"), which no output can encode
        json.dumps(doc, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{name}: a string holds an unpaired \\u surrogate escape") from None
    if doc.get("schema") != DRAFT_SCHEMA:
        raise InputError(f'{name}: $.schema: expected "{DRAFT_SCHEMA}"; is this a briefgen draft?')
    if "version" not in doc:
        raise InputError(f"{name}: $.version: missing")
    if doc.get("version") != DRAFT_VERSION:
        raise InputError(
            f"{name}: $.version: draft version {json.dumps(doc.get('version'))} is not supported "
            f"(this briefgen reads version {DRAFT_VERSION})"
        )
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(
        validator.iter_errors(doc),
        key=lambda e: (list(map(str, e.absolute_path)), e.validator != "type"),
    )
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InputError(f"{name}: {_describe(errors[0])}{more}")
    _check_sources(doc, name)
    try:
        brief = Brief.from_dict(doc)
    except (TypeError, ValueError) as exc:  # the schema should have caught it; say where anyway
        raise InputError(f"{name}: {exc}") from exc
    return Draft(brief, doc.get("layout"), doc.get("paper"))


def load_draft(path: str | os.PathLike[str]) -> Draft:
    """Return the Draft read from the JSON file at ``path``; raises ``InputError`` if unusable."""
    name = os.fspath(path)
    file = Path(name)
    if not file.exists():
        raise InputError(f"{name}: no such file")
    if file.is_dir():
        raise InputError(f"{name}: is a folder, not a draft")
    try:
        if file.stat().st_size > _MAX_BYTES:
            raise InputError(f"{name}: too large for a draft (over {_MAX_BYTES:,} bytes)")
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    return parse_draft(data, name)
