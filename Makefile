# claimlens: build, test, fuzz, bench and evaluate.
#
#   make test    release tests (unit, integration, doc) + a short fuzz smoke run
#   make fuzz    a longer fuzz run: make fuzz FUZZ_SECONDS=600
#   make bench   criterion throughput benchmark
#   make eval    score the CLI on ../shared/eval (skipped if it is absent)
#   make build   release binary at target/release/claimlens
#
# Every tool the targets need is installed here, only when missing:
# cargo-fuzz (from crates.io, into ~/.cargo/bin). The nightly toolchain cannot
# be downloaded here; without it the fuzz smoke run is skipped with a note.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

CARGO ?= cargo
FUZZ_TOOLCHAIN ?= nightly
FUZZ_TARGET ?= analyze
FUZZ_SECONDS ?= 300
SMOKE_SECONDS ?= 20
# claimlens has no unsafe code, so fuzz without a sanitizer (about 3x faster).
# Use FUZZ_SANITIZER=address to look for memory errors in dependencies.
FUZZ_SANITIZER ?= none
FUZZ_MAX_LEN ?= 8192
FUZZ_ARGS = -dict=fuzz/analyze.dict -max_len=$(FUZZ_MAX_LEN) -timeout=10
FUZZ_CORPUS = fuzz/corpus/$(FUZZ_TARGET)
# Built fuzz targets are kept outside the clone, so a fresh clone on the same
# machine (CI) reuses them. Set FUZZ_TARGET_DIR=fuzz/target to keep them here.
FUZZ_TARGET_DIR ?= $(HOME)/.cache/claimlens/fuzz-target
# Tests run optimised but without fat LTO: it halves the build of the test
# binaries (about 1 min instead of 2.5 on 2 cores). TEST_ENV= tests with the
# shipping profile.
TEST_ENV ?= CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
EVAL_DIR ?= ../shared/eval
CLI := target/release/claimlens

.PHONY: all build test unit-test fuzz-smoke fuzz fuzz-tools bench eval clean

all: build

build:
	$(CARGO) build --release

# Library, binary, integration and doc tests, then the fuzz smoke run.
test: unit-test fuzz-smoke

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

define run_fuzz
	@status=$$($(MAKE) --no-print-directory fuzz-tools); \
	if [ "$$status" != ok ]; then echo "$$status: skipping the fuzz run"; exit $(2); fi; \
	mkdir -p $(FUZZ_CORPUS) fuzz/artifacts; \
	log=fuzz/artifacts/last-run.log; \
	echo "fuzz: $(FUZZ_TARGET) for $(1) s (log: $$log)"; \
	if $(CARGO) +$(FUZZ_TOOLCHAIN) fuzz run -s $(FUZZ_SANITIZER) --target-dir $(FUZZ_TARGET_DIR) $(FUZZ_TARGET) $(FUZZ_CORPUS) fuzz/seeds -- \
	    $(FUZZ_ARGS) -max_total_time=$(1) -print_final_stats=1 >$$log 2>&1; then \
	    grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs)' $$log || tail -n 5 $$log; \
	else \
	    echo "fuzz: FAILED"; grep -A4 -E 'panicked|ERROR: libFuzzer|^Error' $$log | head -n 40 || true; \
	    grep -E 'Reproduce with|cargo fuzz run ' $$log | head -n 2 || true; tail -n 20 $$log; exit 1; \
	fi
endef

# A short smoke run; skipped (not failed) when the toolchain is unavailable.
fuzz-smoke:
	$(call run_fuzz,$(SMOKE_SECONDS),0)

# A longer run; fails when the toolchain is unavailable.
fuzz:
	$(call run_fuzz,$(FUZZ_SECONDS),1)

bench:
	$(CARGO) bench --bench analyze

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
	rm -rf fuzz/target $(FUZZ_TARGET_DIR)
