"""Entity precision/recall/F1 per label and words/s of a spaCy pipeline on German test sets.

    python benchmarks/ner_eval.py [--model models/de_newslens | de_core_news_lg] [--shared PATH]
                                  [--dev] [--no-ruler] [--without RULE ...]
                                  [--bootstrap N]

Test sets: the held-out GermEval 2014 split of training/build_model.py (rebuilt from
../shared/data/ner if training/corpus/ is absent; skipped with a message if that is absent too)
and the news test split training/corpus/news_test.spacy (rebuilt from the news annotations and
../shared/data/bench if absent). Prints figures; asserts nothing.

``--dev`` scores the development sets instead, for choices made while training: the GermEval dev
split and the news dev sentences (``training/corpus/news_dev.spacy``, split "dev" of the news
annotations), so the test splits are left for a final check. ``--no-ruler`` leaves out the
knowledge-base ruler (``kb_ruler``), scoring the statistical NER alone. ``--without RULE``
(repeatable) leaves one correction of ``entity_rules`` out: a word list of
``data/entity_rules.csv`` (``legal_form``, ``org_head``, ``org_cue``, ``role``, ``place_word``,
``not_name``, ``place_name``, ``currency``, ``amount``, ``event_noun``, ``ordinal``,
``work_noun``, ``locative``, ``gazetteer_place``, ``common_noun``, ``language``,
``lowercase_word``, ``first_name``), ``coordination``
(growing names cut in a coordination of truncated compounds), ``title_person`` (a title
before a one-word place or organisation makes it a person) or ``enumeration`` (names in an
enumeration share their type),
the ablations of training/README.md. The time ``entity_rules`` takes alone, on the docs the
components before it made, is printed as words/s under each set. ``--bootstrap N`` adds the
F1's 95% interval over N resamplings of each set's sentences: the room the sample of
sentences alone leaves a figure (a set of 800 sentences moves it by about two points).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

from newslens import entity_rules
from newslens.entity_rules import PASSES, RULES

PROJECT = Path(__file__).resolve().parent.parent
TRAINING = PROJECT / "training"
CORPUS = TRAINING / "corpus"
#: The name of the correction component in the shipped pipeline.
RULES_PIPE = "entity_rules"


def load_training_module(name: str) -> ModuleType:
    """Import training/<name>.py by path: training/ is a folder of scripts, not a package."""
    spec = importlib.util.spec_from_file_location(f"newslens_training_{name}",
                                                  TRAINING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


def heldout_path(shared: Path) -> Path | None:
    """The held-out DocBin, rebuilt by the corpus stage if needed; None if no data."""
    path = CORPUS / "germeval_heldout.spacy"
    if path.exists():
        return path
    if not (shared / "data" / "ner" / "germeval2014").exists():
        print(f"held-out GermEval: skipped ({shared}/data/ner/germeval2014 not found)")
        return None
    subprocess.run([sys.executable, str(TRAINING / "build_model.py"), "--stage", "corpus",
                    "--shared", str(shared)], check=True, stdout=subprocess.DEVNULL)
    return path


def news_test_path(shared: Path, name: str = "news_test.spacy") -> Path:
    """The news test (or dev) DocBin, rebuilt by the news stage if needed (it says so if it
    cannot)."""
    path = CORPUS / name
    if not path.exists():
        subprocess.run([sys.executable, str(TRAINING / "build_model.py"), "--stage", "news",
                        "--shared", str(shared)], check=True, stdout=subprocess.DEVNULL)
    return path


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default=str(PROJECT / "models" / "de_newslens"),
                   help="pipeline folder or installed package name")
    p.add_argument("--shared", type=Path, default=PROJECT.parent / "shared")
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--dev", action="store_true",
                   help="score GermEval dev and the news dev sentences instead of the test sets")
    p.add_argument("--no-ruler", action="store_true", help="leave out the kb_ruler component")
    p.add_argument("--bootstrap", type=int, default=0, metavar="N",
                   help="print the F1's 95%% interval over N resamplings of the sentences")
    p.add_argument("--without", action="append", default=[],
                   choices=[*RULES, *PASSES, "coordination"],
                   help="leave out one correction of entity_rules (repeatable)")
    args = p.parse_args(argv)

    import spacy
    from spacy.tokens import DocBin

    evaluation = load_training_module("evaluate")
    nlp = spacy.load(args.model, exclude=["kb_ruler"] if args.no_ruler else [])
    if args.without:
        leave_out(nlp, args.without)
    print(f"model: {args.model} ({nlp.meta.get('name')} {nlp.meta.get('version')}, "
          f"pipes {nlp.pipe_names})")
    if args.dev:
        heldout_path(args.shared.resolve())  # builds the corpus stage if needed
        sets = {"GermEval dev": CORPUS / "germeval_dev.spacy",
                "news dev": news_test_path(args.shared.resolve(), "news_dev.spacy")}
    else:
        sets = {"held-out GermEval": heldout_path(args.shared.resolve()),
                "news test": news_test_path(args.shared.resolve())}
    for name, path in sets.items():
        if path is None:
            continue
        if not path.exists():
            print(f"{name}: skipped ({path.relative_to(PROJECT)} not found)")
            continue
        gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        evaluation.evaluate(nlp, gold[:100], batch_size=args.batch_size)  # warm-up
        scores = evaluation.evaluate(nlp, gold, batch_size=args.batch_size)
        print(evaluation.format_scores(name, scores))
        if args.bootstrap:
            f1, low, high = evaluation.bootstrap_f1(scores["counts"], resamples=args.bootstrap)
            print(f"  F1 {f1:.3f} by exact character spans, 95% interval {low:.3f} - {high:.3f} "
                  f"({args.bootstrap} resamplings of the {len(gold)} sentences)")
        if RULES_PIPE in nlp.pipe_names:
            print(f"  {RULES_PIPE} alone: {component_speed(nlp, gold, args.batch_size):,} words/s")


def leave_out(nlp, corrections: list[str]) -> None:
    """Switch corrections of the pipeline's ``entity_rules`` off: empty a word list, or (for
    ``coordination``) grow no span over a coordination of truncated compounds."""
    component = nlp.get_pipe(RULES_PIPE)
    component.set_rules({rule: words for rule, words in component.rules.items()
                         if rule not in corrections})
    component.disabled |= set(corrections) & set(PASSES)
    if "coordination" in corrections:
        entity_rules._coordinated = lambda doc, start, end, taken: (start, end)
    print(f"entity_rules without: {', '.join(corrections)}")


def component_speed(nlp, gold, batch_size: int) -> int:
    """Words/s of ``entity_rules`` alone, on the docs the components before it made."""
    component = nlp.get_pipe(RULES_PIPE)
    with nlp.select_pipes(disable=[RULES_PIPE]):
        docs = list(nlp.pipe((doc.text for doc in gold), batch_size=batch_size))
    started = time.perf_counter()
    for doc in docs:
        component(doc)
    seconds = time.perf_counter() - started
    return round(sum(len(doc) for doc in docs) / seconds) if seconds > 0 else 0


if __name__ == "__main__":
    main()
