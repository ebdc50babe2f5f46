"""Sentence-by-sentence correction of the pre-annotations, and the merge into the standoff file.

The sample (``work/proposals.jsonl``, in its hash order) is cut into batches of ``BATCH``
sentences. For batch N:

    python training/news/review.py show N        # print each sentence with its proposals
    # read every sentence, write work/corrections/batch_NN.txt (format below)
    python training/news/review.py apply N       # -> work/corrections/batch_NN.jsonl,
                                                 #    then merge all batches into annotations.jsonl
    python training/news/review.py status

``--work DIR`` (before the command) reads the proposals and corrections of another sample, e.g.
``--work work/econ`` for ``sample_econ.py``'s; ``apply`` merges into the same annotations.jsonl.

Correction lines, one per sentence of the batch, by its number in the batch::

    17 ok                                   proposals read and right as shown
    18 -                                    no entity
    19 Markus Söder/PER ; Union/ORG          the full corrected list (" ; " between entities)
    20 Berlin/LOC@2                          the 2nd whole-word occurrence of "Berlin"
    21 drop                                 junk (not a sentence, garbled): left out

A surface form matches whole words only (no letter, digit or hyphen right before or after);
``@N!`` counts raw substring occurrences instead. Every surface is checked to occur, spans must
not overlap. The batch files hold entity strings (bench text) and so stay in the git-ignored
``work/`` folder; only ``annotations.jsonl`` (ids, offsets, labels) is committed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROPOSALS = HERE / "work" / "proposals.jsonl"
CORRECTIONS = HERE / "work" / "corrections"
ANNOTATIONS = HERE / "annotations.jsonl"
LABELS = ("PER", "LOC", "ORG", "MISC")
BATCH = 100


def load_rows() -> list[dict]:
    if not PROPOSALS.exists():
        raise SystemExit(f"{PROPOSALS} not found: run sample.py and preannotate.py first")
    return [json.loads(line) for line in PROPOSALS.open(encoding="utf-8")]


def batch_rows(rows: list[dict], n: int) -> list[dict]:
    return rows[n * BATCH:(n + 1) * BATCH]


def show(n: int) -> None:
    for i, row in enumerate(batch_rows(load_rows(), n)):
        props = " ; ".join(f"{p[3]}/{p[2]}" for p in row["proposed"])
        print(f"{i:02d} {row['text']}\n   > {props}")


def find_occurrence(text: str, surface: str, occurrence: int, raw: bool) -> int:
    """Start of the ``occurrence``-th (1-based) match of ``surface`` in ``text``, or -1."""
    if raw:
        starts = [m.start() for m in re.finditer(re.escape(surface), text)]
    else:
        pat = rf"(?<![\w-]){re.escape(surface)}(?![\w-])"
        starts = [m.start() for m in re.finditer(pat, text)]
    return starts[occurrence - 1] if 0 < occurrence <= len(starts) else -1


def parse_entities(spec: str, text: str, where: str) -> list[list]:
    """``Surface/LAB@N ; ...`` -> sorted ``[start, end, label]`` relative to the sentence."""
    spans = []
    for item in [s.strip() for s in spec.split(" ; ") if s.strip()]:
        m = re.fullmatch(r"(?P<surface>.+)/(?P<label>[A-Z]+)(?:@(?P<occ>\d+)(?P<raw>!)?)?", item)
        if not m or m["label"] not in LABELS:
            raise SystemExit(f"{where}: cannot read entity {item!r} (want Surface/LABEL[@N])")
        start = find_occurrence(text, m["surface"], int(m["occ"] or 1), bool(m["raw"]))
        if start < 0:
            raise SystemExit(f"{where}: {m['surface']!r} (occurrence {m['occ'] or 1}) not found")
        spans.append([start, start + len(m["surface"]), m["label"]])
    spans.sort()
    for a, b in zip(spans, spans[1:], strict=False):
        if b[0] < a[1]:
            raise SystemExit(f"{where}: overlapping spans {a} and {b}")
    return spans


def apply(n: int) -> None:
    rows = batch_rows(load_rows(), n)
    src = CORRECTIONS / f"batch_{n:02d}.txt"
    lines = [ln for ln in src.read_text(encoding="utf-8").splitlines() if ln.strip()]
    seen: dict[int, dict] = {}
    for lineno, line in enumerate(lines, 1):
        where = f"{src}:{lineno}"
        num, _, spec = line.strip().partition(" ")
        if not num.isdigit() or int(num) >= len(rows):
            raise SystemExit(f"{where}: expected a sentence number 0..{len(rows) - 1} first")
        i, row, spec = int(num), rows[int(num)], spec.strip()
        if i in seen:
            raise SystemExit(f"{where}: sentence {i} corrected twice")
        record = {"sent_key": row["sent_key"]}
        if spec == "drop":
            record["drop"] = True
        elif spec == "ok":
            record["entities"] = [[s, e, lab] for s, e, lab, _ in row["proposed"]]
        elif spec == "-":
            record["entities"] = []
        else:
            record["entities"] = parse_entities(spec, row["text"], where)
        if "entities" in record:
            record["surfaces"] = [[row["text"][s:e], lab] for s, e, lab in record["entities"]]
        seen[i] = record
    missing = sorted(set(range(len(rows))) - set(seen))
    if missing:
        raise SystemExit(f"{src}: no correction for sentences {missing}")
    out = CORRECTIONS / f"batch_{n:02d}.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for i in sorted(seen):
            fh.write(json.dumps(seen[i], ensure_ascii=False) + "\n")
    merge()


def merge() -> None:
    """Fold every batch file into annotations.jsonl, keeping lines of batches not on disk."""
    rows = {r["sent_key"]: r for r in load_rows()}
    kept: dict[str, dict] = {}
    if ANNOTATIONS.exists():
        for line in ANNOTATIONS.open(encoding="utf-8"):
            rec = json.loads(line)
            kept[f"{rec['article_id']}:{rec['start']}-{rec['end']}"] = rec
    for path in sorted(CORRECTIONS.glob("batch_*.jsonl")):
        for line in path.open(encoding="utf-8"):
            corr = json.loads(line)
            key, row = corr["sent_key"], rows[corr["sent_key"]]
            if corr.get("drop"):
                kept.pop(key, None)
                continue
            kept[key] = {
                "article_id": row["article_id"], "start": row["start"], "end": row["end"],
                "split": row["split"], "entities": corr["entities"],
                "source": row["source"], "month": row["month"],
            }
    ordered = sorted(kept.values(), key=lambda r: (r["article_id"], r["start"]))
    with ANNOTATIONS.open("w", encoding="utf-8") as fh:
        for rec in ordered:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    status()


def status() -> None:
    recs = [json.loads(line) for line in ANNOTATIONS.open(encoding="utf-8")]
    n_test = sum(r["split"] == "test" for r in recs)
    counts: dict[str, int] = dict.fromkeys(LABELS, 0)
    for r in recs:
        for _, _, lab in r["entities"]:
            counts[lab] += 1
    print(f"{len(recs)} sentences ({len(recs) - n_test} train, {n_test} test); entities {counts}")


def main(argv: list[str]) -> int:
    global PROPOSALS, CORRECTIONS
    if argv[:1] == ["--work"] and len(argv) >= 2:
        work = HERE / argv[1]
        PROPOSALS, CORRECTIONS = work / "proposals.jsonl", work / "corrections"
        argv = argv[2:]
    if argv[:1] == ["show"] and len(argv) == 2:
        show(int(argv[1]))
    elif argv[:1] == ["apply"] and len(argv) == 2:
        apply(int(argv[1]))
    elif argv[:1] == ["status"]:
        status()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
