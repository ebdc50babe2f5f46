"""Write ``lib/newslens/data/common_nouns.txt.gz``: the forms of German nouns that are never
names, for the ``entity_rules`` correction ``common_noun`` (a one-word LOC entity that is a
common noun is no entity: ``in die Sauna``, ``im Inland``, ``am Dorfrand``; a one-word PER
entity only after an article or possessive: ``die Juristin``, ``einen Dämon``).

    pip install german-nouns==1.2.5   # Wiktionary's German nouns in a package; only this script
    python training/common_nouns.py [--corpus training/corpus]

The nouns are those of the German Wiktionary as the package ``german-nouns`` lists them
(``nouns.csv``: lemma, part of speech and every inflected form; Wiktionary, CC BY-SA 4.0,
https://de.wiktionary.org): every form, one word with a capital first letter and at least three
letters, of an entry that has no sense as a name (part of speech ``Toponym``, ``Vorname``,
``Nachname``, ``Eigenname``, ``Straßenname`` or ``Abkürzung``). Left out, so that the list
never holds a name:

- the forms of the entries that do have a name sense (``Koch``, ``Berlin``, ``Fischer``);
- the words of the names and aliases of ``kb.csv`` and the places of ``places_geonames.csv``,
  with and without a genitive ``s`` (``Spiegel``, ``Linde``, ``Chinas``);
- words that the annotated training text (GermEval train and the news annotations, the text
  ``training/geonames_places.py`` reads for the same purpose; never an evaluation split) shows
  inside an entity at least as often as outside one (``Kapitol``, ``Reichstagsgebäude``).

The file is committed, so building the pipeline does not need the package; the list of words is
under Wiktionary's licence, CC BY-SA 4.0 (README, "Data and licences").
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import spacy

from wordlists import require_corpus, require_package, write_unless_inside

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
OUT = PROJECT / "lib" / "newslens" / "data" / "common_nouns.txt.gz"
#: Wiktionary parts of speech that make an entry a name.
NAME_POS = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname", "Abkürzung"}


def wiktionary_nouns(path: Path) -> tuple[set[str], set[str]]:
    """The forms of entries without a name sense, and those of entries with one."""
    common, named = set(), set()
    csv.field_size_limit(1 << 20)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            pos = set((row.pop("pos") or "").split(","))
            forms = {v for k, v in row.items() if v and not k.startswith("genus")}
            (named if pos & NAME_POS else common).update(forms)
    return common, named


def known_names() -> set[str]:
    """The words of the knowledge base's names and aliases and the gazetteer's place names."""
    sys.path.insert(0, str(PROJECT / "lib"))
    from newslens.entity_rules import gazetteer_places
    from newslens.kb import alias_table

    words = {w for surface in alias_table()["surface"] for w in surface.split()}
    return words | gazetteer_places()


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=HERE / "corpus")
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    german_nouns = require_package("german_nouns", "common_nouns.py", "Wiktionary's nouns",
                                   "german-nouns==1.2.5")
    require_corpus(args.corpus)
    common, named = wiktionary_nouns(Path(german_nouns.__path__[0]) / "nouns.csv")
    names = known_names() | named
    nlp = spacy.blank("de")
    nouns = (word for word in sorted(common - names)
             if len(word) >= 3 and word[:1].isupper() and word.replace("-", "").isalpha()
             and not (word.endswith("s") and word[:-1] in names)  # Chinas
             and len(nlp.make_doc(word)) == 1)
    write_unless_inside(args.out, nouns, args.corpus, nlp.vocab, "noun forms")


if __name__ == "__main__":
    main()
