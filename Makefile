# newslens: every target sets up .venv itself (python3 -m venv + pip install), so a fresh clone
# needs nothing but Python 3.11+ and the package index.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
CORPUS ?=
FIGURES ?=
SHARED ?= ../shared

.PHONY: help setup browser report test lint model bench lab notebooks clear-cache clean

help:
	@echo "make report   run every notebook on seeds/ (or CORPUS=path): figures/ + reports/*.html"
	@echo "make test     pytest for lib/ and nbval for notebooks/"
	@echo "make lab      JupyterLab with the project's kernel (newslens)"
	@echo "make model    rebuild the shipped German NER pipeline from $(SHARED)/data/ner"
	@echo "make bench    benchmark scripts on $(SHARED)/data/bench (prints figures)"
	@echo "make notebooks  re-execute notebooks/ in place, keeping only the outputs nbval checks"
	@echo "make clear-cache  delete the annotation cache (.cache/newslens)"

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name newslens --display-name "Python (newslens)" >/dev/null
	touch $@

setup: $(STAMP)

# Chromium for the report tests in a real browser (Debian package; skipped without root/apt).
browser:
	@bash scripts/install-browser.sh

report: setup
	$(PY) -m newslens.report $(if $(CORPUS),--corpus "$(CORPUS)") $(if $(FIGURES),--figures "$(FIGURES)")

test: setup browser
	NEWSLENS_PROGRESS=0 $(PY) -m pytest -q tests
	NEWSLENS_PROGRESS=0 $(PY) -m pytest -q -p no:cacheprovider --nbval-lax notebooks

lint: setup
	$(VENV)/bin/ruff check lib tests benchmarks training

# The shipped pipeline: the recipe of models/de_newslens/README.md, then the KB ruler.
model: setup
	$(PY) training/build_model.py --shared "$(SHARED)" --out models/de_newslens \
	    --run silver80k_w128 --max-minutes 50 --europeana-ratio 0 --silver \
	    --set components.ner.model.hidden_width=128 --set training.dropout=0.3 \
	    --set training.optimizer.use_averages=true \
	    --set components.tok2vec.model.encode.width=128 \
	    --set 'components.tok2vec.model.embed.rows=[10000,2000,5000,5000]'
	$(PY) training/ruler.py --model models/de_newslens

bench: setup
	@for script in benchmarks/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

lab: setup
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

notebooks: setup
	NEWSLENS_PROGRESS=0 $(PY) -m newslens.report --refresh

clear-cache: setup
	$(PY) -m newslens clear-cache

clean:
	rm -rf reports .cache
