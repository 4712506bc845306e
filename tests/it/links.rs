//! One rule for link targets: `check` (Y0702) reports what the editions drop, and no edition
//! keeps a target other than http(s) or mailto in any Markdown link form.

use crate::common::*;
use crate::constructs::project_with_body;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// Every link form CommonMark has, with bad and good targets. Bad link texts end in `bad`.
const BODY: &str = "\
[Inlinebad](javascript:alert(1)) [Relbad](../secret.html) <javascript:alert(2)> \
[Refbad][bad] [Shortbad] ![Imgbad](javascript:alert(3)) [Nohostbad](https:relative) \
[Goodlink](https://example.org/ok) <https://example.org/auto> <someone@example.org> \
![Goodimg](https://example.org/img.png)

[bad]: javascript:alert(4)
[Shortbad]: ../relative.html
[unused]: javascript:alert(5)
[unusedrel]: ../x.html";

const BAD_TEXTS: [&str; 7] =
    ["Inlinebad", "Relbad", "javascript:alert(2)", "Refbad", "Shortbad", "Imgbad", "Nohostbad"];

/// The targets the editions keep, in order.
const KEPT: [&str; 4] = [
    "https://example.org/ok",
    "https://example.org/auto",
    "mailto:someone@example.org",
    "https://example.org/img.png",
];

fn built() -> tempfile::TempDir {
    let p = project_with_body(BODY);
    let r = build_project(p.path());
    assert!(!r.has_errors(), "{:#?} {:#?}", r.failed, r.diagnostics);
    p
}

#[test]
fn check_reports_every_link_the_editions_drop() {
    let p = project_with_body(BODY);
    let project = yoyak::content::load_project(p.path()).unwrap();
    let y0702: Vec<_> =
        yoyak::check::check_project(&project).into_iter().filter(|d| d.code == "Y0702").collect();
    // Seven dropped targets in each of ko and en; the kept ones are not reported.
    assert_eq!(y0702.len(), 14, "{y0702:#?}");
    for d in &y0702 {
        assert!(!KEPT.iter().any(|k| d.message.contains(k)), "{}", d.message);
    }
}

#[test]
fn html_keeps_only_http_and_mailto_links() {
    let p = built();
    let html = std::fs::read_to_string(p.path().join("build/body-test/body-test.en.html")).unwrap();
    let start = html.find("<div class=\"body\">").expect("body");
    let body = &html[start..start + html[start..].find("</div>").unwrap()];
    let hrefs: Vec<String> = html_elements(body)
        .into_iter()
        .filter(|(name, _)| name == "a")
        .map(|(_, attrs)| attrs.into_iter().find(|(k, _)| k == "href").unwrap().1)
        .collect();
    assert_eq!(hrefs, KEPT, "{body}");
    assert!(!html_elements(body).iter().any(|(name, _)| name == "img"), "images fetch nothing");
    for t in BAD_TEXTS {
        assert!(body.contains(t), "the text of a dropped link stays: {t}");
    }
}

#[test]
fn markdown_edition_keeps_only_http_and_mailto_links() {
    let p = built();
    let md = std::fs::read_to_string(p.path().join("build/body-test/body-test.en.md")).unwrap();
    let start = md.find("Inlinebad").unwrap();
    let body = &md[start..start + md[start..].find("\n\n").unwrap()];
    // As a CommonMark reader sees it.
    let targets: Vec<String> = Parser::new_ext(body, Options::ENABLE_TABLES)
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect();
    assert_eq!(targets, KEPT, "{body}");
    // As raw text (for renderers with other rules): no target of any form left.
    let squashed = squash(&md).to_ascii_lowercase();
    for form in ["](javascript", "](<javascript", "<javascript", "]:javascript", "](../", "]:../"] {
        assert!(!squashed.contains(form), "{form} in {md}");
    }
    assert!(!md.contains("alert(4)") && !md.contains("alert(5)"), "definitions are gone");
    assert!(!md.contains("!["), "no images");
    for t in BAD_TEXTS {
        assert!(md.contains(t), "the text of a dropped link stays: {t}");
    }
}

#[test]
fn pdf_links_only_http_and_mailto() {
    let p = built();
    let bytes = std::fs::read(p.path().join("build/body-test/body-test.en.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let mut uris: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| {
            // The URI sits in the annotation's action, inline or as its own object.
            let action = d.get(b"A").and_then(|a| a.as_dict()).unwrap_or(d);
            action.get(b"URI").ok()
        })
        .filter_map(|u| u.as_str().ok().map(|s| String::from_utf8_lossy(s).into_owned()))
        .collect();
    uris.sort();
    uris.dedup();
    let mut kept = KEPT.map(String::from).to_vec();
    kept.sort();
    assert_eq!(uris, kept);
}
