# parent_guide: `make run` serves the site, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
# The tests run in parallel (pytest-xdist), one process per core up to four, an idle one
# taking tests from a busy one (worksteal), since a few sweeps take a minute each. Much of
# each one's time is spent waiting on Chromium, gunicorn and the databases.
PYTEST_ARGS ?= -n auto --maxprocesses 4 --dist worksteal
HOST ?= 127.0.0.1
PORT ?= 5000
# Production is the app's default (it then needs strong secrets); these targets are for
# a developer's machine, so they run it as development unless told otherwise.
DEV := PARENT_GUIDE_ENV=$${PARENT_GUIDE_ENV:-development}

.DEFAULT_GOAL := help
.PHONY: help system-run system-test setup db assets catalogues translations translations-check run serve test security audit screenshots clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | awk 'BEGIN {FS = ":.*## "} {printf "  %-14s %s\n", $$1, $$2}'

$(STAMPS)/venv: pyproject.toml
	@mkdir -p $(STAMPS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(STAMPS)/venv-test: $(STAMPS)/venv
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

$(STAMPS)/npm: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

assets: $(STAMPS)/npm $(STAMPS)/venv ## Compile the Sass and fingerprint the static files
	npm run --silent build
	$(BIN)/python -m parent_guide.assets

catalogues: $(STAMPS)/venv ## Compile the gettext catalogues (what setup needs)
	$(BIN)/pybabel compile -d translations -D messages

translations: $(STAMPS)/venv ## Extract marked strings, update every catalogue, then compile them
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 -o translations/messages.pot --no-location --sort-output --project parent_guide .
	$(BIN)/pybabel -q update -i translations/messages.pot -d translations -D messages --no-fuzzy-matching --ignore-obsolete
	$(MAKE) --no-print-directory catalogues

translations-check: $(STAMPS)/venv ## List what each language still lacks (fails if a shipped one lacks anything)
	$(BIN)/python -m parent_guide.completeness

# System packages come first: the app imports WeasyPrint, which needs Pango, as it starts.
system-run: ## Install the Debian packages the site needs (WeasyPrint's libraries, Noto fonts) if missing
	scripts/system-deps.sh run

system-test: ## Install those plus Chromium, PostgreSQL and poppler-utils for the tests, if missing
	scripts/system-deps.sh test

setup: $(STAMPS)/venv assets catalogues ## Install everything the site needs into .venv

db: system-run $(STAMPS)/venv ## Create or upgrade the database (SQLite in instance/, or DATABASE_URL)
	$(DEV) $(BIN)/flask --app parent_guide db upgrade

run: system-run setup db ## Set everything up and serve the site on http://127.0.0.1:5000
	$(DEV) $(BIN)/flask --app parent_guide run --host $(HOST) --port $(PORT)

serve: system-run setup db ## Serve the site with gunicorn, as in production (settings in gunicorn.conf.py)
	$(BIN)/gunicorn -c gunicorn.conf.py

test: system-test setup $(STAMPS)/venv-test security ## Set everything up, with Chromium, and run every test
	PARENT_GUIDE_ENV=development $(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest: no tests ran (exit code 5)"; exit 0; fi; exit $$status

security: $(STAMPS)/venv-test ## Scan the code with bandit; fails on medium or high severity
	$(BIN)/bandit --quiet --recursive parent_guide migrations bench scripts --severity-level medium

audit: $(STAMPS)/venv-test ## Check installed packages for known vulnerabilities (needs pypi.org's vulnerability data)
	$(BIN)/pip-audit --local --strict --skip-editable

screenshots: system-test setup $(STAMPS)/venv-test ## Retake the README's phone-sized screenshot
	$(DEV) $(BIN)/python scripts/screenshots.py


clean: ## Remove the virtualenv, node_modules and built files
	rm -rf $(VENV) node_modules build parent_guide/static $(STAMPS)
