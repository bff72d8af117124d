//! The `claimlens` command-line tool.
//!
//! ```text
//! claimlens analyze FILE|-              report as JSON
//! claimlens analyze FILE --format text  a readable table (coloured on a TTY)
//! claimlens analyze --jsonl             {"id","text"} lines in, {"id","report"} lines out
//! ```
//! Exit codes: 0 success; 1 bad input (one clear line on stderr); 2 usage error.

use clap::{Parser, Subcommand, ValueEnum};
use claimlens::{try_analyze, ExtraTerm, Options, Report, SentenceKind};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

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

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let Cmd::Analyze { file, format, jsonl, max_bytes, add_hedge, disable } = cli.cmd;
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
    let bytes = if file == "-" {
        let mut b = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut b) {
            return fail(format!("cannot read stdin: {e}"));
        }
        b
    } else {
        match std::fs::read(&file) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return fail(format!("no such file: {file}")),
            Err(e) => return fail(format!("cannot read {file}: {e}")),
        }
    };
    if bytes.len() > opts.max_bytes {
        return fail(format!("over the size limit: {} bytes, limit {}", bytes.len(), opts.max_bytes));
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return fail(format!("not UTF-8: {file}"));
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

fn run_jsonl(opts: &Options) -> ExitCode {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.split(b'\n').enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => return fail(format!("cannot read stdin: {e}")),
        };
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let Ok(line) = std::str::from_utf8(&line) else {
            return fail(format!("line {}: not UTF-8", n + 1));
        };
        let input: JsonlIn = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => return fail(format!("line {}: not a {{\"id\",\"text\"}} JSON object: {e}", n + 1)),
        };
        let report = match try_analyze(&input.text, opts) {
            Ok(r) => r,
            Err(e) => return fail(format!("line {}: {e}", n + 1)),
        };
        let v = serde_json::json!({ "id": input.id, "report": report });
        if serde_json::to_writer(&mut out, &v).is_err() || writeln!(out).is_err() {
            return ExitCode::SUCCESS; // reader went away
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

fn write_text(out: &mut impl Write, r: &Report, color: bool) -> std::io::Result<()> {
    let (b, d, x) = if color { ("\x1b[1m", "\x1b[2m", "\x1b[0m") } else { ("", "", "") };
    writeln!(out, "{b}Sourcing score {}/100{x}  {d}({}){x}", r.summary.score, r.summary.note)?;
    for reason in &r.summary.reasons {
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

fn clip(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        one_line.chars().take(n - 1).collect::<String>() + "…"
    }
}
