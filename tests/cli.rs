//! The `claimlens` command-line tool, run as a child process.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const ARTICLE: &str = "Officials said the bridge reportedly reopened on Monday.\n\n“We will act,” Mr. Shin told reporters. The plan may be delayed.\n";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimlens"))
}

/// A file under the test's scratch directory, written with `bytes`.
fn file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Run with `args`, feeding `stdin`; stdin is closed either way.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn claimlens");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait for claimlens");
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "exit {:?}, stderr: {}", o.status.code(), stderr(o));
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("stdout is not one JSON value ({e}): {}", stdout(o)))
}

/// Exit 1 with exactly one line on stderr, naming the problem, and nothing on stdout.
fn assert_bad_input(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "exit code; stderr: {err}");
    assert_eq!(err.lines().count(), 1, "want one stderr line, got: {err:?}");
    assert!(err.ends_with('\n'), "stderr line is terminated: {err:?}");
    assert!(err.to_lowercase().contains(&needle.to_lowercase()), "stderr {err:?} should mention {needle:?}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.stdout.is_empty(), "nothing on stdout: {}", stdout(o));
}

fn assert_usage_error(o: &Output) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {err}");
    assert!(!err.trim().is_empty(), "a usage error says what is wrong");
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.stdout.is_empty(), "nothing on stdout: {}", stdout(o));
}

fn hedges_of(report: &Value) -> Vec<String> {
    report["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["hedges"].as_array().unwrap().iter().map(|h| h["text"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn analyze_file_prints_json_report() {
    let p = file("article.txt", ARTICLE.as_bytes());
    let o = run(&["analyze", p.to_str().unwrap()], b"");
    let v = json(&o);
    assert_eq!(v["schemaVersion"], 1);
    assert_eq!(stdout(&o).lines().count(), 1, "one JSON document on one line");
    assert_eq!(v["stats"]["chars"], ARTICLE.encode_utf16().count());
    let sents = v["sentences"].as_array().unwrap();
    assert_eq!(sents.len(), 3);
    assert_eq!(sents[0]["text"], "Officials said the bridge reportedly reopened on Monday.");
    assert_eq!(sents[0]["attributions"][0]["source"]["text"], "Officials");
    assert!(sents[0]["attributions"][0]["source"].get("sourceId").is_some(), "camelCase sourceId");
    assert!(hedges_of(&v).contains(&"reportedly".to_string()));
    // The CLI and the library agree.
    let lib = claimlens::analyze(ARTICLE, &claimlens::Options::default());
    let lib: Value = serde_json::from_str(&serde_json::to_string(&lib).unwrap()).unwrap();
    assert_eq!(v, lib);
    assert!(o.stderr.is_empty(), "quiet on success: {}", stderr(&o));
}

#[test]
fn analyze_dash_reads_stdin() {
    let o = run(&["analyze", "-"], ARTICLE.as_bytes());
    let v = json(&o);
    assert_eq!(v["schemaVersion"], 1);
    assert_eq!(v["sentences"].as_array().unwrap().len(), 3);
    let p = file("same.txt", ARTICLE.as_bytes());
    assert_eq!(v, json(&run(&["analyze", p.to_str().unwrap()], b"")), "stdin and file give the same report");
    // Empty stdin is a valid, empty report.
    let e = json(&run(&["analyze", "-"], b""));
    assert_eq!(e["sentences"].as_array().unwrap().len(), 0);
}

#[test]
fn text_format_is_a_plain_table_when_not_a_tty() {
    let p = file("table.txt", ARTICLE.as_bytes());
    let o = run(&["analyze", p.to_str().unwrap(), "--format", "text"], b"");
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('\x1b'), "no ANSI escape codes when stdout is a pipe:\n{out:?}");
    assert!(out.contains("Sourcing score"), "{out}");
    let header = out.lines().find(|l| l.contains("status") && l.contains("source") && l.contains("score")).expect("a table header");
    assert!(header.contains("attribution"), "{header}");
    let row = out.lines().find(|l| l.contains("Officials said the bridge")).expect("a row for the first claim");
    assert!(row.contains("unconfirmed") || row.contains("claimed"), "status column: {row}");
    assert!(out.contains("reportedly"), "hedges are listed:\n{out}");
    // Also from stdin.
    let o2 = run(&["analyze", "-", "--format", "text"], ARTICLE.as_bytes());
    assert_eq!(stdout(&o2), out);
}

#[test]
fn jsonl_maps_ids_to_reports() {
    let input = concat!(
        "{\"id\":1,\"text\":\"Officials said the bridge reopened.\"}\n",
        "{\"id\":\"a-2\",\"text\":\"The bridge reportedly reopened. It may rain.\"}\n",
        "\n",
        "{\"text\":\"😀 Mr. Shin said so.\",\"id\":3.5}\r\n",
        "{\"id\":{\"k\":[1,2]},\"text\":\"\"}\n",
        "{\"id\":null,\"text\":\"No id.\"}"
    );
    let o = run(&["analyze", "--jsonl"], input.as_bytes());
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect();
    let ids: Vec<Value> = lines.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, [serde_json::json!(1), serde_json::json!("a-2"), serde_json::json!(3.5), serde_json::json!({"k":[1,2]}), Value::Null]);
    for l in &lines {
        let keys: Vec<&String> = l.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 2, "only id and report: {keys:?}");
        assert_eq!(l["report"]["schemaVersion"], 1);
    }
    assert_eq!(lines[0]["report"]["sentences"][0]["attributions"][0]["source"]["text"], "Officials");
    assert_eq!(lines[1]["report"]["sentences"].as_array().unwrap().len(), 2);
    assert!(hedges_of(&lines[1]["report"]).contains(&"reportedly".to_string()));
    // UTF-16 offsets: the emoji counts two units.
    assert_eq!(lines[2]["report"]["stats"]["chars"], "😀 Mr. Shin said so.".encode_utf16().count());
    assert_eq!(lines[3]["report"]["sentences"].as_array().unwrap().len(), 0);
}

#[test]
fn jsonl_two_thousand_lines_is_quick() {
    let mut input = String::new();
    for i in 0..2000 {
        input.push_str(&serde_json::json!({"id": i, "text": format!("Officials said bridge {i} reopened. It may rain, reportedly.")}).to_string());
        input.push('\n');
    }
    let t = Instant::now();
    let o = run(&["analyze", "--jsonl"], input.as_bytes());
    let took = t.elapsed();
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2000);
    for (i, l) in lines.iter().enumerate() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["id"], i, "ids in input order");
        assert_eq!(v["report"]["sentences"][0]["text"], format!("Officials said bridge {i} reopened."));
    }
    assert!(took < Duration::from_secs(if cfg!(debug_assertions) { 30 } else { 5 }), "2,000 short lines took {took:?}");
}

#[test]
fn jsonl_bad_line_is_a_clear_error() {
    let o = run(&["analyze", "--jsonl"], b"{\"id\":1,\"text\":\"Fine.\"}\nnot json\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
    let o = run(&["analyze", "--jsonl"], b"{\"id\":1}\n");
    assert_bad_input(&o, "line 1");
    let o = run(&["analyze", "--jsonl"], b"{\"id\":1,\"text\":\"\xff\"}\n");
    assert_bad_input(&o, "UTF-8");
    let o = run(&["analyze", "--jsonl", "--max-bytes", "3"], b"{\"id\":1,\"text\":\"Officials said so.\"}\n");
    assert_bad_input(&o, "size limit");
}

#[test]
fn jsonl_truncated_line_names_its_line_and_the_batch_goes_on() {
    // Line 2 is cut off mid-string, line 3 is not UTF-8; lines 1 and 4 still get reports.
    let input = b"{\"id\":\"a\",\"text\":\"Officials said the bridge reopened.\"}\n{\"id\":\"b\",\"text\":\"The mayor sa\n{\"id\":\"c\",\"text\":\"\xff\"}\n{\"id\":\"d\",\"text\":\"The mayor may resign.\"}\n";
    let o = run(&["analyze", "--jsonl"], input);
    assert_eq!(o.status.code(), Some(1), "a bad line makes the exit code 1");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "one stderr line per bad input line: {err}");
    assert!(lines[0].starts_with("claimlens: line 2: "), "{err}");
    assert!(lines[1].starts_with("claimlens: line 3: ") && lines[1].contains("UTF-8"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let out: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).expect("each stdout line is JSON")).collect();
    let ids: Vec<&str> = out.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "d"], "the good lines are still reported, in order");
    assert_eq!(out[1]["report"]["sentences"][0]["status"]["label"], "speculative");
}

#[test]
fn a_directory_is_exit_1() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests").join("a-directory");
    std::fs::create_dir_all(&dir).unwrap();
    let o = run(&["analyze", dir.to_str().unwrap()], b"");
    assert_bad_input(&o, "directory");
    assert!(stderr(&o).contains("a-directory"), "names it: {}", stderr(&o));
    let f = file("compare-one.txt", ARTICLE.as_bytes());
    assert_bad_input(&run(&["compare", f.to_str().unwrap(), dir.to_str().unwrap()], b""), "directory");
}

#[test]
fn an_unreadable_file_is_exit_1() {
    // /proc/self/mem cannot be read at offset 0 (EIO), even by root, for whom
    // chmod 000 would not stop a read.
    let p = "/proc/self/mem";
    if !std::path::Path::new(p).exists() {
        return; // not Linux
    }
    let o = run(&["analyze", p], b"");
    assert_bad_input(&o, "cannot read");
    assert!(stderr(&o).contains(p), "names the file: {}", stderr(&o));
    assert!(!stderr(&o).contains("os error"), "plain words: {}", stderr(&o));
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    // A sparse 64 GiB file: refusing it from its size must not read (or allocate) it.
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests").join("sparse-huge.txt");
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(64 << 30).unwrap();
    drop(f);
    let t = Instant::now();
    let o = run(&["analyze", p.to_str().unwrap()], b"");
    let took = t.elapsed();
    let _ = std::fs::remove_file(&p);
    assert_bad_input(&o, "size limit");
    assert!(stderr(&o).contains(&(64u64 << 30).to_string()), "gives the size: {}", stderr(&o));
    assert!(took < Duration::from_secs(5), "refused from its size, not read: {took:?}");
}

#[test]
fn not_utf8_is_exit_1() {
    let p = file("latin1.txt", b"Caf\xe9 officials said the bridge reopened.\n");
    assert_bad_input(&run(&["analyze", p.to_str().unwrap()], b""), "UTF-8");
    assert_bad_input(&run(&["analyze", "-"], b"\xff\xfe\x00o\x00k"), "UTF-8");
}

#[test]
fn no_such_file_is_exit_1() {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests").join("does-not-exist.txt");
    let o = run(&["analyze", missing.to_str().unwrap()], b"");
    assert_bad_input(&o, "no such file");
    assert!(stderr(&o).contains("does-not-exist.txt"), "names the file: {}", stderr(&o));
}

#[test]
fn over_the_size_limit_is_exit_1() {
    let p = file("big.txt", ARTICLE.as_bytes());
    let n = ARTICLE.len();
    let o = run(&["analyze", p.to_str().unwrap(), "--max-bytes", &(n - 1).to_string()], b"");
    assert_bad_input(&o, "size limit");
    assert!(stderr(&o).contains(&n.to_string()), "gives the size: {}", stderr(&o));
    assert_bad_input(&run(&["analyze", "-", "--max-bytes", "10"], ARTICLE.as_bytes()), "size limit");
    // At the limit is fine.
    let v = json(&run(&["analyze", p.to_str().unwrap(), "--max-bytes", &n.to_string()], b""));
    assert_eq!(v["sentences"].as_array().unwrap().len(), 3);
}

#[test]
fn usage_errors_are_exit_2() {
    let p = file("usage.txt", ARTICLE.as_bytes());
    let f = p.to_str().unwrap();
    assert_usage_error(&run(&["analyze", f, "--no-such-flag"], b""));
    assert_usage_error(&run(&["analyze"], b"")); // missing FILE
    assert_usage_error(&run(&[], b"")); // missing subcommand
    assert_usage_error(&run(&["frobnicate", f], b""));
    assert_usage_error(&run(&["analyze", f, "--format", "xml"], b""));
    assert_usage_error(&run(&["analyze", f, "--max-bytes", "lots"], b""));
    assert_usage_error(&run(&["analyze", f, "--jsonl"], b"")); // --jsonl reads stdin only
    assert_usage_error(&run(&["analyze", f, "--add-hedge", "no-category"], b""));
    // A category that does not exist is as much a usage error as a missing one.
    let o = run(&["analyze", f, "--add-hedge", "perchance:bogus"], b"");
    assert_usage_error(&o);
    assert!(stderr(&o).contains("bogus"), "{}", stderr(&o));
}

#[test]
fn help_and_version_exit_0() {
    let o = run(&["--help"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("analyze"));
    let o = run(&["--version"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn add_hedge_makes_a_word_a_hedge() {
    let text = "The bridge perchance reopened on Monday.";
    let p = file("perchance.txt", text.as_bytes());
    let before = json(&run(&["analyze", p.to_str().unwrap()], b""));
    assert!(hedges_of(&before).is_empty(), "{:?}", hedges_of(&before));
    let after = json(&run(&["analyze", p.to_str().unwrap(), "--add-hedge", "perchance:epistemic"], b""));
    let h = &after["sentences"][0]["hedges"][0];
    assert_eq!(h["text"], "perchance");
    assert_eq!(h["category"], "epistemic");
    assert_eq!((h["start"].as_u64(), h["end"].as_u64()), (Some(11), Some(20)));
    // Multi-word phrases, and several flags at once.
    let after = json(&run(
        &["analyze", "-", "--add-hedge", "word on the street:weasel", "--add-hedge", "perchance:epistemic"],
        b"Word on the street is the bridge perchance reopened.",
    ));
    assert_eq!(hedges_of(&after), ["Word on the street", "perchance"]);
}

#[test]
fn disable_removes_a_hedge() {
    let p = file("reportedly.txt", b"The bridge reportedly reopened on Monday.");
    let before = json(&run(&["analyze", p.to_str().unwrap()], b""));
    assert_eq!(hedges_of(&before), ["reportedly"]);
    let after = json(&run(&["analyze", p.to_str().unwrap(), "--disable", "reportedly"], b""));
    assert!(hedges_of(&after).is_empty(), "{:?}", hedges_of(&after));
    // Case does not matter, and the option works with --jsonl too.
    let o = run(&["analyze", "--jsonl", "--disable", "Reportedly"], b"{\"id\":7,\"text\":\"The bridge reportedly reopened.\"}\n");
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["id"], 7);
    assert!(hedges_of(&v["report"]).is_empty());
}

#[test]
fn closed_stdout_is_not_a_crash() {
    // The reader goes away before any output: exit quietly, no panic message.
    let mut input = String::new();
    for i in 0..5000 {
        input.push_str(&format!("{{\"id\":{i},\"text\":\"Officials said the bridge reopened.\"}}\n"));
    }
    for args in [&["analyze", "--jsonl"][..], &["analyze", "-"][..], &["analyze", "-", "--format", "text"][..]] {
        let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        drop(child.stdout.take());
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(input.as_bytes());
        drop(stdin);
        let o = child.wait_with_output().unwrap();
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(o.status.code(), Some(0), "{args:?}: stderr {err}");
    }
}

/// Issue 16: text that is not English gets the report's warning on stderr
/// (and at the top of the text output); English text stays quiet.
#[test]
fn not_english_warns_on_stderr_and_english_does_not() {
    let ja = "東京都は火曜日、新しい橋の建設を始めると発表した。関係者によると、費用は約三十億円になる見通しだという。";
    let o = run(&["analyze", "-"], ja.as_bytes());
    let v = json(&o);
    assert!(v["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("reads English news")), "{v}");
    assert!(stderr(&o).contains("warning: claimlens reads English news"), "{}", stderr(&o));
    let t = run(&["analyze", "-", "--format", "text"], ja.as_bytes());
    assert!(stdout(&t).starts_with("Warning: claimlens reads English news"), "{}", stdout(&t));
    let en = run(&["analyze", "-"], ARTICLE.as_bytes());
    assert!(json(&en)["warnings"].as_array().unwrap().is_empty());
    assert!(en.stderr.is_empty(), "{}", stderr(&en));
}

/// Issue 16: the text output gives the kind of piece, the band in words and
/// where typical news reports score.
#[test]
fn text_output_names_the_genre_and_the_band() {
    let o = run(&["analyze", "-", "--format", "text"], ARTICLE.as_bytes());
    let out = stdout(&o);
    assert!(out.contains("Kind of piece: news report"), "{out}");
    assert!(out.contains("worth checking"), "{out}");
    assert!(out.contains("Typical news reports score"), "{out}");
    let op = "I think the council is wrong about the buses. We should keep them. In my view the cut saves almost nothing, and we must say so.";
    let out = stdout(&run(&["analyze", "-", "--format", "text"], op.as_bytes()));
    assert!(out.contains("Kind of piece: opinion"), "{out}");
    assert!(out.contains("“I think”"), "{out}");
}
