//! Figure references (`$(fact-id)`): every form and derived figure in every format, escapes,
//! the errors `check` gives, the fixer (`check --fix`), import, and the promise that editing
//! one fact's value changes every mention in both languages.

use crate::common::{
    assert_contains_squashed, build_project, fixture, pdf_text, repo, run_yoyak, seed_project,
};
use std::path::Path;

/// A built file of the project at `root`, as text.
fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn every_form_and_derived_figure_is_written_per_language() {
    let p = fixture("refs");
    let r = build_project(p.path());
    assert!(!r.has_errors(), "{:#?}", r.diagnostics);
    let ko = read(p.path(), "build/refs/refs.ko.md");
    let en = read(p.path(), "build/refs/refs.en.md");
    for (ko_text, en_text, what) in [
        (
            "# 깃허브 432만·허깅페이스 225만 개",
            "# 4.32 million on GitHub, 2.25 million on",
            "bare, plain",
        ),
        (
            "432만 개(2024년 기준)에 달했다",
            "GitHub hosted 4.32 million projects (as of 2024).",
            "dated",
        ),
        ("- 225만 개 이상 모델이", "- Over 2.25 million models are public", "default, capitalised"),
        ("대기업보다 11%p 높다", "is 11 percentage points higher", "difference of percentages"),
        ("GPU는 2.5배로 늘었고", "GPUs grew 2.5 times", "ratio"),
        ("증가율은 150%다", "a change of 150%.", "change in percent"),
        ("비율은 0.86배이다", "The ratio is 0.86 times.", "round=2 (67/78 = 0.858…)"),
        ("## 규모 10\\~249명", "## Size 10–249 employees", "range in a heading"),
        ("<strong>78%</strong> 활용", "<strong>78%</strong> usage", "inside emphasis"),
        (
            "[432만 개](https://example.org/gh)",
            "[4.32 million projects](https://example.org/gh)",
            "link text",
        ),
        ("| 대기업 | 67% |", "| large | 67% |", "table cell"),
        ("전년의 2.5배다.", "2.5 times the year before.", "a fact's note"),
    ] {
        assert!(ko.contains(ko_text), "{what}: {ko_text:?} in\n{ko}");
        assert!(en.contains(en_text), "{what}: {en_text:?} in\n{en}");
    }
    for md in [&ko, &en] {
        // Only the code span keeps its reference.
        assert_eq!(md.matches("$(").count(), 2, "`$$(USD)` and the code span: {md}");
    }
}

#[test]
fn escapes_and_code_stay_literal() {
    let p = fixture("refs");
    build_project(p.path());
    for lang in ["ko", "en"] {
        let md = read(p.path(), &format!("build/refs/refs.{lang}.md"));
        // `$$(` writes `$(` (escaped for Markdown), code spans are never read.
        assert!(md.contains("\\$(USD)"), "{md}");
        assert!(md.contains("`$(github-ai-projects)`"), "{md}");
        let html = read(p.path(), &format!("build/refs/refs.{lang}.html"));
        assert!(html.contains("$(USD)") && !html.contains("$$(USD)"), "{html}");
        assert!(html.contains("<code>$(github-ai-projects)</code>"), "{html}");
    }
}

#[test]
fn html_keeps_the_value_machine_readable() {
    let p = fixture("refs");
    build_project(p.path());
    let ko = read(p.path(), "build/refs/refs.ko.html");
    let en = read(p.path(), "build/refs/refs.en.html");
    for needle in [
        "<data value=\"4320000\">432만 개(2024년 기준)</data>",
        "<data value=\"11\">11%p</data>",
        "<data value=\"10..249\">10~249명</data>",
        // Markdown bodies (sanitised) and plain fields (key points, headings) alike.
        "<strong><data value=\"78\">78%</data></strong>",
    ] {
        assert!(ko.contains(needle), "{needle} in\n{ko}");
    }
    for needle in [
        "<data value=\"2250000\">Over 2.25 million models</data>",
        "<data value=\"2.5\">2.5 times</data>",
        "<data value=\"0.86\">0.86 times</data>",
    ] {
        assert!(en.contains(needle), "{needle} in\n{en}");
    }
    // The page title and description are text: no markup inside them.
    assert!(en.contains("<title>4.32 million on GitHub, 2.25 million on Hugging Face ·"), "{en}");
}

/// The fixture's briefing with `text` added as a key point in both languages.
fn with_key_point(ko: &str, en: &str) -> tempfile::TempDir {
    let p = fixture("refs");
    let file = p.path().join("content/2026-03-01-refs.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let point = format!("summary:\n  - ko: {ko}\n    en: {en}\n");
    std::fs::write(&file, text.replacen("summary:\n", &point, 1)).unwrap();
    p
}

#[test]
fn unknown_ids_and_impossible_figures_are_errors_with_a_fix() {
    let p = with_key_point(
        "$(github-ai-project)와 $(sme-usage-rate - gpus-2023), $(sme-size / gpus-2023)",
        "$(github-ai-projects) and $(nothing-like-it)",
    );
    let (code, _, stderr) = run_yoyak(&["check"], p.path());
    assert_eq!(code, 1, "{stderr}");
    let file = "content/2026-03-01-refs.yaml";
    assert!(
        stderr.contains("error[Y0902]: no fact `github-ai-project` in this briefing"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("--> {file}:10:9  (summary[0].ko)")), "{stderr}");
    assert!(stderr.contains("= fix: did you mean `github-ai-projects`?"), "{stderr}");
    assert!(stderr.contains("error[Y0902]: no fact `nothing-like-it`"), "{stderr}");
    assert!(stderr.contains("use the id of a fact under `facts:`"), "{stderr}");
    assert!(
        stderr.contains(
            "error[Y0903]: no difference of `sme-usage-rate` and `gpus-2023`: their units differ"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("no ratio of `sme-size` and `gpus-2023`: one of them is a range"));
    // The en figure whose ko reference is broken has no counterpart: one more error.
    assert!(stderr.contains("error[Y0301]: `4.32 million projects` (en) has no counterpart"));
    assert!(stderr.contains("5 errors, 0 warnings in 1 file"), "{stderr}");
}

#[test]
fn parse_errors_name_the_place_and_the_fix() {
    let p =
        with_key_point("$(github-ai-projects bold) 그리고 $(sme-usage-rate -", "$() and $(SPRi)");
    // A fact's own words cannot refer to a fact.
    let file = p.path().join("content/2026-03-01-refs.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let noun = "noun: {ko: 명, en: employees}";
    std::fs::write(&file, text.replace(noun, "noun: {ko: 명, en: $(sme-size)}")).unwrap();
    let (code, _, stderr) = run_yoyak(&["check"], p.path());
    assert!(stderr.contains("error[Y0901]: a fact's noun or display cannot hold a figure"));
    assert_eq!(code, 1, "{stderr}");
    for (message, fix) in [
        ("unknown word `bold` in a figure reference", "use `bare`, `plain`, `dated` or `round=N`"),
        ("figure reference `$(` is not closed on its line", "close it with `)` on the same line"),
        ("empty figure reference `$()`", "name a fact: `$(fact-id)`"),
        ("`SPRi` is not a fact id (a-z, 0-9 and -)", "or write `$$(` for a literal `$(`"),
    ] {
        assert!(stderr.contains(&format!("error[Y0901]: {message}")), "{message}: {stderr}");
        assert!(stderr.contains(fix), "{fix}: {stderr}");
    }
    assert!(stderr.contains("content/2026-03-01-refs.yaml:10:40  (summary[0].ko)"), "{stderr}");
    assert!(stderr.contains("5 errors, 0 warnings in 1 file"), "{stderr}");
}

/// A briefing written with literal figures, in every YAML style an editor uses.
const LITERAL: &str = "\
# A comment that must survive.
date: 2026-03-01
source:
  publisher: {ko: 기관, en: Institute}   # flow map, trailing comment
title:
  ko: \"깃허브 432만개\"
  en: '4.32 million on GitHub'
summary:
  - ko: 기업의 89%가 오픈소스를 쓰고, 허깅페이스 모델은 225만 개를 넘어섰다.
    en: 89% of companies use open source; Hugging Face has more than 2.25 million models.
  - {ko: 혁신 촉진(67%)과 대기업(67%), en: innovation (67%) and large companies (67%)}
  - ko: 같은 값 67%는 어느 쪽인지 모른다.
    en: The same 67% could be either.
sections:
  - heading: {ko: 본문, en: Body}
    body:
      ko: |
        # 제목 안의 89%

        - 목록 속 432만 개   
      en: |
        # 89% in a heading

        - 4.32 million projects in a list
facts:
  - id: github-ai-projects
    label: {ko: 깃허브 내 AI 프로젝트, en: AI projects on GitHub}
    value: 4320000
    unit: count
    noun: {ko: 개, en: projects}
  - id: huggingface-models
    label: {ko: 허깅페이스 모델, en: Hugging Face models}
    value: 2250000
    unit: count
    noun: {ko: 개, en: models}
    approx: over
  - {id: companies-using-oss, label: {ko: 오픈소스 활용 기업, en: Companies using open source}, value: 89, unit: percent}
  - id: reason-innovation
    label: {ko: \"도입 이유: 혁신 촉진\", en: \"Reason: innovation\"}
    value: 67
    unit: percent
  - id: large-company-usage-rate
    label: {ko: 대기업 활용률, en: Usage rate at large companies}
    value: 67
    unit: percent
";

/// What the fixer makes of [`LITERAL`]: references where one fact is meant, nothing else
/// touched (comments, quotes, flow maps, the trailing spaces of a block line).
const LINKED: &str = "\
# A comment that must survive.
date: 2026-03-01
source:
  publisher: {ko: 기관, en: Institute}   # flow map, trailing comment
title:
  ko: \"깃허브 $(github-ai-projects)\"
  en: '$(github-ai-projects bare) on GitHub'
summary:
  - ko: 기업의 $(companies-using-oss)가 오픈소스를 쓰고, 허깅페이스 모델은 $(huggingface-models plain)를 넘어섰다.
    en: $(companies-using-oss) of companies use open source; Hugging Face has $(huggingface-models).
  - {ko: 혁신 촉진($(reason-innovation))과 대기업($(large-company-usage-rate)), en: innovation ($(reason-innovation)) and large companies ($(large-company-usage-rate))}
  - ko: 같은 값 67%는 어느 쪽인지 모른다.
    en: The same 67% could be either.
sections:
  - heading: {ko: 본문, en: Body}
    body:
      ko: |
        # 제목 안의 $(companies-using-oss)

        - 목록 속 $(github-ai-projects)   
      en: |
        # $(companies-using-oss) in a heading

        - $(github-ai-projects) in a list
";

#[test]
fn the_fixer_links_literal_figures_with_minimal_edits() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("content/2026-03-01-literal.yaml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, LITERAL).unwrap();
    // Before: each mention is a hint naming the reference to write.
    let (code, _, stderr) = run_yoyak(&["check"], dir.path());
    assert_eq!(code, 0, "hints never fail a check: {stderr}");
    assert!(stderr.contains("hint[Y0904]: `89%` is the fact `companies-using-oss`"), "{stderr}");
    assert!(stderr.contains("write `$(huggingface-models plain)`"), "{stderr}");
    assert!(stderr.contains("states one of the facts reason-innovation, large-company-usage-rate"));

    let (code, stdout, stderr) = run_yoyak(&["check", "--fix"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    let after = std::fs::read_to_string(&file).unwrap();
    let facts_at = LITERAL.find("facts:").unwrap();
    assert_eq!(after[..after.len() - (LITERAL.len() - facts_at)], *LINKED, "{after}");
    assert!(after.ends_with(&LITERAL[facts_at..]), "the facts are not touched");
    // The diff names the file and shows the edited lines only.
    assert!(
        stdout.starts_with("--- a/content/2026-03-01-literal.yaml\n+++ b/content/"),
        "{stdout}"
    );
    assert!(stdout.contains("-  - ko: 기업의 89%가"), "{stdout}");
    assert!(stdout.contains("+  - ko: 기업의 $(companies-using-oss)가"), "{stdout}");
    assert!(!stdout.contains("-# A comment"), "{stdout}");
    assert!(stderr.contains("2 figure(s) left as written"), "the ambiguous 67%: {stderr}");
    assert!(stderr.contains("0 errors, 0 warnings, 2 hints in 1 file"), "{stderr}");

    // Idempotent: a second run changes nothing and prints no diff.
    let (code, stdout, _) = run_yoyak(&["check", "--fix"], dir.path());
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), after);

    // The linked file renders what the literal one said (in the house style's words).
    let r = build_project(dir.path());
    assert!(!r.has_errors(), "{:#?}", r.diagnostics);
    let stem = "build/2026-03-01-literal/2026-03-01-literal";
    let ko = read(dir.path(), &format!("{stem}.ko.md"));
    assert!(ko.contains("# 깃허브 432만 개\n"), "{ko}");
    assert!(ko.contains("허깅페이스 모델은 225만 개를 넘어섰다"), "{ko}");
    let en = read(dir.path(), &format!("{stem}.en.md"));
    assert!(en.contains("Hugging Face has over 2.25 million models."), "{en}");
}

#[test]
fn with_a_json_report_the_diff_goes_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("content/2026-03-01-literal.yaml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, LITERAL).unwrap();
    let (code, stdout, stderr) = run_yoyak(&["check", "--fix", "--format", "json"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is the report");
    assert_eq!(doc["summary"]["hints"], 2, "the ambiguous 67%, in both languages");
    assert!(stderr.contains("+  - ko: 기업의 $(companies-using-oss)가"), "{stderr}");
}

#[test]
fn one_fact_value_changes_every_mention_in_every_format() {
    let p = seed_project();
    let file = p.path().join("content/2026-02-15-spri-open-source-ai.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("value: 4320000").count(), 1);
    std::fs::write(&file, text.replace("value: 4320000", "value: 4370000")).unwrap();
    let r = build_project(p.path());
    assert!(!r.has_errors(), "{:#?}", r.diagnostics);
    let dir = "build/spri-open-source-ai/spri-open-source-ai";
    let ko_md = read(p.path(), &format!("{dir}.ko.md"));
    let en_md = read(p.path(), &format!("{dir}.en.md"));
    // Key point, heading, body and fact sheet: four mentions in each language.
    assert_eq!(ko_md.matches("437만").count(), 4, "{ko_md}");
    assert_eq!(en_md.matches("4.37 million").count(), 4, "{en_md}");
    for old in [&ko_md, &en_md] {
        assert!(!old.contains("432만") && !old.contains("4.32 million"), "{old}");
    }
    let html = read(p.path(), &format!("{dir}.en.html"));
    assert_eq!(html.matches("<data value=\"4370000\">").count(), 3, "{html}");
    assert!(!html.contains("4.32"), "{html}");
    for (lang, figure) in [("ko", "437만"), ("en", "4.37 million")] {
        let pdf = pdf_text(&p.path().join(format!("{dir}.{lang}.pdf")));
        assert_contains_squashed(&pdf, figure, &format!("{lang} PDF"));
        assert!(!crate::common::squash(&pdf).contains("432만"), "{lang} PDF");
        let hwpx = hwpx_text(&p.path().join(format!("{dir}.{lang}.hwpx")));
        assert!(hwpx.contains(figure) && !hwpx.contains("432만"), "{lang} HWPX");
        let digest = read(p.path(), &format!("build/digest/monthly-2026-02.{lang}.md"));
        assert!(digest.contains(figure), "{lang} digest: {digest}");
    }
}

/// The text of every section of a HWPX package.
fn hwpx_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with("Contents/section") {
            std::io::Read::read_to_string(&mut f, &mut out).unwrap();
        }
    }
    out
}

#[test]
fn import_links_its_korean_text_to_the_facts_it_creates() {
    let dir = tempfile::tempdir().unwrap();
    let article = repo().join("tests/fixtures/import/00-seed.txt");
    let (code, stdout, stderr) = run_yoyak(
        &["import", &article.to_string_lossy(), "-o", "-", "--date", "2026-02-15"],
        dir.path(),
    );
    assert_eq!(code, 0, "{stderr}");
    let summary = stdout.split("\nsummary:").nth(1).unwrap().split("\nfacts:").next().unwrap();
    assert!(summary.matches("$(").count() >= 10, "{summary}");
    let loaded = yoyak::content::load_file(
        "content/draft.yaml".into(),
        stdout.clone().into_bytes(),
        &yoyak::content::Config::default(),
    );
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    let b = loaded.briefing.unwrap();
    // Every reference resolves, and the text reads as the article did.
    let cfg = yoyak::content::Config::default();
    let resolver = yoyak::content::refs::Resolver::new(&b, "ko", &cfg.numbers);
    for (_, text, _) in b.texts() {
        let Some(ko) = text.get("ko") else { continue };
        assert_eq!(resolver.expand(ko).errors().count(), 0, "{ko}");
    }
    let lead = resolver.expand(b.lead.as_ref().unwrap().get("ko").unwrap()).text();
    assert!(lead.contains("28개 중 25개") || lead.contains("432만 개"), "{lead}");
}
