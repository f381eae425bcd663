"""One stage run in a forked process while this one gets the next stage ready.

A cold ``briefgen make`` spends most of its time importing spaCy and loading the model; loading
reportlab, python-docx and the fonts for the page is independent of it. On a machine with more than
one core, ``start`` runs the first in a forked child while the caller does the second, and the
child's result (a Brief: small) comes back pickled through a pipe. Only where it pays: POSIX
``fork`` (Linux), more than one CPU, and a process that has not imported spaCy yet (a warm process
keeps its model and works in place).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

from .errors import BriefgenError

__all__ = ["Pending", "start", "worth_forking"]

T = TypeVar("T")


def worth_forking() -> bool:
    """Return True when running a stage in a forked child can overlap real work (see module)."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and "spacy" not in sys.modules
    )


class Pending(Generic[T]):
    """The result of a function running in a forked child; ``result`` waits for it."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        sys.stdout.flush()
        sys.stderr.flush()
        read, write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child: never returns
            os.close(read)
            _child(fn, write)
        os.close(write)
        self._read = read

    def result(self) -> T:
        """Return the child's result, or raise the briefgen error it raised.

        Another exception in the child is a bug: it is raised here as ``RuntimeError`` carrying the
        child's traceback. A child that died without a result (killed, out of memory) is replaced
        by running the function here.
        """
        try:
            chunks = []
            with os.fdopen(self._read, "rb") as pipe:
                while chunk := pipe.read(1 << 16):
                    chunks.append(chunk)
            os.waitpid(self._pid, 0)
        except BaseException:  # interrupted: don't leave the child running
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGTERM)
                os.waitpid(self._pid, 0)
            raise
        if not chunks:
            return self._fn()
        kind, value = pickle.loads(b"".join(chunks))
        if kind == "error":
            raise value
        if kind == "bug":
            raise RuntimeError(f"in the analysis process:\n{value}")
        return value


def _child(fn: Callable[[], object], write: int) -> None:
    """Run ``fn``, send ("ok", result), ("error", BriefgenError) or ("bug", traceback), exit."""
    code = 0
    try:
        try:
            payload = pickle.dumps(("ok", fn()))
        except BriefgenError as exc:
            try:
                payload = pickle.dumps(("error", exc))
            except Exception:  # an error that does not pickle still reaches the user, as its
                # nearest class of briefgen.errors (same exit code)
                ours = BriefgenError.__module__
                base = next(c for c in type(exc).__mro__ if c.__module__ == ours)
                payload = pickle.dumps(("error", base(str(exc))))
        except Exception:
            payload = pickle.dumps(("bug", traceback.format_exc()))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # interrupted or the pipe is gone: the parent handles it
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def start(fn: Callable[[], T]) -> Pending[T]:
    """Return the Pending result of ``fn`` run in a forked child (see ``worth_forking``)."""
    return Pending(fn)
