"""Speakers of quotations (newslens.quotes.speakers) on German sentences written for these
tests: the subject of the frame, not the object nearest to the cue."""

from __future__ import annotations

from test_quotes_rules import _speakers


def test_a_judgement_inside_its_clause_is_spoken_by_the_subject_not_the_object():
    """``hatte den Bericht der Zeitung als „falsch“ zurückgewiesen``: the quotation stands
    inside the cue's clause, so the clause still opens with its subject."""
    text = (
        "Das Ministerium hatte den Bericht der Rheinpost umgehend als „falsch“ zurückgewiesen. "
        "„Das ist falsch“, sagte später Anna Kurz."
    )
    found = _speakers(text, {"Ministerium": "ORG", "Rheinpost": "ORG", "Anna Kurz": "PER"})
    assert [(quote, entity) for quote, _, entity in found] == [
        ("„falsch“", "Ministerium"),
        ("„Das ist falsch“", "Anna Kurz"),
    ]


def test_before_a_colon_the_subject_speaks_by_verb_second_not_the_nearest_name():
    """The clause before the colon: its opening noun phrase, or the phrase after the finite
    verb when an adverb, a prepositional phrase or an object opens it."""
    text = (
        "Hier sparte die Ministerin auch nicht mit Kritik an Karl Stein: „Das war ein Fehler.“ "
        "In einer Rede würdigte er den Verein von Jan Roth: „Ohne euch ginge es nicht.“ "
        "Den Ärger der Partei über Karl Stein brachte die Sprecherin Eva Lang zum Ausdruck: "
        "„So geht es nicht weiter.“ "
        "Der Experte, Tom Berg, blieb bei seiner Kritik an Jan Roth: „Das wird teuer.“"
    )
    names = {"Karl Stein": "PER", "Jan Roth": "PER", "Eva Lang": "PER", "Tom Berg": "PER"}
    found = [(q, written) for q, written, _ in _speakers(text, names) if q.startswith("„")]
    assert found == [
        ("„Das war ein Fehler.“", "die Ministerin"),
        ("„Ohne euch ginge es nicht.“", "er"),
        ("„So geht es nicht weiter.“", "die Sprecherin Eva Lang"),
        ("„Das wird teuer.“", "Der Experte, Tom Berg"),
    ]


def test_after_an_inverted_cue_the_subject_speaks_not_the_medium_after_a_preposition():
    """``„...“, schrieb die Polizei auf Twitter``: the noun phrase right after the verb is the
    subject; a name right after it (apposition, genitive) is still the speaker."""
    text = (
        "„Der Abstand wurde nicht eingehalten“, schrieb die Polizei auf Twitter. "
        "„Wir brauchen mehr Geld“, sagte die Ministerin im Deutschlandfunk. "
        "„Die Lage ist ernst“, sagte der Sprecher Jan Ott im Deutschlandfunk."
    )
    found = _speakers(text, {"Twitter": "ORG", "Deutschlandfunk": "ORG", "Jan Ott": "PER"})
    assert [written for _, written, _ in found] == [
        "die Polizei",
        "die Ministerin",
        "Jan Ott",
    ]


def test_a_name_in_the_genitive_owns_something_and_does_not_speak():
    """``im Interesse Jan Otts``, ``Jan Otts Einsatz``: a possessor; but the owner of a role
    (``Liverpools Trainer Jürgen Klopp``: Klopp) or of a statement (``in Eva Langs Worten``)
    speaks."""
    text = (
        "Das Gericht stellte klar, dass es „kaum im Interesse“ Jan Otts gewesen sei. "
        "„Das Spiel war gut“, sagte Liverpools Trainer Jürgen Klopp. "
        "Der Plan sei, in Eva Langs Worten, „ein Desaster für alle“."
    )
    names = {"Jan Otts": "PER", "Liverpools": "ORG", "Jürgen Klopp": "PER", "Eva Langs": "PER"}
    mentions = {"Jan Otts": "Jan Ott", "Liverpools": "Liverpool", "Eva Langs": "Eva Lang"}
    found = _speakers(text, names, canonical=mentions)
    assert [written for q, written, _ in found if q.startswith("„")] == [
        "Das Gericht",
        "Jürgen Klopp",
        "Eva Langs",
    ]


def test_a_name_that_ends_in_s_is_no_genitive_unless_its_entity_lacks_the_ending():
    """``die Brüder Italiens`` (the party Fratelli d'Italia) is a name, not a possessor."""
    text = "„Wir brauchen klare Regeln für alle Bürger“, forderten die Brüder Italiens."
    party = {"Brüder Italiens": "Fratelli d'Italia"}
    found = _speakers(text, {"Brüder Italiens": "ORG"}, canonical=party)
    assert [(written, entity) for _, written, entity in found] == [
        ("Brüder Italiens", "Fratelli d'Italia")
    ]


def test_a_judgement_in_the_passive_perfect_is_spoken_by_its_agent():
    """``vom Bundesamt als „sehr sicher“ eingestuft worden``: the agent judges, as with
    ``wird``; a term given in that voice is no quotation."""
    text = (
        "Die Regierung teilte mit, die Anlage sei vom Bundesamt als „sehr sicher“ eingestuft "
        "worden. Das Gestein, das von Fachleuten als „Tuff“ bezeichnet worden ist, ist weich."
    )
    found = _speakers(text, {"Regierung": "ORG", "Bundesamt": "ORG"})
    assert [(q, entity) for q, _, entity in found if q.startswith("„")] == [
        ("„sehr sicher“", "Bundesamt")
    ]


def test_a_quotation_is_not_joined_across_a_sentence_end_and_so_x_names_its_speaker():
    """``„A“, sagte X. Das sei, so Y, „B“``: two quotations, the second Y's."""
    text = (
        "„Wir sind bereit für den Kampf“, sagte Jan Ott. "
        "Die Lage sei aber, so Eva Lang, „sehr ernst und schwierig“."
    )
    found = _speakers(text, {"Jan Ott": "PER", "Eva Lang": "PER"})
    assert [(q, entity) for q, _, entity in found if q.startswith("„")] == [
        ("„Wir sind bereit für den Kampf“", "Jan Ott"),
        ("„sehr ernst und schwierig“", "Eva Lang"),
    ]


def test_a_relative_clause_that_ends_in_the_cue_is_spoken_by_its_pronoun():
    """``eines Jungen, der angab, ...``: the relative pronoun speaks, for the name before
    its comma; not ``, das heißt``, nor a main clause (``, die Polizei teilte mit``, ``, das
    hat X behauptet``)."""
    text = (
        "Entscheidend war die Aussage eines Jungen, der angab, von dem Mann bedroht worden zu "
        "sein. Am Abend sprach Jan Ott, der forderte, die Steuern rasch zu senken. "
        "Die Lage sei ernst, das heißt, die Regierung müsse sofort handeln. "
        "Es wird nicht gewürfelt, das hat Eva Lang nie behauptet, und es geht um Können."
    )
    found = _speakers(text, {"Jan Ott": "PER", "Eva Lang": "PER"})
    assert [(written, entity) for _, written, entity in found][:2] == [
        ("der", None),
        ("der", "Jan Ott"),
    ]
    assert all(written not in {"das", "die"} for _, written, _ in found)


def test_the_agent_of_a_cue_in_the_passive_speaks_else_the_document_it_stands_in():
    """``Von den Behörden wird angenommen``, ``So wird in einer Pressemitteilung der
    Organisation gefordert``: not the subject of the passive clause."""
    text = (
        "Von den Behörden beider Staaten wird angenommen, dass Schmuggler den Zwischenfall "
        "auslösten. So wird in einer Pressemitteilung der Organisation gefordert, dass die "
        "Regierung die Ermittlungen rasch abschließt."
    )
    found = _speakers(text, {})
    assert [written for _, written, _ in found] == [
        "den Behörden",
        "einer Pressemitteilung der Organisation",
    ]


def test_the_phrase_before_zufolge_holds_names_written_in_lower_case_or_quotation_marks():
    """``Dem Sender al-Dschasira zufolge``, ``des Verbandes (VDR) zufolge``, ``dem „Figaro“
    zufolge`` (not the subject before its article): the source speaks and is not quoted."""
    text = (
        "Dem Sender al-Dschasira zufolge wird das Schiff in den Hafen von Aschdod gebracht. "
        "Einer Erklärung des Verbandes (VDR) zufolge kamen mehrere tausend Lehrer zur Kundgebung. "
        "Zudem hob Jan Ott dem „Figaro“ zufolge die Bedeutung Englands besonders hervor."
    )
    found = _speakers(text, {"Jan Ott": "PER"})
    assert [written for _, written, _ in found] == [
        "Dem Sender al-Dschasira",
        "Einer Erklärung des Verbandes (VDR)",
        "dem „Figaro“",
    ]
    assert not any("zufolge" in quote or "Sender" in quote for quote, _, _ in found)


def test_a_phrase_quoted_inside_reported_speech_is_its_speakers():
    """``Lang soll nach Angaben von Ott „unangemessene Fragen“ gestellt haben``: the phrase
    without a cue of its own is Ott's words, not those of the name opening the sentence."""
    text = (
        "Eva Lang soll nach Angaben von Jan Ott dem Mädchen „unangemessene Fragen“ gestellt "
        "haben."
    )
    found = _speakers(text, {"Jan Ott": "PER", "Eva Lang": "PER"})
    assert [(quote, entity) for quote, _, entity in found if quote.startswith("„")] == [
        ("„unangemessene Fragen“", "Jan Ott")
    ]


def test_before_a_colon_the_last_cue_of_the_sentence_frames_the_quotation():
    """``X wies das zurück, Y erklärte: „...“``: Y speaks; but a verb joined by ``und``
    shares the subject of the first (``Z behauptete ... und forderte: „...“``)."""
    text = (
        "Die Ministerin Eva Lang wies die Kritik zurück, der Sprecher Jan Ott erklärte: "
        "„Das ist völlig falsch und schadet allen.“ "
        "Es sei ein Fehler, behauptete der Diplomat Tom Berg per Twitter und forderte von der "
        "Regierung: „Legen Sie endlich Ihre Daten offen!“"
    )
    names = {"Eva Lang": "PER", "Jan Ott": "PER", "Tom Berg": "PER", "Twitter": "ORG"}
    found = _speakers(text, names)
    assert [entity for quote, _, entity in found if quote.startswith("„")] == [
        "Jan Ott",
        "Tom Berg",
    ]
