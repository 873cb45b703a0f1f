# The two commands: `make build` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup build lint html docx test bench lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q tooling  # as pip does for an installed package
	touch $(STAMP)

setup: $(STAMP)

# Lint every unit (findings do not stop the build), then the Word files and their PDFs
# (skipped with a message where LibreOffice is absent; a PDF that fails does not stop the
# site), then the site (which links the Word files and PDFs it finds).
build: setup
	-$(BIN)/baocao lint
	$(BIN)/baocao build docx
	-$(BIN)/baocao build pdf
	$(BIN)/baocao build html

test: setup
	$(BIN)/python -m pytest -q -n 2 --dist loadfile; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests ran"; exit 0; fi; exit $$rc

bench: setup
	$(BIN)/python bench/lint.py
	$(BIN)/python bench/html.py
	$(BIN)/python bench/docx.py

# Re-pin every dependency after changing pyproject.toml (needs the network).
lock:
	rm -rf /tmp/baocao-lock && $(PYTHON) -m venv /tmp/baocao-lock
	/tmp/baocao-lock/bin/pip install --quiet . pytest pytest-xdist hypothesis ruff jsonschema \
	  check-jsonschema pre-commit playwright beautifulsoup4 lxml
	/tmp/baocao-lock/bin/pip freeze --exclude baocao > requirements.lock

clean:
	rm -rf _build .pytest_cache
