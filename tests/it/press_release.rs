//! The 보도자료 layout: a press release in Markdown, HTML and PDF in both languages (label box,
//! 보도시점/배포 row, `- 부제 -` line, contact table, 개조식 marks in Korean only), `check`'s
//! release errors and warnings, and `yoyak new --layout press-release`.

use crate::common::*;
use std::path::Path;

const ID: &str = "data-centre-release";
const FILE: &str = "content/2026-03-10-data-centre-release.yaml";

/// The fixture release built once per test into its own folder.
fn built() -> tempfile::TempDir {
    let p = fixture("press-release");
    let r = build_project(p.path());
    assert!(!r.has_errors(), "{:?}", r.diagnostics);
    assert_eq!(r.built, vec![ID.to_string()]);
    p
}

/// The text of one output file of the fixture release.
fn output(p: &Path, lang: &str, ext: &str) -> String {
    std::fs::read_to_string(p.join(format!("build/{ID}/{ID}.{lang}.{ext}"))).unwrap()
}

/// `yoyak` with `SOURCE_DATE_EPOCH` set (the embargo check's clock), in `cwd`.
fn yoyak_at(args: &[&str], cwd: &Path, epoch: i64) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yoyak"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", epoch.to_string())
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// 2026-03-10 00:00 UTC (09:00 KST on the day of distribution): before the embargo.
const BEFORE_EMBARGO: i64 = 1_773_100_800;
/// 2026-03-12 00:00 UTC: the embargo (2026-03-11 12:00 KST) has passed.
const AFTER_EMBARGO: i64 = 1_773_273_600;

#[test]
fn the_html_has_the_government_skeleton_and_korean_list_marks() {
    let p = built();
    let ko = output(p.path(), "ko", "html");
    assert!(html_errors(&ko).is_empty(), "{:?}", html_errors(&ko));
    for part in [
        r#"<td class="org" lang="ko">미래정책연구원</td><td class="label">보도자료</td>"#,
        r#"<th scope="row">보도시점</th><td class="embargo">2026. 3. 11.(수) 12:00 이후</td>"#,
        r#"<th scope="row">배포</th><td>2026. 3. 10.(화) 10:00</td>"#,
        r#"<p class="subtitle" lang="ko">- 데이터센터 전력 수요 보고서 발간 -</p>"#,
        r#"<p class="other-title" lang="en">Data-centre power demand surges</p>"#,
        r#"<th scope="rowgroup" rowspan="2">담당 부서</th><td lang="ko">디지털정책실</td><th scope="row">책임자</th><td lang="ko">실장</td><td lang="ko">홍길동</td>"#,
        r#"<a href="tel:031-739-7300">031-739-7300</a>"#,
        r#"<a href="mailto:kim@example.kr">kim@example.kr</a>"#,
        r#"<h2 id="attachments">붙임</h2>"#,
        r#"<a href="https://example.org/reports/data-centre.pdf" rel="noopener noreferrer">데이터센터 전력 수요 보고서</a>"#,
        r#".release-body ul { list-style-type: "□ ";"#,
        r#".release-body ul ul { list-style-type: "○ "; }"#,
        r#".release-body ul ul ul { list-style-type: "- "; }"#,
        r#".release-body ul ul ul ul { list-style-type: "※ "; }"#,
    ] {
        assert!(ko.contains(part), "ko.html lacks {part}");
    }
    // The key points are the body's first (□) items, before the lead.
    let points = ko.find(r#"<ul class="points""#).unwrap();
    assert!(points < ko.find("미래정책연구원은 데이터센터").unwrap());

    let en = output(p.path(), "en", "html");
    assert!(html_errors(&en).is_empty(), "{:?}", html_errors(&en));
    for part in [
        r#"<html lang="en">"#,
        r#"<td class="label">Press Release</td>"#,
        r#"<td class="embargo">Embargoed until Wednesday, 11 March 2026, 12:00 KST</td>"#,
        r#"<p class="subtitle" lang="en">- Report on the power demand of data centres -</p>"#,
        r#"<th scope="rowgroup" rowspan="2">Contact</th>"#,
        r#"<th scope="row">Responsible</th><td lang="en">Director</td><td lang="en">Hong Gil-dong</td>"#,
    ] {
        assert!(en.contains(part), "en.html lacks {part}");
    }
    for mark in ['□', '○', '※'] {
        assert!(!en.contains(mark), "en.html uses ordinary bullets, not {mark}");
    }
}

#[test]
fn the_pdf_and_markdown_carry_the_label_embargo_and_contacts() {
    let p = built();
    let ko = pdf_text(&p.path().join(format!("build/{ID}/{ID}.ko.pdf")));
    for part in [
        "보도자료",
        "보도시점",
        "2026. 3. 11.(수) 12:00 이후",
        "- 데이터센터 전력 수요 보고서 발간 -",
        "홍길동",
        "031-739-7300",
        "kim@example.kr",
        "붙임",
        "□ 전력 수요 증가",
        "○ 인공지능 학습이 주된 원인임",
        "※ 추정치는 기관마다 다름",
    ] {
        assert_contains_squashed(&ko, part, "ko.pdf");
    }
    let en = pdf_text(&p.path().join(format!("build/{ID}/{ID}.en.pdf")));
    for part in ["Press Release", "Embargoed until Wednesday, 11 March 2026, 12:00 KST", "Contact"]
    {
        assert_contains_squashed(&en, part, "en.pdf");
    }
    for part in ["Hong Gil-dong", "031-739-7300", "Responsible"] {
        assert_contains_squashed(&en, part, "en.pdf");
    }
    assert!(!en.contains('□') && !en.contains('○'), "en.pdf uses ordinary bullets");

    let md = output(p.path(), "ko", "md");
    for part in [
        "| 미래정책연구원 | **보도자료** | |",
        "| 보도시점 | **2026\\. 3. 11.(수) 12:00 이후** | 배포 | 2026\\. 3. 10.(화) 10:00 |",
        "# 데이터센터 전력 수요 급증\n\n\\- 데이터센터 전력 수요 보고서 발간 -\n",
        "| 디지털정책실 | 책임자 | 실장 | 홍길동 | 031-739-7300 |  |",
        "| 디지털정책실 | 담당자 | 연구원 | 김영희 | 031-739-7301 | kim\\@example.kr |",
        "1. 데이터센터 전력 수요 보고서 <https://example.org/reports/data-centre.pdf>",
        // Markdown keeps its own lists (nested by indent); the marks are the renderers'.
        "- 전력 수요 증가\n  - 인공지능 학습이 주된 원인임",
    ] {
        assert!(md.contains(part), "ko.md lacks {part:?}:\n{md}");
    }
    let md = output(p.path(), "en", "md");
    assert!(md.contains("| Future Policy Institute | **Press Release** | |"), "{md}");
    assert!(md.contains("**Embargoed until Wednesday, 11 March 2026, 12:00 KST**"), "{md}");
    assert!(
        md.contains("| Digital Policy Office | Officer | Researcher | Kim Young-hee |"),
        "{md}"
    );
}

/// The fixture's release with `from` replaced by `to`, as another file with another id.
fn variant(root: &Path, name: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/press-release").join(FILE))
        .unwrap()
        .replace(&format!("id: {ID}"), &format!("id: {name}"));
    assert!(text.contains(from), "{from}");
    std::fs::write(root.join(format!("content/{name}.yaml")), text.replacen(from, to, 1)).unwrap();
}

#[test]
fn release_errors_stop_their_file_only() {
    let p = fixture("press-release");
    let root = p.path();
    variant(root, "no-layout", "layout: press-release\n", "");
    variant(root, "bad-time", "embargo: 2026-03-11 12:00", "embargo: 2026-03-11 noon");
    variant(root, "early-embargo", "embargo: 2026-03-11 12:00", "embargo: 2026-03-09 12:00");
    let (code, err) = yoyak_at(&["check"], root, BEFORE_EMBARGO);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[Y0801]: `release:` is only used by the press-release layout"));
    assert!(err.contains("error[Y0802]: `2026-03-11 noon` is not a release time"), "{err}");
    assert!(err.contains("error[Y0803]: the embargo (2026-03-09 12:00) is earlier"), "{err}");
    assert!(err.contains("--> content/no-layout.yaml"), "{err}");
    assert!(err.contains("3 errors, 0 warnings in 4 files"), "{err}");

    let (code, err) = yoyak_at(&["build"], root, BEFORE_EMBARGO);
    assert_eq!(code, 1, "{err}");
    assert!(root.join(format!("build/{ID}/{ID}.ko.pdf")).is_file(), "the good release builds");
    for bad in ["no-layout", "bad-time", "early-embargo"] {
        assert!(!root.join("build").join(bad).exists(), "{bad} is not built");
    }
}

#[test]
fn missing_contacts_and_a_passed_embargo_are_warnings() {
    let p = fixture("press-release");
    let root = p.path();
    let (code, err) = yoyak_at(&["check"], root, BEFORE_EMBARGO);
    assert_eq!((code, err.contains("0 errors, 0 warnings")), (0, true), "{err}");
    let (code, err) = yoyak_at(&["check"], root, AFTER_EMBARGO);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning[Y0806]: the embargo (2026-03-11 12:00 KST) has passed"), "{err}");
    assert!(err.contains("0 errors, 1 warning"), "{err}");

    let file = root.join(FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    let start = text.find("  contacts:\n").unwrap();
    let end = text.find("  attachments:\n").unwrap();
    std::fs::write(&file, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let (code, err) = yoyak_at(&["check"], root, BEFORE_EMBARGO);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning[Y0805]: the press release lists no contacts"), "{err}");
    assert!(err.contains("0 errors, 1 warning"), "{err}");
    let (code, err) = yoyak_at(&["check", "--deny", "warnings"], root, BEFORE_EMBARGO);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn new_press_release_loads_with_todo_warnings_only_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("content")).unwrap();
    let args = ["new", "first-release", "--layout", "press-release", "--date", "2026-03-02"];
    let (code, out, err) = run_yoyak(&args, root);
    assert_eq!(code, 0, "{err}");
    let file = root.join("content/2026-03-02-first-release.yaml");
    assert_eq!(Path::new(out.trim()), Path::new("./content/2026-03-02-first-release.yaml"));
    let text = std::fs::read_to_string(&file).unwrap();
    for field in [
        "layout: press-release",
        "release:",
        "organisation:",
        "subtitle:",
        "embargo: immediate",
        "distributed: 2026-03-02 09:00",
        "contacts:",
        "role: responsible",
        "role: officer",
        "position:",
        "phone:",
        "# email:",
        "attachments:",
        "# url:",
    ] {
        assert!(text.contains(field), "the skeleton has {field}");
    }
    let schema = yoyak::content::schema::briefing_schema();
    let doc: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&doc), "the skeleton matches the schema");

    let (code, _, err) = run_yoyak(&["check", "--format", "json"], root);
    assert_eq!(code, 0, "{err}");
    let (_, json, _) = run_yoyak(&["check", "--format", "json"], root);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.is_empty() && codes.iter().all(|c| *c == "Y0204"), "{codes:?}");
    assert_eq!(run_yoyak(&["build"], root).0, 0, "the skeleton builds");
    assert!(root.join("build/first-release/first-release.ko.pdf").is_file());

    // The default layout is unchanged: no `release:` block.
    let (code, _, err) = run_yoyak(&["new", "plain", "--date", "2026-03-02"], root);
    assert_eq!(code, 0, "{err}");
    let plain = std::fs::read_to_string(root.join("content/2026-03-02-plain.yaml")).unwrap();
    assert!(!plain.contains("release:") && !plain.contains("layout:"));
}

#[test]
fn a_broken_press_release_template_is_named() {
    let p = fixture("press-release");
    std::fs::create_dir(p.path().join("templates")).unwrap();
    std::fs::write(p.path().join("templates/press-release.typ"), "#let x = (\n").unwrap();
    let (code, err) = yoyak_at(&["build"], p.path(), BEFORE_EMBARGO);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("templates/press-release.typ:"), "{err}");
    std::fs::write(p.path().join("templates/press-release.typ"), "").unwrap();
    // A template that does not compile stops the run (exit 2); one that fails on the data
    // fails its briefing (exit 1). Both name the template.
    std::fs::write(p.path().join("templates/press-release.html"), "{{ e.nope }").unwrap();
    let (code, err) = yoyak_at(&["build"], p.path(), BEFORE_EMBARGO);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("template press-release.html"), "{err}");
    std::fs::write(p.path().join("templates/press-release.html"), "{{ e.nope }}").unwrap();
    let (code, err) = yoyak_at(&["build"], p.path(), BEFORE_EMBARGO);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("template press-release.html"), "{err}");
}
