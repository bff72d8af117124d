# claimlens: build, test, fuzz, bench and evaluate.
#
#   make serve   build the wasm and serve www/ on http://localhost:8080 (PORT=…)
#   make test    every test: Rust (unit, integration, doc), a fuzz smoke run,
#                the wasm build in headless Chromium (wasm-bindgen-test), the
#                page end to end (playwright-core + axe-core), the size budget
#                and the browser extension (web-ext lint, then end to end)
#   make wasm    build www/pkg/ (cargo → wasm-bindgen → wasm-opt)
#   make extension  the browser extension: dist/chromium/, dist/firefox/ and their zips
#   make fuzz    a longer fuzz run of each target: make fuzz FUZZ_SECONDS=600
#   make bench   every benchmark in one run (about 10 min): native (criterion), wasm in
#                Node beside retext-intensify, write-good and wink-nlp, wasm in Chromium,
#                peak memory, compare scaling; writes docs/benchmarks.md
#   make bench-browser  analyze MB/s in Chromium, time to first analysis, sizes
#   make eval    score the CLI on ../shared/eval (skipped if it is absent)
#   make build   release binary at target/release/claimlens
#
# Every tool the targets need is installed here, only when missing:
# - cargo-fuzz and the pinned wasm-bindgen-cli, from crates.io
#   (`cargo install --locked`, into ~/.cargo/bin, so later runs reuse them);
# - wasm-opt from npm's binaryen package, pinned in package-lock.json (seconds to
#   install, where compiling the wasm-opt crate took about 8 minutes);
# - the wasm32-unknown-unknown target, by rustup;
# - Chromium and chromedriver, from Debian's packages (apt-get);
# - npm packages, from the committed package-lock.json (`npm ci`).
# The nightly toolchain cannot be downloaded here; without it the fuzz smoke
# run is skipped with a note.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

CARGO ?= cargo
FUZZ_TOOLCHAIN ?= nightly
FUZZ_TARGETS ?= analyze compare
FUZZ_SECONDS ?= 300
SMOKE_SECONDS ?= 60
# claimlens has no unsafe code, so fuzz without a sanitizer (about 3x faster).
# Use FUZZ_SANITIZER=address to look for memory errors in dependencies.
FUZZ_SANITIZER ?= none
FUZZ_MAX_LEN ?= 8192
FUZZ_ARGS = -dict=fuzz/analyze.dict -max_len=$(FUZZ_MAX_LEN) -timeout=10
# Built fuzz targets are kept outside the clone, so a fresh clone on the same
# machine (CI) reuses them. Set FUZZ_TARGET_DIR=fuzz/target to keep them here.
FUZZ_TARGET_DIR ?= $(HOME)/.cache/claimlens/fuzz-target
# Tests run optimised but without fat LTO: it halves the build of the test
# binaries (about 1 min instead of 2.5 on 2 cores). TEST_ENV= tests with the
# shipping profile.
TEST_ENV ?= CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
EVAL_DIR ?= ../shared/eval
CLI := target/release/claimlens

WASM_TARGET := wasm32-unknown-unknown
# Must equal the wasm-bindgen crate's version in Cargo.toml (`=0.2.130`).
WASM_BINDGEN_VERSION := 0.2.130
WASM_OPT_FLAGS ?= -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
WASM_OPT := node_modules/.bin/wasm-opt
WASM_RAW := target/$(WASM_TARGET)/wasm/claimlens.wasm
PKG := www/pkg
PORT ?= 8080
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build test unit-test fuzz-smoke fuzz fuzz-run-one fuzz-tools bench bench-deps time-tool eval clean \
        wasm wasm-tools browser-deps node-deps serve wasm-test e2e size bench-browser \
        extension extension-test

all: build

build:
	$(CARGO) build --release

# Library, binary, integration and doc tests, the fuzz smoke run, then the
# wasm build in Chromium, the page end to end and the size budget.
test: unit-test fuzz-smoke wasm-test e2e size extension-test

unit-test:
	$(TEST_ENV) $(CARGO) test --release --no-fail-fast

# Prints "ok" when the fuzz toolchain is usable; otherwise why it is not.
# Installs cargo-fuzz when it is missing (once; cargo caches it in ~/.cargo/bin).
fuzz-tools:
	@if ! rustup run $(FUZZ_TOOLCHAIN) rustc --version >/dev/null 2>&1; then \
	    echo "fuzz: no $(FUZZ_TOOLCHAIN) toolchain (rustup toolchain install $(FUZZ_TOOLCHAIN))"; exit 0; \
	fi; \
	if ! $(CARGO) fuzz --version >/dev/null 2>&1; then \
	    echo "fuzz: installing cargo-fuzz" >&2; \
	    $(CARGO) install cargo-fuzz --locked >&2 || { echo "fuzz: cargo-fuzz could not be installed"; exit 0; }; \
	fi; \
	echo ok

# $(call run_fuzz,TARGET,SECONDS,EXIT-IF-NO-TOOLCHAIN): one fuzz target for a
# set time. A crash is copied into fuzz/regressions/TARGET/, where
# tests/fuzz_regressions.rs replays it from then on.
define run_fuzz
	@status=$$($(MAKE) --no-print-directory fuzz-tools); \
	if [ "$$status" != ok ]; then echo "$$status: skipping the fuzz run"; exit $(3); fi; \
	mkdir -p fuzz/corpus/$(1) fuzz/artifacts/$(1) fuzz/regressions/$(1); \
	log=fuzz/artifacts/last-run-$(1).log; \
	echo "fuzz: $(1) for $(2) s (log: $$log)"; \
	if $(CARGO) +$(FUZZ_TOOLCHAIN) fuzz run -s $(FUZZ_SANITIZER) --target-dir $(FUZZ_TARGET_DIR) $(1) fuzz/corpus/$(1) fuzz/seeds -- \
	    $(FUZZ_ARGS) -artifact_prefix=fuzz/artifacts/$(1)/ -max_total_time=$(2) -print_final_stats=1 >$$log 2>&1; then \
	    grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs)' $$log || tail -n 5 $$log; \
	else \
	    echo "fuzz: $(1) FAILED"; grep -A4 -E 'panicked|ERROR: libFuzzer|^Error' $$log | head -n 40 || true; \
	    for a in fuzz/artifacts/$(1)/crash-* fuzz/artifacts/$(1)/timeout-* fuzz/artifacts/$(1)/oom-*; do \
	        [ -f "$$a" ] && cp "$$a" fuzz/regressions/$(1)/ && echo "fuzz: saved $$a to fuzz/regressions/$(1)/ (a regression test now)"; \
	    done; \
	    tail -n 20 $$log; exit 1; \
	fi
endef

# A short smoke run of every target (CI); skipped, not failed, when the
# nightly toolchain is unavailable.
fuzz-smoke:
	@for t in $(FUZZ_TARGETS); do $(MAKE) --no-print-directory fuzz-run-one FUZZ_TARGET=$$t RUN_SECONDS=$(SMOKE_SECONDS) NO_TOOLCHAIN_EXIT=0 || exit 1; done

# A longer run of every target (one: make fuzz FUZZ_TARGETS=compare); fails when the toolchain is unavailable.
fuzz:
	@for t in $(FUZZ_TARGETS); do $(MAKE) --no-print-directory fuzz-run-one FUZZ_TARGET=$$t RUN_SECONDS=$(FUZZ_SECONDS) NO_TOOLCHAIN_EXIT=1 || exit 1; done

fuzz-run-one:
	$(call run_fuzz,$(FUZZ_TARGET),$(RUN_SECONDS),$(NO_TOOLCHAIN_EXIT))

# The benchmarks of issue 7 in one run, written to docs/benchmarks.md by bench/report.mjs:
# the corpus (bench/corpus.mjs → bench/tmp/), native analyze on it and compare at 10/100/1,000
# articles (criterion, short runs), the wasm in Node side by side with the JavaScript tools
# (bench/node.mjs), the wasm in Chromium and the sizes (bench/browser.mjs), native peak memory.
# BENCH_BUILD= benches the release binary and www/pkg/ as they are, without rebuilding them.
BENCH_BUILD ?= build wasm
CRITERION_ARGS ?= --warm-up-time 1 --measurement-time 3
bench: $(BENCH_BUILD) browser-deps node-deps bench-deps time-tool
	@start=$$(date +%s); mkdir -p test-output; \
	cut -d' ' -f1-3 /proc/loadavg > test-output/bench-load-before; \
	node bench/corpus.mjs; \
	CLAIMLENS_BENCH_CORPUS=$(CURDIR)/bench/tmp $(CARGO) bench --bench analyze -- $(CRITERION_ARGS) '^(corpus|corpus-one-thread|adversarial)/'; \
	$(CARGO) bench --bench compare -- $(CRITERION_ARGS); \
	node bench/node.mjs --json test-output/bench-node.json; \
	CHROMIUM=$(CHROMIUM) node bench/browser.mjs --json --text bench/tmp/corpus-100KB.txt \
	    --text bench/tmp/corpus-1MB.txt --text bench/tmp/corpus-10MB.txt >/dev/null || echo "bench: bench/browser.mjs exited non-zero (a size over budget, or the error above)"; \
	node bench/report.mjs --since $$start

# The JavaScript tools of the side-by-side benchmark, from bench/package-lock.json.
bench-deps: bench/node_modules/.package-lock.json
bench/node_modules/.package-lock.json: bench/package-lock.json bench/package.json
	npm ci --prefix bench --no-audit --no-fund
	@touch $@

# GNU time, for the native peak memory (Debian's `time` package).
time-tool:
	@[ -x /usr/bin/time ] || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q time; }

# ---- wasm and the page ---------------------------------------------------

# The wasm32 target and the pinned wasm-bindgen-cli, when missing (wasm-opt
# comes from npm: see node-deps).
# If crates.io lacks a version that wasm-bindgen-cli's lockfile names, the
# install is retried without --locked (the CLI version itself stays pinned).
wasm-tools:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	    echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 3 min, once)"; \
	    $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --locked --force || \
	    $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi

# Debian's Chromium and chromedriver, for the browser tests.
browser-deps:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	    echo "installing Debian's chromium and chromium-driver"; \
	    $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; \
	fi

# npm packages from the committed lockfile; reinstalled when the lockfile changes.
node-deps: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund
	@touch $@

# cargo (size-tuned `wasm` profile) → wasm-bindgen --target web → wasm-opt (binaryen, npm).
wasm: wasm-tools node-deps
	$(CARGO) rustc --lib --profile wasm --target $(WASM_TARGET) --no-default-features --crate-type cdylib
	wasm-bindgen --target web --no-typescript --out-dir $(PKG) $(WASM_RAW)
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(PKG)/claimlens_bg.wasm -o $(PKG)/claimlens_bg.wasm
	@echo "wasm: $$(wc -c < $(PKG)/claimlens_bg.wasm) bytes, $$(gzip -9c $(PKG)/claimlens_bg.wasm | wc -c) gzipped"

# Serves www/ with tools/serve.mjs (Node's http module, no dependencies):
# application/wasm for .wasm and the page's Content-Security-Policy header.
serve: wasm
	PORT=$(PORT) node tools/serve.mjs

# tests/wasm.rs in headless Chromium through chromedriver: the wasm report
# must equal the native one on every fixture.
wasm-test: wasm-tools browser-deps
	$(TEST_ENV) CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=$(CHROMEDRIVER) \
	    $(CARGO) test --release --target $(WASM_TARGET) --no-default-features --test wasm

# The page end to end in headless Chromium (tests/e2e/, node:test); the
# extension's test runs in extension-test.
E2E_TESTS = $(filter-out tests/e2e/extension.test.mjs,$(wildcard tests/e2e/*.test.mjs))
e2e: wasm browser-deps node-deps
	CHROMIUM=$(CHROMIUM) node --test --test-concurrency=1 $(E2E_TESTS)

# The browser extension (extension/ + the page's modules + www/pkg/) as
# unpacked folders and zips: dist/chromium/, dist/firefox/, dist/claimlens-*.zip.
extension: wasm node-deps
	node tools/build-extension.mjs

# The Firefox build through web-ext lint (fails on errors; prints warnings),
# then the Chromium build end to end (tests/e2e/extension.test.mjs).
extension-test: extension browser-deps
	node_modules/.bin/web-ext lint --source-dir dist/firefox --self-hosted --no-config-discovery --boring
	CHROMIUM=$(CHROMIUM) node --test --test-concurrency=1 tests/e2e/extension.test.mjs

# The size budget: wasm ≤ 250 KB gzipped, the whole page ≤ 400 KB gzipped.
size: wasm
	node tools/size.mjs

bench-browser: wasm browser-deps node-deps
	CHROMIUM=$(CHROMIUM) node bench/browser.mjs

eval: build
	@if [ ! -d "$(EVAL_DIR)" ]; then echo "eval: $(EVAL_DIR) not found, skipping"; exit 0; fi; \
	rc=0; \
	python3 $(EVAL_DIR)/evalgold.py analyze --cli $(CLI) \
	    --articles $(EVAL_DIR)/seeds --gold $(EVAL_DIR)/seeds-gold.json --min 0.95 -v || rc=1; \
	python3 $(EVAL_DIR)/evalgold.py conll --cli $(CLI) \
	    --csv $(EVAL_DIR)/conll2010-wiki-train.csv --min 62 || rc=1; \
	exit $$rc

clean:
	$(CARGO) clean
	rm -rf $(PKG) test-output
	rm -rf fuzz/target $(FUZZ_TARGET_DIR)
