# The two commands: `make booklet` and `make test`. Each creates .venv from pyproject.toml on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: booklet test check verify bench clean help

help:           ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

booklet: $(STAMP)  ## build the whole kit into build/ and verify it
	$(PY) -m booklet build

test: $(STAMP)     ## run the test suite
	$(PY) -m pytest -q

check: $(STAMP)    ## validate and lint content/ without rendering
	$(PY) -m booklet check

verify: $(STAMP)   ## read build/ back and prove it is complete
	$(PY) -m booklet verify

bench: $(STAMP)    ## time the build (1x and 10x content) against the import floor
	$(PY) tests/bench.py

clean:             ## remove build/ and .venv
	rm -rf build $(VENV) *.egg-info
