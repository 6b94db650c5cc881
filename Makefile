# netedu: `make serve` runs the course app, `make test` runs every test. Both set up from scratch.
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8866
VENV := .venv
BIN := $(VENV)/bin
AXE_VERSION := 4.14.1
AXE := tests/.axe/node_modules/axe-core/axe.min.js

.PHONY: serve test lint format screenshots lab check nav chromium axe bench clean help
.DEFAULT_GOAL := help

help:
	@echo "make serve   start the course app on http://$(HOST):$(PORT)/"
	@echo "make test    run the whole test suite (lint, layers, unit, content, notebooks, browser, accessibility)"
	@echo "make lint    ruff (lint and format check) and the import-linter layers contract"
	@echo "make format  format the code with ruff"
	@echo "make screenshots  refresh docs/images/ from the real app"
	@echo "make lab     open the notebooks in JupyterLab"
	@echo "make check   validate the content (netedu check)"
	@echo "make nav     regenerate the notebooks' navigation, disclaimer and reference cells"
	@echo "make bench   run the benchmarks in bench/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.app-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.app-installed

serve: $(VENV)/.app-installed
	@echo "Starting netedu at http://$(HOST):$(PORT)/"
	$(BIN)/netedu serve --host $(HOST) --port $(PORT)

lab: $(VENV)/.app-installed
	$(BIN)/jupyter lab --notebook-dir=notebooks

check: $(VENV)/.app-installed
	$(BIN)/netedu check

nav: $(VENV)/.app-installed
	$(BIN)/netedu nav

chromium: $(VENV)/.test-installed
	@$(BIN)/python tests/support/chromium.py

axe: $(AXE)
$(AXE):
	@command -v npm >/dev/null || { echo "npm is needed to install axe-core for the accessibility tests: apt-get install npm (or install Node.js)"; exit 1; }
	npm install --silent --no-audit --no-fund --prefix tests/.axe axe-core@$(AXE_VERSION)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.test-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint chromium axe
	$(BIN)/python -m pytest

screenshots: $(VENV)/.test-installed chromium
	$(BIN)/python tests/support/screenshots.py

bench: $(VENV)/.test-installed chromium
	$(BIN)/python bench/voila_load.py
	$(BIN)/python bench/answer_latency.py

clean:
	rm -rf $(VENV) tests/.axe .pytest_cache
