//! Static search: the index per language holds the seed's Korean forms, English stems and
//! numbers by value; it is rewritten only when a briefing's content changes; and the browser
//! side (`templates/search.js`, run by node on the built site) finds what a reader types.

use crate::common::{build_project, fixture, repo};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use yoyak::render::search::{SearchDoc, read_index, terms};

/// The documents of the built index in `lang`.
fn docs(out: &Path, lang: &str) -> Vec<SearchDoc> {
    let script = std::fs::read_to_string(out.join(format!("search-index.{lang}.js"))).unwrap();
    read_index(&script, lang).expect("the index parses").docs_with_keys()
}

/// The document of briefing `id` among `docs`.
fn doc<'a>(docs: &'a [SearchDoc], id: &str) -> &'a SearchDoc {
    docs.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("{id} is indexed"))
}

#[test]
fn the_index_holds_korean_forms_english_stems_and_numbers() {
    let dir = fixture("search");
    let report = build_project(dir.path());
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let out = dir.path().join("build");
    for lang in ["ko", "en"] {
        let docs = docs(&out, lang);
        assert_eq!(docs.len(), 2, "both briefings, newest first");
        assert_eq!(docs[0].id, "hostile-title");
        let seed = doc(&docs, "spri-open-source-ai");
        // 오픈소스AI를 and 오픈소스로 in the text give the bigrams of 오픈소스.
        // The other language's title is indexed too: 오픈소스 on the English page.
        for key in
            ["오픈", "픈소", "소스", "open", "sourc", "model", "#4320000", "#2250000", "#47.3"]
        {
            assert!(seed.keys.contains(key), "{lang}: {key}");
        }
        assert!(!seed.keys.contains("펭귄"));
        assert!(seed.text.len() <= yoyak::render::search::STORED_BYTES);
        let page = std::fs::read_to_string(out.join(format!("search.{lang}.html"))).unwrap();
        assert!(page.contains("role=\"search\"") && page.contains("search.js"), "{page}");
    }
    let ko = docs(&out, "ko");
    assert!(doc(&ko, "spri-open-source-ai").keys.contains("생태"));
    assert!(!doc(&docs(&out, "en"), "spri-open-source-ai").keys.contains("생태"));
    assert!(doc(&ko, "spri-open-source-ai").text.contains("오픈소스"));
    // Korean text holds the number as 432만; the English edition as 4.32 million: one key.
    assert!(doc(&docs(&out, "en"), "spri-open-source-ai").text.contains("4.32 million"));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<form class=\"search\" role=\"search\" action=\"search.ko.html\""));
    assert!(out.join("search.js").is_file());
}

#[test]
fn hostile_text_stays_data_in_the_index() {
    let dir = fixture("search");
    build_project(dir.path());
    let out = dir.path().join("build");
    for lang in ["ko", "en"] {
        let script = std::fs::read_to_string(out.join(format!("search-index.{lang}.js"))).unwrap();
        assert!(!script.contains('<'), "no raw < can end the script element");
        assert!(!script.contains('\u{2028}') && !script.contains('\u{2029}'), "{lang}");
    }
    let en = docs(&out, "en");
    assert!(doc(&en, "hostile-title").text.contains("sunflower.\u{2028}</script>"));
    let docs = docs(&out, "ko");
    assert_eq!(
        doc(&docs, "hostile-title").title,
        "<img src=x onerror=alert(1)> 악성 제목 </script> 해바라기"
    );
}

#[test]
fn the_index_is_rewritten_only_when_content_changes() {
    let dir = fixture("search");
    build_project(dir.path());
    let out = dir.path().join("build");
    let path = out.join("search-index.ko.js");
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let again = build_project(dir.path());
    assert_eq!(again.written, 0, "a no-op writes nothing");
    // A comment changes no content: nothing of the search is written again.
    let file = dir.path().join("content/2026-03-01-hostile-title.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n# a comment\n")).unwrap();
    build_project(dir.path());
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), before);
    // A new word in a body is found; the other briefing's entry is carried over as it was.
    let seed_before = doc(&docs(&out, "ko"), "spri-open-source-ai").clone();
    std::fs::write(
        &file,
        text.replace("해바라기는 여름에 핀다.", "해바라기는 코끼리와 여름에 핀다."),
    )
    .unwrap();
    let report = build_project(dir.path());
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let after = docs(&out, "ko");
    assert!(doc(&after, "hostile-title").keys.contains("코끼"));
    assert_eq!(doc(&after, "spri-open-source-ai"), &seed_before);
}

#[test]
fn an_index_made_in_pieces_is_the_index_made_whole() {
    // Three ways to the same index: documents made while briefings render (an edit), read
    // back from the earlier index (the others) and parsed again (the index deleted).
    let dir = fixture("search");
    build_project(dir.path());
    let out = dir.path().join("build");
    let file = dir.path().join("content/2026-03-01-hostile-title.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("해바라기는 여름에 핀다.", "해바라기는 가을에 핀다."))
        .unwrap();
    build_project(dir.path());
    let index = || ["ko", "en"].map(|l| std::fs::read(out.join(format!("search-index.{l}.js"))));
    let edited = index().map(Result::unwrap);
    for l in ["ko", "en"] {
        std::fs::remove_file(out.join(format!("search-index.{l}.js"))).unwrap();
    }
    let report = build_project(dir.path());
    assert_eq!(report.parsed, 0, "nothing but the index was missing");
    assert_eq!(index().map(Result::unwrap), edited, "parsed again for the index alone");
    std::fs::remove_dir_all(&out).unwrap();
    build_project(dir.path());
    assert_eq!(index().map(Result::unwrap), edited, "a cold build");
}

#[test]
fn stemmer_vectors_hold_in_rust() {
    let tsv = std::fs::read_to_string(repo().join("tests/fixtures/search/stems.tsv")).unwrap();
    let mut n = 0;
    for line in tsv.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (word, stem) = line.split_once('\t').unwrap();
        assert_eq!(terms::stem(word), stem, "{word}");
        n += 1;
    }
    assert!(n >= 20);
}

/// Number expressions as readers type them, with the key the Rust engine gives each.
fn number_vectors() -> String {
    let cases = [
        ("432만 개", "ko"),
        ("225만 개", "ko"),
        ("2조 5000억 원", "ko"),
        ("908억7000만 달러", "ko"),
        ("1만2000명", "ko"),
        ("47.3%", "ko"),
        ("1,234명", "ko"),
        ("4천 명", "ko"),
        ("4.32 million", "en"),
        ("2.25 million models", "en"),
        ("$90.87 billion", "en"),
        ("1.5 trillion won", "en"),
        ("4,006 companies", "en"),
        ("0.5%", "en"),
        ("12 thousand", "en"),
    ];
    let mut out = Vec::new();
    for (text, lang) in cases {
        let found = yoyak::numbers::find(text, lang);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let mut keys = BTreeSet::new();
        terms::quantity_keys(&found[0].quantity, &mut keys);
        assert_eq!(keys.len(), 1, "{text}: {keys:?}");
        let key = keys.into_iter().next().unwrap();
        out.push(serde_json::json!({ "text": text, "key": key }));
    }
    serde_json::to_string(&out).unwrap()
}

#[test]
fn the_browser_side_finds_what_readers_type() {
    let dir = fixture("search");
    let report = build_project(dir.path());
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let vectors = dir.path().join("number-vectors.json");
    std::fs::write(&vectors, number_vectors()).unwrap();
    let script = repo().join("tests/search/test.mjs");
    let run =
        Command::new("node").arg(&script).arg(dir.path().join("build")).arg(&vectors).output();
    match run {
        Ok(o) => assert!(
            o.status.success(),
            "node search test failed:\n{}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "CI must run the search test with node: {e}");
            eprintln!("skipped: node is not installed ({e})");
        }
    }
}
