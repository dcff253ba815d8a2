# Two commands set everything up on a fresh machine: `make check` and `make test`.
# Both install exactly the versions in requirements/lock.txt (hashed); `make lock` refreshes it,
# `make test-latest` runs the suite against the newest versions pyproject.toml allows.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements/lock.txt
# the lock is made for the Python and platform of CI and the developers' machines
LOCK_PYTHON := 3.11
LOCK_PLATFORM := x86_64-unknown-linux-gnu
TOOLS := .venv-tools
UV_VERSION := 0.13.9
LATEST := .venv-latest

.PHONY: check test test-latest lock lock-upgrade lint format bench bench-s docs clean

# The locked versions, then the package itself without dependencies (its build backend is in
# the lock too: no build isolation, nothing unpinned fetched). `pip check` then says whether
# pyproject.toml asks for something the lock lacks (run `make lock`).
$(STAMP): $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check || { echo "$(LOCK) does not satisfy pyproject.toml: run make lock"; exit 1; }
	touch $(STAMP)

## check: install if needed, then check the bundled corpus (findings are shown, not fatal here)
check: $(STAMP)
	@$(BIN)/cca-claims check; rc=$$?; \
	if [ $$rc -ge 2 ]; then exit $$rc; fi; \
	echo "cca-claims check exited $$rc (1 = findings at or above --fail-on; CI uses that code)"

## test: lint and the test suite
test: $(STAMP)
	$(BIN)/ruff check cca_claims tests bench tools
	$(BIN)/python -m pytest

## test-latest: the suite in a separate venv with the newest versions pyproject.toml allows,
## so that a new release that breaks something is seen before the lock moves to it
test-latest:
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade -e '.[test]'
	$(LATEST)/bin/python -m pip freeze --exclude-editable > $(LATEST)/versions.txt
	@echo "newest allowed versions: $(LATEST)/versions.txt (diff it with $(LOCK))"
	$(LATEST)/bin/ruff check cca_claims tests bench
	$(LATEST)/bin/python -m pytest

## lock: pin every dependency (and the test extra, and the build backend) with hashes, for
## Python 3.11 on Linux x86_64, keeping the versions already locked where they still fit (a new
## dependency is added, nothing else moves); lock-upgrade moves everything to the newest allowed.
## Commit requirements/lock.txt once `make test` passes with it.
COMPILE = $(TOOLS)/bin/uv pip compile pyproject.toml requirements/build.in --extra test \
	--generate-hashes --python-version $(LOCK_PYTHON) --python-platform $(LOCK_PLATFORM) \
	--custom-compile-command "make lock" --quiet -o $(LOCK)

lock: $(TOOLS)/bin/uv
	$(COMPILE)

lock-upgrade: $(TOOLS)/bin/uv
	$(COMPILE) --upgrade

$(TOOLS)/bin/uv:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet uv==$(UV_VERSION)

## lint: ruff, and no import cycle among the package's modules (tools/import_cycles.py)
lint: $(STAMP)
	$(BIN)/ruff check cca_claims tests bench tools
	$(BIN)/ruff format --check cca_claims tests bench tools
	$(BIN)/python tools/import_cycles.py cca_claims

format: $(STAMP)
	$(BIN)/ruff format cca_claims tests bench tools

## bench: the benchmark harness on tier S (TIER=M or TIER=L for the bigger ones)
TIER ?= S
bench: $(STAMP)
	$(BIN)/python -m bench run --tier $(TIER)

docs: $(STAMP)
	$(BIN)/cca-claims rules --format markdown > docs/rules.md

clean:
	rm -rf $(VENV) $(LATEST) $(TOOLS) .pytest_cache .cca-claims-cache build *.egg-info
