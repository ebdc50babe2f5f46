"""explain() and evidence(): every number leads back to its sentences."""

from __future__ import annotations

import pytest

from newslens import explain, top_entities
from newslens.provenance import evidence


def test_explain_an_entity_lists_every_mention_with_its_sentence(seed_articles,
                                                                  seed_annotations):
    ann = seed_annotations
    rows = explain(ann, entity="Marco Rubio")
    plain = ann.mentions[(ann.mentions["canonical"] == "Marco Rubio")]
    assert len(rows) == len(plain) > 0
    texts = seed_articles.set_index("article_id")["text"]
    for row in rows.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.mention
        assert row.mention in row.sentence
    assert rows["published"].is_monotonic_increasing


def test_explain_by_entity_id_equals_by_canonical_name(seed_annotations):
    by_name = explain(seed_annotations, entity="Wladimir Putin")
    by_id = explain(seed_annotations, entity="per:wladimir_putin")
    assert by_name.equals(by_id)


def test_explain_a_heatmap_cell_counts_what_the_cell_shows(seed_annotations):
    ann = seed_annotations
    cell = explain(ann, entity="Donald Trump", article="002_b0860c380283c14f",
                   include_compounds=False)
    mentions = ann.mentions
    expected = mentions[(mentions["entity_id"] == "per:donald_trump")
                        & (mentions["article_id"] == "002_b0860c380283c14f")
                        & ~mentions["compound"]]
    assert len(cell) == len(expected) > 0


def test_explain_a_pair_gives_sentences_naming_both(seed_annotations):
    rows = explain(seed_annotations, pair=["Donald Trump", "Wladimir Putin"])
    assert len(rows) > 0
    assert rows["sentence_id"].is_unique
    assert all("Putin" in s for s in rows["sentence"])


def test_explain_an_event_gives_every_reporting_sentence(seed_annotations):
    events = seed_annotations.events
    several = events[events["n_articles"] > 1]
    assert not several.empty
    event = several.iloc[0]
    rows = explain(seed_annotations, event=event["event_id"])
    assert rows["article_id"].nunique() == event["n_articles"]
    assert len(rows) == event["n_mentions"]
    mentions = seed_annotations.event_mentions
    assert set(rows["event_mention_id"]) == set(
        mentions.loc[mentions["event_id"] == event["event_id"], "event_mention_id"])
    one = explain(seed_annotations, event=rows["event_mention_id"].iloc[0])
    assert len(one) == 1 and one["sentence"].iloc[0] == rows["sentence"].iloc[0]
    with pytest.raises(KeyError, match="no event with event_id or event_mention_id 'ev0'"):
        explain(seed_annotations, event="ev0")


def test_unknown_entity_is_named(seed_annotations):
    with pytest.raises(KeyError, match="no entity with id or canonical name 'Nobody'"):
        explain(seed_annotations, entity="Nobody")


def test_evidence_gives_one_sentence_per_top_entity(seed_annotations):
    top = top_entities(seed_annotations.mentions, top_n=5)
    table = evidence(seed_annotations, top)
    assert table["canonical"].tolist() == top["canonical"].tolist()
    assert all(len(s) > 0 for s in table["sentence"])


def test_explain_a_period_cell_counts_what_the_weekly_heatmap_shows(seed_annotations):
    from newslens import entity_article_matrix

    ann = seed_annotations
    matrix = entity_article_matrix(ann.mentions, ann.articles, top_n=5, per="week")
    busy = matrix[matrix["n_mentions"] > 0]
    assert len(busy) > 1
    for cell in busy.itertuples():
        rows = explain(ann, entity=cell.entity_id, include_compounds=False,
                       date_from=cell.period_start, date_to=cell.period_end)
        assert len(rows) == cell.n_mentions


@pytest.mark.parametrize("dtype", ["str", object])
def test_isin_of_many_values_agrees_with_pandas(dtype):
    import pandas as pd

    from newslens.provenance import _isin

    column = pd.Series(["a:s0", "b:s1", None, "c:s2", "a:s0"], dtype=dtype)
    for values in (["a:s0", "c:s2"], [], ["x"], pd.Series(["b:s1", None], dtype=dtype).unique(),
                   column.unique()):
        assert _isin(column, values).tolist() == column.isin(values).tolist(), values
