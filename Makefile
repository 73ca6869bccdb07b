# Two commands do everything on a fresh machine with python3 and make:
#   make run   - set up .venv, check seeds/ and refresh reports/
#   make test  - set up .venv with the dev tools, run ruff, mypy and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
SHARED ?= ../shared

.PHONY: run test lint typecheck reports bench-accuracy bench-speed clean help

help:
	@echo "make run             set up and check seeds/ (writes reports/)"
	@echo "make test            set up and run ruff, mypy and pytest"
	@echo "make reports         regenerate reports/ from seeds/"
	@echo "make bench-accuracy  TempEval-3 and peer conformance tables (needs ../shared)"
	@echo "make bench-speed     throughput and scaling, side by side with dateparser and quantulum3"
	@echo "make clean           remove .venv and caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP) $@

reports: $(STAMP)
	$(BIN)/crosscheck check seeds/ --format json --output reports/seeds.json
	$(BIN)/crosscheck check seeds/ --format markdown --output reports/seeds.md

run: reports
	$(BIN)/crosscheck check seeds/

lint: $(DEV_STAMP)
	$(BIN)/ruff check checker tests $(wildcard benchmarks)
	$(BIN)/ruff format --check checker tests $(wildcard benchmarks)

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest

bench-accuracy: $(STAMP)
	$(BIN)/python -m benchmarks.tempeval3 --shared $(SHARED)
	$(BIN)/python -m benchmarks.conformance --shared $(SHARED)

# The peers run in an environment of their own: they are never crosscheck dependencies.
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed:
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet dateparser quantulum3
	touch $@

bench-speed: $(STAMP) $(BENCH_VENV)/.installed
	$(BIN)/python -m benchmarks.speed --peers $(BENCH_VENV)/bin/python

clean:
	rm -rf $(VENV) $(BENCH_VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
