"""The rules of newslens.quotes.extract on German sentences written for these tests (no model:
sentences are cut at a full stop followed by a space)."""

from __future__ import annotations

import re

from newslens.quotes.extract import find_quotes, quoted_spans


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?“])\s+(?=[A-ZÄÖÜ„])|\n+", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if e > s]


def _found(text: str) -> list[tuple[str, str]]:
    return [
        (q.kind, " | ".join(text[s:e] for s, e in q.parts))
        for q in find_quotes(text, _sentences(text))
    ]


def test_a_judgement_after_als_or_nannte_is_a_direct_quotation_and_the_statement():
    text = (
        "Die Opposition bezeichnete den Haushalt als „Luftschloss“. "
        "Der Bürgermeister wies die Kritik als „Unsinn“ zurück. "
        "Die Gewerkschaft nannte das Angebot einen „Affront“."
    )
    assert _found(text) == [
        ("direct", "„Luftschloss“"),
        ("direct", "„Unsinn“"),
        ("direct", "„Affront“"),
    ]


def test_a_name_given_by_man_a_participle_or_the_passive_is_no_judgement():
    text = (
        "Diese Teilung nennt man einen „Spin-off“. "
        "Die Anlage, genannt „Nordlicht“, ging 2019 in Betrieb. "
        "Das Gestein, das von Fachleuten als „Tuff“ bezeichnet wird, ist weich. "
        "Der Verband nennt „Telegram“ in diesem Zusammenhang."
    )
    assert [quote for kind, quote in _found(text) if kind == "direct"] == []


def _speakers(
    text: str, names: dict[str, str], canonical: dict[str, str] | None = None
) -> list[tuple[str, str | None, str | None]]:
    """(quotation, speaker as written, entity) with the given names as mentions of the given
    labels (their entity named as written, or as ``canonical`` says)."""
    from newslens.quotes.speakers import Mention, attribute

    mentions = []
    for name, label in names.items():
        start = text.index(name)
        entity = (canonical or {}).get(name, name)
        key = f"{label.lower()}:{entity.lower().replace(' ', '_')}"
        mentions.append(Mention(start, start + len(name), label, key, entity, name))
    mentions.sort(key=lambda m: m.start)
    quotes = find_quotes(text, _sentences(text))
    attribute(text, quotes, mentions, _sentences(text))
    quotes = [q for q in quotes if q.speaker or not q.relay]  # as extract_quotes does
    return [
        (
            " | ".join(text[s:e] for s, e in q.parts),
            q.speaker.get("text"),
            q.speaker.get("canonical"),
        )
        for q in quotes
    ]


def test_the_subject_of_the_main_clause_speaks_not_the_object_near_the_cue():
    text = (
        "Die Bürgermeisterin Eva Roth hat den Landrat Udo Kern gebeten, die Straße zu sperren. "
        "Am Dienstag sagte der Vorsitzende des Vereins Jan Vogt, die Halle sei zu klein. "
        "Offiziell geht die Stadtverwaltung davon aus, dass der Bau im Mai beginnt."
    )
    found = _speakers(text, {"Eva Roth": "PER", "Udo Kern": "PER", "Jan Vogt": "PER"})
    assert found[0][2] == "Eva Roth"
    assert found[0][1].startswith("Die Bürgermeisterin")
    assert found[1][2] == "Jan Vogt"
    assert found[2][1] == "die Stadtverwaltung"


def test_a_person_after_the_verb_speaks_when_the_first_constituent_names_none():
    text = "Die Verschiebung der Wahl bezeichnete Karl Brenner als „schweren Fehler“."
    (found,) = _speakers(text, {"Karl Brenner": "PER"})
    assert found[2] == "Karl Brenner"


def test_heisst_es_in_a_source_makes_the_source_the_speaker():
    text = "In dem Bericht des Rechnungshofs heißt es, die Kosten seien zu hoch gewesen."
    (found,) = _speakers(text, {})
    assert found[1] == "In dem Bericht des Rechnungshofs"


def test_a_separable_cue_verb_with_its_particle_joined_ends_a_wie_clause():
    text = (
        "Wie der Sprecher der Stadtwerke am Freitag mitteilte, bleibt das Hallenbad bis "
        "Ostern geschlossen. Die Gewerkschaft, die das Angebot ablehnte, will weiter streiken."
    )
    found = _speakers(text, {})
    assert found[0][0] == "bleibt das Hallenbad bis Ostern geschlossen"
    assert found[0][1] == "der Sprecher der Stadtwerke"
    assert len(found) == 1  # ``ablehnte`` closes a relative clause, not a quotation's frame


def test_the_infinitive_of_a_separable_verb_is_no_cue_of_its_own():
    text = "Die Banken würden das Urteil nicht anerkennen, sagte der Anwalt Jens Hahn."
    (found,) = _speakers(text, {"Jens Hahn": "PER"})
    assert found[0] == "Die Banken würden das Urteil nicht anerkennen"
    assert found[2] == "Jens Hahn"


def test_sources_after_nach_a_genitive_name_a_law_and_the_postposition():
    text = (
        "Nach Müllers Einschätzung wird der Hafen im Herbst fertig. "
        "Nach dem Grundgesetz ist die Würde des Menschen unantastbar. "
        "Seiner Meinung nach hätte die Stadt früher handeln müssen. "
        "Nach dem Spiel feierten die Fans bis in die Nacht."
    )
    assert _found(text) == [
        ("indirect", "wird der Hafen im Herbst fertig"),
        ("indirect", "ist die Würde des Menschen unantastbar"),
        ("indirect", "hätte die Stadt früher handeln müssen"),
    ]


def test_a_relative_clause_after_nach_denen_is_what_its_noun_says():
    text = "Es gibt Umfragen, nach denen zwei Drittel der Befragten das Projekt ablehnen."
    assert _found(text) == [("indirect", "zwei Drittel der Befragten das Projekt ablehnen")]


def test_so_with_a_long_speaker_ends_the_sentence_but_so_dass_does_not():
    text = (
        "Der Zug fällt heute aus, so Petra Lang, die Sprecherin des Verkehrsverbunds. "
        "Die Straße war gesperrt, so dass die Busse umgeleitet wurden."
    )
    assert _found(text) == [("indirect", "Der Zug fällt heute aus")]


def test_a_quotation_a_medium_relays_has_a_row_for_the_person_and_one_for_the_medium():
    text = (
        "„Wir bauen die Brücke neu“, zitiert die Lokalzeitung den Bürgermeister Tom Wirth. "
        "„Das wird teuer“, wird die Kämmerin Lea Sommer von der Lokalzeitung zitiert. "
        "„Es regnet“, zitierte man einen Passanten."
    )
    found = _speakers(text, {"Tom Wirth": "PER", "Lea Sommer": "PER"})
    assert [(quote, who) for quote, who, _ in found] == [
        ("„Wir bauen die Brücke neu“", "den Bürgermeister Tom Wirth"),
        ("„Wir bauen die Brücke neu“", "die Lokalzeitung"),
        ("„Das wird teuer“", "die Kämmerin Lea Sommer"),
        ("„Das wird teuer“", "der Lokalzeitung"),
        ("„Es regnet“", "einen Passanten"),  # nobody relays: one row
    ]
    assert [entity for _, _, entity in found][:3] == ["Tom Wirth", None, "Lea Sommer"]


def test_a_name_after_a_title_noun_or_genitive_article_is_no_quotation():
    text = (
        "Den Preis bekam das Buch in der Rubrik „Bestes Sachbuch“. "
        "Die Chefin der „Rheinischen Rundschau“, teilte die Redaktion mit, geht in Rente. "
        "Der Artikel des Fachmagazins „Bau und Technik“ erschien im Mai."
    )
    assert [quote for kind, quote in _found(text) if kind == "direct"] == []


def test_free_indirect_speech_in_a_verb_second_subjunctive_or_with_soll_after_a_quotation():
    text = (
        "Die Bürgermeisterin sagte, der Haushalt sei ausgeglichen. "
        "Die Stadt plane keine neuen Schulden. "
        "Die Schulden sollen bis 2030 halbiert werden. "
        "Am Abend regnete es. Die Feuerwehr rückte zweimal aus. Das Fest soll im Mai stattfinden."
    )
    kinds = [(kind, quote) for kind, quote in _found(text)]
    assert kinds == [
        ("indirect", "der Haushalt sei ausgeglichen"),
        (
            "free indirect",
            "Die Stadt plane keine neuen Schulden. Die Schulden sollen bis 2030 halbiert werden.",
        ),
    ]


def test_a_speech_act_reports_alone_only_in_the_main_clause():
    text = (
        "Die Gewerkschaft forderte höhere Löhne. "
        "Das Erdbeben, das 40 Todesopfer forderte, zerstörte die Altstadt. "
        "Die Brücke wurde gesperrt (die Zeitung berichtete). "
        "Wenn die Stadt geklagt hätte, wäre der Bau gestoppt worden."
    )
    assert [(kind, quote) for kind, quote in _found(text) if kind == "reported"] == [
        ("reported", "Die Gewerkschaft forderte höhere Löhne.")
    ]


def test_slogans_and_a_relayed_quotation_without_a_comma():
    text = (
        "Die Demonstranten riefen Parolen wie „Kohle stoppen“. "
        "„Wir gewinnen das Rückspiel“ wird der Trainer im Sportblatt „Anstoß“ zitiert."
    )
    found = _speakers(text, {})
    assert [(quote, who) for quote, who, _ in found] == [
        ("„Kohle stoppen“", "Die Demonstranten"),
        ("„Wir gewinnen das Rückspiel“", "der Trainer"),
        ("„Wir gewinnen das Rückspiel“", "Sportblatt „Anstoß"),
    ]


def test_the_clause_after_a_speech_noun_is_what_was_said():
    text = (
        "Die Opposition wiederholte ihre Forderung, die Gebühren abzuschaffen. "
        "Es gibt Zweifel daran, ob der Termin zu halten ist. "
        "Der Verein verfolgt das Ziel, mehr Kinder für den Sport zu begeistern."
    )
    assert _found(text) == [
        ("indirect", "die Gebühren abzuschaffen"),
        ("indirect", "ob der Termin zu halten ist"),
    ]


def test_a_subject_with_its_relative_clause_or_an_apposition_after_the_speaker_is_no_quote():
    text = (
        "Anna Berg, die das Amt seit 2019 leitet, kritisierte den Plan. "
        "Da der Zug ausfiel, entschied sich die Gruppe für den Bus. "
        "„Wir sind zufrieden“, sagte Jan Ott, Sprecher des Vereins, am Montag. "
        "Der Plan, der im Mai vorgestellt wurde, sei gescheitert, sagte der Minister."
    )
    assert [(kind, quote) for kind, quote in _found(text) if kind == "indirect"] == [
        ("indirect", "Der Plan, der im Mai vorgestellt wurde, sei gescheitert")
    ]


def test_german_genitives_indefinite_articles_and_prepositions_in_short_quotations():
    """``des`` is a German article (not French), a speechlike phrase after an indefinite
    article is a quotation, and a preposition is no content word that makes a name speech."""
    text = (
        "Der Kanzler würdigte sie als „große Stimme des Landes“. "
        "Man sei von einer „Lösung weit entfernt“, sagte der Minister. "
        "Die Helfer von „Ärzte ohne Grenzen“ trafen am Abend in der Stadt ein."
    )
    assert [quote for kind, quote in _found(text) if kind == "direct"] == [
        "„große Stimme des Landes“",
        "„Lösung weit entfernt“",
    ]


def test_titles_listed_compounds_and_short_titles_after_a_colon_are_no_quotations():
    text = (
        "Zu hören waren Vorträge wie „Bahnen im Wandel der Zeit“, „Brücken aus Stahl“ "
        "oder „Die Stadt und ihre Wege“. "
        "Ein Test an den „engine cutoff“-Sensoren schlug fehl. "
        "Dann stellte die Band ihr neues Album vor: „Have a nice day“. "
        "Der Sprecher sagte dazu: „Wir sind zufrieden.“"
    )
    assert [quote for kind, quote in _found(text) if kind == "direct"] == [
        "„Wir sind zufrieden.“"
    ]


def test_a_quotation_of_several_paragraphs_closes_on_a_later_line():
    text = (
        "In dem Urteil heißt es:\n\n„Die Behörde darf die folgenden Mittel anwenden:\n[…]\n"
        "11. das heimliche Beobachten des Internets.“\n\nDas Gericht verwarf die Regel.\n"
        "„Offen bleibt die Frage\n„Neu“ beginnt hier."
    )
    (a, b), *rest = quoted_spans(text)
    assert text[a:b].startswith("„Die Behörde") and text[a:b].endswith("Internets.“")
    assert [text[s:e] for s, e in rest] == ["„Neu“"]  # a line opening its own quotation


def _addressees(text: str, names: dict[str, str]) -> list[tuple[str, str | None]]:
    """(quotation, addressee as written) as ``extract_quotes`` fills the column."""
    from newslens.quotes.addressees import addressee
    from newslens.quotes.speakers import Mention, attribute

    mentions = sorted(
        (Mention(text.index(n), text.index(n) + len(n), lab, n.lower(), n, n)
         for n, lab in names.items()),
        key=lambda m: m.start,
    )
    quotes = find_quotes(text, _sentences(text))
    attribute(text, quotes, mentions, _sentences(text))  # speakers first, as in extract_quotes
    named = [(m.start, m.end) for m in mentions]
    out = []
    for q in quotes:
        found = addressee(text, q, _sentences(text), named)
        out.append((" | ".join(text[s:e] for s, e in q.parts), found and found[0]))
    return out


def test_the_addressee_is_the_object_of_an_addressing_cue_or_a_marked_audience():
    text = (
        "Die Ministerin warf der Regierung vor, sie habe versagt. "
        "Der Verband hatte Lenz gestern aufgefordert, das Mandat niederzulegen. "
        "Ihm wird vorgeworfen, Geld genommen zu haben. "
        "Anna Roth sagte der Zeitung, der Plan sei gut. "
        "Paul Kern sagte gegenüber dem Sender, er sei müde. "
        "„Wir sind zufrieden“, sagte Jan Vogt zur Sportschau. "
        "Die Bürger forderte er auf, wählen zu gehen. "
        "Die Toleranz gegenüber Kritikern sei gering, sagte Udo Sell."
    )
    names = {"Lenz": "PER", "Anna Roth": "PER", "Paul Kern": "PER", "Jan Vogt": "PER",
             "Sportschau": "ORG", "Udo Sell": "PER"}
    found = dict(_addressees(text, names))
    assert found["sie habe versagt"] == "der Regierung"
    assert found["das Mandat niederzulegen"] == "Lenz"
    assert found["Geld genommen zu haben"] == "Ihm"
    assert found["der Plan sei gut"] == "der Zeitung"
    assert found["er sei müde"] == "dem Sender"
    assert found["„Wir sind zufrieden“"] == "Sportschau"
    assert found["wählen zu gehen"] == "Die Bürger"
    assert found["Die Toleranz gegenüber Kritikern sei gering"] is None


def test_no_addressee_where_the_subject_follows_or_the_time_is_named():
    text = (
        "Das bestätigte der Präsident des Landes, der Plan sei gut. "
        "Im Interview erklärte der Minister, er bleibe. "
        "Der Umsatz stieg gegenüber dem Vorjahr, sagte die Sprecherin."
    )
    assert [a for _, a in _addressees(text, {})] == [None, None, None]


def test_brands_names_given_and_sources_in_quotation_marks_are_no_quotations():
    text = (
        "Der „iPod nano“ soll den alten Spieler ablösen. "
        "Im Jahr 2007 nennt sie sich „documenta zwölf“ und findet im Sommer statt. "
        "Wie „heise online“ berichtet, sperrten die Behörden den Zugang. "
        "Der Minister sagte, das sei „völlig unangemessen“."
    )
    assert [quote for kind, quote in _found(text) if kind == "direct"] == [
        "„völlig unangemessen“"
    ]


def test_the_addressee_past_the_subject_time_and_place_and_not_the_thing_recommended():
    text = (
        "Auch wirft der Bericht den Behörden vor, sie hätten geschwiegen. "
        "Die Kanzlerin hat am Samstag in ihrer Videobotschaft die Hersteller aufgefordert, "
        "sparsame Autos zu bauen. "
        "Zudem wurde die Regierung vom Verband aufgefordert, das Gesetz zu ändern. "
        "Gleichzeitig empfahl der Minister den Umstieg, die Kosten seien gering. "
        "Später sagte ein Sprecher der Partei, man sei zufrieden."
    )
    found = dict(_addressees(text, {}))
    assert found["sie hätten geschwiegen"] == "den Behörden"
    assert found["sparsame Autos zu bauen"] == "die Hersteller"
    assert found["das Gesetz zu ändern"] == "die Regierung"
    assert found["die Kosten seien gering"] is None
    assert found["man sei zufrieden"] is None


def test_a_speaker_that_is_the_addressee_gives_way_to_the_subject():
    import pandas as pd

    from newslens.quotes import extract_quotes

    text = "Die Behörden werfen Luna Berg Betrug vor, er habe Geld genommen."
    articles = pd.DataFrame({"article_id": ["a"], "text": [text],
                             "published": [pd.Timestamp("2024-01-01")]})
    sentences = pd.DataFrame({"article_id": ["a"], "sentence_id": ["a:s0"], "start": [0],
                              "end": [len(text)]})
    start = text.index("Luna Berg")
    mentions = pd.DataFrame({"article_id": ["a"], "start": [start], "end": [start + 9],
                             "label": ["PER"], "entity_id": ["per:luna_berg"],
                             "canonical": ["Luna Berg"], "text": ["Luna Berg"]})
    row = extract_quotes(articles, sentences, mentions).iloc[0]
    assert row["addressee"].startswith("Luna Berg")
    assert row["speaker_text"] == "Die Behörden" and pd.isna(row["speaker_entity_id"])


def test_a_short_phrase_without_frame_is_a_term_unless_speech_is_reported_around_it():
    text = (
        "Die Firma warb auf der Messe mit einem „grünen Konzept“ für ihre Autos. "
        "Der Vorschlag sei ein „schwerer Fehler“. "
        "Laut dem Verband ist die Lage „äußerst ernst“ geworden."
    )
    found = _found(text)
    assert ("direct", "„grünen Konzept“") not in found
    assert ("direct", "„schwerer Fehler“") in found
    assert ("direct", "„äußerst ernst“") in found


def test_one_word_without_a_cue_is_quoted_only_in_reported_speech():
    text = "Der Plan sei „unbezahlbar“. Das Wetter war am Sonntag „herrlich“."
    found = _found(text)
    assert ("direct", "„unbezahlbar“") in found
    assert ("direct", "„herrlich“") not in found


def test_klarstellen_hervorheben_and_darlegen_report_what_follows():
    """Cue verbs of data/quote_cues.csv, also with the particle apart (``stellte klar``)."""
    text = (
        "Die Ministerin stellte klar, dass die Messe nicht abgesagt werde. "
        "Der Minister hob hervor, dass zehn Millionen Menschen betroffen seien. "
        "Wir kennen einen Forscher, der glasklar darlegt, "
        "dass Schulden und Vermögen zusammengehören."
    )
    assert [quote for kind, quote in _found(text) if kind == "indirect"] == [
        "dass die Messe nicht abgesagt werde",
        "dass zehn Millionen Menschen betroffen seien",
        "dass Schulden und Vermögen zusammengehören",
    ]
