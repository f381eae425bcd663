"""The summarise stage: ranks an Analysis into the briefing's content (a Brief).

``rank_key_points`` picks key points best first by a method from ``SUMMARISERS``;
``summarise`` builds the whole Brief (title, bottom line, key points, quotes, figures, who's who,
events, sources), every block ranked best first and longer than a page holds.
"""

from __future__ import annotations

from .brief import (
    rank_figures,
    rank_people,
    rank_quotes,
    summarise,
    title_from,
    with_key_points,
)
from .rank import SUMMARISERS, default_points, rank_key_points

__all__ = [
    "SUMMARISERS",
    "default_points",
    "rank_figures",
    "rank_key_points",
    "rank_people",
    "rank_quotes",
    "summarise",
    "title_from",
    "with_key_points",
]
