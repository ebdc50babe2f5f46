"""The column dictionary: every column of every table described, one source for README and
package."""

from __future__ import annotations

import pandas as pd
import pytest

from newslens import config, schema
from newslens.datapackage import package_tables


@pytest.fixture(scope="module")
def seed_tables(seed_annotations) -> dict[str, pd.DataFrame]:
    return package_tables(seed_annotations, with_text=True)


def test_every_table_and_column_on_the_seeds_is_described(seed_tables):
    assert schema.undescribed(seed_tables) == []


def test_no_row_describes_a_column_the_tables_do_not_have(seed_tables):
    described = {(t, c) for t, cols in schema.columns().items() for c in cols}
    produced = {(t, c) for t, frame in seed_tables.items() for c in frame.columns}
    assert sorted(described - produced) == []
    assert set(schema.table_descriptions()) == set(seed_tables)


def test_declared_types_fit_the_dtypes(seed_tables):
    pandas_types = {"integer": pd.api.types.is_integer_dtype,
                    "number": pd.api.types.is_float_dtype,
                    "boolean": pd.api.types.is_bool_dtype,
                    "date": pd.api.types.is_datetime64_any_dtype,
                    "datetime": pd.api.types.is_datetime64_any_dtype}
    wrong = []
    for table, frame in seed_tables.items():
        for name in frame.columns:
            kind = schema.column(table, name).type
            values = frame[name]
            if kind == "string":
                fits = not (pd.api.types.is_numeric_dtype(values)
                            or pd.api.types.is_datetime64_any_dtype(values))
            else:
                fits = pandas_types[kind](values)
            if kind == "date" and fits:
                fits = bool((values.dropna() == values.dropna().dt.normalize()).all())
            if not fits:
                wrong.append(f"{table}.{name}: {values.dtype} declared {kind}")
    assert wrong == []


def test_readme_reference_is_the_generated_one():
    readme = (config.PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    start = readme.index(schema.README_START)
    end = readme.index(schema.README_END) + len(schema.README_END)
    assert readme[start:end] == schema.readme_section(), (
        "README's table reference is stale: run python -m newslens.schema --readme")


def test_readme_section_lists_each_column_once(seed_tables):
    section = schema.readme_section()
    assert section.count("| `mention_id` | string |") == 1
    assert section.count("**mentions**:") == 1


def test_update_readme_replaces_only_the_marked_section(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# intro\n\n{schema.README_START}\nold\n{schema.README_END}\n\n## after\n",
                      encoding="utf-8")
    assert schema.update_readme(readme) is True
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# intro\n\n" + schema.README_START)
    assert text.endswith(schema.README_END + "\n\n## after\n")
    assert "old" not in text
    assert schema.update_readme(readme) is False


def test_update_readme_without_markers_names_them(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n", encoding="utf-8")
    with pytest.raises(schema.SchemaError, match="markers"):
        schema.update_readme(readme)


@pytest.mark.parametrize(("rows", "message"), [
    ("t,c,text,what\n", "type 'text' of t.c"),
    ("t,c,string,what\nt,c,integer,again\n", "t.c is described twice"),
    ("t,c,string,\n", "description are required"),
])
def test_a_malformed_dictionary_is_refused_with_its_line(tmp_path, rows, message):
    path = tmp_path / "columns.csv"
    path.write_text("table,column,type,description\n" + rows, encoding="utf-8")
    with pytest.raises(schema.SchemaError, match=message) as err:
        schema.columns(path)
    assert f"{path}:" in str(err.value)


def test_primary_keys_follow_the_table_names():
    assert schema.primary_key("mentions", ["article_id", "mention_id"]) == ["mention_id"]
    assert schema.primary_key("entities", ["entity_id", "canonical"]) == ["entity_id"]
    assert schema.primary_key("event_mentions", ["event_mention_id", "event_id"]) == \
        ["event_mention_id"]
    assert schema.primary_key("timexes", ["article_id", "start", "end"]) == \
        ["article_id", "start", "end"]
    assert schema.primary_key("skipped", ["source_path", "article_id"]) is None


def test_foreign_keys_follow_the_primary_keys():
    tables = {"articles": ["article_id"], "sentences": ["article_id", "sentence_id"],
              "mentions": ["article_id", "sentence_id", "mention_id", "entity_id"],
              "entities": ["entity_id"], "skipped": ["article_id"],
              "quotes": ["quote_id", "speaker_entity_id"]}
    keys = schema.foreign_keys("mentions", tables)
    assert [k["fields"] for k in keys] == [["article_id"], ["sentence_id"], ["entity_id"]]
    assert keys[2]["reference"] == {"resource": "entities", "fields": ["entity_id"]}
    assert schema.foreign_keys("skipped", tables) == []
    assert schema.foreign_keys("articles", tables) == []
    assert schema.foreign_keys("quotes", tables) == [
        {"fields": ["speaker_entity_id"],
         "reference": {"resource": "entities", "fields": ["entity_id"]}}]


def test_close_names_find_a_part_and_a_misspelling():
    names = ["Donald Trump", "Wladimir Putin", "Wolodymyr Selenskyj", "Russland"]
    assert schema.close_names("Trump", names)[0] == "Donald Trump"
    assert schema.close_names("Wladimir Puttin", names)[0] == "Wladimir Putin"
    assert schema.close_names("russland", names) == ["Russland"]
    assert schema.close_names("Merkel", names) == []
