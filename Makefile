# DigiVillae portal — `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
CHROMIUM := /usr/bin/chromium

.PHONY: run test venv venv-dev deploy-tools lint format migrate messages compilemessages demo vendor chromium clean backup restore bench faults audit handbook

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11 or run make PYTHON=python3"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed
venv-dev: $(VENV)/.installed-dev

compilemessages: venv
	$(MANAGE) compile_catalogues

migrate: venv
	$(MANAGE) migrate --noinput

demo: migrate compilemessages
	$(MANAGE) load_demo

run: demo
	$(MANAGE) ensure_dev_admin
	$(MANAGE) runserver 127.0.0.1:8000

# Debian's Chromium for the browser tests (never a downloaded browser build).
chromium:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Install Debian's chromium package (sudo apt-get install chromium) for the browser tests"; exit 1; fi; }

# Debian's nginx and systemd tools, for the checks of the deployment kit (deploy/); nginx is
# installed, never started.
deploy-tools:
	@test -x /usr/sbin/nginx && command -v systemd-analyze >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends nginx systemd openssl; \
	  else echo "Install Debian's nginx, systemd and openssl packages (sudo apt-get install nginx systemd openssl) for the deployment checks"; exit 1; fi; }

lint: venv-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff format --check .
	DATABASE_URL= $(MANAGE) makemigrations --check --dry-run
	$(MAKE) audit

# Known vulnerabilities in the pinned dependencies (PyPI's advisory data).
audit: venv-dev
	$(VENV)/bin/pip-audit -r requirements.txt -r requirements-dev.txt --progress-spinner off

format: venv-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: venv-dev chromium deploy-tools lint compilemessages
	$(VENV)/bin/pytest

# Translators' workflow: extract strings into the .po files (the one source of translations;
# edit them with Poedit or Weblate), then compile. Fuzzy entries are never compiled.
messages: venv
	$(MANAGE) makemessages -l it -l fr -l en --no-location --ignore=.venv --ignore=node_modules --ignore=tests --ignore=staticfiles
	$(MANAGE) compile_catalogues

# Refresh front-end libraries from the npm registry into static/vendor (committed).
vendor:
	npm install --no-audit --no-fund
	mkdir -p static/vendor/leaflet
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css \
	  node_modules/leaflet/dist/images node_modules/leaflet/LICENSE static/vendor/leaflet/

clean:
	rm -rf $(VENV) staticfiles tests/artifacts

# Backups: database (pg_dump custom format, or SQLite's backup) and media + private files.
# make backup [BACKUP=backups/name]; make restore BACKUP=backups/name (into an empty database).
backup: venv
	$(MANAGE) backup $(BACKUP)

restore: venv
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/<folder>"; exit 1; }
	$(MANAGE) restore $(BACKUP)

# The editors' handbook's pictures: every screen it shows, photographed in every language on a
# fresh demo (handbook/screenshots.py); commit the results.
handbook: venv-dev chromium compilemessages
	$(PY) -m handbook.screenshots

# Load test on this machine: gunicorn + production settings + PostgreSQL (DATABASE_URL), wrk.
bench: venv compilemessages
	@command -v wrk >/dev/null 2>&1 || { apt-get install -y wrk >/dev/null || sudo apt-get install -y wrk; }
	@test -n "$(DATABASE_URL)" || { echo "make bench needs DATABASE_URL=postgres://..."; exit 1; }
	$(PY) -m bench.run

# Faults under load: private PostgreSQL, Redis and SMTP servers are stopped one at a time while
# gunicorn serves reads, answers, proposals and supports (bench/faults.py, docs/benchmark.md).
faults: venv-dev compilemessages
	@command -v redis-server >/dev/null 2>&1 || { apt-get install -y redis-server >/dev/null || sudo apt-get install -y redis-server; }
	$(PY) -m bench.faults
