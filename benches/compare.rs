//! Scaling of `compare`: 10, 100 and 1,000 articles of about 5 KB each.
//! Run: `cargo bench --bench compare`. The bar: 1,000 articles in at most 5 s,
//! growing near-linearly (criterion reports the time per run; divide by the
//! article count to see the per-article cost stay flat).
//!
//! The articles are built from the project's own fixture and sample articles:
//! each one takes a base article's paragraphs in a shuffled order, scales its
//! figures a little, and is cut to about 5 KB, so the corpus has the repeated
//! facts, varied numbers and shared sources of real coverage of one story.

use claimlens::{compare, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

// The allocator the CLI ships with (src/main.rs), so these figures are the CLI's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "compare_corpus.rs"]
mod compare_corpus;
use compare_corpus::corpus;

fn bench(c: &mut Criterion) {
    let opts = Options::default();
    let mut g = c.benchmark_group("compare");
    g.sample_size(10);
    for n in [10usize, 100, 1000] {
        let docs = corpus(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("articles", n), &docs, |b, d| b.iter(|| compare(d, &opts).expect("compare")));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
