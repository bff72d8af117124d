//! The `claimlens` command-line tool.
//!
//! ```text
//! claimlens analyze FILE|-              report as JSON
//! claimlens analyze FILE --format text  a readable table (coloured on a TTY)
//! claimlens analyze --jsonl             {"id","text"} lines in, {"id","report"} lines out
//! claimlens compare FILE FILE...        several articles on one story, as JSON
//! claimlens compare FILE... --format text
//! ```
//! Exit codes: 0 success; 1 bad input (one clear line on stderr); 2 usage error.

use clap::{Parser, Subcommand, ValueEnum};
use claimlens::{try_analyze, ExtraTerm, Options, Report, SentenceKind};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

// The report is thousands of small strings; mimalloc builds and frees them
// about 1.6 times faster than glibc's malloc (DESIGN.md, Speed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "claimlens", version, about = "Who backs each claim in a news article, how hedged it is, and whether it is confirmed. Measures sourcing, not truth.")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Analyse one article (FILE, or - for stdin), or JSON Lines with --jsonl.
    Analyze {
        /// The article file; "-" reads stdin.
        file: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Read {"id":…,"text":"…"} lines on stdin; write {"id":…,"report":{…}} lines.
        #[arg(long)]
        jsonl: bool,
        /// Refuse inputs over this many bytes.
        #[arg(long, default_value_t = claimlens::DEFAULT_MAX_BYTES)]
        max_bytes: usize,
        /// Add a hedge cue: PHRASE:CATEGORY (e.g. "word on the street:weasel").
        #[arg(long = "add-hedge", value_name = "PHRASE:CATEGORY")]
        add_hedge: Vec<String>,
        /// Switch a lexicon phrase off (any lexicon).
        #[arg(long = "disable", value_name = "PHRASE")]
        disable: Vec<String>,
    },
    /// Compare several articles on one story: shared claims, conflicting
    /// figures, sources across outlets.
    Compare {
        /// Two or more article files; each is named by its file name.
        #[arg(required = true, num_args = 1..)]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Refuse any file over this many bytes.
        #[arg(long, default_value_t = claimlens::DEFAULT_MAX_BYTES)]
        max_bytes: usize,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    Json,
    Text,
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("claimlens: {msg}");
    ExitCode::from(1)
}

/// The text of FILE (or stdin for "-"), or the exit code after one clear line.
/// A directory, an unreadable file and an over-size file are refused before
/// anything is read into memory (the size from the file's metadata).
fn read_text(file: &str, max_bytes: usize) -> Result<String, ExitCode> {
    let over = |size: String| fail(format!("over the size limit: {file}: {size}, limit {max_bytes}"));
    let bytes = if file == "-" {
        let mut b = Vec::new();
        // Read at most one byte past the limit: a huge stdin is refused, not buffered.
        if let Err(e) = std::io::stdin().lock().take(max_bytes as u64 + 1).read_to_end(&mut b) {
            return Err(fail(format!("cannot read stdin: {e}")));
        }
        b
    } else {
        let meta = match std::fs::metadata(file) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(fail(format!("no such file: {file}"))),
            Err(e) => return Err(fail(format!("cannot read {file}: {}", plain_io_error(&e)))),
        };
        if meta.is_dir() {
            return Err(fail(format!("is a directory, not a file: {file}")));
        }
        if meta.is_file() && meta.len() > max_bytes as u64 {
            return Err(over(format!("{} bytes", meta.len())));
        }
        let mut b = Vec::new();
        let read = std::fs::File::open(file).and_then(|f| f.take(max_bytes as u64 + 1).read_to_end(&mut b));
        if let Err(e) = read {
            return Err(fail(format!("cannot read {file}: {}", plain_io_error(&e))));
        }
        b
    };
    if bytes.len() > max_bytes {
        // Only stdin and special files get here: their length is unknown beforehand.
        return Err(over(format!("more than {max_bytes} bytes")));
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(fail(format!("not UTF-8: {file}")));
    };
    Ok(text)
}

/// An I/O error in plain words, without Rust's "(os error 13)" suffix.
fn plain_io_error(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let (file, format, jsonl, max_bytes, add_hedge, disable) = match cli.cmd {
        Cmd::Analyze { file, format, jsonl, max_bytes, add_hedge, disable } => (file, format, jsonl, max_bytes, add_hedge, disable),
        Cmd::Compare { files, format, max_bytes } => return run_compare(&files, format, max_bytes),
    };
    let mut opts = Options { max_bytes, disabled_terms: disable, ..Options::default() };
    for h in add_hedge {
        let Some((phrase, cat)) = h.rsplit_once(':') else {
            eprintln!("claimlens: --add-hedge wants PHRASE:CATEGORY, got {h:?}");
            return ExitCode::from(2);
        };
        opts.extra_terms.push(ExtraTerm { lexicon: "hedges".into(), phrase: phrase.into(), category: cat.into(), weight: None });
    }
    // A malformed --add-hedge category is a usage error (exit 2), like a missing colon.
    if let Err(e @ claimlens::Error::BadOption(_)) = try_analyze("", &opts) {
        eprintln!("claimlens: {e}");
        return ExitCode::from(2);
    }
    if jsonl {
        if file.is_some() && file.as_deref() != Some("-") {
            eprintln!("claimlens: --jsonl reads stdin; do not give a FILE");
            return ExitCode::from(2);
        }
        return run_jsonl(&opts);
    }
    let Some(file) = file else {
        eprintln!("claimlens: analyze needs a FILE (or - for stdin, or --jsonl)");
        return ExitCode::from(2);
    };
    let text = match read_text(&file, opts.max_bytes) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let report = match try_analyze(&text, &opts) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let mut out = std::io::stdout().lock();
    let res = match format {
        Format::Json => serde_json::to_writer(&mut out, &report).map_err(|e| e.to_string()).and_then(|_| writeln!(out).map_err(|e| e.to_string())),
        Format::Text => write_text(&mut out, &report, std::io::stdout().is_terminal()).map_err(|e| e.to_string()),
    };
    // the report's warnings (not English, HTML …) also go to stderr, where a
    // reader of the JSON on a terminal sees them
    for w in &report.warnings {
        eprintln!("claimlens: warning: {w}");
    }
    match res {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

#[derive(serde::Deserialize)]
struct JsonlIn {
    id: serde_json::Value,
    text: String,
}

/// `--jsonl`: one report line per input line. A bad line (truncated JSON, not
/// UTF-8, no `text`, over the size limit) gets one stderr line naming its line
/// number; the rest of the batch is still processed, and the exit code is 1.
fn run_jsonl(opts: &Options) -> ExitCode {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut bad = 0usize;
    for (n, line) in stdin.split(b'\n').enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => return fail(format!("cannot read stdin: {e}")),
        };
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let report = jsonl_line(&line, opts).map(|(id, report)| serde_json::json!({ "id": id, "report": report }));
        match report {
            Ok(v) => {
                if serde_json::to_writer(&mut out, &v).is_err() || writeln!(out).is_err() {
                    return ExitCode::SUCCESS; // reader went away
                }
            }
            Err(why) => {
                bad += 1;
                let _ = out.flush(); // keep stdout and stderr in input order
                eprintln!("claimlens: line {}: {why}", n + 1);
            }
        }
    }
    let _ = out.flush();
    if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One `{"id","text"}` line: its id and report, or why not.
fn jsonl_line(line: &[u8], opts: &Options) -> Result<(serde_json::Value, Report), String> {
    let line = std::str::from_utf8(line).map_err(|_| "not UTF-8".to_string())?;
    let input: JsonlIn = serde_json::from_str(line).map_err(|e| format!("not a {{\"id\",\"text\"}} JSON object: {e}"))?;
    let report = try_analyze(&input.text, opts).map_err(|e| e.to_string())?;
    Ok((input.id, report))
}

fn write_text(out: &mut impl Write, r: &Report, color: bool) -> std::io::Result<()> {
    let (b, d, x) = if color { ("\x1b[1m", "\x1b[2m", "\x1b[0m") } else { ("", "", "") };
    for w in &r.warnings {
        writeln!(out, "{b}Warning:{x} {w}")?;
    }
    let sum = &r.summary;
    writeln!(out, "{b}Kind of piece: {}{x}{}", genre_words(sum.genre.label), cue_list(&sum.genre.cues))?;
    writeln!(out, "{b}Sourcing score {}/100{x}  {d}({}){x}", sum.score, sum.note)?;
    if sum.band.is_some() {
        writeln!(out, "  {}", sum.band_why)?;
        writeln!(out, "  Typical news reports score {}–{}.", sum.typical.low, sum.typical.high)?;
    }
    for reason in &sum.reasons {
        writeln!(out, "  {reason}")?;
    }
    writeln!(out)?;
    writeln!(out, "{b}{:>3}  {:<11}  {:<17}  {:<24}  {:>5}  text{x}", "#", "status", "attribution", "source", "score")?;
    for s in &r.sentences {
        if s.kind != SentenceKind::Claim {
            writeln!(out, "{d}{:>3}  ({:?}) {}{x}", s.index, s.kind, clip(&s.text, 70))?;
            continue;
        }
        let a = s.attributions.first();
        let kind = a.map(|a| serde_json::to_value(a.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()).unwrap_or_else(|| "none".into());
        let src = a.and_then(|a| a.source.as_ref()).map(|x| x.text.as_str()).unwrap_or("-");
        let colour = if !color {
            ""
        } else {
            match s.status.label {
                claimlens::StatusLabel::Confirmed => "\x1b[32m",
                claimlens::StatusLabel::Denied => "\x1b[35m",
                claimlens::StatusLabel::Unconfirmed => "\x1b[31m",
                claimlens::StatusLabel::Speculative => "\x1b[33m",
                _ => "",
            }
        };
        writeln!(out, "{:>3}  {colour}{:<11}{x}  {:<17}  {:<24}  {:>5}  {}", s.index, format!("{:?}", s.status.label).to_lowercase(), kind, clip(src, 24), s.score, clip(&s.text, 70))?;
        if !s.hedges.is_empty() {
            let hs: Vec<String> = s.hedges.iter().map(|h| format!("{} ({:?})", h.text, h.category).to_lowercase()).collect();
            writeln!(out, "     {d}hedges: {}{x}", hs.join(", "))?;
        }
    }
    Ok(())
}

fn genre_words(g: claimlens::GenreLabel) -> &'static str {
    match g {
        claimlens::GenreLabel::News => "news report",
        claimlens::GenreLabel::Opinion => "opinion or analysis (the sourcing score means less here)",
        claimlens::GenreLabel::Interview => "interview or Q&A",
        claimlens::GenreLabel::Review => "review (the sourcing score means less here)",
        claimlens::GenreLabel::PressRelease => "press release",
    }
}

/// "  (cues: “I think”, “we should”)", or nothing.
fn cue_list(cues: &[claimlens::TextSpan]) -> String {
    if cues.is_empty() {
        return String::new();
    }
    let words: Vec<String> = cues.iter().map(|c| format!("“{}”", c.text)).collect();
    format!("  (cues: {})", words.join(", "))
}

fn clip(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        one_line.chars().take(n - 1).collect::<String>() + "…"
    }
}

/// `claimlens compare FILE...`: the comparison as JSON, or a table.
fn run_compare(files: &[String], format: Format, max_bytes: usize) -> ExitCode {
    if files.len() < 2 {
        eprintln!("claimlens: compare needs at least two files");
        return ExitCode::from(2);
    }
    let mut docs = Vec::with_capacity(files.len());
    for f in files {
        match read_text(f, max_bytes) {
            Ok(text) => {
                let name = std::path::Path::new(f).file_name().map_or_else(|| f.clone(), |n| n.to_string_lossy().into_owned());
                docs.push(claimlens::Document { name, text });
            }
            Err(code) => return code,
        }
    }
    let opts = Options { max_bytes, ..Options::default() };
    let cmp = match claimlens::compare(&docs, &opts) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let mut out = std::io::stdout().lock();
    let res = match format {
        Format::Json => serde_json::to_writer(&mut out, &cmp).map_err(|e| e.to_string()).and_then(|_| writeln!(out).map_err(|e| e.to_string())),
        Format::Text => write_compare_text(&mut out, &cmp).map_err(|e| e.to_string()),
    };
    match res {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

fn write_compare_text(out: &mut impl Write, c: &claimlens::Comparison) -> std::io::Result<()> {
    if let Some(notice) = &c.notice {
        writeln!(out, "{notice}")?;
        for (i, docs) in c.stories.iter().enumerate() {
            let names: Vec<&str> = docs.iter().map(|&d| c.documents[d].name.as_str()).collect();
            writeln!(out, "  story {}: {}", i + 1, names.join(", "))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "Outlets ranked by sourcing score (sourcing, not truth):")?;
    let mut docs: Vec<_> = c.documents.iter().collect();
    docs.sort_by_key(|d| d.rank);
    for d in docs {
        writeln!(out, "  {}. {:<28} {:>3}/100  {} claims only here, {} shared claims with no named source", d.rank, short(&d.name, 28), d.report.summary.score, d.unique_claims.len(), d.unnamed_groups.len())?;
    }
    writeln!(out, "\nClaims carried by more than one outlet ({}):", c.claim_groups.len())?;
    for g in &c.claim_groups {
        let flag = if g.conflict { "  NUMBERS DISAGREE" } else { "" };
        writeln!(out, "  [{}] {} outlets{}: {}", g.id, g.documents, flag, short(&g.text, 90))?;
        for m in &g.members {
            let status = serde_json::to_value(m.status).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
            let who = m.source.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
            writeln!(out, "      {:<24} {:<12} {}{}", short(&c.documents[m.doc].name, 24), status, m.attribution, who)?;
        }
        for k in &g.conflicts {
            let vals: Vec<String> = k.values.iter().map(|v| format!("{}: {}", c.documents[v.doc].name, v.text)).collect();
            writeln!(out, "      figures for {}: {}", k.unit, vals.join("; "))?;
            writeln!(out, "      why: {}", k.reason)?;
        }
    }
    writeln!(out, "\nNamed sources across outlets:")?;
    for s in &c.sources {
        let kind = serde_json::to_value(s.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        let role = s.role.as_deref().map(|r| format!(", {r}")).unwrap_or_default();
        let aka = if s.aliases.is_empty() { String::new() } else { format!(" (also {})", s.aliases.join(", ")) };
        writeln!(out, "  {} [{kind}{role}] in {} outlet(s){aka}", s.name, s.documents)?;
    }
    Ok(())
}
