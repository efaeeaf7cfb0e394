# Two commands on a fresh machine: `make run` and `make test`.
# Each creates .venv on first use and reinstalls only when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

run: $(VENV)/.stamp-run
	$(BIN)/workbench

test: $(VENV)/.stamp-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/pytest

# Every benchmark, one JSON object of figures (benchmarks/run_all.py), and the plot in
# docs/performance. The first run builds the 100,000-report archive (~20 min; cached).
bench: $(VENV)/.stamp-test
	$(BIN)/python benchmarks/run_all.py --json --save docs/performance/latest.json
	$(BIN)/python benchmarks/report.py docs/performance/latest.json --plot docs/performance/search-latency.png

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.stamp-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

# The test install is a superset of the run install.
$(VENV)/.stamp-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.stamp-run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
