# The two commands: `make build` and `make test`. Both set up .venv first: `make build`
# with the runtime set only (requirements/runtime.txt), `make test` with the development
# set too (requirements/dev.txt). scripts/venv.sh installs them with uv, or with pip where
# uv cannot be had (INSTALLER=pip forces it).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
UV_BOOTSTRAP ?= .uv
export PYTHON VENV UV_BOOTSTRAP

.PHONY: setup setup-dev build lint html docx test bench lock clean

$(VENV)/.runtime: requirements/runtime.txt requirements/build.txt requirements/uv.txt pyproject.toml
	scripts/venv.sh runtime
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements/dev.txt
	scripts/venv.sh dev
	touch $@

setup: $(VENV)/.runtime

setup-dev: $(VENV)/.dev

# Lint every unit (findings do not stop the build), then the Word files and their PDFs
# (skipped with a message where LibreOffice is absent; a PDF that fails does not stop the
# site), the commendation roll-up's export (.xlsx, CSV), then the site (which links the
# Word files, PDFs and exports it finds).
build: setup
	-$(BIN)/baocao lint
	$(BIN)/baocao build docx
	-$(BIN)/baocao build pdf
	$(BIN)/baocao xuat
	$(BIN)/baocao build html

test: setup-dev
	$(BIN)/python -m pytest -q -n 2 --dist loadfile; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests ran"; exit 0; fi; exit $$rc

bench: setup-dev
	$(BIN)/python bench/lint.py
	$(BIN)/python bench/html.py
	$(BIN)/python bench/docx.py

# Re-pin after changing pyproject.toml (needs PyPI). Pins that still fit are kept;
# `make lock LOCK_FLAGS=--upgrade` moves every pin to the newest release allowed.
COMPILE = $(UV_BOOTSTRAP)/bin/uv pip compile --quiet --universal --python-version 3.11 \
  --generate-hashes --custom-compile-command "make lock" $(LOCK_FLAGS)
lock:
	test -x $(UV_BOOTSTRAP)/bin/uv || $(PYTHON) -m pip install --quiet --require-hashes \
	  --no-deps --target $(UV_BOOTSTRAP) -r requirements/uv.txt
	$(COMPILE) pyproject.toml -o requirements/runtime.txt
	$(COMPILE) pyproject.toml --group pyproject.toml:dev -c requirements/runtime.txt \
	  -o requirements/dev.txt
	$(COMPILE) requirements/build.in -o requirements/build.txt
	$(COMPILE) requirements/uv.in -o requirements/uv.txt

clean:
	rm -rf _build .pytest_cache
