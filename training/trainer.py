"""Run `spacy train` in-process with a wall-clock bound.

spaCy's own loop (`spacy.training.loop.train`) stops on patience, `max_epochs` or `max_steps`
only; this is the same loop with the stream of training batches cut off at a deadline, so
`--max-minutes` bounds a build without killing a process half-way through writing a checkpoint.
The best checkpoint (by dev ents_f) is always in `<output>/model-best`.

Pretrained tok2vec weights (`paths.init_tok2vec`) are only loaded by spaCy's
`Language.initialize` when the config has a non-empty [pretraining] section (it names the
component that takes them); config.cfg has an empty one, so `train` adds the sections
`pretrainer.py` pretrained with and checks afterwards that the weights did arrive.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy import util
from spacy.schemas import ConfigSchemaTraining
from spacy.training.initialize import init_nlp
from spacy.training.loop import (
    create_before_to_disk_callback,
    create_evaluation_callback,
    create_train_batches,
    train_while_improving,
    update_meta,
)
from spacy.util import registry, resolve_dot_names

from pretrainer import PRETRAIN_CONFIG


def _until(batches: Iterator[Any], deadline: float) -> Iterator[Any]:
    for item in batches:
        if time.monotonic() > deadline:
            return
        yield item


def _check_loaded(nlp: Any, weights: Path) -> None:
    """Fail unless the pipeline's tok2vec holds exactly the pretrained weights of `weights`."""
    model = nlp.get_pipe("tok2vec").model
    if model.to_bytes() != model.from_bytes(weights.read_bytes()).to_bytes():
        raise RuntimeError(f"pretrained tok2vec weights {weights} were not loaded")
    print(f"train: tok2vec initialised from {weights}")


def train(
    config_path: Path, output: Path, *, overrides: dict[str, Any], max_minutes: float
) -> dict[str, Any]:
    """Train the pipeline of `config_path` into `output` (model-best, model-last); return info.

    The returned dict has the best dev score, the number of steps and epochs and the minutes
    spent, for the build log.
    """
    config = util.load_config(config_path, overrides=overrides, interpolate=False)
    init_tok2vec = overrides.get("paths.init_tok2vec")
    if init_tok2vec:
        config = config.merge(util.Config().from_str(PRETRAIN_CONFIG, interpolate=False))
    started = time.monotonic()
    nlp = init_nlp(config, use_gpu=-1)
    if init_tok2vec:
        _check_loaded(nlp, Path(init_tok2vec))
    config = nlp.config.interpolate()
    util.fix_random_seed(config["training"]["seed"])
    T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    before_to_disk = create_before_to_disk_callback(T["before_to_disk"])
    batches = create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"])
    steps = train_while_improving(
        nlp,
        optimizer,
        _until(batches, started + 60 * max_minutes),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"],
        accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"],
        max_steps=T["max_steps"],
        eval_frequency=T["eval_frequency"],
        exclude=T["frozen_components"],
        annotating_components=T["annotating_components"],
        before_update=T["before_update"],
    )
    output.mkdir(parents=True, exist_ok=True)
    log_step, finalize = T["logger"](nlp, sys.stdout, sys.stderr)
    best: dict[str, Any] = {"score": 0.0, "step": 0, "epoch": 0}
    info: dict[str, Any] = {}
    try:
        for _batch, info, is_best in steps:
            if is_best is not None:
                update_meta(T, nlp, info)
                with nlp.use_params(optimizer.averages):
                    before_to_disk(nlp).to_disk(output / "model-last")
                if is_best:
                    shutil.rmtree(output / "model-best", ignore_errors=True)
                    shutil.copytree(output / "model-last", output / "model-best")
                    best = {"score": info["score"], "step": info["step"], "epoch": info["epoch"]}
            log_step(info if is_best is not None else None)
    finally:
        finalize()
    return {
        "best_dev_ents_f": round(float(best["score"]), 4),
        "best_step": best["step"],
        "best_epoch": best["epoch"],
        "steps": info.get("step", 0),
        "epochs": info.get("epoch", 0),
        "minutes": round((time.monotonic() - started) / 60, 1),
    }
