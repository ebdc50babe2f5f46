"""Write ``lib/newslens/data/first_names.txt.gz``: the first names of the ``first_name``
correction of ``newslens.entity_rules`` (a first name and a capitalised word after it that is
no common word are a person's name: ``Dean Whitehead``, ``Teemu Tainio``).

    python training/first_names.py [--corpus training/corpus] [--out PATH] [--show NAME ...]

The names come from the first-name dictionary that the ``gender-guesser`` package ships (Jörg
Michael's ``nam_dict.txt``, GNU Free Documentation License 1.2: about 48,000 first names with
their frequency in each of 55 countries, on a scale where each step is a factor of two). Only
this script needs it: ``pip install gender-guesser==0.4.0``. A name is listed when it is one
capitalised word of three letters or more with a frequency of at least :data:`MIN_FREQUENCY`
in one of the countries of Europe, the Americas, the Middle East or Central Asia (the East and
South Asian columns are left out: their romanised syllables are English and German words,
``Long``, ``Young``, ``The``). Left out, so that the list holds no word the text uses
otherwise:

- German common nouns (``common_nouns.txt.gz``: ``Roman`` the novel) and the words German news
  writes in lower case inside sentences (``lowercase_words.txt.gz``: ``Will``);
- the words of the knowledge base's names and aliases of places, organisations and other
  entities (``Paris``, ``Georgia``, ``Jordan``) and the gazetteer's places; months and
  weekdays (``August``);
- words that the annotated training text (GermEval train and the news annotations; never an
  evaluation split) shows outside a person's name more often than inside one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy

from wordlists import require_corpus, require_package, usage

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
OUT = PROJECT / "lib" / "newslens" / "data" / "first_names.txt.gz"
#: A first name's frequency in at least one country (the dictionary's scale, 1-13: 4 is about
#: 1 in 8,000 persons of the country, each step a factor of two).
MIN_FREQUENCY = 4
#: The dictionary's country columns left out (their romanised names are English words too).
LEFT_OUT_COUNTRIES = {"china", "japan", "korea", "vietnam", "india", "other_countries"}


def dictionary_names(path: Path, countries: list[str]) -> dict[str, int]:
    """Each first name of ``nam_dict.txt`` with its highest frequency in the countries kept (a
    ``+`` joins the parts of a name written together, apart or hyphenated)."""
    kept = [k for k, country in enumerate(countries) if country not in LEFT_OUT_COUNTRIES]
    names: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line or line[0] in "#=":
            continue
        values = line[30:-1]
        frequency = max((int(values[k], 16) for k in kept
                         if k < len(values) and values[k].strip()), default=0)
        name = line.split()[1]
        for form in {name.replace("+", joiner) for joiner in ("", " ", "-")}:
            names[form] = max(names.get(form, 0), frequency)
    return names


def other_words() -> set[str]:
    """Words the text uses otherwise: common nouns, lower-case words, the words of the
    knowledge base's names that are not persons', the gazetteer's places, months, weekdays."""
    sys.path.insert(0, str(PROJECT / "lib"))
    from newslens import _timex_rules, config
    from newslens.entity_rules import gazetteer_places
    from newslens.kb import alias_table, load_common_nouns, read_word_list

    aliases = alias_table()
    named = {w for surface in aliases.loc[aliases["label"] != "PER", "surface"]
             for w in surface.split()}
    lower = set(read_word_list(config.DATA_DIR / "lowercase_words.txt.gz"))
    calendar = {w.capitalize() for w in (*_timex_rules.MONTHS, *_timex_rules.WEEKDAYS)}
    return load_common_nouns() | lower | named | gazetteer_places() | calendar


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=HERE / "corpus")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--show", nargs="*", default=[], metavar="NAME",
                   help="print the frequency and the training-text counts of these names")
    args = p.parse_args(argv)
    detector = require_package("gender_guesser.detector", "first_names.py",
                               "the first-name dictionary of gender-guesser",
                               "gender-guesser==0.4.0")
    require_corpus(args.corpus)
    sys.path.insert(0, str(PROJECT / "lib"))
    from newslens.kb import write_word_list

    names = dictionary_names(Path(detector.__file__).parent / "data" / "nam_dict.txt",
                             detector.Detector.COUNTRIES)
    other = other_words()
    seen, inside = usage(args.corpus, spacy.blank("de").vocab, label="PER")
    for name in args.show:
        print(f"{name}: frequency {names.get(name, 0)}, "
              f"{'a word used otherwise, ' * (name in other)}"
              f"{inside[name]} of {seen[name]} in a person's name in the training text")
    words = [name for name, frequency in sorted(names.items())
             if frequency >= MIN_FREQUENCY and len(name) >= 3
             and all(part.isalpha() and part[0].isupper() and part[1:].islower()
                     for part in name.split("-")) and name not in other
             and not seen[name] - inside[name] > inside[name]]
    write_word_list(args.out, words)
    print(f"{args.out}: {len(words)} first names")


if __name__ == "__main__":
    main()
