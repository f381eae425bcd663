"""The frozen dataclasses that flow between the stages, and their JSON round trip.

    Document  --analyse-->  Analysis  --summarise-->  Brief  --layout-->  Plan  --render--> files

Every record is immutable (frozen, tuple fields) and serialises with ``to_dict()`` to plain JSON
types;
``from_dict()`` rebuilds it, so ``X.from_dict(json.loads(json.dumps(x.to_dict()))) == x``.
Character offsets (``start``/``end``) index the text of the source document the item comes from
(``Document.text`` of ``source``-th document).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = [
    "Analysis",
    "Block",
    "Brief",
    "Document",
    "Entity",
    "Event",
    "Figure",
    "KeyPoint",
    "Plan",
    "PlanBlock",
    "Quote",
    "Sentence",
    "SourceInfo",
]

T = TypeVar("T", bound="Record")


class Record:
    """Mixin giving a frozen dataclass ``to_dict()`` and ``from_dict()``."""

    def to_dict(self) -> dict[str, Any]:
        """Return this record as a dict of JSON types (tuples become lists)."""
        return typing.cast(dict[str, Any], _to_json(self))

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        """Return the record that ``to_dict()`` produced ``data`` from.

        Unknown keys are ignored; missing keys take the field's default. Raises ``TypeError`` or
        ``ValueError`` when a value has the wrong shape.
        """
        return typing.cast(T, _from_json(cls, data, cls.__name__))


def _to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _to_json(v) for k, v in value.items()}
    return value


def _from_json(tp: Any, data: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        return _from_json(args[0], data, path)
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(data, (list, tuple)):
            raise TypeError(f"{path}: expected a list, got {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from_json(args[0], v, f"{path}[{i}]") for i, v in enumerate(data))
        pairs = enumerate(zip(args, data, strict=False))
        return tuple(_from_json(a, v, f"{path}[{i}]") for i, (a, v) in pairs)
    if origin is dict:
        if not isinstance(data, dict):
            raise TypeError(f"{path}: expected an object, got {type(data).__name__}")
        return dict(data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise TypeError(f"{path}: expected an object, got {type(data).__name__}")
        hints = typing.get_type_hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in data:
                kwargs[f.name] = _from_json(hints[f.name], data[f.name], f"{path}.{f.name}")
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ValueError(f"{path}.{f.name}: missing")
        return tp(**kwargs)
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise TypeError(f"{path}: expected a number, got {type(data).__name__}")
        return float(data)
    if tp in (int, str, bool):
        if not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
            raise TypeError(f"{path}: expected {tp.__name__}, got {type(data).__name__}")
        return data
    return data


# ----------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Block(Record):
    """A structural block of a document: ``heading``, ``paragraph`` or ``list_item``.

    ``start``/``end`` index ``Document.text``; ``section`` is the text of the nearest heading above
    (None before any heading); ``level`` is the heading level (1 = top) and 0 for other kinds.
    """

    kind: str
    text: str
    start: int
    end: int
    section: str | None = None
    level: int = 0


@dataclass(frozen=True)
class Document(Record):
    """One source as read: its plain text, metadata and blocks.

    ``text`` is the body only (no header/byline lines); paragraphs are separated by a blank line.
    ``date`` is ISO ``YYYY-MM-DD`` when known. ``location`` is the path or URL it was read from.
    """

    text: str
    blocks: tuple[Block, ...] = ()
    title: str | None = None
    date: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    location: str | None = None
    format: str = "txt"


@dataclass(frozen=True)
class SourceInfo(Record):
    """What the footer says of a source."""

    id: int
    title: str | None = None
    date: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    location: str | None = None


# ----------------------------------------------------------------------------- analyse


@dataclass(frozen=True)
class Sentence(Record):
    """A sentence of a source; ``index`` is global over all sources of the analysis.

    ``referent`` is the fullest name of the person an opening "He"/"She" means, when the text
    settles it (None otherwise), so the sentence can stand alone on the page.
    """

    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0
    section: str | None = None
    source: int = 0
    referent: str | None = None


@dataclass(frozen=True)
class Entity(Record):
    """A person, organisation or place with its mentions merged.

    ``kind`` is ``person``, ``org`` or ``place``; ``name`` the fullest form the sources give;
    ``role`` a title or apposition from the sources ("NATO Secretary General"), or None.
    """

    name: str
    kind: str
    role: str | None = None
    mentions: tuple[str, ...] = ()
    sentence_indices: tuple[int, ...] = ()


@dataclass(frozen=True)
class Quote(Record):
    """A direct quote: its words without quote marks, and who said it (None when undeterminable)."""

    text: str
    speaker: str | None
    sentence_index: int
    role: str | None = None
    cue: str | None = None
    start: int = 0
    end: int = 0
    source: int = 0
    score: float = 0.0


@dataclass(frozen=True)
class Figure(Record):
    """A number with what it counts.

    ``text`` is the phrase as written ("more than 20 billion euros").

    ``value`` is a float where definite, ``unit`` e.g. "EUR", "%", "troops"; ``qualifier`` e.g.
    "more than"; ``counts`` a short label saying what the number counts.
    """

    text: str
    value: float | None
    unit: str | None
    counts: str | None
    sentence_index: int
    qualifier: str | None = None
    start: int = 0
    end: int = 0
    source: int = 0
    score: float = 0.0


@dataclass(frozen=True)
class Event(Record):
    """A dated or upcoming event ("the upcoming NATO Summit in The Hague")."""

    text: str
    sentence_index: int
    date: str | None = None
    upcoming: bool = False
    source: int = 0


@dataclass(frozen=True)
class KeyPoint(Record):
    """A ranked source sentence (possibly trimmed) for the key points; higher ``score`` = better."""

    text: str
    score: float
    sentence_index: int
    section: str | None = None
    source: int = 0
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Analysis(Record):
    """What the analysis stage found in one or several sources.

    ``title``, ``date`` and ``source`` (the outlet) describe the first source; ``sources`` lists
    all.
    ``key_points`` is empty until a summariser ranks sentences (``briefgen.analyse`` fills it).
    """

    title: str | None
    date: str | None
    source: str | None
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    sources: tuple[SourceInfo, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()


# ----------------------------------------------------------------------------- summarise


@dataclass(frozen=True)
class Brief(Record):
    """The briefing's content, ranked best first within each block: the editable JSON draft.

    Blocks: ``bottom_line``, ``key_points``, ``quotes``, ``figures``, ``people`` (who's who),
    ``events`` (what's next), ``sources`` (footer). ``dropped`` lists what the fit planner left out.
    ``author`` is who prepared the briefing (the analyst, not a source's author); None when unsaid.
    """

    title: str
    bottom_line: tuple[KeyPoint, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    people: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    sources: tuple[SourceInfo, ...] = ()
    date: str | None = None
    subject: str | None = None
    marking: str | None = None
    dropped: tuple[str, ...] = ()
    version: int = 1
    author: str | None = None


# ----------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class PlanBlock(Record):
    """One block placed on the page: its name, region and how many of its items are kept."""

    name: str
    region: str
    kept: int
    total: int


@dataclass(frozen=True)
class Plan(Record):
    """How the Brief fits one page: one plan drives every renderer.

    ``brief`` holds only the items kept; ``font_size`` the base size chosen; ``dropped`` says what
    was
    left out ("quotes[3]"), lowest-ranked first.
    """

    layout: str
    paper: str
    font_size: float
    brief: Brief
    blocks: tuple[PlanBlock, ...] = ()
    dropped: tuple[str, ...] = ()
