"""Where the knowledge-base ruler goes: entity F1 of one pipeline with its ruler placed four ways.

    python benchmarks/ruler_eval.py [--model models/de_newslens]

Variants, all with the pipeline's own ``kb_ruler`` patterns: the statistical NER alone; an
entity_ruler *before* ``ner`` (pipelines up to 0.3.0; also counted: entities it wins and loses
against the NER alone on GermEval train + dev); the ruler *after* ``ner`` merged by
``newslens.ruler.ruler_over_ner`` (shipped); the same but the NER's label kept on equal spans.
Scored on the GermEval dev and held-out splits and the news test split of ``training/corpus/``
(rebuilt as ``ner_eval.py`` does if absent).
``--model`` also takes a pipeline with an entity_ruler, such as 0.3.0
(``git archive 92e2c68 models/de_newslens | tar -x -C /tmp``).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.scorer import Scorer
from spacy.tokens import DocBin
from spacy.training import Example

from ner_eval import heldout_path, news_test_path  # benchmarks/, beside this script
from newslens.ruler import ruler_over_ner

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "training" / "corpus"
RULER = "kb_ruler"


@spacy.registry.misc("newslens_bench.ner_label_on_equal_spans.v1")
def make_ner_label_on_equal_spans():
    def merge(entities, matches):
        by_extent = {(e.start, e.end): e for e in entities}
        return ruler_over_ner(entities, [by_extent.get((m.start, m.end), m) for m in matches])
    return merge


def variants(model: str) -> dict[str, spacy.Language]:
    found = spacy.load(model)
    old = "entity_ruler" in found.pipe_names  # pipelines up to 0.3.0: a ruler before ner
    patterns = found.get_pipe("entity_ruler" if old else RULER).patterns
    exclude = ["entity_ruler", RULER]
    shipped = spacy.load(model, exclude=exclude)
    shipped.add_pipe("span_ruler", name=RULER, after="ner", config={
        "spans_key": None, "annotate_ents": True, "overwrite": False,
        "ents_filter": {"@misc": "newslens.ruler_over_ner.v1"}}).add_patterns(patterns)
    before = spacy.load(model, exclude=exclude)
    before.add_pipe("entity_ruler", before="ner",
                    config={"overwrite_ents": False}).add_patterns(patterns)
    ner_label = spacy.load(model, exclude=exclude)
    ner_label.add_pipe("span_ruler", after="ner", config={
        "spans_key": None, "annotate_ents": True, "overwrite": False,
        "ents_filter": {"@misc": "newslens_bench.ner_label_on_equal_spans.v1"},
    }).add_patterns(patterns)
    return {"NER alone": spacy.load(model, exclude=exclude), "ruler before ner": before,
            "ruler after ner (as shipped)": shipped, "after, NER label on equal spans": ner_label}


def spans(docs) -> list[set]:
    return [{(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in docs]


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default=str(PROJECT / "models" / "de_newslens"))
    p.add_argument("--shared", type=Path, default=PROJECT.parent / "shared")
    args = p.parse_args(argv)
    if heldout_path(args.shared.resolve()) is None:  # builds train, dev and held-out
        return
    news_test_path(args.shared.resolve())
    pipelines = variants(args.model)
    vocab = spacy.blank("de").vocab
    sets = {name: list(DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(vocab))
            for name in ("germeval_dev", "germeval_heldout", "news_test")}
    print(f"model: {args.model}; F1 (P / R)")
    for label, nlp in pipelines.items():
        cells = []
        for name, gold in sets.items():
            predicted = nlp.pipe(doc.text for doc in gold)
            scores = Scorer.score_spans(
                [Example(pred, g) for pred, g in zip(predicted, gold, strict=True)], "ents")
            cells.append(f"{name} {scores['ents_f']:.3f} ({scores['ents_p']:.3f} / "
                         f"{scores['ents_r']:.3f})")
        print(f"  {label}: " + ", ".join(cells))
    train = [doc for name in ("germeval_train", "germeval_dev")
             for doc in DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(vocab)]
    gold = spans(train)
    texts = [doc.text for doc in train]
    alone = spans(pipelines["NER alone"].pipe(texts))
    before = spans(pipelines["ruler before ner"].pipe(texts))
    triples = list(zip(alone, before, gold, strict=True))
    won = sum(len((b - a) & g) + len((a - b) - g) for a, b, g in triples)
    lost = sum(len((b - a) - g) + len((a - b) & g) for a, b, g in triples)
    print(f"ruler before ner against the NER alone on GermEval train + dev: {won} entities "
          f"won, {lost} lost")


if __name__ == "__main__":
    main()
