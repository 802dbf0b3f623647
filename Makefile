# Every target bootstraps what it needs on a fresh machine with Python 3.11 and apt.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build kiosk test lint bench audit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(VENV)/.runtime $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

/usr/bin/chromium:
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

serve: $(VENV)/.runtime node_modules/.installed  ## the site, with live reload, on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

build: $(VENV)/.runtime node_modules/.installed  ## strict build into site/
	$(BIN)/mkdocs build --strict -d site

kiosk: $(VENV)/.runtime node_modules/.installed  ## offline kiosk build into site-kiosk/ and site-kiosk.zip
	$(BIN)/mkdocs build --strict -f mkdocs.kiosk.yml -d site-kiosk
	@# Zip the folder itself, so the zip unpacks into site-kiosk/ (open site-kiosk/index.html).
	rm -f site-kiosk.zip && $(BIN)/python -m zipfile -c site-kiosk.zip site-kiosk

test: $(VENV)/.dev node_modules/.installed /usr/bin/chromium  ## every test: unit, build, browser
	$(BIN)/ruff check hooks tests benchmarks
	$(BIN)/pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check hooks tests benchmarks

bench: $(VENV)/.dev node_modules/.installed  ## benchmarks (reported, never asserted)
	$(BIN)/python benchmarks/run_all.py

audit: $(VENV)/.dev node_modules/.installed /usr/bin/chromium  ## axe, page weight, Lighthouse over both builds -> benchmarks/results/audit.{json,md}
	$(BIN)/mkdocs build --strict -q -d site
	if [ -f mkdocs.kiosk.yml ]; then $(BIN)/mkdocs build --strict -q -f mkdocs.kiosk.yml -d site-kiosk; fi
	npm install --no-save --no-audit --no-fund --loglevel=error lighthouse@13.5.0
	$(BIN)/python benchmarks/audit.py --site site --kiosk site-kiosk --runs 3

clean:
	rm -rf site site-kiosk site-kiosk.zip .pytest_cache
