# Two commands on a fresh machine: `make run` starts the dashboard, `make test` runs every test.
# Each creates the local virtual environment .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast lint docs bench clean

# Installing also compiles the translation catalogs (hatch_build.py), so a changed
# catalog reinstalls too.
CATALOGS := $(wildcard src/trade_dash/locale/*/LC_MESSAGES/messages.po)

$(BIN)/trade-dash: pyproject.toml hatch_build.py src/trade_dash/wording/catalogs.py $(CATALOGS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/trade-dash
	$(BIN)/trade-dash serve

# Static checks: style, types, and the layer contracts in pyproject.toml.
lint: $(BIN)/trade-dash
	$(BIN)/python -m ruff check src tests benchmarks app.py hatch_build.py
	$(BIN)/python -m mypy
	$(BIN)/lint-imports --no-cache

# The documentation site, built strictly: a broken link or anchor fails. Without
# --quiet, which would keep warnings from failing --strict.
docs: $(BIN)/trade-dash
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict --site-dir site

# The whole suite, as CI runs it: lint, the docs, every test tier (Chromium included).
test: lint docs
	$(BIN)/python -m pytest

# The inner loop: unit and integration tests, no browser and no kaleido exports, on two
# processes.
test-fast: $(BIN)/trade-dash
	$(BIN)/python -m pytest tests/unit tests/integration -m "not browser and not export" -q -n 2

bench: $(BIN)/trade-dash
	$(BIN)/python benchmarks/load_bench.py
	$(BIN)/python benchmarks/ui_bench.py
	$(BIN)/python benchmarks/export_bench.py

clean:
	rm -rf $(VENV) .pytest_cache site
