//! `yoyak check`: the language rule against the labelled set, one fixture per check with
//! snapshot diagnostics, the seed passing clean, the three output formats and exit codes.

use crate::common::{copy_dir, repo, run_yoyak, seed_project};
use std::path::Path;
use yoyak::diagnostic::Diagnostic;

/// Loader diagnostics plus the checks', in report order: what `yoyak check` prints.
fn all_diagnostics(root: &Path) -> Vec<Diagnostic> {
    let project = yoyak::content::load_project(root).expect("project loads");
    let mut diags: Vec<Diagnostic> = project.all_diagnostics().cloned().collect();
    diags.extend(yoyak::check::check_project(&project));
    // Hints (Y0904: a literal figure that could be a reference) have their own tests in
    // `refs.rs`; the fixtures here are about one finding each.
    diags.retain(|d| !d.is_hint());
    yoyak::diagnostic::report::sorted(diags)
}

/// The language rule over every row of `tests/fixtures/langdetect.tsv`: `ko`, `en`,
/// `mixed-ko` and `mixed-en` must pass as their field's language; `untranslated-en` must be
/// flagged in an `en` field and `untranslated-ko` in a `ko` field.
#[test]
fn language_rule_accuracy() {
    let tsv = std::fs::read_to_string(repo().join("tests/fixtures/langdetect.tsv")).unwrap();
    let langs = vec!["ko".to_string(), "en".to_string()];
    let mut per_kind: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut wrong = Vec::new();
    for line in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut cols = line.splitn(3, '\t');
        let (label, kind, text) =
            (cols.next().unwrap(), cols.next().unwrap(), cols.next().unwrap());
        let (field, should_flag) = match label {
            "ko" | "mixed-ko" => ("ko", false),
            "en" | "mixed-en" => ("en", false),
            "untranslated-en" => ("en", true),
            "untranslated-ko" => ("ko", true),
            other => panic!("unknown label {other}"),
        };
        let got = yoyak::check::mismatch(text, field, &langs);
        let e = per_kind.entry(kind.to_string()).or_default();
        e.1 += 1;
        if got.is_some() == should_flag {
            e.0 += 1;
        } else {
            wrong.push(format!("{label}\t{kind}\t{text}\t{got:?}"));
        }
    }
    let (right, total) = per_kind.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    for (kind, (r, t)) in &per_kind {
        println!("{kind}: {r}/{t} = {:.1}%", 100.0 * *r as f64 / *t as f64);
    }
    let accuracy = right as f64 / total as f64;
    println!("all: {right}/{total} = {:.1}%", accuracy * 100.0);
    assert!(total >= 190, "the labelled set has {total} rows");
    assert!(accuracy >= 0.98, "accuracy {accuracy:.3} below 98%: {wrong:#?}");
}

/// Each fixture under `tests/fixtures/check/` and the one code its fault must produce.
const CASES: &[(&str, &[&str])] = &[
    ("clean", &[]),
    ("untranslated", &["Y0202"]),
    ("wrong-language", &["Y0203"]),
    ("todo-marker", &["Y0204"]),
    ("figure-changed", &["Y0301"]),
    ("figure-missing", &["Y0301"]),
    ("figure-rounded", &["Y0302"]),
    ("display-wrong", &["Y0401"]),
    ("display-rounded", &["Y0403"]),
    ("glossary-term", &["Y0501"]),
    ("emphasis", &["Y0601"]),
    ("broken-link", &["Y0602"]),
    ("empty-heading", &["Y0603"]),
    ("link-target", &["Y0702"]),
];

#[test]
fn every_fixture_has_its_one_finding() {
    let dir = repo().join("tests/fixtures/check");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|(c, _)| c.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "every fixture folder is listed in CASES");

    for (case, codes) in CASES {
        let diags = all_diagnostics(&dir.join(case));
        let got: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(&got, codes, "{case}: {diags:#?}");
        for d in &diags {
            assert!(d.position.is_some(), "{case}: {d} has a position");
            assert!(!d.fix.is_empty(), "{case}: {d} has a fix");
            assert_eq!(d.file, Path::new("content").join(format!("{case}.yaml")));
        }
        let rows: Vec<serde_json::Value> = diags
            .iter()
            .map(|d| {
                serde_json::json!({
                    "code": d.code,
                    "severity": d.severity,
                    "field": d.field,
                    "line": d.position.map(|p| p.line),
                    "column": d.position.map(|p| p.column),
                    "message": d.message,
                    "fix": d.fix,
                })
            })
            .collect();
        insta::assert_json_snapshot!(format!("fixture-{case}"), rows);
    }
}

#[test]
fn the_seed_is_clean() {
    let dir = seed_project();
    let diags = all_diagnostics(dir.path());
    assert!(diags.is_empty(), "{:#?}", diags.iter().map(ToString::to_string).collect::<Vec<_>>());
    let (code, _, stderr) = run_yoyak(&["check", "--deny", "warnings"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    // The briefing and its press release.
    assert!(stderr.contains("0 errors, 0 warnings in 2 files"), "{stderr}");
}

/// The other shipped fixtures that are meant to be clean stay clean.
#[test]
fn clean_fixtures_stay_clean() {
    for fixture in ["trilingual", "bad/missing-en"] {
        let dir = repo().join("tests/fixtures").join(fixture);
        let project = yoyak::content::load_project(&dir).unwrap();
        let mut added = yoyak::check::check_project(&project);
        added.retain(|d| !d.is_hint());
        assert!(added.is_empty(), "{fixture}: {added:#?}");
    }
}

/// The seed with its reference to the 89% fact replaced by a literal `98%` in one English
/// key point only: where it is and what `check` says about it, in every output format.
fn seed_with_changed_figure() -> (tempfile::TempDir, usize, usize) {
    let dir = seed_project();
    let file = dir.path().join("content/2026-02-15-spri-open-source-ai.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut target = None;
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let reference = "$(companies-using-oss)";
            if target.is_none() && l.trim_start().starts_with("en: $(companies-using-oss) of") {
                let col = l.find(reference).unwrap() + 1;
                target = Some((i + 1, col));
                l.replacen(reference, "98%", 1)
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let (line, col) = target.expect("the seed has the key point");
    (dir, line, col)
}

#[test]
fn a_changed_figure_is_an_error_in_every_format() {
    let (dir, line, col) = seed_with_changed_figure();
    let file = "content/2026-02-15-spri-open-source-ai.yaml";

    let (code, stdout, stderr) = run_yoyak(&["check"], dir.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("error[Y0301]: `98%` (en) differs from `89%` (ko)"), "{stderr}");
    assert!(stderr.contains(&format!("--> {file}:{line}:{col}  (summary[1].en)")), "{stderr}");
    assert!(stderr.contains("fix: make the en text say `89%`"), "{stderr}");
    assert!(stderr.contains("1 error, 0 warnings in 2 files"), "{stderr}");
    assert!(!stderr.contains("\x1b["), "no colour when piped");

    let (code, stdout, _) = run_yoyak(&["check", "--format", "json"], dir.path());
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        doc["summary"],
        serde_json::json!({"errors": 1, "warnings": 0, "hints": 0, "files": 2})
    );
    let d = &doc["diagnostics"][0];
    assert_eq!(d["code"], "Y0301");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], file);
    assert_eq!(d["line"], line);
    assert_eq!(d["column"], col);
    assert_eq!(d["field"], "summary[1].en");

    let (code, stdout, _) = run_yoyak(&["check", "--format", "github"], dir.path());
    assert_eq!(code, 1);
    let expected = format!(
        "::error file={file},line={line},col={col},title=Y0301 summary[1].en::`98%25` (en) differs from `89%25` (ko)"
    );
    assert!(stdout.starts_with(&expected), "{stdout}");
    assert_eq!(stdout.lines().count(), 1);
}

/// The JSON schema documented in `docs/checks.md` (the block after `<!-- report-schema -->`).
fn documented_schema() -> serde_json::Value {
    let doc = std::fs::read_to_string(repo().join("docs/checks.md")).unwrap();
    let after = doc.split("<!-- report-schema -->").nth(1).expect("docs mark the schema");
    let block = after.split("```json").nth(1).unwrap().split("```").next().unwrap();
    serde_json::from_str(block).expect("the documented schema is JSON")
}

#[test]
fn json_output_matches_the_documented_shape() {
    let schema = documented_schema();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    // Errors, warnings, loader findings and check findings, with and without positions.
    let root = tempfile::tempdir().unwrap();
    for case in ["figure-changed", "emphasis", "display-wrong"] {
        copy_dir(&repo().join("tests/fixtures/check").join(case), root.path());
    }
    copy_dir(&repo().join("tests/fixtures/bad/unknown-key"), root.path());
    let (code, stdout, _) = run_yoyak(&["check", "--format", "json"], root.path());
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}\n{stdout}");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["summary"]["files"], 4);
    let diags = doc["diagnostics"].as_array().unwrap();
    let errors = diags.iter().filter(|d| d["severity"] == "error").count();
    assert_eq!(doc["summary"]["errors"], errors);
    let hints = diags.iter().filter(|d| d["severity"] == "hint").count();
    assert_eq!(doc["summary"]["warnings"], diags.len() - errors - hints);
    assert_eq!(doc["summary"]["hints"], hints);
    let codes: Vec<&str> = diags.iter().map(|d| d["code"].as_str().unwrap()).collect();
    for code in ["Y0301", "Y0601", "Y0401", "Y0103"] {
        assert!(codes.contains(&code), "{codes:?}");
    }

    // A clean project is a document too, with an empty list.
    let (code, stdout, _) = run_yoyak(&["check", "--format", "json"], seed_project().path());
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(validator.is_valid(&doc));
    assert_eq!(doc["diagnostics"], serde_json::json!([]));
}

#[test]
fn exit_codes() {
    let warn_only = repo().join("tests/fixtures/check/emphasis");
    assert_eq!(run_yoyak(&["check"], &warn_only).0, 0, "warnings alone pass");
    assert_eq!(run_yoyak(&["check", "--deny", "warnings"], &warn_only).0, 1);
    let root = warn_only.to_string_lossy().into_owned();
    let elsewhere = tempfile::tempdir().unwrap();
    assert_eq!(run_yoyak(&["check", "--root", &root], elsewhere.path()).0, 0);
    assert_eq!(run_yoyak(&["check"], elsewhere.path()).0, 2, "no content/ folder");
    assert_eq!(run_yoyak(&["check", "--deny", "everything"], &warn_only).0, 2, "usage");
    assert_eq!(run_yoyak(&["check", "--format", "xml"], &warn_only).0, 2, "usage");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Whatever an editor types into a body, a key point or a display, `check` does not panic.
    #[test]
    fn checks_never_panic(text in "[ -~가-힣\n*_\\[\\]()#%~.,0-9만억조개명]{0,80}") {
        let clean = std::fs::read_to_string(
            repo().join("tests/fixtures/check/clean/content/clean.yaml"),
        )
        .unwrap();
        let quoted = serde_json::to_string(&text).unwrap();
        let indented = text.replace('\n', "\n        ");
        for src in [
            clean.replace("In business, too,", &format!("{indented} In business, too,")),
            clean.replace("en: 4.32 million}", &format!("en: {quoted}}}")),
            clean.replace(
                "    en: As of 2024, GitHub hosted 4.32 million AI projects.",
                &format!("    en: {quoted}"),
            ),
        ] {
            let mut project = yoyak::content::load_project(
                &repo().join("tests/fixtures/check/clean"),
            )
            .unwrap();
            project.files[0] = yoyak::content::load_file(
                "content/clean.yaml".into(),
                src.into_bytes(),
                &project.config,
            );
            let _ = yoyak::check::check_project(&project);
        }
    }
}
