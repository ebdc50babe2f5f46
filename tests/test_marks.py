"""Self-mentions and units: the data files, the marks, and the counts that leave them out."""

from __future__ import annotations

import pandas as pd
import pytest

from newslens import marks
from newslens.counts import top_entities

ARTICLES = pd.DataFrame({
    "article_id": ["z", "s", "n"],
    "source": ["zeit.de", "https://www.spiegel.de/politik/", None],
    "published": pd.to_datetime(["2020-03-01", "2020-03-02", "2020-03-03"]),
    "text": ["", "", ""],
})
# (article, text, canonical, label)
ROWS = [
    ("z", "ZEIT ONLINE", "Die Zeit", "ORG"),
    ("z", "Spiegel", "Der Spiegel", "ORG"),
    ("s", "SPIEGEL", "Der Spiegel", "ORG"),
    ("s", "„Zeit“", "Die Zeit", "ORG"),
    ("n", "Spiegel", "Der Spiegel", "ORG"),
    ("z", "Euro", "Euro", "MISC"),
    ("z", "US-Dollar", "Dollar", "MISC"),
    ("z", "Franken", "Franken", "LOC"),
    ("z", "Franken", "Franken", "MISC"),
    ("z", "Euro 2020", "Euro 2020", "MISC"),
]


@pytest.fixture()
def mentions() -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=["article_id", "text", "canonical", "label"])
    frame["entity_id"] = "x:" + frame["canonical"].str.lower()
    frame["label"] = pd.Categorical(frame["label"], categories=["PER", "LOC", "ORG", "MISC"])
    frame["compound"] = False
    frame["start"], frame["end"] = range(0, 20, 2), range(1, 21, 2)
    return frame


def test_outlet_of_a_source_by_domain_url_or_name():
    assert marks.outlet_of("zeit.de") == "Die Zeit"
    assert marks.outlet_of("https://www.spiegel.de/politik/") == "Der Spiegel"
    assert marks.outlet_of("de.rt.com") == "RT DE"
    assert marks.outlet_of("ZEIT ONLINE") == "Die Zeit"
    assert marks.outlet_of("example.org") is None
    assert marks.outlet_of(None) is None


def test_self_mentions_name_the_articles_own_outlet(mentions):
    found = marks.self_mentions(mentions, ARTICLES)
    assert found.tolist() == [True, False, True, False, False, False, False, False, False,
                              False]


def test_no_source_column_means_no_self_mentions(mentions):
    assert not marks.self_mentions(mentions, ARTICLES.drop(columns="source")).any()


def test_units_by_name_and_allowed_label(mentions):
    assert marks.units(mentions).tolist() == [False] * 5 + [True, True, False, True, False]


def test_mark_mentions_adds_the_three_columns(mentions):
    boilerplate = pd.DataFrame({"article_id": ["z"], "start": [0], "end": [3]})
    marked = marks.mark_mentions(mentions, ARTICLES, boilerplate)
    assert marked[marks.MARK_COLUMNS].sum().tolist() == [2, 2, 3]
    assert list(mentions.columns) == list(marked.columns)[:len(mentions.columns)]


def test_counts_leave_marked_mentions_out_unless_asked(mentions):
    marked = marks.mark_mentions(mentions, ARTICLES, mentions.iloc[:0])
    default = top_entities(marked, top_n=20)
    assert "Euro" not in set(default["canonical"])
    assert default.set_index("canonical").loc["Der Spiegel", "n_mentions"] == 2
    assert default.set_index("canonical").loc["Die Zeit", "n_mentions"] == 1
    everything = top_entities(marked, top_n=20, include_self_mentions=True, include_units=True)
    assert everything.set_index("canonical").loc["Der Spiegel", "n_mentions"] == 3
    assert {"Euro", "Dollar"} <= set(everything["canonical"])


def test_data_files_are_well_formed(tmp_path):
    outlets, units = marks.load_outlets(), marks.load_units()
    assert outlets["outlet"].is_unique and units["unit"].is_unique
    domains = [d for value in outlets["domains"] for d in value.split("|")]
    assert len(domains) == len(set(domains)) and all("." in d for d in domains)
    bad = tmp_path / "units.csv"
    bad.write_text("unit,kind,labels,aliases\nEuro,currency,XYZ,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: unknown label"):
        marks.load_units(bad)


def test_a_unit_is_known_by_its_canonical_name():
    mentions = pd.DataFrame({"article_id": ["z", "z"], "text": ["Kronen", "Kronen"],
                             "canonical": ["Kronen Zeitung", "Krone"],
                             "label": ["ORG", "MISC"]})
    assert marks.units(mentions).tolist() == [False, True]


def test_dose_units_are_units():
    mentions = pd.DataFrame({"article_id": ["z"] * 3, "text": ["IE", "mg", "IEA"],
                             "canonical": ["IE", "mg", "IEA"], "label": ["MISC", "ORG", "ORG"]})
    assert marks.units(mentions).tolist() == [True, True, False]


def test_a_language_is_marked_like_a_unit_but_not_a_person_of_that_name():
    mentions = pd.DataFrame({"article_id": ["z"] * 3, "text": ["Englisch", "Deutsch", "Deutsch"],
                             "canonical": ["Englisch", "Deutsch", "Deutsch"],
                             "label": ["MISC", "MISC", "PER"]})
    assert marks.units(mentions).tolist() == [True, True, False]


def test_a_name_its_source_prints_mostly_in_boilerplate_is_the_outlets_own():
    articles = pd.DataFrame({"article_id": [f"t{n}" for n in range(7)] + ["o"],
                             "source": ["tagesspiegel.de"] * 7 + ["zeit.de"]})
    # The newsletter "Twenty/Twenty": in the promotion under six articles, once in a text of
    # its own outlet and once in another outlet's; Biden once in the promotion, five times not.
    rows = [(f"t{n}", "misc:twenty_twenty", True) for n in range(6)]
    rows += [("t6", "misc:twenty_twenty", False), ("o", "misc:twenty_twenty", False)]
    rows += [("t0", "per:joe_biden", True)] + [(f"t{n}", "per:joe_biden", False)
                                               for n in range(1, 6)]
    mentions = pd.DataFrame(rows, columns=["article_id", "entity_id", "boilerplate"]).assign(
        compound=False)
    own = marks.outlets_own(mentions, articles)
    assert own.tolist() == [True] * 7 + [False] + [False] * 6
    assert not marks.outlets_own(mentions, articles.drop(columns="source")).any()


def test_quotations_of_the_articles_own_outlet_are_self_mentions(mentions):
    from newslens.quotes.tables import top_speakers

    quotes = pd.DataFrame({
        "quote_id": ["z:q1", "z:q2", "s:q3", "s:q4", "n:q5", "z:q6"],
        "article_id": ["z", "z", "s", "s", "n", "z"],
        "kind": ["indirect", "direct", "direct", "indirect", "direct", "direct"],
        # the outlet's research, an interviewer's question, another outlet's report, a person
        "speaker_text": ["Recherchen von ZEIT ONLINE", "ZEIT", "ZEIT ONLINE", "SPIEGEL",
                         "Spiegel", "Scholz"],
        "speaker": ["Die Zeit", "Die Zeit", "Die Zeit", "Der Spiegel", "Der Spiegel",
                    "Olaf Scholz"],
        "speaker_entity_id": ["x:die zeit", "x:die zeit", "x:die zeit", "x:der spiegel",
                              "x:der spiegel", "x:olaf scholz"],
    })
    marked = marks.mark_mentions(mentions, ARTICLES, pd.DataFrame(
        {"article_id": pd.Series(dtype=str), "start": pd.Series(dtype="int64"),
         "end": pd.Series(dtype="int64")}))
    found = marks.self_quotes(quotes, marked, ARTICLES)
    assert found.tolist() == [True, True, False, True, False, False]
    charted = top_speakers(quotes.assign(self_mention=found))
    assert set(charted["speaker"]) == {"Die Zeit", "Der Spiegel", "Olaf Scholz"}
    assert charted.drop_duplicates("speaker").set_index("speaker")["n_total"].to_dict() == {
        "Die Zeit": 1, "Der Spiegel": 1, "Olaf Scholz": 1}
    everything = top_speakers(quotes.assign(self_mention=found), include_self_mentions=True)
    assert everything.drop_duplicates("speaker").set_index("speaker")["n_total"].to_dict() == {
        "Die Zeit": 3, "Der Spiegel": 2, "Olaf Scholz": 1}
