//! Throughput of `analyze` on English news text. Run: `cargo bench --bench analyze`.
//! The bar is 30 MB/s natively (analyze() uses two threads from 256 KB on;
//! `corpus-one-thread` gives the one-thread figure); criterion prints MiB/s as "thrpt".

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

// The allocator the CLI ships with (src/main.rs), so these figures are the CLI's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus(target: usize) -> String {
    corpus_from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"), target).expect("fixtures dir")
}

/// Articles from `dir` (every .txt file) repeated up to `target` bytes.
fn corpus_from(dir: &str, target: usize) -> Option<String> {
    let mut fixtures = String::new();
    for entry in std::fs::read_dir(dir).ok()? {
        let p = entry.expect("entry").path();
        if p.extension().is_some_and(|e| e == "txt") {
            fixtures.push_str(&std::fs::read_to_string(&p).expect("fixture"));
            fixtures.push_str("\n\n");
        }
    }
    if fixtures.is_empty() {
        return None;
    }
    let mut s = String::with_capacity(target + fixtures.len());
    while s.len() < target {
        s.push_str(&fixtures);
    }
    Some(s)
}

fn bench(c: &mut Criterion) {
    let opts = claimlens::Options::default();
    let mut g = c.benchmark_group("analyze");
    g.sample_size(10);
    for size in [100_000usize, 1_000_000, 4_000_000] {
        let text = corpus(size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, t| b.iter(|| claimlens::analyze(t, &opts)));
    }
    g.finish();

    // The shared development set (five real news articles), when it sits beside
    // the project; it is not part of the repository.
    let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/seeds");
    if let Some(text) = corpus_from(dev, 4_000_000) {
        let mut g = c.benchmark_group("dev-set-news");
        g.sample_size(10);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("4MB", |b| b.iter(|| claimlens::analyze(&text, &opts)));
        g.finish();
    }

    // The benchmark corpus of `make bench` (bench/corpus.mjs: 1 KB to 10 MB of
    // the project's articles), when CLAIMLENS_BENCH_CORPUS names its folder, so
    // the native figures are measured on the very texts the wasm and the
    // JavaScript tools get (bench/node.mjs, bench/browser.mjs).
    if let Ok(dir) = std::env::var("CLAIMLENS_BENCH_CORPUS") {
        let mut g = c.benchmark_group("corpus");
        g.sample_size(10);
        for label in ["1KB", "10KB", "100KB", "1MB", "10MB"] {
            let path = std::path::Path::new(&dir).join(format!("corpus-{label}.txt"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run `node bench/corpus.mjs`)", path.display()));
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| b.iter(|| claimlens::analyze(t, &opts)));
        }
        g.finish();

        // analyze() splits a text of 256 KB or more over two threads; this is
        // the same 1 MB on one thread, so both figures can be reported.
        let mut g = c.benchmark_group("corpus-one-thread");
        g.sample_size(10);
        let text = std::fs::read_to_string(std::path::Path::new(&dir).join("corpus-1MB.txt")).expect("corpus-1MB.txt");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter("1MB"), &text, |b, t| b.iter(|| claimlens::analyze_on_one_thread(t, &opts)));
        g.finish();
    }

    // Linear time on hostile input: one sentence packed with cues, hedges and
    // quotation marks (this once took seconds per megabyte).
    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10);
    let unit = "Officials said that experts may have said, reportedly, “quote” he said ";
    let text = unit.repeat(1_000_000 / unit.len());
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("one-sentence-1MB", |b| b.iter(|| claimlens::analyze(&text, &opts)));
    // Thousands of different people, each followed by "He said": every
    // pronoun once scanned every person met so far (quadratic: 1.6 s at
    // 1.7 MB). Names from a fixed syllable walk, no randomness.
    let syl = ["ka", "lo", "mi", "ran", "tes", "vor", "bel", "din", "sar", "tu", "gen", "pol", "ria", "dan", "mer", "sto"];
    let word = |k: usize| -> String {
        let w: String = (0..3).map(|j| syl[(k / 16usize.pow(j)) % 16]).collect();
        let mut c = w.chars();
        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
    };
    let mut names = String::new();
    let mut k = 0;
    while names.len() < 1_000_000 {
        names += &format!("{} {} visited the plant on Monday. He said the repairs were finished.\n\n", word(k), word(k * 7 + 3));
        k += 1;
    }
    g.throughput(Throughput::Bytes(names.len() as u64));
    g.bench_function("many-names-1MB", |b| b.iter(|| claimlens::analyze(&names, &opts)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
