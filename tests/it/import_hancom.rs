//! `yoyak import` of HWPX files saved by 한/글 itself (`tests/fixtures/import-hancom/`): each
//! imports and, its TODOs filled, checks; boxes drawn as tables read as text, real tables stay
//! tables; a report with more figures than `limits.facts` gives a draft that still checks.

use crate::common::{repo, run_yoyak};
use crate::import_formats::{fill_todos, import, project};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/import-hancom").join(name)
}

/// The filled draft of `name`, written into a Korean-only project, passes `yoyak check`.
fn assert_checks(name: &str) {
    let dir = project();
    let imported = import(&fixture(name), dir.path()).expect("the file imports");
    let yaml = fill_todos(&imported.yaml);
    assert!(!yaml.contains("TODO"), "{name}: a TODO is left:\n{yaml}");
    let path = dir.path().join("content").join(format!("{}.yaml", imported.draft.id()));
    yoyak::output::write_atomic(&path, yaml.as_bytes()).unwrap();
    let (code, out, err) = run_yoyak(&["check"], dir.path());
    assert!(!out.contains("error[") && !err.contains("error["), "{name}: {out}{err}\n{yaml}");
    assert_eq!(code, 0, "{name}: {out}{err}");
}

#[test]
fn hancom_saved_files_import_into_drafts_that_check() {
    for name in ["rfp-gangbuk.hwpx", "notice-ulsan-namgu.hwpx", "table.hwpx"] {
        assert_checks(name);
    }
}

#[test]
fn boxes_drawn_as_tables_read_as_text_and_real_tables_stay_tables() {
    let dir = project();
    let imported = import(&fixture("rfp-gangbuk.hwpx"), dir.path()).unwrap();
    let yaml = &imported.yaml;
    // The table of contents sits in a table whose every row holds one text: its lines.
    assert!(yaml.contains("\n        Ⅰ. 과업안내 "), "{yaml}");
    let rows = yaml.lines().map(str::trim).filter(|l| l.starts_with("| ") && !l.contains("---"));
    for row in rows {
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        let repeated =
            cells.len() > 1 && !cells[0].is_empty() && cells.iter().all(|c| *c == cells[0]);
        assert!(!repeated, "one text repeated across a whole row: {row}");
    }
    // The schedule is a real table: a pipe table with its header.
    assert!(yaml.contains("| 구 분 | 시 간 | 비 고 |"), "{yaml}");
    assert!(yaml.contains("| 문화 행사 | 15:00 ~ 17:30 | 소규모 문화행사(공연 제외) |"), "{yaml}");
}

#[test]
fn a_report_with_more_figures_than_the_limit_keeps_the_first_and_says_so() {
    let dir = project();
    let imported = import(&fixture("rfp-gangbuk.hwpx"), dir.path()).unwrap();
    assert_eq!(imported.draft.facts.len(), 200, "limits.facts by default");
    let warning = imported.warnings.iter().find(|w| w.contains("limits.facts"));
    assert!(warning.is_some(), "{:?}", imported.warnings);
    // A project that raises the limit keeps every figure.
    let config = std::fs::read_to_string(dir.path().join("yoyak.yaml")).unwrap();
    std::fs::write(dir.path().join("yoyak.yaml"), config + "limits:\n  facts: 1000\n").unwrap();
    let all = import(&fixture("rfp-gangbuk.hwpx"), dir.path()).unwrap();
    assert!(all.draft.facts.len() > 200, "{}", all.draft.facts.len());
    assert!(all.warnings.is_empty(), "{:?}", all.warnings);
}

#[test]
fn a_file_with_no_body_text_is_refused_with_what_import_reads() {
    let dir = project();
    // A package whose only paragraph is empty: text in drawings or page headers is not read.
    let err = import(&fixture("empty.hwpx"), dir.path()).expect_err("nothing to import");
    let message = err.to_string();
    assert!(message.contains("no article text found in this HWPX file"), "{message}");
    assert!(message.contains("page headers and footers"), "{message}");
}

#[test]
fn text_in_text_boxes_is_read_in_place() {
    let dir = project();
    let imported = import(&fixture("text-boxes.hwpx"), dir.path()).unwrap();
    let lead = imported.draft.lead.clone().unwrap_or_default();
    // The outer box's text, then the text of the box inside it.
    let outer = lead.find("사각형 안에 텍스트입니다.").expect(&lead);
    let inner = lead.find("사각형 안에 사각형의 텍스트입니다.").expect(&lead);
    assert!(outer < inner, "{lead}");
}
