# chromaspec — every entry point a person or CI uses. `make run` and `make test` are the two that matter.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
DATA ?= ./chroma_data
MOCK_PORT ?= 4010

.PHONY: help install codegen drift-check lint-spec build typecheck run test test-unit test-server \
        test-compat test-compat-python test-contract test-contract-mock test-contract-live test-contract-proxy \
        test-reference bench bench-cases bench-replicas mock clean

help:
	@echo "make run     start the server on $(DATA) (port $(PORT))"
	@echo "make test    everything CI runs: spec lint, drift check, types, unit, server, compat, contract tests"
	@echo "make codegen regenerate sdk/src/generated and server/src/generated from openapi.yaml"
	@echo "make mock    Prism mock of openapi.yaml on port $(MOCK_PORT)"
	@echo "make bench   issue 18's targets over every workload shape, beside a fresh reference (~25 min;"
	@echo "             make bench -- --quick: ~6 min; BENCH_ARGS='--data full --spaces l2' selects shapes;"
	@echo "             make bench -- --million: the 1M x 384 case beside a fresh reference, ~60 min)"
	@echo "make bench-cases  the per-case suite (restart, Search API, gets, memory; reference on 8100):"
	@echo "             make bench-cases -- --million  or  make bench-cases BENCH_ARGS='--sizes 1000000 --spaces l2'"

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

install: node_modules/.package-lock.json

codegen: install
	npm run generate -w codegen

# CI: regenerating from openapi.yaml must not change any committed file.
drift-check: codegen
	@git diff --exit-code -- sdk/src/generated server/src/generated \
	  || { echo "generated code drifted from openapi.yaml: run 'make codegen' and commit"; exit 1; }
	@test -z "$$(git status --porcelain -- sdk/src/generated server/src/generated)" \
	  || { echo "untracked generated files: run 'make codegen' and commit"; exit 1; }

lint-spec: install
	npm run lint:spec -w codegen

build: install
	npm run build

typecheck: install
	npm run typecheck

run: build
	node server/dist/cli.js run --path $(DATA) --port $(PORT)

test: lint-spec drift-check typecheck test-unit test-server test-compat test-contract test-packaging
	@echo "make test: all suites passed"

test-unit: install
	npx vitest run --root codegen
	npx vitest run --root sdk
	npx vitest run --root contract-tests --config test/vitest.config.ts

test-server: build
	npx vitest run --root server --exclude 'test/compat/**' --exclude 'test/differential/**' --exclude 'test/packaging/**'

test-compat: build
	npx vitest run --root server test/compat
	npx tsx server/test/compat/python/run.ts

# The official Python client's suite alone (COMPAT_URL=... runs it against another server, e.g. the
# reference started with --allow-reset; PYTEST_ARGS passes pytest options, e.g. -k threads).
test-compat-python: build
	npx tsx server/test/compat/python/run.ts $(PYTEST_ARGS)

test-contract: test-contract-mock test-contract-live test-contract-proxy

test-contract-mock: build
	npm run test:mock -w contract-tests

test-contract-live: build
	npm run test:live -w contract-tests

test-contract-proxy: build
	npm run test:proxy -w contract-tests

# The packages as users get them: packed, installed into an empty directory (compiling the addon),
# then the server CLI, the SDK quickstart and the contract kit against it; and the container image's
# build scripts on a plain Debian root (needs root, as CI has).
test-packaging: build
	npx vitest run --root server test/packaging

# The suite against the upstream reference server (../shared/reference-chroma), v2, started with
# --allow-reset on REFERENCE_URL. Each phase starts on a reset reference, one differential file at a
# time: Chroma 1.3.4 lets array metadata of a deleted record or dropped collection reappear on records
# written later in any collection (contract-tests/KNOWN_DIFFERENCES.md), so one phase's clean-up
# would otherwise change what the next phase reads.
REFERENCE_URL ?= http://127.0.0.1:8100
RESET_REFERENCE = curl -sf -X POST $(REFERENCE_URL)/api/v2/reset >/dev/null || { echo "cannot reset the reference at $(REFERENCE_URL): start it with --allow-reset"; exit 1; }
test-reference: build
	$(RESET_REFERENCE)
	CHROMA_REFERENCE_URL=$(REFERENCE_URL) npm run test:reference -w contract-tests
	$(RESET_REFERENCE)
	CHROMA_REFERENCE_URL=$(REFERENCE_URL) npx vitest run --root server test/differential/differential.test.ts
	$(RESET_REFERENCE)
	CHROMA_REFERENCE_URL=$(REFERENCE_URL) npx vitest run --root server test/differential/data-model.test.ts
	$(RESET_REFERENCE)
	COMPAT_URL=$(REFERENCE_URL) npx tsx server/test/compat/python/run.ts

# Options go to server/bench/matrix.ts (bench) or server/bench/main.ts (bench-cases): in BENCH_ARGS,
# or as flags after `--` (make bench -- --quick; flags only, no values: those need BENCH_ARGS).
# docs/performance.md lists them.
BENCH_ARGS ?=
# `make bench -- --million`: instead of the matrix, issue 14's 1M x 384 l2 case beside a fresh
# reference (server/bench/main.ts; ~60 min, most of it the reference's ingest).
bench: build
ifneq ($(filter --million,$(MAKECMDGOALS)),)
	npm run bench:cases -w server -- --sizes 1000000 --spaces l2 --no-search --no-restart --reference fresh $(BENCH_ARGS)
else
	npm run bench -w server -- $(BENCH_ARGS) $(filter --%,$(MAKECMDGOALS))
endif

bench-cases: build
	npm run bench:cases -w server -- $(BENCH_ARGS) $(filter --%,$(MAKECMDGOALS))

# Replica figures (docs/scaling.md): 1, 2, 3 processes over the S3 emulator; throughput and staleness.
REPLICA_ARGS ?=
bench-replicas: build
	npx tsx server/test/replicas/measure.ts $(REPLICA_ARGS)

# The flags after `make bench --` are goals to make: they build nothing.
--%:
	@:

mock: install
	npx prism mock openapi.yaml --port $(MOCK_PORT) --errors

clean:
	rm -rf sdk/dist server/dist contract-tests/dist
