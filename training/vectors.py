"""Train floret subword vectors for the pipeline's static embedding table.

Text: the benchmark news corpus (read from ../shared, never copied) plus the GermEval and
Europeana training sentences, tokenised with spaCy's German tokenizer so the vectors see the
same tokens as the pipeline. What the models are scored on stays out: the held-out GermEval
sentences, and every bench paragraph holding a news test sentence. Only the hashed subword
table (`bucket` x `dim` numbers) reaches the model.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

#: floret settings: bucket x dim x 4 bytes is the size the vectors add to the model (40 MB).
#: Skip-gram, 10 epochs: dev F1 about 0.03 above 5-epoch CBOW in every paired run (see the
#: tuning runs in training/README.md); it takes about 12 minutes on two threads, CBOW about 5.
FLORET = {
    "model": "skipgram",
    "mode": "floret",
    "dim": 200,
    "minn": 4,
    "maxn": 5,
    "hashCount": 2,
    "bucket": 50000,
    "epoch": 10,
    "minCount": 3,
    "thread": 2,
}


def news_texts(path: Path, *, leave_out: dict[str, list[tuple[int, int]]] | None = None,
               ) -> Iterator[str]:
    """The `text` field of each article of a JSONL(.gz) file, paragraph by paragraph.

    `leave_out` maps an article `id` to character spans of its text (test sentences): a
    paragraph that overlaps one of them is not yielded.
    """
    leave_out = leave_out or {}
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (json.JSONDecodeError, KeyError) as err:
                raise ValueError(
                    f"{path}, line {lineno}: expected JSON with 'text' ({err})"
                ) from err
            spans = leave_out.get(record.get("id"), ())
            start = 0
            for paragraph in text.split("\n"):
                end = start + len(paragraph)
                if paragraph.strip() and not any(a < end and start < b for a, b in spans):
                    yield paragraph
                start = end + 1


def test_spans(annotations: Path) -> dict[str, list[tuple[int, int]]]:
    """Article id -> (start, end) of each news test sentence in the annotations JSONL."""
    spans: dict[str, list[tuple[int, int]]] = {}
    with annotations.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["split"] == "test":
                spans.setdefault(record["article_id"], []).append(
                    (record["start"], record["end"]))
    return spans


def write_training_text(paragraphs: Iterable[str], out: Path) -> int:
    """Tokenise with spacy.blank('de') and write one paragraph a line; return the token count."""
    import spacy

    nlp = spacy.blank("de")
    nlp.max_length = 2_000_000
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for doc in nlp.tokenizer.pipe(paragraphs, batch_size=1000):
            words = [t.text for t in doc if not t.is_space]
            n += len(words)
            fh.write(" ".join(words) + "\n")
    return n


def train_floret(text: Path, out_dir: Path, *, params: dict | None = None) -> Path:
    """Train floret on `text`, write `vectors.floret` and the spaCy vectors to `out_dir/model`."""
    import floret

    settings = {**FLORET, **(params or {})}
    model = floret.train_unsupervised(str(text), **settings)
    floret_file = out_dir / "vectors.floret"
    model.save_floret_vectors(str(floret_file))
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "de", str(floret_file),
         str(out_dir / "model"), "--mode", "floret"],
        check=True,
    )
    return out_dir / "model"
