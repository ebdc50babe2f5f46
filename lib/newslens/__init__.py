"""newslens: German news articles to tidy tables and charts you can trace back to sentences.

Notebooks need one import: ``import newslens as nl`` gives the loader, ``annotate``, the counting
tables, the charts and the parameter check.
"""

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
from newslens.plots_quotes import plot_speaker_topics, plot_speakers_over_time, plot_top_speakers
from newslens.plots_timeline import mentions_per_week, plot_event_timeline, timeline_table
from newslens.provenance import event_evidence, evidence, explain, pair_evidence
from newslens.quotes.tables import quote_evidence, speaker_topics, speakers_over_time, top_speakers

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
