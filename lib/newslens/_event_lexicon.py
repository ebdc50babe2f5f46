"""The word lists of :mod:`newslens.events`: trigger lexicon and closed word classes.

Kept apart from the rules so the rules read in one sitting and the lists can be extended
without touching them. Everything here is data: German trigger nouns and verbs with their
forms, the lookup tables derived from them, and the closed classes (articles, prepositions,
reporting verbs, modality cues ...) that the rules in :mod:`newslens.events` test tokens
against. All words are lower case except the lemmas of the trigger lexicon.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# -- trigger lexicon ---------------------------------------------------------------------------

# Nouns: (lemma, class, inflection endings). Matched on the head of a compound (its last part
# after a hyphen, or a suffix after at least three letters: Gipfel|treffen); longest form wins.
NOUN_ENTRIES = [
    ("Treffen", "meeting", ("", "s")),
    ("Gipfel", "meeting", ("", "s", "n")),
    ("Begegnung", "meeting", ("", "en")),
    ("Gespräch", "meeting", ("", "s", "es", "e", "en")),
    ("Verhandlung", "meeting", ("", "en")),
    ("Telefonat", "call", ("", "s", "es", "e", "en")),
    ("Telefongespräch", "call", ("", "s", "es", "e", "en")),
    ("Anruf", "call", ("", "s", "es", "e", "en")),
    ("Besuch", "visit", ("", "s", "es", "e", "en")),
    ("Angriff", "attack", ("", "s", "es", "e", "en")),
    ("Offensive", "attack", ("", "n")),
    ("Invasion", "attack", ("", "en")),
    ("Einmarsch", "attack", ("", "s", "es")),
    ("Ankündigung", "announcement", ("", "en")),
    ("Abkommen", "agreement", ("", "s")),
    ("Vereinbarung", "agreement", ("", "en")),
    ("Waffenruhe", "agreement", ("",)),
    ("Waffenstillstand", "agreement", ("", "s", "es")),
    ("Sanktion", "sanctions", ("", "en")),
    ("Sanktionspaket", "sanctions", ("", "s", "es", "e", "en")),
    ("Wahl", "election", ("", "en")),
    ("Annexion", "other", ("", "en")),
]
#: Words ending in a trigger form that are not events.
NOUN_EXCEPTIONS = {"auswahl", "wortwahl", "partnerwahl", "berufswahl", "standortwahl",
                   "betreffen", "übertreffen", "eintreffen", "zutreffen", "antreffen",
                   "charmeoffensive", "bildungsoffensive"}
#: Idioms: (word, words before, words after) that are no event: ``keine andere Wahl``,
#: ``zweiter Wahl``, ``in Angriff nehmen``, ``im Gespräch mit dem Tagesspiegel``.
IDIOMS = [
    ("wahl", {"keine", "andere", "zweiter", "erster", "freie"}, set()),
    ("angriff", set(), {"nehmen", "genommen", "nimmt", "nahm", "zu"}),
    ("gespräch", {"im"}, set()),
]
# Verbs: (lemma, class, forms, past forms, condition). Conditions: "sich" = only reflexive
# (sich treffen, not eine Entscheidung treffen); "an" = separable prefix later in the clause.
VERB_ENTRIES = [
    ("telefonieren", "call", "telefoniert telefonierte telefonierten telefonieren",
     "telefoniert telefonierte telefonierten", None),
    ("treffen", "meeting", "treffen trifft traf trafen getroffen", "traf trafen getroffen",
     "sich"),
    ("empfangen", "meeting", "empfangen empfing empfingen empfängt", "empfing empfingen", None),
    ("besuchen", "visit", "besucht besuchte besuchten besuchen", "besucht besuchte besuchten",
     None),
    ("angreifen", "attack", "angegriffen", "angegriffen", None),
    ("bombardieren", "attack", "bombardiert bombardierte bombardierten",
     "bombardiert bombardierte bombardierten", None),
    ("ankündigen", "announcement",
     "angekündigt angekündigte angekündigten angekündigter angekündigtes",
     "angekündigt angekündigte angekündigten angekündigter angekündigtes", None),
    ("ankündigen", "announcement", "kündigt kündigte kündigten", "kündigte kündigten", "an"),
    ("unterzeichnen", "agreement", "unterzeichnet unterzeichnete unterzeichneten",
     "unterzeichnet unterzeichnete unterzeichneten", None),
    ("sanktionieren", "sanctions", "sanktioniert sanktionierte sanktionierten",
     "sanktioniert sanktionierte sanktionierten", None),
    ("wählen", "election", "gewählt wählte wählten", "gewählt wählte wählten", None),
    ("annektieren", "other", "annektiert annektierte annektierten annektierter annektiertes",
     "annektiert annektierte annektierten annektierter annektiertes", None),
]


class Lexeme(NamedTuple):
    lemma: str
    event_class: str
    past: bool = False
    condition: str | None = None


NOUN_FORMS = {lemma.lower() + ending: Lexeme(lemma, cls)
              for lemma, cls, endings in NOUN_ENTRIES for ending in endings}
NOUN_LENGTHS = sorted({len(form) for form in NOUN_FORMS}, reverse=True)
VERB_FORMS = {form: Lexeme(lemma, cls, form in past.split(), cond)
              for lemma, cls, forms, past, cond in VERB_ENTRIES for form in forms.split()}
#: Sentences without any of these stems (in lower case) cannot hold a trigger: skipped fast.
PREFILTER = re.compile("|".join(sorted({form[:6] for form in {*NOUN_FORMS, *VERB_FORMS}})))

# -- closed word lists -------------------------------------------------------------------------

QUOTES = set("„“”\"»«‚‘’")
BOUNDARIES = {",", ";", ":", "(", ")", "[", "]", "–", "—", "-", "?", "!"}
INSERTION_PAIRS = {("(", ")"), ("[", "]"), ("–", "–"), ("—", "—"), ("-", "-")}
DEFINITE = {"der", "die", "das", "dem", "den", "des", "dieser", "diese", "dieses", "diesem",
            "diesen", "jener", "jene", "jenes", "jenem", "jenen"}
DETERMINERS = DEFINITE | {
    "ein", "eine", "einem", "einen", "einer", "eines", "kein", "keine", "keinem", "keinen",
    "keiner", "sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem",
    "ihren", "ihrer", "ihres", "unser", "unsere", "unserem", "unseren", "jede", "jeder",
    "jedes", "jedem", "jeden", "beide", "beiden", "alle", "allen", "mehrere", "viele",
}
GENITIVE = {"des", "der", "eines", "einer", "dieses", "dieser"}
PREPOSITIONS = {
    "in", "im", "ins", "am", "an", "auf", "aus", "bei", "beim", "mit", "nach", "seit", "von",
    "vom", "vor", "zu", "zum", "zur", "über", "unter", "für", "gegen", "ohne", "um", "während",
    "wegen", "trotz", "zwischen", "durch", "bis", "ab", "laut", "gemäß", "hinsichtlich",
}
#: A trigger governed by these is a topic or reference point, not the clause's event.
TOPICAL = {"über", "nach", "seit", "vor", "wegen", "trotz", "von", "vom", "zu", "zum", "zur",
           "für", "hinsichtlich"}
EMBEDDED = {"der", "die", "das", "dem", "den", "dessen", "deren", "denen", "welcher", "welche",
            "welches", "welchem", "welchen", "wo", "was", "dass", "weil", "ob", "wenn",
            "nachdem", "obwohl", "wonach", "damit", "bevor", "falls", "sodass"}
LOCATIVE = {"in", "im", "nach", "bei", "beim", "nahe", "auf"}
CONJUNCTIONS = {"und", "sowie", "oder", "bzw"}
ADVERBS = {"unerwartet", "erst", "bereits", "schon", "noch", "nun", "wieder", "bisher",
           "zuvor", "kürzlich", "lange", "persönlich", "rund", "etwa", "fast", "kurz",
           "nur", "offiziell", "zunächst"}
REPORTING = {
    "sagte", "sagten", "sagt", "gesagt", "erklärte", "erklärten", "erklärt", "teilte",
    "teilten", "schrieb", "schrieben", "betonte", "betonten", "berichtete", "berichteten",
    "meldete", "meldeten", "hieß", "heißt", "antwortete", "bekräftigte", "bestätigte",
    "äußerte", "warnte", "forderte", "mitgeteilt", "berichtet", "betont",
}
EVENT_PREDICATES = {
    "stattfinden", "stattfindet", "stattfand", "stattfanden", "stattgefunden", "statt",
    "abgehalten", "abhalten", "geplant", "vorgesehen", "angesetzt", "beginnt", "begann",
    "beginnen", "beginnenden", "beginnende", "begonnen", "folgen", "folgt", "empfangen",
    "geben", "gibt", "gab", "terminiert",
}
VERBISH = REPORTING | EVENT_PREDICATES | {
    "hatte", "hatten", "habe", "haben", "hat", "war", "waren", "wäre", "wären", "ist", "sind",
    "sei", "seien", "wird", "werden", "werde", "wurde", "wurden", "würde", "würden", "kann",
    "können", "könnte", "könnten", "soll", "sollen", "sollte", "sollten", "will", "wollen",
    "wollte", "wollten", "wolle", "muss", "müssen", "müsste", "möchte", "liegt", "lag", "sprach",
}
HYPOTHETICAL = {"könnte", "könnten", "würde", "würden", "wäre", "wären", "hätte", "hätten",
                "möglicherweise", "eventuell", "vielleicht", "falls", "sofern", "müsste",
                "müssten", "denkbar"}
PLANNED = {"soll", "sollen", "sollte", "sollten", "werde", "werden", "wird", "will", "wollen",
           "wolle", "wollte", "wollten", "plant", "planen", "plante", "planten", "geplant",
           "vorgesehen", "vorbereitet", "vorbereiten", "vorzubereiten", "vorbereitung",
           "stattfinden", "bevorsteht", "angesetzt"}
#: Verbs that commit to a future event (``einem Treffen zugestimmt``, ``kündigte einen Besuch
#: an``): planned, except for announcements and agreements themselves.
COMMITTING = {"zugestimmt", "zustimmen", "stimmte", "vereinbart", "vereinbarten", "verabredet",
              "vorgeschlagen", "angeboten", "angekündigt", "kündigte", "kündigten", "kündigt",
              "forderte", "fordert", "gefordert"}
#: Nouns that make what follows planned (``Vorbereitungen für das Treffen``, ``Pläne für``).
PLANNING_HEADS = ("vorbereitung", "pläne", "plänen", "planung", "einladung", "vorschlag",
                  "absicht")
PAST = {"hatte", "hatten", "hat", "habe", "haben", "war", "waren", "wurde", "wurden", "gewesen",
        "stattgefunden", "fand", "fanden", "abgehalten", "zurück", "telefonierte",
        "telefonierten", "traf", "trafen", "empfing", "empfingen", "besuchte", "besuchten"}
HYPOTHETICAL_ATTRIBUTES = ("möglich", "denkbar", "eventuell", "potenziell", "etwaig")
PLANNED_ATTRIBUTES = ("geplant", "angekündigt", "bevorstehend", "anstehend", "künftig",
                      "vorgesehen", "angestrebt", "vorgeschaltet", "angedacht")
PAST_ATTRIBUTES = ("letzt", "vergangen", "bisherig", "jüngst", "vorig", "früher", "gestrig")
#: Participles that own a date placed before them (``das am Montag angekündigte Treffen``).
ANNOUNCING_ATTRIBUTES = ("angekündigt", "vereinbart", "beschlossen", "erwähnt", "verkündet")
#: Attributes that make a definite trigger a new event rather than an anaphor.
CONTRASTIVE = ("erst", "zweit", "dritt", "nächst", "letzt", "ander", "weiter", "neu", "früher",
               "vorig", "kommend", "bisherig", "anschließend")
