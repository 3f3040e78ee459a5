# congtin — `make help` lists the targets. Only Python 3.11+ and make are needed on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
LOCK := requirements/dev.lock
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py

.PHONY: help install run test test-pg lint format typecheck check migrations-check bench bench-web demo lock clean browser-deps run-prod stop-prod

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(STAMP): $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "congtin cần Python 3.11 trở lên (needs Python 3.11+)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked dependencies

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --silent --no-audit --no-fund && touch $@; \
	else echo "npm không có: bỏ qua axe-core, các kiểm thử trình duyệt sẽ được bỏ qua (npm not found)"; fi

browser-deps: node_modules/.installed ## Install axe-core (npm) for the accessibility checks

run: $(STAMP) ## Set up, migrate, load the demo when empty, and serve on http://127.0.0.1:$(PORT)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) search_index_catch_up
	@echo ""
	@echo "  congtin: http://127.0.0.1:$(PORT)/   quản trị (admin): http://127.0.0.1:$(PORT)/admin/"
	@echo "  Tài khoản mẫu (mật khẩu: congtin-demo): admin, tongbientap, bientap, phongvien, congtacvien"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:$(PORT)

run-prod: $(STAMP) ## The production topology on 127.0.0.1: PostgreSQL, Redis, gunicorn, worker, Varnish (deploy/run-prod)
	deploy/run-prod start

stop-prod: ## Stop what make run-prod started (Varnish, worker, gunicorn, its private Redis)
	deploy/run-prod stop

# The suite runs on every core (pytest-xdist; PYTEST_WORKERS=0 runs it in one process). `--dist load` hands each
# worker the tests in pytest-django's order, so a transactional test's flush never precedes a test that needs the
# migrations' rows on the same worker (docs/decisions/0022-parallel-test-suite.md).
PYTEST_WORKERS ?= auto

test: $(STAMP) browser-deps ## Set up and run the whole suite on every core (SQLite; PostgreSQL when DATABASE_URL names one)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist load $(PYTEST_ARGS)

test-pg: ## Run the suite on the local PostgreSQL server
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/congtin} $(MAKE) test

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP) ## mypy on congtin and bench (strict on vietnamese/, services and queries)
	$(BIN)/mypy congtin bench

migrations-check: $(STAMP) ## Fail if a model change has no migration
	DJANGO_SETTINGS_MODULE=congtin.settings.test $(MANAGE) makemigrations --check --dry-run

check: lint typecheck migrations-check test ## Everything CI runs on SQLite

demo: $(STAMP) ## Migrate and load the demo content
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) search_index_catch_up

lock: $(STAMP) ## Re-pin requirements/*.lock from pyproject.toml
	$(BIN)/pip-compile -q --strip-extras --generate-hashes --allow-unsafe -o requirements/prod.lock pyproject.toml
	$(BIN)/pip-compile -q --strip-extras --generate-hashes --allow-unsafe --extra dev -o requirements/dev.lock pyproject.toml

# BENCH_QUICK=1 (or `make bench QUICK=1`): a short smoke run of each bench; BENCH_ARTICLES=100000 or 1000000: the
# web bench's corpus size (default 10,000). Each bench prints why it skips a part it cannot run here.
BENCH_QUICK ?= $(QUICK)
export BENCH_QUICK BENCH_ARTICLES
BENCH_QUICK_FLAG := $(if $(filter-out 0,$(BENCH_QUICK)),--quick,)

bench: $(STAMP) ## Every bench: citations, search, web pages (BENCH_QUICK=1 short; BENCH_ARTICLES=100000)
	$(BIN)/python -m bench.citations
	$(BIN)/python -m bench.search $(BENCH_QUICK_FLAG)
	$(BIN)/python -m bench.cases_report --ensure $(if $(BENCH_QUICK_FLAG),20000,1000000) $(if $(BENCH_QUICK_FLAG),--repeat 1,)
	$(BIN)/python -m bench.web

bench-web: $(STAMP) ## The web bench alone: congtin vs vanilla Wagtail, Varnish and nginx (docs/benchmarks/)
	$(BIN)/python -m bench.web

clean: ## Remove the virtualenv, node_modules and local database
	rm -rf $(VENV) node_modules db.sqlite3 db.search-index .pytest_cache .mypy_cache .ruff_cache
