"""Add the knowledge base to a trained pipeline as a span ruler after the statistical NER.

    python training/ruler.py --model models/de_newslens [--kb lib/newslens/data/kb.csv]
                             [--corpus training/corpus]

Every canonical name and alias of ``kb.csv`` becomes a phrase pattern with the entity's label
(matched by spaCy's PhraseMatcher on the exact token texts: token patterns made the ruler take
two thirds of the pipeline's time);
the ruler runs after ``ner`` and merges its matches with the model's entities by
``newslens.ruler.ruler_over_ner``: a longer entity around a match wins (``FC Bayern``), otherwise
the match does (``Trumps`` PER; ``Frankfurt am Main``), and the names the knowledge base does not
know are still found by the model. Aliases that annotated training text mostly leaves unannotated
(a capitalised noun such as ``Essen`` or ``Bild``) are left out, as are one-letter aliases
(``X``); the numbers are printed. The pipeline folder is rewritten in place (atomically), and
running the script again replaces the ruler instead of adding a second one.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from newslens.entity_rules import load_rules, register
from newslens.kb import alias_table, load_kb, load_roles

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent

#: The ruler's name in the pipeline.
RULER = "kb_ruler"
#: The label corrections after it (newslens.entity_rules).
RULES = "entity_rules"
#: The line after which the model README's notes are kept when the ruler is rebuilt.
NOTES = "\n<!-- notes: kept by training/ruler.py -->\n"
#: An alias is left out when annotated text shows it this often, mostly not as an entity.
MIN_SEEN = 3


def surface_usage(corpus: Path, nlp) -> tuple[Counter, Counter]:
    """How often each word occurs in annotated modern text, and how often inside an entity.

    GermEval and the project's news annotations only: never the evaluation splits, and not the
    historic, OCR-noisy Europeana text.
    """
    seen, tagged = Counter(), Counter()
    paths = [corpus / "germeval_train.spacy", *sorted((corpus / "extra").glob("*.spacy"))]
    for path in (p for p in paths if p.is_file()):
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            for token in doc:
                seen[token.text] += 1
                tagged[token.text] += token.ent_iob_ != "O"
    return seen, tagged


def patterns(kb, nlp, seen: Counter, tagged: Counter,
             media: list[str]) -> tuple[list[dict], list[str]]:
    """Phrase patterns for every usable alias, and the aliases left out (with why).

    A one-letter name (the platform ``X``) is matched only after a medium noun (``auf der
    Plattform X``); the span then includes that noun, which canonicalisation strips again.
    """
    out, dropped = [], []
    aliases = alias_table(kb).sort_values(["surface", "entity_id"], kind="stable")
    for row in aliases.itertuples(index=False):
        surface = row.surface
        words = [t.text for t in nlp.make_doc(surface)]
        if len(surface) < 2:
            out += [{"label": row.label, "pattern": f"{medium} {surface}",
                     "id": row.entity_id} for medium in media]
            dropped.append(f"{surface} (one letter: only after {len(media)} medium nouns)")
            continue
        if len(words) == 1 and seen[surface] >= MIN_SEEN and tagged[surface] * 2 < seen[surface]:
            dropped.append(f"{surface} ({tagged[surface]} of {seen[surface]} annotated)")
            continue
        out.append({"label": row.label, "pattern": surface, "id": row.entity_id})
    return out, dropped


def add_ruler(model: Path, kb_path: Path | None, corpus: Path, *, dev: bool = False) -> None:
    register()
    nlp = spacy.load(model)
    # pipelines up to 0.3.0 ran an entity_ruler before ner
    for name in (RULES, RULER, "entity_ruler"):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    kb = load_kb(kb_path)
    seen, tagged = surface_usage(corpus, nlp)
    roles = load_roles()
    media = sorted(roles.loc[roles["kind"] == "medium", "role"])
    found, dropped = patterns(kb, nlp, seen, tagged, media)
    ruler = nlp.add_pipe("span_ruler", name=RULER, after="ner", config={
        "spans_key": None, "annotate_ents": True, "overwrite": False,
        "ents_filter": {"@misc": "newslens.ruler_over_ner.v1"}})
    ruler.add_patterns(found)
    rules = load_rules()
    nlp.add_pipe("newslens_entity_rules", name=RULES, after=RULER).set_rules(rules)
    nlp.meta["description"] = (nlp.meta.get("description", "").split(" Entity ruler:")[0]
                               + f" Entity ruler: {len(found)} patterns from newslens' kb.csv"
                               " after the statistical NER (newslens.ruler), then label"
                               " corrections from the words of entity_rules.csv and roles.csv"
                               " (newslens.entity_rules).")
    full = (model / "README.md").read_text(encoding="utf-8")
    readme = full.split("\n## With the entity")[0]
    notes = full.partition(NOTES)[2]  # hand-written notes after the scores are kept
    tmp = Path(tempfile.mkdtemp(dir=model.parent, prefix=f".{model.name}."))
    try:
        nlp.to_disk(tmp)  # before scoring, which would add the scored text's words to the vocab
        # The string store holds every word of the training text (the bench sentences of the
        # silver data among them). The pipeline needs none of it: the embeddings and vectors
        # hash each word's text, and the components add their labels and patterns on loading
        # (the same entities on the 6,916 sentences of the GermEval and news training and
        # development sets). Leaving it out keeps the model under 60 MB and the bench words
        # out of the repository.
        (tmp / "vocab" / "strings.json").write_text("[]", encoding="utf-8")
        report = _evaluate(nlp, corpus, dev=dev)
        scored = ("the development sets (GermEval dev and the news dev sentences; the test "
                  "splits were not scored: `python benchmarks/ner_eval.py` scores them)" if dev
                  else "the held-out GermEval split and the news test split")
        (tmp / "README.md").write_text(
            readme.rstrip() + "\n\n## With the entity ruler\n\nThe scores above are the "
            f"statistical NER's. `training/ruler.py` then added a span ruler `{RULER}` with "
            f"{len(found)} patterns from `lib/newslens/data/kb.csv` after `ner`, merged with "
            "its entities by `newslens.ruler.ruler_over_ner`, and a component "
            f"`{RULES}` (`newslens.entity_rules`) that corrects entities by "
            f"{sum(map(len, rules.values()))} words of `lib/newslens/data/entity_rules.csv` "
            "and the word lists beside it in that folder (`roles.csv`, the GeoNames places, "
            "Wiktionary's common nouns; the pipeline needs newslens installed); the whole "
            f"pipeline scores on {scored}:\n\n```\n{report}\n```\n"
            + (f"{NOTES}{notes}" if notes else ""), encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    backup = model.with_name(f".{model.name}.old")
    model.rename(backup)
    tmp.rename(model)
    shutil.rmtree(backup)
    print(f"{RULER}: {len(found)} patterns, {len(dropped)} aliases left out "
          f"(e.g. {', '.join(dropped[:8])})")


def _evaluate(nlp, corpus: Path, *, dev: bool = False) -> str:
    """Scores of the pipeline with its ruler on the held-out GermEval and news test splits
    (`dev`: on the GermEval dev split and the news dev sentences instead)."""
    from evaluate import evaluate, format_scores  # training/evaluate.py, beside this script

    lines = []
    sets = ((("GermEval dev", corpus / "germeval_dev.spacy"),
             ("news dev", corpus / "news_dev.spacy")) if dev else
            (("held-out GermEval", corpus / "germeval_heldout.spacy"),
             ("news test", corpus / "news_test.spacy")))
    for name, path in sets:
        if path.is_file():
            gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
            lines.append(format_scores(name, evaluate(nlp, gold)))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=PROJECT / "models" / "de_newslens")
    parser.add_argument("--kb", type=Path, default=None, help="default: the package's kb.csv")
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus",
                        help="DocBins of annotated training text (build_model.py writes them)")
    parser.add_argument("--dev", action="store_true",
                        help="score the development sets for the README, not the test splits")
    args = parser.parse_args()
    add_ruler(args.model, args.kb, args.corpus, dev=args.dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
