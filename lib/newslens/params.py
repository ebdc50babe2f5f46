"""Strict notebook parameters: a misspelt, ill-typed or impossible parameter fails loudly.

papermill injects parameters as plain assignments after the ``parameters`` cell and never
complains about a name the notebook does not know. The parameters cell declares every parameter
with a type annotation (``top_n: int = 20``), so the cell after it can call
:func:`check_parameters` with ``globals()``: any other user-defined name is an unknown parameter,
and every declared one is checked against its annotation and its domain.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, get_args, get_origin

from newslens import config

_IPYTHON_NAMES = {"In", "Out", "get_ipython", "exit", "quit", "open"}


class ParameterError(ValueError):
    """A notebook parameter that is unknown, of the wrong type or out of range."""


def _positive(value: int) -> str | None:
    return None if value > 0 else "must be 1 or more"


def _existing_path(value: str) -> str | None:
    return None if Path(value).exists() else f"path {value!r} does not exist"


def _iso_date(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return f"must be an ISO date YYYY-MM-DD, not {value!r}"
    return None


def _labels(value: list) -> str | None:
    unknown = [label for label in value if label not in config.LABELS]
    if unknown or not value:
        return f"must be a non-empty subset of {list(config.LABELS)}, not {value!r}"
    return None


def _event_classes(value: list) -> str | None:
    from newslens.events import event_classes

    known = list(event_classes()["event_class"])
    unknown = [name for name in value if name not in known]
    return f"has unknown event class(es) {unknown}; known: {known}" if unknown else None


def _kinds(value: list) -> str | None:
    from newslens.quotes import KINDS

    if not value or any(v not in KINDS for v in value):
        return f"must be a non-empty subset of {list(KINDS)}, not {value!r}"
    return None


def _per(value: str) -> str | None:
    allowed = ["auto", "article", "week", "month", "year"]
    return None if value in allowed else f"must be one of {allowed}, not {value!r}"


#: Domain checks by parameter name, applied to every notebook that declares the name.
CHECKS: dict[str, Callable[[Any], str | None]] = {
    "corpus": _existing_path,
    "top_n": _positive,
    "min_articles": _positive,
    "max_events": _positive,
    "date_from": _iso_date,
    "date_to": _iso_date,
    "labels": _labels,
    "event_classes": _event_classes,
    "kinds": _kinds,
    "per": _per,
}


def check_parameters(namespace: Mapping[str, Any]) -> types.SimpleNamespace:
    """Validate the notebook's parameters (``globals()``) and return them as a namespace.

    Raises :class:`ParameterError` naming every problem: unknown names, wrong types, values
    out of range, a date range that ends before it starts.
    """
    declared: dict[str, Any] = dict(namespace.get("__annotations__", {}))
    if not declared:
        raise ParameterError("the parameters cell declares no annotated parameters")
    problems = [f"unknown parameter {name!r} (known: {', '.join(sorted(declared))})"
                for name in _user_names(namespace) if name not in declared]
    values = {name: namespace.get(name) for name in declared}
    for name, kind in declared.items():
        problem = _type_problem(values[name], kind) or _domain_problem(name, values[name])
        if problem:
            problems.append(f"parameter {name!r} {problem}")
    if not problems and values.get("date_from") and values.get("date_to") \
            and values["date_to"] < values["date_from"]:
        problems.append(f"date range ends ({values['date_to']}) before it starts "
                        f"({values['date_from']})")
    if problems:
        raise ParameterError("; ".join(problems))
    return types.SimpleNamespace(**values)


def _user_names(namespace: Mapping[str, Any]) -> list[str]:
    return sorted(
        name for name, value in namespace.items()
        if not name.startswith("_") and name not in _IPYTHON_NAMES
        and not isinstance(value, types.ModuleType)
    )


def _type_problem(value: Any, kind: Any) -> str | None:
    if _matches(value, kind):
        return None
    return f"must be {_type_name(kind)}, not {type(value).__name__} {value!r}"


def _matches(value: Any, kind: Any) -> bool:
    origin = get_origin(kind)
    if kind is Any:
        return True
    if kind is type(None) or kind is None:
        return value is None
    if origin in (types.UnionType, typing.Union):
        return any(_matches(value, arg) for arg in get_args(kind))
    if origin in (list, tuple):
        (item,) = get_args(kind)[:1] or (Any,)
        return isinstance(value, list | tuple) and all(_matches(v, item) for v in value)
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _type_name(kind: Any) -> str:
    if get_origin(kind) is None and hasattr(kind, "__name__"):
        return kind.__name__
    return str(kind).replace("typing.", "")


def _domain_problem(name: str, value: Any) -> str | None:
    check = CHECKS.get(name)
    return check(value) if check is not None and value is not None else None
