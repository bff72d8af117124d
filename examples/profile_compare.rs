//! Runs `compare` on N generated articles (the corpus of benches/compare.rs),
//! for a profiler: `cargo build --release --example profile_compare &&
//! perf record target/release/examples/profile_compare 1000`.
#[path = "../benches/compare_corpus.rs"]
mod compare_corpus;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let docs = compare_corpus::corpus(n);
    let t = std::time::Instant::now();
    let c = claimlens::compare(&docs, &claimlens::Options::default()).expect("compare");
    println!("{n} articles, {} groups, {} sources in {:?}", c.claim_groups.len(), c.sources.len(), t.elapsed());
}
