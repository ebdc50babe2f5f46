"""Entity names on the bench corpus: split ids, cut genitives, abbreviations, the top 30.

    python benchmarks/entities_bench.py [--corpus PATH] [--skip N] [--limit N] [--top 30]
        [--names-csv PATH] [--kb-since REV [--sample 100]]

Runs the spaCy stage (from the cache when warm) and the entity stage, then prints

- the entity stage's time (``canonicalize`` + ``entity_table`` over the whole corpus, the spaCy
  tables read from the cache);
- **split ids**: entity ids whose mentions carry more than one ``canonical`` name;
- **cut names** among the 300 most mentioned entities: a canonical name that no mention is
  written as, while the name + "s" is (``Bernie Sander`` from ``Bernie Sanders``);
- **abbreviations**: the 25 most frequent in-text definitions, found here by a detector of its
  own that is looser than the pipeline's (a non-person mention followed by ``(ABC)`` or by an
  apposition in capitals, the abbreviation starting with the long form's first letter), and
  whether each is merged: more than half of all mentions of the abbreviation in the corpus
  carry the long form's entity id;
- **several labels**: the names whose mentions carry more than one label (``Deutsch`` as a
  person and as an organisation), the most mentioned first: where the NER confuses a word with
  a name;
- with ``--kb-since REV``: how many mentions link to the knowledge-base entries added since the
  git revision ``REV``, in the whole corpus and in its second half, and a random sample
  (``--sample``, seed 7) of the second half's links with their context in
  ``benchmarks/results/kb_links_sample.tsv`` (git-ignored), for judging by reading
  (``benchmarks/kb_places_judged.csv`` judges the sample of ``--kb-since 3c08ce7``);

and writes ``benchmarks/results/entities_top30.csv`` (git-ignored: it quotes article text): the
top entities per label as the charts rank them by default (mentions marked boilerplate,
self-mention or unit by :func:`newslens.marks.mark_mentions` left out, as
:func:`newslens.counts.select_mentions` does), with their commonest surface forms and two
evidence sentences, for judging by reading. The judgements are in
``benchmarks/entities_top30_judged.csv`` (ids and offsets only, and in ``judged_at`` the
commit whose output was judged). With ``--names-csv`` it also writes every entity id with its
canonical name (``entity_id,canonical``, sorted): the same command at two commits, and a diff of
the two files, lists the names a change renamed. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import time
from collections import Counter
from pathlib import Path

import pandas as pd

from newslens import config, counts, kb, load_corpus, marks, pipeline

BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"
RESULTS = Path(__file__).resolve().parent / "results"
_DEFINED = re.compile(r" ?\((?P<a>[A-ZÄÖÜ][\w&.-]{1,9})\)| (?P<b>[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,7})\b")


def split_ids(mentions: pd.DataFrame) -> pd.Series:
    """Entity ids with more than one canonical name, and their names."""
    names = mentions.groupby("entity_id")["canonical"].unique()
    return names[names.str.len() > 1]


def cut_names(mentions: pd.DataFrame, *, top: int = 300) -> list[str]:
    """Canonical names of the ``top`` most mentioned entities that look cut by a genitive rule."""
    plain = mentions[~mentions["compound"]]
    ranked = plain.groupby("entity_id").size().sort_values(ascending=False, kind="stable")
    names = plain.groupby("entity_id")["canonical"].first().loc[ranked.index[:top]]
    written = set(mentions["text"])
    return sorted(n for n in names if n not in written and n + "s" in written)


def lone_first_names(mentions: pd.DataFrame) -> pd.DataFrame:
    """One-word person mentions linked to a person by the first word of a full name that
    their own article never writes (``Olaf`` -> Olaf Scholz in an article without him)."""
    plain = mentions[~mentions["compound"] & (mentions["label"] == "PER")]
    named = set(zip(plain.loc[plain["text"].str.contains(" "), "article_id"],
                    plain.loc[plain["text"].str.contains(" "), "entity_id"], strict=True))
    first = plain["canonical"].str.split().str[0]
    kb_forms = set(zip(*(kb.alias_table()[c] for c in ("surface", "entity_id")), strict=True))
    lone = plain[~plain["text"].str.contains(" ") & plain["canonical"].str.contains(" ")
                 & ((plain["text"] == first) | (plain["text"] == first + "s"))]
    lone = lone[[(t, e) not in kb_forms for t, e in zip(lone["text"], lone["entity_id"],
                                                         strict=True)]]  # Xi: the KB's own
    return lone[[(a, e) not in named for a, e in zip(lone["article_id"], lone["entity_id"],
                                                      strict=True)]]


def shared_names(mentions: pd.DataFrame) -> pd.Series:
    """Plain mentions of the names several KB entities share (``Union``, ``Kongo``), by the
    entity each was given."""
    table = kb.alias_table()
    table = table.assign(label=table["label"].astype(str))
    owners = table.groupby(["surface", "label"])["entity_id"].nunique()
    shared = {surface for surface, _ in owners[owners > 1].index}
    plain = mentions[~mentions["compound"] & mentions["text"].isin(shared)]
    return plain.groupby(["text", "entity_id"]).size()


def abbreviation_definitions(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """In-text definitions ``long (ABBR)`` / ``long ABBR``: one row per occurrence."""
    text_of = dict(zip(sentences["sentence_id"], zip(sentences["start"], sentences["text"],
                                                     strict=True), strict=True))
    rows = []
    plain = mentions[~mentions["compound"] & (mentions["label"] != "PER")]
    for m in plain.itertuples(index=False):
        start, text = text_of[m.sentence_id]
        found = _DEFINED.match(text, m.end - start)
        abbr = found and (found["a"] or found["b"])
        if abbr and abbr[0].lower() == m.text[0].lower() and abbr != m.text:
            rows.append((m.article_id, abbr, m.entity_id, m.canonical))
    return pd.DataFrame(rows, columns=["article_id", "abbr", "entity_id", "canonical"])


def abbreviations_merged(mentions: pd.DataFrame, sentences: pd.DataFrame, *,
                         top: int = 25) -> pd.DataFrame:
    """The ``top`` definitions by articles, with the share of the abbreviation's mentions
    under the long form's entity id."""
    found = abbreviation_definitions(mentions, sentences)
    if found.empty:
        return found
    ranked = (found.groupby(["abbr", "entity_id"]).agg(canonical=("canonical", "first"),
                                                       articles=("article_id", "nunique"))
              .reset_index().sort_values(["articles", "abbr"], ascending=[False, True],
                                         kind="stable"))
    ranked = ranked.drop_duplicates("abbr").head(top)
    text = mentions["text"].where(~mentions["text"].str.endswith("s"),
                                  mentions["text"].str[:-1])
    rows = []
    for d in ranked.itertuples(index=False):
        of_abbr = mentions[(mentions["text"] == d.abbr) | (text == d.abbr)]
        share = float((of_abbr["entity_id"] == d.entity_id).mean()) if len(of_abbr) else 0.0
        rows.append((d.abbr, d.canonical, d.entity_id, d.articles, len(of_abbr), share,
                     share > 0.5))
    return pd.DataFrame(rows, columns=["abbr", "long_form", "entity_id", "articles",
                                       "abbr_mentions", "share_merged", "merged"])


def top_entities(mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *,
                 top: int) -> pd.DataFrame:
    """The ``top`` entities per label as the charts count them by default (plain mentions;
    boilerplate, self-mentions and units left out where marked), with surface forms and two
    evidence sentences."""
    plain = counts.select_mentions(mentions)
    text_of = sentences.set_index("sentence_id")["text"]
    source_of = articles.set_index("article_id")["source"] if "source" in articles else None
    rows = []
    for label in config.LABELS:
        of_label = plain[plain["label"] == label]
        ranked = of_label.groupby("entity_id").size().sort_values(ascending=False,
                                                                   kind="stable")
        for rank, (entity_id, n) in enumerate(ranked.head(top).items(), start=1):
            own = of_label[of_label["entity_id"] == entity_id]
            forms = Counter(own["text"]).most_common(5)
            first = own.drop_duplicates("article_id").sort_values(["article_id", "start"])
            picks = first.iloc[[0, len(first) // 2]] if len(first) > 1 else first
            sources = [source_of.get(a, "") if source_of is not None else ""
                       for a in picks["article_id"]]
            evidence = [f"{m.mention_id} [{src}] {text_of[m.sentence_id]}"
                        for m, src in zip(picks.itertuples(index=False), sources, strict=True)]
            rows.append((label, rank, entity_id, own["canonical"].iloc[0], n,
                         own["article_id"].nunique(),
                         " | ".join(f"{f} ({c})" for f, c in forms), *evidence,
                         *[""] * (2 - len(evidence))))
    return pd.DataFrame(rows, columns=["label", "rank", "entity_id", "canonical", "n_mentions",
                                       "n_articles", "surface_forms", "evidence_1",
                                       "evidence_2"])


def several_labels(mentions: pd.DataFrame) -> pd.DataFrame:
    """Canonical names whose plain mentions carry more than one label: mentions per label and
    in all, the most mentioned first."""
    plain = mentions[~mentions["compound"]]
    table = pd.crosstab(plain["canonical"], plain["label"].astype(str))
    table = table[(table > 0).sum(axis=1) > 1]
    table["all"] = table.sum(axis=1)
    return table.sort_values(["all"], ascending=False, kind="stable")


def kb_links_since(mentions: pd.DataFrame, articles: pd.DataFrame, rev: str, *,
                   sample: int) -> pd.DataFrame:
    """The mentions linked to knowledge-base entries added since git revision `rev`; prints
    their counts, returns a random sample (seed 7) of those in the corpus' second half."""
    old = subprocess.run(["git", "show", f"{rev}:lib/newslens/data/kb.csv"], check=True,
                         capture_output=True, text=True, cwd=Path(__file__).resolve().parent)
    added = set(kb.load_kb().entity_id) - set(pd.read_csv(io.StringIO(old.stdout)).entity_id)
    linked = mentions[mentions["entity_id"].isin(added)]
    second = set(articles["article_id"].iloc[len(articles) // 2:])
    late = linked[linked["article_id"].isin(second)]
    print(f"knowledge-base entries added since {rev}: {len(added)}; mentions linked to them "
          f"{len(linked)} ({linked['entity_id'].nunique()} entries), in the second half "
          f"{len(late)} ({late['entity_id'].nunique()} entries)")
    return late.sample(min(sample, len(late)), random_state=7).sort_values(
        ["article_id", "start"])


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=BENCH)
    p.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    p.add_argument("--limit", type=int, default=None, help="N articles only (after --skip)")
    p.add_argument("--out", type=Path, default=RESULTS / "entities_top30.csv")
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--names-csv", type=Path, help="write entity_id,canonical of every entity id")
    p.add_argument("--kb-since", metavar="REV",
                   help="count and sample the links to knowledge-base entries added since REV")
    p.add_argument("--sample", type=int, default=100)
    args = p.parse_args(argv)

    articles = load_corpus(args.corpus, errors="skip")
    articles = articles.iloc[args.skip:].reset_index(drop=True)
    articles = articles.head(args.limit) if args.limit else articles
    # The spaCy stage from the cache (or computed and cached), then the entity stage timed.
    sentences, raw, keys = pipeline._nlp_stage(articles, model=None, use_cache=True,
                                               options={}, n_process=None, progress=False)
    began, cpu = time.perf_counter(), time.process_time()
    mentions, _ = pipeline._entity_stage(raw, sentences, articles, keys=keys, use_cache=False)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    print(f"corpus: {args.corpus.name}, {len(articles)} articles, {len(mentions)} mentions "
          f"({int((~mentions['compound']).sum())} plain), "
          f"{mentions['entity_id'].nunique()} entity ids")
    print(f"entity stage (canonicalize + entity_table): {seconds:.1f} s wall, {cpu:.1f} s CPU")
    if args.names_csv:
        names = mentions[["entity_id", "canonical"]].drop_duplicates()
        names.sort_values(["entity_id", "canonical"]).to_csv(args.names_csv, index=False)
    boilerplate, _ = pipeline._boilerplate_stage(articles, use_cache=True)
    mentions = marks.mark_mentions(mentions, articles, boilerplate)
    plain = mentions[~mentions["compound"]]
    print("plain mentions left out of the charts by default: "
          + ", ".join(f"{c} {int(plain[c].sum())}" for c in marks.MARK_COLUMNS))
    split = split_ids(mentions)
    print(f"entity ids with several names: {len(split)}"
          + (f" (e.g. {'; '.join(f'{i}: {list(n)}' for i, n in split.head(5).items())})"
             if len(split) else ""))
    cut = cut_names(mentions)
    print(f"names cut by the genitive rule among the 300 most mentioned: {len(cut)}"
          + (f" ({', '.join(cut[:10])})" if cut else ""))
    firsts = lone_first_names(mentions)
    shown = sorted(set(firsts["text"] + " -> " + firsts["canonical"]))[:8]
    print(f"lone first names linked to a person their article does not name in full: "
          f"{len(firsts)}" + (f" (e.g. {', '.join(shown)})" if shown else ""))
    print("names several KB entities share, by the entity given: "
          + "; ".join(f"{t} -> {e} {n}" for (t, e), n in shared_names(mentions).items()))
    labels = several_labels(mentions)
    print(f"names with mentions under several labels: {len(labels)}; the most mentioned:")
    print(labels.head(20).to_string())
    abbr = abbreviations_merged(mentions, sentences)
    merged = int(abbr["merged"].sum()) if len(abbr) else 0
    print(f"in-text abbreviation definitions merged: {merged} of {len(abbr)} "
          f"({merged / max(len(abbr), 1):.0%})")
    with pd.option_context("display.width", 160, "display.max_columns", 10):
        print(abbr.to_string(index=False))
    args.out.parent.mkdir(exist_ok=True)
    table = top_entities(mentions, sentences, articles, top=args.top)
    table.to_csv(args.out, index=False)
    print(f"top {args.top} per label with evidence: {args.out}")
    if args.kb_since:
        drawn = kb_links_since(mentions, articles, args.kb_since, sample=args.sample)
        text = dict(zip(articles["article_id"], articles["text"], strict=True))
        drawn = drawn.assign(context=[
            text[a][max(0, s - 250):e + 250].replace("\n", " ")
            for a, s, e in zip(drawn["article_id"], drawn["start"], drawn["end"], strict=True)])
        out = RESULTS / "kb_links_sample.tsv"
        drawn[["article_id", "start", "end", "label", "entity_id", "canonical", "text",
               "context"]].to_csv(out, sep="\t", index=False)
        print(f"sample of {len(drawn)} second-half links with context: {out}")


if __name__ == "__main__":
    main()
