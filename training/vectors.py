"""Train floret subword vectors for the pipeline's static embedding table.

Text: the benchmark news corpus (read from ../shared, never copied) plus the GermEval and
Europeana sentences, tokenised with spaCy's German tokenizer so the vectors see the same tokens
as the pipeline. Only the hashed subword table (`bucket` x `dim` numbers) reaches the model.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

#: floret settings: bucket x dim x 4 bytes is the size the vectors add to the model (40 MB).
FLORET = {
    "model": "cbow",
    "mode": "floret",
    "dim": 200,
    "minn": 4,
    "maxn": 5,
    "hashCount": 2,
    "bucket": 50000,
    "epoch": 5,
    "minCount": 3,
    "thread": 2,
}


def news_texts(path: Path) -> Iterator[str]:
    """The `text` field of each article of a JSONL(.gz) file, paragraph by paragraph."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                text = json.loads(line)["text"]
            except (json.JSONDecodeError, KeyError) as err:
                raise ValueError(
                    f"{path}, line {lineno}: expected JSON with 'text' ({err})"
                ) from err
            yield from (p for p in text.split("\n") if p.strip())


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
