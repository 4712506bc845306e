//! Text from content reaches a terminal only as visible characters (defect 7): an escape
//! sequence in a title cannot clear the screen or retitle the window.

use crate::common::run_yoyak;

/// A project whose texts hold OSC (retitle, ended by BEL) and CSI (clear screen) sequences,
/// written as YAML escapes, plus a file with raw ESC and BEL bytes that does not load.
fn hostile_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    let briefing = r#"id: escapes
date: 2026-02-15
source:
  publisher: {ko: 기관, en: Institute}
title:
  ko: "제목 \e]0;pwned\a 끝 \e[2J"
  en: "Title \e]0;pwned\a end \e[2J"
summary:
  - ko: "요약 \e[2J 89%"
    en: "Summary \e]0;pwned\a 98%"
sections:
  - heading: {ko: "\e[2J", en: "\e]0;pwned\a"}
    body: {ko: 본문, en: Body}
facts:
  - id: share
    label: {ko: "비중 \e[2J", en: "Share \e]0;pwned\a"}
    value: 89
    unit: percent
    display: {ko: "\e]0;pwned\a 12%", en: "\e[2J 13%"}
"#;
    std::fs::write(content.join("escapes.yaml"), briefing).unwrap();
    std::fs::write(content.join("raw.yaml"), "id: raw\ntitle: \x1b]0;pwned\x07 \x1b[2J\n").unwrap();
    dir
}

/// Whether `s` holds ESC, BEL or another control character a terminal acts on.
fn has_raw_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

#[test]
fn check_prints_no_raw_escape_sequences() {
    let p = hostile_project();
    let (code, _, stderr) = run_yoyak(&["check"], p.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(!has_raw_control(&stderr), "{stderr:?}");
    // The escapes are shown, visibly.
    assert!(stderr.contains("\\x1b]0;pwned\\x07"), "{stderr}");
    let (_, stdout, _) = run_yoyak(&["check", "--format", "github"], p.path());
    assert!(!has_raw_control(&stdout), "{stdout:?}");
    assert!(stdout.contains("\\x1b"), "{stdout}");
    // JSON escapes control characters itself and stays exact.
    let (_, stdout, _) = run_yoyak(&["check", "--format", "json"], p.path());
    assert!(!has_raw_control(&stdout), "{stdout:?}");
}

#[test]
fn terminal_safe_keeps_text_and_shows_controls() {
    use yoyak::diagnostic::report::terminal_safe;
    assert_eq!(terminal_safe("기업의 89%\tok\n"), "기업의 89%\tok\n");
    assert_eq!(terminal_safe("\u{1b}[2J\u{7}\r\u{7f}"), "\\x1b[2J\\x07\\x0d\\x7f");
    assert_eq!(terminal_safe("a\u{9b}b\u{202e}c"), "a\\u{9b}b\\u{202e}c");
}
