"""Helpers of the scripts that write the word lists of ``entity_rules`` (``geonames_places.py``,
``common_nouns.py``, ``lowercase_words.py``): the package a script reads its words from, and what
the annotated training text says of single words (GermEval train and the news annotations,
``training/corpus/``; never an evaluation split)."""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Iterable
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


def write_unless_inside(out: Path, candidates: Iterable[str], corpus: Path, vocab,
                        what: str) -> None:
    """Write the `candidates` (in their order) to `out` (``newslens.kb.write_word_list``), without
    the words that the annotated training text shows inside an entity at least as often as
    outside one (``Kapitol``), and say how many of `what` were written."""
    from newslens.kb import write_word_list

    seen, inside = usage(corpus, vocab)
    words, left_out = [], []
    for word in candidates:
        if inside[word] and inside[word] >= seen[word] - inside[word]:
            left_out.append(f"{word} ({inside[word]} of {seen[word]} in an entity)")
            continue
        words.append(word)
    write_word_list(out, words)
    print(f"{out}: {len(words)} {what} ({len(left_out)} left out as mostly inside an "
          f"entity in the training text, e.g. {', '.join(left_out[:8])})")
