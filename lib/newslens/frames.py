"""Fast row iteration over tables.

pandas stores text in Arrow-backed string columns, and ``DataFrame.itertuples`` reads them one
value at a time: on the 10,000 bench articles' mentions and sentences that was several seconds
of every run. :func:`rows` takes each column out as a Python list once and zips them, with the
same named tuples ``itertuples(index=False)`` gives.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator, Sequence
from functools import lru_cache

import pandas as pd


def rows(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> Iterator[tuple]:
    """The rows of ``frame`` (of ``columns``, default all) as named tuples, in order."""
    names = tuple(frame.columns if columns is None else columns)
    row = _row_type(names)
    return map(row._make, zip(*(frame[name].tolist() for name in names), strict=True))


@lru_cache(maxsize=64)
def _row_type(names: tuple[str, ...]) -> type:
    return namedtuple("Row", names, rename=True)
