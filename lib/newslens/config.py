"""Paths and defaults in one place.

Everything else in newslens asks this module where things live, so a user can point the project
at another corpus, model or output folder without touching code.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: The project checkout (lib/newslens/ -> lib/ -> project); holds models/, seeds/, figures/.
PROJECT_DIR = PACKAGE_DIR.parent.parent
DATA_DIR = PACKAGE_DIR / "data"

SEEDS_DIR = PROJECT_DIR / "seeds"
FIGURES_DIR = PROJECT_DIR / "figures"
REPORTS_DIR = PROJECT_DIR / "reports"
MODELS_DIR = PROJECT_DIR / "models"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
#: The shared data folder beside the checkout (benchmarks and training data; may be absent).
SHARED_DIR = Path(os.environ.get("NEWSLENS_SHARED", PROJECT_DIR.parent / "shared"))

#: The pipeline shipped with the project (trained by `make model`).
SHIPPED_MODEL = "de_newslens"
#: The pipeline used when none is named: ``$NEWSLENS_MODEL`` (a package name or a pipeline
#: folder, e.g. ``de_core_news_lg``) or the shipped one.
DEFAULT_MODEL = os.environ.get("NEWSLENS_MODEL") or SHIPPED_MODEL
#: Entity labels of the GermEval / NoSta-D scheme, in display order.
LABELS = ("PER", "LOC", "ORG", "MISC")
#: Articles per `nlp.pipe` batch: large enough to amortise, small enough to bound memory.
BATCH_SIZE = 64


def available_cores() -> int:
    """CPU cores this process may run on (its affinity mask where the OS has one)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, cores or 1)


def readable_mode() -> int:
    """The mode a plain new file gets (0o666 less the umask); mkstemp's 0o600 would hide
    charts and reports from other users and web servers."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
