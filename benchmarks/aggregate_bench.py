"""The notebooks' aggregations on a large mentions table: pandas vs DuckDB on the same Parquet.

    python benchmarks/aggregate_bench.py [--rows 1000000] [--repeat 3] [--synthetic]

The table: the bench corpus's linked mentions when its spaCy stage is in the annotation cache
for the current model, otherwise a synthetic table of ``--rows`` mentions with the columns,
dtypes and proportions of annotated bench articles (35 mentions and 52 sentences an article,
5 % compounds, LOC/PER/ORG/MISC 45/27/23/5 %) and Zipf-distributed entities, from a fixed seed.
It is written as the cache writes its tables (``pq.write_table`` with pyarrow's defaults).

Timed, median of ``--repeat`` runs: (a) pandas: read the Parquet file, then the functions of
``newslens.counts`` the notebooks call; (b) DuckDB: one SQL query per aggregation straight on the
Parquet file; (c) DuckDB on the pandas frame already in memory (what annotate() returns). DuckDB
results are checked against pandas. Prints figures and a verdict; asserts no times. DuckDB is not
a project dependency: without it only pandas is timed (``pip install duckdb`` to compare).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newslens import config, counts

BENCH = config.SHARED_DIR / "data" / "bench" / "german_news_10k.jsonl.gz"
SEED = 20251121
#: DuckDB is worth a dependency only if it makes the counting this much faster, and saves at
#: least this many seconds per report run.
WIN_FACTOR, WIN_SECONDS = 3.0, 1.0
LABEL_SHARES = {"LOC": 0.45, "PER": 0.27, "ORG": 0.23, "MISC": 0.05}


# -- the table ---------------------------------------------------------------------------------


def bench_tables(*, rows: int, synthetic: bool) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """(mentions, articles, description): cached bench annotations if there, else synthetic."""
    if not synthetic:
        found = cached_bench()
        if isinstance(found, tuple):
            return found
        print(f"bench annotations not used: {found}")
    mentions, articles = synthesise(rows=rows, seed=SEED)
    n_entities = mentions["entity_id"].nunique()
    return mentions, articles, (f"synthetic, seed {SEED}: {len(articles):,} articles, "
                                f"{n_entities:,} entities (Zipf s=1.05)")


def cached_bench() -> tuple[pd.DataFrame, pd.DataFrame, str] | str:
    """The bench corpus's annotations if its spaCy stage is fully cached, else the reason."""
    if not BENCH.is_file():
        return f"{BENCH} is absent"
    import newslens
    from newslens import cache, nlp
    from newslens.distributed import nlp_keys

    try:
        articles = newslens.load_corpus(BENCH, errors="skip")
        keys = nlp_keys(articles)
    except nlp.ModelNotFoundError as err:
        return str(err)
    index = cache.ShardStore("nlp", ("sentences", "mentions")).index()
    lacking = int((~keys.isin(index)).sum())
    if lacking:
        return (f"{lacking:,} of {len(articles):,} bench articles are not in the annotation "
                "cache (annotate them first, e.g. with newslens.distributed)")
    mentions = newslens.annotate(articles, progress=False).mentions
    return mentions, articles, f"bench corpus, cached annotations ({len(articles):,} articles)"


def synthesise(*, rows: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A mentions table of ``rows`` rows shaped like annotated news, and its articles table."""
    rng = np.random.default_rng(seed)
    n_articles = max(1, rows // 35)
    length = rng.lognormal(mean=0.0, sigma=0.6, size=n_articles)
    per_article = rng.multinomial(rows, length / length.sum())
    article = np.repeat(np.arange(n_articles), per_article)
    n_sentences = np.maximum(1, np.round(per_article * 1.5)).astype(np.int64)
    sentence = np.floor(rng.random(rows) * n_sentences[article]).astype(np.int64)
    order = np.lexsort((sentence, article))
    article, sentence = article[order], sentence[order]
    first = np.concatenate([[0], np.cumsum(per_article)[:-1]])
    position = np.arange(rows) - first[article]
    entity, names, labels = _zipf_entities(rng, rows=rows, vocabulary=60_000, exponent=1.05)
    ids = np.char.add("syn-", np.char.zfill(np.arange(n_articles).astype(str), 6))
    article_id = ids[article]
    start = position * 40 + sentence * 7
    text = names[entity]
    end = start + np.char.str_len(text)
    mentions = pd.DataFrame({
        "article_id": article_id,
        "sentence_id": np.char.add(np.char.add(article_id, ":s"),
                                   np.char.zfill(sentence.astype(str), 4)),
        "mention_id": _join(article_id, ":", start, "-", end),
        "start": start.astype("int64"), "end": end.astype("int64"), "text": text,
        "label": pd.Categorical(labels[entity], categories=list(config.LABELS)),
        "entity_id": _entity_ids(labels, names)[entity], "canonical": text,
        "compound": rng.random(rows) < 0.05,
    }).astype({c: "str" for c in ("article_id", "sentence_id", "mention_id", "text",
                                  "entity_id", "canonical")})
    days = np.sort(rng.integers(0, 455, size=n_articles))
    articles = pd.DataFrame({
        "article_id": ids.astype(object),
        "published": pd.Timestamp("2020-01-01") + pd.to_timedelta(days, unit="D"),
        "n_words": (per_article * 22 + 50).astype("int64"),
    }).astype({"article_id": "str", "published": "datetime64[ns]"})
    return mentions, articles


def _zipf_entities(rng, *, rows: int, vocabulary: int, exponent: float):
    weights = 1.0 / np.arange(1, vocabulary + 1) ** exponent
    entity = rng.choice(vocabulary, size=rows, p=weights / weights.sum())
    labels = rng.choice(list(LABEL_SHARES), size=vocabulary, p=list(LABEL_SHARES.values()))
    names = np.char.add("Entität ", np.arange(vocabulary).astype(str))
    return entity, names, labels


def _entity_ids(labels: np.ndarray, names: np.ndarray) -> np.ndarray:
    slugs = np.char.replace(np.char.lower(np.char.replace(names, "ä", "ae")), " ", "_")
    return np.char.add(np.char.add(np.char.lower(labels), ":"), slugs)


def _join(*parts) -> np.ndarray:
    out = np.asarray(parts[0]).astype(str)
    for part in parts[1:]:
        out = np.char.add(out, np.asarray(part).astype(str))
    return out


def write_parquet(frame: pd.DataFrame, path: Path) -> Path:
    """Write as the annotation cache does (no index, pyarrow defaults)."""
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
    return path


# -- the aggregations: pandas (newslens.counts) ------------------------------------------------


def top_by_articles(mentions: pd.DataFrame, *, top_n: int = 20) -> pd.DataFrame:
    """The ``top_n`` entities by the number of articles mentioning them (ties: mentions, name)."""
    chosen = counts.select_mentions(mentions)
    table = (chosen.groupby(counts.ENTITY_KEYS, observed=True)
             .agg(n_mentions=("article_id", "size"), n_articles=("article_id", "nunique"))
             .reset_index()
             .sort_values(["n_articles", "n_mentions", "canonical", "entity_id"],
                          ascending=[False, False, True, True], kind="stable"))
    return table.head(top_n).reset_index(drop=True)


PANDAS: dict[str, Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame]] = {
    "top 20 entities by mentions": lambda m, a: counts.top_entities(m, top_n=20),
    "top 20 entities by articles": lambda m, a: top_by_articles(m, top_n=20),
    "entity x article matrix, top 25": lambda m, a: counts.entity_article_matrix(m, a, top_n=25),
    "same-sentence co-occurrence, top 20": lambda m, a: counts.cooccurrence(m, top_n=20),
}

# -- the same in SQL (DuckDB) ------------------------------------------------------------------

_CHOSEN = "chosen AS (SELECT * FROM {m} WHERE NOT compound AND entity_id IS NOT NULL)"
_COUNTED = ("counted AS (SELECT entity_id, canonical, label, count(*) AS n_mentions, "
            "count(DISTINCT article_id) AS n_articles FROM chosen GROUP BY ALL)")
_TOP = ("top AS (SELECT *, row_number() OVER (ORDER BY n_mentions DESC, n_articles DESC, "
        "canonical, entity_id) AS rank FROM counted QUALIFY rank <= {n})")

SQL = {
    "top 20 entities by mentions": f"""
        WITH {_CHOSEN}, {_COUNTED}, {_TOP.format(n=20)}
        SELECT * FROM top ORDER BY rank""",
    "top 20 entities by articles": f"""
        WITH {_CHOSEN}, {_COUNTED}
        SELECT * FROM counted
        ORDER BY n_articles DESC, n_mentions DESC, canonical, entity_id LIMIT 20""",
    "entity x article matrix, top 25": f"""
        WITH {_CHOSEN}, {_COUNTED}, {_TOP.format(n=25)},
        arts AS (SELECT article_id, published,
                 row_number() OVER (ORDER BY published, article_id) - 1 AS article_order
                 FROM {{a}}),
        hits AS (SELECT entity_id, article_id, count(*) AS n FROM chosen
                 WHERE entity_id IN (SELECT entity_id FROM top) GROUP BY ALL),
        grid AS (SELECT t.entity_id, t.canonical, t.label, t.n_mentions AS total, a.article_id,
                 a.published, a.article_order, coalesce(h.n, 0) AS n_mentions
                 FROM top t CROSS JOIN arts a
                 LEFT JOIN hits h ON h.entity_id = t.entity_id AND h.article_id = a.article_id),
        seriated AS (SELECT entity_id, row_number() OVER (ORDER BY centre, total DESC,
                     entity_id) - 1 AS entity_order
                     FROM (SELECT entity_id, any_value(total) AS total,
                           round(sum(n_mentions * article_order) / any_value(total), 6) AS centre
                           FROM grid GROUP BY entity_id))
        SELECT g.entity_id, g.canonical, g.label, g.article_id, g.published, g.n_mentions,
               s.entity_order, g.article_order
        FROM grid g JOIN seriated s USING (entity_id) ORDER BY entity_order, article_order""",
    "same-sentence co-occurrence, top 20": f"""
        WITH {_CHOSEN}, {_COUNTED}, {_TOP.format(n=20)},
        pairs_in AS (SELECT DISTINCT sentence_id, entity_id FROM chosen
                     WHERE entity_id IN (SELECT entity_id FROM top)),
        pairs AS (SELECT x.entity_id AS entity_a, y.entity_id AS entity_b, count(*) AS n
                  FROM pairs_in x JOIN pairs_in y USING (sentence_id) GROUP BY ALL)
        SELECT ta.entity_id AS entity_a, ta.canonical AS canonical_a, tb.entity_id AS entity_b,
               tb.canonical AS canonical_b, coalesce(p.n, 0) AS n_sentences
        FROM top ta CROSS JOIN top tb
        LEFT JOIN pairs p ON p.entity_a = ta.entity_id AND p.entity_b = tb.entity_id
        ORDER BY ta.rank, tb.rank""",
}


def duckdb_query(con, name: str, *, mentions: str, articles: str) -> pd.DataFrame:
    """Run one aggregation on the relations ``mentions`` and ``articles`` (tables or files)."""
    return con.sql(SQL[name].format(m=mentions, a=articles)).df()


def same(duck: pd.DataFrame, ref: pd.DataFrame) -> bool:
    """Whether DuckDB's table has pandas's rows and values (dtypes aside)."""
    try:
        duck = duck[list(ref.columns)].astype({c: str(t) for c, t in ref.dtypes.items()
                                               if str(t) != "category"})
        pd.testing.assert_frame_equal(duck.reset_index(drop=True), ref, check_dtype=False,
                                      check_categorical=False)
    except (AssertionError, KeyError, ValueError, TypeError):
        return False
    return True


# -- timing ------------------------------------------------------------------------------------


def median_seconds(work: Callable[[], object], *, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="synthetic mentions")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--synthetic", action="store_true", help="skip the bench corpus")
    args = parser.parse_args()
    try:
        import duckdb
    except ImportError:
        duckdb = None
        print("duckdb is not installed: timing pandas only (pip install duckdb to compare)")

    mentions, articles, source = bench_tables(rows=args.rows, synthetic=args.synthetic)
    with tempfile.TemporaryDirectory(prefix="newslens-aggbench-") as folder:
        m_path = write_parquet(mentions, Path(folder) / "mentions.parquet")
        a_path = write_parquet(articles, Path(folder) / "articles.parquet")
        size = m_path.stat().st_size / 1e6
        print(f"mentions: {len(mentions):,} rows, {size:.1f} MB Parquet ({source})")
        print(f"median of {args.repeat} runs, seconds; {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f} at start; pandas {pd.__version__}"
              + (f", duckdb {duckdb.__version__} ({_threads(duckdb)} threads)" if duckdb else ""))
        rows = run_all(duckdb, m_path, a_path, repeat=args.repeat)
    print_table(rows)
    print(verdict(rows, have_duckdb=duckdb is not None))
    return 0


def run_all(duckdb, m_path: Path, a_path: Path, *, repeat: int) -> list[dict]:
    read, mentions = median_seconds(lambda: pd.read_parquet(m_path), repeat=repeat)
    articles = pd.read_parquet(a_path)
    rows = [{"step": "read mentions.parquet (pandas)", "pandas": read}]
    con = duckdb.connect() if duckdb else None
    files = {"mentions": f"read_parquet('{m_path}')", "articles": f"read_parquet('{a_path}')"}
    if con is not None:
        con.register("m_frame", mentions)
        con.register("a_frame", articles)
    for name, work in PANDAS.items():
        seconds, ref = median_seconds(lambda w=work: w(mentions, articles), repeat=repeat)
        row = {"step": name, "pandas": seconds}
        if con is not None:
            row["duckdb_parquet"], on_file = median_seconds(
                lambda n=name: duckdb_query(con, n, **files), repeat=repeat)
            row["duckdb_frame"], on_frame = median_seconds(
                lambda n=name: duckdb_query(con, n, mentions="m_frame", articles="a_frame"),
                repeat=repeat)
            row["same"] = same(on_file, ref) and same(on_frame, ref)
        rows.append(row)
    return rows


def _threads(duckdb) -> str:
    return duckdb.connect().sql("SELECT current_setting('threads')").fetchall()[0][0]


def print_table(rows: list[dict]) -> None:
    print(f"{'step':<38}{'pandas':>9}{'duckdb/parquet':>16}{'duckdb/frame':>14}{'same':>6}")
    for row in rows:
        cells = [_fmt(row.get(k)) for k in ("pandas", "duckdb_parquet", "duckdb_frame")]
        same_cell = {True: "yes", False: "NO", None: ""}[row.get("same")]
        print(f"{row['step']:<38}{cells[0]:>9}{cells[1]:>16}{cells[2]:>14}{same_cell:>6}")
    totals = _totals(rows)
    print(f"{'total: read + the four aggregations':<38}" + "".join(
        f"{_fmt(totals.get(k)):>{w}}" for k, w in
        (("pandas", 9), ("duckdb_parquet", 16), ("duckdb_frame", 14))))


def _totals(rows: list[dict]) -> dict:
    pandas_total = sum(r["pandas"] for r in rows)
    if "duckdb_parquet" not in rows[-1]:
        return {"pandas": pandas_total}
    return {"pandas": pandas_total,
            "duckdb_parquet": sum(r.get("duckdb_parquet", 0.0) for r in rows),
            # the frame is in memory because pandas read it: count that read here too
            "duckdb_frame": rows[0]["pandas"] + sum(r.get("duckdb_frame", 0.0) for r in rows)}


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def verdict(rows: list[dict], *, have_duckdb: bool) -> str:
    totals = _totals(rows)
    if not have_duckdb:
        return f"verdict: pandas takes {totals['pandas']:.2f} s; DuckDB not measured"
    if not all(r.get("same", True) for r in rows):
        return "verdict: DuckDB's tables differ from pandas's: no comparison of times"
    best = min(totals["duckdb_parquet"], totals["duckdb_frame"])
    factor, saved = totals["pandas"] / best, totals["pandas"] - best
    winner = factor >= WIN_FACTOR and saved >= WIN_SECONDS
    return (f"verdict: DuckDB {factor:.1f}x pandas ({best:.2f} s vs {totals['pandas']:.2f} s, "
            f"saves {saved:.2f} s a run): "
            + ("adopt DuckDB for counting" if winner else
               f"keep pandas (a dependency needs >= {WIN_FACTOR:.0f}x and >= {WIN_SECONDS:.0f} s)"))


if __name__ == "__main__":
    sys.exit(main())
