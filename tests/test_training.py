"""Tests of the NER training recipe: corpus conversion, split, and the shipped model."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
MODEL = PROJECT / "models" / "de_newslens"


def _load(name: str):
    # training/ is a folder of build scripts, not an installed package: import by path.
    spec = importlib.util.spec_from_file_location(f"training_{name}",
                                                  PROJECT / "training" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


corpora = _load("corpora")

GERMEVAL = """\
#\thttp://example.org/a\t[2010-01-01]
1\tDie\tO\tO
2\tEU-Kommission\tB-ORGpart\tO
3\tund\tO\tO
4\tdeutsche\tB-LOCderiv\tO
5\tBehörden\tO\tO
6\tlasen\tO\tO
7\t"\tO\tO
8\tDer\tB-OTH\tO
9\tSpiegel\tI-OTH\tB-ORG
10\t"\tO\tO
11\tin\tO\tO
12\tNew\tB-LOC\tO
13\tYork\tI-LOC\tO
14\t.\tO\tO

#\thttp://example.org/b\t[2010-01-02]
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\tsprach\tO\tO
4\tmit\tO\tO
5\tGoogle\tB-ORG\tO
6\t.\tO\tO
"""


def test_germeval_labels_outer_only_oth_to_misc_deriv_part_to_o():
    sents = list(corpora.read_germeval(GERMEVAL.splitlines(), name="t.tsv"))
    assert [len(s.tokens) for s in sents] == [14, 6]
    spans = [[(" ".join(s.tokens[a:b]), lab) for a, b, lab in corpora.iob_spans(s.tags)]
             for s in sents]
    assert spans == [[("Der Spiegel", "MISC"), ("New York", "LOC")],
                     [("Angela Merkel", "PER"), ("Google", "ORG")]]
    assert sents[0].key == "t.tsv:0:#\thttp://example.org/a\t[2010-01-01]"


def test_germeval_tag_mapping():
    assert [corpora.germeval_tag(t) for t in
            ["B-OTH", "I-OTH", "B-PERderiv", "I-LOCpart", "B-ORG", "O"]] == [
        "B-MISC", "I-MISC", "O", "O", "B-ORG", "O"]


def test_repair_iob_after_dropped_part():
    assert corpora.repair_iob(["O", "I-LOC", "I-LOC", "B-PER", "I-ORG"]) == (
        "O", "B-LOC", "I-LOC", "B-PER", "B-ORG")


def test_germeval_malformed_line_names_file_and_line():
    with pytest.raises(ValueError, match=r"x.tsv, line 2"):
        list(corpora.read_germeval(["#\tsrc", "1 Wort O O", ""], name="x.tsv"))


def test_detokenize_spacing():
    toks = ["Er", "las", '"', "Der", "Spiegel", '"', "(", "1990", ")", "."]
    spaces = corpora.detokenize(toks)
    text = "".join(t + (" " if s else "") for t, s in zip(toks, spaces, strict=True))
    assert text == 'Er las "Der Spiegel" (1990).'


def test_docbin_roundtrip_entities():
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    sents = list(corpora.read_germeval(GERMEVAL.splitlines(), name="t.tsv"))
    docs = list(DocBin().from_bytes(corpora.to_docbin(sents, nlp.vocab).to_bytes())
                .get_docs(nlp.vocab))
    assert [(e.text, e.label_) for e in docs[1].ents] == [("Angela Merkel", "PER"),
                                                          ("Google", "ORG")]
    assert docs[1].text == "Angela Merkel sprach mit Google."


EUROPEANA = """\
# file:\tF_1
Der O
Kaiser O
Leopold B-PER
reiste O
nach O
Wien. B-LOC
Dort O
traf O
er O
den O
Grafen O
von O
Herberstein B-PEr
. O
# file:\tF_2
Der O
Rath I_ORG
tagte O
"""


def test_europeana_tokens_normalise_tags_and_skip_comments():
    pairs = list(corpora.read_europeana_tokens(EUROPEANA.splitlines()))
    assert pairs[0] is None and pairs[15] is None
    assert ("Herberstein", "B-PER") in pairs
    assert ("Rath", "I-ORG") in pairs
    assert list(corpora.read_europeana_tokens(["zu haben O", "Donau", "x B-BER"])) == [
        ("zu", "O"), ("haben", "O"), ("Donau", "O"), ("x", "O")]


def test_europeana_sentence_split_on_final_punct_before_capital_and_file():
    sents = list(corpora.split_sentences(corpora.read_europeana_tokens(EUROPEANA.splitlines())))
    assert [[t for t, _ in s] for s in sents] == [
        ["Der", "Kaiser", "Leopold", "reiste", "nach", "Wien."],
        ["Dort", "traf", "er", "den", "Grafen", "von", "Herberstein", "."],
        ["Der", "Rath", "tagte"],
    ]


def test_europeana_sentence_split_caps_length_outside_entities():
    pairs = [(f"w{i}", "O") for i in range(8)]
    pairs[4:7] = [("Neu", "B-LOC"), ("Ruppin", "I-LOC"), ("am", "I-LOC")]
    sents = list(corpora.split_sentences(pairs, max_tokens=5))
    assert [len(s) for s in sents] == [4, 4]
    assert sents[1][0] == ("Neu", "B-LOC")


def test_europeana_split_only_before_capitals():
    # 'z. b. so' stays together; '3. März' is cut, a known limit of the rule (Europeana only)
    pairs = [("am", "O"), ("3.", "O"), ("März", "O"), ("z.", "O"), ("b.", "O"), ("so", "O")]
    assert [len(s) for s in corpora.split_sentences(pairs)] == [2, 4]


def test_garble_filter():
    clean = ["Der", "Kaiser", "ist", "gestern", "in", "Wien", "angekommen", "."]
    garbled = ["w-mTmr»nT", ",,", "|", "«", "i", "n", "l", "1", "/*", "Xiin", "(I", "W", "mäs:rg"]
    assert not corpora.is_garbled(clean)
    assert corpora.garble_share(clean) == 0.0
    assert corpora.is_garbled(garbled)
    assert corpora.is_garbled(["Wien", "."])  # too short to teach anything


def test_split_is_deterministic_and_keyed():
    keys = [f"NER-de-dev.tsv:{i}:#\thttp://example.org/{i}" for i in range(2000)]
    first = [corpora.split_of(k) for k in keys]
    assert first == [corpora.split_of(k) for k in keys]
    assert corpora.split_of(keys[0]) == corpora.split_of(str(keys[0]))
    shares = {s: first.count(s) / len(first) for s in ("heldout", "dev", "train")}
    assert 0.12 < shares["heldout"] < 0.18 and 0.07 < shares["dev"] < 0.13
    assert corpora.bucket("abc") == int(
        "ba7816bf8f01", 16) / 16**12  # first 12 hex digits of sha256("abc")


@pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="models/de_newslens not built")
def test_shipped_model_finds_per_and_loc():
    import spacy

    nlp = spacy.load(MODEL)
    assert nlp.pipe_names == ["tok2vec", "ner", "kb_ruler", "entity_rules"]
    assert nlp.meta["name"] == "de_newslens"
    doc = nlp("Bundeskanzler Olaf Scholz reiste am Montag nach Paris.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Olaf Scholz", "PER") in ents
    assert ("Paris", "LOC") in ents


def test_rebuild_command_is_a_shell_command_that_gives_the_same_overrides():
    import shlex

    sys.path.insert(0, str(PROJECT / "training"))  # build_model imports corpora beside it
    build_model = _load("build_model")
    build = {"run": "r", "max_minutes": 50.0, "europeana_ratio": 0.0, "use_vectors": True,
             "use_silver": True,
             "overrides": {"components.tok2vec.model.embed.rows": [10000, 2000, 5000, 5000],
                           "training.dropout": 0.3, "paths.train": "training/output/r/train"}}
    argv = shlex.split(build_model.rebuild_command(build))
    parsed = build_model.parse_args(argv[2:])
    assert parsed.run == "r" and parsed.silver and parsed.max_minutes == 50
    assert build_model.parse_overrides(parsed.set) == {
        "components.tok2vec.model.embed.rows": [10000, 2000, 5000, 5000],
        "training.dropout": 0.3}  # paths are the recipe's own, not repeated


@pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="models/de_newslens not built")
def test_shipped_model_stays_under_60_mb():
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size < 60_000_000, f"models/de_newslens is {size / 1e6:.1f} MB; the limit is 60 MB"


def test_bootstrap_interval_holds_the_f1_and_narrows_with_more_sentences():
    # Per sentence (true positives, predicted, gold): the micro F1 of the whole set, and the
    # 95% interval of the F1 over resamplings of the sentences; the same sentences ten times
    # over leave the F1 as it is and the interval narrower.
    evaluation = _load("evaluate")
    counts = [(1, 1, 1), (0, 1, 1), (2, 2, 3), (1, 2, 1), (0, 0, 1), (3, 3, 3)] * 5
    f1, low, high = evaluation.bootstrap_f1(counts, resamples=500)
    assert f1 == pytest.approx(2 * 7 / (9 + 10))
    assert low < f1 < high
    f1_more, low_more, high_more = evaluation.bootstrap_f1(counts * 10, resamples=500)
    assert f1_more == pytest.approx(f1)
    assert high_more - low_more < (high - low) / 2
    assert evaluation.bootstrap_f1(counts, resamples=500) == (f1, low, high)  # seeded
