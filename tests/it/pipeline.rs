//! The whole pipeline: seed → six files + index, PDF text, glyphs, determinism, failures.

use crate::common::*;
use std::path::Path;

const ID: &str = "spri-open-source-ai";
const OUTPUTS: [&str; 6] = ["ko.md", "en.md", "ko.html", "en.html", "ko.pdf", "en.pdf"];

#[test]
fn formats_in_yoyak_yaml_choose_what_is_written_and_linked() {
    let p = fixture("digest");
    let config = p.path().join("yoyak.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}\nformats: [html, hwpx]\n")).unwrap();
    let r = build_project(p.path());
    assert!(!r.has_errors() && r.failed.is_empty(), "{:?} {:?}", r.diagnostics, r.failed);
    let mut written: Vec<String> = Vec::new();
    for dir in std::fs::read_dir(p.path().join("build")).unwrap().map(|e| e.unwrap().path()) {
        // build/schema/ holds the content format's JSON Schemas, whatever the formats.
        if dir.is_dir() && !dir.ends_with("schema") {
            for f in std::fs::read_dir(&dir).unwrap() {
                let name = f.unwrap().file_name().to_string_lossy().into_owned();
                written.push(name.rsplit('.').next().unwrap_or_default().to_string());
            }
        }
    }
    written.sort();
    written.dedup();
    assert_eq!(written, ["html", "hwpx"], "only the configured formats, charts with the .md only");
    let index = std::fs::read_to_string(p.path().join("build/index.html")).unwrap();
    assert!(index.contains(".ko.hwpx") && index.contains(".ko.html"));
    assert!(
        !index.contains(".ko.pdf") && !index.contains(".ko.md"),
        "no link to a file not written"
    );
    std::fs::write(&config, format!("{text}\nformats: []\n")).unwrap();
    let r = build_project(p.path());
    assert!(
        r.diagnostics.iter().any(|d| d.code == "Y0104" && d.field == "formats"),
        "an empty list is an error: {:?}",
        r.diagnostics
    );
}

#[test]
fn seed_builds_six_files_and_index() {
    let p = seed_project();
    let r = build_project(p.path());
    assert!(!r.has_errors(), "seed has errors: {:?}", r.diagnostics);
    let release = format!("{ID}-release");
    assert_eq!(r.built, vec![ID.to_string(), release.clone()], "the briefing and its release");
    for (id, ext) in [ID, release.as_str()].into_iter().flat_map(|id| OUTPUTS.map(|e| (id, e))) {
        let f = p.path().join(format!("build/{id}/{id}.{ext}"));
        assert!(
            f.metadata().map(|m| m.len() > 500).unwrap_or(false),
            "{} missing or empty",
            f.display()
        );
    }
    let index = std::fs::read_to_string(p.path().join("build/index.html")).unwrap();
    for (id, ext) in [ID, release.as_str()].into_iter().flat_map(|id| OUTPUTS.map(|e| (id, e))) {
        assert!(index.contains(&format!("{id}/{id}.{ext}")), "index links {id}.{ext}");
    }
}

#[test]
fn pdfs_carry_both_titles_and_fact_values_in_both_languages() {
    let p = seed_project();
    build_project(p.path());
    let project = yoyak::content::load_project(p.path()).unwrap();
    let b = project.briefings().find(|b| b.id == ID).unwrap();
    for lang in ["ko", "en"] {
        let text = pdf_text(&p.path().join(format!("build/{ID}/{ID}.{lang}.pdf")));
        assert_contains_squashed(&text, "글로벌 AI 패권 경쟁", &format!("{lang}.pdf"));
        assert_contains_squashed(&text, b.title.get("en").unwrap(), &format!("{lang}.pdf"));
        for f in &b.facts {
            for value_lang in ["ko", "en"] {
                let v = yoyak::render::fact_value_text(f, value_lang, &project.config);
                assert!(!v.is_empty());
                assert_contains_squashed(&text, &v, &format!("{lang}.pdf fact {}", f.id));
            }
        }
    }
}

#[test]
fn every_pdf_page_is_numbered_page_of_pages() {
    let seed = seed_project();
    build_project(seed.path());
    let digests = fixture("digest");
    build_project(digests.path());
    let pdfs = [
        seed.path().join(format!("build/{ID}/{ID}.ko.pdf")),
        digests.path().join("build/digest/weekly.en.pdf"),
    ];
    for path in &pdfs {
        let pages = lopdf::Document::load(path).unwrap().get_pages().len();
        let text = pdf_text(path);
        for i in 1..=pages {
            assert_contains_squashed(&text, &format!("{i} / {pages}"), &path.display().to_string());
        }
        assert!(!text.contains(&format!("{} / {pages}", pages + 1)));
    }
    let seed_pages = lopdf::Document::load(&pdfs[0]).unwrap().get_pages().len();
    assert!(seed_pages >= 2, "the seed briefing runs over pages");
}

#[test]
fn no_missing_glyphs_in_any_pdf() {
    for root in [seed_project(), fixture("hostile"), fixture("trilingual"), fixture("digest")] {
        let r = build_project(root.path());
        assert!(!r.built.is_empty());
        assert_eq!(r.notdef, 0, ".notdef glyphs in {:?}", r.built);
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let a = seed_project();
    let b = seed_project();
    build_project(a.path());
    build_project(b.path());
    let files = list_files(&a.path().join("build"));
    assert_eq!(files, list_files(&b.path().join("build")));
    assert!(files.len() >= 7);
    for f in files {
        let x = std::fs::read(a.path().join("build").join(&f)).unwrap();
        let y = std::fs::read(b.path().join("build").join(&f)).unwrap();
        if f == Path::new(".yoyak-cache.json") {
            assert!(without_stamps(&x) == without_stamps(&y), "the caches differ");
        } else {
            assert!(x == y, "{} differs between builds", f.display());
        }
    }
}

fn pdf_creation_date(pdf: &Path) -> String {
    let bytes = std::fs::read(pdf).unwrap();
    let s = String::from_utf8_lossy(&bytes);
    let i = s.find("CreationDate").expect("PDF has a creation date");
    s[i..i + 40].to_string()
}

#[test]
fn pdf_timestamp_comes_from_content_date_or_source_date_epoch() {
    let p = seed_project();
    let (code, _, err) = run_yoyak(&["build"], p.path());
    assert_eq!(code, 0, "{err}");
    let pdf = p.path().join(format!("build/{ID}/{ID}.en.pdf"));
    assert!(pdf_creation_date(&pdf).contains("D:20260215"), "{}", pdf_creation_date(&pdf));

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yoyak"))
        .args(["build"])
        .current_dir(p.path())
        .env("SOURCE_DATE_EPOCH", "1000000000")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(pdf_creation_date(&pdf).contains("D:20010909"), "{}", pdf_creation_date(&pdf));
}

#[test]
fn html_is_valid_html5_with_lang_tags() {
    for root in [seed_project(), fixture("hostile"), fixture("trilingual")] {
        build_project(root.path());
        let files = list_files(&root.path().join("build"));
        let htmls: Vec<_> =
            files.iter().filter(|f| f.extension().is_some_and(|e| e == "html")).collect();
        assert!(htmls.len() >= 3);
        for f in htmls {
            let html = std::fs::read_to_string(root.path().join("build").join(f)).unwrap();
            let errors = html_errors(&html);
            assert!(errors.is_empty(), "{}: {errors:?}", f.display());
            let els = html_elements(&html);
            let root_lang = els
                .iter()
                .find(|(n, _)| n == "html")
                .and_then(|(_, a)| a.iter().find(|(k, _)| k == "lang"));
            assert!(root_lang.is_some(), "{} has no <html lang>", f.display());
            // Every edition shows its titles in the other languages, each tagged.
            if let Some(lang) =
                f.to_str().and_then(|s| s.rsplit('.').nth(1)).filter(|l| l.len() == 2)
            {
                assert_eq!(root_lang.unwrap().1, lang);
                let tagged_other =
                    els.iter().any(|(_, a)| a.iter().any(|(k, v)| k == "lang" && v != lang));
                assert!(tagged_other, "{} tags no passage in another language", f.display());
            }
        }
    }
}

#[test]
fn html_breaks_korean_only_between_words() {
    let p = seed_project();
    build_project(p.path());
    let html = std::fs::read_to_string(p.path().join(format!("build/{ID}/{ID}.ko.html"))).unwrap();
    assert!(html.contains(":lang(ko) { word-break: keep-all;"));
    // Standalone, no external requests: the only <link>s name the page's own addresses
    // (canonical, language editions), which a browser does not fetch, and the empty icon (a
    // data: URL), which keeps browsers from asking for a /favicon.ico that is not there.
    assert!(!html.contains("<script"), "no scripts");
    for (name, attrs) in html_elements(&html).into_iter().filter(|(n, _)| n == "link") {
        let rel = attrs.iter().find(|(k, _)| k == "rel").map(|(_, v)| v.as_str());
        let href = attrs.iter().find(|(k, _)| k == "href").map(|(_, v)| v.as_str());
        let fetched = !matches!(rel, Some("canonical" | "alternate"))
            && !href.is_some_and(|h| h.starts_with("data:"));
        assert!(!fetched, "<{name} {attrs:?}> is fetched");
    }
}

#[test]
fn project_template_overrides_the_embedded_one() {
    let p = seed_project();
    std::fs::create_dir_all(p.path().join("templates")).unwrap();
    std::fs::write(p.path().join("templates/briefing.md"), "OVERRIDDEN {{ e.title.text | md }}\n")
        .unwrap();
    build_project(p.path());
    let md = std::fs::read_to_string(p.path().join(format!("build/{ID}/{ID}.en.md"))).unwrap();
    assert!(md.starts_with("OVERRIDDEN The global AI race"), "{md}");
    // Templates not overridden stay the built-in ones.
    let html = std::fs::read_to_string(p.path().join(format!("build/{ID}/{ID}.en.html"))).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[test]
fn a_broken_briefing_does_not_stop_the_others() {
    let p = seed_project();
    std::fs::write(
        p.path().join("content/2026-03-01-broken.yaml"),
        "date: 2026-03-01\ntitle: [unclosed\n",
    )
    .unwrap();
    let (code, _, err) = run_yoyak(&["build"], p.path());
    assert_eq!(code, 1, "content errors exit 1: {err}");
    assert!(err.contains("content/2026-03-01-broken.yaml:"), "{err}");
    assert!(err.contains("not built: content/2026-03-01-broken.yaml"), "{err}");
    let files = list_files(&p.path().join("build"));
    assert!(files.iter().any(|f| f.ends_with(format!("{ID}.ko.pdf"))), "seed still built");
    assert!(
        !files.iter().any(|f| f.to_string_lossy().contains("broken")),
        "nothing for the broken file"
    );
    assert!(!files.iter().any(|f| f.to_string_lossy().contains(".tmp")), "no temporary files left");
}

#[test]
fn build_works_on_cwd_and_root_and_reports_usage_errors() {
    let p = seed_project();
    let (code, _, err) =
        run_yoyak(&["build", "--root", p.path().to_str().unwrap()], &repo().join("tests"));
    assert_eq!(code, 0, "{err}");
    assert!(p.path().join("build/index.html").exists());
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = run_yoyak(&["build"], empty.path());
    assert_eq!(code, 2, "no content/ is a usage error");
    assert!(err.contains("no content folder"), "{err}");
}

#[test]
fn three_languages_build_nine_files() {
    let p = fixture("trilingual");
    let r = build_project(p.path());
    assert!(!r.has_errors(), "{:?}", r.diagnostics);
    let id = &r.built[0];
    for lang in ["ko", "en", "ja"] {
        for ext in ["md", "html", "pdf"] {
            assert!(
                p.path().join(format!("build/{id}/{id}.{lang}.{ext}")).exists(),
                "{lang}.{ext}"
            );
        }
    }
    let ja = std::fs::read_to_string(p.path().join(format!("build/{id}/{id}.ja.html"))).unwrap();
    assert!(ja.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
    // The fact sheet has a label and a value column per language.
    let md = std::fs::read_to_string(p.path().join(format!("build/{id}/{id}.ja.md"))).unwrap();
    let header = md.lines().find(|l| l.starts_with('|')).unwrap();
    assert_eq!(header.matches('|').count(), 3 * 2 + 1 + 1);
}

#[test]
fn seed_fact_sheet_shows_exactly_the_articles_figures_in_both_languages() {
    let p = seed_project();
    build_project(p.path());
    let expected: [(&str, &str); 15] = [
        ("28개", "28 frameworks"),
        ("25개", "25 frameworks"),
        ("432만 개", "4.32 million projects"),
        ("225만 개 이상", "over 2.25 million models"),
        ("89%", "89%"),
        ("63%", "63%"),
        ("67%", "67%"),
        ("67%", "67%"),
        ("50%", "50%"),
        ("49%", "49%"),
        ("10~249명", "10–249 employees"),
        ("78%", "78%"),
        ("67%", "67%"),
        ("47.3%", "47.3%"),
        ("71% 이상", "over 71%"),
    ];
    for lang in ["ko", "en"] {
        let md =
            std::fs::read_to_string(p.path().join(format!("build/{ID}/{ID}.{lang}.md"))).unwrap();
        let rows: Vec<Vec<String>> = md
            .lines()
            .skip_while(|l| !l.starts_with("| "))
            .skip(2)
            .take_while(|l| l.starts_with("| "))
            .map(|l| l.trim_matches('|').split(" | ").map(|c| c.trim().replace('\\', "")).collect())
            .collect();
        let values: Vec<(String, String)> =
            rows.iter().map(|r| (r[2].clone(), r[3].clone())).collect();
        let want: Vec<(String, String)> =
            expected.iter().map(|(k, e)| (k.to_string(), e.to_string())).collect();
        assert_eq!(values, want, "{lang}.md fact sheet");
        // `as of` is written for the edition's language.
        let as_of: Vec<&str> =
            rows.iter().map(|r| r[4].as_str()).filter(|s| !s.is_empty()).collect();
        let want_as_of =
            if lang == "ko" { ["2024년", "2025년 12월"] } else { ["2024", "December 2025"] };
        assert_eq!(as_of, want_as_of);
    }
    let pdf = pdf_text(&p.path().join(format!("build/{ID}/{ID}.en.pdf")));
    for (ko, en) in expected {
        assert_contains_squashed(&pdf, ko, "en.pdf");
        assert_contains_squashed(&pdf, en, "en.pdf");
    }
}
