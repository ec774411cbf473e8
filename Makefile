# weft: `make run` builds and starts a server with defaults; `make test` builds and runs every test.
BUILD_DIR ?= build
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test-deps test unit-test fuzz bench clean

all: build

deps:
	@scripts/install-deps.sh

# The web UI's npm packages, installed again only when its lock file changes (the CMake build
# would install them too; see cmake/weft_ui.cmake).
ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json | deps
	cd ui && npm ci --no-audit --no-fund --loglevel=error

configure: deps ui/node_modules/.package-lock.json
	@cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Starts weft serve with defaults, and weft demo feeding it (DEMO=0 to skip the demo).
run: build
	@BUILD_DIR=$(BUILD_DIR) scripts/run.sh

# What the tests need beyond the build: chromium (Debian), the OpenTelemetry JS packages and
# playwright-core (npm).
test-deps: tests/ui/node_modules/.package-lock.json
	@scripts/install-deps.sh test
	@cd tests/integration && npm install --no-audit --no-fund --loglevel=error
	@cd tests/logql && npm install --no-audit --no-fund --loglevel=error

tests/ui/node_modules/.package-lock.json: tests/ui/package.json tests/ui/package-lock.json | deps
	cd tests/ui && npm ci --no-audit --no-fund --loglevel=error

test: build test-deps
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

unit-test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -L unit

# libFuzzer targets, built with clang; FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
# The protocol `make bench` drives: otlp-http or loki.
BENCH_PROTOCOL ?= otlp-http
fuzz: deps
	@scripts/fuzz.sh $(FUZZ_SECONDS)

bench: build
	@BUILD_DIR=$(BUILD_DIR) bench/ingest.sh $(BENCH_PROTOCOL)
	@BUILD_DIR=$(BUILD_DIR) bench/logql-queries.sh

clean:
	rm -rf $(BUILD_DIR)
