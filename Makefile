# weft: `make run` builds and starts a server with defaults; `make test` builds and runs every test.
BUILD_DIR ?= build
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test-deps test unit-test fuzz bench clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Starts weft serve with defaults, and weft demo feeding it (DEMO=0 to skip the demo).
run: build
	@BUILD_DIR=$(BUILD_DIR) scripts/run.sh

test-deps:
	@cd tests/integration && npm install --no-audit --no-fund --loglevel=error
	@cd tests/logql && npm install --no-audit --no-fund --loglevel=error

test: build test-deps
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

unit-test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -L unit

# libFuzzer targets, built with clang; FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
fuzz: deps
	@scripts/fuzz.sh $(FUZZ_SECONDS)

bench: build
	@BUILD_DIR=$(BUILD_DIR) bench/ingest-otlp-http.sh
	@BUILD_DIR=$(BUILD_DIR) bench/logql-queries.sh

clean:
	rm -rf $(BUILD_DIR)
