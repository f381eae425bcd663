"""One stage run in a forked process while this one gets its input and the next stage ready.

A cold ``briefgen make`` spends most of its time importing spaCy and loading the model; reading the
sources and loading reportlab, python-docx and the fonts for the page are independent of it. On a
machine with more than one core, ``start`` forks a child that runs ``prepare`` (load the model)
at once; the caller meanwhile reads the input, ``send``s it, and gets the next stage ready; the
child runs the stage on the input and its result (a Brief: small) comes back pickled through a
pipe. Only where it pays: POSIX ``fork`` (Linux), more than one CPU, and a process that has not
imported spaCy yet (a warm process keeps its model and works in place).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

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


def _read_all(fd: int) -> bytes:
    chunks = []
    with os.fdopen(fd, "rb") as pipe:
        while chunk := pipe.read(1 << 16):
            chunks.append(chunk)
    return b"".join(chunks)


class Pending(Generic[T]):
    """``fn(input)`` running in a forked child: ``send`` it the input, then wait for ``result``."""

    def __init__(self, fn: Callable[[Any], T], prepare: Callable[[], object] | None) -> None:
        self._fn = fn
        self._prepare = prepare
        self._input: Any = None
        sys.stdout.flush()
        sys.stderr.flush()
        to_child, self._to_child = os.pipe()
        self._from_child, from_child = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child: never returns
            os.close(self._to_child)
            os.close(self._from_child)
            _child(fn, prepare, to_child, from_child)
        os.close(to_child)
        os.close(from_child)
        self._done = False

    def send(self, value: Any) -> None:
        """Give the child the input of ``fn`` (pickled)."""
        self._input = value
        try:
            with os.fdopen(self._to_child, "wb") as pipe:
                pipe.write(pickle.dumps(value))
        except OSError:  # the child is gone: ``result`` runs fn here
            pass

    def cancel(self) -> None:
        """Stop the child (the input could not be made)."""
        if not self._done:
            self._done = True
            for fd in (self._to_child, self._from_child):
                with contextlib.suppress(OSError):
                    os.close(fd)
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGTERM)
                os.waitpid(self._pid, 0)

    def result(self) -> T:
        """Return the child's result, or raise the briefgen error it raised.

        Another exception in the child is a bug: it is raised here as ``RuntimeError`` carrying the
        child's traceback. A child that died without a result (killed, out of memory) is replaced
        by running ``prepare`` and ``fn`` here.
        """
        try:
            data = _read_all(self._from_child)
            self._done = True
            if os.waitpid(self._pid, os.WNOHANG) == (0, 0):
                # still exiting (unmapping a loaded model takes a while): reaped meanwhile
                threading.Thread(target=os.waitpid, args=(self._pid, 0), daemon=True).start()
        except BaseException:  # interrupted: don't leave the child running
            self.cancel()
            raise
        if not data:
            if self._prepare is not None:
                self._prepare()
            return self._fn(self._input)
        kind, value = pickle.loads(data)
        if kind == "error":
            raise value
        if kind == "bug":
            raise RuntimeError(f"in the analysis process:\n{value}")
        return value  # type: ignore[no-any-return]


def _child(
    fn: Callable[[Any], object], prepare: Callable[[], object] | None, read: int, write: int
) -> None:
    """Run ``prepare``, then ``fn`` on the input read; send ("ok", result), ("error",
    BriefgenError) or ("bug", traceback); exit."""
    code = 0
    try:
        try:
            if prepare is not None:
                prepare()
            data = _read_all(read)
            if not data:  # the caller gave up
                raise SystemExit(0)
            payload = pickle.dumps(("ok", fn(pickle.loads(data))))
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
    except BaseException:  # interrupted, given up, or the pipe is gone: the parent handles it
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def start(fn: Callable[[Any], T], *, prepare: Callable[[], object] | None = None) -> Pending[T]:
    """Return the Pending ``fn(input)`` of a forked child that runs ``prepare`` meanwhile."""
    return Pending(fn, prepare)
