"""Boilerplate detection: repeated passages of one source, offsets, and the marks they give."""

from __future__ import annotations

import pandas as pd

from newslens import boilerplate as bp

PROMO = ("[Wenn Sie alle aktuellen Nachrichten live auf Ihr Handy haben wollen, empfehlen wir "
         "Ihnen unsere App, die Sie hier herunterladen können.]")
HEADING = "Was wichtig ist"
UPDATE = "Die Polizei sperrte am Abend die Innenstadt von Köln weiträumig ab."
NEWS = ["Olaf Scholz traf Emmanuel Macron in Paris.", "Der Bundestag beriet über den Haushalt.",
        "In Hamburg wurde ein neuer Hafenchef gewählt.", "Die EU verhängte neue Sanktionen.",
        "Angela Merkel sprach in Leipzig.", "Der DAX schloss im Plus.",
        "In Bayern schneite es kräftig."]


def _articles() -> pd.DataFrame:
    rows = []
    for i, news in enumerate(NEWS[:6]):  # six articles of a.de on six days
        text = f"{news} Weitere Details folgen.\n{HEADING}\nIn der\nStadt Nr. {i}. {PROMO}"
        rows.append((f"a{i}", "a.de", f"2020-03-{i + 1:02d}", text))
    for i in range(5):  # one story updated five times on one day: not boilerplate
        rows.append((f"u{i}", "a.de", "2020-03-10", f"{UPDATE}\nStand: Update {i}."))
    for i in range(2):  # the promo under two articles of another source
        rows.append((f"b{i}", "b.de", f"2020-04-0{i + 1}", f"{NEWS[i]}\n{PROMO}"))
    return pd.DataFrame(rows, columns=["article_id", "source", "published", "text"]).assign(
        published=lambda t: pd.to_datetime(t["published"]))


def test_repeated_promotions_and_headings_of_one_source_are_found():
    articles = _articles()
    found = bp.detect(articles)
    assert set(found["text"]) == {PROMO, HEADING}
    assert set(found["article_id"]) == {f"a{i}" for i in range(6)}
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    for row in found.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
    promo = found[found["text"] == PROMO]
    assert promo["passage_id"].nunique() == 1
    assert promo[["n_articles", "n_days"]].drop_duplicates().values.tolist() == [[6, 6]]


def test_thresholds_are_parameters():
    found = bp.detect(_articles(), min_articles=5, min_days=1)
    assert UPDATE in set(found["text"])  # the updated story, once days do not count
    assert bp.detect(_articles(), min_articles=7).empty


def test_a_passage_inside_a_line_is_found_with_its_offsets():
    articles = _articles()
    articles["text"] = articles["text"].str.replace(f"\n{PROMO}", f" {PROMO}", regex=False)
    found = bp.detect(articles)
    promo = found[found["text"] == PROMO]
    assert len(promo) == 6
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    assert all(texts[r.article_id][r.start:r.end] == PROMO for r in promo.itertuples())


def test_without_source_all_articles_are_one_source():
    articles = _articles().drop(columns="source")
    assert PROMO in set(bp.detect(articles)["text"])


def test_passages_lists_each_text_once():
    table = bp.passages(bp.detect(_articles()))
    assert table["text"].tolist() == [PROMO, HEADING]  # most printed, then longest
    assert table["n_articles"].tolist() == [6, 6]
    assert table["article_id"].tolist() == ["a0", "a0"]


def test_mark_by_share_of_characters():
    boilerplate = pd.DataFrame({"article_id": ["x", "x"], "start": [10, 50], "end": [20, 60]})
    rows = pd.DataFrame({"article_id": ["x", "x", "x", "x", "y"],
                         "start": [10, 0, 15, 40, 10], "end": [20, 20, 30, 70, 20]})
    assert bp.mark(rows, boilerplate).tolist() == [True, True, False, False, False]
    assert bp.mark(rows, boilerplate.iloc[:0]).tolist() == [False] * 5


def test_a_short_repeated_piece_beside_boilerplate_joins_it():
    line = ("Mehr als 200.000 Fälle von Corona weltweit (Stand 18. März) wurden registriert. "
            "Hinzu kommt eine hohe Dunkelziffer, die Forscher grob schätzen.")
    articles = _articles()
    articles["text"] = articles["text"] + "\n" + line
    found = bp.detect(articles)
    assert line in set(found["text"])  # "März) wurden registriert." alone is too short
    assert "Weitere Details folgen." not in " ".join(found["text"])  # frequent, but alone


def test_short_lines_broken_off_in_mid_sentence_are_not_headings():
    articles = _articles()
    articles["text"] = articles["text"] + "\nsagt er.\nEs sei\nnoch offen, wie es weitergeht."
    found = set(bp.detect(articles)["text"])
    assert {"sagt er.", "Es sei"}.isdisjoint(found)
    assert HEADING in found
