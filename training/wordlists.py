"""Helpers of the scripts that write the word lists of ``entity_rules`` (``geonames_places.py``,
``common_nouns.py``): the package a script reads its words from, and what the annotated training
text says of single words (GermEval train and the news annotations, ``training/corpus/``; never
an evaluation split)."""

from __future__ import annotations

import importlib
from collections import Counter
from pathlib import Path
from types import ModuleType

from spacy.tokens import DocBin


def require_package(module: str, script: str, what: str, pip: str) -> ModuleType:
    """Import `module`, or stop with the pip command that installs it (only `script` needs it,
    so it is not in requirements.txt)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise SystemExit(f"training/{script} needs {what}: pip install {pip}") from None


def require_corpus(corpus: Path) -> None:
    """Stop with a message when the corpus stage has not been run."""
    if not (corpus / "germeval_train.spacy").is_file():
        raise SystemExit(f"{corpus}/germeval_train.spacy not found: run "
                         "python training/build_model.py --stage corpus first")


def usage(corpus: Path, vocab, label: str | None = None) -> tuple[Counter, Counter]:
    """How often each word occurs in the annotated training text, and how often inside an
    entity (of `label`, or of any label)."""
    seen, inside = Counter(), Counter()
    paths = [corpus / "germeval_train.spacy", *sorted((corpus / "extra").glob("*.spacy"))]
    for path in (p for p in paths if p.is_file()):
        for doc in DocBin().from_disk(path).get_docs(vocab):
            for token in doc:
                seen[token.text] += 1
                inside[token.text] += (token.ent_type_ == label if label
                                       else token.ent_type_ != "")
    return seen, inside
