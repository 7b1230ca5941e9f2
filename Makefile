# Two commands for a new user: `make run` and `make test`. Both set up .venv, the database and the seeds.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test setup bench mutation clean

$(BIN)/csto-bot: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(BIN)/csto-bot
	$(BIN)/csto-bot init

run: setup
	$(BIN)/csto-bot run

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

# a seeded sample of single-point mutants of storage/ingest, storage/search and bot/delivery (~30 min);
# SAMPLE=, SEED=, JOBS= to change it; prints the score and every survivor, its last line is JSON
mutation: setup
	$(BIN)/python -m tests.mutation.run --sample $(or $(SAMPLE),200) --seed $(or $(SEED),1) --jobs $(or $(JOBS),2)

bench: setup
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/pathological.py
	$(BIN)/python bench/eval_qa.py
	$(BIN)/python bench/qa.py
	$(BIN)/python bench/fanout.py

clean:
	rm -rf $(VENV) data
