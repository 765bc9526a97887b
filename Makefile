# Two commands set everything up on a fresh machine (Python >= 3.11 and make):
#   make demo   — installs into .venv and runs the demo on the embedded default
#   make test   — installs into .venv and runs the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DISTRIBUTIONS := ./core[test] ./plugins/jinan ./plugins/zhejiang ./plugins/pingdingshan ./plugins/xuchang

.PHONY: demo test lint bench fuzz install setup

# Debian packages the letter, chart and console tests need: LibreOffice (renders .docx to PDF), poppler
# (PDF to PNG and text), Noto CJK (Chinese in charts, rendered letters and console screenshots), Chromium
# and its driver (the console's browser tests drive /usr/bin/chromium with Playwright; no browser
# download). Installed only when missing, and only as root; otherwise the tests that need them skip,
# saying why.
DEBIAN_PACKAGES := libreoffice-writer-nogui poppler-utils fonts-noto-cjk chromium chromium-driver
setup:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get install -y --no-install-recommends $$missing || (apt-get update && apt-get install -y --no-install-recommends $$missing)); \
	elif [ -n "$$missing" ]; then echo "not installed (letter render and browser tests will skip): $$missing"; fi

install: $(STAMP)

$(STAMP): core/pyproject.toml $(wildcard plugins/*/pyproject.toml) constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt $(addprefix -e ,$(DISTRIBUTIONS))
	touch $@

demo: $(STAMP)
	$(BIN)/zhengming demo

test: $(STAMP) setup
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# SpiffWorkflow is the lifecycle benchmark's point of comparison only: installed here, never for the tests.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check SpiffWorkflow==3.2.0
	$(BIN)/python bench/evaluate.py
	$(BIN)/python bench/lifecycle.py

# Ten thousand and more hostile inputs through evaluate, case open and import (tests/fuzzing.py).
fuzz: $(STAMP)
	$(BIN)/python bench/fuzz.py
