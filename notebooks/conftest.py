"""nbval runs these notebooks in kernels that inherit this environment: no progress bars in
the outputs it compares."""

import os

os.environ["NEWSLENS_PROGRESS"] = "0"
