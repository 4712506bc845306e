//! Content is data: hostile text shows literally in every format and runs nothing.

use crate::common::*;

const LITERALS: [&str; 9] = [
    "<script>alert(1)</script>",
    "#read(\"/etc/passwd\")",
    "$x$",
    "@x",
    "<x>",
    "~",
    "`a`",
    "// x",
    "10~249명",
];

fn built() -> (tempfile::TempDir, String) {
    let p = fixture("hostile");
    let r = build_project(p.path());
    assert!(!r.has_errors(), "{:?}", r.diagnostics);
    let id = r.built[0].clone();
    (p, id)
}

#[test]
fn markdown_shows_hostile_text_literally() {
    let (p, id) = built();
    let md = std::fs::read_to_string(p.path().join(format!("build/{id}/{id}.en.md"))).unwrap();
    // Rendering the Markdown output must give back the literal title.
    let html = {
        let mut s = String::new();
        pulldown_cmark::html::push_html(
            &mut s,
            pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES),
        );
        s
    };
    let title_line = html.lines().find(|l| l.starts_with("<h1>")).unwrap();
    for lit in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "#read(\"/etc/passwd\")",
        "$x$",
        "@x",
        "&lt;x&gt;",
        "~",
        "*a*",
        "`a`",
        "// x",
        "a | b",
    ] {
        assert!(title_line.contains(lit), "title should show {lit}: {title_line}");
    }
    assert_no_active_content(&html);
    // The fact table still has its five columns despite `a | b` in a label.
    let row = md.lines().find(|l| l.starts_with("| ") && l.contains("Item")).unwrap();
    let unescaped = row.matches('|').count() - row.matches("\\|").count();
    assert_eq!(unescaped, 6, "five cells: {row}");
}

#[test]
fn html_escapes_and_sanitises() {
    let (p, id) = built();
    let html = std::fs::read_to_string(p.path().join(format!("build/{id}/{id}.ko.html"))).unwrap();
    assert_no_active_content(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "raw HTML in a body shows as text"
    );
    assert!(html_errors(&html).is_empty());
}

#[test]
fn pdf_prints_markup_characters_and_reads_no_file() {
    let (p, id) = built();
    for lang in ["ko", "en"] {
        let text = pdf_text(&p.path().join(format!("build/{id}/{id}.{lang}.pdf")));
        for lit in LITERALS.iter().chain(&[
            "*a*",
            "#set page(width: 1cm)",
            "#import \"@preview/x:1.0.0\"",
            "= not a heading",
        ]) {
            assert_contains_squashed(&text, lit, &format!("{lang}.pdf"));
        }
        assert!(!text.contains("root:"), "no file content in the PDF");
    }
}

/// No element, attribute or URL from content can run or fetch anything.
fn assert_no_active_content(html: &str) {
    for (name, attrs) in html_elements(html) {
        // The only picture is yoyak's own chart, a file beside the edition.
        let own_chart = name == "img"
            && attrs
                .iter()
                .any(|(k, v)| k == "src" && v.ends_with(".svg") && !v.contains([':', '/']));
        assert!(
            !["script", "iframe", "img", "x"].contains(&name.as_str()) || own_chart,
            "element <{name}> leaked"
        );
        for (k, v) in attrs {
            assert!(!k.starts_with("on"), "event handler {k} leaked");
            assert!(!v.to_ascii_lowercase().contains("javascript:"), "javascript: URL leaked");
        }
    }
}
