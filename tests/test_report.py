"""Running the notebooks with papermill: strict parameters, checked outputs, atomic reports."""

from __future__ import annotations

import nbformat
import pytest

from newslens import config, report

NOTEBOOK = config.NOTEBOOKS_DIR / "01-entity-frequencies.ipynb"


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"top_m": 5}, "unknown parameter 'top_m'"),
        ({"top_n": 0}, "parameter 'top_n' must be 1 or more"),
        ({"top_n": "ten"}, "parameter 'top_n' must be int, not str 'ten'"),
        ({"date_from": "2025-10-01", "date_to": "2025-09-01"},
         "date range ends (2025-09-01) before it starts (2025-10-01)"),
        ({"corpus": "/no/such/corpus"}, "path '/no/such/corpus' does not exist"),
    ],
)
def test_bad_parameters_stop_the_notebook_with_a_message(tmp_path, parameters, message):
    import papermill

    with pytest.raises(papermill.PapermillExecutionError) as caught:
        report.run_notebook(NOTEBOOK, parameters=parameters, output=tmp_path / "out.ipynb")
    assert "ParameterError" in caught.value.ename
    assert message in caught.value.evalue
    assert not (tmp_path / "out.ipynb").exists()  # a failed run leaves no half-written output


def test_a_corpus_without_articles_in_the_date_range_fails_clearly(tmp_path):
    import papermill

    with pytest.raises(papermill.PapermillExecutionError) as caught:
        report.run_notebook(NOTEBOOK, parameters={"date_from": "2030-01-01"},
                            output=tmp_path / "out.ipynb")
    assert "no articles published between 2030-01-01 and the end" in caught.value.evalue


def test_committed_notebooks_keep_only_checked_outputs():
    for path in report.notebooks():
        notebook = nbformat.read(path, as_version=4)
        assert any("parameters" in c.metadata.get("tags", []) for c in notebook.cells), path
        for cell in notebook.cells:
            if cell.cell_type == "code" and cell.outputs:
                assert report.CHECK_TAG in cell.metadata.get("tags", []), (path, cell.source)


def test_strip_unchecked_outputs_gives_stable_ids_and_no_run_metadata():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("1", execution_count=3,
                                  outputs=[nbformat.v4.new_output("stream", text="1\n")]),
        nbformat.v4.new_code_cell("2", execution_count=4, metadata={"tags": [report.CHECK_TAG]},
                                  outputs=[nbformat.v4.new_output("stream", text="2\n")]),
    ])
    notebook.cells[0].metadata["papermill"] = {"duration": 1.5}
    stripped = report.strip_unchecked_outputs(notebook)
    assert [c.id for c in stripped.cells] == ["cell-00", "cell-01"]
    assert stripped.cells[0].outputs == [] and stripped.cells[0].execution_count is None
    assert stripped.cells[1].outputs[0].text == "2\n" and stripped.cells[1].execution_count == 4
    assert "papermill" not in stripped.cells[0].metadata


def test_a_failing_notebook_does_not_stop_the_others(tmp_path, capsys):
    def notebook(name: str, source: str):
        node = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
        node.metadata["kernelspec"] = {"name": report.KERNEL, "display_name": "newslens",
                                       "language": "python"}
        path = tmp_path / name
        nbformat.write(node, path)
        return path

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "01-bad.html").write_text("earlier report", encoding="utf-8")
    paths = [notebook("01-bad.ipynb", "raise ValueError('broken on purpose')"),
             notebook("02-good.ipynb", "print('fine')")]
    failed = report.run_all(paths, parameters={}, reports=reports, jobs=2)
    assert failed == [paths[0]]
    assert (reports / "01-bad.html").read_text(encoding="utf-8") == "earlier report"
    assert "fine" in (reports / "02-good.html").read_text(encoding="utf-8")
    out = capsys.readouterr()
    assert "01-bad.ipynb: FAILED" in out.err and "broken on purpose" in out.err
    assert "02-good.ipynb:" in out.out
