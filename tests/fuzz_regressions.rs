//! Every saved fuzz case, replayed through the fuzz targets' own harnesses
//! (`common::fuzz_analyze`, `common::fuzz_compare`): the crash corpus in
//! `fuzz/regressions/<target>/`, one file per case, named after the bug.
//! When `make fuzz` finds a crash it copies the input there; fix the bug, keep
//! the file, and this test guards it from then on.

mod common;

use std::path::Path;

fn replay(target: &str, harness: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target);
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.') && n != "README.md"))
        .collect();
    cases.sort();
    for case in &cases {
        let data = std::fs::read(case).unwrap();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if let Err(e) = std::panic::catch_unwind(|| harness(&data)) {
            let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
            panic!("fuzz regression {target}/{name} fails again: {msg}");
        }
    }
    cases.len()
}

#[test]
fn analyze_regressions_hold() {
    assert!(replay("analyze", common::fuzz_analyze) > 0, "fuzz/regressions/analyze/ has cases");
}

#[test]
fn compare_regressions_hold() {
    assert!(replay("compare", common::fuzz_compare) > 0, "fuzz/regressions/compare/ has cases");
}

/// The harness itself must catch a broken comparison, or the replay proves nothing.
#[test]
fn the_compare_checker_catches_a_bad_figure_span() {
    let docs = vec![
        claimlens::Document { name: "a".into(), text: "Officials said over 4,000 residents left the valley on Monday.".into() },
        claimlens::Document { name: "b".into(), text: "An estimated 4,800 residents left the valley on Monday, officials said.".into() },
    ];
    let mut c = claimlens::compare(&docs, &claimlens::Options::default()).unwrap();
    common::check_comparison(&docs, &c);
    let g = c.claim_groups.iter_mut().find(|g| !g.numbers.is_empty()).expect("the two sentences share a group with figures");
    g.numbers[0].end += 1;
    assert!(std::panic::catch_unwind(|| common::check_comparison(&docs, &c)).is_err(), "a figure span off by one must fail the check");
}
