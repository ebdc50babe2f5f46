"""nbval runs these notebooks in kernels that inherit this environment: no progress bars in
the outputs it compares, and no writes to the project's annotation cache from a test run."""

import os

os.environ["NEWSLENS_PROGRESS"] = "0"
