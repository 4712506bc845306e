//! `yoyak import` measured on real Korean articles and press releases (re-worded, every figure
//! kept): `tests/fixtures/import-corpus/NN-slug.txt` against `NN-slug.expected.json`, the
//! figures a careful editor would extract (value, unit, noun), the section headings and the
//! date. Prints the per-article table that `docs/import.md` shows; asserts the targets
//! (figure recall ≥ 0.98, precision ≥ 0.95 over the corpus).
//!
//! Run: `cargo test --test it import_corpus -- --nocapture`.

use crate::common::repo;
use std::path::PathBuf;
use std::str::FromStr;
use yoyak::import::{DraftFact, draft_text};
use yoyak::numbers::{Amount, Decimal, Style, Unit};

fn corpus() -> PathBuf {
    repo().join("tests/fixtures/import-corpus")
}

/// A figure as the expectations name it: value, unit and noun, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Figure {
    value: String,
    unit: String,
    noun: Option<String>,
}

fn dec(d: &Decimal) -> String {
    d.normalize().to_string()
}

/// What the draft fact says, the engine's reading (a ratio keeps part and whole).
fn figure_of(f: &DraftFact) -> Figure {
    let q = &f.found.quantity;
    let value = match &q.amount {
        Amount::Exact(d) => dec(d),
        Amount::Range(lo, hi) => format!("[{}, {}]", dec(lo), dec(hi)),
        Amount::Ratio { part, whole } => format!("{}/{}", dec(part), dec(whole)),
        Amount::Date { .. } => "date".into(),
    };
    let unit = match &q.unit {
        Unit::Ratio => "ratio".to_string(),
        _ => f.unit.clone(),
    };
    Figure { value, unit, noun: q.noun.clone() }
}

fn json_number(v: &serde_json::Value) -> String {
    let text = match v {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => panic!("not a number: {other}"),
    };
    dec(&Decimal::from_str(&text).unwrap_or_else(|_| panic!("not a decimal: {text}")))
}

fn expected_figure(f: &serde_json::Value) -> Figure {
    let v = &f["value"];
    let value = match v {
        serde_json::Value::Array(a) => format!("[{}, {}]", json_number(&a[0]), json_number(&a[1])),
        serde_json::Value::Object(_) => {
            format!("{}/{}", json_number(&v["part"]), json_number(&v["whole"]))
        }
        n => json_number(n),
    };
    Figure {
        value,
        unit: f["unit"].as_str().unwrap().to_string(),
        noun: f["noun"].as_str().map(str::to_string),
    }
}

/// One article's measurement.
#[derive(Debug, Default)]
struct Score {
    name: String,
    expected: usize,
    found: usize,
    matched: usize,
    headings_expected: usize,
    headings_found: usize,
    duplicates: usize,
    date_ok: bool,
    missing: Vec<String>,
    extra: Vec<String>,
    heading_problems: Vec<String>,
}

impl Score {
    fn recall(&self) -> f64 {
        if self.expected == 0 { 1.0 } else { self.matched as f64 / self.expected as f64 }
    }
    fn precision(&self) -> f64 {
        if self.found == 0 { 1.0 } else { self.matched as f64 / self.found as f64 }
    }
}

/// Imports one article and compares it with its expectations.
fn score(stem: &str) -> Score {
    let text = std::fs::read_to_string(corpus().join(format!("{stem}.txt"))).unwrap();
    let exp: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(corpus().join(format!("{stem}.expected.json"))).unwrap(),
    )
    .unwrap();
    let d = draft_text(&text, &Style::default());
    // Whatever it gets wrong, the draft loads.
    crate::import::assert_loads(&d, stem);
    let wanted: Vec<(Figure, String)> = exp["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (expected_figure(f), f["source"].as_str().unwrap_or("").to_string()))
        .collect();
    let got: Vec<(Figure, String)> =
        d.facts.iter().map(|f| (figure_of(f), f.found.source.clone())).collect();
    // Multiset matching on (value, unit, noun).
    let mut unmatched: Vec<(Figure, String)> = got.clone();
    let mut missing = Vec::new();
    for (w, src) in &wanted {
        match unmatched.iter().position(|(g, _)| g == w) {
            Some(i) => {
                unmatched.remove(i);
            }
            None => missing.push(format!("{src} {w:?}")),
        }
    }
    // Duplicates: extra facts repeating a figure the expectations already have.
    let duplicates = unmatched.iter().filter(|(g, _)| wanted.iter().any(|(w, _)| w == g)).count();
    let headings: Vec<String> = d.sections.iter().map(|s| s.heading.clone()).collect();
    let want_headings: Vec<String> = exp["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap().to_string())
        .collect();
    let headings_found = want_headings.iter().filter(|h| headings.contains(h)).count();
    let mut heading_problems = Vec::new();
    if headings != want_headings {
        heading_problems.push(format!("got {headings:?}, expected {want_headings:?}"));
    }
    Score {
        name: stem.to_string(),
        expected: wanted.len(),
        found: got.len(),
        matched: wanted.len() - missing.len(),
        headings_expected: want_headings.len(),
        headings_found,
        duplicates,
        date_ok: d.date.as_deref() == exp["date"].as_str(),
        missing,
        extra: unmatched.iter().map(|(g, s)| format!("{s} {g:?}")).collect(),
        heading_problems,
    }
}

/// The articles, by their file stems, in order.
fn stems() -> Vec<String> {
    let mut stems: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    stems.sort();
    stems
}

#[test]
fn import_corpus() {
    let scores: Vec<Score> = stems().iter().map(|s| score(s)).collect();
    assert!(scores.len() >= 20, "the corpus has {} articles", scores.len());
    println!(
        "| article | figures expected | found | matched | recall | precision | sections expected | found | duplicates | date |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for s in &scores {
        println!(
            "| {} | {} | {} | {} | {:.3} | {:.3} | {} | {} | {} | {} |",
            s.name,
            s.expected,
            s.found,
            s.matched,
            s.recall(),
            s.precision(),
            s.headings_expected,
            s.headings_found,
            s.duplicates,
            if s.date_ok { "ok" } else { "wrong" }
        );
    }
    let total = |f: fn(&Score) -> usize| scores.iter().map(f).sum::<usize>();
    let (expected, found, matched) =
        (total(|s| s.expected), total(|s| s.found), total(|s| s.matched));
    let recall = matched as f64 / expected as f64;
    let precision = matched as f64 / found as f64;
    println!(
        "| **all {}** | {expected} | {found} | {matched} | {recall:.3} | {precision:.3} | {} | {} | {} | {}/{} |",
        scores.len(),
        total(|s| s.headings_expected),
        total(|s| s.headings_found),
        total(|s| s.duplicates),
        scores.iter().filter(|s| s.date_ok).count(),
        scores.len()
    );
    for s in &scores {
        for m in &s.missing {
            println!("{}: missing {m}", s.name);
        }
        for e in &s.extra {
            println!("{}: extra {e}", s.name);
        }
        for h in &s.heading_problems {
            println!("{}: headings {h}", s.name);
        }
        if !s.date_ok {
            println!("{}: date wrong", s.name);
        }
    }
    assert!(recall >= 0.98, "figure recall {recall:.3} < 0.98");
    assert!(precision >= 0.95, "figure precision {precision:.3} < 0.95");
}
