//! Fuzz `claimlens::compare` on arbitrary bytes split into documents (see
//! `common::fuzz_compare`): offsets in bounds, every figure's text equal to
//! its slice, every member and mention pointing at a real claim.
//! `tests/fuzz_regressions.rs` replays `fuzz/regressions/compare/`.
//! Run: `make fuzz FUZZ_TARGET=compare` (or `cargo +nightly fuzz run compare`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::fuzz_compare(data));
