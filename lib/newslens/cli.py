"""The ``newslens`` command: annotate a corpus into a data package, explain a number, render
the reports, manage the cache.

    newslens annotate CORPUS --out DIR [--format csv] [--with-text]
    newslens explain CORPUS --entity NAME | --event ID | --quote ID | --speaker NAME
    newslens report [--corpus PATH] [--figures DIR] [--reports DIR]
    newslens cache clear | path

Exit codes: 0 done; 1 a run failed (a notebook, writing the package); 2 wrong usage or bad
input (a corpus that cannot be read, an unknown entity, event or quotation), with a message
that names the problem. Progress bars show only on a terminal.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input named for the user: printed as ``newslens: error: ...``, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    from newslens import __version__

    parser = argparse.ArgumentParser(
        prog="newslens", description="German news articles to tidy, documented tables.",
        epilog="Run 'newslens COMMAND --help' for the options of a command.")
    parser.add_argument("--version", action="version", version=f"newslens {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    annotate = commands.add_parser(
        "annotate", help="annotate a corpus and write every table as a data package",
        description="Annotate CORPUS (using the cache) and write its tables to DIR as a "
                    "Frictionless Data Package: one Parquet (or CSV) file per table and "
                    "datapackage.json describing every column, the keys and the run.")
    _corpus_options(annotate)
    annotate.add_argument("--out", required=True, metavar="DIR",
                          help="package folder (created, or replaced if it holds a package)")
    annotate.add_argument("--format", choices=("parquet", "csv"), default="parquet",
                          help="file format of the tables (default: parquet)")
    annotate.add_argument("--with-text", action="store_true",
                          help="include the full article text in the articles table")

    explain = commands.add_parser(
        "explain", help="print the sentences behind an entity, an event or a quotation",
        description="Print the sentences behind a number: every mention of an entity, every "
                    "report of an event, a quotation or a speaker's quotations, with article, "
                    "date and offsets.")
    _corpus_options(explain)
    which = explain.add_mutually_exclusive_group(required=True)
    which.add_argument("--entity", metavar="NAME", help="entity id or canonical name")
    which.add_argument("--event", metavar="ID",
                       help="event id (events.event_id) or event mention id")
    which.add_argument("--quote", metavar="ID", help="quotation id (quotes.quote_id)")
    which.add_argument("--speaker", metavar="NAME",
                       help="every quotation of a speaker (entity id, canonical name or as "
                            "written)")
    explain.add_argument("--limit", type=int, default=50, metavar="N",
                         help="print at most N rows (default 50; 0 for all)")
    explain.add_argument("--csv", action="store_true",
                         help="print all rows as CSV instead of a readable table")

    report = commands.add_parser(
        "report", help="run every notebook and render the reports (what make report runs)",
        description="Annotate the corpus once, run every notebook with papermill and render "
                    "them to HTML (code hidden); charts go to the figures folder.")
    report.add_argument("--corpus", help="corpus folder or file (default: the seeds)")
    report.add_argument("--figures", metavar="DIR", help="figures folder (default: figures/)")
    report.add_argument("--reports", metavar="DIR", help="reports folder (default: reports/)")
    report.add_argument("--jobs", type=int, metavar="N",
                        help="notebooks run at once (default: one per core)")

    cache = commands.add_parser("cache", help="the annotation cache: clear it or print where",
                                description="Manage the annotation cache ($NEWSLENS_CACHE).")
    cache.add_argument("action", choices=("clear", "path"),
                       help="clear: delete the cache folder; path: print where it is")
    # The names `python -m newslens` has always had (make clear-cache uses the first).
    commands.add_parser("clear-cache", help="same as 'cache clear'")
    commands.add_parser("cache-path", help="same as 'cache path'")
    return parser


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", metavar="CORPUS",
                        help="folder of seed-format .txt files, or a JSON Lines/CSV/Parquet "
                             "file (.gz allowed), or a folder of such files")
    parser.add_argument("--model", help="spaCy pipeline (default: the shipped de_newslens)")
    parser.add_argument("--date-from", metavar="YYYY-MM-DD", help="first publication day")
    parser.add_argument("--date-to", metavar="YYYY-MM-DD", help="last publication day")
    parser.add_argument("--skip-bad", action="store_true",
                        help="skip unreadable records (listed in the skipped table) instead "
                             "of stopping at the first")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"annotate": _annotate, "explain": _explain, "report": _report,
               "cache": _cache, "clear-cache": _cache, "cache-path": _cache}[args.command]
    if args.command != "cache":
        args.action = {"clear-cache": "clear", "cache-path": "path"}.get(args.command)
    try:
        return handler(args)
    except UsageError as err:
        print(f"newslens {args.command}: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newslens: interrupted", file=sys.stderr)
        return 130


# -- commands ----------------------------------------------------------------------------------


def _annotate(args: argparse.Namespace) -> int:
    from newslens.datapackage import PackageError, check_target, write_package

    try:
        check_target(Path(args.out))  # before the annotation, which may take minutes
    except PackageError as err:
        raise UsageError(str(err)) from err
    ann = _annotations(args)
    names = _table_names()
    with _progress(len(names), "writing tables") as bar:
        try:
            path = write_package(ann, args.out, corpus=args.corpus, fmt=args.format,
                                 with_text=args.with_text, on_table=lambda _: bar.update(1))
        except PackageError as err:
            raise UsageError(str(err)) from err
        except OSError as err:
            print(f"newslens annotate: error: writing {args.out} failed: {err}; an earlier "
                  "package there is unchanged", file=sys.stderr)
            return EXIT_FAILED
    skipped = len(ann.skipped)
    print(f"{len(ann.articles)} articles, {len(ann.mentions)} mentions, "
          f"{len(ann.entities)} entities"
          + (f", {skipped} records skipped" if skipped else "")
          + f" -> {path}")
    return 0


def _explain(args: argparse.Namespace) -> int:
    import newslens as nl

    if (args.quote is not None or args.speaker is not None) and not _has_quotes():
        raise UsageError("quotations are not available: this version of newslens has no "
                         "quotes table (newslens annotate lists the tables it writes)")
    ann = _annotations(args)
    if args.entity is not None:
        try:
            rows = nl.explain(ann, entity=args.entity)
        except KeyError as err:
            candidates = ann.entities["canonical"].astype(str).tolist()
            raise UsageError(_unknown("entity", args.entity, candidates,
                                      ann.entities["entity_id"].astype(str).tolist())) from err
        focus = "mention"
    elif args.event is not None:
        try:
            rows = nl.explain(ann, event=args.event)
        except KeyError as err:
            raise UsageError(_unknown("event", args.event, _event_ids(ann))) from err
        focus = "mention"
    elif args.quote is not None:
        try:
            rows = nl.explain(ann, quote=args.quote)
        except KeyError as err:
            raise UsageError(_unknown("quotation", args.quote,
                                      ann.quotes["quote_id"].astype(str).tolist())) from err
        focus = "mention"
    else:
        try:
            rows = nl.explain(ann, speaker=args.speaker)
        except KeyError as err:
            names = ann.quotes["speaker"].dropna().astype(str).unique().tolist()
            raise UsageError(_unknown("speaker", args.speaker, names)) from err
        focus = "mention"
    if args.csv:
        rows.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(format_rows(rows, focus=focus, limit=args.limit,
                          width=shutil.get_terminal_size((100, 24)).columns))
    return 0


def _report(args: argparse.Namespace) -> int:
    from newslens import report

    argv = []
    for option in ("corpus", "figures", "reports", "jobs"):
        value = getattr(args, option)
        if value is not None:
            argv += [f"--{option}", str(value)]
    if args.corpus is not None and not Path(args.corpus).exists():
        raise UsageError(f"corpus {args.corpus} does not exist")
    return EXIT_FAILED if report.main(argv) else 0


def _cache(args: argparse.Namespace) -> int:
    from newslens import cache

    if args.action == "clear":
        print(f"cleared {cache.clear()}")
    else:
        print(cache.cache_root())
    return 0


# -- helpers -----------------------------------------------------------------------------------


def _annotations(args: argparse.Namespace):
    """Load, select and annotate the corpus; corpus problems become a :class:`UsageError`."""
    from newslens import annotate, load_corpus, select_articles
    from newslens.corpus import CorpusError
    from newslens.nlp import ModelNotFoundError

    path = Path(args.corpus)
    if not path.exists():
        raise UsageError(f"corpus {path} does not exist (give a folder of .txt files or a "
                         ".jsonl, .csv or .parquet file)")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            articles = load_corpus(path, errors="skip" if args.skip_bad else "raise")
        for warning in caught:
            print(f"newslens: {warning.message}", file=sys.stderr)
        articles = select_articles(articles, date_from=args.date_from, date_to=args.date_to)
    except CorpusError as err:
        hint = "" if args.skip_bad else " (--skip-bad skips bad records and lists them)"
        raise UsageError(f"{err}{hint}") from err
    except ValueError as err:  # a date option that does not parse
        raise UsageError(f"--date-from/--date-to: {err}") from err
    if articles.empty:
        raise UsageError(f"no articles in {path} published between "
                         f"{args.date_from or 'the start'} and {args.date_to or 'the end'}")
    try:
        return annotate(articles, model=args.model)
    except ModelNotFoundError as err:
        raise UsageError(str(err)) from err


def _table_names() -> list[str]:
    from newslens.pipeline import RESULT_TABLES

    return ["articles", *RESULT_TABLES, "skipped"]


def _has_quotes() -> bool:
    return "quotes" in _table_names()


def _event_ids(ann) -> list[str]:
    ids = []
    for name in ("events", "event_mentions"):
        frame = getattr(ann, name, None)
        if isinstance(frame, pd.DataFrame) and len(frame.columns):
            ids += frame.iloc[:, 0].astype(str).tolist()
    return ids


def _unknown(kind: str, name: str, candidates: list[str], more: list[str] = ()) -> str:
    from newslens.schema import close_names

    close = close_names(name, candidates) or close_names(name, list(more))
    message = f"no {kind} {name!r} in this corpus"
    if close:
        message += "; did you mean " + ", ".join(repr(c) for c in close) + "?"
    return message


def format_rows(rows: pd.DataFrame, *, focus: str = "mention", limit: int = 50,
                width: int = 100) -> str:
    """Evidence rows as a readable table: one header line per row (date, article, offsets,
    the mention) and the sentence below it, wrapped, with the mention marked [like this]."""
    if rows.empty:
        return "no sentences"
    shown = rows if limit <= 0 else rows.head(limit)
    width = max(40, width)
    blocks = []
    for row in shown.itertuples(index=False):
        row = row._asdict()
        published = pd.Timestamp(row["published"]).strftime("%Y-%m-%d")
        head = f"{published}  {row['article_id']}  {row['start']}-{row['end']}"
        if focus in row and pd.notna(row[focus]):
            shown_focus = str(row[focus])
            head += "  " + (shown_focus if len(shown_focus) <= 60 else shown_focus[:59] + "…")
        blocks.append(head + "\n" + textwrap.fill(
            _marked(row), width=width, initial_indent="    ", subsequent_indent="    "))
    footer = f"{len(rows)} row(s)"
    if len(shown) < len(rows):
        footer += f", first {len(shown)} shown (--limit 0 for all, --csv for a table)"
    return "\n\n".join(blocks) + "\n\n" + footer


def _marked(row: dict) -> str:
    """The sentence with the mention bracketed (its first occurrence in the sentence)."""
    sentence, mention = str(row["sentence"]), str(row.get("mention") or "")
    at = sentence.find(mention) if mention else -1
    if at < 0:
        return sentence
    return f"{sentence[:at]}[{mention}]{sentence[at + len(mention):]}"


class _progress:
    """A tqdm bar on a terminal, nothing elsewhere."""

    def __init__(self, total: int, desc: str):
        from newslens.pipeline import _show_progress

        self.bar = None
        if _show_progress(None):
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=desc, unit="table", file=sys.stderr)

    def __enter__(self):
        return self

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()


if __name__ == "__main__":
    sys.exit(main())
