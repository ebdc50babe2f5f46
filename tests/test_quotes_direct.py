"""Direct quotations against names, titles and terms in quotation marks (newslens.quotes.extract),
on German sentences written for these tests."""

from __future__ import annotations

from test_quotes_rules import _found, _speakers


def _direct(text: str) -> list[str]:
    return [quote for kind, quote in _found(text) if kind == "direct"]


def test_a_noun_phrase_after_an_indefinite_article_in_reported_speech_is_quoted():
    """In the subjunctive of reported speech a quoted phrase after ``ein`` is the speaker's
    characterisation; after the definite article, or outside reported speech, a name."""
    text = (
        "Die Ministerin sagte, der Entwurf sei ein „Angriff auf die Pflege“ im Land. "
        "Der Verein hat für den Sommer ein „Fest der Nachbarn“ geplant. "
        "Er sagte, die „Neue Mitte“ habe die Wahl verloren."
    )
    assert _direct(text) == ["„Angriff auf die Pflege“"]


def test_a_characterisation_without_a_cue_keeps_the_speaker_of_the_sentence_before():
    text = (
        "Der Arzt Paul Weber warnte am Montag vor der Hitze. "
        "Für alte Menschen gebe es dabei eine „Gefahr für Leib und Leben“."
    )
    found = _speakers(text, {"Paul Weber": "PER"})
    assert [(quote, entity) for quote, _, entity in found if quote.startswith("„")] == [
        ("„Gefahr für Leib und Leben“", "Paul Weber")
    ]


def test_a_reputation_after_gelten_als_is_no_quotation_but_a_judgement_is():
    text = (
        "Der Trainer galt lange als „harter Hund“. "
        "Die Zeitung bezeichnete ihn als „Feuerwehrmann der Liga“."
    )
    assert _direct(text) == ["„Feuerwehrmann der Liga“"]


def test_so_before_a_verb_is_no_frame_but_so_before_the_speaker_is():
    text = (
        "Galt er früher als „harter Hund“, so wird er heute als ruhig beschrieben. "
        "„Wege aus der Krise“, so lautet der Titel des neuen Buches. "
        "„Wir geben nicht auf“, so die Trainerin."
    )
    assert _direct(text) == ["„Wir geben nicht auf“"]


def test_a_name_that_a_verb_final_clause_gives_is_no_quotation():
    text = (
        "Die Gruppe, die sich selbst „Freunde der alten Ordnung“ nennt, zog durch die Stadt. "
        "Ein Programm, das „sichere Wege zur Schule“ heißt, startet im Herbst. "
        "Der Bürgermeister bezeichnete das Programm als „sehr gelungen“."
    )
    assert _direct(text) == ["„sehr gelungen“"]


def test_a_translation_in_brackets_after_a_name_is_no_quotation():
    text = (
        "Die Bewegung Nova Terra („neue Erde“) gewann drei Sitze. "
        "Die Operation „Fallender Stern“ („letzter Versuch“) endete im Mai. "
        "Die Sprecherin sagte, man sei („trotz allem“) zufrieden."
    )
    assert _direct(text) == ["„trotz allem“"]


def test_a_species_name_and_a_long_name_after_its_article_are_no_quotations():
    text = (
        "Im Teich lebt die Schnecke „Lymnaea stagnalis“ in großer Zahl. "
        "Der „Verband der deutschen Hersteller von Fenstern und Türen aus Holz“ tagte. "
        "Die Forscherin nannte den Fund „wirklich erstaunlich“."
    )
    assert _direct(text) == ["„wirklich erstaunlich“"]


def test_two_statements_joined_by_und_before_their_frame_are_one_quotation():
    text = (
        "„Wir haben die Abstimmung gewonnen, weil die Menschen uns vertrauen“ und "
        "„Jetzt beginnt die eigentliche Arbeit für das ganze Land“, sagte die Siegerin. "
        "„Das ist ein großer Tag für die Stadt und für alle, die hier leben“ und "
        "„ein Fest“ waren die Worte des Tages."
    )
    assert _direct(text)[0] == (
        "„Wir haben die Abstimmung gewonnen, weil die Menschen uns vertrauen“ | "
        "„Jetzt beginnt die eigentliche Arbeit für das ganze Land“"
    )
    assert "„Das ist ein großer Tag für die Stadt und für alle, die hier leben“" in _direct(text)


def test_a_fragment_opening_with_ein_or_a_preposition_or_with_brackets_is_quoted():
    """A name takes its article outside the marks (``der „Bund der Steuerzahler“``); a
    quotation that opens with an indefinite article or a preposition, or carries the writer's
    brackets, is a piece of someone's sentence."""
    text = (
        "Für die Fans war der Trainer „ein Spieler ohne Nerven“. "
        "Die Stadt nehme das Schreiben „zur Kenntnis“, teilte sie mit. "
        "Das Amt lehnte die Einrichtung einer „zentrale[n] Datei“ ab. "
        "Der „Bund der Steuerzahler“ tagte in Kassel."
    )
    assert _direct(text) == [
        "„ein Spieler ohne Nerven“",
        "„zur Kenntnis“",
        "„zentrale[n] Datei“",
    ]


def test_a_phrase_quoted_inside_a_sentence_of_reported_speech_leaves_it_free_indirect():
    text = (
        "„Wir haben lange gewartet“, sagte die Sprecherin. "
        "Die Lage sei inzwischen „sehr ernst“. "
        "Man habe deshalb die Hilfe verdoppelt."
    )
    found = _found(text)
    assert ("direct", "„sehr ernst“") in found
    assert (
        "free indirect",
        "Die Lage sei inzwischen „sehr ernst“. Man habe deshalb die Hilfe verdoppelt.",
    ) in found


def test_a_slogan_after_wie_zum_beispiel_is_quoted():
    text = "Die Menschen riefen Parolen wie zum Beispiel „Schluss mit dem Lärm“."
    assert _direct(text) == ["„Schluss mit dem Lärm“"]


def test_one_adjective_in_quotation_marks_before_its_noun_is_a_scare_quote():
    """``mit „fremden“ Männern``: the writer keeps a distance from the word; a pair of them
    (``„harten“ und „weichen“ Mitteln``) and an adjective standing alone are quoted."""
    text = (
        "Die Ministerin sagte, man treffe sich nicht mit „fremden“ Männern. "
        "Der Plan bestehe aus „harten“ und „weichen“ Mitteln, sagte sie. "
        "Er nannte den Vorschlag „unfair“."
    )
    assert _direct(text) == ["„harten“", "„weichen“", "„unfair“"]


def test_two_phrases_quoted_side_by_side_are_both_quotations_or_neither():
    """``„weniger gut“ oder „schlecht“``: the one word goes with the quotation beside it;
    ``in „Nackt unter Wölfen“ oder „Jeder stirbt für sich allein“``: titles."""
    text = (
        "Viele sind der Auffassung, dass die Schule „weniger gut“ oder „schlecht“ arbeitet. "
        "Er spielte in „Nackt unter Wölfen“ oder „Jeder stirbt für sich allein“ mit."
    )
    assert _direct(text) == ["„weniger gut“", "„schlecht“"]


def test_a_judgement_in_the_passive_is_quoted_with_its_agent_as_speaker():
    """``wird vom Wetterdienst als „sehr hoch“ eingestuft``: the agent judges, as in the active
    voice; without an agent, or for one capitalised term, the passive names a thing."""
    text = (
        "Die Gefahr wird vom Deutschen Wetterdienst als „sehr hoch“ eingestuft. "
        "Der Plan wurde von der Opposition als „Angriff auf die Mieter“ bezeichnet. "
        "Das Gestein, das von Fachleuten als „Tuff“ bezeichnet wird, ist weich."
    )
    found = _speakers(text, {"Deutschen Wetterdienst": "ORG", "Opposition": "ORG"})
    assert [(quote, written) for quote, written, _ in found if quote.startswith("„")] == [
        ("„sehr hoch“", "Deutschen Wetterdienst"),
        ("„Angriff auf die Mieter“", "der Opposition"),
    ]


def test_a_german_phrase_holding_a_word_of_another_language_is_still_quoted():
    """``pro``, ``du``, ``los`` are words of other languages and of German: a quoted phrase
    with a German function word is speech (``„zehn Euro pro Kopf und Tag zahlen“``); one without
    any stays a name or title (``„in dubio pro reo“``)."""
    text = (
        "Der Kämmerer sagte am Montag, jeder Gast solle „zehn Euro pro Kopf und Tag zahlen“. "
        "Die Richterin sprach ihn „in dubio pro reo“ frei."
    )
    assert _direct(text) == ["„zehn Euro pro Kopf und Tag zahlen“"]


def test_a_title_after_a_noun_of_the_data_file_is_a_name():
    """``die Ausstellung „...“``, ``im Sender „...“``: a noun of ``data/quote_titles.csv``
    right before the marks introduces a title or name."""
    text = (
        "Die Ausstellung „Farben des Nordens – die skandinavische Malerei um 1900“ ist offen. "
        "Die Ministerin sagte, das sei „ein guter Tag für die Stadt“."
    )
    assert _direct(text) == ["„ein guter Tag für die Stadt“"]


def test_words_in_lower_case_after_a_title_noun_in_reported_speech_are_quoted():
    """In reported speech the noun before the marks is a subject or an object, not the
    introduction of a title: ``der Streit habe seine Partei „kalt erwischt“``; a
    capitalised title after it stays a name."""
    text = (
        "Der Politiker sagte, der Streit habe seine Partei „kalt erwischt“. "
        "Er sagte, er lese das Buch „Der große Plan der kleinen Leute“ gerade."
    )
    assert _direct(text) == ["„kalt erwischt“"]


def test_a_wie_clause_after_the_quotation_is_its_frame_unless_it_gives_a_name():
    """``„...“, wie die Leiterin der Feuerwehr Neustadt sagt``: the verb stands at the end
    of the ``wie`` clause, however long its subject; ``wie der Hund heißt``, ``wie sie
    genannt wird`` give a name, ``wie es im Rathaus heißt`` quotes a word."""
    text = (
        "Die Zelte reichen für den „Notfall“, wie die Leiterin der Feuerwehr Neustadt sagt. "
        "Der „Bello“, wie der Hund heißt, schläft im Garten. "
        "„Tante Mia“, wie die Wirtin genannt wird, kennt alle. "
        "Das Amt nennt keine Namen, „aus Rücksicht auf die Familien“, wie es im Rathaus heißt."
    )
    assert _direct(text) == ["„Notfall“", "„aus Rücksicht auf die Familien“"]


def test_a_phrase_and_a_statement_around_a_wie_clause_stay_two_quotations():
    text = (
        "Die Schule erwartet „einen engen Herbst“, wie die Rektorin Eva Lang sagt: "
        "„Wir brauchen jeden freien Raum im Haus.“"
    )
    assert _direct(text) == [
        "„einen engen Herbst“",
        "„Wir brauchen jeden freien Raum im Haus.“",
    ]


def test_a_title_after_titel_or_motto_and_a_colon_is_a_name():
    """``Der Titel: „...“``, ``nach dem Motto: „...“``: the colon after these nouns (marked
    ``colon`` in ``data/quote_titles.csv``) introduces a title, not speech; after another
    noun it still frames a quotation."""
    text = (
        "Die Stiftung hat eine Spendenaktion gestartet. Der Titel: „Rettet den Stadtpark.“ "
        "Dazu die Zeitung: „Wir haben nichts davon gewusst.“"
    )
    assert _direct(text) == ["„Wir haben nichts davon gewusst.“"]
