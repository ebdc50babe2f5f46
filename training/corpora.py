"""Read the NER training corpora (GermEval 2014, Europeana Newspapers) into plain records.

Kept free of spaCy objects except in `to_docbin`, so the parsing rules can be tested on a few
inline lines. A record is a `Sentence`: tokens, one IOB2 tag per token (labels PER, LOC, ORG,
MISC), and a stable `key` from which the held-out split is derived.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

LABELS = ("PER", "LOC", "ORG", "MISC")
#: GermEval label -> project label; `*deriv` and `*part` are not names, so they become O.
GERMEVAL_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
#: Shares of GermEval sentences (by hash) that go to held-out and dev; the rest is train.
HELDOUT_SHARE = 0.15
DEV_SHARE = 0.10

_NO_SPACE_BEFORE = set(".,;:!?)]}%…“'")
_NO_SPACE_AFTER = set("([{„")


@dataclass(frozen=True)
class Sentence:
    """One tokenised sentence with IOB2 tags over the project labels."""

    key: str
    tokens: tuple[str, ...]
    tags: tuple[str, ...]


# --------------------------------------------------------------------------- GermEval 2014


def germeval_tag(tag: str) -> str:
    """Map one GermEval outer tag to IOB2 over the project labels (OTH -> MISC, deriv/part -> O)."""
    if tag in ("O", ""):
        return "O"
    prefix, _, label = tag.partition("-")
    if prefix not in ("B", "I") or label not in GERMEVAL_LABELS:
        return "O"
    return f"{prefix}-{GERMEVAL_LABELS[label]}"


def read_germeval(lines: Iterable[str], *, name: str) -> Iterator[Sentence]:
    """Parse GermEval TSV lines; the key is `name`, the sentence's position and its source line."""
    source, tokens, tags, n = "", [], [], 0
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if line.startswith("#\t"):
            source = line
            continue
        if not line.strip():
            if tokens:
                yield Sentence(f"{name}:{n}:{source}", tuple(tokens), repair_iob(tags))
                n += 1
            tokens, tags = [], []
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise ValueError(f"{name}, line {lineno}: expected index, token, tag; got {line!r}")
        tokens.append(fields[1])
        tags.append(germeval_tag(fields[2]))
    if tokens:
        yield Sentence(f"{name}:{n}:{source}", tuple(tokens), repair_iob(tags))


def repair_iob(tags: Sequence[str]) -> tuple[str, ...]:
    """Turn an I- that does not continue an entity of its label into B- (after deriv/part -> O)."""
    out: list[str] = []
    for tag in tags:
        if tag.startswith("I-") and (not out or out[-1] == "O" or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return tuple(out)


# --------------------------------------------------------------------------- Europeana

_TAG_RE = re.compile(r"^([BI])[-_.]([A-Za-z]+)$")
_SENT_END = re.compile(r"[.!?]$")
_OPENING = "„\"'»«(‚"


def europeana_tag(tag: str) -> str | None:
    """Normalise a Europeana tag (`B-PEr`, `B_LOC`, `B.PER` ...); None if it is not a tag."""
    if tag == "O":
        return "O"
    m = _TAG_RE.match(tag)
    if not m:
        return None
    label = m.group(2).upper()
    return f"{m.group(1)}-{label}" if label in ("PER", "LOC", "ORG") else "O"


def read_europeana_tokens(lines: Iterable[str]) -> Iterator[tuple[str, str] | None]:
    """Yield (token, tag) pairs; None marks a document boundary (`# file:` comment)."""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# "):
            if line.startswith("# file:"):
                yield None
            continue
        fields = line.split()
        tag = europeana_tag(fields[-1]) if len(fields) > 1 else None
        words = fields[:-1] if tag is not None else fields
        tag = tag or "O"
        for i, word in enumerate(words):
            yield word, (tag if i == 0 or tag == "O" else "I-" + tag[2:])


def split_sentences(
    pairs: Iterable[tuple[str, str] | None], *, max_tokens: int = 60
) -> Iterator[list[tuple[str, str]]]:
    """Cut a token stream into sentences: after [.!?] when a capitalised token follows.

    A sentence longer than `max_tokens` is cut at the last token before the cap that is not
    inside an entity. Document boundaries (None) always end a sentence.
    """
    current: list[tuple[str, str]] = []
    for pair in pairs:
        if pair is None:
            if current:
                yield current
            current = []
            continue
        word = pair[0]
        if current and _SENT_END.search(current[-1][0]) and word.lstrip(_OPENING)[:1].isupper():
            yield current
            current = []
        current.append(pair)
        if len(current) > max_tokens:
            cut = _cut_point(current, max_tokens)
            yield current[:cut]
            current = current[cut:]
    if current:
        yield current


def _cut_point(tokens: Sequence[tuple[str, str]], max_tokens: int) -> int:
    for cut in range(max_tokens, 0, -1):
        if not tokens[cut][1].startswith("I-"):
            return cut
    return max_tokens


_CLEAN_WORD = re.compile(
    r"^[„\"'»«(‚]*(?:[A-ZÄÖÜ]?[a-zäöüßéèàç]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*-?|[A-ZÄÖÜ]{2,}|[A-ZÄÖÜ]"
    r"|\d+(?:[.,:]\d+)*)[.,;:!?)\"'“«»]*$"
)
_PUNCT = set(".,;:!?-–—()\"'„“«»/")


def garble_share(tokens: Sequence[str]) -> float:
    """Share of tokens that look like OCR debris: not a plain word, number or punctuation mark."""
    if not tokens:
        return 1.0
    bad = 0
    for tok in tokens:
        if tok in _PUNCT:
            continue
        one_char_debris = len(tok) == 1 and (not tok.isalnum() or tok.islower())
        if one_char_debris or not _CLEAN_WORD.match(tok):
            bad += 1
    return bad / len(tokens)


def is_garbled(tokens: Sequence[str], *, max_share: float = 0.2, min_tokens: int = 4) -> bool:
    """True for sentences too short or with too much OCR debris to teach anything."""
    return len(tokens) < min_tokens or garble_share(tokens) > max_share


def read_europeana(
    lines: Iterable[str], *, name: str, max_tokens: int = 60, max_garble: float = 0.2
) -> tuple[list[Sentence], int]:
    """Sentences of one Europeana file that pass the garble filter, and the number dropped."""
    kept, dropped = [], 0
    for n, sent in enumerate(split_sentences(read_europeana_tokens(lines), max_tokens=max_tokens)):
        tokens = tuple(t for t, _ in sent)
        if is_garbled(tokens, max_share=max_garble):
            dropped += 1
            continue
        kept.append(Sentence(f"{name}:{n}", tokens, repair_iob([t for _, t in sent])))
    return kept, dropped


# --------------------------------------------------------------------------- splits and output


def bucket(key: str) -> float:
    """A number in [0, 1) fixed by the key alone (SHA-256), for seed-free splits and sampling."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:12], 16) / 16**12


def split_of(key: str, *, heldout: float = HELDOUT_SHARE, dev: float = DEV_SHARE) -> str:
    """'heldout', 'dev' or 'train' for a GermEval sentence key."""
    b = bucket(key)
    if b < heldout:
        return "heldout"
    return "dev" if b < heldout + dev else "train"


def detokenize(tokens: Sequence[str]) -> list[bool]:
    """Whether each token is followed by a space, so `doc.text` reads like running text."""
    spaces = [True] * len(tokens)
    quote_open = False
    for i, tok in enumerate(tokens):
        if tok == '"':
            if quote_open and i > 0:
                spaces[i - 1] = False
            elif not quote_open:
                spaces[i] = False
            quote_open = not quote_open
        if tok in _NO_SPACE_BEFORE and i > 0 and tok != '"':
            spaces[i - 1] = False
        if tok in _NO_SPACE_AFTER:
            spaces[i] = False
    if spaces:
        spaces[-1] = False
    return spaces


def iob_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans from IOB2 tags."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][1] != i
                                                               or spans[-1][2] != tag[2:])):
            spans.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-"):
            start, _, label = spans[-1]
            spans[-1] = (start, i + 1, label)
    return spans


def content_digest(sentences: Iterable[Sentence]) -> str:
    """SHA-256 over keys, tokens and tags: what later stages depend on, not how it was made."""
    h = hashlib.sha256()
    for sent in sentences:
        h.update("\x1f".join([sent.key, *sent.tokens, *sent.tags]).encode("utf-8") + b"\x1e")
    return h.hexdigest()


def to_docbin(sentences: Iterable[Sentence], vocab):  # -> spacy.tokens.DocBin
    """A DocBin of one Doc per sentence, entities set, all other tokens O (not missing)."""
    from spacy.tokens import Doc, DocBin, Span

    db = DocBin(store_user_data=False)
    for sent in sentences:
        doc = Doc(vocab, words=list(sent.tokens), spaces=detokenize(sent.tokens))
        doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in iob_spans(sent.tags)],
                     default="outside")
        db.add(doc)
    return db


def read_lines(path: Path) -> list[str]:
    """Lines of a UTF-8 file; the error names the file if it is not UTF-8."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: expected UTF-8 text ({err})") from err
