"""How the knowledge-base ruler's matches are merged with the statistical NER's entities.

The shipped pipeline runs its ``span_ruler`` after ``ner`` and merges with
:func:`ruler_over_ner`, registered for spaCy configs as ``newslens.ruler_over_ner.v1`` (an entry
point of the package, so ``spacy.load`` finds it without importing newslens first):

- a longer NER entity that contains a match wins: ``FC Bayern`` (ORG) keeps the club, not the
  state ``Bayern``; ``Financial Times Deutschland`` stays one newspaper;
- otherwise the match wins: the same span gets the knowledge base's label (``Trumps`` PER, not
  LOC), a longer match replaces the shorter entity (``Frankfurt am Main``), and a crossing
  entity gives way;
- a match no entity touches is added, so names the model missed are still found.

Running the ruler before ``ner`` instead (the entity_ruler of pipelines up to 0.3.0) fixed its
matches before the model saw them, so the model could not extend ``Bayern`` to ``FC Bayern``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span


def ruler_over_ner(entities: Iterable[Span], matches: Iterable[Span]) -> list[Span]:
    """Merge the NER's non-overlapping `entities` with the ruler's (overlapping) `matches`."""
    chosen: list[Span] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda s: (s.start - s.end, s.start)):  # longest first
        if taken.isdisjoint(range(match.start, match.end)):
            chosen.append(match)
            taken.update(range(match.start, match.end))
    merged = list(entities)
    for match in chosen:
        overlapping = [e for e in merged if e.start < match.end and match.start < e.end]
        if any(e.start <= match.start and match.end <= e.end and len(e) > len(match)
               for e in overlapping):
            continue
        merged = [e for e in merged if e not in overlapping]
        merged.append(match)
    return sorted(merged)


def make_ruler_over_ner() -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    """The registered factory: ``{"@misc": "newslens.ruler_over_ner.v1"}``.

    Resolving it also registers the component that runs after the ruler
    (``newslens_entity_rules``), so ``spacy.load`` finds that too without importing newslens.
    """
    from newslens.entity_rules import register

    register()
    return ruler_over_ner
