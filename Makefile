# Two commands set everything up on a machine with Python 3.11+ and make:
#   make run   - create .venv, install the locked dependencies, run the flow on seeds/
#   make test  - the same setup (plus Debian's chromium for the report test), then the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INPUT ?= seeds
WAREHOUSE ?= warehouse
GOLD ?= tests/fixtures/gold/seeds
BENCH_SIZES ?= 1000,10000
# the shared folder beside the checkout (or beside its parent, for a git worktree)
SHARED ?= $(firstword $(wildcard ../shared ../../shared) ../shared)
# a DuckDB 1.x reader in a side folder, so a test can open the published catalog the way the
# DuckDB 1.x CLI and BI drivers do (PYTHONPATH=$(DUCKDB1) python -c "import duckdb")
DUCKDB1 := $(VENV)/duckdb1
DUCKDB1_VERSION ?= 1.5.6

export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_SERVER_UI_ENABLED := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false
# Prefect's temporary server's start limit is newsgate run's (flows/cli.py: 300 s, unless set)

# the report test renders the report in a headless browser: Debian's chromium (never a download)
BROWSER ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install browser run evaluate evaluate-dev evaluate-seeds bench test lint format lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	rm -rf $(DUCKDB1)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --target $(DUCKDB1) duckdb==$(DUCKDB1_VERSION)
	touch $(STAMP)

browser:
	@[ -x "$(BROWSER)" ] || { \
	  echo "installing Debian's chromium for the report test (apt-get)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }; \
	[ -x "$(BROWSER)" ] || { \
	  echo "make: the report test needs Chromium at $(BROWSER): apt-get install chromium, or set BROWSER=" >&2; \
	  exit 1; }

run: $(STAMP)
	$(BIN)/newsgate run --input $(INPUT) --warehouse $(WAREHOUSE)

evaluate: run
	$(BIN)/newsgate evaluate --input $(INPUT) --warehouse $(WAREHOUSE) --gold $(GOLD)

# the reference scorer on the development set / the seeds (each run into a temporary warehouse)
evaluate-dev: $(STAMP)
	SCORER=$(SHARED)/tools/score.py scripts/score_reference.sh $(SHARED)/dev/articles $(SHARED)/dev/gold

evaluate-seeds: $(STAMP)
	SCORER=$(SHARED)/tools/score.py scripts/score_reference.sh seeds $(GOLD)

bench: $(STAMP)
	$(BIN)/newsgate bench run --sizes $(BENCH_SIZES)

test: $(STAMP) browser
	NEWSGATE_BROWSER=$(BROWSER) $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

lock: $(STAMP)
	$(BIN)/uv pip compile --quiet pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) $(WAREHOUSE)/newsgate.duckdb* $(WAREHOUSE)/publications $(WAREHOUSE)/published $(WAREHOUSE)/report
