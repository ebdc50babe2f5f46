"""Helpers for the report tests: render the notebook reports once per session, open them in
headless Chromium (Debian's /usr/bin/chromium driven by Playwright) and read what a person sees.

Rendering the reports takes some 10-20 s per corpus, so each corpus is rendered once per test
session (:func:`render_reports` remembers its result) and shared by the modules that need it.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

from newslens import report

CHROMIUM = Path("/usr/bin/chromium")
#: As this machine's closed network needs: no background connections, no sandbox as root.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
_DATA_URI = re.compile(r"data:[\w/+.-]+(?:;[\w=.-]+)*,[^\"')\s]*")

_rendered: dict[str, Rendered] = {}


@dataclass(frozen=True)
class Rendered:
    """The output folders of one ``python -m newslens.report`` run."""

    reports: Path
    figures: Path
    log: str

    def html(self) -> list[Path]:
        return sorted(self.reports.glob("*.html"))

    def executed(self) -> list[Path]:
        return sorted(self.reports.glob("*.ipynb"))

    def charts_of(self, page: Path) -> list[Path]:
        """The PNG charts the notebook behind ``page`` saved (``NN-*.png`` for ``NN-topic``)."""
        return sorted(self.figures.glob(f"{page.stem[:2]}-*.png"))


def render_reports(tmp_path_factory: pytest.TempPathFactory, name: str, *,
                   corpus: Path | None = None) -> Rendered:
    """Run every report notebook on ``corpus`` (default: the seeds) into temporary folders,
    once per session and ``name``."""
    if name not in _rendered:
        _rendered[name] = render_into(tmp_path_factory.mktemp(f"report-{name}"), corpus=corpus)
    return _rendered[name]


def render_into(folder: Path, *, corpus: Path | None = None) -> Rendered:
    """``python -m newslens.report --reports folder/reports --figures folder/figures``."""
    argv = ["--reports", str(folder / "reports"), "--figures", str(folder / "figures")]
    if corpus is not None:
        argv += ["--corpus", str(corpus)]
    log = io.StringIO()
    with contextlib.redirect_stdout(log):
        assert report.main(argv) == 0
    return Rendered(reports=folder / "reports", figures=folder / "figures", log=log.getvalue())


def checked_outputs(executed: Path) -> list[list[dict]]:
    """The outputs of the cells nbval compares (tagged ``nbval-check-output``), in order."""
    notebook = nbformat.read(executed, as_version=4)
    return [[dict(output) for output in cell.outputs] for cell in notebook.cells
            if cell.cell_type == "code" and report.CHECK_TAG in cell.metadata.get("tags", [])]


def output_texts(executed: Path) -> Iterator[str]:
    """Every text a reader of the executed notebook sees in an output (images excluded)."""
    notebook = nbformat.read(executed, as_version=4)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                yield output["text"]
            for kind, value in output.get("data", {}).items():
                if kind.startswith("text/") or kind == "application/json":
                    yield value if isinstance(value, str) else str(value)
            if "traceback" in output:
                yield "\n".join(output["traceback"])


def without_data_uris(html: str) -> str:
    """The page with embedded images cut out (their base64 may spell anything)."""
    return _DATA_URI.sub("data:", html)


# -- Chromium ----------------------------------------------------------------------------------


@dataclass
class PageReport:
    """What a page did in the browser and what it shows."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    image_shots: list[bytes] = field(default_factory=list, repr=False)
    text: str = field(default="", repr=False)
    screenshot: bytes = field(default=b"", repr=False)


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium (Playwright ``Browser``); skips the test when it is not installed."""
    if not CHROMIUM.is_file():
        pytest.skip("chromium not installed: run `make browser`")
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="playwright not installed: pip install -r requirements.txt")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            yield browser
        finally:
            browser.close()


def inspect_page(browser, path: Path) -> PageReport:
    """Open ``path`` (file://) with the network cut off and record what happens and shows."""
    seen = PageReport()
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    def block_network(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:  # tests never reach the network; a report must not need it
            seen.external_requests.append(url)
            route.abort()

    page.route("**/*", block_network)
    page.on("console", lambda msg: seen.console_errors.append(
        f"{msg.text} ({msg.location.get('url', '')})") if msg.type == "error" else None)
    page.on("pageerror", lambda err: seen.page_errors.append(str(err)))

    def on_dialog(dialog) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.evaluate("() => Promise.all([...document.images].map(i => i.decode()"
                      ".catch(() => null)))")
        page.wait_for_timeout(300)  # let late scripts (module scripts, timers) run
        seen.images = page.evaluate("""() => [...document.images].map(img => {
            const box = img.getBoundingClientRect();
            return {src: img.getAttribute('src').slice(0, 40), complete: img.complete,
                    naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
                    width: box.width, height: box.height,
                    visible: img.checkVisibility({opacityProperty: true,
                                                  visibilityProperty: true})};
        })""")
        seen.image_shots = [handle.screenshot() for handle in page.query_selector_all("img")
                            if handle.bounding_box()]
        seen.text = page.inner_text("body")
        seen.screenshot = page.screenshot(full_page=True)
    finally:
        page.close()
    return seen


def colours(png: bytes) -> int:
    """The number of distinct colours in a PNG (up to 4096; 1 means blank)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        found = image.convert("RGB").getcolors(maxcolors=4096)
    return 4096 if found is None else len(found)
