"""Pre-annotate the sampled sentences with proposed entities, to be corrected by a reader.

Sources of proposals, strongest first (a later source never overrides an earlier one on
overlapping characters):

1. the project's model ``models/de_newslens`` if it exists (a spaCy pipeline with ``ner``);
2. the aliases of the knowledge base ``lib/newslens/data/kb.csv`` if it exists;
3. ``gazetteer.tsv`` beside this file (hand-written news names, ``surface<TAB>label``);
4. outer spans of the GermEval 2014 files in ``shared/data/ner/germeval2014`` (majority label of
   each surface string, names seen at least twice), if present;
5. known first names (from GermEval PER spans) followed by capitalised words -> PER;
6. a role-word rule: a capitalised name of one to three words after a role such as
   "Kanzlerin", "Minister", "Präsident", "sagte" becomes a PER proposal.

These are proposals only: every sentence is read and corrected by hand (see GUIDELINES.md).
Output ``training/news/work/proposals.jsonl`` (git-ignored: it holds text): the sample rows plus
``proposed``, a list of ``[start, end, label, text]`` relative to the sentence.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
SAMPLE = HERE / "work" / "sample.jsonl"
OUT = HERE / "work" / "proposals.jsonl"
MODEL = PROJECT / "models" / "de_newslens"
KB = PROJECT / "lib" / "newslens" / "data" / "kb.csv"
GAZETTEER = HERE / "gazetteer.tsv"
GERMEVAL = PROJECT.parent / "shared" / "data" / "ner" / "germeval2014"
LABEL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC", "MISC": "MISC"}

ROLE_WORDS = (
    "Kanzlerin|Bundeskanzlerin|Kanzler|Bundeskanzler|Präsident|Präsidentin|Ministerpräsident|"
    "Ministerpräsidentin|Minister|Ministerin|Bürgermeister|Bürgermeisterin|Senator|Senatorin|"
    "Chef|Chefin|Vorsitzende|Vorsitzender|Sprecher|Sprecherin|Trainer|Virologe|Virologin|"
    "Professor|Professorin|Direktor|Direktorin|Abgeordnete|Abgeordneter|Autor|Autorin|"
    "Regisseur|Regisseurin|sagte|sagt|erklärte|betonte|Herr|Frau|Dr\\.|Prof\\."
)
_ROLE_NAME = re.compile(
    rf"\b(?:\w*(?:{ROLE_WORDS}))\s+((?:[A-ZÄÖÜ][a-zäöüßéèáóíñç'-]+)(?:\s+(?:von\s+|van\s+|de\s+)?"
    r"[A-ZÄÖÜ][a-zäöüßéèáóíñç'-]+){0,2})"
)
# Capitalised words that follow role words but are not names.
_NOT_NAMES_TEXT = (
    "Der Die Das Den Dem Des Ein Eine Einer Es Er Sie Wir Ich Man Auch Aber Und Am Im In Auf "
    "Bei Mit Von Zu Nach Für Dass Wenn Noch Nun Doch So Da Dies Diese Dieser Sein Ihr Jetzt "
    "Heute Gestern Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


# Names the guidelines do not annotate (virus and disease names), whatever GermEval has.
_NOT_ENTITIES = re.compile(r"(?i)corona|covid|sars|mers")


def load_gazetteer() -> dict[str, str]:
    """Surface -> label, from the hand list, the KB aliases and GermEval (weakest last)."""
    gaz: dict[str, str] = {}
    if GERMEVAL.is_dir():
        votes: dict[str, Counter] = defaultdict(Counter)
        for path in sorted(GERMEVAL.glob("*.tsv")):
            tokens: list[str] = []
            label = None
            for line in path.read_text(encoding="utf-8").splitlines() + [""]:
                cols = line.split("\t")
                tag = cols[2] if len(cols) >= 3 and not line.startswith("#") else "O"
                if tokens and not tag.startswith("I-"):
                    votes[" ".join(tokens)][label] += 1
                    tokens = []
                if tag.startswith("B-") and tag[2:] in LABEL_MAP:
                    tokens, label = [cols[1]], LABEL_MAP[tag[2:]]
                elif tag.startswith("I-") and tokens:
                    tokens.append(cols[1])
        for surface, counter in votes.items():
            label, n = counter.most_common(1)[0]
            if (n >= 2 and len(surface) > 2 and surface[0].isupper()
                    and not _NOT_ENTITIES.search(surface)):
                gaz[surface] = label
    if GAZETTEER.exists():
        for lineno, line in enumerate(GAZETTEER.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            surface, _, label = line.partition("\t")
            if label.strip() not in LABEL_MAP:
                raise SystemExit(f"{GAZETTEER}:{lineno}: expected 'surface<TAB>label'")
            gaz[surface.strip()] = LABEL_MAP[label.strip()]
    if KB.exists():
        with KB.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                label = LABEL_MAP.get((row.get("label") or "").upper())
                names = [row.get("canonical") or ""]
                names += re.split(r"[|;]", row.get("aliases") or "")
                for name in names:
                    if label and name.strip():
                        gaz[name.strip()] = label
    return gaz


def gazetteer_spans(text: str, gaz: dict[str, str], pattern: re.Pattern) -> list[tuple]:
    """Longest gazetteer matches at word boundaries; a genitive -s is included for PER/LOC."""
    spans = []
    for m in pattern.finditer(text):
        surface = m.group(1)
        end = m.end(1)
        label = gaz[surface]
        if m.group(2):
            end += 1
        spans.append((m.start(1), end, label))
    return spans


def compile_gazetteer(gaz: dict[str, str]) -> re.Pattern:
    """One alternation, longest names first, bounded by non-word characters (hyphen allowed)."""
    names = sorted(gaz, key=lambda s: (-len(s), s))
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])({alt})(s)?(?![\w-])")


def load_first_names() -> frozenset[str]:
    """First tokens of multi-word PER spans in GermEval (seen twice or more): "Angela", "Jens"."""
    counts: Counter = Counter()
    if GERMEVAL.is_dir():
        for path in sorted(GERMEVAL.glob("*.tsv")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for line, nxt in zip(lines, lines[1:], strict=False):
                a, b = line.split("\t"), nxt.split("\t")
                if len(a) >= 3 and len(b) >= 3 and a[2] == "B-PER" and b[2] == "I-PER":
                    counts[a[1]] += 1
    return frozenset(n for n, c in counts.items() if c >= 2 and n[:1].isupper() and len(n) > 2)


def first_name_spans(text: str, first_names: frozenset[str]) -> list[tuple]:
    """PER proposals for a known first name followed by one or two capitalised words."""
    spans = []
    pattern = r"\b([A-ZÄÖÜ][\w'-]+)((?:\s+(?:von |van |de |di |al-)?[A-ZÄÖÜ][\w'-]+){1,2})"
    for m in re.finditer(pattern, text):
        if m.group(1) in first_names:
            spans.append((m.start(), m.end(), "PER"))
    return spans


def role_spans(text: str) -> list[tuple]:
    """PER proposals for capitalised names after role words ("Kanzlerin Angela Merkel")."""
    spans = []
    for m in _ROLE_NAME.finditer(text):
        words = m.group(1).split()
        if words[0] in _NOT_NAMES:
            continue
        spans.append((m.start(1), m.end(1), "PER"))
    return spans


def merge(*layers: list[tuple]) -> list[tuple]:
    """Non-overlapping spans; earlier layers win, within a layer longer spans win."""
    taken: list[tuple] = []
    for layer in layers:
        for s, e, label in sorted(layer, key=lambda t: (-(t[1] - t[0]), t[0])):
            if all(e <= ts or s >= te for ts, te, _ in taken):
                taken.append((s, e, label))
    return sorted(taken)


def main() -> int:
    if not SAMPLE.exists():
        raise SystemExit(f"{SAMPLE} not found: run training/news/sample.py first")
    rows = [json.loads(line) for line in SAMPLE.open(encoding="utf-8")]
    gaz = load_gazetteer()
    pattern = compile_gazetteer(gaz)
    first_names = load_first_names()
    model_layers: list[list[tuple]] = [[] for _ in rows]
    if MODEL.exists():
        import spacy

        nlp = spacy.load(MODEL)
        for i, doc in enumerate(nlp.pipe(r["text"] for r in rows)):
            model_layers[i] = [(e.start_char, e.end_char, LABEL_MAP.get(e.label_, e.label_))
                               for e in doc.ents]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for row, model_spans in zip(rows, model_layers, strict=True):
            text = row["text"]
            spans = merge(model_spans, first_name_spans(text, first_names),
                          gazetteer_spans(text, gaz, pattern), role_spans(text))
            row["proposed"] = [[s, e, label, text[s:e]] for s, e, label in spans]
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    used = ["model" if MODEL.exists() else None, "kb" if KB.exists() else None, "gazetteer"]
    print(f"{len(rows)} sentences pre-annotated ({', '.join(u for u in used if u)}) -> {OUT}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
