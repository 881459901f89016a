# The two commands: `make run` (server with demo data on SQLite) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# ariadne-codegen pins graphql-core<3.3 and ruff<0.16: it gets a venv of its own.
CODEGEN_VENV := clients/.venv-codegen
CODEGEN_STAMP := $(CODEGEN_VENV)/.installed
# The TypeScript SDK's generator and tsc, from the committed lockfile (npm ci).
TS_CLIENT := clients/typescript
NPM_STAMP := $(TS_CLIENT)/node_modules/.installed
# The web dashboard served at /app/ (esbuild, and playwright-core for its browser tests).
DASHBOARD := clients/dashboard
DASHBOARD_STAMP := $(DASHBOARD)/node_modules/.installed

# `make run PORT=8123 HOST=0.0.0.0`: where the server listens, and the address seed-demo builds
# the hub URLs on (PAWGRAPH_PUBLIC_BASE_URL, when set, wins for those).
HOST ?= 127.0.0.1
PORT ?= 8000
SERVED := PAWGRAPH_HOST=$(HOST) PAWGRAPH_PORT=$(PORT)

.PHONY: run test lint schema serve clean clients release-schema bench lock

# The versions the suite passed on (constraints.txt), not the newest pyproject.toml allows.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

## lock: re-resolve the newest versions pyproject.toml allows into constraints.txt, in a scratch
## venv (then `make test` installs and tests them)
LOCK_VENV := .venv-lock
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LOCK_VENV)/bin/python -m pip install --quiet -e '.[test]'
	{ sed -n '/^#/p' constraints.txt; $(LOCK_VENV)/bin/python -m pip freeze --exclude-editable; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf $(LOCK_VENV)

## run: install, migrate, seed demo data, serve on http://$(HOST):$(PORT)/graphql (SQLite + memory pub/sub)
run: $(STAMP)
	$(SERVED) $(BIN)/pawgraph migrate
	$(SERVED) $(BIN)/pawgraph seed-demo
	$(SERVED) $(BIN)/pawgraph serve

## test: lint, formatting, architecture rules and the whole suite on PostgreSQL, Redis and Mosquitto
test: $(STAMP) $(CODEGEN_STAMP)
	./scripts/ensure-packages.sh
	$(MAKE) $(NPM_STAMP) $(DASHBOARD_STAMP)
	./scripts/ensure-services.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/pytest -n 2 --dist loadfile

## bench: the request-path benchmarks on PostgreSQL + Redis with wrk, each figure beside its
## ceiling from the same run (bench/suite.py; BENCH_ARGS="--seconds 5 --gc --workers 2" to
## change), batched collar readings beside raw COPY (bench/collar_batch.py; BATCH_ARGS), the
## live fan-out beside stock Strawberry + broadcaster (bench/fanout.py; FANOUT_ARGS), then collar
## readings from mosquitto_pub through the MQTT door beside a bare mosquitto_sub
## (bench/mqtt_ingest.py; MQTT_ARGS), and an API process recovering from a Redis cut under
## authenticated websockets beside the same process idle (bench/bus_cut.py; BUS_CUT_ARGS)
BENCH_ARGS ?=
BATCH_ARGS ?=
FANOUT_ARGS ?=
MQTT_ARGS ?=
BUS_CUT_ARGS ?=
bench: $(STAMP)
	./scripts/ensure-packages.sh
	./scripts/ensure-services.sh
	$(BIN)/python -m bench.suite $(BENCH_ARGS)
	$(BIN)/python -m bench.collar_batch $(BATCH_ARGS)
	$(BIN)/python -m bench.fanout $(FANOUT_ARGS)
	$(BIN)/python bench/mqtt_ingest.py $(MQTT_ARGS)
	$(BIN)/python -m bench.bus_cut $(BUS_CUT_ARGS)
	$(BIN)/python -m bench.event_completion $(EVENT_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

## schema: re-export schema.graphql after a schema change, then regenerate the client SDK
schema: $(STAMP)
	$(BIN)/pawgraph export-schema
	$(MAKE) clients

## clients: regenerate the SDKs from schema.graphql and clients/operations (run after `make
## schema`): Python (clients/python/pawgraph_client, ariadne-codegen in its own pinned venv),
## TypeScript (clients/typescript/src/gql, GraphQL Code Generator), the trusted-documents
## manifest clients/persisted-operations.json (sha256 -> document), Dart models for Flutter
## (clients/dart, the same generator's flutter-freezed plugin), and the dashboard's bundle
## graphql_api/static/app/ (clients/dashboard, esbuild) built from that SDK.
clients: $(CODEGEN_STAMP) $(NPM_STAMP) $(DASHBOARD_STAMP)
	rm -rf clients/python/pawgraph_client
	$(CODEGEN_VENV)/bin/ariadne-codegen --config clients/ariadne-codegen.toml
	rm -rf $(TS_CLIENT)/src/gql
	cd $(TS_CLIENT) && node_modules/.bin/graphql-codegen --config codegen.ts --silent
	cp $(TS_CLIENT)/src/gql/persisted-documents.json clients/persisted-operations.json
	cd $(TS_CLIENT) && node_modules/.bin/graphql-codegen --config ../dart/codegen.ts --silent
	rm -rf graphql_api/static/app
	cd $(DASHBOARD) && node build.mjs

$(NPM_STAMP): $(TS_CLIENT)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: apt-get install npm" >&2; exit 1; }
	cd $(TS_CLIENT) && npm ci --no-audit --no-fund
	touch $(NPM_STAMP)

$(DASHBOARD_STAMP): $(DASHBOARD)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: apt-get install npm" >&2; exit 1; }
	cd $(DASHBOARD) && npm ci --no-audit --no-fund
	touch $(DASHBOARD_STAMP)

## release-schema: the current schema becomes the released one the breaking-change gate compares
## against (tests/clients/test_breaking_changes.py); run it when a release ships.
release-schema:
	cp schema.graphql clients/released.graphql

$(CODEGEN_STAMP): clients/codegen-requirements.txt
	$(PYTHON) -m venv $(CODEGEN_VENV)
	$(CODEGEN_VENV)/bin/python -m pip install --quiet -r clients/codegen-requirements.txt
	touch $(CODEGEN_STAMP)

clean:
	rm -rf $(VENV) pawgraph.db pawgraph.secret pawgraph.demo-keys.json
