"""Strict notebook parameters."""

from __future__ import annotations

import pytest

from newslens.params import ParameterError, check_parameters


def _namespace(**overrides):
    namespace = {
        "__annotations__": {"corpus": str, "top_n": int, "labels": list[str],
                            "date_from": str | None, "date_to": str | None,
                            "include_compounds": bool},
        "corpus": ".", "top_n": 10, "labels": ["PER", "LOC"], "date_from": None,
        "date_to": None, "include_compounds": False,
        "In": [], "Out": {}, "get_ipython": print, "_i1": "x", "pytest": pytest,
    }
    namespace.update(overrides)
    return namespace


def test_valid_parameters_are_returned():
    params = check_parameters(_namespace(date_from="2025-08-01", date_to="2025-08-31"))
    assert (params.top_n, params.labels, params.date_to) == (10, ["PER", "LOC"], "2025-08-31")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"top_m": 5}, "unknown parameter 'top_m' (known: corpus, date_from"),
        ({"top_n": "10"}, "parameter 'top_n' must be int, not str '10'"),
        ({"top_n": True}, "parameter 'top_n' must be int, not bool True"),
        ({"top_n": 0}, "parameter 'top_n' must be 1 or more"),
        ({"labels": ["PER", "PERSON"]}, "parameter 'labels' must be a non-empty subset"),
        ({"labels": "PER"}, "parameter 'labels' must be list[str]"),
        ({"corpus": "/no/such/folder"}, "path '/no/such/folder' does not exist"),
        ({"date_from": "2025-13-01"}, "must be an ISO date YYYY-MM-DD"),
        ({"date_from": "2025-09-01", "date_to": "2025-08-01"},
         "date range ends (2025-08-01) before it starts (2025-09-01)"),
    ],
)
def test_bad_parameters_fail_loudly(overrides, message):
    with pytest.raises(ParameterError) as caught:
        check_parameters(_namespace(**overrides))
    assert message in str(caught.value)


def test_event_classes_must_be_known():
    namespace = _namespace(event_classes=["election", "meeting"])
    namespace["__annotations__"]["event_classes"] = list[str]
    with pytest.raises(ParameterError, match=r"unknown event class\(es\) \['meeting'\]"):
        check_parameters(namespace)
    namespace["event_classes"] = ["election", "assault"]
    assert check_parameters(namespace).event_classes == ["election", "assault"]


def test_a_notebook_without_annotations_is_rejected():
    with pytest.raises(ParameterError, match="declares no annotated parameters"):
        check_parameters({"top_n": 3})


@pytest.mark.parametrize("name", ["01-entity-frequencies", "02-event-timeline",
                                  "03-mentions-heatmap"])
def test_papermill_parses_the_parameters_cell_without_warnings(name, caplog):
    """papermill parses the parameters cell too (``--help-notebook``, unknown-parameter
    warnings); a second ``=`` on a line, even in a comment, makes it warn and skip it.
    (It also skips ``str | None`` annotations, silently: its pattern knows no ``|``.)"""
    import ast

    import nbformat
    import papermill

    from newslens import config

    path = config.NOTEBOOKS_DIR / f"{name}.ipynb"
    cell = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    simple = [node.target.id for node in ast.parse(cell.source).body  # not ``X | None``
              if isinstance(node, ast.AnnAssign) and not isinstance(node.annotation, ast.BinOp)]
    with caplog.at_level("WARNING", logger="papermill"):
        inferred = papermill.inspect_notebook(str(path))
    assert list(inferred) == simple
    assert not [r for r in caplog.records if "Unable to parse" in r.getMessage()]
