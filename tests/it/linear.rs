//! Output and work that grow with the input, not with its square (defect 5): many figures in
//! one paragraph, many findings on one line. Sizes and counts are asserted, never seconds.

use crate::common::run_yoyak;
use std::path::{Path, PathBuf};
use yoyak::diagnostic::report::{self, Palette};
use yoyak::diagnostic::{Diagnostic, Position};

/// An article whose one paragraph (one sentence) holds `n` different figures.
fn article(n: usize) -> String {
    let figures: Vec<String> = (1..=n).map(|i| format!("{i}만 명")).collect();
    format!("2026년 2월 15일\n\n조사 대상은 {} 등으로 늘었다.\n", figures.join(", "))
}

#[test]
fn import_draft_grows_linearly_with_figures_in_one_sentence() {
    let style = yoyak::numbers::Style::default();
    let langs = ["ko".to_string(), "en".to_string()];
    let mut sizes = Vec::new();
    for n in [300, 3000] {
        let draft = yoyak::import::draft_text(&article(n), &style);
        assert_eq!(draft.facts.len(), n, "one fact per figure");
        for f in &draft.facts {
            let chars = f.note.chars().count();
            assert!(chars <= yoyak::import::MAX_NOTE + 2, "note of {chars} characters");
            assert!(f.note.contains(&f.found.source), "the note shows its figure: {}", f.note);
        }
        let yaml = draft.to_yaml(&langs, "article.txt");
        // Each fact is a dozen short lines plus a note of at most MAX_NOTE characters.
        assert!(yaml.len() <= 1_200 * n, "{} bytes for {n} figures", yaml.len());
        sizes.push(yaml.len());
    }
    assert!(sizes[1] <= 11 * sizes[0], "ten times the figures, {sizes:?} bytes");
}

#[test]
fn a_short_sentence_stays_the_whole_note() {
    let draft = yoyak::import::draft_text("기업의 89%가 오픈소스를 쓴다.", &Default::default());
    assert_eq!(draft.facts[0].note, "기업의 89%가 오픈소스를 쓴다.");
}

/// `n` findings spread over one line of `line` in `content/x.yaml`.
fn findings_on_one_line(line: &str, n: usize) -> Vec<Diagnostic> {
    let chars = line.chars().count();
    (0..n)
        .map(|i| {
            let mut d = if i % 2 == 0 {
                Diagnostic::error("Y0301", "summary[0].ko", format!("finding {i}"), "fix it")
            } else {
                Diagnostic::warning("Y0302", "summary[0].ko", format!("finding {i}"), "fix it")
            };
            d.file = PathBuf::from("content/x.yaml");
            d.position = Some(Position { line: 1, column: 1 + i * chars / n });
            d.span_len = 4;
            d
        })
        .collect()
}

#[test]
fn human_report_is_bounded_for_many_findings_on_a_long_line() {
    let line = "기업의 1조 원과 ".repeat(3_000); // 63 KB on one line
    let diags = findings_on_one_line(&line, 2_000);
    let source = |_: &Path| Some(format!("{line}\n"));
    let out = report::human_with(&diags, &source, Palette::new(false));
    // 50 findings of a few lines each, excerpts of at most ~160 characters.
    assert!(out.len() < 50 * 1_200, "{} bytes", out.len());
    assert_eq!(out.matches("finding ").count(), report::MAX_SHOWN_PER_FILE);
    assert!(
        out.contains("… and 1950 more in content/x.yaml (950 errors, 1000 warnings); `--format json` lists all"),
        "{}",
        &out[out.len().saturating_sub(300)..]
    );
    // Errors are shown first: all 50 shown are errors.
    assert_eq!(out.matches("error[Y0301]").count(), 50);
    // The summary and JSON still count every finding.
    assert_eq!(report::summary(&diags, 1), "1000 errors, 1000 warnings in 1 file");
    let json: serde_json::Value = serde_json::from_str(&report::json(&diags, 1)).unwrap();
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 2_000);
}

/// The excerpt line and the underline line printed for a finding.
fn excerpt_of(line: &str, column: usize, span_len: usize) -> (String, String) {
    let mut d = Diagnostic::error("Y0301", "f", "m", "");
    d.file = PathBuf::from("x.yaml");
    d.position = Some(Position { line: 1, column });
    d.span_len = span_len;
    let out = report::human_with(&[d], &|_| Some(line.to_string()), Palette::new(false));
    let lines: Vec<&str> = out.lines().collect();
    let text = lines[3].split_once(" | ").unwrap().1.to_string();
    let marks = lines[4].split_once(" | ").unwrap().1.to_string();
    (text, marks)
}

/// Terminal cells of a string as printed (Hangul takes two).
fn cells(s: &str) -> usize {
    s.chars().map(|c| if ('\u{ac00}'..='\u{d7a3}').contains(&c) { 2 } else { 1 }).sum()
}

#[test]
fn underline_sits_under_the_span_with_wide_hangul() {
    let (text, marks) = excerpt_of("기업의 89%가", 5, 3);
    assert_eq!(text, "기업의 89%가");
    assert_eq!(marks, format!("{}^^^", " ".repeat(7)));
    // A long line is cut around the span; the underline still points at it.
    let line = format!("{}목표 5.7조원 달성{}", "가나다라 ".repeat(100), " 마바사".repeat(100));
    let column = line[..line.find("5.7").unwrap()].chars().count() + 1;
    let (text, marks) = excerpt_of(&line, column, "5.7조원".len());
    assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
    assert!(text.chars().count() <= 162, "{text}");
    let indent = marks.trim_end_matches('^');
    let at = text.find("5.7").unwrap();
    assert_eq!(indent.len(), cells(&text[..at]), "{text}\n{marks}");
    assert_eq!(marks.len() - indent.len(), cells("5.7조원"));
}

#[test]
fn tabs_and_control_characters_keep_the_underline_aligned() {
    let (text, marks) = excerpt_of("\t\u{1b}[2J 42%", 7, 3);
    assert_eq!(text, "\t\\x1b[2J 42%");
    assert_eq!(marks, "\t        ^^^");
}

/// A project with one briefing whose Korean summary repeats `1 조 ` `n` times.
fn many_figures_project(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    let briefing = format!(
        "id: many\ndate: 2026-02-15\nsource:\n  publisher: {{ko: 기관, en: Institute}}\n\
         title: {{ko: 많은 숫자, en: Many figures}}\nsummary:\n  - ko: {}\n    en: Nothing here.\n",
        "1 조 ".repeat(n).trim_end()
    );
    std::fs::write(dir.path().join("content/many.yaml"), briefing).unwrap();
    dir
}

#[test]
fn check_of_many_figures_in_one_text_counts_every_one() {
    let n = 20_000;
    let p = many_figures_project(n);
    let text = "1 조 ".repeat(n);
    let figures = yoyak::numbers::find(text.trim_end(), "ko");
    assert!(figures.len() >= n / 2, "{} figures", figures.len());
    let (code, stdout, _) = run_yoyak(&["check", "--format", "json"], p.path());
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let ds = json["diagnostics"].as_array().unwrap();
    let columns: Vec<u64> =
        ds.iter().filter(|d| d["code"] == "Y0301").map(|d| d["column"].as_u64().unwrap()).collect();
    assert_eq!(columns.len(), figures.len(), "one Y0301 per figure");
    let errors = ds.iter().filter(|d| d["severity"] == "error").count();
    assert_eq!(json["summary"]["errors"].as_u64().unwrap() as usize, errors);
    // Each is placed exactly: the value starts at column 9 of its line (ASCII before a span
    // counts one column a byte, `조` one a character).
    let expected: Vec<u64> =
        figures.iter().map(|f| 9 + text[..f.span.start].chars().count() as u64).collect();
    assert_eq!(columns, expected);
    // The human report shows 50 and counts the rest; its size does not follow the line's.
    let (code, _, stderr) = run_yoyak(&["check"], p.path());
    assert_eq!(code, 1);
    assert!(stderr.len() < 100_000, "{} bytes", stderr.len());
    let summary = format!("{errors} error");
    assert!(stderr.contains(&summary), "{}", &stderr[stderr.len().saturating_sub(400)..]);
}
