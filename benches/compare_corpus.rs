//! The generated corpus of `benches/compare.rs` (also used by
//! `examples/profile_compare.rs`): `n` articles of about 5 KB, each a base
//! article's paragraphs in a shuffled order with its figures scaled a little.

use claimlens::Document;

/// A small deterministic generator (xorshift), so every run compares the same text.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn base_articles() -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "www/samples"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files: Vec<_> = std::fs::read_dir(&dir).expect("articles dir").map(|e| e.expect("entry").path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        files.sort();
        for p in files {
            let text = std::fs::read_to_string(&p).expect("article").replace("\r\n", "\n");
            out.push(text.split('\n').map(str::to_string).filter(|p| !p.trim().is_empty()).collect());
        }
    }
    out
}

/// Scales the digits of figures ("4,000" → "4,400") by a small factor.
fn vary_numbers(p: &str, rng: &mut Rng) -> String {
    let factor = 0.9 + (rng.next() % 21) as f64 / 100.0;
    let mut out = String::with_capacity(p.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if digits.len() >= 3 && !digits.contains('.') {
            let v: u64 = digits.replace(',', "").parse().unwrap_or(0);
            out.push_str(&((v as f64 * factor).round() as u64).to_string());
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for c in p.chars() {
        if c.is_ascii_digit() || (!digits.is_empty() && (c == ',' || c == '.')) {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// `n` articles of about 5 KB.
pub fn corpus(n: usize) -> Vec<Document> {
    let bases = base_articles();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|i| {
            let base = &bases[i % bases.len()];
            let mut paras: Vec<&String> = base.iter().skip(1).collect();
            for k in (1..paras.len()).rev() {
                paras.swap(k, (rng.next() % (k as u64 + 1)) as usize);
            }
            let mut text = base[0].clone();
            let mut k = 0;
            while text.len() < 5_000 {
                text.push_str("\n\n");
                text.push_str(&vary_numbers(paras[k % paras.len()], &mut rng));
                k += 1;
            }
            Document { name: format!("outlet-{i:04}"), text }
        })
        .collect()
}

