"""The spaCy stage: sentence splitting, offsets into the article text, model loading."""

from __future__ import annotations

import os

import pytest
import spacy

from newslens import annotate, load_corpus
from newslens.nlp import ModelNotFoundError, load_pipeline, sentence_bounds


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("de")


def _sentences(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [text[start:end] for start, end in sentence_bounds(doc)]


def test_sentences_keep_ordinals_abbreviations_and_quotes(blank):
    text = ("Am 18. August traf er Dr. Müller in Washington. „Wir sind bereit!“, sagte er. "
            "Das war 44 v. Chr. so? Ja")
    assert _sentences(blank, text) == [
        "Am 18. August traf er Dr. Müller in Washington.",
        "„Wir sind bereit!“, sagte er.",
        "Das war 44 v. Chr. so?",
        "Ja",
    ]


def test_quote_closing_a_sentence_stays_with_it(blank):
    text = "Er sagte: „Sie könnten gewinnen.“ Danach ging er."
    assert _sentences(blank, text) == ["Er sagte: „Sie könnten gewinnen.“", "Danach ging er."]


def test_unknown_model_names_what_to_do():
    with pytest.raises(ModelNotFoundError, match="'de_core_news_xx' not found: install it"):
        load_pipeline("de_core_news_xx")


def test_pipeline_is_loaded_once(pipeline):
    assert load_pipeline() is pipeline
    assert "ner" in pipeline.pipe_names


def test_offsets_point_into_the_article_text(seed_articles, seed_annotations):
    texts = seed_articles.set_index("article_id")["text"]
    for table in (seed_annotations.sentences, seed_annotations.mentions):
        assert len(table) > 0
        for row in table.itertuples():
            assert texts[row.article_id][row.start:row.end] == row.text


def test_sentences_cover_paragraphs_and_never_cross_lines(seed_annotations):
    sentences = seed_annotations.sentences
    assert not sentences["text"].str.contains("\n").any()
    assert sentences["sentence_id"].is_unique
    assert sentences.groupby("article_id")["start"].is_monotonic_increasing.all()
    first = sentences[sentences["article_id"] == "000_be342d9e757bf806"]["text"].tolist()
    assert first[2] == ("Die USA und Russland steuern weiter auf ein zweites Gipfeltreffen der "
                        "Präsidenten Donald Trump und Wladimir Putin über den Ukraine-Krieg zu.")
    assert "Trump: Habe nie gesagt, die Ukraine werde gewinnen" in first


def test_mentions_lie_in_their_sentence(seed_annotations):
    joined = seed_annotations.mentions.merge(
        seed_annotations.sentences, on=["article_id", "sentence_id"], suffixes=("", "_s")
    )
    assert len(joined) == len(seed_annotations.mentions)
    assert ((joined["start"] >= joined["start_s"]) & (joined["start"] < joined["end_s"])).all()


def test_the_model_finds_german_names(seed_folder):
    result = annotate(load_corpus(seed_folder))
    found = set(zip(result.mentions["text"], result.mentions["label"], strict=True))
    assert ("Donald Trump", "PER") in found or ("Trump", "PER") in found
    assert ("Washington", "LOC") in found


def test_annotate_rejects_a_table_without_text():
    import pandas as pd

    with pytest.raises(ValueError, match="lacks column.*text"):
        annotate(pd.DataFrame({"article_id": ["a"], "published": [pd.Timestamp("2025-01-01")]}))


def test_annotate_names_what_to_pass_when_given_a_path():
    with pytest.raises(TypeError, match=r"not str 'corpus.jsonl.gz'.*load_corpus\(path\)"):
        annotate("corpus.jsonl.gz")


def test_annotation_is_deterministic(seed_articles, seed_annotations):
    again = annotate(seed_articles)
    assert again.mentions.equals(seed_annotations.mentions)
    assert again.sentences.equals(seed_annotations.sentences)


def test_over_long_lines_are_cut_into_pieces_with_exact_offsets():
    from newslens.nlp import MAX_PIECE, _pieces

    sentence = "Olaf Scholz sprach in Berlin. "
    line = sentence * (3 * MAX_PIECE // len(sentence))
    pieces = list(_pieces(7, line))
    assert all(len(text) <= MAX_PIECE for _, text in pieces)
    assert all(text.endswith(". ") for _, text in pieces[:-1])
    assert "".join(text for _, text in pieces) == line
    assert [offset for offset, _ in pieces][0] == 7
    for (offset, text), (following, _) in zip(pieces, pieces[1:], strict=False):
        assert following == offset + len(text)


def test_a_long_line_without_spaces_is_cut_hard():
    from newslens.nlp import MAX_PIECE, _pieces

    pieces = list(_pieces(0, "x" * (MAX_PIECE + 5)))
    assert [len(text) for _, text in pieces] == [MAX_PIECE, 5]


def test_pipeline_multiplies_through_numpy_and_leaves_the_default_backend(pipeline):
    from thinc.api import NumpyOps, get_current_ops

    layers = list(pipeline.get_pipe("tok2vec").model.walk())  # most of the pipeline's time
    assert layers and all(type(node.ops) is NumpyOps and not node.ops.use_blis
                          for node in layers)
    assert get_current_ops().use_blis  # the process's default backend is untouched


def test_workers_start_with_one_blas_thread(monkeypatch):
    from newslens import pipeline as stage

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    with stage._single_threaded_blas():
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
        assert os.environ["OMP_NUM_THREADS"] == "3"  # the caller's choice is kept
    assert "OPENBLAS_NUM_THREADS" not in os.environ
