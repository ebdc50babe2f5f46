"""newslens: German news articles to tidy tables and charts you can trace back to sentences."""

from newslens.corpus import CorpusError, load_corpus

__all__ = ["CorpusError", "load_corpus"]
__version__ = "0.1.0"
