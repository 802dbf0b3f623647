# Every target bootstraps what it needs on a fresh machine with Python 3.11 and apt.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve check build preview kiosk zim test lint bench audit clean new

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

check: $(VENV)/.runtime node_modules/.installed  ## strict build into a throw-away folder: every error, no SITE_URL needed
	dir=$$(mktemp -d) && $(BIN)/mkdocs build --strict -d "$$dir"; status=$$?; rm -rf "$$dir"; exit $$status

# A publishing build needs the site's public address (canonical links, hreflang, sitemap):
#   make build SITE_URL=https://example.org/prakerja/
# It writes site/ (with site/_headers) and site.nginx.conf; see dev/DEPLOY.md.
build: $(VENV)/.runtime node_modules/.installed  ## publishing build into site/ (needs SITE_URL=https://…/)
	@PYTHONPATH=hooks $(BIN)/python -m sitekit.siteurl "$(SITE_URL)" >/dev/null
	SITE_URL="$(SITE_URL)" $(BIN)/mkdocs build --strict -d site
	PYTHONPATH=hooks $(BIN)/python -m sitekit.hostconfig nginx site "$(SITE_URL)" > site.nginx.conf

preview: $(VENV)/.runtime  ## serve the publishing build as a host would (under SITE_URL's path, with _headers)
	@PYTHONPATH=hooks $(BIN)/python -m sitekit.siteurl "$(SITE_URL)" >/dev/null
	PYTHONPATH=hooks $(BIN)/python -m sitekit.hostpreview site "$(SITE_URL)" 8001

kiosk: $(VENV)/.runtime node_modules/.installed  ## offline kiosk build into site-kiosk/ and site-kiosk.zip (with launchers and SHA256SUMS)
	$(BIN)/mkdocs build --strict -f mkdocs.kiosk.yml -d site-kiosk
	@# Launchers, verify scripts and the guide go in beside index.html, then SHA256SUMS over
	@# every file; the zip holds the folder itself (it unpacks into site-kiosk/). dev/KIOSK.md.
	PYTHONPATH=hooks $(BIN)/python -m sitekit.kioskpack site-kiosk site-kiosk.zip kiosk dev/KIOSK.md

zim: $(VENV)/.dev node_modules/.installed  ## offline file for phones (Kiwix): site-zim/ and site.zim
	$(BIN)/mkdocs build --strict -f mkdocs.zim.yml -d site-zim
	PYTHONPATH=hooks $(BIN)/python -m sitekit.zimfile site-zim site.zim mkdocs.zim.yml

test: $(VENV)/.dev node_modules/.installed /usr/bin/chromium  ## every test: unit, build, browser
	$(BIN)/ruff check hooks tests benchmarks
	$(BIN)/pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check hooks tests benchmarks

bench: $(VENV)/.dev node_modules/.installed  ## benchmarks (reported, never asserted)
	$(BIN)/python benchmarks/run_all.py

audit: $(VENV)/.dev node_modules/.installed /usr/bin/chromium  ## axe, page weight, Lighthouse over both builds -> benchmarks/results/audit.{json,md}
	$(BIN)/mkdocs build --strict -d site
	if [ -f mkdocs.kiosk.yml ]; then $(BIN)/mkdocs build --strict -f mkdocs.kiosk.yml -d site-kiosk; fi
	npm install --no-save --no-audit --no-fund --loglevel=error lighthouse@13.5.0
	$(BIN)/python benchmarks/audit.py --site site --kiosk site-kiosk --runs 3

# A bilingual explainer for another program, from this engine: make new DIR=../penjelasan-bansos
new: $(VENV)/.runtime  ## start an explainer site for another program in DIR (a new or empty folder)
	@test -n "$(DIR)" || { echo "usage: make new DIR=../folder-of-the-new-site" >&2; exit 2; }
	PYTHONPATH=hooks $(BIN)/python -m peraturan new "$(DIR)"

clean:
	rm -rf site site.nginx.conf site-kiosk site-kiosk.zip site-zim site.zim .pytest_cache
