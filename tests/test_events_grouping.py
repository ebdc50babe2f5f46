"""Events grouping: one date per event, splits of reports that date it apart, drawability.

The documents are built with the helpers of ``tests/test_events.py`` (offsets computed from the
surface strings), so the expected grouping can be checked by reading the sentences.
"""

from __future__ import annotations

import pandas as pd

from newslens.plots_timeline import timeline_table
from test_events import BIDEN, MERKEL, Doc, events_of, only
from test_timeline import _event


def _day(day: str) -> tuple:
    return (day, day, day, "day")


def test_reports_dating_an_event_days_apart_become_separate_events():
    # Three articles date a fire to 8 September, two others to 20 October: two fires.
    sept = [Doc(f"s{k}", "2020-09-09", ["Der Brand im Lager Moria brach am 8. September aus."],
                [("Moria", "LOC", "loc:moria", "Moria")], [("8. September", "2020-09-08",
                                                           "2020-09-08", "day")])
            for k in range(3)]
    octo = [Doc(f"o{k}", "2020-10-21", ["Der Brand im Lager Moria brach am 20. Oktober aus."],
                [("Moria", "LOC", "loc:moria", "Moria")], [("20. Oktober", "2020-10-20",
                                                          "2020-10-20", "day")])
            for k in range(2)]
    found, events = events_of(*sept, *octo)
    fires = found[found["trigger"] == "Brand"]
    groups = sorted(fires.groupby("event_id")["article_id"].apply(tuple))
    assert groups == [("o0", "o1"), ("s0", "s1", "s2")]
    dated = events.set_index("event_id").loc[fires["event_id"].unique(), "start_date"]
    assert sorted(dated) == [pd.Timestamp("2020-09-08"), pd.Timestamp("2020-10-20")]


def test_an_undated_report_months_later_does_not_join_the_event():
    dated = [Doc(f"d{k}", "2020-03-23", ["Merkel und die Länder beschlossen am Sonntag ein "
                                        "Kontaktverbot."],
                 [MERKEL], [("Sonntag", "2020-03-22", "2020-03-22", "day")]) for k in range(2)]
    later = Doc("late", "2020-05-20", ["Das Kontaktverbot von Merkel und den Ländern wirkt "
                                       "nach."], [MERKEL])
    found, _ = events_of(*dated, later)
    contact = found[found["article_id"] == "late"]
    main = found[found["article_id"] == "d0"]["event_id"].iloc[0]
    assert (contact["event_id"] != main).all()


def _mention(event_id: str, article_id: str, k: int, day: str | None, source: str,
             modality: str = "asserted") -> dict:
    return {"event_mention_id": f"{article_id}:ev{k}-{k + 5}", "event_id": event_id,
            "article_id": article_id, "sentence_id": f"{article_id}:s{k:04d}", "start": k,
            "end": k + 5, "event_class": "consult", "actors": "", "actor_ids": "",
            "start_date": pd.Timestamp(day) if day else pd.NaT,
            "end_date": pd.Timestamp(day) if day else pd.NaT, "date_source": source,
            "modality": modality}


def test_only_events_whose_reports_agree_on_the_date_are_drawn():
    day = "2020-03-22"
    events = pd.DataFrame([
        _event(name, name, day, day, n_articles=3, article_ids="a | b | c")
        for name in ("agreed", "scattered", "by_reports", "planned")]
        + [_event(name, name, day, day, n_articles=2, article_ids="a | b")
           for name in ("one_day", "two_days")])
    mentions = pd.DataFrame([
        # two articles give the day by a timex, the third names it undated: drawn
        _mention("agreed", "a", 0, day, "timex"), _mention("agreed", "b", 0, day, "timex"),
        _mention("agreed", "c", 0, None, "none"),
        # the articles date it to three days months apart: a mixed group, not drawn
        _mention("scattered", "a", 10, day, "timex"),
        _mention("scattered", "b", 10, "2020-05-01", "timex"),
        _mention("scattered", "c", 10, "2020-06-01", "timex"),
        # three reports of the day after, none names the day: not drawn (past-tense mentions
        # of several happenings more often than one event)
        *[_mention("by_reports", a, 20, "2020-03-23", "publication") for a in "abc"],
        # one names the day, one more reports it the day after: not drawn (a day named once
        # may be a timex read off); two name it: drawn
        _mention("one_day", "a", 30, day, "timex"),
        _mention("one_day", "b", 30, "2020-03-23", "publication"),
        _mention("two_days", "a", 50, day, "timex"), _mention("two_days", "b", 50, day, "timex"),
        # announced for the day by every article, reported as happened by none: not drawn
        *[_mention("planned", a, 40, day, "timex", "planned") for a in "abc"],
    ])
    articles = pd.DataFrame({"article_id": list("abc"),
                             "published": pd.to_datetime(["2020-03-23"] * 3)})
    drawn = timeline_table(events, mentions, articles)["event_id"].tolist()
    assert sorted(drawn) == ["agreed", "two_days"]
    everything = timeline_table(events, mentions, articles, min_support=0)
    assert len(everything) == 6


def test_what_one_person_said_in_other_words_in_other_articles_stays_apart():
    # Merkel speaks on one Wednesday about schools and, in another article, about the
    # budget: two statements. The same words about schools in a third article join the first.
    day = [("am Mittwoch", "2020-10-14", "2020-10-14", "day")]
    schools = ["Merkel sagte am Mittwoch, die Schulen und Kitas blieben in der Pandemie offen."]
    budget = ["Merkel sagte am Mittwoch, der Haushalt des Bundes werde im Dezember beschlossen."]
    docs = [Doc("s1", "2020-10-15", schools, [MERKEL], day),
            Doc("s2", "2020-10-15", schools, [MERKEL], day),
            Doc("b1", "2020-10-15", budget, [MERKEL], day)]
    found, _ = events_of(*docs)
    said = found[found["trigger"] == "sagte"].set_index("article_id")["event_id"]
    assert said["s1"] == said["s2"] and said["b1"] != said["s1"]


def test_a_report_dated_to_its_month_joins_one_day_dated_event_and_links_no_two():
    # Two Corona summits of Merkel, 28 October and 25 November, each dated by two articles;
    # an article names the summit 'im November' only: it joins the November one, and the
    # two summits stay apart (it does not link them).
    def summit(article_id, published, surface, first, last, granularity):
        return Doc(article_id, published, [f"Der Corona-Gipfel von Merkel und den Ländern "
                                           f"beschloss {surface} einen Lockdown."],
                   [MERKEL], [(surface, first, last, granularity)])
    docs = [summit("o1", "2020-10-29", "am Mittwoch", "2020-10-28", "2020-10-28", "day"),
            summit("o2", "2020-10-29", "am Mittwoch", "2020-10-28", "2020-10-28", "day"),
            summit("n1", "2020-11-26", "am Mittwoch", "2020-11-25", "2020-11-25", "day"),
            summit("n2", "2020-11-26", "am Mittwoch", "2020-11-25", "2020-11-25", "day"),
            summit("m1", "2020-12-01", "im November", "2020-11-01", "2020-11-30", "month")]
    found, _ = events_of(*docs)
    summits = found[found["trigger"] == "Corona-Gipfel"]
    assert sorted(summits.groupby("event_id")["article_id"].apply(tuple)) == [
        ("m1", "n1", "n2"), ("o1", "o2")]


def test_main_names_do_not_depend_on_the_order_names_were_counted_in():
    """Names reach an event's counter from sets, whose order changes with the string hash
    seed of the process; the main names (and so the merges) must not."""
    from collections import Counter

    from newslens.events.grouping import _strongest

    one = Counter({"per:b": 2, "org:c": 2, "per:a": 2, "loc:d": 1})
    other = Counter({"per:a": 2, "per:b": 2, "org:c": 2, "loc:d": 1})
    assert _strongest(one, 2) == _strongest(other, 2) == [("org:c", 2), ("per:a", 2)]


def test_common_names_weigh_nothing_and_rare_ones_fully_in_a_large_corpus():
    from newslens.events.grouping import _name_weights

    def mention(article_id, names):
        return {"article_id": article_id, "actor_ids": names, "place_ids": []}

    # 4,000 articles: the chancellor in 600 (15%), a minister in 80 (2%), a town in 10.
    rows = [mention(f"a{k}", ["per:chancellor"] * (k < 600) + ["per:minister"] * (k < 80)
                    + ["loc:town"] * (k < 10)) for k in range(4000)]
    weight = _name_weights(rows)
    assert weight["per:chancellor"] == 0.0
    assert weight["loc:town"] == 1.0
    assert 0.2 < weight["per:minister"] < 0.8
    # five articles say nothing about how common a name is: every name weighs 1
    few = _name_weights([mention(f"s{k}", ["per:chancellor"]) for k in range(5)])
    assert few == {"per:chancellor": 1.0}


def test_what_one_person_said_at_the_weekend_and_on_monday_are_two_statements():
    # One article of Tuesday: the remarks of the weekend (dated by a timex) and those of
    # Monday (a quote dated by the report): the same speaker, two days, two statements.
    doc = Doc("t", "2020-10-20",
              ["Merkel hatte am Wochenende gesagt, die Schulen blieben offen.",
               "Merkel sagte in Berlin, die Schulen blieben offen."],
              [MERKEL, MERKEL], [("am Wochenende", "2020-10-17", "2020-10-18", "weekend")])
    found, _ = events_of(doc)
    said = found[found["event_class"] == "statement"].sort_values("start")
    assert said["date_source"].tolist() == ["timex", "publication"]
    assert said["event_id"].nunique() == 2


def test_an_event_most_of_whose_articles_name_no_day_of_it_is_not_drawn():
    # Two of seven articles date the round of talks; the other five name no day of it (a
    # group of several rounds and their preparations): listed, not drawn. With three of
    # seven it is drawn.
    day = "2020-04-15"
    ids = list("abcdefg")
    events = pd.DataFrame([_event(name, name, day, day, n_articles=7,
                                  article_ids=" | ".join(ids)) for name in ("two", "three")])
    mentions = pd.DataFrame(
        [_mention("two", a, 0, day, "timex") for a in "ab"]
        + [_mention("two", a, 0, None, "none") for a in "cdefg"]
        + [_mention("three", a, 10, day, "timex") for a in "abc"]
        + [_mention("three", a, 10, None, "none") for a in "defg"])
    articles = pd.DataFrame({"article_id": ids, "published": pd.to_datetime([day] * 7)})
    assert timeline_table(events, mentions, articles)["event_id"].tolist() == ["three"]


def _item(i: int, article: str, published: str, day: str | None, *,
          until: str | None = None, source: str = "timex"):
    from newslens.events.grouping import _days, _Mention
    pub = _days([pd.Timestamp(published)])[0]
    low = _days([pd.Timestamp(day)])[0] if day else pub
    high = _days([pd.Timestamp(until)])[0] if until else low
    return _Mention(i, "consult", "Beratung", article, frozenset(), frozenset(), frozenset(),
                    False, False, low, high, source if day else "none", False, pub, {})


def test_an_event_dated_to_two_clusters_of_days_is_split_with_its_articles():
    from newslens.events.grouping import _split_clusters
    items = [
        # two articles date the meeting to 22 March (one also to the 23rd), each with an
        # undated sentence about it
        _item(0, "a", "2020-03-23", "2020-03-22"), _item(1, "a", "2020-03-23", None),
        _item(2, "b", "2020-03-23", "2020-03-23"), _item(3, "b", "2020-03-23", None),
        # two date a meeting of the week after, one of them names the first in passing
        _item(4, "c", "2020-03-30", "2020-03-29"), _item(5, "c", "2020-03-30", None),
        _item(6, "d", "2020-03-30", "2020-03-29"), _item(7, "d", "2020-03-30", "2020-03-29"),
        _item(8, "d", "2020-03-30", "2020-03-22"),
        # an article that names no day, published after the second
        _item(9, "e", "2020-03-31", None),
        # a single article dating a third day is no cluster of its own: the nearest takes it
        _item(10, "f", "2020-04-03", "2020-04-02"),
    ]
    assigned = _split_clusters(items, [0] * len(items))
    first, second = assigned[0], assigned[4]
    assert first != second
    assert [assigned[k] for k in (0, 1, 2, 3, 8)] == [first] * 5
    assert [assigned[k] for k in (4, 5, 6, 7, 9, 10)] == [second] * 6


def test_an_event_its_reports_give_as_a_span_of_days_stays_one():
    from newslens.events.grouping import _split_clusters
    items = [_item(0, "a", "2020-06-07", "2020-06-06"), _item(1, "b", "2020-06-07", "2020-06-06"),
             _item(2, "c", "2020-06-14", "2020-06-13"), _item(3, "d", "2020-06-14", "2020-06-13"),
             _item(4, "e", "2020-06-14", "2020-06-06", until="2020-06-13")]
    assert len(set(_split_clusters(items, [0] * len(items)))) == 1
    assert len(set(_split_clusters(items[:4], [0] * 4))) == 2


PUTIN = ("Putin", "PER", "per:wladimir_putin", "Wladimir Putin")
TRUMP = ("Trump", "PER", "per:donald_trump", "Donald Trump")


def test_remarks_of_days_before_stay_apart_from_the_summit_of_that_month():
    # Putin's remarks of the days before an article of 7 August (a statement dated by its own
    # timex) and the summit that two later articles date to August: two occasions, however
    # rare the shared name.
    remarks = Doc("r", "2020-08-07", ["Vor wenigen Tagen bekräftigte Putin seine Kriegsziele."],
                  [PUTIN], [("Vor wenigen Tagen", "2020-07-31", "2020-08-06", "day")])
    summit = [Doc(f"s{k}", "2020-08-25", [f"Im August trafen sich {TRUMP[0]} und Putin zu "
                                          "einem Gipfeltreffen."],
                  [TRUMP, PUTIN], [("Im August", "2020-08-01", "2020-08-31", "month")])
              for k in range(2)]
    found, _ = events_of(remarks, *summit)
    said = only(found, "bekräftigte")
    met = found[found["trigger"] == "Gipfeltreffen"]
    assert said["event_class"] == "statement" and len(met) == 2
    assert met["event_id"].nunique() == 1
    assert said["event_id"] != met["event_id"].iloc[0]


def test_a_plan_for_other_days_neither_joins_nor_dates_what_happened():
    # An article of 7 August: a meeting planned for the coming days (7-14 August); two
    # articles of the 21st: the meeting took place in mid-August (11-20). The plan does not
    # fit the days it happened on: two events, and the meeting is dated by its reports.
    plan = Doc("p", "2020-08-07", ["Das Treffen von Trump und Putin soll in wenigen Tagen "
                                   "stattfinden."],
               [TRUMP, PUTIN], [("in wenigen Tagen", "2020-08-07", "2020-08-14", "day")])
    held = [Doc(f"h{k}", "2020-08-21", ["Das Treffen von Trump und Putin fand Mitte August "
                                        "statt."],
                [TRUMP, PUTIN], [("Mitte August", "2020-08-11", "2020-08-20", "month")])
            for k in range(2)]
    found, events = events_of(plan, *held)
    meetings = found[found["trigger"] == "Treffen"].set_index("article_id")
    assert meetings.loc["p", "modality"] == "planned"
    assert meetings.loc["p", "event_id"] != meetings.loc["h0", "event_id"]
    assert meetings.loc["h0", "event_id"] == meetings.loc["h1", "event_id"]
    event = events.set_index("event_id").loc[meetings.loc["h0", "event_id"]]
    assert (event["start_date"], event["end_date"]) == (pd.Timestamp("2020-08-11"),
                                                         pd.Timestamp("2020-08-20"))


def test_a_plan_on_a_day_of_the_week_it_happened_in_joins_it():
    # A call planned for Friday 16 October and two reports of the call of that week: one event.
    plan = Doc("p", "2020-10-14", ["Trump will am Freitag ein Telefonat mit Putin führen."],
               [TRUMP, PUTIN], [("am Freitag", "2020-10-16", "2020-10-16", "day")])
    held = [Doc(f"h{k}", "2020-10-20", ["Trump hat in der vergangenen Woche ein Telefonat "
                                        "mit Putin geführt."],
                [TRUMP, PUTIN], [("in der vergangenen Woche", "2020-10-12", "2020-10-18",
                                  "week")])
            for k in range(2)]
    found, _ = events_of(plan, *held)
    calls = found[found["event_class"] == "consult"]
    assert sorted(calls["article_id"]) == ["h0", "h1", "p"]
    assert calls.set_index("article_id").loc["p", "modality"] == "planned"
    assert calls["event_id"].nunique() == 1


def test_a_plan_dated_before_its_report_gives_no_date_to_grouping():
    # 'am Mittwoch' in an article of Monday 23 November read as the Wednesday before, in a
    # sentence about what is planned: the timex is wrong (or tells of an old plan), so the
    # mention is grouped as undated; a plan of the days after keeps its date.
    from newslens.events.grouping import _items

    def row(day: str, modality: str) -> dict:
        return {"article_id": "a", "published": pd.Timestamp("2020-11-23"),
                "start_date": pd.Timestamp(day), "end_date": pd.Timestamp(day),
                "granularity": "day", "date_source": "timex", "modality": modality,
                "event_class": "consult", "lemma": "Beratung", "actor_ids": [],
                "place_ids": []}

    rows = [row("2020-11-18", "planned"), row("2020-11-25", "planned"),
            row("2020-11-18", "asserted")]
    items = _items(rows, {"consult": "talk"}, [{}, {}, {}])
    assert [m.source for m in items] == ["none", "timex", "timex"]


def test_an_occasion_word_of_a_daily_class_is_not_daily():
    # Protests recur every Saturday (class protest, grouping daily): a demonstration told as
    # news is of that day or the two before. The storming of a parliament is a protest too,
    # but an occasion of its own (lemma grouping occasion): a report of it may be of the week
    # before, and a later reference may recall it.
    from newslens.events.grouping import REPORT_DAYS, _items

    def row(lemma: str) -> dict:
        return {"article_id": "a", "published": pd.Timestamp("2021-01-11"),
                "start_date": pd.Timestamp("2021-01-11"), "end_date": pd.Timestamp("2021-01-11"),
                "granularity": "day", "date_source": "publication", "modality": "asserted",
                "event_class": "protest", "lemma": lemma, "actor_ids": [], "place_ids": []}

    protest, storming = _items([row("Protest"), row("Erstürmung")], {"protest": "protest"},
                               [{}, {}])
    assert protest.daily and not storming.daily
    assert storming.high - storming.low == REPORT_DAYS
    assert protest.high - protest.low < REPORT_DAYS


SOMMER = ("Sommerfleisch", "ORG", "org:sommerfleisch", "Sommerfleisch")
HEIL = ("Heil", "PER", "per:hubertus_heil", "Hubertus Heil")
#: Other news, so that the plant is a rare name in the corpus (named by fewer than 2% of its
#: articles): rarity is measured, and a corpus of a few articles shows none.
OTHER_NEWS = [Doc(f"x{k:03d}", "2020-05-01", ["Auf der Autobahn wurde ein Unfall gemeldet."])
              for k in range(400)]


def test_a_retrospective_report_joins_the_event_it_names_months_later():
    # Two articles date an outbreak at a meat plant; weeks and months later, reports name it
    # in passing by its word and the plant, among other persons: they join it. The same words
    # in an article published before the outbreak, or as a plan, do not.
    dated = [Doc(f"d{k}", "2020-06-18", ["Bei Sommerfleisch ist am Mittwoch ein "
                                         "Corona-Ausbruch festgestellt worden."],
                 [SOMMER], [("am Mittwoch", "2020-06-17", "2020-06-17", "day")])
             for k in range(2)]
    later = [Doc(f"l{k}", published, ["Nach dem Corona-Ausbruch bei Sommerfleisch verlangt "
                                      "Arbeitsminister Heil strengere Regeln."], [SOMMER, HEIL])
             for k, published in enumerate(["2020-07-30", "2020-11-02"])]
    before = Doc("b", "2020-06-01", ["Nach dem Corona-Ausbruch bei Sommerfleisch verlangt "
                                     "Arbeitsminister Heil strengere Regeln."], [SOMMER, HEIL])
    planned = Doc("p", "2020-08-01", ["Einen neuen Corona-Ausbruch bei Sommerfleisch soll es "
                                      "nicht geben, sagte Heil."], [SOMMER, HEIL])
    found, events = events_of(*dated, *later, before, planned, *OTHER_NEWS)
    outbreak = found[found["trigger"] == "Corona-Ausbruch"].set_index("article_id")["event_id"]
    assert outbreak["d0"] == outbreak["d1"] == outbreak["l0"] == outbreak["l1"]
    assert outbreak["b"] != outbreak["d0"] and outbreak["p"] != outbreak["d0"]
    event = events.set_index("event_id").loc[outbreak["d0"]]
    assert event["n_articles"] == 4 and event["start_date"] == pd.Timestamp("2020-06-17")
    # in a corpus of these six articles alone the plant is no rare name: no recall
    found, _ = events_of(*dated, *later, before, planned)
    outbreak = found[found["trigger"] == "Corona-Ausbruch"].set_index("article_id")["event_id"]
    assert outbreak["l1"] != outbreak["d0"]



def test_a_retrospective_report_joins_the_event_up_to_a_year_later():
    # A scandal or an outbreak is recalled for a year (its anniversary), not longer.
    dated = [Doc(f"d{k}", "2020-06-18", ["Bei Sommerfleisch ist am Mittwoch ein "
                                         "Corona-Ausbruch festgestellt worden."],
                 [SOMMER], [("am Mittwoch", "2020-06-17", "2020-06-17", "day")])
             for k in range(2)]
    later = [Doc(f"l{k}", published, ["Nach dem Corona-Ausbruch bei Sommerfleisch verlangt "
                                      "Arbeitsminister Heil strengere Regeln."], [SOMMER, HEIL])
             for k, published in enumerate(["2021-02-01", "2021-06-10", "2021-08-01"])]
    found, _ = events_of(*dated, *later, *OTHER_NEWS)
    outbreak = found[found["trigger"] == "Corona-Ausbruch"].set_index("article_id")["event_id"]
    assert outbreak["d0"] == outbreak["l0"] == outbreak["l1"]
    assert outbreak["l2"] != outbreak["d0"]

def test_a_retrospective_report_needs_the_events_word_and_a_shared_name():
    # A report months later naming the plant but another kind of event (a fire), or the same
    # word without the plant, stays apart.
    dated = [Doc(f"d{k}", "2020-06-18", ["Bei Sommerfleisch ist am Mittwoch ein "
                                         "Corona-Ausbruch festgestellt worden."],
                 [SOMMER], [("am Mittwoch", "2020-06-17", "2020-06-17", "day")])
             for k in range(2)]
    fire = Doc("f", "2020-09-01", ["Nach dem Brand bei Sommerfleisch verlangt Arbeitsminister "
                                   "Heil strengere Regeln."], [SOMMER, HEIL])
    other = Doc("o", "2020-09-01", ["Nach dem Corona-Ausbruch in der Kaserne verlangt "
                                    "Arbeitsminister Heil strengere Regeln."], [HEIL])
    found, _ = events_of(*dated, fire, other, *OTHER_NEWS)
    ids = found.set_index(["article_id", "trigger"])["event_id"]
    assert ids[("f", "Brand")] != ids[("d0", "Corona-Ausbruch")]
    assert ids[("o", "Corona-Ausbruch")] != ids[("d0", "Corona-Ausbruch")]


RHEDA = ("Rheda", "LOC", "loc:rheda", "Rheda")


def test_a_nameless_follow_up_joins_the_event_its_article_names_in_the_days_after():
    # Three articles date an outbreak at a plant in a town. Days later an article about the
    # plant and the town refers to "der Ausbruch" in a sentence that names neither: it joins
    # the outbreak through the names its article mentions most. The same sentence weeks later,
    # an indefinite "ein Ausbruch", or an article naming the plant and someone else does not.
    dated = [Doc(f"d{k}", "2020-06-18", ["Bei Sommerfleisch in Rheda ist am Mittwoch ein "
                                         "Corona-Ausbruch festgestellt worden."],
                 [SOMMER, RHEDA], [("am Mittwoch", "2020-06-17", "2020-06-17", "day")])
             for k in range(3)]

    def follow_up(article_id, published, sentence, names=(SOMMER, RHEDA)):
        first, second = names
        return Doc(article_id, published,
                   [f"{first[0]} in {second[0]} steht in der Kritik.",
                    f"{first[0]} will die Arbeit in {second[0]} bald fortsetzen.",
                    sentence], [first, second, first, second])

    the = "Der Ausbruch beschäftigt die ganze Region."
    docs = [follow_up("f", "2020-06-22", the), follow_up("late", "2020-08-10", the),
            follow_up("a", "2020-06-22", "Ein Ausbruch beschäftigt jede Region."),
            follow_up("h", "2020-06-22", the, (SOMMER, HEIL))]
    found, events = events_of(*dated, *docs, *OTHER_NEWS)
    outbreak = found[found["lemma"] == "Ausbruch"].set_index("article_id")["event_id"]
    assert outbreak["f"] == outbreak["d0"] == outbreak["d1"] == outbreak["d2"]
    assert outbreak["late"] != outbreak["d0"] and outbreak["a"] != outbreak["d0"]
    assert outbreak["h"] != outbreak["d0"]
    event = events.set_index("event_id").loc[outbreak["d0"]]
    # it adds a report, not a date
    assert event["n_articles"] == 4 and event["start_date"] == pd.Timestamp("2020-06-17")


def test_later_reports_that_name_no_day_do_not_count_against_drawing_an_event():
    # Two of seven articles date the attack; five name it undated. Published in its week they
    # count (a group of several happenings): not drawn. Published six weeks later they refer
    # back to it: drawn.
    day = "2020-04-15"
    ids = list("abcdefg")
    events = pd.DataFrame([_event("attack", "attack", day, day, n_articles=7,
                                  article_ids=" | ".join(ids))])
    mentions = pd.DataFrame([_mention("attack", a, 0, day, "timex") for a in "ab"]
                            + [_mention("attack", a, 0, None, "none") for a in "cdefg"])
    week = pd.DataFrame({"article_id": ids, "published": pd.to_datetime([day] * 7)})
    later = week.assign(published=pd.to_datetime([day] * 2 + ["2020-05-30"] * 5))
    assert timeline_table(events, mentions, week)["event_id"].tolist() == []
    assert timeline_table(events, mentions, later)["event_id"].tolist() == ["attack"]


def test_an_occasion_of_a_decision_class_groups_without_a_named_actor():
    # A decision (Beschluss) is a kind of act many take: two reports naming only a place
    # stay two events. An airport opens once: two reports of its opening naming only the
    # airport (a place) are one event.
    airport = ("Flughafen Nordstadt", "LOC", "loc:flughafen_nordstadt", "Flughafen Nordstadt")
    day = [("Samstag", "2020-10-31", "2020-10-31", "day")]
    opened = [Doc("o1", "2020-11-01", ["Am Samstag wurde der Flughafen Nordstadt eröffnet."],
                  [airport], day),
              Doc("o2", "2020-11-01", ["Der Flughafen Nordstadt ist am Samstag nach Jahren "
                                       "der Verzögerung eröffnet worden."], [airport], day)]
    decided = [Doc(f"b{k}", "2020-11-01", [f"Am Samstag wurde ein Beschluss zum Flughafen "
                                           f"Nordstadt gefasst, {text}."], [airport], day)
               for k, text in enumerate(["die Gebühren steigen", "der Nachtflug endet"])]
    found, _ = events_of(*opened, *decided)
    ids = found.set_index("article_id")["event_id"]
    assert ids["o1"] == ids["o2"]
    assert ids["b0"] != ids["b1"]


def test_a_later_report_recalls_a_death_through_its_rare_person_only():
    # Two articles date the death of a judge; weeks later 'die verstorbene Richterin Wendler'
    # reports it. A later death word naming only a common-looking place does not join.
    wendler = ("Wendler", "PER", "per:marta_wendler", "Marta Wendler")
    dated = [Doc(f"d{k}", "2020-09-19", ["Die Richterin Wendler ist am Freitag gestorben."],
                 [wendler], [("Freitag", "2020-09-18", "2020-09-18", "day")]) for k in range(2)]
    later = Doc("l", "2020-10-20", ["Die verstorbene Richterin Wendler war eine Pionierin."],
                [wendler])
    other = Doc("o", "2020-10-20", ["Der verstorbene Richter war ein Pionier."])
    found, _ = events_of(*dated, later, other, *OTHER_NEWS)
    ids = found.set_index("article_id")["event_id"]
    assert ids["l"] == ids["d0"] == ids["d1"] and ids["o"] != ids["d0"]


def test_a_day_of_plans_does_not_date_an_event_that_reports_date_as_happened():
    # 'heute ... zugelassen wird' (a habit, planned) on the day of its report against two
    # reports that the approval happened 'vergangene Woche': the week dates it, not that day
    from newslens.events.tables import event_date

    def member(article: str, day: str, first: str, last: str, granularity: str,
               modality: str) -> dict:
        return {"article_id": article, "published": pd.Timestamp(day),
                "date_source": "timex", "granularity": granularity, "modality": modality,
                "start_date": pd.Timestamp(first), "end_date": pd.Timestamp(last)}

    habit = member("a", "2020-12-01", "2020-12-01", "2020-12-01", "day", "planned")
    held = [member(k, "2020-12-08", "2020-11-30", "2020-12-06", "week", "asserted")
            for k in ("b", "c")]
    assert event_date([habit, *held])[:3] == (pd.Timestamp("2020-11-30"),
                                              pd.Timestamp("2020-12-06"), "week")
    # with no report of it as happened, the planned day still dates it
    assert event_date([habit])[:3] == (pd.Timestamp("2020-12-01"),
                                       pd.Timestamp("2020-12-01"), "day")


def test_a_day_given_as_often_as_a_longer_span_dates_the_event():
    # One report each: a span of eight days read at day precision ('vom 30. September bis
    # 7. Oktober'), the day of the positive test, the day after. The span starts first, but a
    # day is what a timeline can draw: the first day given dates it. A weekend is as good as
    # a day (a protest of Saturday and Sunday), and the day most articles give wins still.
    from newslens.events.tables import event_date

    def member(article: str, first: str, last: str, granularity: str = "day") -> dict:
        return {"article_id": article, "published": pd.Timestamp("2020-10-09"),
                "date_source": "timex", "granularity": granularity, "modality": "asserted",
                "start_date": pd.Timestamp(first), "end_date": pd.Timestamp(last)}

    span = member("a", "2020-09-30", "2020-10-07")
    days = [member("b", "2020-10-01", "2020-10-01"), member("c", "2020-10-02", "2020-10-02")]
    assert event_date([span, *days])[:3] == (pd.Timestamp("2020-10-01"),
                                             pd.Timestamp("2020-10-01"), "day")
    weekend = member("w", "2020-08-29", "2020-08-30", "weekend")
    later_day = member("d", "2020-09-06", "2020-09-06")
    assert event_date([later_day, weekend])[:2] == (pd.Timestamp("2020-08-29"),
                                                    pd.Timestamp("2020-08-30"))
    both = [member(k, "2020-09-30", "2020-10-07") for k in ("x", "y")]
    assert event_date([*both, *days])[:2] == (pd.Timestamp("2020-09-30"),
                                              pd.Timestamp("2020-10-07"))


def test_a_coarse_date_comes_from_what_happened_before_what_was_supposed():
    # An event known from coarse timexes only: a report that the summit took place in mid
    # August, and one that a meeting might follow in the next week (hypothetical, narrower).
    from newslens.events.tables import event_date

    def member(article: str, first: str, last: str, granularity: str, modality: str) -> dict:
        return {"article_id": article, "published": pd.Timestamp("2020-08-21"),
                "date_source": "timex", "granularity": granularity, "modality": modality,
                "start_date": pd.Timestamp(first), "end_date": pd.Timestamp(last)}

    held = member("a", "2020-08-11", "2020-08-20", "month", "asserted")
    supposed = member("b", "2020-08-24", "2020-08-30", "week", "hypothetical")
    assert event_date([held, supposed])[:3] == (pd.Timestamp("2020-08-11"),
                                                pd.Timestamp("2020-08-20"), "month")
    # with no report of it as happened, the narrowest of the others
    assert event_date([supposed])[:3] == (pd.Timestamp("2020-08-24"),
                                          pd.Timestamp("2020-08-30"), "week")


def test_a_report_of_another_year_does_not_join_the_event():
    # Two articles date the local election to Sunday 13 September 2020; a third, a few days
    # later, names the election of 2017 (a year: too coarse to date it, but it excludes
    # 2020) and one that names no date at all: only the undated one may join.
    day = [Doc(f"d{k}", "2020-09-14", ["Die CDU hat die Kommunalwahl am Sonntag gewonnen."],
               [("CDU", "ORG", "org:cdu", "CDU")],
               [("Sonntag", "2020-09-13", "2020-09-13", "day")]) for k in range(2)]
    old = Doc("y", "2020-09-16", ["Die CDU hatte die Kommunalwahl 2017 gewonnen."],
              [("CDU", "ORG", "org:cdu", "CDU")], [("2017", "2017-01-01", "2017-12-31", "year")])
    undated = Doc("u", "2020-09-16", ["Die CDU hat die Kommunalwahl gewonnen."],
                  [("CDU", "ORG", "org:cdu", "CDU")])
    found, _ = events_of(*day, old, undated)
    by_article = found[found["event_class"] == "election"].groupby("article_id")["event_id"] \
        .first()
    assert by_article["d0"] == by_article["d1"] == by_article["u"]
    assert by_article["y"] != by_article["d0"]


def test_a_demonstration_told_as_news_of_the_day_is_not_last_weekends():
    # Two articles date the demonstrations of Saturday 9 May; an article of Saturday 16 May
    # tells, as news of the day, that people demonstrated again: a demonstration of that
    # day (there is one every week), not a report of the one of the Saturday before.
    town = ("Stuttgart", "LOC", "loc:stuttgart", "Stuttgart")
    before = [Doc(f"b{k}", "2020-05-10", ["In Stuttgart haben am Samstag Tausende gegen die "
                                          "Corona-Regeln demonstriert."], [town],
                  [("am Samstag", "2020-05-09", "2020-05-09", "day")]) for k in range(2)]
    again = Doc("n", "2020-05-16", ["In Stuttgart haben Tausende gegen die Corona-Regeln "
                                    "demonstriert."], [town])
    found, _ = events_of(*before, again)
    protests = found[found["event_class"] == "protest"].set_index("article_id")
    assert protests.loc["n", "date_source"] == "publication"
    assert protests.loc["b0", "event_id"] == protests.loc["b1", "event_id"]
    assert protests.loc["n", "event_id"] != protests.loc["b0", "event_id"]


#: Other news naming Biden, so that his is a common name (more than 10% of the articles).
BIDEN_NEWS = [Doc(f"y{k:03d}", "2020-12-01", ["Biden kritisierte das Wetter."], [BIDEN])
              for k in range(250)]


def test_a_later_report_recalls_a_well_known_event_through_its_first_common_name():
    # Biden is named by many articles (no rare name); a report weeks later of 'der
    # Amtseinführung von Biden' joins his inauguration when ten articles or more report it
    # (a well-known occasion of his), not when nine do.
    def corpus(n_dated: int) -> tuple[pd.DataFrame, pd.DataFrame]:
        dated = [Doc(f"d{k}", "2021-01-21", ["Biden wurde am Mittwoch als Präsident vereidigt."],
                     [BIDEN], [("am Mittwoch", "2021-01-20", "2021-01-20", "day")])
                 for k in range(n_dated)]
        later = Doc("l", "2021-02-15", ["Seit der Amtseinführung von Biden hat sich viel "
                                        "geändert."], [BIDEN])
        return events_of(*dated, later, *OTHER_NEWS, *BIDEN_NEWS)

    found, events = corpus(10)
    ids = found.set_index("article_id")["event_id"]
    assert ids["l"] == ids["d0"]
    assert events.set_index("event_id").at[ids["d0"], "n_articles"] == 11
    found, _ = corpus(9)
    ids = found.set_index("article_id")["event_id"]
    assert ids["l"] != ids["d0"]


def test_a_date_cut_by_the_sentence_splitter_still_dates_its_trigger():
    # 'am 6.' / 'Januar': the splitter took the day's period for a sentence end; the
    # expression runs from one sentence into the next, and the trigger takes its day.
    doc = Doc("a", "2021-01-08", ["Anhänger von Trump stürmten am 6.", "Januar das Kapitol."],
              [TRUMP], [("6. Januar", "2021-01-06", "2021-01-06", "day")])
    found, _ = events_of(doc)
    row = only(found, "stürmten")
    assert row["date_source"] == "timex" and row["start_date"] == pd.Timestamp("2021-01-06")
    assert row["sentence_id"] == "a:s0000"


def test_an_address_reported_in_other_words_in_other_articles_is_one_event():
    # A TV address is an occasion, not a speech act (lemma grouping 'address'): two articles
    # that tell of Merkel's address of Wednesday in other words report one event; what she
    # said (sagte) in those words stays apart by the speech rule.
    day = [("am Mittwoch", "2020-03-18", "2020-03-18", "day")]
    docs = [Doc("a1", "2020-03-19", ["Merkel wandte sich am Mittwoch in einer Fernsehansprache "
                                     "an die Bürger, die Lage sei ernst."], [MERKEL], day),
            Doc("a2", "2020-03-19", ["In ihrer Fernsehansprache dankte Merkel am Mittwoch den "
                                     "Kassiererinnen im Supermarkt."], [MERKEL], day)]
    found, _ = events_of(*docs)
    address = found[found["trigger"] == "Fernsehansprache"].set_index("article_id")["event_id"]
    assert address["a1"] == address["a2"]


def test_taking_office_and_a_nomination_of_the_same_person_are_other_lemmas():
    # A nomination (nominiert, Nominierung), an appointment, a dismissal and taking office
    # (Amtsantritt, vereidigt) are other events of one person: a later 'nach dem Amtsantritt
    # von Biden' is no report of the minister Biden nominated that week.
    nominated = [Doc(f"n{k}", "2021-02-23", ["Biden hat am Montag einen Richter als "
                                             "Justizminister nominiert."], [BIDEN],
                     [("am Montag", "2021-02-22", "2021-02-22", "day")]) for k in range(2)]
    later = Doc("late", "2021-02-24", ["Nach dem Amtsantritt von Biden entspannte sich das "
                                       "Verhältnis."], [BIDEN])
    found, _ = events_of(*nominated, later)
    event = found.set_index("trigger")["event_id"]
    assert found[found["trigger"] == "nominiert"]["lemma"].unique().tolist() == ["Nominierung"]
    assert event["Amtsantritt"] not in set(found[found["trigger"] == "nominiert"]["event_id"])


def _death(i: int, article: str, low: str, high: str, names: tuple[str, ...]):
    from newslens.events.grouping import _days, _Mention
    first, last = _days([pd.Timestamp(low), pd.Timestamp(high)])
    persons = frozenset(n for n in names if n.startswith("per:"))
    return _Mention(i, "violence", "Tod", article, frozenset(names), persons, persons, True,
                    False, first, last, "timex", False, last, {})


def _merged(items: list, assigned: list[int]) -> list[int]:
    from newslens.events.grouping import _merge, _rebuild
    return _merge(_rebuild(items, assigned), assigned, {})


def test_an_event_dated_by_weeks_only_meets_the_day_of_any_of_its_weeks():
    # Two reports date a death to Friday 18 September; two later ones only to weeks: the week
    # they were written in (21-27) and mid-September (11-20), which holds the Friday.
    name = ("per:ruth_bader_ginsburg",)
    items = [_death(0, "a", "2020-09-18", "2020-09-18", name),
             _death(1, "b", "2020-09-18", "2020-09-18", name),
             _death(2, "c", "2020-09-21", "2020-09-27", name),
             _death(3, "d", "2020-09-11", "2020-09-20", name)]
    assert len(set(_merged(items, [0, 0, 1, 1]))) == 1
    # weeks that do not hold the day keep it apart
    later = items[:3] + [_death(3, "d", "2020-09-28", "2020-10-04", name)]
    assert len(set(_merged(later, [0, 0, 1, 1]))) == 2


def test_one_person_named_by_two_ids_is_one_death_of_that_day():
    place = "loc:new_york"
    items = [_death(0, "a", "2020-05-31", "2020-05-31", ("per:christo", place)),
             _death(1, "b", "2020-05-31", "2020-05-31", ("per:christo", place)),
             _death(2, "c", "2020-05-31", "2020-05-31", ("per:christo_javacheff", place))]
    assert len(set(_merged(items, [0, 0, 1]))) == 1
    # a first name alone is no person without a name both share
    other = items[:2] + [_death(2, "c", "2020-05-31", "2020-05-31", ("per:christo_meier",))]
    assert len(set(_merged(other, [0, 0, 1]))) == 2
    # nor are two persons of one place
    other = items[:2] + [_death(2, "c", "2020-05-31", "2020-05-31", ("per:maria", place))]
    assert len(set(_merged(other, [0, 0, 1]))) == 2


def test_an_event_its_articles_name_undated_before_they_date_it_keeps_its_day():
    from newslens.events.grouping import _days, _rebuild
    # each article names the meeting first without a date, then gives its day
    items = [_item(0, "a", "2020-03-23", None), _item(1, "a", "2020-03-23", "2020-03-22"),
             _item(2, "b", "2020-03-24", None), _item(3, "b", "2020-03-24", "2020-03-22")]
    day = _days([pd.Timestamp("2020-03-22")])[0]
    assert _rebuild(items, [0] * 4)[0].span() == (day, day)


def _act(i: int, article: str, lemma: str, names: tuple[str, ...]):
    from newslens.events.grouping import _days, _Mention
    day = _days([pd.Timestamp("2021-01-06")])[0]
    persons = frozenset(n for n in names if n.startswith("per:"))
    return _Mention(i, "protest", lemma, article, frozenset(names), persons, persons, False,
                    False, day, day, "timex", False, day + 1, {})


def test_reports_of_one_day_in_other_words_with_the_same_two_main_names_are_one_event():
    names = ("per:donald_trump", "loc:kapitol")
    items = [_act(0, "a", "Erstürmung", names), _act(1, "b", "Erstürmung", names),
             _act(2, "c", "Protest", names), _act(3, "d", "Protest", names)]
    assert len(set(_merged(items, [0, 0, 1, 1]))) == 1
    # one main name in common is not enough in other words
    other = items[:2] + [_act(2, "c", "Protest", ("per:donald_trump", "loc:portland")),
                         _act(3, "d", "Protest", ("per:donald_trump", "loc:portland"))]
    assert len(set(_merged(other, [0, 0, 1, 1]))) == 2


def _inauguration_and_a_later_plan(day: str, date: str) -> tuple[pd.DataFrame, pd.Series]:
    """Three reports of Biden's inauguration of 20 January and, in March, a plan for `day`;
    the event mentions and the plan's row."""
    dated = [Doc(f"d{k}", "2021-01-21", ["Biden wurde am Mittwoch als Präsident vereidigt."],
                 [BIDEN], [("Mittwoch", "2021-01-20", "2021-01-20", "day")]) for k in range(3)]
    later = Doc("late", "2021-03-04", ["Das Kapitol wurde in Vorbereitung auf Bidens "
                                       f"Amtseinführung am {day} abgesichert."],
                [("Bidens", "PER", "per:joe_biden", "Joe Biden")], [(day, date, date, "day")])
    found, _ = events_of(*dated, later)
    return found, only(found, "Amtseinführung")


def test_an_old_plan_for_the_days_of_a_past_event_names_that_event():
    # In March, the inauguration of 20 January is named as what was prepared for (a plan
    # dated before its report): it reports that inauguration, however long after.
    found, plan = _inauguration_and_a_later_plan("20. Januar", "2021-01-20")
    assert plan["modality"] == "planned"
    assert plan["event_id"] == found[found["article_id"] == "d0"]["event_id"].iloc[0]


def test_an_old_plan_for_other_days_does_not_join_the_event():
    found, plan = _inauguration_and_a_later_plan("12. Februar", "2021-02-12")
    assert plan["event_id"] != found[found["article_id"] == "d0"]["event_id"].iloc[0]


CDU = ("CDU", "ORG", "org:cdu", "CDU")
CDU_NEWS = [Doc(f"c{k:03d}", "2020-08-01", ["Die CDU kritisierte das Wetter."], [CDU])
            for k in range(250)]


def test_a_party_named_by_many_articles_recalls_none_of_its_elections():
    # A person's well-known occasion is recalled through the person's common name (Bidens
    # Amtseinführung, above); a party stands in every election: a report months later of 'die
    # Wahl' that names the CDU is no report of the one local election that ten articles told.
    dated = [Doc(f"d{k}", "2020-09-14", ["Die CDU gewann am Sonntag die Wahl."], [CDU],
                 [("am Sonntag", "2020-09-13", "2020-09-13", "day")]) for k in range(10)]
    later = Doc("l", "2021-02-04", ["Die CDU hatte die Wahl klar gewonnen."], [CDU])
    found, _ = events_of(*dated, later, *OTHER_NEWS, *CDU_NEWS)
    ids = found[found["trigger"] == "Wahl"].set_index("article_id")["event_id"]
    assert ids["d1"] == ids["d0"]
    assert ids["l"] != ids["d0"]


def test_a_common_person_recalls_the_well_known_event_whose_place_is_named_more():
    # The storming of the Capitol: ten articles name Trump, thirteen Washington (three name the
    # city alone). Trump is a common name; a report weeks later that his supporters stormed the
    # Capitol, without a date, recalls the event through him, its most frequent person, though
    # its most frequent name is the place.
    washington = ("Washington", "LOC", "loc:washington", "Washington")
    day = [("am Mittwoch", "2021-01-06", "2021-01-06", "day")]
    dated = [Doc(f"d{k}", "2021-01-07", ["Anhänger von Trump stürmten am Mittwoch das Kapitol "
                                         "in Washington."], [TRUMP, washington], day)
             for k in range(10)]
    city = [Doc(f"c{k}", "2021-01-07", ["In Washington stürmten am Mittwoch Hunderte das "
                                        "Kapitol."], [washington], day) for k in range(3)]
    later = Doc("l", "2021-02-10", ["Seit Anhänger von Trump das Kapitol stürmten, ist vieles "
                                    "anders."], [TRUMP])
    trump_news = [Doc(f"t{k:03d}", "2020-12-01", ["Trump kritisierte das Wetter."], [TRUMP])
                  for k in range(250)]
    found, _ = events_of(*dated, *city, later, *OTHER_NEWS, *trump_news)
    ids = found[found["trigger"] == "stürmten"].set_index("article_id")["event_id"]
    assert ids["l"] == ids["d0"] == ids["c0"]
