//! Fuzz `claimlens::analyze` on arbitrary bytes (decoded as lossy UTF-8) and
//! check every report invariant with the same checker the tests use.
//! The harness is `common::fuzz_analyze`, which `tests/fuzz_regressions.rs`
//! also runs on every saved case in `fuzz/regressions/analyze/`.
//! Run: `make fuzz FUZZ_TARGET=analyze` (or `cargo +nightly fuzz run analyze`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::fuzz_analyze(data));
