//! Loading content: every bad fixture gets a message naming file, line, field and fix.

use crate::common::*;
use yoyak::diagnostic::Severity;

fn diagnostics(case: &str) -> Vec<yoyak::diagnostic::Diagnostic> {
    let p = repo().join("tests/fixtures/bad").join(case);
    let project = yoyak::content::load_project(&p).unwrap();
    project.all_diagnostics().cloned().collect()
}

fn find<'a>(
    ds: &'a [yoyak::diagnostic::Diagnostic],
    code: &str,
    field: &str,
) -> &'a yoyak::diagnostic::Diagnostic {
    ds.iter()
        .find(|d| d.code == code && d.field == field)
        .unwrap_or_else(|| panic!("no {code} at {field} in {ds:#?}"))
}

#[test]
fn syntax_error_names_file_and_line() {
    let ds = diagnostics("syntax");
    assert_eq!(ds.len(), 1, "{ds:#?}");
    let d = &ds[0];
    assert_eq!(d.code, "Y0101");
    assert_eq!(d.file.to_str(), Some("content/syntax.yaml"));
    assert_eq!(d.position.unwrap().line, 9);
    assert!(d.message.contains("YAML syntax error"));
    assert!(!d.fix.is_empty());
}

#[test]
fn wrong_type_names_the_field() {
    let ds = diagnostics("wrong-type");
    let d = find(&ds, "Y0102", "facts[1].value");
    assert_eq!((d.position.unwrap().line, d.position.unwrap().column), (19, 12));
    assert!(d.message.contains("\"many\""), "{}", d.message);
    assert!(d.fix.contains("4320000"));
}

#[test]
fn unknown_key_suggests_the_nearest_known_key() {
    let ds = diagnostics("unknown-key");
    let d = find(&ds, "Y0103", "sumary");
    assert_eq!(d.position.unwrap().line, 10);
    assert!(d.fix.contains("did you mean `summary`?"), "{}", d.fix);
}

#[test]
fn missing_translation_is_reported_per_field() {
    let ds = diagnostics("missing-en");
    for field in ["title.en", "facts[3].label.en"] {
        let d = find(&ds, "Y0201", field);
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.file.to_str(), Some("content/missing-en.yaml"));
    }
    assert_eq!(find(&ds, "Y0201", "facts[3].label.en").position.unwrap().line, 28);
    // It still builds, with the gap visible rather than filled with Korean.
    let p = fixture("bad/missing-en");
    let r = build_project(p.path());
    assert_eq!(r.built.len(), 1);
    let id = &r.built[0];
    let html = std::fs::read_to_string(p.path().join(format!("build/{id}/{id}.en.html"))).unwrap();
    assert!(html.contains("<h1 class=\"missing\">[translation missing: en]</h1>"), "{html}");
}

#[test]
fn duplicate_fact_id_points_at_the_second_use() {
    let ds = diagnostics("duplicate-fact");
    let d = find(&ds, "Y0105", "facts[2].id");
    assert_eq!(d.position.unwrap().line, 21);
    assert!(d.message.contains("facts[0]"));
}

#[test]
fn human_report_shows_excerpt_and_fix() {
    let (code, _, err) = run_yoyak(&["check"], &repo().join("tests/fixtures/bad/unknown-key"));
    assert_eq!(code, 1);
    assert!(err.contains("--> content/unknown-key.yaml:10:1  (sumary)"), "{err}");
    assert!(err.contains("10 | sumary:"), "{err}");
    assert!(err.contains("^^^^^^"), "{err}");
    assert!(err.contains("fix: did you mean `summary`?"), "{err}");
}

#[test]
fn loader_never_panics_on_garbage() {
    let config = yoyak::content::Config::default();
    for bytes in [
        &b"\xff\xfe\x00"[..],
        b"",
        b"- - -",
        b"id: [",
        b"facts: {a: 1}",
        b"date: 2026-13-45\n",
        b"&a [*a]",
    ] {
        let loaded = yoyak::content::load_file("content/x.yaml".into(), bytes.to_vec(), &config);
        assert!(loaded.has_errors(), "{:?} should not load", String::from_utf8_lossy(bytes));
    }
}
