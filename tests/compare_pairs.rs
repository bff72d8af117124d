//! Compare on small invented cases (`tests/fixtures/compare_pairs/<case>/`):
//! articles on unrelated stories, on one story whose figures agree within
//! their qualifiers, on one story whose figures truly conflict, and sources
//! that must be people and bodies. Each case's `case.json` says what must
//! hold (see `tests/fixtures/compare_pairs/README.md`). Every check must pass.

use claimlens::compare::DIFFERENT_STORIES;
use claimlens::{compare, Comparison, Document, Options};
use serde_json::Value;
use std::path::Path;

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare_pairs")
}

fn locate(cmp: &Comparison, names: &[String], m: &Value) -> Option<(usize, usize)> {
    let d = names.iter().position(|n| n == m["file"].as_str().unwrap())?;
    let needle = m["contains"].as_str().unwrap();
    cmp.documents[d].report.sentences.iter().find(|s| s.text.contains(needle)).map(|s| (d, s.index))
}

fn groups_of(cmp: &Comparison, at: (usize, usize)) -> Vec<usize> {
    cmp.claim_groups.iter().filter(|g| g.members.iter().any(|m| (m.doc, m.sentence) == at)).map(|g| g.id).collect()
}

fn share(cmp: &Comparison, a: Option<(usize, usize)>, b: Option<(usize, usize)>) -> Option<usize> {
    let (a, b) = (a?, b?);
    let gb = groups_of(cmp, b);
    groups_of(cmp, a).into_iter().find(|g| gb.contains(g))
}

fn names_of(s: &claimlens::compare::CrossSource) -> Vec<String> {
    std::iter::once(&s.name).chain(&s.aliases).map(|n| n.to_lowercase()).collect()
}

fn source_of(cmp: &Comparison, names: &[String], m: &Value) -> Option<usize> {
    let d = names.iter().position(|n| n == m["file"].as_str().unwrap())?;
    let name = m["name"].as_str().unwrap().to_lowercase();
    cmp.sources.iter().find(|s| names_of(s).contains(&name) && s.mentions.iter().any(|x| x.doc == d)).map(|s| s.id)
}

fn list<'a>(case: &'a Value, key: &str) -> Vec<&'a Value> {
    case[key].as_array().map(|a| a.iter().collect()).unwrap_or_default()
}

/// The failed checks of one case, and how many checks it made.
fn run_case(dir: &Path) -> (Vec<String>, usize) {
    let case: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap()).expect("case.json");
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".txt")).collect();
    names.sort();
    let docs: Vec<Document> = names.iter().map(|n| Document { name: n.clone(), text: std::fs::read_to_string(dir.join(n)).unwrap() }).collect();
    let cmp = compare(&docs, &Options::default()).expect("compare");
    let mut fails = Vec::new();
    let mut total = 0;
    let mut check = |ok: bool, why: String| {
        total += 1;
        if !ok {
            fails.push(why);
        }
    };
    let same = case["sameStory"].as_bool().expect("every case says sameStory");
    check(cmp.same_story == same, format!("sameStory: want {same}, got {} (stories {:?})", cmp.same_story, cmp.stories));
    check(cmp.notice.as_deref() == (!same).then_some(DIFFERENT_STORIES), format!("notice: {:?}", cmp.notice));
    if let Some(st) = case.get("stories") {
        let want: Vec<Vec<usize>> = serde_json::from_value(st.clone()).unwrap();
        check(cmp.stories == want, format!("stories: want {want:?}, got {:?}", cmp.stories));
    }
    for g in &cmp.claim_groups {
        let st = cmp.documents[g.members[0].doc].story;
        check(g.members.iter().all(|m| cmp.documents[m.doc].story == st), format!("group {} spans two stories", g.id));
        for c in &g.conflicts {
            check(!c.reason.is_empty() && c.values[c.pair[0]].doc != c.values[c.pair[1]].doc, format!("conflict in group {} without a reason or within one document", g.id));
        }
    }
    for p in list(&case, "sameClaim") {
        let (a, b) = (locate(&cmp, &names, &p[0]), locate(&cmp, &names, &p[1]));
        check(share(&cmp, a, b).is_some(), format!("sameClaim: {} ~ {}", p[0]["contains"], p[1]["contains"]));
    }
    for p in list(&case, "differentClaim") {
        let (a, b) = (locate(&cmp, &names, &p[0]), locate(&cmp, &names, &p[1]));
        check(a.is_some() && b.is_some() && share(&cmp, a, b).is_none(), format!("differentClaim: {} vs {}", p[0]["contains"], p[1]["contains"]));
    }
    for (key, want) in [("numberConflicts", true), ("noConflict", false)] {
        for p in list(&case, key) {
            let g = share(&cmp, locate(&cmp, &names, &p[0]), locate(&cmp, &names, &p[1]));
            check(g.is_some_and(|g| cmp.claim_groups[g].conflict == want), format!("{key}: {} vs {} (group {g:?})", p[0]["contains"], p[1]["contains"]));
        }
    }
    let reasons: Vec<&str> = cmp.claim_groups.iter().flat_map(|g| g.conflicts.iter().map(|c| c.reason.as_str())).collect();
    for r in list(&case, "reasonContains") {
        let r = r.as_str().unwrap();
        check(reasons.iter().any(|x| x.contains(r)), format!("reasonContains {r:?}: {reasons:?}"));
    }
    for p in list(&case, "sameSource") {
        let (a, b) = (source_of(&cmp, &names, &p[0]), source_of(&cmp, &names, &p[1]));
        check(a.is_some() && a == b, format!("sameSource: {} / {} ({a:?} {b:?})", p[0]["name"], p[1]["name"]));
    }
    for m in list(&case, "source") {
        check(source_of(&cmp, &names, m).is_some(), format!("source: {}", m["name"]));
    }
    for n in list(&case, "notSource") {
        let n = n.as_str().unwrap().to_lowercase();
        check(!cmp.sources.iter().any(|s| names_of(s).contains(&n)), format!("notSource: {n}"));
    }
    for n in list(&case, "notPerson") {
        let n = n.as_str().unwrap().to_lowercase();
        check(!cmp.sources.iter().any(|s| s.kind == claimlens::AttributionKind::NamedPerson && names_of(s).contains(&n)), format!("notPerson: {n}"));
    }
    for p in list(&case, "notMerged") {
        let (a, b) = (p[0].as_str().unwrap().to_lowercase(), p[1].as_str().unwrap().to_lowercase());
        check(!cmp.sources.iter().any(|s| names_of(s).contains(&a) && names_of(s).contains(&b)), format!("notMerged: {a} / {b}"));
    }
    (fails, total)
}

#[test]
fn compare_pairs_meet_their_cases() {
    let mut dirs: Vec<_> = std::fs::read_dir(root()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    assert!(dirs.len() >= 6, "too few cases");
    let (mut all, mut total) = (Vec::new(), 0);
    for d in &dirs {
        let (f, n) = run_case(d);
        total += n;
        let name = d.file_name().unwrap().to_string_lossy().into_owned();
        all.extend(f.into_iter().map(|f| format!("{name}: {f}")));
    }
    eprintln!("compare pairs: {}/{} checks pass", total - all.len(), total);
    assert!(all.is_empty(), "{all:#?}");
}
