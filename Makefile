# civickit — the README's commands. Every target installs what it needs first.
#   make test    everything CI runs: native, ASan+UBSan and wasm builds, all test suites
#   make run     build and start the product
#   make bench   benchmarks (native and wasm); figures are printed, nothing is asserted
SHELL := /bin/bash
export NODE_PATH := /usr/share/nodejs
JOBS ?= $(shell nproc)

.PHONY: all bootstrap native asan wasm test test-native test-asan test-wasm run bench format clean

all: native wasm

bootstrap:
	@scripts/bootstrap.sh

native asan wasm: bootstrap
	@cmake --preset $@ >/dev/null
	@cmake --build --preset $@ -j $(JOBS)

test-native: native
	ctest --preset native -j $(JOBS)
test-asan: asan
	ctest --preset asan -j $(JOBS)
test-wasm: wasm
	ctest --preset wasm -j $(JOBS)

test: test-native test-asan test-wasm

# make run: the server with dev keys and demo operators in $(RUN_DATA), the profile of
# shared/profiles/sofia and (when present) the web app in web/, on http://localhost:8080.
RUN_DATA ?= build/run-data
RUN_PORT ?= 8080
run: native $(if $(wildcard web),wasm)
	@build/native/server/civic-server demo-operators --data $(RUN_DATA)
	@echo "civickit: serving on http://localhost:$(RUN_PORT) (data in $(RUN_DATA); Ctrl-C stops)"
	@build/native/server/civic-server --port $(RUN_PORT) --data $(RUN_DATA) \
	  --profile shared/profiles/sofia $(if $(wildcard web),--web web)

bench: native wasm
	build/native/bench/civic_bench_core --benchmark_min_time=0.2
	build/native/bench/civic_bench_profile --benchmark_min_time=0.2
	node --no-experimental-fetch bench/wasm_bench.mjs build/wasm/wasm/npm
	bench/server_load.sh build/native

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
