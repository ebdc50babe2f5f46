"""Corpus text is data, never markup: script and img payloads in titles, ids and sentences of a
corpus reach the HTML reports only as escaped text (no script runs, no dialog opens), and the
annotation cache holds no pickle (loading a pickle runs code)."""

from __future__ import annotations

import html
import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import write_seed
from newslens import report
from reports_support import chromium, inspect_page, render_reports

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
PAYLOADS = (SCRIPT, IMG, "<script>alert(3)</script>", "<img src=x onerror=alert(4)>")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Hostile news in one folder: two seed-format files and JSON Lines with titles and ids."""
    seeds = tmp_path_factory.mktemp("hostile")
    write_seed(seeds, "xss_lead", f"{SCRIPT} Angela Merkel traf {IMG} in Berlin.\n\n"
               f"Berlin – Der Kanzler {SCRIPT}Scholz{IMG} sprach mit Emmanuel Macron über "
               f"{SCRIPT}. Danach reiste {IMG} Merkel nach Paris. (dpa)", date="2025-05-01")
    write_seed(seeds, "xss_body", "Wladimir Putin sprach in Moskau mit Donald Trump.\n\n"
               f"Washington – {IMG} Donald Trump antwortete aus Washington: {SCRIPT} Putin "
               "und Trump wollen sich in Budapest treffen.", date="2025-05-02")
    records = [
        {"id": "xss-title", "date": "2025-05-01T08:00:00+02:00", "source": SCRIPT,
         "url": f"javascript:alert(5)//{IMG}", "title": f"Eilmeldung {SCRIPT} {IMG}",
         "text": f"Wladimir Putin sprach mit {SCRIPT} in Moskau. {IMG} Donald Trump "
                 "antwortete aus Washington."},
        {"id": f"xss-id-{PAYLOADS[3]}", "date": "2025-05-02", "title": PAYLOADS[2],
         "text": f"Angela Merkel traf Emmanuel Macron in Paris. {PAYLOADS[2]} Danach "
                 f"sprach Merkel in Berlin. {PAYLOADS[3]}"},
    ]
    (seeds / "hostile.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return seeds


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, corpus):
    return render_reports(tmp_path_factory, "hostile", corpus=corpus)


class _Elements(HTMLParser):
    """Script bodies, image sources and event-handler attributes of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.img_sources: list[str] = []
        self.handlers: list[tuple[str, str, str]] = []
        self.script_links: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")
        if tag == "img":
            self.img_sources.append(dict(attrs).get("src") or "")
        self.handlers += [(tag, name, value or "") for name, value in attrs
                          if name.startswith("on")]
        self.script_links += [value for name, value in attrs if name in ("href", "src")
                              and (value or "").strip().lower().startswith("javascript:")]

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def test_both_formats_are_in_the_corpus(corpus):
    from newslens import load_corpus

    ids = set(load_corpus(corpus)["article_id"])
    assert ids == {"xss_lead", "xss_body", "xss-title", f"xss-id-{PAYLOADS[3]}"}


def _pages(rendered) -> list[Path]:
    pages = rendered.html()
    assert [p.name for p in pages] == [f"{nb.stem}.html" for nb in report.notebooks()]
    return pages


def test_no_payload_is_markup_in_the_html(rendered):
    for page in _pages(rendered):
        source = page.read_text(encoding="utf-8")
        for payload in PAYLOADS:
            assert payload not in source, f"{page.name}: unescaped {payload!r}"
        elements = _Elements()
        elements.feed(source)
        assert not [s for s in elements.scripts if "alert(" in s], page.name
        assert elements.handlers == [], page.name
        assert elements.script_links == [], page.name
        assert all(src.startswith("data:image/") for src in elements.img_sources), (
            page.name, [src[:40] for src in elements.img_sources])


def test_no_dialog_and_payloads_shown_only_as_text(rendered):
    shown_anywhere = set()
    with chromium() as browser:
        for page in _pages(rendered):
            seen = inspect_page(browser, page)
            assert seen.dialogs == [], page.name
            assert seen.page_errors == [], page.name
            source = page.read_text(encoding="utf-8")
            shown = [p for p in PAYLOADS if html.escape(p, quote=False) in source]
            for payload in shown:  # where corpus text is on the page, it reads as text
                assert payload in seen.text, f"{page.name}: {payload!r} escaped but not shown"
            shown_anywhere.update(shown)
    # The evidence tables quote the hostile sentences: the check above has something to check.
    assert shown_anywhere, "no payload reached the reports, so none was seen escaped"


def test_cache_holds_parquet_and_json_only(rendered):
    root = Path(os.environ["NEWSLENS_CACHE"])
    files = [p for p in root.rglob("*") if p.is_file()]
    assert any(p.suffix == ".parquet" for p in files), f"no cache written under {root}"
    other = [str(p.relative_to(root)) for p in files if p.suffix not in (".parquet", ".json")]
    assert other == []
    pickled = [str(p.relative_to(root)) for p in files
               if p.read_bytes()[:1] == b"\x80" or p.suffix in (".pkl", ".pickle")]
    assert pickled == []
