"""The HTML reports of the seed corpus, as a person sees them in a real browser (headless
Chromium): every chart the notebook saved is on the page as a loaded, visible image, the page
logs no errors and needs no network, and it is not blank."""

from __future__ import annotations

import nbformat
import pytest

from newslens import report
from reports_support import chromium, colours, inspect_page, render_reports

PAGES = [f"{notebook.stem}.html" for notebook in report.notebooks()]


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory):
    return render_reports(tmp_path_factory, "seeds")


@pytest.fixture(scope="module")
def pages(seed_reports):
    with chromium() as browser:
        return {page.name: (page, inspect_page(browser, page)) for page in seed_reports.html()}


def test_every_notebook_has_a_report(seed_reports):
    assert PAGES, "no report notebooks found"
    assert [p.name for p in seed_reports.html()] == PAGES


def _heading(name: str) -> str:
    """The first line of the notebook's opening markdown cell, without the '#'."""
    notebook = nbformat.read(report.config.NOTEBOOKS_DIR / name.replace(".html", ".ipynb"),
                             as_version=4)
    first = next(cell for cell in notebook.cells if cell.cell_type == "markdown")
    return first.source.splitlines()[0].lstrip("# ").strip()


@pytest.mark.parametrize("name", PAGES)
class TestReportPage:
    def test_every_saved_chart_is_an_image_on_the_page(self, seed_reports, pages, name):
        page, seen = pages[name]
        charts, images = seed_reports.charts_of(page), seen.images
        assert charts, f"the notebook behind {name} saved no chart"
        assert len(images) == len(charts), (
            f"{name} shows {len(images)} image(s) for {len(charts)} saved chart(s) "
            f"({', '.join(c.name for c in charts)}); charts shown as text instead: "
            f"{[line for line in seen.text.splitlines() if line.startswith('<Figure')]}")

    def test_every_image_has_loaded_and_is_visible(self, pages, name):
        _, seen = pages[name]
        broken = [img for img in seen.images if not (img["complete"] and img["naturalWidth"] > 0)]
        assert not broken, f"images that did not load: {broken}"
        hidden = [img for img in seen.images
                  if not (img["visible"] and img["width"] > 0 and img["height"] > 0)]
        assert not hidden, f"images not visible: {hidden}"
        blank = [i for i, shot in enumerate(seen.image_shots) if colours(shot) < 2]
        assert not blank, f"images painted in one colour only: {blank}"

    def test_no_console_errors(self, pages, name):
        _, seen = pages[name]
        assert seen.page_errors == []
        assert seen.console_errors == []

    def test_needs_no_network(self, pages, name):
        _, seen = pages[name]
        assert seen.external_requests == [], "a report must open offline"

    def test_screenshot_is_not_blank(self, pages, name):
        _, seen = pages[name]
        assert colours(seen.screenshot) > 1
        assert _heading(name) in seen.text
