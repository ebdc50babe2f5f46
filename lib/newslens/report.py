"""Run the notebooks with papermill and render them to HTML (``make report``).

Usage: ``python -m newslens.report [--corpus PATH] [--reports DIR] [--figures DIR]``.
The corpus is annotated once first (into the cache, with a progress bar in a terminal); then
the notebooks run side by side, one process per core, each in its own folder (so its relative
defaults hold). Each writes its charts to the figures folder and is saved executed and as HTML
(code hidden) to the reports folder. Outputs are written atomically: a notebook that fails
leaves the previous report in place, and the others still run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from newslens import config

if TYPE_CHECKING:
    from nbformat import NotebookNode

KERNEL = "newslens"
#: Cell tag of the outputs nbval compares; all other outputs are dropped from committed notebooks.
CHECK_TAG = "nbval-check-output"


def notebooks(folder: str | Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The report notebooks (``NN-topic.ipynb``) in order."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.ipynb"))


def _skip_iri_grammar() -> None:
    """Keep jsonschema (imported by nbformat, papermill and nbconvert) from building its IRI
    parser: with the optional ``rfc3987_syntax`` installed, jsonschema compiles an Earley
    grammar at import, about 1.5 s of CPU in every process that runs or renders notebooks
    (half of such a process's start-up). The parser serves only the "iri" formats of JSON
    schemas, which the notebook format does not use (nbformat validates with fastjsonschema).
    Called before the first import of nbformat in this process; a no-op once jsonschema is in.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # None: its import fails, jsonschema skips


def run_notebook(notebook: Path, *, parameters: dict, output: Path) -> Path:
    """Execute ``notebook`` with papermill into ``output`` (atomically) and return it."""
    _skip_iri_grammar()
    import papermill

    output.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.stem}.", suffix=".ipynb")
    os.close(handle)
    # The kernel inherits the environment: no progress bars in executed notebooks.
    previous = os.environ.get("NEWSLENS_PROGRESS")
    os.environ["NEWSLENS_PROGRESS"] = "0"
    try:
        # Saved once at the end (or with the error marked), not twice per cell: the output is
        # a temporary file nobody watches, and each save serialises and validates it whole.
        papermill.execute_notebook(
            str(notebook), tmp, parameters=parameters, cwd=str(notebook.parent),
            kernel_name=KERNEL, progress_bar=False, log_output=False, report_mode=False,
            request_save_on_cell_execute=False,
        )
        os.chmod(tmp, config.readable_mode())
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        if previous is None:
            os.environ.pop("NEWSLENS_PROGRESS", None)
        else:
            os.environ["NEWSLENS_PROGRESS"] = previous
    return output


def render_html(executed: Path, output: Path) -> Path:
    """Render an executed notebook to standalone HTML with the code cells hidden, loading
    nothing from the network (see ``templates/newslens``)."""
    _skip_iri_grammar()
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="newslens",
                            extra_template_basedirs=[str(config.PACKAGE_DIR / "templates")],
                            exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    _write_text_atomic(output, body)
    return output


def strip_unchecked_outputs(notebook: NotebookNode) -> NotebookNode:
    """Keep only the outputs nbval checks (cells tagged ``nbval-check-output``); drop execution
    counts and run metadata, so committed notebooks change only when a checked result does."""
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number:02d}"  # papermill invents random ids; keep diffs quiet
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if not cell.metadata.get("tags", True):
            del cell.metadata["tags"]
        if cell.cell_type != "code":
            continue
        if CHECK_TAG not in cell.metadata.get("tags", []):
            # nbval treats a cell without execution count as unrun; checked cells keep theirs
            cell.execution_count = None
            cell.outputs = []
    notebook.metadata.pop("papermill", None)
    return notebook


def refresh_notebook(notebook: Path) -> None:
    """Re-execute a notebook on its defaults and store only its checked outputs (for nbval)."""
    import nbformat

    with tempfile.TemporaryDirectory() as tmp:
        executed = run_notebook(notebook, parameters={}, output=Path(tmp) / notebook.name)
        node = strip_unchecked_outputs(nbformat.read(executed, as_version=4))
    # papermill adds the injected-parameters cell only when parameters are given; none here.
    _write_text_atomic(notebook, nbformat.writes(node) + "\n")


def _write_text_atomic(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(tmp, config.readable_mode())
    os.replace(tmp, target)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="corpus folder or file (default: the notebooks' own)")
    parser.add_argument("--reports", default=str(config.REPORTS_DIR), help="reports folder")
    parser.add_argument("--figures", help="figures folder (default: the notebooks' own, figures/)")
    parser.add_argument("--refresh", action="store_true",
                        help="re-execute the notebooks in place, keeping only checked outputs")
    parser.add_argument("--jobs", type=int, default=None,
                        help="notebooks run at once (default: one per core)")
    args = parser.parse_args(argv)
    if args.refresh:
        for notebook in notebooks():
            refresh_notebook(notebook)
            print(f"refreshed {notebook.relative_to(config.PROJECT_DIR)}")
        return 0
    parameters = {}
    if args.figures:
        parameters["figures_dir"] = str(Path(args.figures).resolve())
    if args.corpus:
        parameters["corpus"] = str(Path(args.corpus).resolve())
    reports = Path(args.reports).resolve()
    failed = run_all(notebooks(), parameters=parameters, reports=reports, jobs=args.jobs,
                     prepare=lambda: warm_cache(parameters.get("corpus", config.SEEDS_DIR)))
    print(f"charts (PNG + CSV): {Path(args.figures or config.FIGURES_DIR).resolve()}")
    return 1 if failed else 0


def warm_cache(corpus: str | Path) -> None:
    """Annotate the corpus once, so the notebooks that run side by side all read the cache
    instead of each doing the NLP work; a corpus already annotated is not read here (the
    notebooks wait for this). Problems are left to the notebooks to report."""
    from newslens.corpus import load_corpus, select_articles
    from newslens.pipeline import annotate_corpus, is_cached

    began = time.perf_counter()
    try:
        if is_cached(select_articles(load_corpus(corpus))):
            print(f"{corpus}: annotations cached")
            return
        annotate_corpus(corpus)
    except Exception as err:  # noqa: BLE001 - the notebook that hits it names it in its report
        print(f"annotating {corpus} failed ({type(err).__name__}); the notebooks will report it",
              file=sys.stderr)
        return
    print(f"annotated {corpus} ({time.perf_counter() - began:.1f} s, cached)")


def run_all(paths: Sequence[Path], *, parameters: dict, reports: Path,
            jobs: int | None = None, prepare: Callable[[], None] | None = None) -> list[Path]:
    """Run and render every notebook, ``jobs`` at a time; return those that failed.

    ``prepare`` (annotating the corpus into the cache) runs here while the worker processes
    start and import papermill and nbconvert, which takes seconds of its own. Results are
    printed in notebook order; a failing notebook's error is printed and the others still run.
    """
    jobs = max(1, min(jobs or config.available_cores(), len(paths) or 1))
    failed = []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_import_runners) as pool:
        for _ in range(jobs):  # start every worker now (the pool starts them one per task)
            pool.submit(int)
        if prepare is not None:
            prepare()
        futures = [pool.submit(_run_and_render, path, parameters, reports) for path in paths]
        for path, future in zip(paths, futures, strict=True):
            try:
                html, seconds = future.result()
            except Exception as err:  # noqa: BLE001 - reported, and the run fails at the end
                failed.append(path)
                print(f"{path.name}: FAILED\n{err}", file=sys.stderr)
                continue
            print(f"{path.name}: {html} ({seconds:.1f} s)")
    return failed


def _import_runners() -> None:
    """Worker start-up: the imports a notebook run needs, done before the first notebook."""
    _skip_iri_grammar()
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401


def _run_and_render(notebook: Path, parameters: dict, reports: Path) -> tuple[Path, float]:
    began = time.perf_counter()
    executed = run_notebook(notebook, parameters=parameters, output=reports / notebook.name)
    html = render_html(executed, reports / f"{notebook.stem}.html")
    return html, time.perf_counter() - began


if __name__ == "__main__":
    sys.exit(main())
