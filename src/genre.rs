//! What kind of piece is this? A news report, an opinion or analysis piece,
//! an interview, a review or a press release (issue 16), decided from cue
//! phrases (`data/genre.txt`) and from line labels found here ("Q:", "A:",
//! "MORALES:", an "About Nordvik Energy" heading). One pass over the first
//! [`READ`] sentences (a piece shows its kind early; a long paste of many
//! articles costs no more than a long article); each is searched once.
//!
//! The rules, in order (the first that holds wins):
//! - press release: 2 points, a piece of press-release furniture ("FOR
//!   IMMEDIATE RELEASE", "Media contact", an "About <Name>" heading, a
//!   "Press release" line) counting 2 and a press-release phrase ("today
//!   announced") 1;
//! - interview: at least 2 paragraphs that open with "Q:"/"Q." or 3 that
//!   open with a speaker label ("MORALES:"), 2 speakers at least;
//! - review: a review label line ("Review"), or at least 3 review phrases
//!   ("the film", "directed by"), 2 different, one of them a judgement
//!   ("worth watching", "I recommend"): news about a film says "the film"
//!   often, but does not judge it;
//! - opinion: see [`opinion`]: a column's furniture ("the views expressed",
//!   an "Opinion" or "Letters" line), first-person arguments ("I think",
//!   "we should") and other arguments ("should", "it is obvious"). Arguments
//!   count only outside quotation marks, in sentences with no source: a
//!   quoted "we should" is the source's view;
//! - otherwise news.

use crate::cues::{Hit, PhraseSet};
use crate::report::{Genre, GenreLabel, Sentence, SentenceKind, TextSpan};
use crate::utf16::len_utf16;
use std::sync::OnceLock;

pub const GENRE_DATA: &str = include_str!("../data/genre.txt");
/// Its entry lines, without the comments (compiled in; see `lexicon::strip_comments`).
const GENRE_ENTRIES: &str = crate::entry_lines!(GENRE_DATA);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cat {
    Opinion,
    Argue,
    OpinionStrong,
    OpinionLabel,
    Review,
    ReviewJudge,
    ReviewLabel,
    Press,
    PressStrong,
    PressLabel,
}

fn cat(name: &str) -> Option<Cat> {
    Some(match name {
        "opinion" => Cat::Opinion,
        "argue" => Cat::Argue,
        "opinionStrong" => Cat::OpinionStrong,
        "opinionLabel" => Cat::OpinionLabel,
        "review" => Cat::Review,
        "reviewStrong" => Cat::ReviewJudge,
        "reviewLabel" => Cat::ReviewLabel,
        "pressRelease" => Cat::Press,
        "pressStrong" => Cat::PressStrong,
        "pressLabel" => Cat::PressLabel,
        _ => return None,
    })
}

fn phrases() -> &'static PhraseSet<Cat> {
    static P: OnceLock<PhraseSet<Cat>> = OnceLock::new();
    P.get_or_init(|| PhraseSet::parse(GENRE_ENTRIES, cat))
}

/// At most this many cue spans are reported.
const MAX_CUES: usize = 6;

#[derive(Default)]
struct Tally {
    press_points: usize,
    press: Vec<TextSpan>,
    q_labels: usize,
    interview: Vec<TextSpan>,
    speakers: Vec<String>,
    speaker_labels: usize,
    review_label: bool,
    review_hits: usize,
    review_judged: bool,
    review_distinct: Vec<String>,
    review: Vec<TextSpan>,
    opinion_strong: usize,
    opinion_hits: usize,
    argue_hits: usize,
    opinion_sentences: usize,
    opinion: Vec<TextSpan>,
}

fn push(v: &mut Vec<TextSpan>, s: TextSpan) {
    if v.len() < MAX_CUES {
        v.push(s);
    }
}

/// The span of bytes `a..b` of sentence `s`'s text, in input offsets.
fn span_in(s: &Sentence, a: usize, b: usize) -> TextSpan {
    let t = &s.text;
    let (a, b) = (a.min(t.len()), b.min(t.len()));
    let start = s.start + len_utf16(t.get(..a).unwrap_or(""));
    let text = t.get(a..b).unwrap_or("").to_string();
    let end = start + len_utf16(&text);
    TextSpan { text, start, end }
}

/// Whether byte `at` of `t` lies inside quotation marks (“…”, "…").
fn in_quotes(t: &str, at: usize) -> bool {
    let mut depth = 0i32;
    let mut straight = false;
    for (i, c) in t.char_indices() {
        if i >= at {
            break;
        }
        match c {
            '“' => depth += 1,
            '”' => depth = (depth - 1).max(0),
            '"' => straight = !straight,
            _ => {}
        }
    }
    depth > 0 || straight
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    Question,
    Answer,
    Speaker,
}

/// A paragraph's opening label: "Q:"/"Q.", "A:"/"A.", or a speaker label in
/// capitals ("MORALES:", "DR. LEE:"), with the byte where it ends.
fn label(t: &str) -> Option<(Label, usize)> {
    let t0 = t.trim_start();
    let lead = t.len() - t0.len();
    let b = t0.as_bytes();
    if b.len() >= 3 && (b[0] == b'Q' || b[0] == b'A') && (b[1] == b':' || b[1] == b'.') && b[2] == b' ' {
        return Some((if b[0] == b'Q' { Label::Question } else { Label::Answer }, lead + 2));
    }
    // up to 3 words in capitals, then a colon
    let colon = t0.get(..40.min(t0.len())).or(Some(t0)).and_then(|h| h.find(':'))?;
    let name = &t0[..colon];
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let ok = letters >= 2 && name.split_whitespace().count() <= 3 && name.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'' || c == '’') && t0[colon + 1..].starts_with(' ');
    ok.then_some((Label::Speaker, lead + colon + 1))
}

/// Whether a hit covers the whole sentence, but for punctuation and spaces.
fn whole_line(t: &str, h: &Hit<Cat>) -> bool {
    let junk = |s: &str| s.chars().all(|c| !c.is_alphanumeric());
    junk(&t[..h.start]) && junk(&t[h.end..])
}

/// "About Nordvik Energy": a short heading that opens with "About" and a capital.
fn about_heading(s: &Sentence) -> bool {
    let t = s.text.trim();
    let Some(rest) = t.strip_prefix("About ") else { return false };
    let n = rest.split_whitespace().count();
    (1..=5).contains(&n) && rest.starts_with(|c: char| c.is_uppercase()) && !rest.ends_with(['.', '?', '!'])
}

/// The opinion rule: a column's furniture twice, or once with an argument;
/// or first-person arguments (2 points each) and other arguments (1 point)
/// adding up to 4, with a point for every 5 claims and 2 first-person
/// sentences, or to 6 with a point for every 4 claims.
fn opinion(t: &Tally, claims: usize) -> bool {
    let points = 2 * t.opinion_hits + t.argue_hits;
    t.opinion_strong >= 2
        || (t.opinion_strong >= 1 && points >= 1)
        || (points >= 4 && t.opinion_sentences >= 2 && points * 5 >= claims)
        || (points >= 6 && points * 4 >= claims)
}

/// How many sentences, from the start, the genre is read from.
pub const READ: usize = 200;

/// Decide the genre of the analysed sentences.
pub fn detect(sentences: &[Sentence]) -> Genre {
    let set = phrases();
    let mut t = Tally::default();
    let mut claims = 0usize;
    for (i, s) in sentences.iter().enumerate().take(READ) {
        if s.kind == SentenceKind::Claim {
            claims += 1;
        }
        let para_start = i == 0 || sentences[i - 1].paragraph != s.paragraph;
        if para_start {
            if let Some((l, end)) = label(&s.text) {
                let sp = span_in(s, s.text.len() - s.text.trim_start().len(), end);
                if l == Label::Question {
                    t.q_labels += 1;
                    push(&mut t.interview, sp);
                } else if l == Label::Answer {
                    if t.q_labels > 0 {
                        push(&mut t.interview, sp);
                    }
                } else {
                    let name = sp.text.trim_end_matches(':').to_string();
                    t.speaker_labels += 1;
                    if !t.speakers.contains(&name) && t.speakers.len() < 8 {
                        t.speakers.push(name);
                    }
                    if t.q_labels == 0 {
                        push(&mut t.interview, sp);
                    }
                }
            }
        }
        if s.kind == SentenceKind::Heading && about_heading(s) {
            t.press_points += 2;
            push(&mut t.press, span_in(s, 0, s.text.trim_end().len()));
        }
        // someone other than the writer ("I think", "we should" may read as
        // the writer's own attribution)
        let sourced = s.attributions.iter().any(|a| a.source.as_ref().is_none_or(|x| !matches!(x.text.as_str(), "I" | "We" | "we")));
        let mut opinion_here = false;
        for h in set.find(&s.text) {
            match h.category {
                Cat::Opinion | Cat::Argue => {
                    if !sourced && matches!(s.kind, SentenceKind::Claim | SentenceKind::Other) && !in_quotes(&s.text, h.start) {
                        if h.category == Cat::Opinion {
                            t.opinion_hits += 1;
                            opinion_here = true;
                        } else {
                            t.argue_hits += 1;
                        }
                        push(&mut t.opinion, span_in(s, h.start, h.end));
                    }
                }
                Cat::OpinionStrong => {
                    t.opinion_strong += 1;
                    push(&mut t.opinion, span_in(s, h.start, h.end));
                }
                Cat::OpinionLabel | Cat::ReviewLabel | Cat::PressLabel if whole_line(&s.text, &h) => {
                    let sp = span_in(s, h.start, h.end);
                    match h.category {
                        Cat::OpinionLabel => {
                            t.opinion_strong += 1;
                            push(&mut t.opinion, sp);
                        }
                        Cat::ReviewLabel => {
                            t.review_label = true;
                            push(&mut t.review, sp);
                        }
                        _ => {
                            t.press_points += 2;
                            push(&mut t.press, sp);
                        }
                    }
                }
                Cat::OpinionLabel | Cat::ReviewLabel | Cat::PressLabel => {}
                Cat::Review | Cat::ReviewJudge => {
                    if !in_quotes(&s.text, h.start) {
                        t.review_hits += 1;
                        t.review_judged |= h.category == Cat::ReviewJudge;
                        let w: String = crate::cues::words(&s.text[h.start..h.end]).iter().map(|&(a, b)| s.text[h.start + a..h.start + b].to_ascii_lowercase()).collect::<Vec<_>>().join(" ");
                        if !t.review_distinct.contains(&w) && t.review_distinct.len() < 8 {
                            t.review_distinct.push(w);
                        }
                        push(&mut t.review, span_in(s, h.start, h.end));
                    }
                }
                Cat::Press => {
                    t.press_points += 1;
                    push(&mut t.press, span_in(s, h.start, h.end));
                }
                Cat::PressStrong => {
                    t.press_points += 2;
                    push(&mut t.press, span_in(s, h.start, h.end));
                }
            }
        }
        if opinion_here {
            t.opinion_sentences += 1;
        }
    }
    let (label, cues) = if t.press_points >= 2 {
        (GenreLabel::PressRelease, t.press)
    } else if t.q_labels >= 2 || (t.speaker_labels >= 3 && t.speakers.len() >= 2) {
        (GenreLabel::Interview, t.interview)
    } else if t.review_label || (t.review_judged && t.review_hits >= 3 && t.review_distinct.len() >= 2) {
        (GenreLabel::Review, t.review)
    } else if opinion(&t, claims) {
        (GenreLabel::Opinion, t.opinion)
    } else {
        (GenreLabel::News, Vec::new())
    };
    Genre { label, cues }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    fn genre(text: &str) -> Genre {
        analyze(text, &Options::default()).summary.genre
    }

    fn label_of(text: &str) -> GenreLabel {
        genre(text).label
    }

    const NEWS: &str = "Harbor Board Approves Dredging\n\nThe Varnel harbor board voted 5-2 on Tuesday to dredge the north channel, a project it put at $3 million.\n\n“We should have done this years ago,” said Mara Quint, the board’s chair. Opponents said the cost was too high.\n\nWork is expected to begin in May.";

    #[test]
    fn a_news_report_is_news_even_with_a_quoted_we_should() {
        let g = genre(NEWS);
        assert_eq!(g.label, GenreLabel::News);
        assert!(g.cues.is_empty());
    }

    #[test]
    fn first_person_argument_is_opinion_and_its_cues_are_spans() {
        let t = "Our City Needs Night Buses\n\nI think the council has this wrong. The night buses cost little and carry nurses and cooks home.\n\nWe should keep them running. In my view, cutting them saves almost nothing.\n\nLet's ask the council to vote again.";
        let g = genre(t);
        assert_eq!(g.label, GenreLabel::Opinion);
        let words: Vec<&str> = g.cues.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(words, vec!["I think", "We should", "In my view", "Let's"]);
        let u: Vec<u16> = t.encode_utf16().collect();
        for c in &g.cues {
            assert_eq!(String::from_utf16_lossy(&u[c.start..c.end]), c.text);
        }
    }

    #[test]
    fn the_kind_is_read_from_the_first_sentences_only() {
        let arguing = "I think the council has this wrong. We should keep the night buses. In my view, cutting them saves nothing. ";
        let report = "The council met on Tuesday, the clerk said. ";
        // the writer argues from the start: opinion, however long the piece
        assert_eq!(label_of(&(arguing.repeat(30) + &report.repeat(READ))), GenreLabel::Opinion);
        // arguments only after the first READ sentences are not read
        assert_eq!(label_of(&(report.repeat(READ) + &arguing.repeat(30))), GenreLabel::News);
    }

    #[test]
    fn a_column_label_and_one_argument_is_opinion() {
        let t = "Opinion\n\nThe Fare Is Fair\n\nThe views expressed here are the author’s own.\n\nThe fare rose by 50 cents in June. We must stop pretending it did not hurt riders.";
        assert_eq!(label_of(t), GenreLabel::Opinion);
        // the label alone, with no argument from the writer, is not enough
        assert_eq!(label_of("Opinion\n\nThe fare rose by 50 cents in June, the agency said."), GenreLabel::News);
    }

    #[test]
    fn q_and_a_labels_make_an_interview() {
        let t = "Five Questions for the Harbor Master\n\nQ: What changes on the north channel?\n\nA: We dredge it to nine metres, so bigger boats can dock.\n\nQ: When does the work start?\n\nA: In May, if the weather holds.";
        let g = genre(t);
        assert_eq!(g.label, GenreLabel::Interview);
        assert_eq!(g.cues[0].text, "Q:");
        // one "Q:" is not an interview
        assert_eq!(label_of("Q: What changes?\n\nThe board said the channel will be dredged."), GenreLabel::News);
    }

    #[test]
    fn speaker_labels_make_an_interview() {
        let t = "HOST: Welcome back. Today we talk about ferries.\n\nWHITFIELD: Thank you. The night boats carried few people.\n\nHOST: Why cut them now?\n\nWHITFIELD: Because the budget gap is $14 million.";
        assert_eq!(label_of(t), GenreLabel::Interview);
    }

    #[test]
    fn review_phrases_make_a_review() {
        let t = "Review\n\nThe Long Tide\n\nThe film follows a ferry captain in her last season. The cast is strong, and the soundtrack is spare.\n\nI recommend it.";
        assert_eq!(label_of(t), GenreLabel::Review);
        let t2 = "The Long Tide, directed by Ana Ruiz, follows a ferry captain. The film is slow. The performances are fine, and the plot holds. Worth watching.";
        assert_eq!(label_of(t2), GenreLabel::Review);
        // news about a film names it often but does not judge it
        let t3 = "The film about the ferry strike opened on Friday. The director, Ana Ruiz, said the film took six years. The cast met the strikers, the studio said.";
        assert_eq!(label_of(t3), GenreLabel::News);
        // a news story that mentions a film once stays news
        assert_eq!(label_of("The film festival opened on Friday, organisers said. Ticket sales rose 12 percent."), GenreLabel::News);
    }

    #[test]
    fn press_release_furniture_makes_a_press_release() {
        let t = "FOR IMMEDIATE RELEASE\n\nNordvik Energy Opens Its Third Wind Farm\n\nNordvik Energy today announced that its third wind farm is now running.\n\nAbout Nordvik Energy\n\nNordvik Energy builds wind farms in the north.\n\nMedia contact: press@nordvik.example";
        let g = genre(t);
        assert_eq!(g.label, GenreLabel::PressRelease);
        let words: Vec<&str> = g.cues.iter().map(|c| c.text.as_str()).collect();
        assert!(words.contains(&"FOR IMMEDIATE RELEASE") && words.contains(&"About Nordvik Energy"), "{words:?}");
        // one "today announced" in a news story is not enough
        assert_eq!(label_of("Nordvik Energy today announced a third wind farm, the company said in a statement."), GenreLabel::News);
    }

    #[test]
    fn data_cues() {
        // one line per cue added to data/genre.txt: (text, label)
        let cases: &[(&str, GenreLabel)] = &[
            ("I believe we are wrong. I hope the board listens. Frankly, it must.", GenreLabel::Opinion),
            ("It's time to act. We need to fund it. I suspect nobody will.", GenreLabel::Opinion),
            ("Media inquiries: press@example.org. The firm is pleased to announce a merger.", GenreLabel::PressRelease),
            ("Film review\n\nThe Long Tide is a quiet film.", GenreLabel::Review),
        ];
        for (t, l) in cases {
            assert_eq!(label_of(t), *l, "{t}");
        }
    }

    #[test]
    fn odd_text_never_panics() {
        for t in ["", "Q:", "A: ", ":", "ÉÉ: x", "About", "About \u{0}", "“we should", "\"I think\" \"", "日本語: テスト"] {
            let _ = genre(t);
        }
    }
}
