# The two commands: `make run` (server with demo data on SQLite) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# ariadne-codegen pins graphql-core<3.3 and ruff<0.16: it gets a venv of its own.
CODEGEN_VENV := clients/.venv-codegen
CODEGEN_STAMP := $(CODEGEN_VENV)/.installed

.PHONY: run test lint schema serve clean clients

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## run: install, migrate, seed demo data, serve on http://127.0.0.1:8000/graphql (SQLite + memory pub/sub)
run: $(STAMP)
	$(BIN)/pawgraph migrate
	$(BIN)/pawgraph seed-demo
	$(BIN)/pawgraph serve

## test: lint, architecture rules and the whole suite on PostgreSQL + Redis
test: $(STAMP) $(CODEGEN_STAMP)
	./scripts/ensure-services.sh
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/pytest -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

## schema: re-export schema.graphql after a schema change, then regenerate the client SDK
schema: $(STAMP)
	$(BIN)/pawgraph export-schema
	$(MAKE) clients

## clients: regenerate the Python SDK (clients/python/pawgraph_client) from schema.graphql and
## clients/operations; run after `make schema`. The generator has its own pinned venv.
clients: $(CODEGEN_STAMP)
	rm -rf clients/python/pawgraph_client
	$(CODEGEN_VENV)/bin/ariadne-codegen --config clients/ariadne-codegen.toml

$(CODEGEN_STAMP): clients/codegen-requirements.txt
	$(PYTHON) -m venv $(CODEGEN_VENV)
	$(CODEGEN_VENV)/bin/python -m pip install --quiet -r clients/codegen-requirements.txt
	touch $(CODEGEN_STAMP)

clean:
	rm -rf $(VENV) pawgraph.db
