"""Two report runs on the seeds give byte-identical charts and CSVs and identical checked outputs,
and nothing they write carries an absolute path, a memory address or today's date.

The first run is the session's shared one (its annotations may come from the cache); the second
runs with an empty cache of its own, so cached and freshly computed results are compared too.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from pathlib import Path

import pytest

from newslens import config
from reports_support import (
    checked_outputs,
    output_texts,
    render_into,
    render_reports,
    without_data_uris,
)

MEMORY_ADDRESS = re.compile(r"0x[0-9a-f]{6,}")
# /tmp/..., /work/..., /home/...: an absolute path, not a URL (https://host/path) or a fraction.
ABSOLUTE_PATH = re.compile(r"(?<![\w.:/~-])/(?:tmp|work|home|root|usr|var|opt|etc|private|Users)/")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    first = render_reports(tmp_path_factory, "seeds")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSLENS_CACHE", str(tmp_path_factory.mktemp("fresh-cache")))
        second = render_into(tmp_path_factory.mktemp("report-seeds-again"))
    return first, second


def _files(folder: Path, suffix: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob(f"*{suffix}"))}


def _today_patterns() -> re.Pattern:
    today = dt.date.today()
    forms = {f"{today:%Y-%m-%d}", f"{today:%d.%m.%Y}", f"{today:%Y/%m/%d}", f"{today:%Y%m%d}",
             f"{today.day}.{today.month}.{today.year}"}
    return re.compile("|".join(re.escape(form) for form in sorted(forms)))


def _png_text_chunks(png: bytes) -> list[str]:
    """The tEXt/zTXt/iTXt metadata of a PNG (where dates and software versions would hide)."""
    texts, pos = [], 8
    while pos + 8 <= len(png):
        length = int.from_bytes(png[pos:pos + 4], "big")
        kind, data = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        if kind == b"tEXt":
            texts.append(data.decode("latin-1"))
        elif kind == b"zTXt":
            key, _, rest = data.partition(b"\0")
            texts.append(key.decode("latin-1") + "\0" + zlib.decompress(rest[1:]).decode("latin-1"))
        elif kind == b"iTXt":
            texts.append(data.decode("utf-8", "replace"))
        pos += 12 + length
    return texts


def _written_texts(run) -> dict[str, str]:
    """Everything a run wrote that a reader sees: CSVs, PNG metadata, outputs, HTML."""
    texts = {f"figures/{name}": data.decode("utf-8")
             for name, data in _files(run.figures, ".csv").items()}
    for name, data in _files(run.figures, ".png").items():
        texts[f"figures/{name} (metadata)"] = "\n".join(_png_text_chunks(data))
    for executed in run.executed():
        texts[f"reports/{executed.name} (outputs)"] = "\n".join(output_texts(executed))
    for page in run.html():
        texts[f"reports/{page.name}"] = without_data_uris(page.read_text(encoding="utf-8"))
    return texts


def test_both_runs_wrote_the_same_files(runs):
    first, second = runs
    for suffix in (".csv", ".png"):
        assert sorted(_files(first.figures, suffix)) == sorted(_files(second.figures, suffix))
        assert _files(first.figures, suffix), f"no {suffix} written"
    assert [p.name for p in first.executed()] == [p.name for p in second.executed()]


@pytest.mark.parametrize("suffix", [".csv", ".png"])
def test_charts_and_tables_are_byte_identical(runs, suffix):
    first, second = runs
    a, b = _files(first.figures, suffix), _files(second.figures, suffix)
    differ = sorted(name for name in a if a[name] != b.get(name))
    assert differ == []


def test_checked_outputs_are_identical(runs):
    first, second = runs
    for a, b in zip(first.executed(), second.executed(), strict=True):
        outputs = checked_outputs(a)
        assert outputs, f"{a.name} has no cell tagged nbval-check-output"
        assert all(outputs), f"{a.name}: a checked cell printed nothing"
        assert outputs == checked_outputs(b), a.name


def test_png_metadata_has_no_version_or_date(runs):
    first, _ = runs
    for name, data in _files(first.figures, ".png").items():
        chunks = _png_text_chunks(data)
        assert not [c for c in chunks if c.startswith(("Software", "Creation Time"))], name


@pytest.mark.parametrize("what", ["absolute path", "memory address", "today's date"])
def test_no_run_specific_text_in_outputs(runs, what):
    first, _ = runs
    pattern = {"absolute path": ABSOLUTE_PATH, "memory address": MEMORY_ADDRESS,
               "today's date": _today_patterns()}[what]
    places = [first.reports, first.figures, config.PROJECT_DIR, Path.home()] \
        if what == "absolute path" else []
    found = {}
    for where, text in _written_texts(first).items():
        hits = set(pattern.findall(text))
        hits |= {str(p) for p in places if str(p) in text}
        if hits:
            found[where] = sorted(hits)[:5]
    assert found == {}, f"{what} in outputs"
