"""Defaults for the command line: layout, paper, marking and author, from files and environment.

Precedence, highest first: a command-line flag, the environment (``BRIEFGEN_LAYOUT``,
``BRIEFGEN_PAPER``, ``BRIEFGEN_MARKING``, ``BRIEFGEN_AUTHOR``), ``./briefgen.toml``, the user's
``briefgen.toml`` (``platformdirs.user_config_dir("briefgen")``), then the built-in defaults (None:
the layout's own choice). A file is TOML with any of the four keys at top level::

    layout = "executive"
    paper = "letter"
    marking = "OFFICIAL"
    author = "Europe desk"

An unknown key or a value of the wrong type raises ``InputError`` naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with the tomli backport
    import tomli as tomllib

__all__ = ["CONFIG_NAME", "ENVIRONMENT", "Defaults", "config_files", "load_defaults"]

CONFIG_NAME = "briefgen.toml"
ENVIRONMENT = {
    "layout": "BRIEFGEN_LAYOUT",
    "paper": "BRIEFGEN_PAPER",
    "marking": "BRIEFGEN_MARKING",
    "author": "BRIEFGEN_AUTHOR",
}
PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class Defaults:
    """The defaults in force; None leaves the choice to the layout (or to no marking/author)."""

    layout: str | None = None
    paper: str | None = None
    marking: str | None = None
    author: str | None = None

    def override(self, **flags: str | None) -> Defaults:
        """Return these defaults with every flag that is not None put in place."""
        return dataclasses.replace(self, **{k: v for k, v in flags.items() if v is not None})


def _check(key: str, value: object, where: str) -> str | None:
    if key not in ENVIRONMENT:
        raise InputError(f"{where}: unknown key {key!r} (known keys: {', '.join(ENVIRONMENT)})")
    if not isinstance(value, str):
        raise InputError(f"{where}: key {key!r}: expected a string, got {type(value).__name__}")
    value = value.strip()
    if key == "paper":
        value = value.lower()
        if value not in PAPERS:
            raise InputError(
                f"{where}: key 'paper': expected one of {', '.join(PAPERS)}, got {value!r}"
            )
    return value or None


def _read_file(path: Path) -> dict[str, str | None]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return {key: _check(key, value, str(path)) for key, value in data.items()}


def config_files(cwd: Path | None = None, user_dir: Path | None = None) -> list[Path]:
    """Return the config files that exist, lowest precedence first (user's, then working folder's).

    ``user_dir`` defaults to ``platformdirs.user_config_dir("briefgen")``.
    """
    if user_dir is None:
        import platformdirs

        user_dir = Path(platformdirs.user_config_dir("briefgen"))
    candidates = [user_dir / CONFIG_NAME, (cwd or Path.cwd()) / CONFIG_NAME]
    seen: list[Path] = []
    for path in candidates:
        if path.is_file() and all(not path.samefile(p) for p in seen):
            seen.append(path)
    return seen


def load_defaults(
    *,
    cwd: Path | None = None,
    user_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Defaults:
    """Return the Defaults from the config files and the environment (flags not included).

    Raises ``InputError`` naming the file (or variable) and key of a bad value.
    """
    environ = os.environ if environ is None else environ
    values: dict[str, str | None] = {}
    for path in config_files(cwd, user_dir):
        values.update({k: v for k, v in _read_file(path).items() if v is not None})
    for key, variable in ENVIRONMENT.items():
        if environ.get(variable, "").strip():
            values[key] = _check(key, environ[variable], f"environment variable {variable}")
    return Defaults(**values)
