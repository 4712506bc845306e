//! `yoyak import` of the files reports arrive in (`tests/fixtures/import-formats/`): a saved
//! news page, an HWPX and PDFs written by yoyak itself (with tables, and without). Each imports into its expected draft;
//! the draft, its TODOs filled, builds; clutter stays out; tables become pipe tables and
//! facts labelled by row and column; hostile packages and garbage PDFs are refused cleanly.

use crate::common::{build_project, repo};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use yoyak::import::{ImportOptions, Imported};
use yoyak::numbers::Decimal;

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/import-formats")
}

/// A Korean-only project (the drafts then have no `TODO: translate` fields to fill).
pub(crate) fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("yoyak.yaml"), "languages: [ko]\n\ntitle:\n  ko: 요약 브리핑\n")
        .unwrap();
    dir
}

/// Imports `article` for the project at `root`, the draft kept in memory.
pub(crate) fn import(article: &Path, root: &Path) -> Result<Imported, yoyak::import::ImportError> {
    yoyak::import::run(&ImportOptions {
        article: article.to_path_buf(),
        root: root.to_path_buf(),
        output: Some(PathBuf::from("-")),
        force: false,
        date: None,
    })
}

fn dec(s: &str) -> String {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("not a decimal: {s}")).normalize().to_string()
}

/// A fact as the expectations write it: source, value, unit, and the label for table cells.
fn fact_rows(imported: &Imported) -> Vec<String> {
    let mut rows: Vec<String> = imported
        .draft
        .facts
        .iter()
        .map(|f| {
            let value = match &f.value {
                yoyak::content::FactValue::Single(d) => d.normalize().to_string(),
                other => format!("{other:?}"),
            };
            let label = if f.note.starts_with("표:") { f.label.as_str() } else { "" };
            format!("{} | {} | {} | {}", f.found.source, value, f.unit, label)
        })
        .collect();
    rows.sort();
    rows
}

fn expected_rows(exp: &serde_yaml::Value) -> Vec<String> {
    let s = |v: &serde_yaml::Value| match v {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Null => String::new(),
        other => format!("{other:?}"),
    };
    let mut rows: Vec<String> = exp["facts"]
        .as_sequence()
        .expect("facts")
        .iter()
        .map(|f| {
            let label = s(&f["label"]);
            format!(
                "{} | {} | {} | {}",
                s(&f["source"]),
                dec(&s(&f["value"])),
                s(&f["unit"]),
                label
            )
        })
        .collect();
    rows.sort();
    rows
}

/// The fixture imports into the draft its `*.expected.yaml` describes.
fn check_expected(file: &str, expected: &str) -> Imported {
    let dir = project();
    let imported = import(&fixtures().join(file), dir.path()).expect("the fixture imports");
    let text = std::fs::read_to_string(fixtures().join(expected)).unwrap();
    let exp: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let d = &imported.draft;
    assert_eq!(d.date.as_deref(), exp["date"].as_str(), "{file}: date");
    assert_eq!(d.publisher.as_deref(), exp["publisher"].as_str(), "{file}: publisher");
    assert_eq!(Some(d.title.as_str()), exp["title"].as_str(), "{file}: title");
    let headings: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
    let want: Vec<&str> =
        exp["headings"].as_sequence().unwrap().iter().map(|h| h.as_str().unwrap()).collect();
    assert_eq!(headings, want, "{file}: headings");
    assert_eq!(fact_rows(&imported), expected_rows(&exp), "{file}: facts");
    imported
}

/// The draft's Korean text as its editions write it: the draft refers to its facts (`$(id)`),
/// so a figure of the article is read through its reference.
fn written_out(yaml: &str) -> String {
    let config = yoyak::content::Config::default();
    let loaded = yoyak::content::load_file("content/draft.yaml".into(), yaml.into(), &config);
    let b = loaded.briefing.expect("the draft loads");
    let resolver = yoyak::content::refs::Resolver::new(&b, "ko", &config.numbers);
    let texts = b.texts();
    let ko = texts.iter().filter_map(|(_, t, _)| t.get("ko"));
    ko.map(|t| resolver.expand(t).text()).collect::<Vec<_>>().join("\n")
}

/// The draft's TODO markers replaced with text, as an editor would.
pub(crate) fn fill_todos(yaml: &str) -> String {
    yaml.lines()
        .filter(|l| !l.starts_with('#') || l.starts_with("# yaml-language-server"))
        .map(|l| match l.split_once(" # TODO").or_else(|| l.split_once("  # TODO")) {
            Some((code, _)) => code.to_string(),
            None => l.to_string(),
        })
        .map(|l| l.replace("TODO: 발행 기관", "발행 기관").replace("TODO: 항목", "항목"))
        .map(|l| l.replace("TODO: 제목", "제목").replace("TODO: ", ""))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The draft, TODOs filled, builds without errors or warnings about markers.
fn assert_builds(imported: &Imported, what: &str) {
    let dir = project();
    let yaml = fill_todos(&imported.yaml);
    assert!(!yaml.contains("TODO"), "{what}: a TODO is left:\n{yaml}");
    let path = dir.path().join("content").join(format!("{}.yaml", imported.draft.id()));
    yoyak::output::write_atomic(&path, yaml.as_bytes()).unwrap();
    let r = build_project(dir.path());
    assert!(!r.has_errors(), "{what}: {:#?} {:#?}\n{yaml}", r.failed, r.diagnostics);
    assert_eq!(r.built, vec![imported.draft.id()], "{what}");
}

#[test]
fn html_page_imports_without_its_clutter() {
    let imported = check_expected("exports-news.html", "exports-news.expected.yaml");
    let yaml = &imported.yaml;
    for clutter in [
        "정치",
        "검색",
        "구독료",
        "홈",
        "김예시",
        "yesi@",
        "공유",
        "부산항",
        "광고",
        "관련 기사",
        "7개월",
        "댓글",
        "많이 본",
        "연예인",
        "대표전화",
        "Copyright",
        "스크립트",
        "5555",
        "777억",
        "999",
        "#수출",
        "저작권자",
    ] {
        assert!(!yaml.contains(clutter), "clutter `{clutter}` in the draft:\n{yaml}");
    }
    let shown = written_out(yaml);
    for kept in ["401억 달러", "품목별", "사우디아라비아(3.5%)", "대만 수출 증감률은 22.9%였다"]
    {
        assert!(shown.contains(kept), "`{kept}` is missing:\n{shown}");
    }
    assert_builds(&imported, "exports-news.html");
}

#[test]
fn tables_become_pipe_tables_and_labelled_facts() {
    let imported = check_expected("exports-news.html", "exports-news.expected.yaml");
    let body = &imported.draft.sections[1].body;
    assert!(
        body.contains(
            "| 국가 | 수출 증감률(%) | 수입 증감률(%) |\n| --- | --- | --- |\n| 중국 | 1.6 | 18.8 |"
        ),
        "{body}"
    );
    let fact = imported.draft.facts.iter().find(|f| f.label == "베트남 수입 증감률").unwrap();
    assert_eq!(fact.unit, "percent");
    assert_eq!(fact.value, yoyak::content::FactValue::Single(Decimal::from_str("26.0").unwrap()));
}

#[test]
fn hwpx_written_by_yoyak_imports() {
    let imported = check_expected("kdi-ai.hwpx", "kdi-ai.hwpx.expected.yaml");
    let section = imported.draft.sections.iter().find(|s| s.heading == "기술별 활용 비율").unwrap();
    assert!(
        section.body.starts_with("| 기술 | 활용 비율(%) |\n| --- | --- |\n| 머신러닝 | 25.0 |")
    );
    assert!(imported.draft.facts.iter().any(|f| f.label == "딥러닝 활용 비율"));
    assert_builds(&imported, "kdi-ai.hwpx");
}

#[test]
fn pdf_written_by_yoyak_imports() {
    let imported = check_expected("kdi-ai.pdf", "kdi-ai.pdf.expected.yaml");
    let yaml = &imported.yaml;
    // The masthead, the page numbers and split lines are gone; particles are glued back.
    assert!(!yaml.contains("요약 브리핑") && !yaml.contains("출처:"), "{yaml}");
    assert!(yaml.contains("한국개발연구원(KDI)은 인공지능(AI)에 대한"), "{yaml}");
    assert!(written_out(yaml).contains("AI를 도입한 기업의 77.8%는"), "{yaml}");
    assert_builds(&imported, "kdi-ai.pdf");
}

/// The facts a draft took from table cells, as (label, value, unit), sorted.
fn table_facts(imported: &Imported) -> Vec<String> {
    let mut facts: Vec<String> = imported
        .draft
        .facts
        .iter()
        .filter(|f| f.note.starts_with("표:"))
        .map(|f| format!("{} | {:?} | {}", f.label, f.value, f.unit))
        .collect();
    facts.sort();
    facts
}

#[test]
fn pdf_tables_become_pipe_tables_and_labelled_facts() {
    // A Markdown table in a section body, its last column's first cell wrapped over three
    // lines, between two paragraphs.
    let imported = check_expected("exports-table.pdf", "exports-table.pdf.expected.yaml");
    let section = imported.draft.sections.iter().find(|s| s.heading == "국가별 증감률").unwrap();
    let table = "주요 교역국으로의 수출이 모두 늘었다.\n\n\
        | 국가 | 수출 증감률(%) | 수입 증감률(%) | 비고 |\n| --- | --- | --- | --- |\n\
        | 중국 | 1.6 | 18.8 | 최대 교역국으로 반도체와 석유화학 제품의 수출이 함께 늘어났고, \
        수입은 배터리 소재와 전자부품을 중심으로 크게 늘어 무역수지 흑자 폭이 줄어든 곳 |\n\
        | 미국 | 6.1 | 6.9 | 승용차 수출이 관세 부담 속에서도 늘었다 |\n\
        | 베트남 | 22.0 | 26.0 |  |\n| 유럽연합 | 10.7 | 10.4 | 선박 |\n\n\
        수입은 사우디아라비아에서 줄었다.";
    assert!(section.body.contains(table), "{}", section.body);
    let fact = imported.draft.facts.iter().find(|f| f.label == "베트남 수입 증감률").unwrap();
    assert_eq!(fact.unit, "percent");
    assert_eq!(fact.value, yoyak::content::FactValue::Single(Decimal::from_str("26.0").unwrap()));
    assert_builds(&imported, "exports-table.pdf");

    // yoyak's fact sheet and body table read from its PDF as from its HWPX: the same cells,
    // the same labelled facts.
    let pdf = check_expected("kdi-ai.pdf", "kdi-ai.pdf.expected.yaml");
    let hwpx = import(&fixtures().join("kdi-ai.hwpx"), project().path()).unwrap();
    assert_eq!(table_facts(&pdf), table_facts(&hwpx));
    assert_eq!(table_facts(&pdf).len(), 14);
    let sheet = pdf.draft.sections.iter().find(|s| s.heading == "주요 수치").unwrap();
    assert!(
        sheet.body.starts_with("| 항목 (한국어) | 수치 (한국어) | 기준 |\n| --- | --- | --- |\n")
    );
    assert!(
        sheet.body.contains("| 과 중소기업 | 500개 | 2019년 |\n| 곳 | 3.6% |  |"),
        "{}",
        sheet.body
    );
    let body = pdf.draft.sections.iter().find(|s| s.heading == "기술별 활용 비율").unwrap();
    assert!(body.body.starts_with("| 기술 | 활용 비율(%) |\n| --- | --- |\n| 머신러닝 | 25.0 |"));
}

#[test]
fn pdf_without_tables_reads_as_text() {
    // Figures in prose, a numbered list and a bulleted list of figures: no table.
    let imported = check_expected("prose.pdf", "prose.pdf.expected.yaml");
    for s in &imported.draft.sections {
        assert!(!s.body.contains('|'), "{}", s.body);
    }
    assert!(imported.draft.sections[1].body.starts_with("- 10대 99.9%\n- 20대 99.9%"));
    assert!(table_facts(&imported).is_empty());
    assert_builds(&imported, "prose.pdf");
}

#[test]
fn text_still_imports_and_builds() {
    let imported = import(&repo().join("tests/fixtures/import/00-seed.txt"), project().path())
        .expect("text imports");
    assert_builds(&imported, "00-seed.txt");
}

/// Runs `yoyak import FILE -o -` and returns (exit code, stderr).
fn cli(file: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yoyak"))
        .args(["import", &file.display().to_string(), "-o", "-", "--root"])
        .arg(file.parent().unwrap())
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// An HWPX package with the given extra entries after `mimetype`.
fn package(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/hwp+zip").unwrap();
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, deflated).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn hostile_hwpx_and_garbage_pdf_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // A zip bomb: 40 MiB of spaces in a section, a few tens of kilobytes packed.
    let bomb = package(&[("Contents/section0.xml", &vec![b' '; 40 << 20])]);
    assert!(bomb.len() < 1 << 20);
    let many: Vec<(String, Vec<u8>)> = (0..5000).map(|i| (format!("x/{i}"), Vec::new())).collect();
    let many: Vec<(&str, &[u8])> = many.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("bomb.hwpx", bomb, "zip bomb"),
        ("many.hwpx", package(&many), "entries"),
        ("broken.hwpx", b"PK\x03\x04 not really a zip".to_vec(), "not a ZIP"),
        ("nosection.hwpx", package(&[("Contents/header.xml", b"<a/>")]), "section"),
        (
            "dtd.hwpx",
            package(&[(
                "Contents/section0.xml",
                b"<!DOCTYPE a [<!ENTITY b \"bbbbbbbbbb\">]><a>&b;&b;</a>",
            )]),
            "XML",
        ),
        ("garbage.pdf", b"%PDF-1.7\n\x00\x01 this is no PDF \xff\xfe".to_vec(), "PDF"),
        ("empty.pdf", b"".to_vec(), "PDF"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        assert!(import(&path, dir.path()).is_err(), "{name} imports");
        let (code, stderr) = cli(&path);
        assert_eq!(code, Some(2), "{name}: {stderr}");
        assert!(stderr.contains(says), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

/// Truncated and corrupted copies of every fixture: an error or a draft, never a panic.
#[test]
fn damaged_files_never_panic() {
    let style = yoyak::numbers::Style::default();
    for name in ["exports-news.html", "kdi-ai.hwpx", "kdi-ai.pdf", "exports-table.pdf", "prose.pdf"]
    {
        let bytes = std::fs::read(fixtures().join(name)).unwrap();
        let path = Path::new(name);
        for i in 0..40usize {
            let cut = bytes.len() * i / 40;
            let _ = yoyak::import::draft_file(&bytes[..cut], path, &style);
            let mut flipped = bytes.clone();
            let at = (i * 7919 + 13) % flipped.len();
            flipped[at] ^= 0x5a;
            let _ = yoyak::import::draft_file(&flipped, path, &style);
        }
    }
}
