"""newslens: German news articles to tidy tables and charts you can trace back to sentences.

Notebooks need one import: ``import newslens as nl`` gives the loader, ``annotate``, the counting
tables, the charts and the parameter check.

The names below are imported on first use (PEP 562), so ``import newslens`` itself is cheap: a
process that needs only ``newslens.config`` or ``newslens.report`` (the report runner and its
worker processes) does not pay for pandas, pyarrow and matplotlib.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

#: Public name -> the module that defines it.
_EXPORTS = {
    "CorpusError": "corpus", "load_corpus": "corpus", "select_articles": "corpus",
    "skipped_table": "corpus",
    "cooccurrence": "counts", "entity_article_matrix": "counts",
    "mentions_per_article": "counts", "top_entities": "counts", "top_pairs": "counts",
    "event_summary": "events",
    "ParameterError": "params", "check_parameters": "params",
    "Annotations": "pipeline", "annotate": "pipeline", "annotate_corpus": "pipeline",
    "plot_cooccurrence": "plots", "plot_entity_article_heatmap": "plots",
    "plot_mentions_per_article": "plots", "plot_top_entities": "plots",
    "plot_top_entities_by_label": "plots", "save_chart": "plots",
    "plot_speaker_topics": "plots_quotes", "plot_speakers_over_time": "plots_quotes",
    "plot_top_speakers": "plots_quotes",
    "mentions_per_week": "plots_timeline", "plot_event_timeline": "plots_timeline",
    "timeline_table": "plots_timeline",
    "event_evidence": "provenance", "evidence": "provenance", "explain": "provenance",
    "pair_evidence": "provenance",
    "quote_evidence": "quotes.tables", "speaker_topics": "quotes.tables",
    "speakers_over_time": "quotes.tables", "top_speakers": "quotes.tables",
}

__all__ = [
    "Annotations", "CorpusError", "ParameterError", "annotate", "annotate_corpus",
    "check_parameters", "event_evidence", "event_summary", "evidence", "explain",
    "mentions_per_week",
    "pair_evidence", "plot_event_timeline", "timeline_table",
    "cooccurrence", "entity_article_matrix", "load_corpus", "mentions_per_article",
    "plot_cooccurrence", "plot_entity_article_heatmap", "plot_mentions_per_article",
    "plot_top_entities", "plot_top_entities_by_label", "save_chart", "select_articles",
    "skipped_table", "top_entities", "top_pairs",
    "plot_speaker_topics", "plot_speakers_over_time", "plot_top_speakers", "quote_evidence",
    "speaker_topics", "speakers_over_time", "top_speakers",
]
__version__ = "0.1.0"


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newslens' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"newslens.{module}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # for type checkers and IDEs: the same names, imported eagerly
    from newslens.corpus import CorpusError, load_corpus, select_articles, skipped_table
    from newslens.counts import (
        cooccurrence,
        entity_article_matrix,
        mentions_per_article,
        top_entities,
        top_pairs,
    )
    from newslens.events import event_summary
    from newslens.params import ParameterError, check_parameters
    from newslens.pipeline import Annotations, annotate, annotate_corpus
    from newslens.plots import (
        plot_cooccurrence,
        plot_entity_article_heatmap,
        plot_mentions_per_article,
        plot_top_entities,
        plot_top_entities_by_label,
        save_chart,
    )
    from newslens.plots_quotes import (
        plot_speaker_topics,
        plot_speakers_over_time,
        plot_top_speakers,
    )
    from newslens.plots_timeline import mentions_per_week, plot_event_timeline, timeline_table
    from newslens.provenance import event_evidence, evidence, explain, pair_evidence
    from newslens.quotes.tables import (
        quote_evidence,
        speaker_topics,
        speakers_over_time,
        top_speakers,
    )
