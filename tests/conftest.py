"""Shared fixtures: the project's folders, a few short German articles, the shipped pipeline."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newslens import config

SEEDS = config.SEEDS_DIR

GERMAN_TEXTS = {
    "a1": "US-Präsident Donald Trump traf Kremlchef Wladimir Putin am 15. August in Alaska. "
          "Trumps Berater sprachen danach mit der NATO.",
    "a2": "Kiew – Der ukrainische Präsident Wolodymyr Selenskyj reiste nach Washington.\n\n"
          "Dort sprach er mit Trump über den Ukraine-Krieg. (dpa)",
}


def write_seed(folder: Path, name: str, text: str, *, date: str = "2025-10-21") -> Path:
    """Write one seed-format article (date line with the lead, then paragraphs)."""
    path = folder / f"{name}.txt"
    lead, _, body = text.partition("\n")
    path.write_text(f" date {date} {lead}\n{body}", encoding="utf-8")
    return path


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Tests never read or write the project's annotation cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("NEWSLENS_CACHE", str(tmp_path_factory.mktemp("cache")))
    mp.setenv("NEWSLENS_PROGRESS", "0")
    yield
    mp.undo()


@pytest.fixture()
def seed_folder(tmp_path: Path) -> Path:
    for name, text in GERMAN_TEXTS.items():
        write_seed(tmp_path, name, text)
    return tmp_path


@pytest.fixture(scope="session")
def seed_articles() -> pd.DataFrame:
    from newslens import load_corpus

    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def pipeline():
    """The shipped German pipeline, loaded once for the session."""
    from newslens.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_annotations(seed_articles, pipeline):
    from newslens import annotate

    return annotate(seed_articles)
