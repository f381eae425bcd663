"""Writing output files: names, no silent overwrite, atomic replacement.

A file is written to a temporary file in the target folder, flushed to disk, then moved into place,
so a run killed at any moment leaves the old file, the new one, or nothing, never a partial file
under the output's name (the next run removes a temporary file a killed run left behind).
A set of outputs is checked for existing files before any is written.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import RenderError

__all__ = ["output_stem", "slugify", "write_outputs"]

_DATE_IN_NAME = re.compile(r"[-_ ]?\d{4}-\d{2}-\d{2}[-_ ]?")


def slugify(text: str, *, max_words: int = 8) -> str:
    """Return ``text`` as a lowercase ASCII slug of at most ``max_words`` words ("" if none)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words])


def output_stem(date: str | None, name: str | None, title: str | None) -> str:
    """Return the file stem ``<date>-<slug>`` for a briefing.

    The slug comes from the source's file name (without any date in it) or else the title;
    ``briefing`` when neither gives one.
    """
    slug = ""
    if name and name != "-" and "://" not in name:
        slug = slugify(_DATE_IN_NAME.sub("-", Path(name).stem))
    if not slug and title:
        slug = slugify(title)
    slug = slug or "briefing"
    return f"{date}-{slug}" if date else slug


#: Age after which a temporary ``.<name>.*.part`` file is a killed run's leftover.
STALE_SECONDS = 3600


def _remove_stale_temporaries(folder: Path, names: Iterable[str]) -> None:
    """Remove the temporary files a killed run left for ``names``, once an hour old.

    A fresh one may belong to a run still writing, so it stays.
    """
    now = time.time()
    for name in names:
        for tmp in folder.glob(f".{glob.escape(name)}.*.part"):
            with contextlib.suppress(OSError):
                if now - tmp.stat().st_mtime > STALE_SECONDS:
                    tmp.unlink()


def _write_one(path: Path, data: bytes, *, overwrite: bool) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if the name exists: no race with another run
            os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_outputs(
    files: Mapping[str, bytes], out_dir: str | os.PathLike[str], *, overwrite: bool = False
) -> list[Path]:
    """Write ``files`` (name → bytes) into ``out_dir`` atomically and return their paths.

    Raises ``RenderError`` when a name is not a plain file name, when a file exists and
    ``overwrite`` is false (before writing anything), or when the folder cannot be created or
    written (read-only, disk full).
    """
    for name in files:  # a name is a file in ``folder``, never a path out of it
        if Path(name).name != name or name in ("", ".", ".."):
            raise RenderError(f"{name!r}: not a plain file name")
    from .limits import check_deadline

    check_deadline()  # past the time budget nothing is written, whatever swallowed the timer
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        why = getattr(exc, "strerror", None) or exc
        raise RenderError(f"{folder}: cannot create output folder ({why})") from exc
    if not folder.is_dir():
        raise RenderError(f"{folder}: output path is not a folder")
    paths = {name: folder / name for name in files}
    _remove_stale_temporaries(folder, files)
    if not overwrite:
        existing = [str(p) for p in paths.values() if p.exists()]
        if existing:
            raise RenderError(f"{', '.join(existing)} already exists; use --force to overwrite")
    written: list[Path] = []
    for name, data in files.items():
        path = paths[name]
        try:
            _write_one(path, data, overwrite=overwrite)
        except BaseException as exc:  # a write error, or a time limit or ^C between two files
            if not overwrite:  # leave no half set behind: remove what this call created
                for done in written:
                    with contextlib.suppress(OSError):
                        done.unlink()
            if not isinstance(exc, OSError):
                raise
            if isinstance(exc, FileExistsError):
                raise RenderError(f"{path} already exists; use --force to overwrite") from exc
            reason = "disk full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
            raise RenderError(f"{path}: cannot write ({reason})") from exc
        written.append(path)
    return written
