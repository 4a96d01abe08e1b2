# "When accuracy lies" — every target creates the virtual environment first if it is missing.
# Run `make help` for the list.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Quiet, deterministic kernels; COURSE_STRICT_WARNINGS turns deprecations raised
# by course code or notebook cells into errors (see course_utils/__init__.py).
# JupyterLab refuses to run as root without this flag (containers, CI machines).
LAB_FLAGS := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
TEST_ENV := COURSE_STRICT_WARNINGS=1 TF_CPP_MIN_LOG_LEVEL=3 PYDEVD_DISABLE_FILE_VALIDATION=1

.DEFAULT_GOAL := help
.PHONY: help venv lab test test-browser test-latest exercises execute bench lock clean site test-site

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; run e.g. make PYTHON=python3.11")'
	@$(PYTHON) -c 'import sys; sys.version_info < (3, 14) or print("warning: the course is tested on Python 3.11-3.13; TensorFlow may have no wheels for this one. If the install fails, run e.g. make PYTHON=python3.13")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,browser]'
	touch $(STAMP)

venv: $(STAMP) ## create or update the virtual environment (.venv) from pyproject.toml + constraints.txt

# JUPYTER_CONFIG_PATH: the course's jupyter_server_config.py (idle kernels are shut down; see the instructor guide).
lab: $(STAMP) ## set up, then open the course in JupyterLab at notebook 00
	JUPYTER_CONFIG_PATH="$(CURDIR)$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" $(BIN)/jupyter lab $(LAB_FLAGS) notebooks/00_setup.ipynb

# Unit, property, widget and checker tests with coverage; then the notebooks under nbval (coverage makes
# nbval's kernels hang, so they run without it). Learners' laptops differ in thread count: the checked
# notebook cells must print the same text at 2 threads and at 1 thread (a second pass over the notebooks
# that have checked cells).
CHECKED_NOTEBOOKS = $(shell grep -l NBVAL_CHECK_OUTPUT notebooks/*.ipynb solutions/*.ipynb 2>/dev/null)
THREADS = OMP_NUM_THREADS=$(1) OPENBLAS_NUM_THREADS=$(1) MKL_NUM_THREADS=$(1)

test: $(STAMP) ## set up, then run every test that needs no browser (unit, property, widget, checker, sync, nbval) offline, notebooks at 2 and 1 threads
	$(TEST_ENV) $(call THREADS,2) tools/offline.sh $(BIN)/python -m pytest --cov --cov-report=term:skip-covered course_utils tests
	$(TEST_ENV) $(call THREADS,2) tools/offline.sh $(BIN)/python -m pytest notebooks solutions exercises
	$(TEST_ENV) $(call THREADS,1) tools/offline.sh $(BIN)/python -m pytest $(CHECKED_NOTEBOOKS)

test-browser: $(STAMP) ## set up (incl. Debian's chromium), then run every notebook and widget in a real JupyterLab + Chromium
	bash tools/install_chromium.sh
	$(TEST_ENV) tools/offline.sh $(BIN)/python -m pytest browser_tests -n 0

SITE_STAMP := $(VENV)/.installed-site
$(SITE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[site]'
	touch $(SITE_STAMP)

site: $(SITE_STAMP) ## build the course website into _build/site from the committed outputs (nothing is executed)
	$(BIN)/python tools/build_site.py

test-site: $(SITE_STAMP) ## build the website, serve it on 127.0.0.1, check every page in Chromium (links, images, Binder, axe)
	bash tools/install_chromium.sh
	tools/offline.sh $(BIN)/python -m pytest -p no:cacheprovider -o addopts="-ra" site_tests

exercises: $(STAMP) ## regenerate exercises/ from solutions/
	$(BIN)/python tools/make_exercises.py

execute: $(STAMP) ## re-run notebooks/ and solutions/ top to bottom, save outputs, regenerate exercises
	$(BIN)/python tools/execute_notebooks.py
	$(BIN)/python tools/make_exercises.py

# Interpreters for test-latest, e.g. make test-latest LATEST_PYTHONS="python3.11 python3.13"
LATEST_PYTHONS ?= $(PYTHON)
test-latest: ## the whole suite against the NEWEST release of every dependency (.venv-latest-X.Y); writes test-latest-report.md
	bash tools/test_latest.sh $(LATEST_PYTHONS)

bench: $(STAMP) ## time each notebook in a fresh kernel (seconds, peak MB) and each widget update, against the budgets
	$(BIN)/python tools/bench.py --json bench-results.json

lock: $(STAMP) $(SITE_STAMP) ## re-pin constraints.txt from the current virtual environment
	@set -e; freeze="$$($(BIN)/python -m pip freeze --all --exclude-editable)"; \
	{ echo "# Pinned versions installed by 'make' (pip install -c constraints.txt -e .[test,browser])."; \
	  echo "# Regenerate with 'make lock' after changing pyproject.toml. Made on $$(uname -sm), Python $$($(BIN)/python -c 'import platform; print(platform.python_version())')."; \
	  echo "# tensorflow-cpu is pinned for Linux/Windows x86-64; tensorflow (macOS, ARM) gets the same version."; \
	  echo "$$freeze" | grep -viE '^(course-utils|pip)=='; \
	  echo "$$freeze" | grep -iE '^tensorflow[-_]cpu==' | sed -E 's/^tensorflow[-_]cpu/tensorflow/I'; } > constraints.txt.new; \
	if cmp -s constraints.txt.new constraints.txt; then rm constraints.txt.new; echo "constraints.txt is up to date"; \
	else mv constraints.txt.new constraints.txt; echo "wrote constraints.txt"; fi; \
	touch $(STAMP)  # the venv is exactly what constraints.txt pins: no reinstall on the next make

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info bench-results.json
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
