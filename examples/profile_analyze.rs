//! Runs `analyze` on a file many times, for a profiler: `cargo build --release
//! --example profile_analyze && perf record target/release/examples/profile_analyze FILE`.
// The CLI's allocator, so the profile is the CLI's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).expect("usage: profile_analyze FILE [TIMES]");
    let times: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    let mut sentences = 0;
    for _ in 0..times {
        sentences += claimlens::analyze(&text, &claimlens::Options::default()).sentences.len();
    }
    println!("{sentences} sentences");
}
