"""The curated entity knowledge base (``data/kb.csv``) and the role lexicon (``data/roles.csv``).

The KB lists one row per entity with its canonical German name, NoSta-D label, a coarse kind and
the surface forms German news use for it (inflected forms, spellings, transliterations, short
forms used inside compounds). Canonicalisation looks surfaces up in :func:`alias_table`; the
role lexicon lists titles and role nouns ("US-Präsident", "Kremlchef") that stay outside entity
spans, with the entity a role word embeds, if any.

Both files are validated on load: every problem is reported with the file, the line and what was
expected, so a bad edit fails loudly instead of silently mis-linking names.
"""

from __future__ import annotations

import csv
import functools
import gzip
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from newslens import config

KB_FILE = "kb.csv"
ROLES_FILE = "roles.csv"
#: German common nouns that are never names (``training/common_nouns.py``; Wiktionary).
COMMON_NOUNS_FILE = "common_nouns.txt.gz"

#: Required KB columns, in file order.
KB_COLUMNS = ("entity_id", "canonical", "label", "kind", "aliases", "description")
#: Optional KB columns: ``country`` (entity_id of the country an entity belongs to, where one
#: clearly applies), ``capital_of`` (``|``-separated ids of the countries or regions whose
#: capital the row is; a city state names itself), ``former_names`` (``|``-separated
#: ``Name<YYYY-MM-DD``: a name the entity bore before that day, e.g. ``Twitter<2023-07-24`` for
#: X; a former name is also an alias) and ``wikidata`` (the entity's Wikidata item, ``Q...``,
#: where known with confidence; blank otherwise).
KB_OPTIONAL_COLUMNS = ("country", "capital_of", "former_names", "wikidata")
ROLE_COLUMNS = ("role", "entity_id")
ROLE_OPTIONAL_COLUMNS = ("kind",)

#: The closed set of kinds (coarser than a type system, enough to filter and to require context).
KINDS = (
    "country", "capital", "city", "region", "continent",
    "head_of_state", "head_of_government", "foreign_minister", "politician",
    "international_org", "institution", "government_body", "party",
    "agency", "outlet", "platform", "company", "other",
)
#: Kinds of role words: an office or title of office, a function relative to someone, an
#: honorific, a characterising noun, or a medium noun that precedes an organisation's name.
ROLE_KINDS = (
    "office", "function", "honorific", "descriptor", "medium", "place", "product", "organisation",
)
#: Kinds a ``capital_of`` value may point at.
CAPITAL_TARGET_KINDS = ("country", "region")

ALIAS_SEP = "|"

#: Surfaces that several entities of one label may legitimately share. A KB with any other shared
#: surface is rejected: the linker chooses between such entities by what the article names
#: besides (:func:`newslens.names.resolve_shared_aliases`), and a surface alone cannot.
AMBIGUOUS_ALIASES: dict[tuple[str, str], frozenset[str]] = {
    # "Kongo" alone names either state (news mostly mean the Democratic Republic).
    ("Kongo", "LOC"): frozenset({"loc:demokratische_republik_kongo", "loc:republik_kongo"}),
    ("Kongos", "LOC"): frozenset({"loc:demokratische_republik_kongo", "loc:republik_kongo"}),
    # "die Union" is the CDU/CSU in German politics and the EU in European affairs.
    ("Union", "ORG"): frozenset({"org:cdu_csu", "org:eu"}),
}

# Letters NFKD does not decompose; everything else loses its accents (é -> e).
_FOLD = str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
    "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
})
#: Cyrillic letters in German (Duden) transliteration, the spelling German news uses for
#: Russian and Ukrainian names (Путин -> putin, Шойгу -> schoigu, Лавров -> lawrow).
_CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "jo", "є": "je",
    "ж": "sch", "з": "s", "и": "i", "і": "i", "ї": "ji", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch",
    "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "ju", "я": "ja",
})
_FORMER = re.compile(r"(?P<name>[^<|]+)<(?P<until>\d{4}-\d{2}-\d{2})")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
#: Anything but a letter or digit (of any script) ends a slug part.
_NON_ALNUM = re.compile(r"[\W_]+")


class KBError(ValueError):
    """A knowledge-base or role-lexicon file that breaks the rules, with every problem found.

    ``problems`` is a list of ``(line, message)``; ``line`` is the 1-based line in ``path``
    (the header is line 1) or ``None`` for problems of the file as a whole.
    """

    def __init__(self, path: str | Path, problems: Iterable[tuple[int | None, str]]):
        self.path = str(path)
        self.problems = list(problems)
        lines = [
            f"{self.path}:{line}: {msg}" if line is not None else f"{self.path}: {msg}"
            for line, msg in self.problems
        ]
        super().__init__("\n".join(lines))


def slugify(canonical: str, label: str) -> str:
    """The entity_id of a canonical name: ``"<label lower>:<slug>"`` (docs/CONVENTIONS.md).

    Lowercase ASCII, umlauts folded (ä -> ae, ß -> ss), other accents stripped (é -> e), Cyrillic
    transliterated as German does (ш -> sch), runs of anything but letters and digits -> ``_``:
    ``slugify("Weißes Haus", "ORG") == "org:weisses_haus"``. Letters of other scripts (a name
    in Chinese or Arabic script found by the NER in an article) are kept as they are, lowercased.
    """
    if label not in config.LABELS:
        raise ValueError(f"label {label!r}: expected one of {', '.join(config.LABELS)}")
    folded = unicodedata.normalize("NFC", canonical).lower().translate(_FOLD).translate(_CYRILLIC)
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
    )
    slug = _NON_ALNUM.sub("_", stripped).strip("_")
    if not slug:
        raise ValueError(f"canonical {canonical!r}: no letters or digits to build a slug from")
    return f"{label.lower()}:{slug}"


def split_aliases(value: str) -> list[str]:
    """The surface forms of an ``aliases`` cell (``|``-separated; empty cell -> none)."""
    return value.split(ALIAS_SEP) if value else []


def split_former_names(value: str) -> list[tuple[str, pd.Timestamp]]:
    """``(name, until)`` of a ``former_names`` cell: the name was used before day ``until``.

    Sorted by ``until``; raises ValueError on a part that is not ``Name<YYYY-MM-DD``.
    """
    names = []
    for part in split_aliases(value):
        match = _FORMER.fullmatch(part)
        if match is None or match["name"] != match["name"].strip():
            raise ValueError(f"former name {part!r}; expected 'Name<YYYY-MM-DD' (the name "
                             "was used before that day)")
        names.append((match["name"], pd.Timestamp(match["until"])))
    return sorted(names, key=lambda nu: nu[1])


def name_at(canonical: str, former: list[tuple[str, pd.Timestamp]],
            day: pd.Timestamp | None) -> str:
    """The name an entity bore on ``day`` (its canonical name after every change).

    Without a day, where the entity was renamed: ``"X (Twitter)"``, never a guess.
    """
    if not former:
        return canonical
    if day is None or pd.isna(day):
        return f"{canonical} ({former[-1][0]})"
    day = pd.Timestamp(day)
    day = day.tz_localize(None) if day.tzinfo else day
    return next((name for name, until in former if day < until), canonical)


# --- reading -------------------------------------------------------------------------------


def _read_rows(path: Path, required: tuple[str, ...], optional: tuple[str, ...],
               ) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """CSV records of ``path`` with the line each starts on; header problems raise KBError."""
    if not path.is_file():
        raise KBError(path, [(None, "file not found")])
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            raise KBError(path, [(None, "empty file; expected a header line")]) from None
        header = [h.strip().lstrip("\ufeff") for h in header]
        missing = [c for c in required if c not in header]
        unknown = [c for c in header if c not in required + optional]
        problems: list[tuple[int | None, str]] = []
        if missing:
            problems.append((1, f"missing column(s) {', '.join(missing)}; "
                                f"expected {', '.join(required)}"))
        if unknown:
            problems.append((1, f"unknown column(s) {', '.join(unknown)}; "
                                f"allowed optional: {', '.join(optional) or 'none'}"))
        if len(set(header)) != len(header):
            problems.append((1, "duplicate column names"))
        if problems:
            raise KBError(path, problems)
        rows: list[tuple[int, dict[str, str]]] = []
        bad: list[tuple[int | None, str]] = []
        end = reader.line_num
        for record in reader:
            start, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                bad.append((start, f"{len(record)} fields; expected {len(header)} "
                                   f"({', '.join(header)})"))
                continue
            rows.append((start, dict(zip(header, record, strict=True))))
        if bad:
            raise KBError(path, bad)
    return header, rows


def _check_text(value: str, column: str, line: int, problems: list, *, required: bool) -> None:
    if required and not value:
        problems.append((line, f"empty {column}"))
    elif value != value.strip():
        problems.append((line, f"{column} {value!r} has leading or trailing whitespace"))


def _default(path: str | Path | None, name: str) -> Path:
    return Path(path) if path is not None else config.DATA_DIR / name


def load_kb(path: str | Path | None = None) -> pd.DataFrame:
    """The validated knowledge base, one row per entity, sorted by ``entity_id``.

    Columns: ``entity_id, canonical, label`` (category), ``kind`` (category), ``aliases`` (the
    ``|``-separated cell as written), ``description``, and ``country, capital_of,
    former_names, wikidata`` ("" where not given). Parsed once per file version (cached on
    path, size and mtime); each call returns a fresh copy. Raises :class:`KBError` naming the
    file and line of every problem.
    """
    p = _default(path, KB_FILE).resolve()
    key = (p.stat().st_mtime_ns, p.stat().st_size) if p.is_file() else (0, 0)
    return _load_kb_cached(p, *key).copy()


@functools.lru_cache(maxsize=8)
def _load_kb_cached(path: Path, _mtime_ns: int, _size: int) -> pd.DataFrame:
    _, rows = _read_rows(path, KB_COLUMNS, KB_OPTIONAL_COLUMNS)
    problems: list[tuple[int | None, str]] = []
    first_line: dict[str, int] = {}
    first_item: dict[str, int] = {}
    records = []
    for line, row in rows:
        for col in KB_COLUMNS + KB_OPTIONAL_COLUMNS:
            row.setdefault(col, "")
            _check_text(row[col], col, line, problems,
                        required=col in ("entity_id", "canonical", "label", "kind",
                                         "description"))
        eid, canonical, label, kind = (row[c] for c in ("entity_id", "canonical", "label", "kind"))
        if label and label not in config.LABELS:
            problems.append((line, f"label {label!r}; expected one of "
                                   f"{', '.join(config.LABELS)}"))
        if kind and kind not in KINDS:
            problems.append((line, f"kind {kind!r}; expected one of {', '.join(KINDS)}"))
        if eid in first_line:
            problems.append((line, f"duplicate entity_id {eid!r} (first on line "
                                   f"{first_line[eid]})"))
        elif eid:
            first_line[eid] = line
        if canonical and label in config.LABELS:
            expected = slugify(canonical, label)
            if eid and eid != expected:
                problems.append((line, f"entity_id {eid!r} does not match canonical "
                                       f"{canonical!r} and label {label}; expected {expected!r}"))
        try:
            former = [name for name, _ in split_former_names(row["former_names"])]
        except ValueError as err:
            problems.append((line, str(err)))
            former = []
        if row["wikidata"] and not _WIKIDATA.fullmatch(row["wikidata"]):
            problems.append((line, f"wikidata {row['wikidata']!r}; expected an item id "
                                   "such as 'Q64' (or blank)"))
        elif row["wikidata"] in first_item:
            problems.append((line, f"wikidata {row['wikidata']!r} also on line "
                                   f"{first_item[row['wikidata']]}"))
        elif row["wikidata"]:
            first_item[row["wikidata"]] = line
        aliases = split_aliases(row["aliases"]) + former
        seen: set[str] = set()
        for alias in aliases:
            if not alias or alias != alias.strip():
                problems.append((line, f"alias {alias!r} is empty or has outer whitespace "
                                       f"(aliases are separated by {ALIAS_SEP!r} only)"))
            elif alias in seen:
                problems.append((line, f"alias {alias!r} listed twice"))
            seen.add(alias)
        records.append((line, row))

    # References: country -> a country row; capital_of -> country or region rows.
    kinds = {row["entity_id"]: row["kind"] for _, row in records}
    for line, row in records:
        if row["country"] and kinds.get(row["country"]) != "country":
            problems.append((line, f"country {row['country']!r} is not the entity_id of a "
                                   f"row with kind 'country'"))
        for target in split_aliases(row["capital_of"]):
            if kinds.get(target) not in CAPITAL_TARGET_KINDS:
                problems.append((line, f"capital_of {target!r} is not the entity_id of a row "
                                       f"with kind {' or '.join(CAPITAL_TARGET_KINDS)}"))

    # Same-label surfaces shared by different entities, unless allow-listed.
    claims: dict[tuple[str, str], dict[str, int]] = {}
    for line, row in records:
        for surface in {row["canonical"], *_surfaces(row)}:
            if surface:
                claims.setdefault((surface, row["label"]), {}).setdefault(row["entity_id"], line)
    for (surface, label), owners in sorted(claims.items()):
        if len(owners) > 1 and set(owners) - AMBIGUOUS_ALIASES.get((surface, label), frozenset()):
            where = ", ".join(f"{eid} (line {ln})" for eid, ln in sorted(owners.items(),
                                                                         key=lambda kv: kv[1]))
            problems.append((max(owners.values()), f"surface {surface!r} ({label}) claimed by "
                                                   f"{where}; add it to AMBIGUOUS_ALIASES if "
                                                   f"intended"))
    if problems:
        raise KBError(path, sorted(problems, key=lambda p: (p[0] or 0, p[1])))

    columns = KB_COLUMNS + KB_OPTIONAL_COLUMNS
    kb = pd.DataFrame([{c: row[c] for c in columns} for _, row in records], columns=columns)
    kb = kb.sort_values("entity_id", kind="stable").reset_index(drop=True)
    kb["label"] = pd.Categorical(kb["label"], categories=list(config.LABELS))
    kb["kind"] = pd.Categorical(kb["kind"], categories=list(KINDS))
    return kb


def alias_table(kb: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (surface form, entity): ``surface, entity_id, canonical, label``.

    The canonical name is itself a surface. Sorted by ``surface, entity_id``; a surface maps to
    more than one entity only across labels or where :data:`AMBIGUOUS_ALIASES` allows it.
    """
    kb = load_kb() if kb is None else kb
    rows = [
        (surface, r.entity_id, r.canonical, r.label)
        for r in kb.itertuples(index=False)
        for surface in [r.canonical, *_surfaces(r._asdict())]
    ]
    table = pd.DataFrame(rows, columns=["surface", "entity_id", "canonical", "label"])
    table = table.drop_duplicates(["surface", "entity_id"])
    table = table.sort_values(["surface", "entity_id"], kind="stable").reset_index(drop=True)
    table["label"] = pd.Categorical(table["label"], categories=list(config.LABELS))
    return table


def _surfaces(row: dict) -> list[str]:
    """The aliases and former names of a KB row (a row without ``former_names`` has none)."""
    try:
        former = split_former_names(row.get("former_names") or "")
    except ValueError:  # reported by load_kb with its line
        former = []
    return [*split_aliases(row["aliases"] or ""), *(name for name, _ in former)]


def load_roles(path: str | Path | None = None, *, kb: pd.DataFrame | None = None,
               ) -> pd.DataFrame:
    """The validated role lexicon: ``role, entity_id, kind``, sorted by ``role``.

    ``entity_id`` is the entity a role word embeds ("Kremlchef" -> ``org:kreml``) or "". Each id
    must exist in ``kb`` (default: :func:`load_kb`). Raises :class:`KBError` naming file and line.
    """
    p = _default(path, ROLES_FILE).resolve()
    key = (p.stat().st_mtime_ns, p.stat().st_size) if p.is_file() else (0, 0)
    roles, lines = _load_roles_cached(p, *key)
    kb = load_kb() if kb is None else kb
    known = set(kb["entity_id"])
    unknown = [(line, f"entity_id {eid!r} is not in the knowledge base")
               for line, eid in zip(lines, roles["entity_id"], strict=True)
               if eid and eid not in known]
    if unknown:
        raise KBError(p, sorted(unknown))
    return roles.copy()


@functools.lru_cache(maxsize=8)
def _load_roles_cached(path: Path, _mtime_ns: int, _size: int,
                       ) -> tuple[pd.DataFrame, tuple[int, ...]]:
    _, rows = _read_rows(path, ROLE_COLUMNS, ROLE_OPTIONAL_COLUMNS)
    problems: list[tuple[int | None, str]] = []
    first_line: dict[str, int] = {}
    for line, row in rows:
        row.setdefault("kind", "")
        for col in ROLE_COLUMNS + ROLE_OPTIONAL_COLUMNS:
            _check_text(row[col], col, line, problems, required=col == "role")
        if row["role"] in first_line:
            problems.append((line, f"duplicate role {row['role']!r} (first on line "
                                   f"{first_line[row['role']]})"))
        else:
            first_line[row["role"]] = line
        if row["kind"] and row["kind"] not in ROLE_KINDS:
            problems.append((line, f"kind {row['kind']!r}; expected one of "
                                   f"{', '.join(ROLE_KINDS)}"))
        if row["entity_id"] and ":" not in row["entity_id"]:
            problems.append((line, f"entity_id {row['entity_id']!r}; expected '<label>:<slug>'"))
    if problems:
        raise KBError(path, sorted(problems, key=lambda p: (p[0] or 0, p[1])))
    ordered = sorted(rows, key=lambda lr: lr[1]["role"])
    roles = pd.DataFrame([{c: row[c] for c in ("role", "entity_id", "kind")}
                          for _, row in ordered], columns=["role", "entity_id", "kind"])
    roles["kind"] = pd.Categorical(roles["kind"].replace("", None), categories=list(ROLE_KINDS))
    return roles, tuple(line for line, _ in ordered)


def load_common_nouns(path: str | Path | None = None) -> frozenset[str]:
    """The word forms of ``data/common_nouns.txt.gz`` (:func:`read_word_list`), or of `path`;
    empty if the file is missing."""
    path = _default(path, COMMON_NOUNS_FILE)
    if not path.is_file():
        return frozenset()
    stat = path.stat()
    return _load_common_nouns_cached(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=2)
def _load_common_nouns_cached(path: Path, _mtime_ns: int, _size: int) -> frozenset[str]:
    return frozenset(read_word_list(path))


def read_word_list(path: Path) -> list[str]:
    """The words of a gzip file of one word per line (:func:`write_word_list`)."""
    return [w for w in gzip.decompress(path.read_bytes()).decode("utf-8").split("\n") if w]


def write_word_list(path: Path, words: Iterable[str]) -> None:
    """Write `words` one per line, gzip-compressed without a time stamp (the same words give
    the same bytes)."""
    path.write_bytes(gzip.compress("\n".join(words).encode("utf-8"), mtime=0))
