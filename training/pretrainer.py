"""Pretrain the tok2vec layer on raw news text (`spacy pretrain`'s loop, with a deadline).

The objective predicts the first and last characters of each word from its context
(spacy.PretrainCharacters.v1), which teaches the CNN German morphology and context from millions
of unlabelled words before it sees the 4,400 labelled GermEval sentences. The weights file is
passed to `spacy train` as `paths.init_tok2vec`; only numbers derived from the text reach it.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from pathlib import Path
from typing import Any

from spacy import util
from spacy.schemas import ConfigSchemaPretrain
from spacy.training.pretrain import create_pretraining_model, ensure_docs, make_update
from spacy.util import dot_to_object, load_model_from_config, registry

#: The [pretraining] sections added to the training config (spacy init fill-config defaults,
#: except one pass over the text and batches of 2,000 words).
PRETRAIN_CONFIG = """
[paths]
raw_text = null

[corpora]

[corpora.pretrain]
@readers = "spacy.JsonlCorpus.v1"
path = ${paths.raw_text}
min_length = 5
max_length = 500
limit = 0

[pretraining]
max_epochs = 1
dropout = 0.2
n_save_every = null
n_save_epoch = null
component = "tok2vec"
layer = ""
corpus = "corpora.pretrain"

[pretraining.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 2000
discard_oversize = false
tolerance = 0.2
get_length = null

[pretraining.objective]
@architectures = "spacy.PretrainCharacters.v1"
maxout_pieces = 3
hidden_size = 300
n_characters = 4

[pretraining.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001
"""


def pretrain(
    config_path: Path, raw_text: Path, out_file: Path, *, overrides: dict[str, Any],
    max_minutes: float, checkpoint_minutes: float = 5.0,
) -> dict[str, Any]:
    """Pretrain the tok2vec of `config_path` (with its overrides) on `raw_text` (JSONL).

    One pass over the text at most, bounded by `max_minutes`. Every `checkpoint_minutes` the
    weights and the position in the text are saved beside `out_file`; a run that was stopped
    resumes from there (with a fresh optimizer state) instead of starting again.
    """
    config = util.load_config(config_path, overrides=overrides, interpolate=False)
    config = config.merge(util.Config().from_str(PRETRAIN_CONFIG, interpolate=False))
    config["paths"]["raw_text"] = str(raw_text)
    config["initialize"]["init_tok2vec"] = None
    nlp = load_model_from_config(config)
    resolved = nlp.config.interpolate()
    util.fix_random_seed(resolved["training"]["seed"])
    P = registry.resolve(resolved["pretraining"], schema=ConfigSchemaPretrain)
    corpus = registry.resolve({"corpus": dot_to_object(resolved, P["corpus"])})["corpus"]
    model = create_pretraining_model(nlp, P)
    optimizer, objective = P["optimizer"], model.attrs["loss"]
    tok2vec = model.get_ref("tok2vec")
    partial = out_file.with_suffix(".partial.bin")
    state = {"docs": 0, "words": 0, "loss": 0.0, "minutes": 0.0, "resumed": 0}
    if partial.exists() and partial.with_suffix(".json").exists():
        tok2vec.from_bytes(partial.read_bytes())
        state = json.loads(partial.with_suffix(".json").read_text())
        state["resumed"] += 1
    started = time.monotonic() - 60 * state["minutes"]
    deadline = started + 60 * max_minutes
    last_save = time.monotonic()
    docs_left = itertools.islice(corpus(nlp), state["docs"], None)
    for batch in P["batcher"](docs_left):
        if time.monotonic() > deadline:
            break
        docs = ensure_docs(batch)
        state["loss"] += make_update(model, docs, optimizer, objective)
        state["docs"] += len(docs)
        state["words"] += sum(len(doc) for doc in docs)
        if time.monotonic() - last_save > 60 * checkpoint_minutes:
            state["minutes"] = (time.monotonic() - started) / 60
            with model.use_params(optimizer.averages):
                _write_atomic(partial, tok2vec.to_bytes())
            _write_atomic(partial.with_suffix(".json"), json.dumps(state).encode())
            last_save = time.monotonic()
    with model.use_params(optimizer.averages):
        _write_atomic(out_file, tok2vec.to_bytes())
    partial.unlink(missing_ok=True)
    partial.with_suffix(".json").unlink(missing_ok=True)
    return {"words": state["words"], "docs": state["docs"], "resumed": state["resumed"],
            "loss_per_word": round(state["loss"] / max(state["words"], 1), 4),
            "minutes": round((time.monotonic() - started) / 60, 1)}


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
