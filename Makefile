# Two commands do all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test test-future lint typecheck contracts pytest bench chaos system-deps translations forms demo clean screenshots

# Bytecode is compiled up front, as an installed app has it (PYTHONDONTWRITEBYTECODE would
# otherwise make every start compile the whole package again).
run: $(STAMP) translations
	$(PY) -m compileall -q salesdesk
	$(PY) main.py $(ARGS)

demo: $(STAMP) translations
	$(PY) main.py --demo $(ARGS)

# Every page for every demo role (1366x728), the care screens and the satisfaction PDF, in
# Chinese, from a fresh demo (build/screenshots; ARGS='--size WxH --lang en' for others).
screenshots: $(STAMP) translations
	$(PY) -m salesdesk.devtools.screenshots build/screenshots $(ARGS)

test: system-deps $(STAMP) translations lint typecheck contracts pytest

# Debian packages the tests need: poppler (pdftotext/pdffonts/pdftoppm), a PostgreSQL server
# for the sync tests, and libfaketime plus a C compiler for `make test-future`. Installed only
# when missing, and only when we are allowed to.
system-deps:
	@$(PYTHON) -c "import sys; assert sys.version_info >= (3, 11), 'Python 3.11+ is required'"
	@missing=""; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	( command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 ) || missing="$$missing postgresql"; \
	$(PYTHON) -c "import venv, ensurepip" >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	ls /usr/lib/*/faketime/libfaketime.so.1 >/dev/null 2>&1 || missing="$$missing faketime"; \
	command -v cc >/dev/null 2>&1 || missing="$$missing gcc libc6-dev"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "please install:$$missing (tests needing them will be skipped)"; fi; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

translations: $(STAMP) $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# Regenerate the Designer form modules (a test fails when they drift from forms/*.ui).
forms: $(STAMP)
	$(PY) -m salesdesk.devtools.forms

lint: $(STAMP)
	$(VENV)/bin/ruff check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy salesdesk

contracts: $(STAMP)
	$(VENV)/bin/lint-imports

pytest: $(STAMP) translations
	$(PY) -m pytest $(PYTEST_ARGS)

# The pytest suite again with every clock of the process tree (pytest, the app's subprocesses,
# the throwaway PostgreSQL) moved FUTURE_DAYS ahead by libfaketime: no test may depend on
# today's date. The monotonic clock stays real (timeouts and sleeps keep working); see
# tests/faketime/monotonic_sleep.c for the libfaketime 0.9.10 bug the small shim works around.
FUTURE_DAYS ?= 400
SLEEP_SHIM := build/faketime/monotonic_sleep.so

$(SLEEP_SHIM): tests/faketime/monotonic_sleep.c
	@mkdir -p $(dir $@)
	cc -O2 -shared -fPIC -o $@ $< -ldl

# The library is looked up when the recipe runs: system-deps may have just installed it.
test-future: system-deps $(STAMP) translations $(SLEEP_SHIM)
	@lib=$$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1); \
	if [ -z "$$lib" ]; then echo "libfaketime is missing (Debian package faketime)"; exit 1; fi; \
	export LD_PRELOAD="$(CURDIR)/$(SLEEP_SHIM):$$lib" FAKETIME="+$(FUTURE_DAYS)d" \
	  FAKETIME_DONT_FAKE_MONOTONIC=1; \
	$(PY) tests/faketime/check.py $(FUTURE_DAYS) && $(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP) translations
	$(PY) bench/run.py $(BENCH_ARGS)

chaos: $(STAMP)
	$(PY) -m pytest tests/e2e -m slow --chaos-seeds=$(or $(SEEDS),5)

clean:
	rm -rf $(VENV) $(QM) .mypy_cache .ruff_cache
