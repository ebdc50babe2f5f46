"""Sample German news sentences from the benchmark corpus for NER annotation.

Deterministic and stratified: every (source, month) stratum of
``shared/data/bench/german_news_10k.jsonl.gz`` gets a share of the sentences (equal per source,
then equal per month within the source, with what a small month cannot fill passed on to the
others). Articles and sentences are chosen by a SHA-256 hash of their ids, never by an open
random state, so the sample is the same on every machine. The split ("test" for about a fifth)
is decided by a hash of the *article* id, so no article has sentences in both splits.

Offsets are into the article's ``text`` field exactly as it is in the JSONL record (raw, not
processed by newslens). The output holds bench text and is written to the git-ignored
``training/news/work/sample.jsonl``; never commit it.

    python training/news/sample.py [--n 1600] [--bench PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
BENCH = PROJECT.parent / "shared" / "data" / "bench" / "german_news_10k.jsonl.gz"
OUT = HERE / "work" / "sample.jsonl"

SOURCES = ("tagesspiegel.de", "zeit.de", "sueddeutsche.de")
MONTHS = tuple(f"2020-{m:02d}" for m in range(1, 13)) + ("2021-01", "2021-02", "2021-03")
MIN_WORDS, MAX_WORDS = 6, 80
MAX_PER_ARTICLE = 3
TEST_MODULUS = 5  # article hash % 5 == 0 -> test

# Abbreviations after which a period does not end a sentence (compared case-sensitively,
# without the final period).
_ABBREVIATIONS_TEXT = """
    Abs Abb Abt Adm Anm Apr Art Aug Bd Bhf Bsp Bzw bzw ca Chr Co Dez Di Dipl Do Dr Dres Mag
    evtl etc Fa Feb Fr Frl Gebr gegr geb ggf Hbf Hl hl Hr Hrsg Ing inkl Inh insb Jan Jh Jhd
    Jr jr Jul Jun Kap Kfz Kl lt Ltd max Mi Min min Mio Mo Mrd Mr Mrs Ms Nov Nr Okt op Pkw Pf
    Prof rd Red Reg sen Sep Sept So sog St Std Str Tel Tsd usw u v vgl Vors zB zit zzgl zT
    Ziff Sa Bzgl bzgl bspw Kath kath ev Ev Gen Hg Ca
"""
ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
# Multi-dot abbreviations ("z.B.", "u.a.", "d.h.", "v.Chr.") end in ".X." — matched on the token.
_MULTI_DOT = re.compile(r"(?:^|\s)(?:[A-Za-zÄÖÜäöü]{1,3}\.){2,}$")
# Candidate boundary: . ! ? (…), optional closing quotes/brackets, whitespace, then an uppercase
# letter, optionally after an opening quote or bracket.
_BOUNDARY = re.compile(r"[.!?…]+[\"“”»«’')\]]*(?=\s+[\"„“»«‚‘'(]?[A-ZÄÖÜ])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_DEBRIS = re.compile(
    r"<[a-zA-Z/!]|/>|&[a-z]{2,6};|&#\d+;|https?://|www\.|\{|\}|\\[nrt\"]|\ufffd|Ã[\x80-\xbf¤¶¼Ÿ]"
    r"|â€|Â[\xa0-\xbf ]|\[\[|\]\]|==|\|\||@\w"
)
_SENT_END = re.compile(r"[.!?…:][\"“”»«’')\]]*$")
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")


def stable_hash(text: str) -> int:
    """A 64-bit integer from SHA-256: the same on every machine and Python run."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], 16)


def split_of(article_id: str) -> str:
    """'test' for a deterministic fifth of the articles (by hash), else 'train'."""
    return "test" if stable_hash(f"split:{article_id}") % TEST_MODULUS == 0 else "train"


def _no_break_after(chunk: str) -> bool:
    """True when the period closing ``chunk`` belongs to an abbreviation, ordinal or initial."""
    m = _TOKEN_BEFORE.search(chunk)
    if not m:
        return False
    token = m.group(1).lstrip("(\"„“»«‚‘'")
    if not token.endswith("."):
        return False
    stem = token[:-1]
    if stem.isdigit() and len(stem) <= 2:  # "am 18. März", "der 3. Liga"
        return True
    if len(stem) == 1 and stem.isalpha():  # initials "John F. Kennedy", "S. 12"
        return True
    if stem in ABBREVIATIONS or stem.rstrip(".") in ABBREVIATIONS:
        return True
    return bool(_MULTI_DOT.search(" " + token))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``: at newlines and after . ! ? before a capital.

    No break after abbreviations ("Dr.", "z.B."), ordinals ("18.") or initials ("F.").
    Spans are stripped of surrounding whitespace; empty spans are dropped.
    """
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_text = para.start(), para.group()
        cut = 0
        for m in _BOUNDARY.finditer(p_text):
            if m.group().startswith(".") and _no_break_after(p_text[: m.start() + 1]):
                continue
            spans.append((p_start + cut, p_start + m.end()))
            cut = m.end()
        spans.append((p_start + cut, p_start + len(p_text)))
    out = []
    for start, end in spans:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if end - trail > start + lead:
            out.append((start + lead, end - trail))
    return out


def is_clean(sentence: str) -> bool:
    """A sentence worth annotating: 6–80 words, ends like a sentence, no markup debris."""
    n_words = len(_WORD.findall(sentence))
    if not MIN_WORDS <= n_words <= MAX_WORDS:
        return False
    if _DEBRIS.search(sentence) or not _SENT_END.search(sentence):
        return False
    if not sentence[0].isupper() and sentence[0] not in "„\"»«‚'(":
        return False
    return sum(c.islower() for c in sentence) >= len(sentence) // 3


def read_bench(path: Path) -> Iterator[dict]:
    """Records of the benchmark JSONL (gzip), with a clear error naming the bad line."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{lineno}: not valid JSON ({exc})") from exc
            for field in ("id", "date", "source", "text"):
                if not isinstance(rec.get(field), str):
                    raise SystemExit(f"{path}:{lineno}: field {field!r} missing or not a string")
            yield rec


def _quotas(capacity: dict[tuple[str, str], int], n: int) -> dict[tuple[str, str], int]:
    """Equal share per source, then per month (water-filling: full strata pass on the rest)."""
    def fill(caps: dict, total: int) -> dict:
        quota = dict.fromkeys(caps, 0)
        open_keys = sorted(k for k in caps if caps[k] > 0)
        while total > 0 and open_keys:
            share, extra = divmod(total, len(open_keys))
            for i, k in enumerate(open_keys):
                add = min(share + (i < extra), caps[k] - quota[k])
                quota[k] += add
                total -= add
            open_keys = [k for k in open_keys if quota[k] < caps[k]]
        return quota

    per_source = fill({s: sum(c for (src, _), c in capacity.items() if src == s)
                       for s in SOURCES}, n)
    quota: dict[tuple[str, str], int] = {}
    for s in SOURCES:
        months = {m: capacity.get((s, m), 0) for m in MONTHS}
        quota.update({(s, m): q for m, q in fill(months, per_source[s]).items()})
    return quota


def sample(bench: Path, n: int) -> list[dict]:
    """The stratified sample: round-robin over hash-ordered articles, hash-ordered sentences."""
    candidates: dict[tuple[str, str], list[tuple[int, str, list[dict]]]] = defaultdict(list)
    for rec in read_bench(bench):
        stratum = (rec["source"], rec["date"][:7])
        if stratum[0] not in SOURCES or stratum[1] not in MONTHS:
            continue
        text, aid = rec["text"], rec["id"]
        sents = [
            {"sent_key": f"{aid}:{s}-{e}", "article_id": aid, "start": s, "end": e,
             "source": stratum[0], "month": stratum[1], "split": split_of(aid),
             "text": text[s:e]}
            for s, e in split_sentences(text) if is_clean(text[s:e])
        ]
        if sents:
            sents.sort(key=lambda d: (stable_hash("sent:" + d["sent_key"]), d["start"]))
            candidates[stratum].append((stable_hash("article:" + aid), aid, sents))
    capacity = {k: sum(min(len(s), MAX_PER_ARTICLE) for _, _, s in v)
                for k, v in candidates.items()}
    chosen = []
    for stratum, quota in sorted(_quotas(capacity, n).items()):
        articles = sorted(candidates.get(stratum, []))
        picked: list[dict] = []
        for rnd in range(MAX_PER_ARTICLE):
            for _, _, sents in articles:
                if len(picked) < quota and rnd < len(sents):
                    picked.append(sents[rnd])
        chosen.extend(picked)
    # Annotation order: by hash of the key, so every batch mixes sources and months.
    chosen.sort(key=lambda d: (stable_hash("order:" + d["sent_key"]), d["sent_key"]))
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1600, help="sentences to sample")
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not args.bench.exists():
        print(f"benchmark corpus not found: {args.bench} (skipping)", file=sys.stderr)
        return 0
    rows = sample(args.bench, args.n)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_test = sum(r["split"] == "test" for r in rows)
    print(f"{len(rows)} sentences ({len(rows) - n_test} train, {n_test} test) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
