# Schakel: two commands on a fresh machine (Python 3.11+, Node 20+):
#   make run    set up, migrate, load the demo world, serve on http://127.0.0.1:8000
#   make test   set up, then run every test (SQLite, or PostgreSQL when DATABASE_URL is set)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?=

.PHONY: run test lint setup system demo messages messages-check browser benchmark load clean production

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: system $(VENV)/.installed node_modules/.installed messages

# System libraries from Debian: Pango for WeasyPrint (printed documents; Django imports it at
# start), poppler's pdftotext/pdftoppm for the tests that read the PDFs, and ClamAV (clamd and
# sigtool) that scans every attachment before it is stored (docs/attachments.md), and nginx,
# the load balancer of the two-machine test (tests/settings/test_two_machines.py).
system:
	@{ ldconfig -p | grep -q libpangoft2-1.0 && command -v pdftoppm >/dev/null 2>&1 \
	   && { command -v clamd || test -x /usr/sbin/clamd; } >/dev/null 2>&1 \
	   && command -v sigtool >/dev/null 2>&1 \
	   && { command -v nginx || test -x /usr/sbin/nginx; } >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      libpango-1.0-0 libpangoft2-1.0-0 poppler-utils fonts-dejavu-core \
	      clamav-daemon clamav nginx) >/dev/null; \
	  else echo "Install Pango, poppler, ClamAV and nginx (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 poppler-utils clamav-daemon clamav nginx)." >&2; exit 1; fi; }

# The compiled catalogue is committed; recompile when gettext is there.
messages:
	@if command -v msgfmt >/dev/null 2>&1; then \
	  $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0; fi

# Debian's Chromium drives the browser tests; no browser is downloaded.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; \
	  else echo "Install Chromium (Debian: apt-get install chromium) for the browser tests." >&2; exit 1; fi; }

demo: setup
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) demo_load
	$(MANAGE) demo_portal
	$(MANAGE) demo_enroll_totp

# The development server and one background-job worker (db_worker); Ctrl-C, or either one
# ending, stops both (`serve`, in schakel.jobs). Before them a ClamAV daemon for the
# attachments, unless one answers already: `attachments_scanner` starts it in var/clamd with a
# local EICAR-only database (the signature mirror is not needed); it keeps running after
# Ctrl-C (`kill $$(cat var/clamd/clamd.pid)` stops it).
run: demo
	$(MANAGE) attachments_scanner
	@$(MANAGE) demo_signins --address $(HOST)
	$(MANAGE) serve $(HOST)

# Production (README "Production", docs/production.md), with its settings in the environment
# (SECRET_KEY, DATABASE_URL, ALLOWED_HOSTS, ...): apply the migrations, collect the static
# files into STATIC_ROOT (hashed; WhiteNoise serves them), then gunicorn with
# deploy/gunicorn.conf.py on HOST. The worker and the scheduler run beside it as their own
# processes (`manage.py db_worker`, `manage.py jobs_schedule` every few minutes).
PRODUCTION := DJANGO_SETTINGS_MODULE=schakel.settings.production

production: $(VENV)/.installed node_modules/.installed
	$(PRODUCTION) $(MANAGE) migrate --noinput
	$(PRODUCTION) $(MANAGE) collectstatic --noinput -v0
	$(PRODUCTION) exec $(BIN)/gunicorn --config deploy/gunicorn.conf.py --bind $(HOST) schakel.wsgi

# The browser tests run in their own session: they commit through a live server, and a
# database flushed by another transactional test would lack the rows the migrations install.
test: setup browser
	$(BIN)/pytest -n 2 -m "not browser" $(PYTEST_ARGS)
	$(BIN)/pytest -n 2 -m browser $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	PYTHONPATH=src $(BIN)/lint-imports --no-logo --no-cache
	$(BIN)/mypy src tests
	$(MANAGE) makemigrations --check --dry-run -v0
	@$(MAKE) --no-print-directory messages-check

# Every message id in the code has a Dutch translation: refresh the catalogue from the code
# (gettext needed) and fail on anything untranslated or fuzzy.
messages-check:
	@if command -v xgettext >/dev/null 2>&1; then \
	  cd src/schakel && ../../$(BIN)/python ../../manage.py makemessages -l nl --no-location \
	    --ignore=migrations -v0 && sed -i '/^"POT-Creation-Date/d' locale/nl/LC_MESSAGES/django.po && \
	  left="$$(msgattrib --untranslated locale/nl/LC_MESSAGES/django.po; msgattrib --only-fuzzy locale/nl/LC_MESSAGES/django.po)"; \
	  if [ -n "$$left" ]; then echo "Untranslated or fuzzy messages in src/schakel/locale/nl/LC_MESSAGES/django.po:"; echo "$$left" | grep -E '^msgid' ; exit 1; fi; \
	else echo "gettext not installed: message check skipped (the translation tests still run)"; fi

benchmark: setup
	$(BIN)/python benchmarks/case_pages.py
	$(BIN)/pip install --quiet "pandas>=2.2,<3.1"
	PYTHONPATH=src $(BIN)/python benchmarks/attendance.py --pupils 90000 --out benchmarks/results-attendance.json

# The load test (benchmarks/README.md "Load"): Locust against gunicorn with the production
# settings, on PostgreSQL (LOAD_DATABASE_URL, dropped and recreated) and then on SQLite, with a
# generated region; writes benchmarks/results-load.md. LOAD_ARGS for other sizes or steps.
LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/schakel_load
LOAD_ARGS ?=

load: setup
	$(BIN)/pip install --quiet "locust==2.47.0"
	PYTHONPATH=src $(BIN)/python benchmarks/load.py --database-url $(LOAD_DATABASE_URL) $(LOAD_ARGS)

clean:
	rm -rf $(VENV) node_modules var
