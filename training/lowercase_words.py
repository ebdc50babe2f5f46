"""Write ``lib/newslens/data/lowercase_words.txt.gz``: capitalised words that German news writes
in lower case inside a sentence, for the ``entity_rules`` correction ``lowercase_word`` (a
one-word entity that opens a sentence and is such a word is no name: ``Neulich habe ich``,
``Weiß er das?``, ``Mag sein``).

    python training/lowercase_words.py [--shared ../shared] [--corpus training/corpus]
                                       [--show Neulich Weiß ...]

The counts come from the bench corpus (``--shared``; without the paragraphs that hold a news
test sentence, as for the vectors and the GeoNames list), split into words by a regular
expression. A word is listed in its capitalised form when, inside sentences (not after ``.``,
``!``, ``?``, ``:``, ``;``, a quotation mark or a dash, not opening a paragraph), its lower-case
form occurs at least :data:`MIN_LOWER` times and its capitalised form at most once per
:data:`RATIO` of those (``neulich`` 79 times, ``Neulich`` once; ``weiß`` 2,091, ``Weiß`` 71,
the surname and the colour; ``--show`` prints the counts of the words given). Left out, so
that the list never holds a name: the words of the knowledge base's names and aliases and the
gazetteer's places, and words that the annotated
training text (GermEval train and the news annotations; never an evaluation split) shows inside
an entity at least as often as outside one.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import spacy

from wordlists import require_corpus, write_unless_inside

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
OUT = PROJECT / "lib" / "newslens" / "data" / "lowercase_words.txt.gz"
#: Evidence a capitalised word needs: its lower-case form this often inside sentences ...
MIN_LOWER = 5
#: ... and its capitalised form there at most once per this many lower-case occurrences.
RATIO = 20
_WORD = re.compile(r"\w[\w'-]*|[^\w\s]")


def case_counts(bench: Path) -> tuple[Counter, Counter]:
    """Lower-case and capitalised words inside sentences of the bench text (not after one of
    ``newslens.entity_rules.SENTENCE_OPENERS``, the words the correction takes to open one)."""
    sys.path.insert(0, str(HERE))
    from newslens.entity_rules import SENTENCE_OPENERS
    from vectors import news_texts, test_spans

    lower, upper = Counter(), Counter()
    leave_out = test_spans(HERE / "news" / "annotations.jsonl")
    for paragraph in news_texts(bench, leave_out=leave_out):
        before = None
        for match in _WORD.finditer(paragraph):
            word = match.group()
            if before is not None and before not in SENTENCE_OPENERS and word[0].isalpha():
                if word[0].isupper():
                    upper[word] += 1
                elif word[0].islower():
                    lower[word] += 1
            before = word
    return lower, upper


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=HERE / "corpus")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--shared", type=Path, default=PROJECT.parent / "shared")
    p.add_argument("--show", nargs="*", default=[], metavar="WORD",
                   help="print how often these words occur inside sentences, both cases")
    args = p.parse_args(argv)
    require_corpus(args.corpus)
    bench = args.shared / "data" / "bench" / "german_news_10k.jsonl.gz"
    if not bench.is_file():
        raise SystemExit(f"{bench} not found (--shared PATH)")
    sys.path.insert(0, str(HERE))
    from common_nouns import known_names

    lower, upper = case_counts(bench)
    for word in args.show:
        print(f"{word}: {lower[word.lower()]} in lower case, {upper[word]} capitalised, "
              "inside sentences")
    names = known_names()
    capitalised = ((low[:1].upper() + low[1:], n) for low, n in sorted(lower.items()))
    words = (word for word, n in capitalised
             if n >= MIN_LOWER and upper[word] * RATIO <= n and word not in names)
    write_unless_inside(args.out, words, args.corpus, spacy.blank("de").vocab, "words")


if __name__ == "__main__":
    main()
