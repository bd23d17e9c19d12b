# civickit — the README's commands. Every target installs what it needs first.
#   make test    everything CI runs: native, ASan+UBSan and wasm builds, all test suites
#   make run     build and start the product
#   make bench   benchmarks (native, wasm, web app); figures are printed, nothing is asserted
#                (the vote bench builds and verifies a 10,000-ballot board: a few minutes)
#   make web     the citizen app (web/) built into build/web, with the wasm package inside
#   make kiosk   civic-kiosk, the operator console, against the server of `make run`
#                (KIOSK_FLAGS=--kiosk: the self-service kiosk; the browser build is served
#                by `make run` at /kiosk/ and /kiosk/?mode=kiosk)
#   make fuzz    every libFuzzer target for FUZZ_SECONDS each (default 120); not part of make test,
#                which only replays the committed corpora; then the native-vs-wasm differential
#                fuzz (fuzz/differential.mjs) for as long
SHELL := /bin/bash
export NODE_PATH := /usr/share/nodejs
JOBS ?= $(shell nproc)

.PHONY: all bootstrap native asan wasm web web-only kiosk kiosk-web test test-native test-asan test-wasm run run-build run-server run-pages bench fuzz format clean

all: native wasm

bootstrap:
	@scripts/bootstrap.sh

native asan wasm: bootstrap
	@cmake --preset $@ >/dev/null
	@cmake --build --preset $@ -j $(JOBS)

web: wasm web-only
web-only:
	@node web/build.mjs --npm build/wasm/wasm/npm --out build/web

# The browser kiosk (wasm preset) beside the citizen app in build/web, served at /kiosk/.
kiosk-web:
	@mkdir -p build/web/kiosk
	@cp build/wasm/kiosk/site/* build/web/kiosk/

KIOSK_SERVER ?= http://localhost:$(RUN_PORT)
KIOSK_FLAGS ?=
kiosk: bootstrap
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS) --target civic-kiosk
	build/native/kiosk/civic-kiosk --server $(KIOSK_SERVER) $(KIOSK_FLAGS)

# The native suite includes the web app's e2e tests, which need the wasm package.
test-native: native wasm
	ctest --preset native -j $(JOBS)
test-asan: asan
	ctest --preset asan -j $(JOBS)
test-wasm: wasm
	ctest --preset wasm -j $(JOBS)

test: test-native test-asan test-wasm

# make run: the server with dev keys and demo operators in $(RUN_DATA), the profile of
# shared/profiles/sofia, the web app (built into build/web) and the browser kiosk at /kiosk/,
# on http://localhost:8080.
RUN_DATA ?= build/run-data
RUN_PORT ?= 8080
# It builds only what it runs: civic-server, and the wasm modules the pages load (the citizen
# core, the vote module, the browser kiosk; not the tools module, no test suites, no benches).
# The native and the wasm builds run side by side: each ends in long one-core links.
run-build: bootstrap
	@$(MAKE) --no-print-directory -j2 run-server run-pages
run-server:
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS) --target civic-server
run-pages:
	@cmake --preset wasm >/dev/null
	@cmake --build --preset wasm -j $(JOBS) --target civickit_web_package civic_kiosk_web
	@$(MAKE) --no-print-directory web-only kiosk-web
run: run-build
	@build/native/server/civic-server demo-operators --data $(RUN_DATA)
	@echo "civickit: serving on http://localhost:$(RUN_PORT) (data in $(RUN_DATA); Ctrl-C stops)"
	@build/native/server/civic-server --port $(RUN_PORT) --data $(RUN_DATA) \
	  --profile shared/profiles/sofia --web build/web --payments development --signing development

bench: native wasm web
	build/native/bench/civic_bench_core --benchmark_min_time=0.2
	bench/kiosk_frames.sh build/native
	node bench/kiosk_size.mjs build/wasm/kiosk/site
	build/native/bench/civic_bench_profile --benchmark_min_time=0.2
	build/native/bench/civic_bench_vote
	node wasm/tools/print-size.mjs build/wasm/wasm/npm civickit 150
	node wasm/tools/print-size.mjs build/wasm/wasm/npm civickit-tools
	node wasm/tools/print-size.mjs build/wasm/wasm/npm civickit-vote
	node --no-experimental-fetch bench/wasm_bench.mjs build/wasm/wasm/npm
	node bench/web_bench.mjs build/web
	node bench/vote_worker_bench.mjs build/web
	bench/server_load.sh build/native
	bench/server_backends.sh build/native
	bench/attack_soak.sh build/native
	node bench/vote_server.mjs build/native

FUZZ_SECONDS ?= 120
fuzz: bootstrap
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS) --target civic_fuzz_targets
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS) --target civic_api_lines
	@cmake --preset wasm >/dev/null
	@cmake --build --preset wasm -j $(JOBS) --target civickit_npm
	@status=0; scripts/fuzz.sh build/fuzz/fuzz $(FUZZ_SECONDS) || status=1; \
	  node --no-experimental-fetch fuzz/differential.mjs --native build/native/fuzz/civic_api_lines \
	    --package build/wasm/wasm/npm --seconds $(FUZZ_SECONDS) || status=1; exit $$status

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
