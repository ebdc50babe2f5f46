"""Score a pipeline's entities against gold Docs (held-out GermEval, news test sets).

The pipeline reads the raw sentence text (its own tokenizer, as in use), and spaCy's Scorer
aligns its tokens with the gold tokens: the same figures `spacy evaluate` would print.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

LABELS = ("PER", "LOC", "ORG", "MISC")


def evaluate(nlp: Language, gold: Sequence[Doc], *, batch_size: int = 256) -> dict[str, Any]:
    """Precision, recall, F1 overall and per label, and words/s of `nlp.pipe` on the texts."""
    texts = [doc.text for doc in gold]
    started = time.perf_counter()
    predicted = list(nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - started
    examples = [Example(pred, ref) for pred, ref in zip(predicted, gold, strict=True)]
    scores = Scorer.score_spans(examples, "ents")
    per_type = scores.get("ents_per_type") or {}
    n_words = sum(len(doc) for doc in gold)
    labels = [lab for lab in LABELS if lab in per_type] + sorted(set(per_type) - set(LABELS))
    return {
        "n_sents": len(gold),
        "n_words": n_words,
        "n_ents": sum(len(doc.ents) for doc in gold),
        "p": round(scores["ents_p"] or 0.0, 4),
        "r": round(scores["ents_r"] or 0.0, 4),
        "f": round(scores["ents_f"] or 0.0, 4),
        "per_type": {
            lab: {k: round(v, 4) for k, v in per_type[lab].items()} for lab in labels
        },
        "words_per_second": round(n_words / seconds) if seconds > 0 else 0,
        "counts": [_counts(pred, ref) for pred, ref in zip(predicted, gold, strict=True)],
    }


def _counts(predicted: Doc, gold: Doc) -> tuple[int, int, int]:
    """True positives, predicted and gold entities of one sentence, matched by character
    offsets and label (the sentence's share of the micro F1, for :func:`bootstrap_f1`)."""
    pred = {(e.start_char, e.end_char, e.label_) for e in predicted.ents}
    ref = {(e.start_char, e.end_char, e.label_) for e in gold.ents}
    return len(pred & ref), len(pred), len(ref)


def bootstrap_f1(counts: Sequence[tuple[int, int, int]], *, resamples: int = 1000,
                 seed: int = 0) -> tuple[float, float, float]:
    """Micro F1 of the sentences' ``(tp, predicted, gold)`` counts and its 95% percentile
    interval over ``resamples`` resamplings of the sentences with replacement: how much the
    figure of a test set of this size moves with the sample of sentences alone."""
    import numpy as np

    table = np.asarray(counts, dtype=np.int64).reshape(-1, 3)

    def f1(rows: np.ndarray) -> np.ndarray:
        tp, predicted, gold = rows[..., 0], rows[..., 1], rows[..., 2]
        return np.where(predicted + gold > 0, 2 * tp / np.maximum(1, predicted + gold), 0.0)

    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(table), size=(resamples, len(table)))
    sums = table[picks].sum(axis=1)
    low, high = np.percentile(f1(sums), [2.5, 97.5])
    return float(f1(table.sum(axis=0))), float(low), float(high)


def format_scores(name: str, scores: dict[str, Any]) -> str:
    """A small fixed-width table of the scores, for printing."""
    lines = [
        f"{name}: {scores['n_sents']} sentences, {scores['n_words']} words, "
        f"{scores['n_ents']} gold entities",
        f"  {'label':<8}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for lab, s in scores["per_type"].items():
        lines.append(f"  {lab:<8}{s['p']:>8.3f}{s['r']:>8.3f}{s['f']:>8.3f}")
    lines.append(f"  {'ALL':<8}{scores['p']:>8.3f}{scores['r']:>8.3f}{scores['f']:>8.3f}")
    lines.append(f"  speed: {scores['words_per_second']:,} words/s (nlp.pipe)")
    return "\n".join(lines)
