"""``python -m newslens``: the ``newslens`` command (see :mod:`newslens.cli`), e.g.
``python -m newslens clear-cache`` or ``python -m newslens annotate seeds --out tables``."""

from __future__ import annotations

import sys

from newslens.cli import main

if __name__ == "__main__":
    sys.exit(main())
