//! Runs `analyze` on a file many times, for a profiler: `cargo build --release
//! --example profile_analyze && perf record target/release/examples/profile_analyze FILE [TIMES] [one]`.
// The CLI's allocator, so the profile is the CLI's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).expect("usage: profile_analyze FILE [TIMES]");
    let times: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    // a third argument, `one`, keeps to one thread, as the wasm build does
    let one = std::env::args().nth(3).is_some_and(|a| a == "one");
    let mut sentences = 0;
    let mut ms = Vec::with_capacity(times);
    for _ in 0..times {
        let o = claimlens::Options::default();
        let t0 = std::time::Instant::now();
        let r = if one { claimlens::analyze_on_one_thread(&text, &o) } else { claimlens::analyze(&text, &o) };
        sentences += r.sentences.len();
        drop(r);
        ms.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    // per run, the report's drop included (as criterion counts it); the first
    // run also builds the lexicons
    let first = ms.first().copied().unwrap_or(0.0);
    ms.sort_by(f64::total_cmp);
    let (min, med) = (ms.first().copied().unwrap_or(0.0), ms.get(ms.len() / 2).copied().unwrap_or(0.0));
    println!("{sentences} sentences; per run: first {first:.1} ms, min {min:.1} ms, median {med:.1} ms");
}
