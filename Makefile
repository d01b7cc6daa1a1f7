# The two commands: `make booklet` and `make test`. Each creates .venv from pyproject.toml on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: booklet test check verify bench bytecode clean help

help:           ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

# Bytecode for the package, compiled ahead: with PYTHONDONTWRITEBYTECODE set (common in CI and
# containers) every run would otherwise compile the whole package again (~50 ms of each build).
bytecode: $(STAMP)
	@$(PY) -m compileall -q booklet

booklet: bytecode  ## build the whole kit into build/ and verify it
	$(PY) -m booklet build

test: bytecode     ## run the test suite
	$(PY) -m pytest -q

check: bytecode    ## validate and lint content/ without rendering
	$(PY) -m booklet check

verify: bytecode   ## read build/ back and prove it is complete
	$(PY) -m booklet verify

bench: bytecode    ## time cold builds, the watcher's rebuild, tenfold content and personal booklets
	$(PY) tests/bench.py

clean:             ## remove build/ and .venv
	rm -rf build $(VENV) *.egg-info
