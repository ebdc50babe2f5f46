"""Who said what: quotations and their speakers (the ``quotes`` table of ``annotate``).

:func:`extract_quotes` turns the articles, sentences and linked mentions into one row per
quotation: where it is (``start``/``end`` of its content, quotation marks included for direct
quotations; ``parts`` lists the pieces of a quotation split by its frame), its ``kind``
(direct, indirect, reported, free indirect), its cue, the speaker as written and the canonical
entity the speaker refers to, and the addressee where the frame names one. Quotations inside
quotations are rows of their own (an indirect quotation that quotes a phrase verbatim gives two
rows). A quotation a medium relays (``zitiert die Zeitung den Minister``, ``X wird von der
Zeitung zitiert``) has two rows with the same parts: the person quoted, and the medium (its
``quote_id`` ends in ``+relay``). Rules in :mod:`newslens.quotes.extract` and
:mod:`newslens.quotes.speakers`, cues in ``data/quote_cues.csv``; measured by
``benchmarks/quotes_eval.py``.
"""

from __future__ import annotations

import pandas as pd

from newslens.quotes import addressees, extract, speakers

QUOTE_COLUMNS = [
    "quote_id",
    "article_id",
    "sentence_id",
    "start",
    "end",
    "parts",
    "kind",
    "cue",
    "cue_start",
    "cue_end",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "speaker_entity_id",
    "speaker",
    "addressee",
    "addressee_start",
    "addressee_end",
]
KINDS = ("direct", "indirect", "reported", "free indirect")
_INT = ["start", "end"]
_NULLABLE_INT = [
    "cue_start",
    "cue_end",
    "speaker_start",
    "speaker_end",
    "addressee_start",
    "addressee_end",
]


def extract_quotes(
    articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame
) -> pd.DataFrame:
    """One row per quotation in the articles (see the module docstring), sorted by article
    and offset. ``mentions`` should carry ``entity_id`` and ``canonical`` (from
    ``entities.canonicalize``) for speakers to be resolved; compound mentions are ignored.
    Quotations beginning in a boilerplate sentence (``sentences.boilerplate``) are left out."""
    by_article = _grouped(sentences, ["sentence_id", "start", "end"])
    plain = mentions
    if "compound" in plain.columns:
        plain = plain[~plain["compound"].astype(bool)]
    for column in ("entity_id", "canonical"):
        if column not in plain.columns:
            plain = plain.assign(**{column: None})
    mention_rows = _grouped(plain, ["start", "end", "label", "entity_id", "canonical", "text"])
    rows = []
    for article_id, text in zip(articles["article_id"], articles["text"], strict=True):
        sents = by_article.get(article_id, [])
        if not sents:
            continue
        found = extract.find_quotes(text, [(s, e) for _, s, e in sents])
        mentions_here = [
            speakers.Mention(s, e, str(lab), _none(eid), _none(can), t)
            for s, e, lab, eid, can, t in mention_rows.get(article_id, [])
        ]
        bounds = [(s, e) for _, s, e in sents]
        speakers.attribute(text, found, mentions_here, bounds)
        found = [q for q in found if q.speaker or not q.relay]
        named = [(m.start, m.end) for m in mentions_here if m.label in speakers.SPEAKER_LABELS]
        for q in found:
            q.addressee = addressees.addressee(text, q, bounds, named)
            if q.addressee and q.speaker and not q.relay and _overlap(q.addressee, q.speaker):
                # the speaker found is the one addressed: the subject stands elsewhere
                span = addressees.subject_span(text, q, bounds)
                if span and not (span[0] < q.addressee[2] and q.addressee[1] < span[1]):
                    q.speaker = speakers.speaker_of_span(text, span, mentions_here, q)
        rows += [_row(article_id, text, sents, q) for q in found]
    table = quote_frame(rows)
    if "boilerplate" in sentences.columns:  # an outlet's repeated promotion is nobody's quote
        repeated = set(sentences.loc[sentences["boilerplate"].astype(bool), "sentence_id"])
        table = table[~table["sentence_id"].isin(repeated)].reset_index(drop=True)
    return table


def quote_frame(rows: list[dict]) -> pd.DataFrame:
    """The quotes table from row dicts: the columns in order, typed, sorted."""
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    frame = frame.astype({c: "int64" for c in _INT})
    frame = frame.astype({c: "Int64" for c in _NULLABLE_INT})
    for column in (
        "cue",
        "speaker_text",
        "speaker_entity_id",
        "speaker",
        "addressee",
        "sentence_id",
        "quote_id",
        "article_id",
        "parts",
    ):
        frame[column] = frame[column].astype(object)
    frame["kind"] = pd.Categorical(frame["kind"], categories=list(KINDS))
    frame = frame.sort_values(["article_id", "start", "end", "kind"], kind="stable")
    return frame.reset_index(drop=True)


def _grouped(frame: pd.DataFrame, columns: list[str]) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    ordered = frame.sort_values(["article_id", "start"], kind="stable")
    for article_id, *values in zip(  # lists: iterating a Series is slow per element
        ordered["article_id"].tolist(), *(ordered[c].tolist() for c in columns), strict=True
    ):
        out.setdefault(article_id, []).append(tuple(values))
    return out


def _none(value):
    return None if value is None or (isinstance(value, float) and value != value) else value


def _overlap(addressee: tuple[str, int, int], speaker: dict) -> bool:
    return speaker.get("start") is not None and (
        addressee[1] < speaker["end"] and speaker["start"] < addressee[2]
    )


def _row(article_id: str, text: str, sents: list[tuple], q: extract.Quote) -> dict:
    spk = q.speaker or {}
    cue = q.cue or (None, None, None)
    addressee = q.addressee or (None, None, None)
    return {
        "quote_id": f"{article_id}:q{q.start}-{q.end}:{q.kind[0]}{'+relay' if q.relay else ''}",
        "article_id": article_id,
        "sentence_id": sents[q.sentence][0],
        "start": q.start,
        "end": q.end,
        "parts": ";".join(f"{s}-{e}" for s, e in q.parts),
        "kind": q.kind,
        "cue": cue[0],
        "cue_start": cue[1],
        "cue_end": cue[2],
        "speaker_text": spk.get("text"),
        "speaker_start": spk.get("start"),
        "speaker_end": spk.get("end"),
        "speaker_entity_id": spk.get("entity_id"),
        "speaker": spk.get("canonical"),
        "addressee": addressee[0],
        "addressee_start": addressee[1],
        "addressee_end": addressee[2],
    }
