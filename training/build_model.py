"""Build the project's German NER pipeline `de_newslens` from the shared training data.

    python training/build_model.py --out models/de_newslens [--shared ../shared]
                                   [--max-minutes 60] [--stage corpus|vectors|train|package]

Stages (each skips itself when its inputs did not change; build products are git-ignored):
  corpus   GermEval 2014 + Europeana -> training/corpus/*.spacy (held-out, dev, train splits)
  vectors  floret subword vectors on news + GermEval + Europeana text -> training/vectors/model
  train    spaCy tok2vec+ner (training/config.cfg) -> training/output/<run>/model-best
  package  evaluate model-best on the held-out split, write meta + README -> --out
See training/README.md for the data, the split and the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import corpora

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
CORPUS = HERE / "corpus"
VECTORS = HERE / "vectors"
OUTPUT = HERE / "output"
STAGES = ("corpus", "news", "vectors", "pretrain", "train", "package")
MODEL_NAME = "de_newslens"
MODEL_VERSION = "0.4.0"
GERMEVAL_FILES = ("NER-de-dev.tsv", "NER-de-test-part1.tsv")
BENCH_TEXT = Path("data/bench/german_news_10k.jsonl.gz")
NEWS_ANNOTATIONS = HERE / "news" / "annotations.jsonl"
SILVER = HERE / "silver" / "silver.jsonl.gz"

SOURCES = [
    {
        "name": "GermEval 2014 NER (NoSta-D), dev + test part 1",
        "author": "Benikova, Biemann, Reznicek (LREC 2014)",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "license": "CC BY 4.0",
    },
    {
        "name": "Europeana Newspapers NER corpora, German part",
        "author": "Europeana Newspapers Project, 2012-2015 (Neudecker, LREC 2016)",
        "url": "https://github.com/EuropeanaNewspapers/ner-corpora",
        "license": "CC0",
    },
]


# --------------------------------------------------------------------------- stamps


def sha256_files(paths: list[Path]) -> str:
    """One digest over the names and bytes of the files (sorted), for change detection."""
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.name.encode())
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def fingerprint(**parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def up_to_date(folder: Path, digest: str) -> bool:
    stamp = folder / ".stamp.json"
    return stamp.exists() and json.loads(stamp.read_text())["fingerprint"] == digest


def write_stamp(folder: Path, digest: str, info: dict[str, Any]) -> None:
    (folder / ".stamp.json").write_text(
        json.dumps({"fingerprint": digest, **info}, indent=2, sort_keys=True) + "\n"
    )


def read_stamp(folder: Path) -> dict[str, Any]:
    return json.loads((folder / ".stamp.json").read_text())


# --------------------------------------------------------------------------- stage: corpus


def stage_corpus(shared: Path, *, europeana_max_garble: float) -> dict[str, Any]:
    """GermEval -> held-out/dev/train DocBins; Europeana -> filtered sentences (one DocBin)."""
    import spacy

    ner = shared / "data" / "ner"
    ge_files = [ner / "germeval2014" / name for name in GERMEVAL_FILES]
    eu_files = sorted((ner / "europeana").glob("*.bio"))
    for path in [*ge_files, *eu_files[:1]]:
        if not path.exists():
            sys.exit(f"corpus: {path} not found (is --shared right?)")
    digest = fingerprint(
        data=sha256_files(ge_files + eu_files),
        code=sha256_files([HERE / "corpora.py", Path(__file__)]),
        max_garble=europeana_max_garble,
    )
    if up_to_date(CORPUS, digest):
        print("corpus: up to date")
        return read_stamp(CORPUS)
    CORPUS.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("de").vocab
    splits: dict[str, list[corpora.Sentence]] = {"train": [], "dev": [], "heldout": []}
    for path in ge_files:
        for sent in corpora.read_germeval(corpora.read_lines(path), name=path.name):
            splits[corpora.split_of(sent.key)].append(sent)
    info: dict[str, Any] = {"germeval": {}, "europeana": {}}
    for split, sents in splits.items():
        corpora.to_docbin(sents, vocab).to_disk(CORPUS / f"germeval_{split}.spacy")
        info["germeval"][split] = _counts(sents)
    contents = [corpora.content_digest(splits[k]) for k in ("train", "dev", "heldout")]
    eu_kept: list[corpora.Sentence] = []
    n_dropped = 0
    for path in eu_files:
        kept, dropped = corpora.read_europeana(
            corpora.read_lines(path), name=path.name, max_garble=europeana_max_garble
        )
        eu_kept += kept
        n_dropped += dropped
    corpora.to_docbin(eu_kept, vocab).to_disk(CORPUS / "europeana.spacy")
    info["europeana"] = {**_counts(eu_kept), "dropped_sents": n_dropped}
    # later stages key on the content, so a code change that keeps the data rebuilds nothing
    info["content"] = fingerprint(parts=[*contents, corpora.content_digest(eu_kept)])
    write_stamp(CORPUS, digest, info)
    print("corpus:", json.dumps(info, indent=1))
    return read_stamp(CORPUS)


def stage_news(shared: Path) -> None:
    """The news annotations (and silver votes) + bench text -> news_train, news_test, silver."""
    bench = shared / BENCH_TEXT
    if not bench.exists():
        print(f"news: {bench} not found; no news training or test data")
        return
    outputs = [CORPUS / "extra" / "news_train.spacy", CORPUS / "news_dev.spacy",
               CORPUS / "news_test.spacy"]
    if SILVER.exists():
        outputs.append(CORPUS / "silver.spacy")
    folder = CORPUS / "extra"
    digest = fingerprint(
        bench=sha256_files([bench]),
        data=sha256_files([NEWS_ANNOTATIONS] + ([SILVER] if SILVER.exists() else [])),
        code=sha256_files([HERE / "news" / "build.py"]),
    )
    if up_to_date(folder, digest) and all(path.exists() for path in outputs):
        print("news: up to date")
        return
    result = subprocess.run([sys.executable, str(HERE / "news" / "build.py"), "--bench",
                             str(bench), "--out-dir", str(CORPUS)], check=False)
    if result.returncode:
        sys.exit(f"news: training/news/build.py failed (exit {result.returncode})")
    write_stamp(folder, digest, {"outputs": [str(path.relative_to(CORPUS)) for path in outputs]})


def _counts(sents: list[corpora.Sentence]) -> dict[str, Any]:
    ents: dict[str, int] = {}
    for sent in sents:
        for _, _, label in corpora.iob_spans(sent.tags):
            ents[label] = ents.get(label, 0) + 1
    return {"sents": len(sents), "tokens": sum(len(s.tokens) for s in sents),
            "ents": dict(sorted(ents.items()))}


# --------------------------------------------------------------------------- stage: vectors


def stage_vectors(shared: Path) -> Path:
    """floret vectors on the news corpus + NER sentences -> training/vectors/model."""
    from spacy.tokens import DocBin

    import vectors

    bench = shared / BENCH_TEXT
    if not bench.exists():
        sys.exit(f"vectors: {bench} not found; build with --no-vectors instead")
    # Scored sets stay out of the vector text: held-out GermEval, the news test sentences.
    ner_bins = [CORPUS / f"{name}.spacy" for name in ("germeval_train", "germeval_dev",
                                                      "europeana")]
    leave_out = vectors.test_spans(NEWS_ANNOTATIONS)
    digest = fingerprint(
        bench=sha256_files([bench]),
        leave_out=sha256_files([NEWS_ANNOTATIONS]),
        corpus=read_stamp(CORPUS)["content"],
        code=sha256_files([HERE / "vectors.py"]),
        params=vectors.FLORET,
    )
    if up_to_date(VECTORS, digest) and (VECTORS / "model").exists():
        print("vectors: up to date")
        return VECTORS / "model"
    shutil.rmtree(VECTORS, ignore_errors=True)
    VECTORS.mkdir(parents=True)
    import spacy

    vocab = spacy.blank("de").vocab

    def paragraphs():
        yield from vectors.news_texts(bench, leave_out=leave_out)
        for path in ner_bins:
            for doc in DocBin().from_disk(path).get_docs(vocab):
                yield doc.text

    text = VECTORS / "text.txt"  # tokenised bench text: git-ignored, deleted below
    n_tokens = vectors.write_training_text(paragraphs(), text)
    vectors.train_floret(text, VECTORS)
    text.unlink()
    write_stamp(VECTORS, digest, {"tokens": n_tokens, "floret": vectors.FLORET})
    print(f"vectors: trained on {n_tokens:,} tokens")
    return VECTORS / "model"


# --------------------------------------------------------------------------- stage: pretrain


def stage_pretrain(
    shared: Path, *, config: Path, overrides: dict[str, Any], use_vectors: bool,
    max_minutes: float,
) -> Path:
    """Pretrain the run's tok2vec on the news text -> training/output/pretrain/<digest>/."""
    import pretrainer
    import vectors

    bench = shared / BENCH_TEXT
    if not bench.exists():
        sys.exit(f"pretrain: {bench} not found; build with --pretrain-minutes 0 instead")
    overrides = run_overrides(overrides, use_vectors=use_vectors)
    tok2vec_keys = {k: v for k, v in overrides.items() if k.startswith("components.tok2vec")}
    digest = fingerprint(
        bench=sha256_files([bench]),
        vectors=read_stamp(VECTORS)["fingerprint"] if use_vectors else None,
        config=sha256_files([config]), tok2vec=tok2vec_keys,
        code=sha256_files([HERE / "pretrainer.py"]), max_minutes=max_minutes,
    )
    folder = OUTPUT / "pretrain" / digest[:12]
    weights = folder / "tok2vec.bin"
    if up_to_date(folder, digest) and weights.exists():
        print(f"pretrain: up to date ({weights.relative_to(PROJECT)})")
        return weights
    folder.mkdir(parents=True, exist_ok=True)  # kept: a stopped run resumes from its checkpoint
    raw = folder / "raw.jsonl"  # news text: git-ignored, deleted when pretraining is done
    if not raw.exists():
        leave_out = vectors.test_spans(NEWS_ANNOTATIONS)
        with raw.with_suffix(".tmp").open("w", encoding="utf-8") as fh:
            for paragraph in vectors.news_texts(bench, leave_out=leave_out):
                fh.write(json.dumps({"text": paragraph}, ensure_ascii=False) + "\n")
        raw.with_suffix(".tmp").rename(raw)
    info = pretrainer.pretrain(config, raw, weights, overrides=overrides, max_minutes=max_minutes)
    raw.unlink()
    write_stamp(folder, digest, {"tok2vec_overrides": tok2vec_keys, **info})
    print(f"pretrain: {json.dumps(info)}")
    return weights


def run_overrides(overrides: dict[str, Any], *, use_vectors: bool) -> dict[str, Any]:
    """The config overrides of a run: the user's, plus where the dev data and vectors are."""
    overrides = dict(overrides)
    overrides.setdefault("paths.dev", str(CORPUS / "germeval_dev.spacy"))
    if use_vectors:
        overrides.setdefault("paths.vectors", str(VECTORS / "model"))
    else:
        overrides.setdefault("components.tok2vec.model.embed.include_static_vectors", False)
    return overrides


# --------------------------------------------------------------------------- stage: train


def assemble_train_dir(run_dir: Path, *, europeana_ratio: float, extra: list[Path],
                       include_dev: bool = False, news_copies: int = 1) -> dict[str, Any]:
    """Copy this run's training DocBins into run_dir/train: GermEval train, a capped Europeana
    sample (at most `europeana_ratio` x the GermEval train tokens, chosen by hash) and every
    extra DocBin in training/corpus/extra/ (news-domain sentences, later)."""
    import spacy
    from spacy.tokens import DocBin

    train_dir = run_dir / "train"
    shutil.rmtree(train_dir, ignore_errors=True)
    train_dir.mkdir(parents=True)
    shutil.copy(CORPUS / "germeval_train.spacy", train_dir / "germeval_train.spacy")
    info: dict[str, Any] = {"germeval_train": read_stamp(CORPUS)["germeval"]["train"]["sents"]}
    if include_dev:
        shutil.copy(CORPUS / "germeval_dev.spacy", train_dir / "germeval_dev.spacy")
        info["germeval_dev"] = read_stamp(CORPUS)["germeval"]["dev"]["sents"]
    if europeana_ratio > 0:
        vocab = spacy.blank("de").vocab
        budget = europeana_ratio * read_stamp(CORPUS)["germeval"]["train"]["tokens"]
        docs = list(DocBin().from_disk(CORPUS / "europeana.spacy").get_docs(vocab))
        docs.sort(key=lambda d: corpora.bucket(d.text))
        sample, n_tokens = [], 0
        for doc in docs:
            if n_tokens + len(doc) > budget:
                break
            sample.append(doc)
            n_tokens += len(doc)
        DocBin(docs=sample).to_disk(train_dir / "europeana.spacy")
        info["europeana"] = {"sents": len(sample), "tokens": n_tokens}
    for path in extra:
        shutil.copy(path, train_dir / f"extra_{path.name}")
        info.setdefault("extra", []).append(path.name)
        if path.name == "news_train.spacy":  # the hand-annotated news, weighted up
            for copy in range(2, news_copies + 1):
                shutil.copy(path, train_dir / f"extra_{path.stem}_copy{copy}.spacy")
                info["extra"].append(f"{path.name} (copy {copy})")
    return info


def assemble_dev_dir(run_dir: Path) -> Path:
    """run_dir/dev: GermEval dev + the news dev sentences (training/corpus/news_dev.spacy)."""
    dev_dir = run_dir / "dev"
    shutil.rmtree(dev_dir, ignore_errors=True)
    dev_dir.mkdir(parents=True)
    for name in ("germeval_dev.spacy", "news_dev.spacy"):
        if not (CORPUS / name).exists():
            sys.exit(f"train: --news-dev, but {CORPUS / name} was not built (run --stage news)")
        shutil.copy(CORPUS / name, dev_dir / name)
    return dev_dir


def stage_train(
    run: str, *, config: Path, overrides: dict[str, Any], use_vectors: bool,
    europeana_ratio: float, max_minutes: float, use_extra: bool, init_tok2vec: Path | None,
    pretrain_minutes: float = 0.0, fit_dev_steps: int = 0, use_silver: bool = False,
    source: Path | None = None, news_dev: bool = False, news_copies: int = 1,
) -> Path:
    """spaCy training of one run -> training/output/<run>/model-best.

    With `fit_dev_steps` the GermEval dev split joins the training data, training runs that many
    steps without early stopping and the run's final model is model-last (the dev scores are
    then no longer a held-out measure; the held-out split still is).

    With `source` (a trained pipeline folder) the run continues training that pipeline's
    `tok2vec` and `ner` instead of initialising new ones: both components, their architecture
    and the pipeline's vectors are taken from `source` (so size and speed stay the same), the
    config keeps only the training settings of `config`.

    With `news_dev` the checkpoint is picked on GermEval dev + the news dev sentences
    (`training/corpus/news_dev.spacy`) instead of GermEval dev alone; `news_copies` > 1 puts
    the hand-annotated news training sentences that many times into the training data.
    """
    import trainer

    run_dir = OUTPUT / run
    if source is not None:
        overrides = {"paths.vectors": str(source), **overrides}
    overrides = run_overrides(overrides, use_vectors=use_vectors)
    if fit_dev_steps:
        overrides.update({"training.max_steps": fit_dev_steps, "training.patience": 0})
    final = "model-last" if fit_dev_steps else "model-best"
    if init_tok2vec is not None:
        overrides["paths.init_tok2vec"] = str(init_tok2vec)
    extra = sorted((CORPUS / "extra").glob("*.spacy")) if use_extra else []
    if use_silver:
        if not (CORPUS / "silver.spacy").exists():
            sys.exit(f"train: --silver, but {CORPUS / 'silver.spacy'} was not built "
                     f"({SILVER.relative_to(PROJECT)} and the bench corpus are needed)")
        extra.append(CORPUS / "silver.spacy")
    digest = fingerprint(
        corpus=read_stamp(CORPUS)["content"],
        extra=sha256_files(extra) if extra else None,
        vectors=(read_stamp(VECTORS)["fingerprint"] if use_vectors and source is None
                 else None),
        init_tok2vec=sha256_files([init_tok2vec]) if init_tok2vec else None,
        news_dev=(sha256_files([CORPUS / "news_dev.spacy"]) if news_dev else None),
        news_copies=news_copies,
        source=(sha256_files([f for f in source.rglob("*") if f.is_file()
                              and f.parts[-2] in ("tok2vec", "ner", "vectors")])
                if source is not None else None),
        config=sha256_files([config]),
        code=sha256_files([HERE / "trainer.py"]),
        overrides=overrides, europeana_ratio=europeana_ratio, max_minutes=max_minutes,
    )
    if up_to_date(run_dir, digest) and (run_dir / final).exists():
        print(f"train: {run} up to date")
        return run_dir / final
    shutil.rmtree(run_dir, ignore_errors=True)
    data = assemble_train_dir(run_dir, europeana_ratio=europeana_ratio, extra=extra,
                              include_dev=bool(fit_dev_steps), news_copies=news_copies)
    overrides["paths.train"] = str(run_dir / "train")
    if news_dev:
        overrides["paths.dev"] = str(assemble_dev_dir(run_dir))
    if source is not None:
        config = sourced_config(config, source, run_dir / "config.cfg")
    print(f"train: {run}: {json.dumps(data)}; overrides {json.dumps(overrides)}")
    info = trainer.train(config, run_dir, overrides=overrides, max_minutes=max_minutes)
    write_stamp(run_dir, digest, {"data": data, "overrides": overrides, "config": str(config),
                                  "use_vectors": use_vectors, "europeana_ratio": europeana_ratio,
                                  "max_minutes": max_minutes, "use_extra": use_extra,
                                  "pretrain_minutes": pretrain_minutes,
                                  "fit_dev_steps": fit_dev_steps, "use_silver": use_silver,
                                  "final": final,
                                  "source": str(source) if source is not None else None,
                                  "news_dev": news_dev, "news_copies": news_copies,
                                  **info})
    print(f"train: {run}: {json.dumps(info)}")
    return run_dir / final


def sourced_config(config: Path, source: Path, out: Path) -> Path:
    """`config` with its tok2vec and ner taken from the pipeline `source` -> `out`."""
    from spacy import util

    cfg = util.load_config(config, interpolate=False)
    for name in ("tok2vec", "ner"):
        cfg["components"][name] = {"source": str(source)}
    cfg.to_disk(out)
    return out


# --------------------------------------------------------------------------- stage: package


def stage_package(run: str, out: Path) -> dict[str, Any]:
    """Evaluate the run's final model on the held-out split; write it with meta + README to out."""
    import spacy
    from spacy.tokens import DocBin

    from evaluate import evaluate, format_scores

    run_dir = OUTPUT / run
    nlp = spacy.load(run_dir / read_stamp(run_dir).get("final", "model-best"))
    heldout = list(DocBin().from_disk(CORPUS / "germeval_heldout.spacy").get_docs(nlp.vocab))
    evaluate(nlp, heldout[:100])  # warm-up, so words/s is not a cold-start figure
    scores = evaluate(nlp, heldout)
    print(format_scores("held-out GermEval", scores))
    train = read_stamp(run_dir)
    corpus = read_stamp(CORPUS)
    sources = list(SOURCES[: 2 if train["europeana_ratio"] > 0 else 1])
    if train.get("use_silver"):
        sources.append({
            "name": "silver news annotations (training/silver/silver.jsonl.gz: the majority "
                    "vote of the teacher pipelines in training/silver/meta.json on sentences "
                    "of the FANG-COVID sample; text not stored)",
            "license": "the project's own derived annotations; article text not redistributed",
        })
    if train.get("data", {}).get("extra"):
        sources.append({
            "name": "the project's news annotations (training/news/annotations.jsonl: entity "
                    "offsets in sentences of the FANG-COVID sample; text not stored)",
            "license": "the project's own annotations; article text not redistributed",
        })
    if train["use_vectors"]:
        sources.append({
            "name": "floret vectors trained on 10,000 German news articles (FANG-COVID sample; "
                    "hashed subword table only, no text)",
            "license": "derived numbers only",
        })
    nlp.meta.update({
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "description": describe(train),
        "author": "newslens",
        "license": "CC BY 4.0 (trained on GermEval 2014, CC BY 4.0)",
        "sources": sources,
        "spacy_version": f">={spacy.__version__},<3.9.0",
    })
    nlp.meta["performance"] = {
        "ents_p": scores["p"], "ents_r": scores["r"], "ents_f": scores["f"],
        "ents_per_type": scores["per_type"],
        "evaluated_on": f"held-out GermEval split ({scores['n_sents']} sentences, "
                        f"{scores['n_ents']} entities, never trained on)",
        "dev_ents_f": None if train.get("fit_dev_steps") else train["best_dev_ents_f"],
        "words_per_second_cpu": scores["words_per_second"],
    }
    nlp.meta["newslens_build"] = {
        "run": run, "config": "training/config.cfg", "overrides": train["overrides"],
        "use_vectors": train["use_vectors"], "europeana_ratio": train["europeana_ratio"],
        "max_minutes": train["max_minutes"], "use_extra": train.get("use_extra", False),
        "pretrain_minutes": train.get("pretrain_minutes", 0.0),
        "fit_dev_steps": train.get("fit_dev_steps", 0),
        "use_silver": train.get("use_silver", False),
        "source": train.get("source"),
        "news_dev": train.get("news_dev", False), "news_copies": train.get("news_copies", 1),
        "train_data": train["data"], "corpus": {k: corpus[k] for k in ("germeval", "europeana")},
        "steps": train["steps"], "best_step": train["best_step"], "minutes": train["minutes"],
    }
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    (tmp / "README.md").write_text(model_readme(nlp.meta, scores), encoding="utf-8")
    for name in ("config.cfg", "meta.json", "README.md"):
        _relative_paths(tmp / name)
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"package: wrote {out} ({size / 1e6:.1f} MB)")
    return scores


def describe(train: dict[str, Any]) -> str:
    """One sentence on what the packaged run was trained on (meta.json description)."""
    data = ["GermEval 2014"]
    if train["europeana_ratio"] > 0:
        data.append("Europeana Newspapers")
    if train.get("data", {}).get("extra"):
        data.append("the project's news annotations (training/news/)")
    if train.get("use_silver"):
        data.append("silver news annotations voted by teacher pipelines (training/silver/)")
    text = ("German NER (PER, LOC, ORG, MISC) for newslens: tokenizer + tok2vec + ner, trained on "
            + ", ".join(data[:-1]) + (" and " if len(data) > 1 else "") + data[-1] + ".")
    if train.get("pretrain_minutes"):
        text += (f" tok2vec pretrained on German news text ({train['pretrain_minutes']:g} min,"
                 " characters objective).")
    return text + " No sentence segmentation."


def _relative_paths(config_file: Path) -> None:
    """Store project-relative paths in the shipped files (no machine paths in the model)."""
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(text.replace(str(PROJECT) + os.sep, ""), encoding="utf-8")


def rebuild_command(build: dict[str, Any]) -> str:
    """The build_model.py command line that reproduces a packaged run."""
    parts = ["python training/build_model.py --out models/de_newslens",
             f"--run {build['run']}", f"--max-minutes {build['max_minutes']:g}",
             f"--europeana-ratio {build['europeana_ratio']:g}"]
    if not build["use_vectors"]:
        parts.append("--no-vectors")
    if not build.get("use_extra", True):
        parts.append("--no-extra")
    if build.get("pretrain_minutes"):
        parts.append(f"--pretrain-minutes {build['pretrain_minutes']:g}")
    if build.get("fit_dev_steps"):
        parts.append(f"--fit-dev {build['fit_dev_steps']}")
    if build.get("use_silver"):
        parts.append("--silver")
    if build.get("news_dev"):
        parts.append("--news-dev")
    if build.get("news_copies", 1) > 1:
        parts.append(f"--news-copies {build['news_copies']}")
    if build.get("source"):
        parts.append(f"--source {shlex.quote(build['source'])}")
    default_keys = ("paths.", "components.tok2vec.model.embed.include_static_vectors")
    if build.get("fit_dev_steps"):
        default_keys += ("training.max_steps", "training.patience")
    for key, value in build["overrides"].items():
        if not key.startswith(default_keys):
            setting = f"{key}={json.dumps(value, separators=(',', ':'))}"
            parts.append(f"--set {shlex.quote(setting)}")
    return " ".join(parts)


def model_readme(meta: dict[str, Any], scores: dict[str, Any]) -> str:
    rows = "\n".join(
        f"| {lab} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} |"
        for lab, s in scores["per_type"].items()
    )
    build = meta["newslens_build"]
    sources = "\n".join(
        f"- {s['name']}" + (f", {s['author']}" if "author" in s else "")
        + (f", <{s['url']}>" if "url" in s else "") + f". Licence: {s['license']}."
        for s in meta["sources"]
    )
    return f"""# {meta['name']} {meta['version']}

{meta['description']}

A spaCy {meta['spacy_version']} pipeline (`{'`, `'.join(meta['pipeline'])}` as trained;
`training/ruler.py` then adds a `span_ruler` after `ner`, see the end of this file). Its
components are spaCy's own; the ruler merges its matches with the NER's entities by
`newslens.ruler_over_ner.v1`, which spaCy finds through newslens' entry point, so
`spacy.load("models/de_newslens")` needs newslens installed (`pip install -e .`).
Sentence segmentation is not part of it (`newslens.nlp` splits sentences).

## Scores

Held-out GermEval 2014 split ({scores['n_sents']} sentences, {scores['n_ents']} entities, chosen
by hash, never trained on; see `training/README.md`), entities scored by spaCy's Scorer on
the pipeline's own tokenisation:

| label | P | R | F1 |
|---|---|---|---|
{rows}
| **all** | {scores['p']:.3f} | {scores['r']:.3f} | **{scores['f']:.3f}** |

Speed: about {scores['words_per_second']:,} words/s (`nlp.pipe`, one CPU core) on the held-out
text. The project's news test split (`training/corpus/news_test.spacy`) is scored at the end of
this file.

## Rebuild

    {rebuild_command(build)}

then `python training/ruler.py --model models/de_newslens` (needs `../shared/data/ner/`, and
`../shared/data/bench/` for the vectors, the news annotations and pretraining). Build settings:
run `{build['run']}`, vectors {'yes' if build['use_vectors'] else 'no'}, Europeana ratio
{build['europeana_ratio']}, overrides of `training/config.cfg`: `{json.dumps(build['overrides'])}`.

## Licence and credits

Trained on:

{sources}

Because the GermEval 2014 data are CC BY 4.0, credit them when you use or share this model.
"""


# --------------------------------------------------------------------------- CLI


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--out", type=Path, default=PROJECT / "models" / MODEL_NAME)
    p.add_argument("--shared", type=Path, default=PROJECT.parent / "shared",
                   help="shared data folder (default: ../shared next to the project)")
    p.add_argument("--max-minutes", type=float, default=60.0, help="training time bound")
    p.add_argument("--stage", choices=STAGES, help="run only this stage")
    p.add_argument("--run", default="main", help="name of the training run (output folder)")
    p.add_argument("--config", type=Path, default=HERE / "config.cfg")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="override a config value, e.g. components.tok2vec.model.encode.width=256")
    p.add_argument("--no-vectors", action="store_true", help="train without floret vectors")
    p.add_argument("--pretrain-minutes", type=float, default=0.0,
                   help="pretrain tok2vec on the news text this long first (0: no pretraining)")
    p.add_argument("--europeana-ratio", type=float, default=0.5,
                   help="Europeana tokens per GermEval train token (0: none)")
    p.add_argument("--europeana-max-garble", type=float, default=0.2,
                   help="drop Europeana sentences with a larger share of OCR-debris tokens")
    p.add_argument("--fit-dev", type=int, default=0, metavar="STEPS",
                   help="train on GermEval train+dev for STEPS steps, no early stopping")
    p.add_argument("--silver", action="store_true",
                   help="add training/corpus/silver.spacy (the teachers' vote, training/silver.py)")
    p.add_argument("--source", type=Path, metavar="PIPELINE",
                   help="continue training the tok2vec and ner of this pipeline folder (its "
                        "architecture and vectors) instead of training new ones")
    p.add_argument("--news-dev", action="store_true",
                   help="pick the checkpoint on GermEval dev + the news dev sentences")
    p.add_argument("--news-copies", type=int, default=1, metavar="N",
                   help="put the hand-annotated news training sentences N times into the data")
    p.add_argument("--no-extra", action="store_true",
                   help="leave out training/corpus/extra/*.spacy (news-domain sentences)")
    return p.parse_args(argv)


def parse_overrides(items: list[str]) -> dict[str, Any]:
    overrides = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            sys.exit(f"--set {item!r}: expected KEY=VALUE")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    shared = args.shared.resolve()
    stages = [args.stage] if args.stage else list(STAGES)
    if (args.no_vectors or args.source) and "vectors" in stages:
        stages.remove("vectors")
    if args.pretrain_minutes <= 0 and "pretrain" in stages:
        stages.remove("pretrain")
    overrides = parse_overrides(args.set)
    init_tok2vec = None
    if "corpus" in stages:
        stage_corpus(shared, europeana_max_garble=args.europeana_max_garble)
    if "news" in stages:
        stage_news(shared)
    if "vectors" in stages:
        stage_vectors(shared)
    if "pretrain" in stages or ("train" in stages and args.pretrain_minutes > 0):
        init_tok2vec = stage_pretrain(shared, config=args.config.resolve(), overrides=overrides,
                                      use_vectors=not args.no_vectors,
                                      max_minutes=args.pretrain_minutes)
    if "train" in stages:
        stage_train(args.run, config=args.config.resolve(), overrides=overrides,
                    use_vectors=not args.no_vectors, europeana_ratio=args.europeana_ratio,
                    max_minutes=args.max_minutes, use_extra=not args.no_extra,
                    init_tok2vec=init_tok2vec, pretrain_minutes=args.pretrain_minutes,
                    fit_dev_steps=args.fit_dev, use_silver=args.silver,
                    source=args.source.resolve() if args.source else None,
                    news_dev=args.news_dev, news_copies=args.news_copies)
    if "package" in stages:
        stage_package(args.run, out)


if __name__ == "__main__":
    main()
