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
