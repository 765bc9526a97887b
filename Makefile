# Two commands set everything up on a fresh machine (Python >= 3.11 and make):
#   make demo   — installs into .venv and runs the demo on the embedded default
#   make test   — installs into .venv and runs the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DISTRIBUTIONS := ./core[test] ./plugins/jinan ./plugins/zhejiang ./plugins/pingdingshan ./plugins/xuchang

.PHONY: demo test lint bench fuzz install setup messages

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

# The message catalogs (zhengming/i18n): extract every _(…), gettext(…) and Message(…) msgid, every
# pgettext(context, …) msgid with its context and every ngettext/npgettext pair (singular, plural), from the
# code and the console's templates (babel.cfg), merge them into each language's .po (new ones empty; in
# zh_CN a changed one is guessed as fuzzy, in en not at all, as English mostly needs no entry:
# tests/test_i18n.py fails on a fuzzy entry in either until a person translates it), compile the .mo files
# the package reads. The keywords must match zhengming.i18n.KEYWORDS (a test checks).
I18N := core/src/zhengming/i18n
LOCALES := zh_CN en
messages: $(STAMP)
	mkdir -p build
	$(BIN)/pybabel --quiet extract -F babel.cfg --no-default-keywords -k _ -k gettext -k Message -k pgettext:1c,2 \
		-k ngettext:1,2 -k npgettext:1c,2,3 \
		--add-location=file --sort-output --no-wrap --project zhengming \
		-o build/zhengming.pot core/src/zhengming
	for locale in $(LOCALES); do \
		if [ -f $(I18N)/locale/$$locale/LC_MESSAGES/zhengming.po ]; then \
			$(BIN)/pybabel --quiet update -i build/zhengming.pot -d $(I18N)/locale -D zhengming -l $$locale \
				--no-wrap --ignore-obsolete $$([ $$locale = en ] && echo --no-fuzzy-matching); \
		else $(BIN)/pybabel --quiet init -i build/zhengming.pot -d $(I18N)/locale -D zhengming -l $$locale --no-wrap; fi; \
	done
	# a fixed creation date (the compiler writes the current time where there is none): the catalogs change
	# only when a message does
	sed -i 's/^"POT-Creation-Date: .*/"POT-Creation-Date: 2026-01-01 00:00+0000\\n"/; /^"PO-Revision-Date: /d; /^"Generated-By: /d' \
		$(I18N)/locale/*/LC_MESSAGES/zhengming.po
	$(BIN)/pybabel compile -d $(I18N)/locale -D zhengming --statistics
	# click's own messages (usage errors, prompts) in Chinese: a second domain, kept by hand (its msgids are
	# click's, not extracted from our code; zhengming.cli.click_messages reads it), only compiled here
	$(BIN)/pybabel compile -d $(I18N)/locale -D click --statistics
