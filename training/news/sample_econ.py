"""Sample news sentences rich in companies, economic and regional news, for NER annotation.

The first sample (``sample.py``) is stratified by source and month; companies are rare in it
(ORG is mostly parties and public bodies), and the pipeline labelled company names as persons.
This sampler draws from the same benchmark corpus, with the same sentence splitter and filter,
but keeps only sentences of **train-split articles** (``sample.split_of``; no sentence of a news
test article can be chosen; a fifth of these articles, by hash, give a news *dev* set instead,
``econ_split``) that name an economic or regional cue (``CUES``: company forms such
as ``AG``/``GmbH``, ``Konzern``, ``Aktie``, ``Umsatz``, ``Insolvenz``, ``Landkreis``,
``Bürgermeister`` ...) and that are not already in ``annotations.jsonl``. Articles and sentences
are ordered by SHA-256 hashes (at most ``MAX_PER_ARTICLE`` per article), so the sample is the
same on every machine.

The chosen sentences are pre-annotated by the shipped pipeline (``models/de_newslens``, its
entity ruler included) and written, with bench text, to the git-ignored
``training/news/work/econ/proposals.jsonl``; they are corrected by reading, with
``review.py --work work/econ show N`` / ``apply N`` like the first sample.

    python training/news/sample_econ.py [--n 300] [--bench PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from sample import BENCH, HERE, is_clean, read_bench, split_of, split_sentences, stable_hash

PROJECT = HERE.parent.parent
OUT = HERE / "work" / "econ" / "proposals.jsonl"
ANNOTATIONS = HERE / "annotations.jsonl"
MODEL = PROJECT / "models" / "de_newslens"
MAX_PER_ARTICLE = 2
DEV_MODULUS = 5  # article hash % 5 == 0 -> "dev" (a news dev set, never trained on)

#: Words that mark economic or regional news (whole words, case-sensitive; also as the end of a
#: hyphenated compound: ``Lufthansa-Chef``, ``Siemens-Konzern``).
CUES = re.compile(
    r"(?<![\w])(?:\w+-)?(?:AG|SE|GmbH|KG|Konzerns?|Konzernchef\w*|Unternehmens?|Firma|Firmen"
    r"|Aktien?|Aktionär\w*|Börse\w*|Dax|Umsatz\w*|Hersteller\w*|Insolvenz\w*|Chef|Chefin"
    r"|Vorstandschef\w*|Vorstand\w*|Geschäftsführer\w*|Filiale\w*|Werk|Werke[ns]?|Standort\w*"
    r"|Händler\w*|Einzelhandel\w*|Bank|Banken|Investor\w*|Tochter\w*|Zulieferer\w*"
    r"|Landkreis\w*|Landrat|Bürgermeister\w*|Gemeinde|Stadtrat\w*|Kreis)(?![\w-])"
)
#: A sentence needs this many cue words, and at least one name the pipeline proposes that is
#: not a currency (a sentence with no name teaches little about names).
MIN_CUES = 1
CURRENCIES = frozenset({"Euro", "Dollar", "Cent", "Pfund", "Franken"})


def econ_split(article_id: str, annotated: dict[str, str] | None = None) -> str:
    """'dev' for a fifth of the (train-split) articles of this sample, by hash, else 'train'.

    The dev sentences are the news part of the dev set that picks a training run's checkpoint
    (``build_model.py --news-dev``); no run trains on them. An article that already has
    annotated sentences (``annotated``: article id -> split) keeps their split, so no article
    is in two splits.
    """
    if annotated and article_id in annotated:
        return annotated[article_id]
    return "dev" if stable_hash(f"econ-dev:{article_id}") % DEV_MODULUS == 0 else "train"


def existing(path: Path) -> dict[tuple[str, int], str]:
    """(article id, sentence start) -> split of every annotated sentence."""
    keys = {}
    if path.exists():
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            keys[(rec["article_id"], rec["start"])] = rec["split"]
    return keys


def sample(bench: Path, n: int, taken: dict[tuple[str, int], str]) -> list[dict]:
    annotated = {aid: split for (aid, _), split in taken.items()}
    articles = []
    for rec in read_bench(bench):
        aid, text = rec["id"], rec["text"]
        if split_of(aid) != "train":
            continue
        sents = []
        for s, e in split_sentences(text):
            sent = text[s:e]
            if (aid, s) in taken or not is_clean(sent) or len(CUES.findall(sent)) < MIN_CUES:
                continue
            sents.append({"sent_key": f"{aid}:{s}-{e}", "article_id": aid, "start": s, "end": e,
                          "source": rec["source"], "month": rec["date"][:7],
                          "split": econ_split(aid, annotated),
                          "text": sent})
        if sents:
            sents.sort(key=lambda d: stable_hash("econ-sent:" + d["sent_key"]))
            articles.append((stable_hash("econ-article:" + aid), sents[:MAX_PER_ARTICLE]))
    articles.sort(key=lambda t: t[0])
    chosen = [s for _, sents in articles for s in sents][:n]
    chosen.sort(key=lambda d: stable_hash("econ-order:" + d["sent_key"]))
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not args.bench.exists():
        print(f"benchmark corpus not found: {args.bench} (skipping)", file=sys.stderr)
        return 0
    rows = sample(args.bench, 3 * args.n, existing(ANNOTATIONS))
    import spacy

    nlp = spacy.load(MODEL)
    kept = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        row["proposed"] = [[e.start_char, e.end_char, e.label_, e.text] for e in doc.ents]
        if any(e.text not in CURRENCIES for e in doc.ents):
            kept.append(row)
    kept = kept[:args.n]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in kept:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(kept)} sentences pre-annotated by {MODEL.name} -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
