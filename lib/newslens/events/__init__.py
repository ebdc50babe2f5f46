"""Events: what happened, when, to whom, and every report of it.

A package of four steps, each readable alone:

- :mod:`~newslens.events.triggers`: the lexicon of German event words (data files
  ``event_triggers.csv`` and ``event_classes.csv``: CAMEO root classes and news classes);
- :mod:`~newslens.events.mentions`: a trigger in a sentence becomes an event mention with its
  actors, places and modality (cues in ``event_cues.csv``, :mod:`~newslens.events.cues`);
- :mod:`~newslens.events.dating`: the mention's own date (timex, publication day, or none);
- :mod:`~newslens.events.grouping`: mentions of one event across articles become one event;
- :mod:`~newslens.events.tables`: the tables ``event_mentions`` and ``events``.
"""

from newslens.events.tables import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    MODALITIES,
    SEP,
    build_events,
    event_summary,
    split_names,
)
from newslens.events.triggers import event_classes

__all__ = ["EVENT_COLUMNS", "MENTION_COLUMNS", "MODALITIES", "SEP", "build_events",
           "event_classes", "event_summary", "split_names"]
